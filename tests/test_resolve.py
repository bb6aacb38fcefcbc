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


@pytest.mark.parametrize("short, club_b, merged", [
    ("T Walsh", "G:arsenal", True),   # an initial and surname on another article's team sheet, same club
    ("T Walsh", "G:chelsea", False),  # no club in common: another man
    ("J Walsh", "G:arsenal", False),  # another initial
])
def test_an_initial_and_surname_joins_the_full_name_of_another_article(short, club_b, merged):
    def article(doc_id: str, text: str, person: str, club: str) -> Extraction:
        doc = make_document(text, f"{doc_id}.txt", doc_id)
        return Extraction(doc, mentions=(
            Mention(doc_id, 0, len(person), person, "person", "P:" + person, 0),
            Mention(doc_id, len(person) + 1, len(text), text[len(person) + 1:], "club", club, 0)))
    a = article("a", "Theo Walsh Arsenal", "Theo Walsh", "G:arsenal")
    b = article("b", f"{short} {club_b[2:].title()}", short, club_b)
    resolved = resolve([a, b], Gazetteer.load())
    walshes = {e.key for e in resolved.entities.values() if e.label.endswith("Walsh")}
    assert (len(walshes) == 1) == merged
