"""The learned layer: scoring and calibration, match sides, training that learns and is
deterministic, and features that never name anyone."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from kg.article import ArticleView
from kg.errors import DataError
from kg.learn.scorer import Binary, Scorer, Softmax, calibrate
from kg.learn.sides import Link, infer
from kg.nlp import Parsed
from kg.records import Document, Evidence, Fact, MatchReport, OffsetMap

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("score,expected", [
    (-5.0, 0.1), (0.0, 0.1), (1.0, 0.3), (1.5, 0.4), (2.0, 0.5), (9.0, 0.9),
])
def test_scorer_calibration_is_a_monotone_table(score, expected):
    xs, ys = (0.0, 1.0, 2.0, 3.0), (0.1, 0.3, 0.5, 0.9)
    assert calibrate(score, xs, ys) == pytest.approx(expected)


def test_scorer_calibration_without_a_table_is_the_logistic():
    assert calibrate(0.0, (), ()) == pytest.approx(0.5)
    assert calibrate(2.0, (), ()) == pytest.approx(1 / (1 + math.exp(-2)))


def test_scorer_binary_adds_weights_of_the_features_it_knows():
    model = Binary(-1.0, {"a": 2.0, "b": -0.5}, (), ())
    assert model.raw({"a": 1.0, "b": 2.0, "unknown": 7.0}) == pytest.approx(0.0)


def test_scorer_softmax_gives_a_distribution():
    model = Softmax(("x", "y", "z"), (0.0, 1.0, -1.0), {"f": (1.0, 0.0, 3.0)})
    p = model.probabilities({"f": 1.0, "g": 3.0})
    assert sum(p.values()) == pytest.approx(1.0)
    assert max(p, key=p.get) == "z"


def test_scorer_shipped_model_loads_with_every_task():
    scorer = Scorer.load()
    assert set(scorer.team) == {"member", "former", "linked"}
    assert set(scorer.facts) == {"scoredIn", "won", "defeated"}
    assert 0.0 < scorer.threshold < 1.0
    assert re.fullmatch(r"[0-9a-f]{64}", scorer.digest)


def test_scorer_bad_model_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "model.json"
    bad.write_text('{"format": "something-else"}', "utf-8")
    with pytest.raises(DataError, match=r"E061.*model\.json"):
        Scorer.load(bad)
    with pytest.raises(DataError, match="E061"):
        Scorer.load(tmp_path / "missing.json")


def test_scorer_shipped_model_features_never_name_anyone():
    """No feature of the shipped model is made of a person's name from the annotated articles
    (a name that is also an everyday word, written in lower case in some article, may be; so may
    one that is the stem of such a word: "strand" is the lemma of "stranded")."""
    model = json.loads((ROOT / "kg" / "data" / "scorer.json").read_text("utf-8"))
    names: set[str] = set()
    everyday: set[str] = set()
    for gold in (ROOT / "tests" / "gold").glob("*.json"):
        data = json.loads(gold.read_text("utf-8"))
        if "folder" not in data:
            continue  # a file still being written
        folder = gold.parent / data["folder"]
        for d in data["documents"]:
            everyday |= set(re.findall(r"\b[a-z]{5,}\b", (folder / d).read_text("utf-8")))
        for e in data["entities"]:
            if e["type"] in ("Player", "Manager", "Person"):
                for form in [e["label"], *e.get("aliases", [])]:
                    names |= {w.lower() for w in form.split() if len(w) >= 5}
    names = {n for n in names if n not in everyday and not any(w.startswith(n) for w in everyday)}
    features = set(model["type"]["weights"]) | set(model["mention"]["weights"]) | set(model["choice"]["weights"])
    for part in ("team", "facts"):
        for task in model[part].values():
            features |= set(task["weights"])
    words = {w.lower() for f in features for w in re.split(r"[=&|: ]", f)}
    assert not (words & names), sorted(words & names)[:20]


# ------------------------------------------------------------------------------------ sides

def _view() -> ArticleView:
    doc = Document("d", "d.txt", "", "", OffsetMap.from_spans([], []))
    view = ArticleView(doc, Parsed((), (), ()))
    view.set_spans([])
    return view


def _ev() -> Evidence:
    return Evidence("d", "s", 0, 1, "teamsheet", 0.95)


def test_sides_propagate_along_same_and_opposite_links():
    facts = [Fact("P:Anchor", "memberOf", "G:home", _ev())]
    reports = [MatchReport("M:d:1", ("G:home", "G:away"))]
    links = [Link("P:Anchor", "P:Mate", "same", "service-received", 0),
             Link("P:Mate", "P:Rival", "opposite", "against", 0),
             Link("P:Rival", "P:Far", "same", "replaces", 0)]
    sides = infer(_view(), facts, reports, links)
    assert sides["P:Anchor"].team == "G:home" and sides["P:Anchor"].hops == 0
    assert sides["P:Mate"].team == "G:home" and sides["P:Mate"].hops == 1
    assert sides["P:Rival"].team == "G:away"
    assert sides["P:Far"].team == "G:away" and sides["P:Far"].hops == 3
    assert sides["P:Far"].strength < sides["P:Rival"].strength < sides["P:Mate"].strength


def test_sides_contradictions_keep_the_stronger_side_or_none():
    facts = [Fact("P:A", "memberOf", "G:home", _ev()), Fact("P:B", "memberOf", "G:away", _ev())]
    reports = [MatchReport("M:d:1", ("G:home", "G:away"))]
    links = [Link("P:A", "P:X", "same", "replaces", 0), Link("P:B", "P:X", "same", "replaces", 0)]
    sides = infer(_view(), facts, reports, links)
    assert "P:X" not in sides  # as strong for both sides: no side
    assert infer(_view(), facts, [], links) == {}  # no match: no sides


# ------------------------------------------------------------------------------------ eval

def test_eval_two_matches_of_the_same_teams_are_either(tmp_path):
    from kg.evaluate import _aligned

    truth = {("X", "scoredIn", "A v B"), ("Y", "scoredIn", "B v A")}
    assert _aligned("X", "scoredIn", "A v B\x1fB v A", truth) == ("X", "scoredIn", "A v B")
    assert _aligned("Y", "scoredIn", "A v B\x1fB v A", truth) == ("Y", "scoredIn", "B v A")
    assert _aligned("Z", "scoredIn", "A v B\x1fB v A", truth) == ("Z", "scoredIn", "A v B")


# ------------------------------------------------------------------------------------ training

@pytest.mark.model
@pytest.mark.slow
def test_train_small_set_learns_and_is_deterministic(tmp_path):
    """Trained on 36 articles of two batches, the scorer beats the rules alone on 18 Asian and
    Australian ones it never saw (0.731 vs 0.712 when written; on one batch of 18 it did not:
    0.667); the same data gives the same bytes."""
    from kg.evaluate import evaluate
    from kg.learn.train import train
    from kg.pipeline import build

    gold = [ROOT / "tests" / "gold" / "train_d.json", ROOT / "tests" / "gold" / "train_f.json"]
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    train(gold, a, cache_dir=tmp_path / "cache")
    train(gold, b, cache_dir=tmp_path / "cache")
    assert a.read_bytes() == b.read_bytes()
    scores = {}
    for name, kwargs in (("scorer", {"scorer": a}), ("rules", {"rules_only": True})):
        out = tmp_path / name
        build([str(ROOT / "tests" / "train" / "g")], out, validate_output=False, cache_dir=tmp_path / "cache",
              **kwargs)
        scores[name] = evaluate(ROOT / "tests" / "gold" / "train_g.json", str(out))["relations"]["all"]["f1"]
    assert scores["scorer"] > scores["rules"], scores


@pytest.mark.model
@pytest.mark.slow
def test_train_reproduces_the_shipped_model(tmp_path):
    """`kg train --gold tests/gold --split train --split dev` gives kg/data/scorer.json byte for
    byte: the shipped model is what the code and the annotated articles make (retrain it after
    changing either). It learns from the training and dev articles; the blind ones stay unseen."""
    from kg.learn.train import train

    out = tmp_path / "scorer.json"
    train([ROOT / "tests" / "gold"], out, splits=("train", "dev"), cache_dir=tmp_path / "cache", workers=0)
    assert out.read_bytes() == (ROOT / "kg" / "data" / "scorer.json").read_bytes()


def _rule_output(nlp, gaz, rules, text):
    """What the rules give (view, facts, reports, ...) for one article written as a string."""
    from kg import nlp as nlp_module
    from kg.extract import apply_rules
    from kg.readers import make_document

    doc = make_document(text, "t.txt", "t")
    return apply_rules(doc, next(nlp_module.parse(nlp, [doc.text])), gaz, rules)


@pytest.mark.model
@pytest.mark.parametrize("text, origins", [
    # a score beside two teams that no rule reads as a result: both directions go to the scorer
    ("Sanfrecce Hiroshima led Urawa Reds 2-1 when the lights went out.", ["", ""]),
    # a result the rules read: its report is the one candidate
    ("Arsenal beat Chelsea 2-0 at the Emirates.", ["report:0"]),
])
def test_candidates_results_beyond_the_rules(nlp, gaz, rules, text, origins):
    from kg.learn.candidates import candidates

    out = _rule_output(nlp, gaz, rules, text)
    found = [c for c in candidates(out.view, out.facts, out.cues, out.reports, rules) if c.task == "defeated"]
    assert sorted(c.origin for c in found) == origins
    if "" in origins:
        assert {(c.subject, c.object) for c in found} == {
            ("G:sanfrecce-hiroshima", "G:urawa-red-diamonds"), ("G:urawa-red-diamonds", "G:sanfrecce-hiroshima")}


@pytest.mark.model
def test_sides_from_the_play_past_their_keeper_and_saved_shots(nlp, gaz, rules):
    """"curled an effort beyond the reach of the Al-Hilal goalkeeper" puts the shooter on the other
    side; "had to push away a low drive from Y" is a save (opposite sides), and a ball in another
    clause with its own subject links nobody."""
    from kg.learn.sides import anchors, links

    text = ("Al-Ittihad beat Al-Hilal 2-1 on Friday.\n\n"
            "Nemanja Vukadinovic struck the post, and Nawaf Al-Sulami had to push away a low drive from "
            "Rafael Bortolotto.\n\nYanis Belkacem drifted inside and curled a superb effort beyond the reach "
            "of the Al-Hilal goalkeeper.")
    out = _rule_output(nlp, gaz, rules, text)
    found = {(l.a, l.b, l.relation) for l in links(out.view)}
    assert ("P:Nawaf Al-Sulami", "P:Rafael Bortolotto", "opposite") in found
    assert not any({a, b} == {"P:Nemanja Vukadinovic", "P:Rafael Bortolotto"} for a, b, _ in found)
    anchored = anchors(out.view, [], {"G:al-ittihad", "G:al-hilal"})
    assert anchored["P:Yanis Belkacem"]["G:al-ittihad"][1] == "past-their-keeper"


@pytest.mark.model
def test_sides_verbs_sharing_a_subject_and_a_keepers_own_save(nlp, gaz, rules):
    """Coordinated verbs share their subject ("X collected a pass from Y, cut inside Z and curled
    a shot beyond W": Y with X, Z and W against him); "W saved a shot from V" puts V on the other
    side although a shot "from" someone is usually a team-mate's ball; "gave the Eagles the lead"
    anchors the scorer to the Eagles."""
    from kg.learn.sides import anchors, links

    text = ("Brentford beat Crystal Palace 2-1 on Saturday.\n\n"
            "Malik Osei-Tutu had given the Eagles a deserved lead.\n\n"
            "He went ahead in the 23rd minute when Malik Osei-Tutu collected a short pass from Luka Brennan, "
            "cut inside Mathias Holm and curled a low shot beyond Mikkel Dahl.\n\n"
            "Mikkel Dahl saved a shot from Kieran Lusk.")
    out = _rule_output(nlp, gaz, rules, text)
    found = {(l.a, l.b, l.relation) for l in links(out.view)}
    assert ("P:Malik Osei-Tutu", "P:Luka Brennan", "same") in found
    assert ("P:Malik Osei-Tutu", "P:Mathias Holm", "opposite") in found
    assert ("P:Malik Osei-Tutu", "P:Mikkel Dahl", "opposite") in found
    assert ("P:Mikkel Dahl", "P:Kieran Lusk", "opposite") in found
    assert ("P:Mikkel Dahl", "P:Kieran Lusk", "same") not in found
    anchored = anchors(out.view, out.facts, {"G:brentford", "G:crystal-palace"})
    assert "G:crystal-palace" in anchored["P:Malik Osei-Tutu"]


@pytest.mark.model
def test_candidates_a_team_named_in_the_persons_own_quote(nlp, gaz, rules):
    """'"Simcoe won it last year for a reason," said head coach X': a team the person names in
    their own quote is a feature of the pair (more often the opponent than the speaker's club)."""
    from kg.learn.candidates import candidates

    text = ("Guelph United beat Simcoe County Rovers 2-1 at Alumni Stadium.\n\n\"We matched them for 90 minutes,\" "
            "said head coach Rui Medeiros. \"Simcoe won it last year for a reason.\"\n\nGuelph travel to Vaughan next.")
    out = _rule_output(nlp, gaz, rules, text)
    found = {c.object: c.features.get("quoted", 0.0) for c in candidates(out.view, out.facts, out.cues, out.reports, rules)
             if c.task == "team" and c.subject == "P:Rui Medeiros"}
    assert found.get("U:Simcoe County Rovers") == 1.0 and not found.get("U:Guelph United"), found


@pytest.mark.model
def test_candidates_a_manager_named_as_a_team_is_tied_to_the_team_the_story_is_about(nlp, gaz, rules):
    """"Hull City clinched promotion ... Colin Maybury's side knew victory over their nearest rivals
    would seal second place": the team the sentences before are about is a feature of the pair
    (`topic`), not the rival the sentence names."""
    from kg.learn.candidates import candidates

    text = ("Tranmere 1-2 Hull\n\nHull City clinched automatic promotion with a nerve-shredding win at Prenton Park on "
            "Saturday.\n\nColin Maybury's side knew victory over their nearest rivals would seal second place, while "
            "a draw would have sent Tranmere up instead.")
    out = _rule_output(nlp, gaz, rules, text)
    found = {c.object: c.features.get("topic", 0.0) for c in candidates(out.view, out.facts, out.cues, out.reports, rules)
             if c.task == "team" and c.subject == "P:Colin Maybury"}
    assert found.get("G:hull-city") == 1.0 and not found.get("G:tranmere-rovers"), found


def test_article_folds_keep_each_article_where_it_was_when_others_change():
    """Out-of-fold calibration folds by a hash of the article's name: adding articles (or
    candidates) does not move the others between folds, so a small rule change cannot reshuffle
    the calibration of the whole model."""
    import numpy as np

    from kg.learn.train import article_folds

    def fold_of(groups):
        out = {}
        for k, (_, te) in enumerate(article_folds(np.array(groups), 5)):
            out.update({groups[i]: k for i in te})
        return out

    before = [f"doc{i}" for i in range(40) for _ in range(i % 3 + 1)]
    after = before + ["doc7"] * 5 + ["new1", "new2"]
    assert {g: f for g, f in fold_of(after).items() if g in set(before)} == fold_of(before)
    for tr, te in article_folds(np.array(before), 5):
        assert not set(np.array(before)[tr]) & set(np.array(before)[te])  # an article is in one fold only


def test_train_refuses_a_negative_number_of_workers(tmp_path):
    from kg.cli import main

    assert main(["train", "--gold", str(ROOT / "tests" / "gold" / "seeds.json"), "--out", str(tmp_path / "m.json"),
                 "--workers", "-1"]) == 2
    assert not (tmp_path / "m.json").exists()
