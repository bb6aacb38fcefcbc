"""football-kg: an evidenced RDF knowledge graph from English football news."""

__version__ = "0.1.0"
