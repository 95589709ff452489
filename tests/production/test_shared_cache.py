"""The download cache: in-process by default, shared through a real redis-server when
``CACHE_URL`` says so (two app instances stand for two replicas), and harmless when Redis is down."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dash import Dash

from app import create_app
from dashboard import datasets, rendering
from dashboard.settings import Settings
from server import cache, health, routes

QUERY = "/download/map.csv?indicator=migrant_stock&year=2000&region=celac"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway redis-server on loopback (``make redis`` installs it); skipped when absent."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not installed (make redis)")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    server = subprocess.Popen(
        [binary, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no",
         "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("redis-server did not start")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def replica(data_dir: Path, cache_url: str) -> Dash:
    return create_app(Settings(data_dir=data_dir, cache_url=cache_url))


def test_a_data_refresh_starts_a_fresh_key_space() -> None:
    assert datasets.digest({"files": {"a": 1}}) != datasets.digest({"files": {"a": 2}})
    assert cache.cache_config("", "v1")["CACHE_TYPE"] == "server.byte_cache.ByteLRUCache"
    assert cache.cache_config("redis://r:6379/0", "v1")["CACHE_KEY_PREFIX"] == "puentes:v1:"


def test_downloads_are_cached_in_process(server_app: Dash, monkeypatch: pytest.MonkeyPatch) -> None:
    client = server_app.server.test_client()
    first = client.get(QUERY + "&lang=fr")
    monkeypatch.setattr(routes.charts, "table", lambda *_: pytest.fail("the cached download was rebuilt"))
    again = client.get(QUERY + "&lang=fr")
    assert first.status_code == again.status_code == 200
    assert again.data == first.data
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]


@pytest.mark.redis
def test_replicas_share_downloads_through_redis(
    redis_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import redis

    one, two = replica(data_dir, redis_url), replica(data_dir, redis_url)
    first = one.server.test_client().get(QUERY)
    assert first.status_code == 200
    keys = redis.Redis.from_url(redis_url).keys("puentes:*")
    assert len(keys) == 1
    # The second replica never builds the table: it reads what the first one stored.
    monkeypatch.setattr(routes.charts, "table", lambda *_: pytest.fail("the shared download was rebuilt"))
    second = two.server.test_client().get(QUERY)
    assert second.status_code == 200
    assert second.data == first.data
    assert second.headers["Content-Type"].startswith("text/csv")


@pytest.mark.redis
def test_a_redis_that_is_down_costs_nothing_but_the_cache(data_dir: Path) -> None:
    app = replica(data_dir, f"redis://127.0.0.1:{free_port()}/0")
    response = app.server.test_client().get(QUERY)
    assert response.status_code == 200
    assert response.data.count(b"\n") > 10


def test_every_charts_download_is_cached(server_app: Dash, monkeypatch: pytest.MonkeyPatch) -> None:
    client = server_app.server.test_client()
    path = "/download/map.xlsx?chart=profile&countries=VEN,COL&lang=es"
    first = client.get(path)
    monkeypatch.setattr(routes.charts, "table", lambda *_: pytest.fail("the cached download was rebuilt"))
    again = client.get(path)
    assert first.status_code == again.status_code == 200 and again.data == first.data
    monkeypatch.undo()
    other = client.get("/download/map.xlsx?chart=profile&countries=PER&lang=es")
    assert other.status_code == 200 and other.data != first.data  # keyed by path and query


@pytest.mark.redis
@pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
def test_an_image_drawn_by_one_replica_is_served_by_another_without_drawing(
    redis_url: str, data_dir: Path
) -> None:
    """Two replicas sharing Redis: the second answers from the cache even with its queue full."""
    first, second = replica(data_dir, redis_url), replica(data_dir, redis_url)
    url = "/export/map.png?indicator=refugees_hosted&year=2015&lang=pt"
    drawn = first.server.test_client().get(url)
    assert drawn.status_code == 200 and drawn.data.startswith(b"\x89PNG")
    queue = second.server.extensions[health.EXPORTS].queue
    held = queue.reserve(queue.capacity)  # nothing can be drawn on the second replica now
    try:
        served = second.server.test_client().get(url)
        assert served.status_code == 200 and served.data == drawn.data
        other = second.server.test_client().get(url.replace("2015", "2016"))
        assert other.status_code == 503 and other.headers["Retry-After"].isdigit()
    finally:
        held.close()
        first.server.extensions[health.EXPORTS].close()


@pytest.mark.redis
def test_redis_is_never_sent_a_value_over_its_cap(redis_url: str, data_dir: Path) -> None:
    import redis

    from server.byte_cache import REDIS_VALUE_BYTES, CappedRedisCache

    app = replica(data_dir, redis_url)
    (shared,) = app.server.extensions["cache"].values()
    assert isinstance(shared, CappedRedisCache)
    assert shared.set("image:big", b"0" * (REDIS_VALUE_BYTES + 1)) is False
    assert shared.add("image:big", b"0" * (REDIS_VALUE_BYTES + 1)) is False
    assert shared.set("image:small", b"png") and shared.get("image:small") == b"png"
    assert redis.Redis.from_url(redis_url).keys("*image:big") == []
