"""`output/graph.html` in a real browser: Debian's headless Chromium opens the page from disk.

The browser is driven over the DevTools protocol through ``--remote-debugging-pipe`` (file
descriptors 3 and 4, NUL-separated JSON), so the test needs no port, no websocket library and no
browser download: only the ``chromium`` package (``apt-get install -y chromium``). Without it the
tests skip, unless ``CI=true``, where a missing browser is a failure.

Checked per page: the network is drawn (bounded wait), vis.js holds as many nodes and edges as the
projection says, the console has no error, every request is ``file:``, ``data:``, ``about:`` or
``blob:``, no dialog opens and no injected handler runs; a screenshot is saved in ``tmp_path``.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pytest

from kg.graphio import load_graph
from kg.viz import FIRST_FONT, FIRST_LINKS, VizSummary, project, write_html

MINI = Path(__file__).parent / "data" / "viz_mini.trig"
ID = "https://w3id.org/football-kg/id/"
TIMEOUT = 30.0          # every wait on the browser is bounded by this
WIDTH, HEIGHT = 1400, 900
ALLOWED_SCHEMES = ("file:", "data:", "about:", "blob:")

# Hostile text whose payloads would set a flag if they ever ran (the alert variants sit in
# tests/data/viz_mini.trig and would open a dialog).
XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "</script><script>window.__xss=2</script>"
XSS_SVG = "<svg onload=window.__xss=3>"
EXTRA_TRIG = f"""
player:hostile a fkg:Player ;
    fkg:playsFor club:beta ;
    fkg:mentionedIn article:a2 ;
    rdfs:label {json.dumps(XSS_IMG)} ;
    skos:altLabel {json.dumps(XSS_SVG)} .

article:a2 a fkg:Article ;
    fkg:sourceFile "mini/a2.txt" ;
    rdfs:label {json.dumps(XSS_SCRIPT)} .

