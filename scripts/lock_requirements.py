"""Write requirements.lock: the runtime dependencies of Puentes, transitively, one ``name==version``
a line (``make lock``; the Makefile and the Dockerfile install with it).

The versions are those pip resolves for the test environment (``.[etl,test]``), restricted to what
the runtime needs: the same pins then constrain ``make install-test`` without fighting the test
tools (selenium wants urllib3 1.26, for example), and the image gets exactly the tested versions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
HEADER = "# Runtime dependencies of Puentes, locked by 'make lock' (scripts/lock_requirements.py).\n"


def resolve() -> dict[str, dict[str, Any]]:
    """pip's resolution of the test environment, from scratch, without installing anything."""
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet"]
    done = subprocess.run(
        [*command, "--report", "-", ".[etl,test]"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout)
    return {canonicalize_name(item["metadata"]["name"]): item["metadata"] for item in report["install"]}


def runtime_closure(resolved: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Every package the runtime needs (no extras of Puentes), with its resolved version."""
    pins: dict[str, str] = {}
    todo: list[tuple[str, frozenset[str]]] = [("puentes", frozenset())]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        metadata = resolved[name]
        if name != "puentes":
            pins[metadata["name"]] = metadata["version"]
        for text in metadata.get("requires_dist", []):
            requirement = Requirement(text)
            wanted = extras or {""}
            if requirement.marker and not any(requirement.marker.evaluate({"extra": e}) for e in wanted):
                continue
            todo.append((canonicalize_name(requirement.name), frozenset(requirement.extras)))
    return pins


def main() -> None:
    pins = runtime_closure(resolve())
    lines = [f"{name}=={version}" for name, version in sorted(pins.items(), key=lambda p: p[0].lower())]
    (ROOT / "requirements.lock").write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"requirements.lock: {len(lines)} packages")


if __name__ == "__main__":
    main()
