"""The data flow of STYLE.md holds: a pure core, one ID module, nothing from outside hosts."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from dash.development.base_component import Component

from dashboard.paths import ROOT
from dashboard.settings import Settings
from layouts import ids
from layouts.router import PAGE_KEYS, render


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", python_files("dashboard"), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_dash(path: Path) -> None:
    forbidden = {"dash", "dash_bootstrap_components", "flask"} & imported_modules(path)
    assert not forbidden, f"{path} imports {forbidden}"


def test_running_app_does_not_import_geopandas_or_pandera() -> None:
    code = (
        "import app, sys; print(sorted(m for m in ('geopandas', 'pandera', 'shapely') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


OUTSIDE_HOST = re.compile(r"(cdn\.|unpkg\.com|jsdelivr|googleapis|cdnjs|cdn\.plot\.ly|fonts\.)")


def test_no_code_or_asset_points_at_a_cdn() -> None:
    files = [
        *python_files("dashboard"),
        *python_files("layouts"),
        *python_files("callbacks"),
        ROOT / "app.py",
    ]
    files += [p for p in (ROOT / "assets").rglob("*") if p.suffix in {".css", ".js"}]
    hits = [str(p) for p in files if OUTSIDE_HOST.search(p.read_text(encoding="utf-8", errors="ignore"))]
    assert hits == []


def walk(component: object) -> Iterator[Component]:
    if isinstance(component, Component):
        yield component
        yield from walk(getattr(component, "children", None))
    elif isinstance(component, (list, tuple)):
        for child in component:
            yield from walk(child)


@pytest.mark.parametrize("page", sorted(PAGE_KEYS))
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_id_on_a_page_is_unique(page: str, lang: str) -> None:
    navbar, body = render(f"/{page}", f"?lang={lang}")
    found = [ids.selector(c.id) for c in walk([navbar, body]) if getattr(c, "id", None)]
    assert len(found) == len(set(found)), sorted(i for i in found if found.count(i) > 1)


def test_id_constants_are_unique_and_kebab_case() -> None:
    values = ids.all_static_ids()
    assert len(values) == len(set(values))
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", v) for v in values)


def test_ids_are_only_written_in_the_ids_module() -> None:
    """No string literal ID passed as ``id=`` outside layouts/ids.py."""
    offenders = []
    for path in [*python_files("layouts"), *python_files("callbacks")]:
        if path.name == "ids.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "id" and isinstance(node.value, ast.Constant):
                offenders.append(f"{path.name}:{node.value.lineno}")
    assert offenders == []


def test_every_setting_and_path_variable_is_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # Every Settings field read from the environment (all but data_dir and title) is a variable.
    settings = {f.name.upper() for f in fields(Settings)} - {"DATA_DIR", "TITLE"}
    variables = {*settings, "PUENTES_DATA_DIR", "PUENTES_RAW_DIR", "PUENTES_SEEDS_DIR"}
    assert {v for v in variables if f"`{v}`" not in readme} == set()


# --- the data layer (issue 12, item 4) ------------------------------------------------------
# Only dashboard/datasets reads data/ (and dashboard/etl, which writes it). A module elsewhere
# that reads a file fails here, unless listed below with what it reads and why.

FILE_READS = {"read_text", "read_bytes", "open", "load", "safe_load", "read_parquet", "read_csv", "read_json"}
READERS_ALLOWED = {
    # gettext catalogues under dashboard/locales (code shipped with the app, not data/)
    ("dashboard/i18n.py", "open"),
    # kaleido's `browser.open()` starts the headless browser: it opens no file
    ("dashboard/rendering.py", "open"),
    # the briefing PDF that Chromium just printed into a temporary folder (not data/)
    ("dashboard/briefing_pdf.py", "read_bytes"),
    # the offline file inlines the app's own plotly.js, its locales, the topojson and the player
    # (shipped with the code under assets/ and dashboard/offline/, not data/)
    ("dashboard/offline/assets.py", "read_text"),  # once, when the routes are registered
    # the first-paint frame's stylesheet beside it, inlined in the index page (code, not data/)
    ("layouts/first_paint.py", "read_text"),
    # the render browser's memory, from /proc (the kernel's process table, not data/)
    ("dashboard/renders/queue.py", "read_text"),
}


def file_reads(path: Path) -> set[str]:
    """Names of the calls in ``path`` that read a file (``open(…)``, ``x.read_text()``, …)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in FILE_READS:
            found.add(name)
    return found


