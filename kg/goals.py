"""Whether a verb tells a goal: shared by the goal rules (`kg.results`) and the scorer's features
(`kg.learn.candidates`), which cannot import the rules' module (it imports the mention finder,
which imports the candidates)."""

from __future__ import annotations

import re

from kg.article import ArticleView
from kg.lexicon import Rules

STRONG_GOAL_VERBS = {"score", "net", "equalise", "equalize", "level"}
_KICK_KINDS = {"free", "spot", "corner", "overhead", "scissor", "bicycle", "penalty"}


def gerund(tok) -> str | None:
    """The verb of a gerund the tagger took for a noun ("with X scoring twice"), if it is a goal verb."""
    text = tok.text.lower()
    if tok.pos != "NOUN" or not text.endswith("ing") or tok.dep not in ("pcomp", "advcl", "acl", "conj", "ROOT", "pobj"):
        return None
    base = text[:-3]
    for cand in (base, base + "e", base[:-1] if len(base) > 2 and base[-1] == base[-2] else base):
        if cand in STRONG_GOAL_VERBS or cand in _GERUND_GOALS:
            return cand
    return None


_SHOT_NOUNS = {"header", "shot", "strike", "volley", "finish", "effort", "drive", "ball", "penalty", "kick"}
_GERUND_GOALS = {"head", "fire", "curl", "net", "volley", "strike", "slot", "tap", "nod", "bag", "grab"}


# what "in" can govern after a goal verb that is not the ball: "bundled over in the box"
_NOT_THE_BALL = {"box", "area", "minute", "half", "period", "time", "stoppage", "tackle", "challenge", "air",
                 "process", "build-up", "game", "match", "clash", "second", "first", "end", "style"}


