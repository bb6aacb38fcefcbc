"""Where the package's own data files are: the ontology, the SHACL shapes and the named queries.

They ship inside the package (`kg/ontology/`, `kg/queries/`, `kg/data/`), so a wheel installed
anywhere finds them; the repository's top-level `ontology/` and `queries/` are links to these
folders, one copy of each file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(str(files("kg")))
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "football.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERY_DIR = PACKAGE_DIR / "queries"
DATA_DIR = PACKAGE_DIR / "data"
