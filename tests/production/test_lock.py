"""requirements.lock (used by the Makefile and the Dockerfile) pins every runtime dependency, and
only those: it is resolved from the runtime dependencies alone (scripts/lock_requirements.py)."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

from packaging.requirements import Requirement
from packaging.version import Version

from dashboard.paths import ROOT


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def project() -> dict[str, object]:
    return dict(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"])


def locked() -> dict[str, str]:
    lines = [line for line in (ROOT / "requirements.lock").read_text().splitlines() if line[:1].isalnum()]
    return {canonical(name): version.strip() for name, version in (line.split("==", 1) for line in lines)}


def closure(specs: list[str]) -> set[str]:
    """Every installed distribution ``specs`` need, transitively (markers and extras evaluated in this
    environment, from the installed packages' metadata); Puentes itself left out."""
    needed: set[str] = set()
    todo = [(Requirement(spec), frozenset[str]()) for spec in specs]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        requirement, _ = todo.pop()
        name = canonical(requirement.name)
        key = (name, frozenset(requirement.extras))
        if key in seen or name == "puentes":
            continue
        seen.add(key)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        needed.add(name)
        for text in requires:
            sub = Requirement(text)
            extras = requirement.extras or {""}
            if sub.marker and not any(sub.marker.evaluate({"extra": e}) for e in extras):
                continue
            todo.append((sub, frozenset()))
    return needed


def test_every_runtime_dependency_is_locked_to_one_version() -> None:
    dependencies = project()["dependencies"]
    assert isinstance(dependencies, list)
    wanted = {canonical(Requirement(spec).name) for spec in dependencies}
    pins = locked()
    assert all(pins.values())
    missing = wanted - set(pins)
    assert missing == set(), f"not in requirements.lock: {sorted(missing)}; run 'make lock'"


def test_the_lock_holds_no_package_only_the_etl_or_the_tests_need() -> None:
    extras = project()["optional-dependencies"]
    dependencies = project()["dependencies"]
    assert isinstance(extras, dict) and isinstance(dependencies, list)
    runtime = closure(dependencies)
    tools = closure([spec for group in extras.values() for spec in group]) - runtime
    assert {"selenium", "pytest", "geopandas", "pandera"} <= tools  # the check sees the tools
    assert tools & set(locked()) == set(), "test or ETL tools in requirements.lock; run 'make lock'"


def test_the_locked_urllib3_is_not_the_vulnerable_1_26() -> None:
    version = locked().get("urllib3")
    assert version is None or Version(version) >= Version("2"), f"urllib3=={version} in requirements.lock"