def is_goal(view: ArticleView, rules: Rules, v: int, how: str) -> bool:
    """Whether verb ``v`` tells a goal (not "fired wide", "turned provider", an own goal, a
    shoot-out kick); ``how``: how the scorer is attached ("goal-through" accepts "took the lead")."""
    toks = view.tokens
    verb = toks[v]
    lemma = gerund(verb) or verb.lemma.lower()
    kids = [toks[c] for c in view.children[v]]
    if any(k.dep == "neg" for k in kids) or future_or_hypothetical(view, v):
        return False
    sub_words = {toks[i].lemma.lower() for i in view.subtree(v)} | {toks[i].text.lower() for i in view.subtree(v)}
    if "own" in sub_words and ({"goal", "net"} & sub_words):
        return False  # an own goal is not a goal for the scorer's side
    sentence = view.sentence_text(view.sent_of[v]).lower()
    bare_kick = any(toks[i].lemma.lower() == "kick" and toks[i].pos == "NOUN" and not (
        i >= 1 and (toks[i - 1].text.lower() in _KICK_KINDS or
                    toks[i - 1].text == "-" and i >= 2 and toks[i - 2].text.lower() in _KICK_KINDS))
        for i in view.subtree(v))  # "the decisive kick" of a shoot-out, not a free-kick
    if bare_kick or re.search(r"shoot-?out|on penalties", sentence):
        return False  # a shoot-out kick is not a goal in the match
    if lemma in STRONG_GOAL_VERBS:
        return True
    objects = {k.lemma.lower() for k in kids if k.dep in ("dobj", "attr")} | \
              {k.text.lower() for k in kids if k.dep in ("dobj", "attr", "prt", "advmod", "npadvmod")}
    if lemma in rules.goal_verbs and (
            objects & rules.goal_nouns or objects & {"in", "home", "twice", "again"}
            or any(k.dep == "prep" and k.text.lower() in ("in", "into") and  # "into the net", not "in the box"
                   {toks[g].lemma.lower() for g in view.subtree(k.i) if g != k.i} & rules.net_words for k in kids)
            or any(k.dep == "prep" and k.text.lower() == "inside" and any(  # "drove a low shot inside the far post"
                toks[g].dep == "pobj" and toks[g].lemma.lower() == "post" for g in view.children[k.i]) for k in kids)
            or any(k.dep in ("prt", "prep") and k.text.lower() in ("in", "home") and  # "bundled in", not "in the box"
                   not any(toks[g].dep == "pobj" and toks[g].lemma.lower() in _NOT_THE_BALL
                           for g in view.children[k.i]) for k in kids)):
        return True
    wanted = rules.goal_phrases.get(lemma)
    if wanted and objects & wanted:
        return True
    if lemma in ("be", "get") and any(k.dep == "prep" and k.text.lower() == "on" and any(
            toks[g].dep == "pobj" and toks[g].lemma.lower() in rules.goal_on for g in view.children[k.i]) for k in kids):
        return True  # "Fujikawa and Ribeiro were on target for Sanfrecce", "got on the scoresheet"
    if lemma in rules.goal_with_verbs and any(
            k.dep == "prep" and k.text.lower() == "with" and any(
                toks[g].dep == "pobj" and toks[g].lemma.lower() in rules.goal_nouns for g in view.children[k.i])
            for k in kids):
        return True  # "made sure of the points with a header", "doubled the lead with a volley"
    shot_preps = kids + [toks[g] for k in kids if k.dep == "dobj" and k.lemma.lower() in _SHOT_NOUNS
                         for g in view.children[k.i]]  # "curled a shot beyond X": on the shot
    if objects & _SHOT_NOUNS and lemma not in rules.save_verbs and any(
            k.dep == "prep" and (
                k.text.lower() in ("past", "beyond") and any(view.span_of(g) is not None and view.span_of(g).kind == "person"
                                                 for g in view.children[k.i])
                or k.text.lower() in ("in", "into") and (
                    {toks[g].lemma.lower() for g in view.subtree(k.i)} & (rules.net_words - {"in", "home", "corner"})
                    or _goal_corner(view, k.i)))
            for k in shot_preps):
        return True  # "guides a header past Kedzierski", "powers a header into the roof of the net"
    if lemma in rules.goal_verbs and lemma not in rules.save_verbs and any(
            k.dep == "prep" and k.text.lower() in ("past", "beyond") and any(
                view.span_of(g) is not None and view.span_of(g).kind == "person" and toks[g].dep == "pobj"
                for g in view.children[k.i]) for k in kids):
        return True  # "volleyed past Barry Gilmore", "slotted beyond the keeper Y": past the goalkeeper
    if lemma == "put" and objects & {"ahead", "front"} | {k.text.lower() for k in kids if k.dep in ("advmod", "prep")} & {"ahead", "in"}:
        return True  # "Ferraro put Man Utd ahead"
    if how == "goal-through" and (lemma in rules.goal_phrases or lemma in rules.goal_verbs or lemma == "lead"
                                  or lemma in ("reply", "respond", "answer")  # "Labasa replied through X"
                                  or objects & {"lead", "one", "advantage", "level", "ahead", "front"}
                                  or any(k.dep == "prep" and k.text.lower() == "in" and any(  # "went in front through X"
                                      toks[g].lemma.lower() == "front" for g in view.children[k.i]) for k in kids)):
        return True
    return False


def _goal_corner(view: ArticleView, prep: int) -> bool:
    """"into the top corner", "into the far corner": the goal's corner, not the corner flag."""
    toks = view.tokens
    return any(toks[g].lemma.lower() == "corner" and any(toks[a].text.lower() in _CORNER_SIDES for a in view.children[g])
               for g in view.children[prep])


_CORNER_SIDES = {"top", "bottom", "far", "near", "left", "right", "top-left", "top-right", "bottom-left", "bottom-right"}


def future_or_hypothetical(view: ArticleView, i: int) -> bool:
    """"will win", "could lift", "bid to win", "hoping to claim": not a trophy won."""
    toks = view.tokens
    for c in view.children[i]:
        if toks[c].dep == "aux" and toks[c].lemma.lower() in ("will", "would", "could", "might", "may",
                                                               "can", "should", "must", "shall"):
            return True
    if toks[i].dep == "xcomp" and toks[toks[i].head].lemma.lower() in (
            "want", "hope", "aim", "bid", "try", "seek", "look", "plan", "determine", "go", "set", "need", "able"):
        return True
    return False