def app_modules() -> list[Path]:
    files = [*python_files("dashboard"), *python_files("layouts"), *python_files("callbacks")]
    files += [*python_files("server"), ROOT / "app.py", ROOT / "gunicorn.conf.py"]
    data_layer = (ROOT / "dashboard" / "datasets", ROOT / "dashboard" / "etl")
    return [path for path in files if not any(path.is_relative_to(folder) for folder in data_layer)]


def test_only_the_data_layer_reads_files() -> None:
    reads = {(path.relative_to(ROOT).as_posix(), name) for path in app_modules() for name in file_reads(path)}
    assert reads - READERS_ALLOWED == set()
    assert reads >= READERS_ALLOWED  # an exception no longer needed is removed from the list


def test_the_rule_sees_a_reader(tmp_path: Path) -> None:
    path = tmp_path / "reader.py"
    path.write_text("import tomllib\nx = tomllib.load(open('data/a.toml', 'rb'))\n", encoding="utf-8")
    assert file_reads(path) == {"load", "open"}


# --- Views (issue 12, item 3): layouts turn views into components -------------------------------


def imported_names(path: Path) -> set[str]:
    """Full dotted names a module imports: ``from a import b`` gives ``a`` and ``a.b``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return names


def test_no_layout_imports_pandas_or_reads_the_data_layer() -> None:
    offenders = []
    for path in python_files("layouts"):
        names = imported_names(path)
        if any(n == "pandas" or n.startswith("pandas.") for n in names):
            offenders.append(f"{path.name}: pandas")
        reads = any(n == "dashboard.datasets" or n.startswith("dashboard.datasets.") for n in names)
        if reads:
            offenders.append(f"{path.name}: dashboard.datasets")
    assert offenders == []


def test_views_never_import_dash_or_the_layers_above() -> None:
    above = {"dash", "dash_bootstrap_components", "flask", "layouts", "callbacks", "server", "app"}
    for path in python_files("dashboard/views"):
        assert not {n.split(".")[0] for n in imported_names(path)} & above, path


# ---------------------------------------------------------------------------------------------
# URL state (issue 12, item 1): only dashboard/urls/ parses or builds a query string.
# ---------------------------------------------------------------------------------------------

QUERY_FUNCTIONS = {"urlencode", "parse_qs", "parse_qsl", "urlsplit"}


def query_string_uses(path: Path) -> list[str]:
    """Where ``path`` imports or calls urllib.parse's query-string functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "urllib.parse":
            found += [f"{path.name}:{node.lineno} {a.name}" for a in node.names if a.name in QUERY_FUNCTIONS]
        elif isinstance(node, ast.Attribute) and node.attr in QUERY_FUNCTIONS:
            found.append(f"{path.name}:{node.lineno} {node.attr}")
    return found


def url_state_outsiders() -> list[Path]:
    """Every app module outside the URL package (the ETL keeps its own readers)."""
    own = (ROOT / "dashboard" / "urls", ROOT / "dashboard" / "etl")
    core = [p for p in python_files("dashboard") if not any(p.is_relative_to(folder) for folder in own)]
    others = [*python_files("layouts"), *python_files("callbacks"), *python_files("server")]
    return [*core, *others, ROOT / "app.py"]


@pytest.mark.parametrize("path", url_state_outsiders(), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_url_package_parses_or_builds_query_strings(path: Path) -> None:
    assert query_string_uses(path) == []


def test_the_url_package_is_where_query_strings_are_handled() -> None:
    """The rule above checks something: the URL package itself does use these functions."""
    inside = [u for p in python_files("dashboard/urls") for u in query_string_uses(p)]
    assert {u.rsplit(" ", 1)[1] for u in inside} == QUERY_FUNCTIONS


# --- the shape of the tree (issue 12, items 5-7) --------------------------------------------------

MAX_MODULE_LINES = 300


def running_modules() -> list[Path]:
    """Every module of the running app (the ETL pipeline aside: it never runs in it)."""
    found = [ROOT / "app.py"]
    for folder in ("dashboard", "layouts", "callbacks", "server"):
        found += [p for p in python_files(folder) if "etl" not in p.relative_to(ROOT).parts]
    return found


@pytest.mark.parametrize("path", running_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_have_one_job_and_stay_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)} has {lines} lines: split it by job"


