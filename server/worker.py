"""The gunicorn worker Puentes runs (``worker_class`` in ``gunicorn.conf.py``): gunicorn's threaded
worker (gthread, 27.x) with two changes for a server that faces clients directly and proxies that retry.

**A request is read whole before a thread takes it.** gthread hands a connection to a request thread
as soon as its first byte arrives, and that thread then blocks reading the rest: 8 clients sending one
header byte every 2 s hold the 2 x 4 threads of the image for as long as they like (slowloris), and a
slow request body does the same. Here the worker's main loop, which already waits on every idle
connection, also reads each request's head and (known-length) body without blocking; a thread gets
the connection only once the whole request is in memory, as a buffering proxy would give it. Bounds:
``READ_SECONDS`` for a whole request, ``HEAD_BYTES`` for its head, ``BODY_BYTES`` of body buffered
(a larger body is left to the thread: the app refuses it, 413, without reading it) and
``WORKER_BYTES`` buffered per worker in all; past any of them the connection is closed. Connections
are bounded by gunicorn's ``worker_connections`` as before.

**A response's head leaves with its first body bytes, in one send.** gthread sends the status line
and headers, then the body in a second send, and between the two a thread may wait up to 5 ms for
the GIL. A worker killed in that window leaves a proxy holding a head it has already forwarded and a
body that never comes: a response no proxy can retry (``tests/production/test_stack.py`` saw one or
two per replica kill). Sent together, the proxy gets all of it, or nothing and retries elsewhere.

TLS and HTTP/2 connections are left to gthread as it is (the image serves neither).
"""

from __future__ import annotations

import contextlib
import re
import selectors
import socket
import time
from collections import deque
from functools import partial
from typing import Any

from gunicorn.http import wsgi
from gunicorn.http2 import negotiation
from gunicorn.workers.gthread import TConn, ThreadWorker

READ_SECONDS = 20.0
HEAD_BYTES = 64 * 1024
BODY_BYTES = 2 * 1024 * 1024  # the app's own limit (server/security.py answers 413 above it)
WORKER_BYTES = 64 * 1024 * 1024

