"""The relation trigger rules (`kg/data/rules.json`) as a typed, read-only object."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kg.datafiles import read_json
from kg.errors import DataError, Errors

# a score as news writes it: "2-1", "3 - 0", "1–0" (not a date's "2024-05" or a "4-3-3" formation)
SCORE = re.compile(r"(?<![\d-])(\d{1,2})\s?[-\u2013]\s?(\d{1,2})(?![\d-])")


@dataclass(frozen=True)
class Rules:
    roles: dict[str, frozenset[str]]
    player_verbs: frozenset[str]
    goal_verbs: frozenset[str]
    goal_nouns: frozenset[str]
    manager_possessions: frozenset[str]
    defeat_verbs: frozenset[str]
    defeat_particles: dict[str, str]
    victory_nouns: frozenset[str]
    loss_nouns: frozenset[str]
    draw_nouns: frozenset[str]
    mistakes: frozenset[str]  # a ball given away: "a loose pass from X"
    loss_verbs: frozenset[str]
    won_verbs: frozenset[str]
    won_nouns: frozenset[str]
    transfer_done: frozenset[str]
    transfer_done_nouns: frozenset[str]
    rumour: tuple[str, ...]
    rumour_strong: tuple[str, ...]
    transfer_context: tuple[str, ...]
    departure: tuple[str, ...]
    appointment: tuple[str, ...]
    former_markers: frozenset[str]
    blocking_suffixes: frozenset[str]
    club_suffixes: frozenset[str]
    stages: dict[str, str]
    player_verb_objects: dict[str, frozenset[str]]
    injury_words: frozenset[str]
    goal_phrases: dict[str, frozenset[str]]
    net_words: frozenset[str]
    staff_qualifiers: frozenset[str]
    save_verbs: frozenset[str]
    sack_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    opponent_markers: frozenset[str]
    demonym_nouns: frozenset[str]
    goal_with_verbs: frozenset[str] = frozenset()
    goal_on: frozenset[str] = frozenset()  # where a scorer is: "was on target for Sanfrecce", "got on the scoresheet"
    background_before: tuple[str, ...] = ()  # "coming off a 2-0 win": a result told as background
    background_after: tuple[str, ...] = ()  # "a 2-0 win ... in midweek"
    # what a former membership was: "played 300 games for Villa", "a former Glenavon midfielder"
    # (with the player role nouns) against "managed Walsall", "in charge of Loughgall"
    career_player_words: frozenset[str] = frozenset()
    career_manager_words: frozenset[str] = frozenset()
    # a first name's common pet forms ("gaz": gary, gareth): "Gaz" is Gary Holroyd, "Bertie
    # Carmichael" is Robert Carmichael
    pet_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    manager_verbs: frozenset[str] = frozenset()  # what managers do to a team: "guided Huddersfield to promotion"
    selection_verbs: frozenset[str] = frozenset()  # what managers do to a side: "named an unchanged starting eleven"
    # a player "dismissed" by the referee, not by his club: "dismissed for a professional foul"
    red_card: tuple[str, ...] = ()
    # a club's own voice: "our keeper", "we beat Sunnybank 3-0" (a club website, programme notes)
    club_voice_nouns: frozenset[str] = frozenset()
    club_voice_verbs: frozenset[str] = frozenset()
    past_verbs: frozenset[str] = frozenset()  # a win told as going past: "Whitecaps rally past LAFC"
    past_causatives: frozenset[str] = frozenset()  # a win told as what took the team past: "Brennan double sends City past Central Coast"
    # a completed move told by a verb and its particle: "brought in X from Brondby"
    transfer_particles: dict[str, frozenset[str]] = field(default_factory=dict)
    # a purpose clause that is a done deal: "broke their transfer record to sign X from Lens"
    transfer_purpose_verbs: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path | None = None) -> Rules:
        raw = read_json("rules.json", path)
        try:
            return cls(
                roles={k: frozenset(v) for k, v in raw["roles"].items()},
                player_verbs=frozenset(raw["player_verbs"]),
                goal_verbs=frozenset(raw["goal_verbs"]),
                goal_nouns=frozenset(raw["goal_nouns"]),
                manager_possessions=frozenset(raw["manager_possessions"]),
                defeat_verbs=frozenset(raw["defeat_verbs"]),
                defeat_particles=dict(raw["defeat_particles"]),
                victory_nouns=frozenset(raw["victory_nouns"]),
                loss_nouns=frozenset(raw["loss_nouns"]),
                draw_nouns=frozenset(raw["draw_nouns"]),
                mistakes=frozenset(raw["mistakes"]),
                loss_verbs=frozenset(raw["loss_verbs"]),
                won_verbs=frozenset(raw["won_verbs"]),
                won_nouns=frozenset(raw["won_nouns"]),
                transfer_done=frozenset(raw["transfer_done"]),
                transfer_done_nouns=frozenset(raw["transfer_done_nouns"]),
                rumour=tuple(raw["rumour"]),
                rumour_strong=tuple(raw["rumour_strong"]),
                transfer_context=tuple(raw["transfer_context"]),
                departure=tuple(raw["departure"]),
                appointment=tuple(raw["appointment"]),
                former_markers=frozenset(raw["former_markers"]),
                blocking_suffixes=frozenset(raw["blocking_suffixes"]),
                club_suffixes=frozenset(raw["club_suffixes"]),
                stages=dict(raw["stages"]),
                player_verb_objects={k: frozenset(v) for k, v in raw["player_verb_objects"].items()},
                injury_words=frozenset(raw["injury_words"]),
                goal_phrases={k: frozenset(v) for k, v in raw["goal_phrases"].items()},
                net_words=frozenset(raw["net_words"]),
                staff_qualifiers=frozenset(raw["staff_qualifiers"]),
                save_verbs=frozenset(raw["save_verbs"]),
                sack_verbs=frozenset(raw["sack_verbs"]),
                leave_verbs=frozenset(raw["leave_verbs"]),
                opponent_markers=frozenset(raw["opponent_markers"]),
                demonym_nouns=frozenset(raw["demonym_nouns"]),
                goal_with_verbs=frozenset(raw.get("goal_with_verbs", ())),
                goal_on=frozenset(raw.get("goal_on", ())),
                background_before=tuple(raw.get("background_before", ())),
                background_after=tuple(raw.get("background_after", ())),
                career_player_words=frozenset(raw.get("career_player_words", ())) | frozenset(raw["roles"]["player"])
                | frozenset(raw["roles"]["captain"]),
                career_manager_words=frozenset(raw.get("career_manager_words", ())) | frozenset(raw["roles"]["manager"]),
                pet_forms={k: frozenset(v) for k, v in raw.get("pet_forms", {}).items()},
                manager_verbs=frozenset(raw.get("manager_verbs", ())),
                selection_verbs=frozenset(raw.get("selection_verbs", ())),
                red_card=tuple(raw.get("red_card", ())),
                club_voice_nouns=frozenset(raw.get("club_voice_nouns", ())),
                club_voice_verbs=frozenset(raw.get("club_voice_verbs", ())),
                past_verbs=frozenset(raw.get("past_verbs", ())),
                past_causatives=frozenset(raw.get("past_causatives", ())),
                transfer_particles={k: frozenset(v) for k, v in raw.get("transfer_particles", {}).items()},
                transfer_purpose_verbs=frozenset(raw.get("transfer_purpose_verbs", ())),
            )
        except (KeyError, TypeError) as err:
            raise DataError(Errors.E060.format(path=path or "kg/data/rules.json", why=err)) from None

    def red_card_in(self, text: str) -> bool:
        """Does the sentence tell of a sending-off ("dismissed for a professional foul")?"""
        return bool(self.red_card) and re.search(
            r"\b(?:" + "|".join(re.escape(w) for w in self.red_card) + r")\b", text, re.I) is not None

    def role_of(self, word: str) -> str | None:
        """The role a role noun names (player, captain, manager, other), if any."""
        w = word.lower()
        for role in ("captain", "manager", "player", "other"):
            if w in self.roles.get(role, ()):
                return role
        return None
