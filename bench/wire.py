"""Every request a page makes and its bytes on the wire in both directions, headers included, from
Chromium's DevTools ``Network.*`` events (chromedriver's performance log).

- up: the request line, the headers Chromium really sent (``Network.requestWillBeSentExtraInfo``,
  cookies included) and the request body (``request.postData``, or ``Network.getRequestPostData``
  when the event left it out);
- down: ``Network.loadingFinished.encodedDataLength`` (status line, headers and the body as sent,
  compressed or not); the response headers alone from ``Network.responseReceivedExtraInfo``'s
  ``headersText`` (HTTP/1.1, as gunicorn speaks on loopback).

A request answered from the browser's cache (memory or disk, no revalidation) costs nothing on the
wire and is listed apart; a revalidation answered ``304`` is a request like any other.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Request:
    """One request of the page, as the wire saw it."""

    request_id: str
    url: str
    method: str
    status: int = 0
    up_headers: int = 0
    up_body: int = 0
    down_headers: int = 0
    received: int = 0  # loadingFinished.encodedDataLength: status line, headers, body (encoded)
    cached: bool = False  # answered from the browser's cache without the network
    finished: bool = False
    failed: bool = False
    started: float = 0.0  # DevTools timestamp (s)
    ended: float = 0.0
    post_data: str | None = None
    has_post_data: bool = False
    response_headers: dict[str, str] = field(default_factory=dict)

    @property
    def down(self) -> int:
        """Everything received. Chromium leaves out the headers of a response without a body (204,
        304) from ``encodedDataLength``: they are put back from ``headersText``."""
        return max(self.received, self.down_headers)

    @property
    def up(self) -> int:
        return self.up_headers + self.up_body

    @property
    def total(self) -> int:
        return self.up + self.down

    @property
    def path(self) -> str:
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def on_wire(self) -> bool:
        return not self.cached and not self.url.startswith(("data:", "blob:"))


def request_line(method: str, url: str) -> str:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return f"{method} {target} HTTP/1.1\r\n"


def header_bytes(headers: dict[str, Any]) -> int:
    """``Name: value\\r\\n`` per header and the blank line that ends them."""
    return sum(len(f"{name}: {value}\r\n".encode()) for name, value in headers.items()) + 2


class Recorder:
    """Reads the performance log of a chromedriver session (``goog:loggingPrefs`` performance)
    and keeps every request of the page's own origin."""

    def __init__(self, driver: Any, origin: str) -> None:
        self.driver = driver
        self.origin = origin
        self.requests: dict[str, Request] = {}
        self._early: dict[str, list[dict[str, Any]]] = {}  # events before their requestWillBeSent

    def drain(self) -> list[dict[str, Any]]:
        """Read the events logged since the last call (and forget them)."""
        events = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"].startswith("Network."):
                events.append(message)
                self._take(message)
        return events

    def reset(self) -> None:
        self.drain()
        self.requests = {}
        self._early = {}

    def _take(self, event: dict[str, Any]) -> None:
        method, params = event["method"], event["params"]
        rid = params.get("requestId", "")
        if method == "Network.requestWillBeSent":
            request = params["request"]
            if not request["url"].startswith(self.origin):
                return
            old = self.requests.get(rid)
            if old is not None and params.get("redirectResponse"):
                # a redirect: the first hop is a request of its own
                self.requests[f"{rid}#{len(self.requests)}"] = old
                old.finished = True
            self.requests[rid] = Request(
                rid,
                request["url"],
                request["method"],
                started=params.get("timestamp", 0.0),
                post_data=request.get("postData"),
                has_post_data=bool(request.get("hasPostData")),
            )
            for early in self._early.pop(rid, []):  # the ExtraInfo events may come first
                self._take(early)
            return
        found = self.requests.get(rid)
        if found is None or (method == "Network.requestWillBeSentExtraInfo" and found.up_headers):
            if method.endswith("ExtraInfo"):  # its request (or its redirect hop) is yet to come
                self._early.setdefault(rid, []).append(event)
            return
        if method == "Network.requestWillBeSentExtraInfo":
            self._apply_extra(found, params)
            return
        if method == "Network.requestServedFromCache":
            found.cached = True
        elif method == "Network.responseReceived":
            response = params["response"]
            found.status = int(response.get("status", 0))
            if response.get("fromDiskCache") or response.get("fromPrefetchCache"):
                found.cached = True
            if not found.response_headers:
                found.response_headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
        elif method == "Network.responseReceivedExtraInfo":
            text = params.get("headersText")
            headers = params.get("headers", {})
            found.down_headers = len(text.encode()) if text else header_bytes(headers) + 17
            found.response_headers = {k.lower(): v for k, v in headers.items()}
            found.status = int(params.get("statusCode", found.status))
        elif method == "Network.loadingFinished":
            found.received = int(params.get("encodedDataLength", 0))
            found.finished = True
            found.ended = params.get("timestamp", 0.0)
        elif method == "Network.loadingFailed":
            found.failed = found.finished = True
            found.ended = params.get("timestamp", 0.0)

    @staticmethod
    def _apply_extra(found: Request, params: dict[str, Any]) -> None:
        headers = params.get("headers", {})
        found.up_headers = len(request_line(found.method, found.url).encode()) + header_bytes(headers)

    def bodies(self) -> None:
        """Fill in the request bodies the events left out (large ones), and count them."""
        for request in self.requests.values():
            if request.has_post_data and request.post_data is None and request.on_wire:
                try:
                    answer = self.driver.execute_cdp_cmd(
                        "Network.getRequestPostData", {"requestId": request.request_id}
                    )
                    request.post_data = answer.get("postData", "")
                except Exception:  # noqa: BLE001 - the body is gone: counted from the header
                    request.post_data = None
            if request.post_data is not None:
                request.up_body = len(request.post_data.encode())

    def pending(self) -> int:
        return sum(1 for r in self.requests.values() if not r.finished and not r.cached)

    def wire(self) -> list[Request]:
        """The requests that used the network, in the order they were sent."""
        self.bodies()
        return sorted((r for r in self.requests.values() if r.on_wire), key=lambda r: r.started)


@dataclass
class Tally:
    requests: int
    up: int
    down: int
    headers: int  # up and down headers (request line and status line included)

    @property
    def total(self) -> int:
        return self.up + self.down


def tally(requests: list[Request]) -> Tally:
    return Tally(
        requests=len(requests),
        up=sum(r.up for r in requests),
        down=sum(r.down for r in requests),
        headers=sum(r.up_headers + r.down_headers for r in requests),
    )


def fetched_twice(requests: list[Request]) -> list[str]:
    """GETs of one URL that went to the network more than once (a POST is a new question each time)."""
    seen: dict[str, int] = {}
    for request in requests:
        if request.method == "GET":
            seen[request.path] = seen.get(request.path, 0) + 1
    return sorted(path for path, count in seen.items() if count > 1)
