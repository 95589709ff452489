"""Write requirements.lock: the runtime dependencies of Puentes, transitively, one ``name==version``
a line (``make lock``; the Makefile and the Dockerfile install with it).

The versions are those pip resolves for the runtime dependencies alone (``[project] dependencies``
of pyproject.toml, no extras), in a fresh temporary virtual environment of this Python: what the
test or ETL tools would like never drags a runtime package back (selenium, through dash[testing],
wants urllib3 1.26, which has known vulnerabilities; the runtime gets urllib3 2). The test
environment installs with these pins as constraints except the few its tools need otherwise
(``TEST_UNPINNED`` in the Makefile).

Only the standard library is used, so that ``make lock`` works before anything is installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
HEADER = (
    "# Runtime dependencies of Puentes, locked by 'make lock' (scripts/lock_requirements.py):\n"
    "# resolved from pyproject's [project] dependencies alone, without the etl and test extras.\n"
)


def resolve(project: Path = ROOT) -> list[dict[str, Any]]:
    """pip's resolution of ``project`` without extras, from scratch in an empty virtual environment,
    installing nothing: the metadata of every package it would install (``project`` included)."""
    with tempfile.TemporaryDirectory(prefix="puentes-lock-") as tmp:
        venv.create(tmp, with_pip=True)
        python = Path(tmp) / "bin" / "python"
        command = [str(python), "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
        done = subprocess.run(
            [*command, "--report", "-", str(project)], capture_output=True, text=True, check=False
        )
    if done.returncode != 0:
        sys.exit(f"make lock: pip could not resolve the runtime dependencies:\n{done.stderr.strip()}")
    report = json.loads(done.stdout)
    return [item["metadata"] for item in report["install"]]


def pins(resolved: list[dict[str, Any]]) -> list[str]:
    """``name==version`` of every resolved package but Puentes itself, sorted by name."""
    chosen = {item["name"]: item["version"] for item in resolved if item["name"].lower() != "puentes"}
    return [f"{name}=={version}" for name, version in sorted(chosen.items(), key=lambda p: p[0].lower())]


def main() -> None:
    lines = pins(resolve())
    LOCK.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{LOCK.name}: {len(lines)} packages")


if __name__ == "__main__":
    main()