article:a2 {{
    evidence:e9 a fkg:Evidence ;
        fkg:article article:a2 ;
        fkg:confidence "0.9"^^xsd:decimal ;
        fkg:rule "plays-for" ;
        fkg:sentence {json.dumps("He " + XSS_SCRIPT + " " + XSS_IMG + " plays for Beta.")} ;
        rdf:subject player:hostile ;
        rdf:predicate fkg:playsFor ;
        rdf:object club:beta .
}}
"""


def _chromium_binary() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = "Debian's chromium is not installed (apt-get install -y chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(message + ": it is required when CI=true")
    pytest.skip(message)


class BrowserError(RuntimeError):
    pass


class Chromium:
    """Headless Chromium with a DevTools connection over a pipe, and every event it sent."""

    def __init__(self, binary: str, profile: Path) -> None:
        self.events: list[dict[str, Any]] = []
        self._replies: dict[int, dict[str, Any]] = {}
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self._next_id = 0
        self._closed = False
        self._read_error: Exception | None = None
        self.stderr_path = profile.parent / (profile.name + "-stderr.log")

        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def child_fds() -> None:  # runs in the child between fork and exec
            # Lift both ends above 4 first, so placing them on 3 and 4 cannot clobber either.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)  # dup2 leaves 3 and 4 inheritable, so they survive the exec
            os.dup2(high_w, 4)

        args = [
            binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}",
            "--remote-debugging-pipe", "--disable-extensions", "--disable-default-apps",
            "--no-default-browser-check", "--mute-audio", "--hide-scrollbars",
            # Nothing may leave the machine: every host name resolves to nothing.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--window-size={WIDTH},{HEIGHT}", "about:blank",
        ]
        try:
            with open(self.stderr_path, "wb") as err:
                # close_fds=False keeps 3 and 4; every other descriptor of ours is close-on-exec.
                self.proc = subprocess.Popen(
                    args, stdin=subprocess.DEVNULL, stdout=err, stderr=err,
                    preexec_fn=child_fds, close_fds=False, start_new_session=True)
        except BaseException:
            for fd in (self._to_browser, self._from_browser):
                os.close(fd)
            raise
        finally:
            os.close(to_browser_r)
            os.close(from_browser_w)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- protocol

    def _read(self) -> None:
        buf = b""
        try:
            while True:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    break
                buf += chunk
                while b"\0" in buf:
                    raw, buf = buf.split(b"\0", 1)
                    msg = json.loads(raw)
                    if msg.get("method") == "Page.javascriptDialogOpening":
                        # Close it at once, or the page would hang; the event stays recorded.
                        self._post("Page.handleJavaScriptDialog", {"accept": False},
                                   msg.get("sessionId"))
                    with self._cond:
                        if "id" in msg:
                            self._replies[msg["id"]] = msg
                        else:
                            self.events.append(msg)
                        self._cond.notify_all()
        except Exception as exc:  # noqa: BLE001 - reported to the waiting test
            self._read_error = exc
        finally:
            with self._cond:
                self._closed = True
                self._cond.notify_all()

    def _post(self, method: str, params: dict | None, session: str | None) -> int:
        with self._cond:
            self._next_id += 1
            msg_id = self._next_id
        message: dict[str, Any] = {"id": msg_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        with self._write_lock:
            while data:
                data = data[os.write(self._to_browser, data):]
        return msg_id

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = TIMEOUT) -> dict[str, Any]:
        msg_id = self._post(method, params, session)
        deadline = time.monotonic() + timeout
        with self._cond:
            while msg_id not in self._replies:
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise BrowserError(f"no answer to {method} ({self._why()})")
                self._cond.wait(left)
            reply = self._replies.pop(msg_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def _why(self) -> str:
        if self.proc.poll() is not None:
            tail = self.stderr_path.read_text(errors="replace")[-2000:]
            return f"browser exited with {self.proc.returncode}: {tail}"
        if self._read_error is not None:
            return f"bad message from the browser: {self._read_error!r}"
        return "timed out" if not self._closed else "pipe closed"

    def mark(self) -> int:
        """A point in the event log, for :meth:`wait_event`'s ``after``."""
        with self._cond:
            return len(self.events)

    def wait_event(self, method: str, timeout: float = TIMEOUT, after: int = 0,
                   where: Callable[[dict], bool] = lambda e: True) -> int:
        """Wait for an event logged at or past ``after``; its position in the log."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for pos in range(after, len(self.events)):
                    event = self.events[pos]
                    if event.get("method") == method and where(event):
                        return pos
                left = deadline - time.monotonic()
                if self._closed or left <= 0:
                    raise BrowserError(f"no {method} event ({self._why()})")
                self._cond.wait(left)

    def of(self, method: str) -> list[dict[str, Any]]:
        with self._cond:
            return [e for e in self.events if e.get("method") == method]

    # -- lifetime

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.send("Browser.close", timeout=5)
                except (BrowserError, OSError):
                    pass
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            # The browser leads its own process group (start_new_session): end that group,
            # renderer and zygote children included, only if something of it is still running.
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(self.proc.pid, sig)
                except (ProcessLookupError, PermissionError):
                    break
                try:
                    self.proc.wait(timeout=5)
                    break
                except subprocess.TimeoutExpired:
                    continue
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=5)
            for fd in (self._to_browser, self._from_browser):
                try:
                    os.close(fd)
                except OSError:
                    pass
            self._reader.join(timeout=5)


class Page:
    """One tab, attached in flat mode, with the domains whose events the checks read."""

    def __init__(self, browser: Chromium) -> None:
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget",
                                    {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False})

    def send(self, method: str, params: dict | None = None) -> dict[str, Any]:
        return self.browser.send(method, params, session=self.session)

    def close(self) -> None:
        try:
            self.send("Page.close")
        except (BrowserError, OSError):
            pass  # the browser is gone: the fixture's teardown reports and cleans up

    def events(self, method: str) -> list[dict[str, Any]]:
        return [e for e in self.browser.of(method) if e.get("sessionId") == self.session]

    def open(self, path: Path) -> None:
        url = path.resolve().as_uri()
        start = self.browser.mark()  # the load event of about:blank may still come in before
        nav = self.send("Page.navigate", {"url": url})
        assert not nav.get("errorText"), nav
        mine = lambda e: e.get("sessionId") == self.session  # noqa: E731
        navigated = self.browser.wait_event(
            "Page.frameNavigated", after=start,
            where=lambda e: mine(e) and e["params"]["frame"]["url"] == url)
        self.browser.wait_event("Page.loadEventFired", after=navigated, where=mine)

    def eval(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = TIMEOUT) -> Any:
        """Poll ``expression`` until it is truthy, for at most ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        last: object = None
        while True:
            try:
                value = last = self.eval(expression)
            except BrowserError as exc:  # e.g. the context is being replaced: poll again
                value, last = None, exc
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"still false after {timeout} s ({last!r}): {expression}")
            time.sleep(0.1)

    def screenshot(self, out: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        out.write_bytes(base64.b64decode(data))
        return out

    def console_errors(self) -> list[str]:
        errors = [json.dumps(e["params"]["exceptionDetails"])[:500]
                  for e in self.events("Runtime.exceptionThrown")]
        errors += [json.dumps(e["params"]["args"])[:500]
                   for e in self.events("Runtime.consoleAPICalled")
                   if e["params"]["type"] in ("error", "assert")]
        errors += [f"{e['params']['entry'].get('url', '')}: {e['params']['entry']['text']}"
                   for e in self.events("Log.entryAdded")
                   if e["params"]["entry"]["level"] == "error"]
        return errors

    def request_urls(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events("Network.requestWillBeSent")]


@pytest.fixture(scope="module")
def browser() -> Chromium:
    binary = _chromium_binary()
    profile_root = Path(tempfile.mkdtemp(prefix="kg-chromium-"))
    chromium = Chromium(binary, profile_root / "profile")
    try:
        version = chromium.send("Browser.getVersion")
        assert "Chrome" in version["product"] or "Chromium" in version["product"], version
        yield chromium
    finally:
        chromium.close()
        shutil.rmtree(profile_root, ignore_errors=True)


# The network is drawn: vis has its data, the first stabilisation is over, and the canvas holds
# something other than background.
_DRAWN = """(() => {
  if (typeof network === "undefined" || !network || !network.body) return false;
  if (!network.physics.ready && network.physics.options.enabled) return false;
  const canvas = document.querySelector("#mynetwork canvas");
  if (!canvas || canvas.width < 100 || canvas.height < 100) return false;
  const px = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let i = 3; i < px.length; i += 4 * 7) { if (px[i] > 0) inked++; }
  return inked > 50;
})()"""

_COUNTS = """(() => ({
  dataNodes: network.body.data.nodes.length,
  dataEdges: network.body.data.edges.length,
  globalNodes: nodes.length,
  globalEdges: edges.length,
  drawnNodes: network.body.nodeIndices.length,
  drawnEdges: network.body.edgeIndices.length,
  positioned: Object.values(network.getPositions()).filter(
      p => Number.isFinite(p.x) && Number.isFinite(p.y)).length,
}))()"""

_PANEL = """(() => {
  const r = el => { const b = document.querySelector(el).getBoundingClientRect();
                    return [b.left, b.top, b.width, b.height]; };
  return {
    title: document.title,
    panel: r("#kg-panel"), network: r("#mynetwork"), search: r("#kg-search"),
    legend: [...document.querySelectorAll("#kg-legend label")].map(l => l.textContent),
    boxes: document.querySelectorAll("#kg-legend input[type=checkbox]:checked").length,
    names: document.querySelectorAll("#kg-names option").length,
    stats: document.getElementById("kg-stats").textContent,
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
  };
})()"""


def _check_page(page: Page, html: Path, summary: VizSummary, shot: Path) -> dict[str, Any]:
    page.open(html)
    page.wait_for(_DRAWN)
    assert [e["params"] for e in page.events("Page.javascriptDialogOpening")] == []
    assert page.eval("typeof window.__xss") == "undefined"
    counts = page.eval(_COUNTS)
    assert counts == {
        "dataNodes": summary.nodes, "dataEdges": summary.edges,
        "globalNodes": summary.nodes, "globalEdges": summary.edges,
        "drawnNodes": summary.nodes, "drawnEdges": summary.edges,
        "positioned": summary.nodes,
    }
    panel = page.eval(_PANEL)
    assert panel["title"] == "football-kg graph"
    # The panel and the search box are on screen, the drawing fills the window, nothing scrolls.
    left, top, width, height = panel["panel"]
    assert left >= 0 and top >= 0 and width > 100 and height > 100
    assert top + height <= HEIGHT and left + width <= WIDTH
    assert panel["search"][2] > 80 and panel["search"][3] > 10
    assert panel["network"][2] == WIDTH and panel["network"][3] == HEIGHT
    assert panel["scroll"] == [WIDTH, HEIGHT]
    assert panel["boxes"] == 8 and len(panel["legend"]) == 8
    assert f"Showing {summary.nodes} of" in panel["stats"]
    assert panel["names"] >= 1
    page.screenshot(shot)
    assert shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    _assert_clean(page)
    return panel


def _search(page: Page, text: str) -> str:
    """Type ``text`` into the search box, press Go, and read the status line."""
    page.eval(f"""(() => {{ document.getElementById("kg-search-status").textContent = "";
        document.getElementById("kg-search").value = {json.dumps(text)};
        document.getElementById("kg-search-go").click(); }})()""")
    return page.wait_for("document.getElementById('kg-search-status').textContent")


def _assert_clean(page: Page) -> None:
    """No dialog, no injected handler ran, nothing left file:, and the console has no error."""
    assert [e["params"] for e in page.events("Page.javascriptDialogOpening")] == []
    assert page.eval("typeof window.__xss") == "undefined"
    urls = page.request_urls()
    assert urls and any(u.startswith("file:") for u in urls), urls  # the log is working
    assert [u for u in urls if not u.startswith(ALLOWED_SCHEMES)] == []
    assert not [u for u in urls if u.rstrip("/").endswith("/x")]  # no <img src=x> was made
    assert page.console_errors() == []


@pytest.mark.model
@pytest.mark.slow
def test_browser_seeds_page_draws_the_projection(browser: Chromium, seeds_out: Path,
                                                 tmp_path: Path) -> None:
    html = tmp_path / "graph.html"
    summary = write_html(seeds_out, html)
    g = project(load_graph(seeds_out))
    assert summary.nodes + summary.dropped_nodes == g.number_of_nodes()
    assert summary.edges + summary.dropped_edges == g.number_of_edges()
    assert summary.nodes > 10 and summary.edges > 10

    page = Page(browser)
    try:
        _check_page(page, html, summary, tmp_path / "graph.png")
        # The search box finds a node and selects it; a class filter hides its nodes.
        label = page.eval("nodes.get()[0].label")
        assert _search(page, label) == f"Found: {label}"
        assert len(page.eval("network.getSelectedNodes()")) == 1
        hidden = page.eval("""(() => {
            const box = document.querySelector('#kg-legend input[value="Club"]');
            box.click();
            const shown = network.body.nodeIndices.length;
            box.click();
            return [shown, network.body.nodeIndices.length,
                    nodes.get().filter(n => n.cls === "Club").length];
        })()""")
        assert hidden[0] == summary.nodes - hidden[2] and hidden[1] == summary.nodes
        assert hidden[2] > 0
        # A relation filter hides that relation's edges and nothing else.
        rel = page.eval("""(() => {
            const box = document.querySelector('#kg-relations input[value="plays for"]');
            box.click();
            const shown = network.body.edgeIndices.length;
            box.click();
            return [shown, network.body.edgeIndices.length,
                    edges.get().filter(e => e.label === "plays for").length];
        })()""")
        assert rel[2] > 0 and rel[0] == summary.edges - rel[2] and rel[1] == summary.edges
        time.sleep(0.8)  # the focus animation
        page.screenshot(tmp_path / "graph-search.png")
        # The entity panel shows the found node; a click on another node shows that one, and
        # Back and Forward walk between the two; Reset closes the panel and shows everything.
        panel = "document.getElementById('kg-entity-body')"
        assert page.eval("document.getElementById('kg-entity').hidden") is False
        assert page.eval(f"{panel}.textContent").startswith(label)
        other = page.eval(f"nodes.get().find(n => n.label !== {json.dumps(label)}).id")
        page.eval(f"(() => {{ network.body.emitter.emit('click', {{nodes: [{json.dumps(other)}], edges: []}}); "
                  "return true; })()")
        other_label = page.eval(f"nodes.get({json.dumps(other)}).label")
        assert page.eval(f"{panel}.textContent").startswith(other_label)
        assert "Facts (" in page.eval(f"{panel}.textContent") or "No facts" in page.eval(f"{panel}.textContent")
        assert page.eval("document.getElementById('kg-back').disabled") is False
        page.eval("document.getElementById('kg-back').click()")
        assert page.eval(f"{panel}.textContent").startswith(label)
        assert page.eval("network.getSelectedNodes()") == [page.eval(f"nodes.get().find(n => n.label === {json.dumps(label)}).id")]
        page.eval("document.getElementById('kg-forward').click()")
        assert page.eval(f"{panel}.textContent").startswith(other_label)
        wikidata = page.eval("[...document.querySelectorAll('#kg-entity a')].map(a => a.href)")
        assert all(h.startswith("https://www.wikidata.org/wiki/Q") for h in wikidata)
        page.eval("document.getElementById('kg-reset').click()")
        assert page.eval("document.getElementById('kg-entity').hidden") is True
        assert page.eval("network.getSelectedNodes()") == []
        page.screenshot(tmp_path / "graph-panel.png")
        _assert_clean(page)
    finally:
        page.close()


def test_browser_hostile_text_stays_text(browser: Chromium, tmp_path: Path) -> None:
    trig = tmp_path / "hostile.trig"
    trig.write_text(MINI.read_text(encoding="utf-8") + EXTRA_TRIG, encoding="utf-8")
    html = tmp_path / "graph.html"
    summary = write_html(trig, html)
    assert summary == VizSummary(nodes=11, edges=11, dropped_nodes=0, dropped_edges=0)

    page = Page(browser)
    try:
        _check_page(page, html, summary, tmp_path / "graph.png")
        # Hover each hostile node so vis builds its tooltip from our (escaped) markup.
        for node in (ID + "player/xss", ID + "player/hostile"):
            pos = page.eval(f"""(() => {{ const id = {json.dumps(node)};
                const p = network.canvasToDOM(network.getPositions([id])[id]);
                const r = document.querySelector("#mynetwork canvas").getBoundingClientRect();
                return [p.x + r.left, p.y + r.top]; }})()""")
            for dx in (8, 0):  # move onto the node from beside it
                page.send("Input.dispatchMouseEvent",
                          {"type": "mouseMoved", "x": pos[0] + dx, "y": pos[1]})
                time.sleep(0.1)
            text = page.wait_for(f"""(() => {{
                const t = document.querySelector("div.vis-tooltip");
                return t && t.style.visibility !== "hidden"
                    && t.textContent.includes({json.dumps(node)}) && t.textContent; }})()""")
            label = XSS_IMG if node.endswith("hostile") else "<img src=x onerror=alert(1)>"
            assert text.startswith(label), text[:200]  # shown as text
            if node.endswith("hostile"):
                assert XSS_SCRIPT in text and XSS_SVG in text
            else:
                assert "<b onmouseover=alert(2)>" in text
            page.screenshot(tmp_path / f"tooltip-{node.rsplit('/', 1)[1]}.png")
        assert page.eval("""document.querySelectorAll(
            "div.vis-tooltip img, div.vis-tooltip script, div.vis-tooltip svg, "
            + "div.vis-tooltip [onmouseover], body > img, #mynetwork img").length""") == 0
        # vis-network's sheet asks for Verdana; the page's own sans-serif stack must win.
        assert "verdana" not in page.eval(
            "getComputedStyle(document.querySelector('div.vis-tooltip')).fontFamily").lower()
        assert page.eval("document.scripts.length") == 4
        # The search box finds the hostile player by its hostile alias and says so as text.
        assert _search(page, XSS_SVG) == f"Found: {XSS_IMG}"
        assert page.eval("network.getSelectedNodes()") == [ID + "player/hostile"]
        assert page.eval("document.querySelectorAll('#kg-panel img, #kg-panel svg').length") == 0
        assert page.eval("document.getElementById('kg-entity-body').textContent").startswith(XSS_IMG)  # as text
        assert page.eval("document.querySelectorAll('#kg-entity img, #kg-entity svg, #kg-entity script').length") == 0
        time.sleep(0.5)  # give a broken-out onerror (src=x fails at once) time to run
        _assert_clean(page)
    finally:
        page.close()


def _league(clubs: int, players: int) -> str:
    """A graph of ``clubs`` clubs with ``players`` players and a manager each: more nodes than a
    first view holds."""
    lines = ["@prefix fkg: <https://w3id.org/football-kg/ontology#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             f"@prefix club: <{ID}club/> .", f"@prefix player: <{ID}player/> .",
             f"@prefix manager: <{ID}manager/> ."]
    for c in range(clubs):
        lines.append(f'club:c{c} a fkg:Club ; rdfs:label "Club {c}" .')
        lines.append(f'manager:m{c} a fkg:Manager ; rdfs:label "Manager {c}" ; fkg:manages club:c{c} .')
        for p in range(players):
            lines.append(f'player:p{c}x{p} a fkg:Player ; rdfs:label "Player {c}-{p}" ; fkg:playsFor club:c{c} .')
    return "\n".join(lines) + "\n"


def test_browser_big_page_opens_on_a_first_view_and_expands(browser: Chromium, tmp_path: Path) -> None:
    from kg.viz import FIRST_VIEW

    ttl = tmp_path / "league.ttl"
    ttl.write_text(_league(40, 9), encoding="utf-8")  # 440 nodes, 400 edges
    html = tmp_path / "graph.html"
    summary = write_html(ttl, html)
    assert summary.nodes == 440 and summary.nodes > FIRST_VIEW
    drawn = "network.body.nodeIndices.length"
    page = Page(browser)
    try:
        page.open(html)
        page.wait_for(_DRAWN)
        assert page.eval("nodes.length") == 440  # every node is in the page, drawn or not
        assert page.eval(drawn) == 40  # the first view: the teams (the 40 clubs)
        assert all("/club/" in n for n in page.eval("network.body.nodeIndices"))
        assert "First view" in page.eval("document.getElementById('kg-first').textContent")
        # a player outside the first view: searching brings it and its club in
        hidden = page.eval("nodes.get().filter(n => n.view === false).map(n => n.id)")
        target = next(n for n in hidden if "/player/" in n)
        label = page.eval(f"nodes.get({json.dumps(target)}).label")
        assert _search(page, label) == f"Found: {label}"
        assert page.eval(f"network.body.nodeIndices.includes({json.dumps(target)})") is True
        after_search = page.eval(drawn)
        assert after_search > 40
        # a double-click on a club brings in all its players and its manager
        club = next(n for n in page.eval("nodes.get().map(n => n.id)") if "/club/" in n)
        page.eval(f"(() => {{ network.body.emitter.emit('doubleClick', {{nodes: [{json.dumps(club)}], edges: []}}); "
                  "return true; })()")
        members = page.eval(f"edges.get().filter(e => e.to === {json.dumps(club)}).map(e => e.from)")
        assert len(members) == 10
        assert all(page.eval(f"network.body.nodeIndices.includes({json.dumps(m)})") for m in members)
        # Reset returns to the first view
        page.eval("document.getElementById('kg-reset').click()")
        assert page.eval(drawn) == 40
        page.screenshot(tmp_path / "league.png")
        _assert_clean(page)
    finally:
        page.close()


def test_browser_date_sliders_draw_the_facts_seen_in_the_range(browser: Chromium, tmp_path: Path) -> None:
    """The mini graph's articles are dated 2024-02-25 and 2024-03-02: "to" on the first date
    hides the facts first seen on the second, "from" on the second hides those last seen on the
    first; facts of undated articles stay."""
    html = tmp_path / "graph.html"
    summary = write_html(Path(__file__).parent / "data" / "mini.trig", html)
    page = Page(browser)
    try:
        _check_page(page, html, summary, tmp_path / "graph.png")
        got = page.eval("""(() => {
            const from = document.getElementById("kg-date-from"), to = document.getElementById("kg-date-to");
            const count = () => network.body.edgeIndices.length;
            const all = count();
            to.value = 0; to.dispatchEvent(new Event("input"));
            const early = count(), label = document.getElementById("kg-date-label").textContent;
            to.value = 1; from.value = 1; from.dispatchEvent(new Event("input"));
            const late = count();
            from.value = 0; from.dispatchEvent(new Event("input"));
            const drawn = edges.get().filter(e => !nodes.get(e.from).hidden && !nodes.get(e.to).hidden);
            return [all, early, late, count(), label,
                    drawn.filter(e => !e.first || e.first <= "2024-02-25").length,
                    drawn.filter(e => !e.first || e.last >= "2024-03-02").length];
        })()""")
        all_, early, late, again, label, expect_early, expect_late = got
        assert all_ == again == summary.edges
        assert label == "2024-02-25 \u2013 2024-02-25"
        assert (early, late) == (expect_early, expect_late)
        assert early < all_ and late < all_
        _assert_clean(page)
    finally:
        page.close()


@pytest.mark.model
@pytest.mark.slow
def test_browser_page_of_2000_generated_articles_opens_on_a_first_view_and_expands(browser: Chromium,
                                                                                    tmp_path: Path) -> None:
    """Issue 12's measure, on a real build: 2,000 generated articles (`bench.make_corpus`), the
    default page (node budget 2,000): a first view of a few hundred nodes at most, search then
    double-click bring entities in, no console error, nothing fetched."""
    import sys

    from bench.make_corpus import generate, write_corpus

    corpus, out = tmp_path / "corpus", tmp_path / "out"
    write_corpus(generate(2000, seed=7), corpus, "txt")
    subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "--workers", "2",
                    "--quiet", "--no-validate"], check=True, capture_output=True)
    html = tmp_path / "graph.html"
    summary = write_html(out, html)
    assert summary.nodes == 2000
    drawn = "network.body.nodeIndices.length"
    page = Page(browser)
    try:
        page.open(html)
        page.wait_for(_DRAWN, timeout=120.0)  # a 20-odd MB page: reading it is most of the wait
        assert page.eval("nodes.length") == summary.nodes
        first = page.eval(drawn)
        assert 0 < first <= 300
        # readable: each node's strongest links only, labels big enough for vis.js to draw them at
        # the fitted zoom, and the squares not piled on one another
        assert page.eval("network.body.edgeIndices.length") == summary.first_edges <= FIRST_LINKS * first
        assert first == summary.first_nodes  # what `kg viz` says the first view draws
        assert page.eval("network.getScale()") * FIRST_FONT >= 5  # vis.js skips labels under 5 px
        boxes = page.eval("network.body.nodeIndices.map(id => { const n = network.body.nodes[id], r = n.options.size; "
                          "return {left: n.x - r, right: n.x + r, top: n.y - r, bottom: n.y + r}; })")
        overlapping = sum(1 for k, a in enumerate(boxes) for b in boxes[k + 1:]
                          if a["left"] < b["right"] and b["left"] < a["right"]
                          and a["top"] < b["bottom"] and b["top"] < a["bottom"])
        assert overlapping <= first // 20, overlapping  # 46 of 87 before the thinning, 0 after
        hidden = page.eval("nodes.get().filter(n => n.view === false && n.id.includes('/player/')).map(n => n.id)")
        target = hidden[0]
        label = page.eval(f"nodes.get({json.dumps(target)}).label")
        assert _search(page, label) == f"Found: {label}"
        assert page.eval(f"network.body.nodeIndices.includes({json.dumps(target)})") is True
        after_search = page.eval(drawn)
        assert after_search > first
        page.eval(f"(() => {{ network.body.emitter.emit('doubleClick', {{nodes: [{json.dumps(target)}], edges: []}}); "
                  "return true; })()")
        assert page.eval(drawn) >= after_search
        page.eval("document.getElementById('kg-reset').click()")
        assert page.eval(drawn) == first
        _assert_clean(page)
    finally:
        page.close()