CONTENT_LENGTH = re.compile(rb"^content-length[ \t]*:[ \t]*(\d+)[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
CHUNKED = re.compile(rb"^transfer-encoding[ \t]*:.*chunked", re.IGNORECASE | re.MULTILINE)
CONTINUE = re.compile(rb"^expect[ \t]*:[ \t]*100-continue", re.IGNORECASE | re.MULTILINE)


def request_complete(buffer: bytes | bytearray) -> bool:
    """Whether ``buffer`` holds a whole HTTP/1 request (or as much as is worth buffering of it)."""
    head_end = buffer.find(b"\r\n\r\n")
    if head_end < 0:
        return False
    head = bytes(buffer[:head_end])
    body = len(buffer) - head_end - 4
    if CONTINUE.search(head):
        return True  # the client sends its body only after gunicorn's "100 Continue"
    if CHUNKED.search(head):
        # The last chunk (no trailers: browsers send none); a body cut elsewhere only costs waiting.
        return buffer.endswith(b"0\r\n\r\n") or body >= BODY_BYTES
    lengths = CONTENT_LENGTH.findall(head)
    if len(lengths) != 1:
        return True  # no body, or a malformed head: gunicorn's parser answers it at once
    return body >= min(int(lengths[0]), BODY_BYTES)


class OneSendResponse(wsgi.Response):  # type: ignore[misc]
    """gunicorn's HTTP/1 response, its head held back until the first body bytes (or the end)."""

    head = b""
    headers_sent: bool  # set by gunicorn's Response.__init__

    def send_headers(self) -> None:
        if self.headers_sent:
            return
        lines = self.default_headers()
        lines.extend(f"{name}: {value}\r\n" for name, value in self.headers)
        self.head = ("".join(lines) + "\r\n").encode("latin-1")
        self.headers_sent = True

    def flush_head(self) -> None:
        head, self.head = self.head, b""
        if head:
            self.sock.sendall(head)

    def _emit_body(self, data: bytes) -> None:
        head, self.head = self.head, b""
        if self.chunked:
            data = b"%X\r\n%s\r\n" % (len(data), data)
        self.sock.sendall(head + data)

    def sendfile(self, respiter: Any) -> bool:
        self.send_headers()
        self.flush_head()  # the file goes out by the kernel's sendfile, after the head
        return bool(super().sendfile(respiter))

    def close(self) -> None:
        self.send_headers()
        if self.chunked:
            self._emit_body(b"")  # the last chunk, with the head if nothing was sent yet
        else:
            self.flush_head()


class PuentesWorker(ThreadWorker):  # type: ignore[misc]
    """gthread reading each request whole in its main loop; see the module's docstring."""

    def init_process(self) -> None:
        # gthread builds each HTTP/1 response with wsgi.create, which uses this module-level class;
        # set in the worker process only (HTTP/2 passes its own class).
        wsgi.Response = OneSendResponse
        self.reading: deque[TConn] = deque()
        self.buffered = 0
        super().init_process()

    def enqueue_req(self, conn: TConn) -> None:
        """Give ``conn`` to a thread once a whole request is buffered; until then the loop reads it."""
        h2c = negotiation.prior_knowledge_allowed(self.cfg, conn.client)
        plain = not (self.cfg.is_ssl or conn.is_http2 or h2c)
        if not plain or getattr(conn, "complete", False):
            conn.complete = False
            super().enqueue_req(conn)
            return
        buffer = bytearray()
        if conn.parser is not None:  # a kept-alive connection: what the last read took ahead
            buffer += conn.parser.unreader.take_buffered()
        conn.buffer, conn.deadline = buffer, time.monotonic() + READ_SECONDS
        conn.head_end = buffer.find(b"\r\n\r\n")
        if request_complete(buffer):
            self.hand_over(conn)
            return
        conn.sock.setblocking(False)
        self.reading.append(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self.on_request_bytes, conn))

    def on_request_bytes(self, conn: TConn, _sock: Any) -> None:
        try:
            data = conn.sock.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away
            self.drop(conn)
            return
        conn.buffer += data
        self.buffered += len(data)
        if conn.head_end < 0:  # only the new bytes are searched: a trickled head costs no rescans
            conn.head_end = conn.buffer.find(b"\r\n\r\n", max(0, len(conn.buffer) - len(data) - 3))
        too_big = conn.head_end < 0 and len(conn.buffer) > HEAD_BYTES
        if too_big or self.buffered > WORKER_BYTES:
            self.drop(conn)
        elif conn.head_end >= 0 and request_complete(conn.buffer):
            self.stop_reading(conn)
            self.hand_over(conn)

    def hand_over(self, conn: TConn) -> None:
        """The buffered bytes go where gunicorn's parser reads first; the thread never waits for them."""
        data = bytes(conn.buffer)
        conn.buffer = bytearray()
        conn.sock.setblocking(True)
        conn.init()  # no TLS, no HTTP/2: only builds the HTTP/1 parser on the socket
        conn.parser.unreader.unread(data)
        conn.data_ready = conn.complete = True
        self.enqueue_req(conn)

    def stop_reading(self, conn: TConn) -> None:
        self.buffered -= len(conn.buffer)
        self.reading.remove(conn)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self.poller.unregister(conn.sock)

    def drop(self, conn: TConn) -> None:
        self.stop_reading(conn)
        self.nr_conns -= 1
        with contextlib.suppress(OSError):
            conn.sock.shutdown(socket.SHUT_RDWR)
        conn.close()

    def murder_pending(self) -> None:
        """gthread's sweep of idle connections, then of requests still arriving after ``READ_SECONDS``."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.deadline <= now]:
            self.drop(conn)
