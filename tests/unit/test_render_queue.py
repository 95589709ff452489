"""The render queue: reservations in images, refused at once (with the seconds to wait) when full,
released when a request ends however it ends; the socket that carries them between a gunicorn
worker and the render process; the bound on a worker's waiting threads; the finished-image cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask_caching.backends import SimpleCache

from dashboard import rendering
from dashboard.errors import ExportFailed
from dashboard.renders import ExportBusy, Exports, Job, wire
from dashboard.renders.queue import RenderQueue
from dashboard.renders.wire import Server, SocketQueue

chromium = pytest.mark.skipif(rendering.browser_path() is None, reason="no Chromium to draw images")
FIGURE = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {}}
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def renderer() -> Iterator[rendering.Renderer]:
    drawer = rendering.Renderer()
    yield drawer
    drawer.close()


def test_a_full_queue_refuses_at_once_and_frees_on_close(renderer: rendering.Renderer) -> None:
    queue = RenderQueue(renderer, capacity=4)
    first = queue.reserve(3)
    with pytest.raises(ExportBusy) as busy:
        queue.reserve(2)
    assert 1 <= busy.value.retry_after <= 60
    assert "try again in" in str(busy.value)
    queue.reserve(1).close()  # what is left still fits
    first.close()
    assert queue.reserved == 0
    queue.reserve(4).close()


def test_a_pack_larger_than_the_queue_is_refused(renderer: rendering.Renderer) -> None:
    with pytest.raises(ExportBusy):
        RenderQueue(renderer, capacity=4).reserve(5)


def test_the_wait_named_grows_with_the_queue(renderer: rendering.Renderer) -> None:
    queue = RenderQueue(renderer, capacity=100)
    queue.reserve(2)
    short = queue.retry_after()
    queue.reserve(60)
    assert queue.retry_after() > short


def test_a_ticket_draws_no_more_than_it_reserved(renderer: rendering.Renderer) -> None:
    ticket = RenderQueue(renderer, capacity=4).reserve(1)
    with pytest.raises(ExportFailed, match="more charts than were reserved"):
        ticket.render(Job("pdf", page="<p>x</p>"))  # a PDF costs more than one image


@pytest.mark.parametrize(("share", "rest"), [(1.0, None), (0.5, 0.3), (0.25, 0.9)])
def test_the_drawing_thread_rests_for_the_share_it_does_not_draw(
    renderer: rendering.Renderer, monkeypatch: pytest.MonkeyPatch, share: float, rest: float | None
) -> None:
    rests: list[float] = []
    monkeypatch.setattr("dashboard.renders.queue.time.sleep", rests.append)
    RenderQueue(renderer, share=share)._rest(0.3)  # 0.3 s spent drawing
    assert rests == ([] if rest is None else [pytest.approx(rest)])


@chromium
def test_the_queue_draws_a_png_and_releases_its_room(renderer: rendering.Renderer) -> None:
    queue = RenderQueue(renderer, capacity=2)
    ticket = queue.reserve(1)
    assert ticket.render(Job("image", FIGURE, "png", 200, 100)).startswith(PNG)
    assert queue.reserved == 0  # each render gives its room back once drawn
    ticket.close()


@pytest.fixture
def socket_server(renderer: rendering.Renderer, tmp_path: Path) -> Iterator[tuple[str, RenderQueue]]:
    path = str(tmp_path / "render.sock")
    queue = RenderQueue(renderer, capacity=2)
    server = Server(path, queue)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield path, queue
    server.shutdown()
    server.server_close()


@chromium
def test_the_socket_carries_reservations_renders_and_refusals(socket_server: tuple[str, RenderQueue]) -> None:
    path, queue = socket_server
    client = SocketQueue(path)
    held = client.reserve(2)
    with pytest.raises(ExportBusy) as busy:  # the render process's queue is full
        client.reserve(1)
    assert busy.value.retry_after >= 1
    assert held.render(Job("image", FIGURE, "svg", 200, 100)).lstrip().startswith((b"<svg", b"<?xml"))
    held.close()  # a closed connection gives back what was left of the reservation
    for _ in range(50):
        if queue.reserved == 0:
            break
        threading.Event().wait(0.05)
    assert queue.reserved == 0
    ticket = client.reserve(1)
    assert ticket.render(Job("image", FIGURE, "png", 200, 100)).startswith(PNG)
    ticket.close()


def test_no_render_process_is_a_busy_answer_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wire, "START_WAIT", 0.5)  # waits that long for one that is starting
    started = time.monotonic()
    with pytest.raises(ExportBusy) as busy:
        SocketQueue(str(tmp_path / "none.sock")).reserve(1)
    assert busy.value.retry_after == 5 and 0.5 <= time.monotonic() - started < 3


def test_a_worker_lets_only_half_its_threads_wait_for_renders(renderer: rendering.Renderer) -> None:
    exports = Exports(renderer, threads=4, capacity=40)
    with exports.session(1), exports.session(1):
        with pytest.raises(ExportBusy) as busy, exports.session(1):
            pass
        assert busy.value.retry_after == 2
    with exports.session(1):  # both threads are back
        pass


@chromium
def test_a_finished_image_is_drawn_once_then_read_from_the_cache(renderer: rendering.Renderer) -> None:
    exports = Exports(renderer, threads=4, capacity=40)
    exports.cache = SimpleCache()
    job = Job("image", FIGURE, "png", 210, 100)
    assert exports.cached(job) is None
    drawn = exports.image(FIGURE, "png", 210, 100)
    assert exports.cached(job) == drawn
    queue = exports.queue
    assert isinstance(queue, RenderQueue)
    full = queue.reserve(queue.capacity)  # a full queue: only the cache can answer now
    try:
        assert exports.image(FIGURE, "png", 210, 100) == drawn
        with pytest.raises(ExportBusy):
            exports.image(FIGURE, "png", 211, 100)  # another size is another image
    finally:
        full.close()
