"""Extraction behaviours on short invented articles: people are recognised from the text alone."""

import pytest

pytestmark = pytest.mark.model


def _facts(x):
    return {(f.subject[2:], f.predicate, f.object[2:]) for f in x.facts}


def _roles(x):
    out = {}
    for c in x.roles:
        out.setdefault(c.ref[2:], set()).add(c.role)
    return out


def test_extract_rumour_is_not_a_membership(extract_text):
    x = extract_text("Napoli striker Tomasz Wrobel is poised to join Aston Villa in a £40m deal. "
                     "Wrobel scored 19 goals last season.")
    facts = _facts(x)
    assert ("Tomasz Wrobel", "memberOf", "napoli") in facts
    assert ("Tomasz Wrobel", "linkedWith", "aston-villa") in facts
    assert ("Tomasz Wrobel", "memberOf", "aston-villa") not in facts


def test_extract_completed_transfer_moves_the_player(extract_text):
    x = extract_text("Kieran Maddox has completed his move from Burnley to Brentford, signing a four-year deal.")
    facts = _facts(x)
    assert ("Kieran Maddox", "memberOf", "brentford") in facts
    assert ("Kieran Maddox", "formerMemberOf", "burnley") in facts


def test_extract_sacking_ends_the_job(extract_text):
    x = extract_text("Stoke City have sacked manager Pieter Oldenkamp after a run of six defeats.")
    facts = _facts(x)
    assert ("Pieter Oldenkamp", "formerMemberOf", "stoke-city") in facts
    assert ("Pieter Oldenkamp", "memberOf", "stoke-city") not in facts
    assert "manager" in _roles(x)["Pieter Oldenkamp"]


def test_extract_nickname_resolves_to_the_club_the_article_names(extract_text):
    x = extract_text("Birmingham City beat Coventry City 2-0. The Blues were on top throughout.")
    refs = {m.ref for m in x.mentions if m.text.endswith("Blues")}
    assert refs == {"G:birmingham-city"}
    y = extract_text("Chelsea beat Fulham 2-0. The Blues were on top throughout.")
    assert {m.ref for m in y.mentions if m.text.endswith("Blues")} == {"G:chelsea"}


def test_extract_roles_from_nouns_possessives_and_verbs(extract_text):
    x = extract_text("Everton boss Marta Quenneville praised her side. Everton's Jonas Aakre scored twice, "
                     "and goalkeeper Pim Rasmussen saved a penalty. The singer Lola Brightwater watched on.")
    roles = _roles(x)
    assert "manager" in roles["Marta Quenneville"]
    assert "player" in roles["Jonas Aakre"] and "player" in roles["Pim Rasmussen"]
    assert roles["Lola Brightwater"] == {"other"}
    facts = _facts(x)
    assert ("Marta Quenneville", "memberOf", "everton") in facts
    assert ("Jonas Aakre", "memberOf", "everton") in facts


def test_extract_result_and_goal(extract_text):
    x = extract_text("Leeds United beat Sunderland 3-1 at Elland Road on Saturday. "
                     "Striker Ola Brekke scored twice for Leeds.")
    [m] = x.matches
    assert m.winner == "G:leeds-united" and (m.winner_score, m.loser_score) == (3, 1)
    assert m.venue == "G:elland-road"
    assert ("Ola Brekke", "scoredIn", m.key[2:]) in {(f.subject[2:], f.predicate, f.object[2:]) for f in x.facts}


def test_extract_team_sheet_gives_squads_goals_but_not_own_goals(extract_text):
    text = ("Fulham beat Everton 2-1 at Craven Cottage.\n\n"
            "Fulham: Aldous, Brennecke, Carvalho, Dunmore, Ekwueme, Fabbri, Gallo, Hartmann, Ilic, "
            "Jarvis, Kovacs. Subs Not Used: Lunde. Everton: Moreau, Nkosi, Oduya, Pellegrini, Quist, "
            "Rahimi, Sousa, Tamm, Ulloa, Vance, Wexford. Goals: Jarvis 12, Vance 50, Tamm 77 og. "
            "Att: 24,000 Ref: R Pollard (Devon).")
    x = extract_text(text)
    facts = _facts(x)
    assert ("Jarvis", "memberOf", "fulham") in facts and ("Wexford", "memberOf", "everton") in facts
    assert ("Lunde", "memberOf", "fulham") in facts
    scorers = {s for s, p, _ in facts if p == "scoredIn"}
    assert scorers == {"Jarvis", "Vance"}
    assert "other" in _roles(x)["R Pollard"]
