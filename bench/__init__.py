"""Benchmark helpers and synthetic corpora for football-kg."""
