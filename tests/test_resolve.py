"""A person's class across articles: the rules' cues, and the scorer's judgement over them."""
from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer
from kg.readers import make_document
from kg.records import Evidence, Extraction, Mention, RoleCue, TypeScore
from kg.resolve import resolve

TEXT = "Rhys Penhaligon replaces Gary Whitlam."


@pytest.mark.parametrize("player, manager, expected", [
    (0.03, 0.95, "Manager"),  # sure of the other class: the scorer overrules the cue
    (0.40, 0.55, "Player"),   # not sure: the cue stands
])
def test_the_scorer_overrules_a_cue_only_when_it_is_sure(player, manager, expected):
    doc = make_document(TEXT, "a.txt", "a")
    ev = Evidence("a", TEXT, 0, len(TEXT), "substitution", 0.4)
    x = Extraction(doc, mentions=(Mention("a", 0, 15, "Rhys Penhaligon", "person", "P:Rhys Penhaligon", 0),),
                   roles=(RoleCue("P:Rhys Penhaligon", "player", 0.9, ev),),
                   types=(TypeScore("P:Rhys Penhaligon", player, manager, 0.01, 0.01),))
    resolved = resolve([x], Gazetteer.load())
    assert {e.cls for e in resolved.entities.values() if e.label == "Rhys Penhaligon"} == {expected}
