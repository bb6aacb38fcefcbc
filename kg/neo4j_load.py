"""`kg load neo4j`: send the graph to a running Neo4j through the official `neo4j` driver.

The one module that imports `neo4j`. The statements and their parameter batches come from
`kg.neo4j_export.cypher_batches` (pure, and run on an openCypher engine by the tests); here they
only travel: uniqueness constraints first, then each batch in its own write transaction
(`session.execute_write`, retried by the driver on transient errors). Every statement MERGEs on
`iri` (nodes) or on (start, type, end) (relationships), so a second load creates nothing.
Values travel as parameters, never pasted into the statement text.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, Neo4jLoadError
from kg.neo4j_export import (DEFAULT_BATCH, PropertyGraph, constraint_statements, cypher_batches,
                             project)

PASSWORD_ENV = "NEO4J_PASSWORD"


@dataclass
class LoadSummary:
    batches: int = 0
    constraints: int = 0
    counters: dict[str, int] = field(default_factory=dict)  # summed over the batches
    nodes: dict[str, int] = field(default_factory=dict)     # label -> nodes sent
    relationships: dict[str, int] = field(default_factory=dict)

    def text(self) -> str:
        c = self.counters
        return (f"{self.batches} batches: {c.get('nodes_created', 0)} nodes and "
                f"{c.get('relationships_created', 0)} relationships created, "
                f"{c.get('properties_set', 0)} properties set "
                f"(graph: {sum(self.relationships.values())} relationships)")


def resolve_password(env: dict[str, str] | None = None, prompt: bool | None = None) -> str:
    """The password from $NEO4J_PASSWORD, else asked on the terminal; never from a flag."""
    env = os.environ if env is None else env
    if env.get(PASSWORD_ENV):
        return env[PASSWORD_ENV]
    if prompt is None:
        prompt = sys.stdin.isatty()
    if not prompt:
        raise Neo4jLoadError(Errors.E090.format(variable=PASSWORD_ENV))
    return getpass.getpass("Neo4j password: ")


def load_neo4j(graph_path: str | Path | None, uri: str, user: str, password: str,
               database: str | None = None, batch_size: int = DEFAULT_BATCH, *,
               graph: PropertyGraph | None = None, schema: bool = True) -> LoadSummary:
    """Load the graph at `graph_path` (an output folder or graph file) into Neo4j at `uri`."""
    try:
        import neo4j
        from neo4j import GraphDatabase
        from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable
    except ImportError:
        raise Neo4jLoadError(Errors.E091) from None
    if graph is None:
        from kg.graphio import load_graph

        graph = project(load_graph(graph_path))
    summary = LoadSummary(nodes=graph.label_counts(), relationships=graph.type_counts())
    batches = cypher_batches(graph, batch_size)
    try:
        with GraphDatabase.driver(uri, auth=neo4j.basic_auth(user, password)) as driver:
            driver.verify_connectivity()
            with driver.session(database=database) as session:
                if schema:
                    for stmt in constraint_statements(graph):
                        session.run(stmt).consume()
                        summary.constraints += 1
                for stmt, params in batches:
                    counters = session.execute_write(_write, stmt, params)
                    for key, value in counters.items():
                        summary.counters[key] = summary.counters.get(key, 0) + value
                    summary.batches += 1
    except AuthError as err:
        raise Neo4jLoadError(Errors.E092.format(uri=uri, user=user, why=_line(err.message))) \
            from None
    except ServiceUnavailable as err:
        raise Neo4jLoadError(Errors.E021.format(uri=uri, why=_line(err))) from None
    except Neo4jError as err:
        raise Neo4jLoadError(Errors.E093.format(uri=uri, status=err.code, why=_line(err.message))) from None
    except DriverError as err:  # an unsupported URI scheme, a bad configuration
        raise Neo4jLoadError(Errors.E094.format(uri=uri, why=_line(err))) from None
    except (ValueError, OSError) as err:  # a malformed URI, a TLS or socket problem
        raise Neo4jLoadError(Errors.E094.format(uri=uri, why=_line(err))) from None
    return summary


def _line(err) -> str:
    """The CLI shows one line per error; the driver's messages span several."""
    return " ".join(str(err).split())[:300]


def _write(tx, statement: str, params: dict) -> dict[str, int]:
    counters = tx.run(statement, params).consume().counters
    return {key: getattr(counters, key) for key in
            ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
             "properties_set", "labels_added", "labels_removed")}
