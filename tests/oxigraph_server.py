"""Helpers for the tests that talk to real engines over HTTP (test_store.py) or run RDF4J
(test_rio.py).

A missing engine (the `oxigraph` server program, java, the RDF4J jars) skips those tests on a
developer's machine, but fails them when `CI=true`: CI installs them (.ci/run), so a missing one
there is a broken set-up, not a reason to pass.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation

import pytest

HTTP_TIMEOUT = 30  # seconds for one request to a local test server
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy


def require(ok: bool, message: str) -> None:
    """Skip (locally) or fail (CI=true) unless `ok`."""
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message}: it is required when CI=true")
    pytest.skip(message)


def require_oxigraph_server() -> str:
    from kg.errors import KGError
    from kg.store import oxigraph_binary

    try:
        return oxigraph_binary()
    except KGError as err:
        require(False, f"the oxigraph server is not installed ({err})")
        raise  # not reached


def http(url: str, data: bytes | None = None, method: str | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """One request: (status, content type, body)."""
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    with _DIRECT.open(request, timeout=HTTP_TIMEOUT) as response:
        return response.status, response.headers.get("Content-Type", ""), response.read()


def select_json(query_url: str, query: str,
                how: str = "post-query") -> tuple[list[str], list[list]]:
    """Run a SELECT over the SPARQL 1.1 Protocol, JSON results: (columns, rows of str/None).

    `how`: `get` (?query=), `post-form` (application/x-www-form-urlencoded) or `post-query`
    (application/sparql-query)."""
    accept = {"Accept": "application/sparql-results+json"}
    if how == "get":
        status, ctype, body = http(query_url + "?" + urllib.parse.urlencode({"query": query}),
                                   headers=accept)
    elif how == "post-form":
        form = {"Content-Type": "application/x-www-form-urlencoded"}
        status, ctype, body = http(query_url, urllib.parse.urlencode({"query": query}).encode(),
                                   headers={**accept, **form})
    else:
        status, ctype, body = http(query_url, query.encode("utf-8"),
                                   headers={**accept, "Content-Type": "application/sparql-query"})
    assert status == 200 and ctype.startswith("application/sparql-results+json"), (status, ctype)
    data = json.loads(body)
    columns = data["head"]["vars"]
    rows = [[b[c]["value"] if c in b else None for c in columns]
            for b in data["results"]["bindings"]]
    return columns, rows


def norm(cell):
    """A decimal number's lexical form normalised (stores may rewrite "0.70" as "0.7")."""
    if isinstance(cell, str) and re.fullmatch(r"[+-]?(\d+\.\d*|\.\d+)", cell):
        try:
            return str(Decimal(cell).normalize())
        except InvalidOperation:
            return cell
    return cell


def plain(rows) -> list[list]:
    """Rows of rdflib terms (or strings) as strings, None for unbound."""
    return [[None if c is None else str(c) for c in row] for row in rows]


def comparable(rows, ordered: bool = False) -> list[str]:
    """Rows as strings with decimals compared by value ("0.70" and "0.7" are one number), sorted
    unless `ordered`: a multiset of rows."""
    out = [repr([norm(c) for c in row]) for row in plain(rows)]
    return out if ordered else sorted(out)
