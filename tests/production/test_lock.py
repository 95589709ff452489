"""requirements.lock (used by the Makefile and the Dockerfile) pins every runtime dependency."""

from __future__ import annotations

import re
import tomllib

from dashboard.paths import ROOT


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_runtime_dependency_is_locked_to_one_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {canonical(re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}
    lines = [line for line in (ROOT / "requirements.lock").read_text().splitlines() if line[:1].isalnum()]
    locked = dict(line.split("==", 1) for line in lines)
    assert all(version.strip() for version in locked.values())
    missing = wanted - {canonical(name) for name in locked}
    assert missing == set(), f"not in requirements.lock: {sorted(missing)}; run 'make lock'"
