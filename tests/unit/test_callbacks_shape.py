"""The shape of ``callbacks/``: module-level callbacks bound with named outputs, and no browser code
that builds links (Python builds them, :mod:`dashboard.urls.chrome`)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CALLBACKS = sorted((Path(__file__).resolve().parents[2] / "callbacks").glob("*.py"))


def tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text("utf-8"))


@pytest.mark.parametrize("path", CALLBACKS, ids=lambda p: p.name)
def test_callbacks_are_module_level_functions(path: Path) -> None:
    """No closure inside ``register``: every callback can be imported and called by a test."""
    nested = [
        f"{outer.name}.{inner.name}"
        for outer in ast.walk(tree(path))
        if isinstance(outer, ast.FunctionDef)
        for inner in ast.walk(outer)
        if inner is not outer and isinstance(inner, ast.FunctionDef | ast.Lambda) and outer.name == "register"
    ]
    assert nested == []


@pytest.mark.parametrize("path", CALLBACKS, ids=lambda p: p.name)
def test_server_callbacks_name_their_outputs_and_inputs(path: Path) -> None:
    """``app.callback(output={...}, inputs={...})``: never positional ``Output``/``Input`` lists."""
    for call in ast.walk(tree(path)):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "callback"
        ):
            assert not call.args, f"{path.name}:{call.lineno} positional callback arguments"
            assert {k.arg for k in call.keywords} >= {"output", "inputs"}, f"{path.name}:{call.lineno}"


@pytest.mark.parametrize("path", CALLBACKS, ids=lambda p: p.name)
def test_no_browser_code_rebuilds_page_links(path: Path) -> None:
    text = path.read_text("utf-8")
    assert "URLSearchParams" not in text and "location.search" not in text