FLASK_HOOKS = re.compile(
    r"\bserver\.(route|get|post|add_url_rule|before_request|after_request|errorhandler)\("
)


@pytest.mark.parametrize("path", python_files("callbacks"), ids=lambda p: str(p.relative_to(ROOT)))
def test_callbacks_hold_only_dash_callbacks(path: Path) -> None:
    """Flask routes, headers and caches live in server/; callbacks/ never touches Flask."""
    assert "flask" not in imported_modules(path), path
    assert not FLASK_HOOKS.search(path.read_text(encoding="utf-8")), path


ENVIRONMENT_WRITE = re.compile(r"os\.environ(\[[^]]+\]\s*=(?!=)|\.(update|setdefault|pop)\()")


@pytest.mark.parametrize("path", running_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_writes_the_environment(path: Path) -> None:
    """Settings are passed explicitly: no module sets a variable for another to read."""
    assert not ENVIRONMENT_WRITE.search(path.read_text(encoding="utf-8")), path


def test_importing_the_app_builds_nothing() -> None:
    """gunicorn calls the factory; importing app.py makes no Dash app and opens no file of data/."""
    code = (
        "import sys\n"
        "read = []\n"
        f"sys.addaudithook(lambda e, a: e == 'open' and str(a[0]).startswith({str(ROOT / 'data')!r}) "
        "and read.append(a[0]))\n"
        "import app, dash._get_app as made\n"
        "print(made.APP is None, len(read))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "0"]


# --- The reader's locale (issue 12, item 2) --------------------------------------------------------
# A request's language becomes one ``dashboard.locale.Locale`` where the request enters (a callback, a
# server route, the router, a view's ``build``) and is passed down: no helper takes a bare language
# code, and only i18n.py and locale.py resolve words and formats from one.

LOCALE_OWNERS = ("dashboard/i18n.py", "dashboard/locale.py")
LANGUAGE_AS_DATA = ("dashboard/urls", "dashboard/etl")  # the URL says ``lang=``; the ETL checks every one


def locale_takers() -> list[Path]:
    """Every app module that must take a ``Locale`` rather than a language code."""
    skipped = [ROOT / p for p in (*LOCALE_OWNERS, *LANGUAGE_AS_DATA)]
    files = [*python_files("dashboard"), *python_files("layouts"), *python_files("callbacks")]
    files += python_files("server")
    return [p for p in files if not any(p == s or p.is_relative_to(s) for s in skipped)]


def lang_str_parameters(path: Path) -> list[str]:
    """``function:line`` of every parameter named ``lang`` annotated ``str``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            arguments = node.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                if arg.arg == "lang" and isinstance(arg.annotation, ast.Name) and arg.annotation.id == "str":
                    found.append(f"{getattr(node, 'name', 'lambda')}:{arg.lineno}")
    return found


def translator_calls(path: Path) -> list[int]:
    """Lines that call ``translator(…)`` (as a name or an attribute)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            called = node.func
            name = called.id if isinstance(called, ast.Name) else getattr(called, "attr", "")
            if name == "translator":
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("path", locale_takers(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_function_takes_a_language_code(path: Path) -> None:
    assert lang_str_parameters(path) == []


def test_the_language_code_rule_sees_a_parameter(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def words(count: int, lang: str) -> str:\n    return lang\n", encoding="utf-8")
    assert lang_str_parameters(sample) == ["words:1"]


def test_only_i18n_and_locale_call_the_translator() -> None:
    everywhere = [*python_files("dashboard"), *python_files("layouts"), *python_files("callbacks")]
    everywhere += [*python_files("server"), ROOT / "app.py"]
    callers = {str(p.relative_to(ROOT)) for p in everywhere if translator_calls(p)}
    assert callers <= set(LOCALE_OWNERS)
    assert translator_calls(ROOT / "dashboard" / "i18n.py")  # the rule sees a call
