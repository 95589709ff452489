"""Answers to Dash callback requests, kept by request body.

Every callback of this app is a pure function of what the browser sends (inputs, state and
which input changed) and of the data, so the same body always gets the same answer. A
hundred delegates opening one link send the same routing and page requests; a reader
scrubbing the years sends the same map requests again. The answer is kept in the process
(bounded, least recently used first out), keyed by the data version and a digest of the body:
a data refresh starts afresh, and nothing about a reader is kept but what every reader asks.
Errors are never kept; compression and security headers are applied to every answer as usual.
``Answers.enabled = False`` turns it off (every request runs its callback: benchmarks time them so).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from flask import Flask, Response, g, request

from dashboard import datasets

ENTRIES = 4096
MAX_BYTES = 48 * 1024 * 1024  # per worker: a few thousand map patches or a few hundred pages
MAX_BODY = 64 * 1024  # larger bodies (long selections) are answered afresh
MAX_ANSWER = 256 * 1024
KEPT_STATUSES = (200, 204)  # an answer, or "nothing to update" (PreventUpdate)


class Answers:
    """A thread-safe map from a request key to (body, status, mimetype), bounded in entries and
    in bytes; the least recently used answers go first."""

    def __init__(self, entries: int = ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self._entries = entries
        self._max_bytes = max_bytes
        self._bytes = 0
        self._kept: OrderedDict[bytes, tuple[bytes, int, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.enabled = True  # False: every request is answered afresh, nothing kept

    def get(self, key: bytes) -> tuple[bytes, int, str] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def put(self, key: bytes, answer: tuple[bytes, int, str]) -> None:
        with self._lock:
            old = self._kept.pop(key, None)
            self._bytes -= len(old[0]) if old else 0
            self._kept[key] = answer
            self._bytes += len(answer[0])
            while len(self._kept) > self._entries or self._bytes > self._max_bytes:
                _key, dropped = self._kept.popitem(last=False)
                self._bytes -= len(dropped[0])

    @property
    def size(self) -> int:
        """Bytes of the answers kept."""
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
            self._bytes = 0

    def __len__(self) -> int:
        return len(self._kept)


def register(server: Flask, callback_path: str) -> Answers:
    """Answer repeated callback requests from memory. Register after Dash (so that the answer
    is kept before Flask-Compress compresses it)."""
    answers = Answers()

    @server.before_request
    def answer_again() -> Response | None:
        if not answers.enabled or request.method != "POST" or request.path != callback_path:
            return None
        length = request.content_length
        if length is None or length > MAX_BODY:
            return None
        version = datasets.version().encode()
        key = hashlib.sha256(version + b"\0" + request.get_data(cache=True)).digest()
        found = answers.get(key)
        if found is None:
            g.answer_key = key
            return None
        body, status, mimetype = found
        return Response(body, status=status, mimetype=mimetype)

    @server.after_request
    def keep_answer(response: Response) -> Response:
        key = g.pop("answer_key", None)
        if key is not None and response.status_code in KEPT_STATUSES and not response.direct_passthrough:
            body = response.get_data()
            if len(body) <= MAX_ANSWER and "Content-Encoding" not in response.headers:
                answers.put(key, (body, response.status_code, response.mimetype or "application/json"))
        return response

    server.extensions["puentes_answers"] = answers
    return answers
