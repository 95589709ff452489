"""The one reader and builder of query strings: every other module of the package parses and
builds through these helpers, and nothing outside the package touches ``?`` at all.

Reading never fails: anything but a string (a forged callback value) reads as empty, and a
query over :data:`MAX_QUERY_LENGTH` is not read at all but reported as a :class:`Notice`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import parse_qs, parse_qsl, urlencode

MAX_QUERY_LENGTH = 2000
ISO3 = re.compile(r"^[A-Z]{3}$")

Params = Mapping[str, str] | Iterable[tuple[str, str]]


@dataclass(frozen=True)
class Notice:
    """Something in the URL that was not understood and was replaced by a default."""

    parameter: str
    value: str


def text_of(search: object) -> str:
    """The query without its ``?``; anything but a string (a forged callback value) is empty."""
    return search.lstrip("?") if isinstance(search, str) else ""


@dataclass(frozen=True)
class Query:
    """A read query string: each key's values in order; ``too_long`` when it was not read."""

    values: Mapping[str, list[str]] = field(default_factory=dict)
    too_long: Notice | None = None

    def first(self, key: str) -> str | None:
        values = self.values.get(key)
        return values[0] if values else None

    def last(self, key: str) -> str | None:
        values = self.values.get(key)
        return values[-1] if values else None

    def choose(self, key: str, allowed: Collection[str], default: str, notices: list[Notice]) -> str:
        """The first value of ``key`` if allowed; the default when absent; else the default and a notice."""
        value = self.first(key)
        if value is None or value in allowed:
            return value if value is not None else default
        notices.append(Notice(key, value))
        return default


def is_number(text: str) -> bool:
    """Plain digits 0-9 only: ``str.isdigit`` also takes "²" and "①", which ``int`` refuses."""
    return text.isascii() and text.isdigit()


def read(search: object, *, truncate: bool = False) -> Query:
    """The parameters of a search string (blank values kept). An over-long one is read as empty
    with a notice, or, with ``truncate``, read up to :data:`MAX_QUERY_LENGTH` characters."""
    text = text_of(search)
    if len(text) > MAX_QUERY_LENGTH:
        if not truncate:
            return Query({}, Notice("query", text[:40] + "…"))
        text = text[:MAX_QUERY_LENGTH]
    return Query(parse_qs(text, keep_blank_values=True))


def pairs(search: object, *, blanks: bool = False) -> list[tuple[str, str]]:
    """The (key, value) pairs of a search string in order; blank values only with ``blanks``."""
    return parse_qsl(text_of(search), keep_blank_values=blanks)


def build(params: Params) -> str:
    """The query string (with its ``?``, commas kept readable) of ``params``; "" when empty."""
    text = urlencode(list(params.items()) if isinstance(params, Mapping) else list(params), safe=",")
    return "?" + text if text else ""


def join(head: str, params: Params) -> str:
    """``head`` (a built query string, or "") followed by ``params``."""
    tail = build(params)
    if not tail:
        return head
    return f"{head}&{tail[1:]}" if head else tail


def as_search(query: str) -> str:
    """``query`` with its leading ``?`` ("" stays "")."""
    return query if query.startswith("?") or not query else "?" + query


def parse_codes(
    value: str, known: Collection[str], key: str, notices: list[Notice], limit: int
) -> tuple[str, ...]:
    """Known ISO3 codes from a comma-separated value, de-duplicated and capped at ``limit``;
    everything else (and the codes past the cap) becomes a notice for ``key``."""
    codes: list[str] = []
    for code in value.split(","):
        code = code.strip().upper()
        if not code or code in codes:
            continue
        if ISO3.match(code) and code in known:
            codes.append(code)
        else:
            notices.append(Notice(key, code))
    if len(codes) > limit:
        notices.append(Notice(key, ",".join(codes[limit:])))
    return tuple(codes[:limit])


def parse_ids(value: str | None, known: Collection[str], key: str, notices: list[Notice]) -> tuple[str, ...]:
    """Known ids from a comma-separated value, de-duplicated; the others become notices."""
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    for bad in [i for i in ids if i not in known]:
        notices.append(Notice(key, bad))
    return tuple(dict.fromkeys(i for i in ids if i in known))
