"""The render process's socket: its server (around a :class:`RenderQueue`) and the client a gunicorn
worker reserves and draws through. The socket is in a private folder (0700) and only the server's
own processes speak on it; messages are pickled tuples, length-prefixed."""

from __future__ import annotations

import pickle
import socket
import socketserver
import struct
import time
from typing import Any

from dashboard.errors import ExportFailed
from dashboard.renders.jobs import WAIT, ExportBusy, Job, Ticket
from dashboard.renders.queue import RenderQueue

_HEADER = struct.Struct("!Q")
START_WAIT = 8.0  # seconds a worker waits for a render process that is (re)starting to listen
MAX_MESSAGE = 64 * 1024 * 1024  # a figure with every country's shapes is a few MB


# The socket protocol: the client sends ("reserve", cost), then ("render", job) as many times as
# reserved; the server answers ("ok",), ("busy", seconds), ("done", bytes) or ("failed", reason).
# Closing the connection releases what is left of the reservation.


def _send(sock: socket.socket, message: tuple[Any, ...]) -> None:
    data = pickle.dumps(message, protocol=5)
    sock.sendall(_HEADER.pack(len(data)) + data)


def _receive(sock: socket.socket) -> tuple[Any, ...] | None:
    header = _read(sock, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    if size > MAX_MESSAGE:
        raise ExportFailed("a render message over the size limit")
    data = _read(sock, size)
    if data is None:
        return None
    message = pickle.loads(data)
    return message if isinstance(message, tuple) else None


def _read(sock: socket.socket, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class _Handler(socketserver.BaseRequestHandler):
    server: Server

    def handle(self) -> None:
        ticket: Ticket | None = None
        try:
            while (message := _receive(self.request)) is not None:
                if message[0] == "reserve" and ticket is None:
                    try:
                        ticket = self.server.queue.reserve(int(message[1]))
                        _send(self.request, ("ok",))
                    except ExportBusy as busy:
                        _send(self.request, ("busy", busy.retry_after))
                elif message[0] == "render" and ticket is not None:
                    try:
                        _send(self.request, ("done", ticket.render(message[1])))
                    except ExportFailed as error:
                        _send(self.request, ("failed", str(error)))
                else:
                    _send(self.request, ("failed", "not a render request"))
        except (OSError, ExportFailed, pickle.UnpicklingError):
            pass  # the worker went away (timeout, restart): its reservation is released below
        finally:
            if ticket is not None:
                ticket.close()


class Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: str, render_queue: RenderQueue) -> None:
        self.queue = render_queue
        super().__init__(path, _Handler)


class SocketQueue:
    """The render process's queue, seen from a gunicorn worker."""

    def __init__(self, path: str, wait: float = WAIT) -> None:
        self.path = path
        self.wait = wait

    def reserve(self, cost: int) -> _SocketTicket:
        """Room for ``cost`` images in the render process's queue; :class:`ExportBusy` when it is
        full, or still not listening after :data:`START_WAIT` seconds (starting or restarting)."""
        sock = self._connect()
        try:
            _send(sock, ("reserve", cost))
            answer = _receive(sock)
        except OSError:
            sock.close()
            raise ExportBusy(5) from None  # the render process is restarting
        if answer is None or answer[0] != "ok":
            sock.close()
            raise ExportBusy(int(answer[1]) if answer and answer[0] == "busy" else 5)
        return _SocketTicket(sock)

    def _connect(self) -> socket.socket:
        deadline = time.monotonic() + START_WAIT
        while True:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(self.wait)
            try:
                sock.connect(self.path)
                return sock
            except OSError:
                sock.close()
                if time.monotonic() > deadline:
                    raise ExportBusy(5) from None
                time.sleep(0.25)


class _SocketTicket:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def render(self, job: Job) -> Any:
        try:
            _send(self._sock, ("render", job))
            answer = _receive(self._sock)
        except TimeoutError:
            raise ExportFailed("the chart took too long to draw") from None
        except OSError as error:
            raise ExportFailed(f"the chart renderer stopped ({type(error).__name__})") from None
        if answer is None:
            raise ExportFailed("the chart renderer stopped")
        if answer[0] != "done":
            raise ExportFailed(str(answer[1]))
        return answer[1]

    def close(self) -> None:
        self._sock.close()
