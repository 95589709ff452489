"""Hostile input: fuzzed URL states and forged ``/_dash-update-component`` bodies.

Whatever a link or a script sends, the URL parsers and the router never raise, a callback
request never gets a 5xx or a traceback, and the app answers normally afterwards.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from dash import Dash
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import datasets
from dashboard.urls import pages
from dashboard.urls.shared import FilterState
from dashboard.urls.shared import query as to_query
from dashboard.vocabulary import vocabulary
from layouts.router import PAGE_KEYS, render

KEYS = [
    "indicator", "year", "region", "countries", "lang", "scale", "direction", "origins",
    "destinations", "sex", "base", "focus", "side", "themes", "years", "event", "programme",
    "component", "programmes",
]  # fmt: skip
HOSTILE = [
    "", " ", "<script>alert(1)</script>", "%00", "%", "%%", "%E2%82", "\x00", "../../etc/passwd",
    "-1", "0", "1e309", "NaN", "nan", "inf", "99999999999999999999999", "2024.0", "２０２４",
    "ESP,,,ESP", "esp,ecu", ",", "ÉÇÜ", "🇪🇸", "\u202e", "a" * 3000, "null", "[]", "{}", "true",
    "javascript:alert(1)", "'; DROP TABLE x;--",
]  # fmt: skip
PATHS = [
    *(f"/{page}" for page in PAGE_KEYS), "/", "", "//", "/embed/map", "/map/extra", "/MAP",
    "/%2e%2e/", "/map?x", "/../../", "/\u0000", "/" + "x" * 5000,
]  # fmt: skip


def known_values() -> list[str]:
    catalogue = datasets.catalogue()
    years = {str(y) for y in datasets.indicator_values()["year"].unique()}
    codes = list(datasets.countries()["iso3"])
    return [*catalogue, *sorted(years), *codes[:40], ",".join(codes[:10]), "both", "eu", "celac"]


KNOWN = known_values()
values = st.one_of(
    st.sampled_from(KNOWN), st.sampled_from(HOSTILE), st.text(max_size=40), st.integers().map(str)
)
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(KEYS), st.text(max_size=12)), values), max_size=8)
encoded = pairs.map(lambda ps: "?" + "&".join(f"{quote(k)}={quote(v)}" for k, v in ps))
raw = pairs.map(lambda ps: "&".join(f"{k}={v}" for k, v in ps))
queries = st.one_of(encoded, raw, st.text(max_size=200), st.none())
paths = st.one_of(st.sampled_from(PATHS), st.text(max_size=30).map(lambda t: "/" + t), st.none())


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries)
def test_url_state_parsers_never_raise_and_round_trip(query: str | None) -> None:
    parsed = pages.parse_shared(query, vocabulary())
    assert isinstance(parsed.state, FilterState)
    # The canonical query of a parsed state parses back to the same state, with no notice.
    again = pages.parse_shared(to_query(parsed.state), vocabulary())
    assert again.state == parsed.state
    assert again.notices == ()
    for parse in (pages.parse_corridors, pages.parse_dialogue, pages.parse_programmes):
        parse(query or "", vocabulary())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pathname=paths, query=queries)
def test_router_render_never_raises(pathname: str | None, query: str | None) -> None:
    navbar, body = render(pathname, query)
    assert navbar is not None and body is not None


def assert_safe(response: Any) -> None:
    text = response.get_data(as_text=True)
    assert response.status_code < 500, text[:300]
    assert "Traceback" not in text and 'File "' not in text


PREFIXES = [
    "/", "/map/", "/embed/", "/assets/", "/assets/plotly/", "/_dash-component-suites/",
    "/_dash-component-suites/dash/", "/download/", "/download/map.csv/", "/geometry/", "/healthz/",
    "/_dash-layout/", "/static/", "/%2e%2e/", "/%ff", "/download/map.csv?countries=",
    "/download/corridors.csv?origins=", "/download/corridors.csv?direction=custom&destinations=",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES),
    rest=st.one_of(st.text(max_size=40), st.sampled_from(HOSTILE)),
    query=st.one_of(encoded, st.just("")),
)
def test_hostile_get_requests_never_get_a_5xx(server_app: Dash, prefix: str, rest: str, query: str) -> None:
    # Export routes are left out: they start a browser to draw, and have their own tests.
    with server_app.server.test_client() as client:
        assert_safe(client.get(prefix + quote(rest, safe="/%") + query))


# Forged callback bodies ------------------------------------------------------------------

HUGE_LIST = list(range(100_000))
MEGABYTE = "ñ" * 500_000
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=50),
        st.sampled_from([*HOSTILE, *KNOWN]),
        st.just(MEGABYTE),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=8),
        st.dictionaries(st.text(max_size=10), children, max_size=5),
        st.just(HUGE_LIST),
    ),
    max_leaves=12,
)


def outputs_of(key: str) -> Any:
    """The ``outputs`` a browser sends for a callback key such as ``..a.children...b.value..``."""

    def one(spec: str) -> dict[str, str]:
        component, prop = spec.rsplit(".", 1)
        return {"id": component, "property": prop.split("@")[0]}

    if key.startswith(".."):
        return [one(spec) for spec in key.strip(".").split("...")]
    return one(key)


def forge(app: Dash, data: st.DataObject) -> dict[str, Any]:
    key = data.draw(st.sampled_from(sorted(app.callback_map)), label="callback")
    spec = app.callback_map[key]

    def values_for(deps: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"id": d["id"], "property": d["property"], "value": data.draw(json_values)} for d in deps]

    inputs = values_for(spec["inputs"])
    body: dict[str, Any] = {
        "output": key,
        "outputs": outputs_of(key),
        "inputs": inputs,
        "state": values_for(spec.get("state", [])),
        "changedPropIds": [f"{i['id']}.{i['property']}" for i in inputs[:1]],
    }
    mangle = data.draw(st.sampled_from(["none", "drop", "retype", "unknown"]), label="mangle")
    if mangle == "drop":
        body.pop(data.draw(st.sampled_from(sorted(body))))
    elif mangle == "retype":
        body[data.draw(st.sampled_from(sorted(body)))] = data.draw(json_values)
    elif mangle == "unknown":
        body["output"] = data.draw(st.text(max_size=30))
    return body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_forged_callback_bodies_never_get_a_5xx(server_app: Dash, data: st.DataObject) -> None:
    body = forge(server_app, data)
    # Python's json writes NaN/Infinity, as a hostile client may: the server must cope.
    text = json.dumps(body, allow_nan=True)
    with server_app.server.test_client() as client:
        assert_safe(client.post("/_dash-update-component", data=text, content_type="application/json"))


@settings(max_examples=100, deadline=None)
@given(body=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_garbage_callback_bodies_never_get_a_5xx(server_app: Dash, body: bytes) -> None:
    with server_app.server.test_client() as client:
        for content_type in ("application/json", "text/plain"):
            assert_safe(client.post("/_dash-update-component", data=body, content_type=content_type))


def test_the_app_answers_normally_after_the_fuzzing(client: FlaskClient) -> None:
    assert client.get("/healthz").status_code == 200
    page = client.get("/map")
    assert page.status_code == 200 and "_dash-renderer" in page.get_data(as_text=True)
    body = {
        "output": "..app-navbar.children...app-page.children...app-head.data..",
        "outputs": outputs_of("..app-navbar.children...app-page.children...app-head.data.."),
        "inputs": [{"id": "app-route", "property": "data", "value": {"path": "/map", "search": "?lang=es"}}],
        "changedPropIds": ["app-route.data"],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 200
    answer = response.get_json()["response"]
    assert set(answer) == {"app-navbar", "app-page", "app-head"}
    assert answer["app-head"]["data"]["lang"] == "es"  # the document's language follows the view
