"""server/worker.py without a server: when a buffered request is whole, and a response's head
leaving with its first body bytes in one send (the stack and slow-client tests run it for real)."""

from __future__ import annotations

from typing import Any

import pytest
from gunicorn.config import Config

from server.worker import BODY_BYTES, OneSendResponse, request_complete


@pytest.mark.parametrize(
    ("data", "whole"),
    [
        (b"GET /map HTTP/1.1\r\nHost: x\r\n", False),
        (b"GET /map HTTP/1.1\r\nHost: x\r\n\r\n", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nabc", False),
        (b"POST / HTTP/1.1\r\ncontent-length:  5\r\n\r\nabcde", True),
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\nHost: x\r\n\r\nabc", False),  # not the last line
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n", False),
        (b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", True),
        # The client waits for "100 Continue" before its body: the thread must answer it.
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n", True),
        # Above the app's limit: not buffered (the app refuses it with 413 without reading it).
        (b"POST / HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % (BODY_BYTES * 10) + b"a" * BODY_BYTES, True),
        # Two lengths: malformed, left to gunicorn's parser to refuse at once.
        (b"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", True),
    ],
)
def test_a_request_is_whole_when_its_head_and_body_are_in(data: bytes, whole: bool) -> None:
    assert request_complete(data) is whole


class Socket:
    def __init__(self) -> None:
        self.sends: list[bytes] = []

    def sendall(self, data: bytes) -> None:
        self.sends.append(data)


class Request:
    version = (1, 1)
    method = "GET"
    path = "/"

    def should_close(self) -> bool:
        return False


def respond(headers: list[tuple[str, str]], chunks: list[bytes]) -> list[bytes]:
    sock = Socket()
    response: Any = OneSendResponse(Request(), sock, Config())
    response.start_response("200 OK", headers)
    for chunk in chunks:
        response.write(chunk)
    response.close()
    return sock.sends


def test_the_head_leaves_with_the_body_in_one_send() -> None:
    (sent,) = respond([("Content-Length", "5")], [b"hello"])
    assert sent.startswith(b"HTTP/1.1 200 OK\r\n") and sent.endswith(b"\r\n\r\nhello")


def test_a_response_without_body_still_sends_its_head() -> None:
    (sent,) = respond([("Content-Length", "0")], [])
    assert sent.startswith(b"HTTP/1.1 200 OK\r\n") and sent.endswith(b"\r\n\r\n")


def test_a_chunked_response_is_framed_and_ended() -> None:
    first, second, last = respond([], [b"abc", b"de"])
    assert b"Transfer-Encoding: chunked" in first and first.endswith(b"\r\n\r\n3\r\nabc\r\n")
    assert (second, last) == (b"2\r\nde\r\n", b"0\r\n\r\n")
