"""A checker for `neo4j-admin database import` CSV files, written from the import tool's header
rules (Operations Manual, "Import header format"), independently of `kg/neo4j_export.py`.

`check_import_dir(folder, array_delimiter)` returns a list of problems (empty when the files
would import) and the parsed contents, so tests can compare them with the graph.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

SCALAR_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
                "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
_FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<kind>[A-Za-z_]+(?:\[\])?)(?:\((?P<group>[^)]*)\))?)?$")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
RANGES = {"byte": 2**7, "short": 2**15, "int": 2**31, "long": 2**63}


@dataclass
class ImportFiles:
    nodes: dict[str, dict[str, object]] = field(default_factory=dict)  # id -> {":LABEL": [...], prop: value}
    rels: list[dict[str, object]] = field(default_factory=list)        # {":START_ID", ":END_ID", ":TYPE", props}
    problems: list[str] = field(default_factory=list)


def parse_header(cells: list[str]) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """[(name, kind, is_array)] where kind is a special (ID, LABEL, ...) or a property type."""
    out, problems = [], []
    for cell in cells:
        m = _FIELD.match(cell)
        if not m:
            problems.append(f"bad header field {cell!r}")
            out.append((cell, "?", False))
            continue
        name, kind = m["name"], m["kind"] or "string"
        if kind in SPECIAL:
            out.append((name, kind, False))
            continue
        base, is_array = (kind[:-2], True) if kind.endswith("[]") else (kind, False)
        if base not in SCALAR_TYPES:
            problems.append(f"unknown type {kind!r} in {cell!r}")
        if not name:
            problems.append(f"property field without a name: {cell!r}")
        if m["group"] is not None:
            problems.append(f"an ID group on a property field: {cell!r}")
        out.append((name, base, is_array))
    return out, problems


def parse_value(text: str, kind: str, where: str, problems: list[str]):
    if kind in RANGES:
        if not re.fullmatch(r"-?[0-9]+", text) or not -RANGES[kind] <= int(text) < RANGES[kind]:
            problems.append(f"{where}: {text!r} is not a {kind}")
            return text
        return int(text)
    if kind in ("float", "double"):
        try:
            return float(text)
        except ValueError:
            problems.append(f"{where}: {text!r} is not a {kind}")
            return text
    if kind == "boolean":
        if text not in ("true", "false"):  # anything else would silently import as false
            problems.append(f"{where}: {text!r} is not true/false")
        return text == "true"
    if kind == "date":
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            problems.append(f"{where}: {text!r} is not a date")
            return text
    return text


def check_import_dir(folder: Path, array_delimiter: str = ";") -> ImportFiles:
    result = ImportFiles()
    p = result.problems
    node_files = sorted(folder.glob("nodes_*.csv"))
    rel_files = sorted(folder.glob("rels_*.csv"))
    if not node_files:
        p.append("no node files")
    for path, is_node in [(f, True) for f in node_files] + [(f, False) for f in rel_files]:
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            p.append(f"{path.name}: starts with a byte-order mark")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            p.append(f"{path.name}: not UTF-8")
            continue
        if text and not text.endswith("\n"):
            p.append(f"{path.name}: last line not terminated")
        # the import tool's CSV: ',' between fields, '"' quotes, '""' a quote inside quotes,
        # backslash an ordinary character (legacy-style quoting off), fields may span lines
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=",", quotechar='"',
                               doublequote=True, escapechar=None, strict=True))
        if not rows:
            p.append(f"{path.name}: empty")
            continue
        header, hp = parse_header(rows[0])
        p += [f"{path.name}: {x}" for x in hp]
        kinds = [k for _, k, _ in header]
        names = [n for n, k, _ in header if k not in SPECIAL]
        if len(set(names)) != len(names):
            p.append(f"{path.name}: a property is named twice")
        if is_node:
            if kinds.count("ID") != 1:
                p.append(f"{path.name}: {kinds.count('ID')} :ID fields, want exactly one")
            for bad in ("START_ID", "END_ID", "TYPE"):
                if bad in kinds:
                    p.append(f"{path.name}: :{bad} in a node file")
            if kinds.count("LABEL") > 1:
                p.append(f"{path.name}: more than one :LABEL")
        else:
            for need in ("START_ID", "END_ID", "TYPE"):
                if kinds.count(need) != 1:
                    p.append(f"{path.name}: {kinds.count(need)} :{need} fields, want exactly one")
            if "ID" in kinds or "LABEL" in kinds:
                p.append(f"{path.name}: :ID or :LABEL in a relationship file")
        _check_quoting(path.name, text, p)
        for line_no, row in enumerate(rows[1:], start=2):
            where = f"{path.name}:{line_no}"
            if len(row) != len(header):
                p.append(f"{where}: {len(row)} fields, header has {len(header)}")
                continue
            record: dict[str, object] = {}
            for (name, kind, is_array), cell in zip(header, row):
                if kind == "LABEL":
                    labels = cell.split(array_delimiter) if cell else []
                    for lab in labels:
                        if not _IDENT.match(lab):
                            p.append(f"{where}: label {lab!r}")
                    record[":LABEL"] = labels
                elif kind in ("ID", "START_ID", "END_ID"):
                    if not cell:
                        p.append(f"{where}: empty :{kind}")
                    record[":" + kind] = cell
                    if kind == "ID" and name:
                        record[name] = cell
                elif kind == "TYPE":
                    if not _IDENT.match(cell):
                        p.append(f"{where}: relationship type {cell!r}")
                    record[":TYPE"] = cell
                elif kind == "IGNORE" or cell == "":
                    continue
                elif is_array:
                    record[name] = [parse_value(x, kind, where, p) for x in cell.split(array_delimiter)]
                else:
                    record[name] = parse_value(cell, kind, where, p)
            if is_node:
                node_id = str(record.get(":ID", ""))
                if node_id in result.nodes:
                    p.append(f"{where}: duplicate node id {node_id!r}")
                result.nodes[node_id] = record
            else:
                result.rels.append(record)
    for r in result.rels:
        for end in (":START_ID", ":END_ID"):
            if r.get(end) not in result.nodes:
                p.append(f"relationship {r.get(':TYPE')} refers to a missing node {r.get(end)!r}")
    return result


def _check_quoting(name: str, text: str, problems: list[str]) -> None:
    """Outside quotes a field may not contain a quote; inside, a quote is doubled; quotes close."""
    in_quotes = False
    at_field_start = True
    i = 0
    while i < len(text):
        ch = text[i]
        if in_quotes:
            if ch == '"':
                if text.startswith('""', i):
                    i += 2
                    continue
                in_quotes = False
                nxt = text[i + 1:i + 2]
                if nxt not in (",", "\n", "\r", ""):
                    problems.append(f"{name}: text after a closing quote at offset {i}")
                    return
        elif ch == '"':
            if not at_field_start:
                problems.append(f"{name}: a quote inside an unquoted field at offset {i}")
                return
            in_quotes = True
        elif ch in "\r\n":
            pass
        at_field_start = ch in ",\n" and not in_quotes
        i += 1
    if in_quotes:
        problems.append(f"{name}: unclosed quote")
