"""Extraction behaviours on short invented articles: people are recognised from the text alone."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.model


def _facts(x):
    """The facts by reference; a former membership told as a playing career ("formerPlayerOf")
    counts as the former membership it is (tests that care read `_raw_facts`)."""
    return {(s, "formerMemberOf" if p == "formerPlayerOf" else p, o) for s, p, o in _raw_facts(x)}


def _raw_facts(x):
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


def test_extract_teams_the_gazetteer_does_not_know_from_the_layout(extract_text):
    """A team sheet's label and a line that is only a result say a team stands there, in any
    case; the name is that club wherever the article writes it."""
    text = ("GORLESTON 2 TIPTREE UNITED 1\n\n"
            "Gorleston came from behind to beat Tiptree United on Saturday. Stuart Gotts scored the winner.\n\n"
            "GORLESTON: Rix, Beales, Pegg, Howes, Loades, Gedge, Eastaugh, Mallett (Brundle 70), Chilvers, Thrower, "
            "Gotts. Subs not used: Larkins, Spall.\n\n"
            "TIPTREE UNITED: Hatton, Wakeling, Cudmore, Pettit, Sayer, Doe, Tween (Kemble 65), Oakey, Frostick, "
            "Scrivener, Pamment. Subs not used: Brinkley, Jiggins.\n\n"
            "Round-up\n\nBrackley Town 2 (Dunkley 34, Orpin 77) Kidderminster Harriers 0. Att: 611\n")
    x = extract_text(text)
    facts = _facts(x)
    assert ("Rix", "memberOf", "Gorleston") in facts and ("Jiggins", "memberOf", "Tiptree United") in facts
    results = {(m.teams, m.winner, m.winner_score, m.loser_score) for m in x.matches}
    assert (("U:Gorleston", "U:Tiptree United"), "U:Gorleston", 2, 1) in results
    assert (("G:brackley-town", "G:kidderminster-harriers"), "G:brackley-town", 2, 0) in results
    brackley = next(m.key[2:] for m in x.matches if "G:brackley-town" in m.teams)
    assert {("Dunkley", "scoredIn", brackley), ("Orpin", "memberOf", "brackley-town")} <= facts
    assert not any(p.startswith("P:") and p[2:] in ("Gorleston", "Tiptree") for p in
                   {c.ref for c in x.roles})  # no person named after a club


def test_extract_demonym_is_a_description_not_a_name(extract_text):
    x = extract_text("Arsenal beat Chelsea 2-0. Stoke boss Halvard Brekkestad was calm. "
                     '"We were good," the Norwegian said.')
    names = {m.ref for m in x.mentions if m.kind == "person"}
    assert "P:Norwegian" not in names and "P:Halvard Brekkestad" in names


def test_extract_position_code_is_not_part_of_the_name(extract_text):
    x = extract_text("Fulham ratings\n\nGK Anton Velde: 7/10 -- Good.\n\nMF Pilar Osgood: 6/10 -- Fine.\n\n"
                     "FW Rene Duchamp: 5/10 -- Quiet.\n")
    names = {m.ref for m in x.mentions if m.kind == "person"}
    assert "P:Pilar Osgood" in names and not any(n.startswith("P:MF") for n in names)


def test_extract_role_noun_apposition_after_a_possessive(extract_text):
    x = extract_text("Arsenal's goalkeeper, Jonas Veldkamp, had to be alert to keep out a curler.")
    assert ("Jonas Veldkamp", "memberOf", "arsenal") in _facts(x)


def test_extract_a_bid_from_a_club_links_the_player_to_the_bidder(extract_text):
    x = extract_text("Marco Ellingsen, the subject of a £35m bid from Tottenham last week, crossed for the winner.")
    facts = _facts(x)
    assert ("Marco Ellingsen", "linkedWith", "tottenham-hotspur") in facts
    assert ("Marco Ellingsen", "memberOf", "tottenham-hotspur") not in facts


def test_extract_relieved_manager_is_not_sacked(extract_text):
    x = extract_text("Aberdeen boss Ole Brandvik was relieved after the win over Hibernian.")
    assert not any(p == "formerMemberOf" for _, p, _ in _facts(x))
    y = extract_text("Ole Brandvik was relieved of his duties by Aberdeen on Monday.")
    assert ("Ole Brandvik", "formerMemberOf", "aberdeen") in _facts(y)


def test_extract_on_loan_from_names_the_lending_club_not_a_membership(extract_text):
    """The club lending a player is the loan's source (`kg.history` reads it as the transfer's
    "from"), not a club he plays for: annotators give it nothing."""
    x = extract_text("Rangers beat Hibernian 2-1. Dale Pennock, the young left-back on loan from Brighton, "
                     "was sent off.")
    assert ("Dale Pennock", "loanedFrom", "brighton") in _facts(x)
    assert ("Dale Pennock", "memberOf", "brighton") not in _facts(x)
    x = extract_text("Rangers beat Hibernian 2-1. Kyle Ardley, the striker on loan at Hull City from Leeds United, "
                     "scored twice.")
    assert ("Kyle Ardley", "loanedFrom", "leeds-united") in _facts(x)
    assert ("Kyle Ardley", "memberOf", "leeds-united") not in _facts(x)


def test_extract_saved_effort_is_no_goal(extract_text):
    x = extract_text("Leeds United beat Sunderland 2-1. Keeper Tom Ashdown made a stunning stop from "
                     "Ivo Brandt's volley in extra time.")
    assert not any(p == "scoredIn" and s == "Ivo Brandt" for s, p, _ in _facts(x))


def test_extract_with_clause_scorer_plays_for_the_subject_side(extract_text):
    x = extract_text("Brentford beat Watford 3-1 on Saturday, with forward Kemi Adeyinka scoring twice.")
    facts = _facts(x)
    assert ("Kemi Adeyinka", "memberOf", "brentford") in facts
    y = extract_text("Brentford lost to Watford 3-1 on Saturday despite Kemi Adeyinka scoring twice.")
    assert ("Kemi Adeyinka", "memberOf", "watford") not in _facts(y)


def test_extract_winner_of_a_trophy_in_a_relative_clause_is_the_person(extract_text):
    x = extract_text("Ander Goikoetxea, who won the Copa del Rey with Athletic Club last April, praised his players.")
    facts = _facts(x)
    assert ("Ander Goikoetxea", "won", "copa-del-rey") in facts
    assert not any(s == "mallorca" for s, _, _ in facts)


def test_extract_provider_of_a_cross_is_a_teammate_unless_own_goal(extract_text):
    x = extract_text("Leeds United beat Sunderland 2-1. Leeds striker Ola Brekke headed in Sam Tiller's cross "
                     "after ten minutes.")
    assert ("Sam Tiller", "memberOf", "leeds-united") in _facts(x)
    y = extract_text("Leeds United beat Sunderland 2-1. Leeds defender Ola Brekke turned Sam Tiller's cross "
                     "into his own net.")
    facts = _facts(y)
    assert ("Sam Tiller", "memberOf", "sunderland") in facts
    assert not any(p == "scoredIn" and s == "Ola Brekke" for s, p, _ in facts)


def test_extract_since_arriving_from_is_a_completed_move(extract_text):
    x = extract_text("Striker Finn Oakes has scored nine times since arriving from Bristol City.")
    assert ("Finn Oakes", "formerPlayerOf", "bristol-city") in _raw_facts(x)  # told as a playing career


def test_extract_keeper_denied_players_of_the_other_side(extract_text):
    x = extract_text("Birmingham City 1-2 Queens Park Rangers. Birmingham keeper Stanislav Hruby produced "
                     "fine saves to keep out Theo Marchand and Sol Ebbers.")
    facts = _facts(x)
    assert ("Sol Ebbers", "memberOf", "queens-park-rangers") in facts
    assert ("Theo Marchand", "memberOf", "queens-park-rangers") in facts


def test_extract_first_team_coach_is_staff_not_the_manager(extract_text):
    x = extract_text("Swansea City have added first-team coach Huw Pellowe to the staff.")
    assert "manager" not in _roles(x).get("Huw Pellowe", set())


def test_extract_league_title_takes_the_competition_the_sentence_names(extract_text):
    x = extract_text("The Dane joins from Danish Superliga side FC Midtjylland, where Soren Kvist won the league "
                     "title in 2022 and reached the group stage of the Europa League.")
    facts = _facts(x)
    assert ("Soren Kvist", "won", "danish-superliga") in facts
    assert ("fc-midtjylland", "won", "danish-superliga") in facts
    assert not any(o == "europa-league" for _, p, o in facts if p == "won")
    y = extract_text("Soren Kvist has never won the league title with Aarhus.")
    assert not any(p == "won" for _, p, _ in _facts(y))


def test_extract_left_the_club_to_take_charge_elsewhere(extract_text):
    x = extract_text("Swansea City appointed a new head coach on Monday. Swansea City thanked the staff. "
                     "He replaces Rhodri Bellwood, who left the club by mutual consent last month to take charge "
                     "of Championship rivals Cardiff City.")
    facts = _facts(x)
    assert ("Rhodri Bellwood", "memberOf", "cardiff-city") in facts
    assert ("Rhodri Bellwood", "formerMemberOf", "swansea-city") in facts


def test_extract_long_description_stands_for_the_player_named_before(extract_text):
    x = extract_text("Aston Villa have completed the signing of Tiago Marcelino. The 24-year-old winger, who scored "
                     "14 goals and won the Primeira Liga with Benfica last season, has signed a five-year deal.")
    facts = _facts(x)
    assert ("Tiago Marcelino", "won", "primeira-liga") in facts
    assert ("benfica", "won", "primeira-liga") in facts


def test_extract_score_read_as_the_object_still_gives_the_loser(extract_text):
    x = extract_text("Newcastle United, managed by Graham Colbeck, had beaten Everton 3-0 at St James' Park in December.")
    [m] = x.matches
    assert m.winner == "G:newcastle-united" and set(m.teams) == {"G:newcastle-united", "G:everton"}


def test_extract_whose_side_is_the_managers_team(extract_text):
    x = extract_text("Spurs boss Lars Moe was happy. Moe, whose side beat Arsenal 2-0 in September, "
                     "would not blame his goalkeeper.")
    assert any(m.winner == "G:tottenham-hotspur" and "G:arsenal" in m.teams for m in x.matches)
    y = extract_text("Lars Moe, whose side beat Arsenal 2-0 in September, would not blame his goalkeeper.")
    assert not any(m.winner for m in y.matches)  # his team is not known: no result


def test_extract_level_when_and_the_provider_of_the_cross(extract_text):
    x = extract_text("Hearts beat Hibernian 3-1 on Sunday. Hibernian were level before the break when winger "
                     "Kofi Mensa's cross was headed in by Anton Vilar.")
    facts = _facts(x)
    assert ("Anton Vilar", "memberOf", "hibernian") in facts
    assert ("Kofi Mensa", "memberOf", "hibernian") in facts


def test_extract_scorer_after_a_sentence_saying_who_went_ahead(extract_text):
    x = extract_text("Hearts beat Hibernian 3-1 on Sunday. But Hearts regained the lead after the restart. "
                     "Skipper Ross Dunmore stepped into midfield and fired in off the post.")
    assert ("Ross Dunmore", "memberOf", "hearts") in _facts(x)
    y = extract_text("Hearts beat Hibernian 3-1 on Sunday. Hearts regained the lead after the restart. "
                     "But Ross Dunmore fired in off the post.")
    assert ("Ross Dunmore", "memberOf", "hearts") not in _facts(y)


def test_extract_since_his_move_from_is_past_even_in_the_summer(extract_text):
    x = extract_text("Striker Anton Vilar scored his fourth goal since his move from Real Oviedo in the summer.")
    assert ("Anton Vilar", "formerMemberOf", "real-oviedo") in _facts(x)
    y = extract_text("Striker Anton Vilar could complete a move from Real Oviedo in the summer.")
    assert ("Anton Vilar", "formerMemberOf", "real-oviedo") not in _facts(y)


def test_extract_departure_of_a_player_from_the_article_club(extract_text):
    x = extract_text("Aston Villa are busy. Aston Villa want a winger. Villa boss Mikkel Thorsby has been chasing "
                     "a wide player since the departure of forward Wout Kramm, who joined Wolverhampton Wanderers "
                     "last week.")
    facts = _facts(x)
    assert ("Wout Kramm", "formerMemberOf", "aston-villa") in facts
    assert ("Wout Kramm", "memberOf", "wolverhampton-wanderers") in facts
    y = extract_text("Aston Villa are busy. Aston Villa want a winger. Villa fear the possible departure of "
                     "forward Wout Kramm.")
    assert ("Wout Kramm", "formerMemberOf", "aston-villa") not in _facts(y)


def test_extract_began_his_career_at(extract_text):
    x = extract_text("Aston Villa signed winger Tiago Marcelino. He began his career in the academy at Sporting CP "
                     "before joining Benfica in 2021.")
    assert ("Tiago Marcelino", "formerMemberOf", "sporting-cp") in _facts(x)


def test_extract_role_heading_line_names_the_role(extract_text):
    x = extract_text("Where are they now?\n\nManager: Gordon Whitby\nThe Scot was sacked after relegation. "
                     "He went on to manage Hibernian and Bolton Wanderers.")
    assert "manager" in _roles(x)["Gordon Whitby"]
    assert ("Gordon Whitby", "formerMemberOf", "hibernian") in _facts(x)


def test_extract_age_description_stands_for_the_main_subject_before(extract_text):
    x = extract_text("Chloe Hallam levelled after defender Astrid Lind tripped captain Jess Odum in the box. "
                     "The 24-year-old, who joined from BK Hacken in 2022, then scored again.")
    facts = _facts(x)
    assert ("Chloe Hallam", "formerMemberOf", "bk-hacken") in facts
    assert ("Jess Odum", "formerMemberOf", "bk-hacken") not in facts


def test_extract_headline_of_two_stories_keeps_rumours_apart(extract_text):
    x = extract_text("Burnley land Man City midfielder on loan; Newcastle deny £40m Luka Vrdoljak bid\n\n"
                     "Newcastle have denied reports of a bid for Fiorentina striker Luka Vrdoljak.")
    linked = {o for s, p, o in _facts(x) if p == "linkedWith" and s == "Luka Vrdoljak"}
    assert "burnley" not in linked and "manchester-city" not in linked


def test_extract_interest_from_a_club_is_a_rumour_not_a_move(extract_text):
    x = extract_text("Brentford defender Sipho Mbeki has signed a new deal until 2028.\n\n"
                     "The South African, 26, had attracted interest from Everton.")
    facts = _facts(x)
    assert ("Sipho Mbeki", "linkedWith", "everton") in facts
    assert ("Sipho Mbeki", "linkedWith", "brentford") not in facts
    assert ("Sipho Mbeki", "memberOf", "everton") not in facts


def test_extract_had_been_in_charge_at_is_a_former_job(extract_text):
    x = extract_text("Declan Fairley had previously been in charge at Plymouth Argyle, leading them to promotion.")
    facts = _facts(x)
    assert ("Declan Fairley", "formerMemberOf", "plymouth-argyle") in facts
    assert ("Declan Fairley", "memberOf", "plymouth-argyle") not in facts


def test_extract_parted_company_read_from_the_words(extract_text):
    x = extract_text("He is the fourth manager to go, after Stoke City dismissed Andreas Lindgren and "
                     "Preston North End parted company with Gavin Healey.")
    facts = _facts(x)
    assert ("Gavin Healey", "formerMemberOf", "preston-north-end") in facts
    assert ("Andreas Lindgren", "formerMemberOf", "stoke-city") in facts
    assert ("Gavin Healey", "formerMemberOf", "stoke-city") not in facts


def test_extract_name_after_a_club_possessive_is_a_person(extract_text):
    x = extract_text("Vosloo is ready to trim his squad. Manchester United's Callum Deering is set to sign for "
                     "Fulham on a season-long loan.")
    facts = _facts(x)
    assert ("Callum Deering", "memberOf", "manchester-united") in facts
    assert ("Callum Deering", "linkedWith", "fulham") in facts
    assert ("Callum Deering", "memberOf", "fulham") not in facts


def test_extract_sacked_manager_is_not_the_other_sides_manager(extract_text):
    x = extract_text("Southampton have sacked manager Declan Fairley after a 4-0 home defeat by Leeds United. "
                     "Southampton captain Liam Corr apologised.")
    facts = _facts(x)
    assert ("Declan Fairley", "formerMemberOf", "southampton") in facts
    assert ("Declan Fairley", "memberOf", "leeds-united") not in facts


def test_extract_corner_from_a_teammate(extract_text):
    x = extract_text("Sheffield United drew 1-1 with Coventry City. The Blades went ahead when striker Anders Kjeld "
                     "headed in a corner from midfielder Oliver Tenby.")
    facts = _facts(x)
    assert ("Anders Kjeld", "memberOf", "sheffield-united") in facts
    assert ("Oliver Tenby", "memberOf", "sheffield-united") in facts


def test_extract_with_captain_scoring_twice(extract_text):
    x = extract_text("Sheffield United will meet Leeds United in the final after Leeds beat Norwich City 4-0 on "
                     "aggregate on Friday, with captain Callum Rudland scoring twice in a 3-0 second-leg win.")
    facts = _facts(x)
    assert ("Callum Rudland", "memberOf", "leeds-united") in facts
    assert any(s == "Callum Rudland" and p == "scoredIn" for s, p, _ in facts)


def test_extract_led_a_club_to_a_trophy_and_now_manages(extract_text):
    x = extract_text("Soren Kvist previously led Randers FC to the Danish Cup in 2021.")
    facts = _facts(x)
    assert ("Soren Kvist", "formerMemberOf", "randers-fc") in facts
    assert ("Soren Kvist", "won", "danish-cup") in facts
    y = extract_text("Jamie Kettle now manages National League side Solihull Moors.")
    assert ("Jamie Kettle", "memberOf", "solihull-moors") in _facts(y)
    assert "manager" in _roles(y)["Jamie Kettle"]


def test_extract_free_kick_goal_but_no_shootout_kick(extract_text):
    x = extract_text("Ireland lost 2-1 to the Netherlands. Ireland had taken a shock lead through Preston North End "
                     "striker Cian Oakley, who glanced in Sean Buckle's free-kick on 17 minutes.")
    facts = _facts(x)
    assert any(s == "Cian Oakley" and p == "scoredIn" for s, p, _ in facts)
    y = extract_text("Manchester United beat Newcastle United 4-3 on penalties after a 2-2 draw. "
                     "Yerlan Abbas rolled in the decisive kick.")
    assert not any(s == "Yerlan Abbas" and p == "scoredIn" for s, p, _ in _facts(y))


# ---- held-out error classes: general phrasings the rules used to miss (invented names throughout)

def _person_refs(x):
    return {m.text: m.ref[2:] for m in x.mentions if m.kind == "person"}


def test_extract_hyphenated_surname_keeps_the_first_name(extract_text):
    x = extract_text("Big chance for Stoke! Tobiah Mensah-Lowry skips past two defenders and shoots wide. "
                     "Mensah-Lowry is booked a minute later.")
    refs = _person_refs(x)
    assert refs.get("Mensah-Lowry") == "Tobiah Mensah-Lowry"
    assert "Lowry" not in refs  # the surname is one word, not two


def test_join_split_names_joins_a_sentence_break_inside_a_name():
    from kg.article import _join_split_names
    from kg.nlp import Ent, Parsed, Token

    words = ["yet", "Blackburn", "Rovers", "won", "."]
    toks, idx = [], 0
    for i, w in enumerate(words):
        toks.append(Token(i, w, idx, w.lower(), "X", "X", "dep", i, " "))
        idx += len(w) + 1
    parsed = Parsed(tuple(toks), ((0, 2), (2, 5)), (Ent(1, 3, "CLUB", "blackburn-rovers"),))
    assert _join_split_names(parsed) == [(0, 5)]
    lone = Parsed(tuple(toks), ((0, 2), (2, 5)), (Ent(3, 4, "CLUB", "x"),))
    assert _join_split_names(lone) == [(0, 2), (2, 5)]  # no name across the break: kept


def _results(x):
    return {(m.winner, tuple(sorted(m.teams))) for m in x.matches}


def test_extract_pronoun_object_of_a_defeat_is_the_other_team(extract_text):
    x = extract_text("Brentford learned that at Craven Cottage a fortnight ago, when Fulham beat them 2-0.")
    assert ("G:fulham", ("G:brentford", "G:fulham")) in _results(x)
    assert not any(w == "G:brentford" for w, _ in _results(x))


def test_extract_we_beat_two_teams_is_the_speakers_team(extract_text):
    x = extract_text("Dorking manager Pim Arkwright was in tears. "
                     "\"We beat Gillingham and Wealdstone to get here,\" Arkwright said.")
    got = _results(x)
    assert ("G:dorking-wanderers", ("G:dorking-wanderers", "G:gillingham")) in got
    assert ("G:dorking-wanderers", ("G:dorking-wanderers", "G:wealdstone")) in got
    assert not any(teams == ("G:gillingham", "G:wealdstone") for _, teams in got)


def test_extract_thrashing_at_a_ground_is_a_loss(extract_text):
    x = extract_text("Stoke City sacked Lars Vennberg two days after a 4-0 thrashing at Millwall left the club "
                     "a point above the relegation zone.")
    assert ("G:millwall", ("G:millwall", "G:stoke-city")) in _results(x)
    y = extract_text("Stoke City ended their slump with a 3-0 win at Millwall.")
    assert ("G:stoke-city", ("G:millwall", "G:stoke-city")) in _results(y)


def test_extract_won_their_game_against(extract_text):
    x = extract_text("Preston North End, who had won their previous game 2-0 against Luton Town, started well.")
    assert ("G:preston-north-end", ("G:luton-town", "G:preston-north-end")) in _results(x)
    y = extract_text("Preston North End, who had won their previous game, face Luton Town next.")
    assert not y.matches


def test_extract_live_text_running_score_and_shouted_scorer(extract_text):
    text = ("14 mins: GOAL! Hull City 1-0 Stoke City\nBramwell-Ortiz! The striker rises to head home.\n\n"
            "60 mins: GOAL! Hull City 1-1 Stoke City\nA scrappy equaliser.\n\n"
            "90 mins: FULL-TIME! Hull City 1-2 Stoke City\nStoke win it late.\n")
    x = extract_text(text)
    winners = {m.winner for m in x.matches}
    assert "G:stoke-city" in winners and "G:hull-city" not in winners
    assert any(s.endswith("Bramwell-Ortiz") and p == "scoredIn" for s, p, _ in _facts(x))


def test_extract_shot_past_the_keeper_and_goal_with_a_header(extract_text):
    x = extract_text("Stoke City beat Hull City 2-1. Kofi Adjei guides a header past goalkeeper Tom Veldt. "
                     "Defender Lars Ekholm made sure of the points with a header late on.")
    facts = _facts(x)
    assert any(s == "Kofi Adjei" and p == "scoredIn" for s, p, _ in facts)
    assert any(s == "Lars Ekholm" and p == "scoredIn" for s, p, _ in facts)
    y = extract_text("Stoke City beat Hull City 2-1. Kofi Adjei fires a shot past the post. "
                     "Lars Ekholm went close with a header.")
    assert not any(p == "scoredIn" for _, p, _ in _facts(y))


def test_extract_scorer_named_with_a_participle(extract_text):
    x = extract_text("Leeds United won 3-1 at Hull City, forward Ibou Sarr scoring twice before Hull's "
                     "Dan Whitely pulled one back.")
    facts = _facts(x)
    assert any(s == "Ibou Sarr" and p == "scoredIn" for s, p, _ in facts)
    assert ("Dan Whitely", "memberOf", "hull-city") in facts
    assert ("Dan Whitely", "memberOf", "leeds-united") not in facts


def test_extract_a_death_or_retirement_makes_every_club_former(extract_text):
    x = extract_text("Port Vale striker Alfie Tremlow scored 90 goals for the club. Tremlow died on Monday, aged 80.")
    facts = _facts(x)
    assert ("Alfie Tremlow", "formerMemberOf", "port-vale") in facts
    assert ("Alfie Tremlow", "memberOf", "port-vale") not in facts
    y = extract_text("Port Vale striker Alfie Tremlow has retired from international football.")
    assert ("Alfie Tremlow", "memberOf", "port-vale") in _facts(y)


def test_extract_pet_name_and_full_name_are_one_person(extract_text):
    x = extract_text("Robbie Falconer made his debut for Aberdeen in 1962. Robert Falconer was born in Dundee.")
    refs = _person_refs(x)
    assert refs["Robbie Falconer"] == refs["Robert Falconer"] == "Robert Falconer"
    y = extract_text("Gary Tolland and Phil Tolland both played for Aberdeen.")
    refs = _person_refs(y)
    assert refs["Gary Tolland"] != refs["Phil Tolland"]


def test_extract_debut_for_and_played_for(extract_text):
    x = extract_text("Callum Brodie made his debut for Aberdeen at 17. Brodie later played for Dundee.")
    facts = _facts(x)
    assert ("Callum Brodie", "memberOf", "aberdeen") in facts
    assert ("Callum Brodie", "formerMemberOf", "dundee") in facts
    y = extract_text("Callum Brodie watched Aberdeen play Dundee.")
    assert not any(p in ("memberOf", "formerMemberOf") for _, p, _ in _facts(y))


def test_extract_pronoun_chain_carries_the_person(extract_text):
    x = extract_text("Ronnie Spratt grew up in Leeds. He was the son of a miner. He left school at 15. "
                     "He was spotted by Aberdeen as a boy and made his debut for the Dons at 17.")
    assert ("Ronnie Spratt", "memberOf", "aberdeen") in _facts(x)


def test_extract_manager_who_was_once_a_player(extract_text):
    x = extract_text("Burnley manager Sven Aaland, who was a Burnley player in the 1990s, praised his side.")
    roles = _roles(x)
    assert "manager" in roles["Sven Aaland"]
    facts = _facts(x)
    assert ("Sven Aaland", "memberOf", "burnley") in facts
    assert ("Sven Aaland", "formerMemberOf", "burnley") not in facts


def test_extract_persons_club_is_the_club_they_run(extract_text):
    x = extract_text("Nobody presses like Kjell Ottesen's Brighton, who are unbeaten in six.")
    assert "manager" in _roles(x).get("Kjell Ottesen", set())
    assert ("Kjell Ottesen", "memberOf", "brighton") in _facts(x)
    y = extract_text("Nobody talks about Kjell Ottesen's Brighton contract, which runs until 2027.")
    assert "manager" not in _roles(y).get("Kjell Ottesen", set())


def test_extract_managed_for_seasons_is_a_former_job_and_a_county_is_no_club(extract_text):
    x = extract_text("Blackburn manager Gerald Harbottle was pleased. Harbottle, who managed Coventry City for "
                     "three seasons before moving to Lancashire, expected to be without his captain.")
    facts = _facts(x)
    assert ("Gerald Harbottle", "formerMemberOf", "coventry-city") in facts
    assert not any(m.kind == "club" and m.text == "Lancashire" for m in x.mentions)


def test_extract_helped_them_to_trophies(extract_text):
    x = extract_text("Ronnie Spratt joined Stoke City in 1970 and helped them to the League Cup and to the FA Cup.")
    facts = _facts(x)
    assert ("stoke-city", "won", "league-cup") in facts and ("stoke-city", "won", "fa-cup") in facts
    assert ("Ronnie Spratt", "won", "league-cup") in facts
    y = extract_text("Ronnie Spratt joined Stoke City in 1970 and helped them to a mid-table finish.")
    assert not any(p == "won" for _, p, _ in _facts(y))


def test_extract_win_at_a_home_ground_beats_its_club(extract_text):
    x = extract_text("Nobody expected Brentford's 3-1 win at Anfield on Sunday.")
    assert ("G:brentford", ("G:brentford", "G:liverpool")) in _results(x)
    y = extract_text("Stoke City striker Ola Brekke, on loan from Burnley, sealed a first win at Anfield.")
    assert not any(w == "G:burnley" for w, _ in _results(y))


def test_extract_person_shaped_names_the_model_took_for_organisations(extract_text):
    x = extract_text("City took the lead when Ebony Castellane-Brooks, signed from Gotham FC in the summer, "
                     "met a low cross at the near post.")
    assert ("Ebony Castellane-Brooks", "formerMemberOf", "gotham-fc") in _facts(x)
    y = extract_text("The Coca-Cola League table makes grim reading for Gotham FC.")
    assert not any(m.kind == "person" for m in y.mentions)


def test_teamsheet_label_may_carry_a_formation():
    from kg.teamsheet import parse

    sheets = parse("Hungary (3-4-2-1): Szabo; Kerekes, Lukacs, Varga; Nagy, Toth, Balogh, Kiss; Dobrai, "
                   "Sebestyen; Kovacs.\nReferee: S Oberholzer.")
    assert [s.team for s in sheets.sheets] == ["Hungary"]
    assert len(sheets.sheets[0].players) == 11


def test_extract_goal_phrasings_give_the_lead_beyond_the_keeper_and_a_long_possessed_noun(extract_text):
    x = extract_text("Dorking Wanderers beat Hull City 2-1. Oscar Villaverde had given the visitors a "
                     "54th-minute lead. Then Callum Deane curled a shot beyond goalkeeper Kai Lund. "
                     "Marcus Fennell's stoppage-time winner settled it.")
    scorers = {s for s, p, _ in _facts(x) if p == "scoredIn"}
    assert {"Oscar Villaverde", "Callum Deane", "Marcus Fennell"} <= scorers
    y = extract_text("Stoke City beat Hull City 2-1. Matt Rowe met Ian Etxebarria's corner with a firm header.")
    assert "Ian Etxebarria" not in {s for s, p, _ in _facts(y) if p == "scoredIn"}


def test_extract_honours_from_an_apposition_and_from_there(extract_text):
    x = extract_text("The result lifted Atalanta, Europa League winners in 2024, to third.")
    assert ("atalanta", "won", "europa-league") in _facts(x)
    y = extract_text("Hallvard Brekke, who arrived from Molde after winning two Eliteserien titles there, "
                     "was sacked.")
    assert ("molde", "won", "eliteserien") in _facts(y)
    z = extract_text("The result lifted Atalanta, who play Lazio in the Europa League, to third.")
    assert not any(p == "won" for _, p, _ in _facts(z))


def test_extract_completed_signing_makes_the_named_club_a_former_one(extract_text):
    x = extract_text("Everton have completed the £15m signing of Brentford keeper Tom Hale.")
    facts = _facts(x)
    assert ("Tom Hale", "memberOf", "everton") in facts
    assert ("Tom Hale", "formerMemberOf", "brentford") in facts
    assert ("Tom Hale", "memberOf", "brentford") not in facts


def test_extract_who_plays_his_club_football_for(extract_text):
    x = extract_text("Ireland might have gone ahead had Ciaran Dolan, who plays his club football for Hearts, "
                     "not turned a volley over the bar.")
    assert ("Ciaran Dolan", "memberOf", "hearts") in _facts(x)
    y = extract_text("Ciaran Dolan, who watched Hearts play on Saturday, was impressed.")
    assert ("Ciaran Dolan", "memberOf", "hearts") not in _facts(y)


def test_extract_description_refers_to_the_subject_not_a_quoted_or_possessive_name(extract_text):
    x = extract_text("Then Jonah Tierney rose above two defenders to meet Seamus Harte's cross. "
                     "The Sunderland striker's header was his sixth goal for his country.")
    read = {(f.subject[2:], f.object[2:]) for f in x.facts if f.evidence.rule == "anaphora-team"}
    assert read == {("Jonah Tierney", "sunderland")}
    y = extract_text("Colin Rawley insisted he had touched the ball. "
                     "\"He's a clever player, Pascal Lemaire, and he knows how to go down,\" the Rovers skipper said.")
    assert ("Pascal Lemaire", "memberOf", "blackburn-rovers") not in _facts(y)


def test_extract_substitution_puts_both_players_in_one_side(extract_text):
    x = extract_text("71 mins: Substitution\nStoke City.\nDani Ferreiro replaces Ivo Grbac.\n")
    facts = _facts(x)
    assert ("Dani Ferreiro", "memberOf", "stoke-city") in facts and ("Ivo Grbac", "memberOf", "stoke-city") in facts
    y = extract_text("Stoke City midfielder Ivo Grbac limped off. Dani Ferreiro replaces Ivo Grbac.")
    assert ("Dani Ferreiro", "memberOf", "stoke-city") in _facts(y)
    z = extract_text("Dani Ferreiro replaces Ivo Grbac.")
    assert not any(p == "memberOf" for _, p, _ in _facts(z))


def test_extract_headline_verb_read_as_a_plural_noun(extract_text):
    x = extract_text("Stoke City 1-1 Hull City\n\n* Yusuf Adeyemi-Cole levels in first-half stoppage time\n")
    assert any(s == "Yusuf Adeyemi-Cole" and p == "scoredIn" for s, p, _ in _facts(x))


def test_extract_former_club_in_a_description(extract_text):
    x = extract_text("Duxford dispossessed Duncan Farrell - the former Blackburn midfielder - and fed the ball on.")
    facts = _facts(x)
    assert ("Duncan Farrell", "formerMemberOf", "blackburn-rovers") in facts
    assert ("Duncan Farrell", "memberOf", "blackburn-rovers") not in facts


def test_extract_object_pronoun_is_the_subject_team_named_before(extract_text):
    x = extract_text("Wales go to Armenia level on points with Portugal, who beat them 3-0 in Lisbon in September.")
    got = _results(x)
    assert ("G:portugal", ("G:portugal", "G:wales")) in got
    assert not any(teams == ("G:armenia", "G:portugal") for _, teams in got)


def test_extract_victory_at_a_ground_goes_to_its_club(extract_text):
    x = extract_text("The Norwegian had been under pressure since a 1-0 victory over Southampton at Selhurst Park.")
    assert ("G:crystal-palace", ("G:crystal-palace", "G:southampton")) in _results(x)


def test_extract_managed_someone_at_a_club_is_a_past_spell_for_both(extract_text):
    x = extract_text("West Ham boss Piet Hoogmoed wants a reunion with Celtic striker Kasper Lund. "
                     "The Dutchman managed the Dane at Ajax.")
    facts = _facts(x)
    assert ("Piet Hoogmoed", "formerMemberOf", "ajax") in facts
    assert ("Kasper Lund", "formerMemberOf", "ajax") in facts
    assert ("Piet Hoogmoed", "memberOf", "ajax") not in facts
    y = extract_text("Piet Hoogmoed manages Ajax.")
    assert ("Piet Hoogmoed", "memberOf", "ajax") in _facts(y)


def test_extract_member_of_the_side_that_won(extract_text):
    x = extract_text("Tom Ryle was part of the Liverpool team that won the European Cup in 1977.")
    facts = _facts(x)
    assert ("liverpool", "won", "european-cup") in facts and ("Tom Ryle", "won", "european-cup") in facts
    assert ("Tom Ryle", "memberOf", "liverpool") in facts
    y = extract_text("Tom Ryle watched the Liverpool team that won the European Cup in 1977.")
    assert ("Tom Ryle", "won", "european-cup") not in _facts(y)


def test_extract_put_the_visitors_ahead_reads_the_venue(extract_text):
    x = extract_text("Brentford beat Arsenal 2-0 at the Emirates Stadium on Monday. "
                     "Tom Hartley put the visitors ahead in the 31st minute.")
    assert ("Tom Hartley", "memberOf", "brentford") in _facts(x)
    y = extract_text("Arsenal beat Brentford 2-0 at the Emirates Stadium on Monday. "
                     "Tom Hartley put the hosts ahead in the 31st minute.")
    assert ("Tom Hartley", "memberOf", "arsenal") in _facts(y)


def test_extract_retirement_ends_only_the_career_before_it(extract_text):
    x = extract_text("Port Vale striker Alfie Tremlow scored 90 goals for the club. Tremlow retired in 1985. "
                     "Alfie Tremlow now manages Stoke City.")
    facts = _facts(x)
    assert ("Alfie Tremlow", "formerMemberOf", "port-vale") in facts
    assert ("Alfie Tremlow", "memberOf", "stoke-city") in facts


def test_a_club_read_from_its_ground_alone_still_resolves(build_graph, tmp_path):
    """A result whose side is named only through its ground ("a 2-1 win over Benfica at the
    Estadio Metropolitano" in a final, no other mention of the ground's club) must not break the
    build: the gazetteer entry stands on its own."""
    inp = tmp_path / "in"
    inp.mkdir()
    (inp / "final.txt").write_text(
        "Manchester City crowned Champions League winners\n\n"
        "Manchester City won the Champions League for the seventh time as forward Teo Marlow struck in "
        "a 2-1 win over Benfica at Estadio Metropolitano.\n", encoding="utf-8")
    out = build_graph(inp)
    ttl = (out / "graph.ttl").read_text("utf-8")
    assert "club:manchester-city" in ttl and "club:benfica" in ttl


def _won_matches(x):
    return {(r.winner[2:] if r.winner else None, tuple(t[2:] for t in r.teams)) for r in x.matches}


@pytest.mark.parametrize("text, winner, loser", [
    # the parser takes the describing noun for the object and hangs the team elsewhere
    ("Benfica came from behind to beat reigning champions Sporting 2-1 in a feverish Lisbon derby.",
     "benfica", "sporting-cp"),
    ("Palmeiras came from behind to beat Brasileirão leaders Flamengo 2-1 at Allianz Parque.",
     "palmeiras", "flamengo"),
    # the win phrase hangs on the clause whose subject won it
    ("Fenerbahçe kept their Süper Lig title hopes alive with a dramatic 3-2 win over Trabzonspor at "
     "Papara Park on Sunday, as Italian coach Stefano Bellandi's side moved back to within three points of "
     "leaders Galatasaray with four matches remaining.", "fenerbahce", "trabzonspor"),
])
def test_extract_result_when_the_parse_hides_a_team(extract_text, winner, loser, text):
    assert any(w == winner and loser in teams for w, teams in _won_matches(extract_text(text)))


@pytest.mark.parametrize("text, rated", [
    ("GK Anton Velde: 7/10 -- Good.", "Anton Velde"),
    ("Tomas Hruby - 7", "Tomas Hruby"),
    ("Connor Haswell – 6/10 Solid enough.", "Connor Haswell"),
    ("Ben Tennant (8)", "Ben Tennant"),
    ("Lily Cardamone (6/10):", "Lily Cardamone"),  # the comment on the next line
    ("Matteo Colombari 6.5", "Matteo Colombari"),
    ("Eoghan Tierney (for Devlin, 78) 6", "Eoghan Tierney"),  # a substitute's line
    ("Ross Scullion (on for Kilbride 70) 6", "Ross Scullion"),
    ("Mattia Brunelli 7 saves and a clean sheet", None),
    ("Attendance: 45,000", None),
    ("Half-time - 1-0", None),
])
def test_rating_lines(text, rated):
    from kg.mentions import rating_lines

    found = [m.group(1) for m in rating_lines("\n".join([text] * 3))]
    assert found == ([rated] * 3 if rated else [])


def test_extract_ratings_title_names_the_rated_team(extract_text):
    x = extract_text("Newcastle United player ratings vs Sunderland: Magpies win derby\n\n"
                     "Here is how we rated the players.\n\nTomas Hruby - 7\n\nSolid.\n\n"
                     "Connor Haswell - 6\n\nFine.\n\nLucas Brandao - 7\n\nCalm.\n")
    facts = _facts(x)
    assert ("Lucas Brandao", "memberOf", "newcastle-united") in facts
    assert not any(f[0] == "Lucas Brandao" and f[2] == "sunderland" for f in facts)


@pytest.mark.parametrize("text", [
    "Eastern beat Vietnamese champions Nam Dinh 2-1 in the AFC Champions League Two.",  # a nationality
    "Arsenal won 2-1 and the winners, Arsenal, move top of the Premier League.",  # a match's winners
])
def test_extract_descriptions_that_name_no_title(extract_text, text):
    assert not any(p == "won" for _, p, _ in _facts(extract_text(text)))


def test_extract_deals_listed_under_club_headings(extract_text):
    x = extract_text("Deadline day: every deal\n\nArsenal\n\nIn: Marcus Holloway (Fluminense, £28m)\n"
                     "Out: Tobi Adelakun (Monaco, £25m)\n\nHolloway passed his medical on Wednesday.\n\n"
                     "Manchester United\n\nIn: Leon Brandtstätter (Bayer Leverkusen, loan)\n")
    facts = _facts(x)
    assert {("Marcus Holloway", "memberOf", "arsenal"), ("Marcus Holloway", "formerMemberOf", "fluminense"),
            ("Tobi Adelakun", "formerMemberOf", "arsenal"), ("Tobi Adelakun", "memberOf", "monaco"),
            ("Leon Brandtstätter", "memberOf", "manchester-united")} <= facts
    assert not any(f[0] == "Leon Brandtstätter" and f[2] == "bayer-leverkusen" for f in facts)


def _teams_named(x):
    return [(m.text, m.ref[2:]) for m in x.mentions if m.kind in ("club", "national_team")]


def test_extract_a_club_named_by_one_word_of_its_full_name(extract_text):
    x = extract_text("Thorns hold off the Current\n\nThe Portland Thorns beat the Kansas City Current 2-1 on "
                     "Saturday. The Current had won the last meeting. Current head coach Mara Lindgren was "
                     "unhappy.")
    named = _teams_named(x)
    assert ("Current", "kansas-city-current") in named and ("Thorns", "portland-thorns") in named
    assert not any(m.kind == "person" and "Current" in m.text for m in x.mentions)


def test_extract_a_country_the_article_treats_as_a_team_is_one_everywhere(extract_text):
    x = extract_text("Arboleda sparkles as Colombia brush aside Paraguay in Copa América opener\n\n"
                     "Colombia beat Paraguay 2-1 in Houston on Monday. Paraguay had their moments.")
    assert [r for r in x.matches if {t[2:] for t in r.teams} == {"colombia", "paraguay"}]
    assert sum(1 for text, ref in _teams_named(x) if ref == "colombia") >= 2


def test_extract_a_result_dated_to_another_month_is_an_earlier_meeting(extract_text):
    text = ("date 2024-06-15\nThorns hold off the Current\n\nThe Portland Thorns escaped with a 2-1 win over "
            "the Kansas City Current on Saturday. The Current, who beat the Thorns 3-0 in April, pressed high. "
            "Makenna Ostrowski headed the winner in the 74th minute.")
    x = extract_text(text)
    goal = next(f for f in x.facts if f.predicate == "scoredIn" and f.subject == "P:Makenna Ostrowski")
    match = next(r for r in x.matches if r.key == goal.object)
    assert match.winner == "G:portland-thorns"
    assert any(r.winner == "G:kansas-city-current" for r in x.matches)  # April's result is kept


def test_extract_a_one_word_person_named_like_a_team_is_the_team(extract_text):
    """An AP report's box score ("4, Columbus, Ramírez, 5, 67th"): "Columbus" is the Crew."""
    path = Path(__file__).resolve().parent / "blind3" / "b" / "blind3b_01_ap_mls_crew_cincinnati.txt"
    x = extract_text(path.read_text("utf-8"))
    named = {(m.text, m.kind) for m in x.mentions if m.text in ("Columbus", "Cincinnati")}
    assert named == {("Columbus", "club"), ("Cincinnati", "club")}


def _pairs(x):
    return {frozenset(t[2:] for t in r.teams): (r.winner[2:] if r.winner else None) for r in x.matches}


def _scored(x):
    return {f.subject[2:]: frozenset(t[2:] for t in next(r.teams for r in x.matches if r.key == f.object))
            for f in x.facts if f.predicate == "scoredIn"}


ROUND_UP = ("Five things from the weekend\n\n"
            "1. Saints find a striker\n\n"
            "Southampton have looked for a centre-forward for two years. Ola Brekke scored twice in "
            "Saturday's 3-1 win over Burnley at St Mary's.\n\n"
            "2. The hangover goes on\n\n"
            "Leicester City are starting to look tired. Sunday's 2-1 defeat at Vicarage Road was their fourth "
            "in five games, and Watford could have won by more.\n\n"
            "Tomasz Wielgosz gave the hosts the lead and Andile Mokoena equalised before Jari Halonen headed "
            "the winner.\n")


@pytest.mark.parametrize("pair, winner", [
    (frozenset({"southampton", "burnley"}), "southampton"),
    (frozenset({"watford", "leicester-city"}), "watford"),  # a defeat at a ground: its club won
])
def test_extract_round_up_paragraph_tells_its_own_match(extract_text, pair, winner):
    assert _pairs(extract_text(ROUND_UP)).get(pair) == winner


def test_extract_round_up_goals_belong_to_their_paragraphs_match(extract_text):
    scored = _scored(extract_text(ROUND_UP))
    assert scored.get("Ola Brekke") == frozenset({"southampton", "burnley"})
    assert scored.get("Jari Halonen") == frozenset({"watford", "leicester-city"})


def test_extract_paragraph_naming_a_third_team_at_the_result_is_not_a_match(extract_text):
    x = extract_text("Table talk\n\nThe result moves Wydad to 26 points, one ahead of Raja Casablanca, who suffered "
                     "a 1-0 defeat away at Hassania Agadir on Saturday.\n")
    assert frozenset({"wydad-casablanca", "raja-casablanca"}) not in _pairs(x)


def test_extract_held_to_a_draw_by(extract_text):
    x = extract_text("Cup night\n\nFlamengo beat Vasco da Gama 3-1, while River Plate were held to a 1-1 draw by "
                     "Universitario in Buenos Aires.\n")
    assert _pairs(x).get(frozenset({"river-plate", "universitario"}), "absent") is None


def test_extract_a_country_owning_a_club_is_not_the_loser(extract_text):
    x = extract_text("In Sao Paulo, Palmeiras beat Paraguay's Cerro Porteno 2-0 at Allianz Parque.")
    assert _pairs(x) == {frozenset({"palmeiras", "cerro-porteno"}): "palmeiras"}


def test_extract_wire_dateline_is_a_place_not_a_side(extract_text):
    x = extract_text("Botola Pro round-up\n\nRabat - AS FAR climbed to the top of the table on Sunday after a 2-0 "
                     "win over RS Berkane at the Moulay Hassan Stadium.\n")
    assert frozenset({"as-far", "rs-berkane"}) in _pairs(x)
    assert not any("fus-rabat" in pair for pair in _pairs(x))


@pytest.mark.parametrize("text, person, team", [
    ("Napoli v Club Brugge: Champions League live\n\nSalvatore Liguori's Napoli have barely had a shot all night.",
     "Salvatore Liguori", "napoli"),
    ("Raith Rovers 2 Arbroath 1\n\nGordon Baird's side had fallen behind to a first-half opener from "
     "Arbroath's Euan Kinnear before they turned it round.", "Gordon Baird", "raith-rovers"),
    ("India beat Singapore 1-0 in an Asian Cup qualifier.\n\nSingapore, coached by Japanese tactician Hiroshi "
     "Kanemoto, threw on fresh legs and pinned India back late on.",
     "Hiroshi Kanemoto", "singapore"),
    ("Athletic Club drew 0-0 at Villarreal.\n\nAthletic coach Aitor Larrinaga insisted a point away was "
     "not a tragedy.", "Aitor Larrinaga", "athletic-bilbao"),
])
def test_extract_manager_team_from_the_side_they_own_or_coach(extract_scored, text, person, team):
    assert (person, "memberOf", team) in _facts(extract_scored(text))


@pytest.mark.parametrize("text, team, trophy", [
    ("Bayer Leverkusen have paid Celtic an initial €18m for Japanese winger Ren Takamatsu, who scored 14 times as "
     "the Glasgow side won the "
     "Scottish Premiership last season.", "celtic", "scottish-premiership"),
    ("Burton, already crowned Northern Premier League champions, took the lead in the 38th minute.",
     "burton-albion", "northern-premier-league"),
])
def test_extract_honours_of_a_described_or_crowned_team(extract_scored, team, trophy, text):
    assert (team, "won", trophy) in _facts(extract_scored(text))


def test_extract_a_city_derby_is_a_fixture_not_derby_county(extract_text):
    x = extract_text("Mohun Bagan Super Giant got the better of East Bengal 2-1 in the Kolkata Derby on Saturday.")
    assert not any("derby-county" in t for r in x.matches for t in r.teams)


def test_extract_a_result_is_between_two_clubs_or_two_countries(extract_text):
    x = extract_text("Brighton's best chance fell to Ansu Kargbo, but the Sierra Leone international's header "
                     "was clawed away by the keeper.")
    assert not x.matches


def test_extract_a_name_cut_at_its_particle_is_one_person(extract_text):
    x = extract_text("Sem de Kruijff scored twice as the Netherlands came from behind to beat the Republic of "
                     "Ireland in Dublin.")
    people = {m.text for m in x.mentions if m.kind == "person"}
    assert "Sem de Kruijff" in people and "Sem" not in people


@pytest.mark.parametrize("text, winner, loser", [
    ("Tigres UANL beat city rivals Monterrey 3-1 on Saturday to go second.", "tigres-uanl", "cf-monterrey"),
    ("Standing in their way are Senegal, who beat seven-time champions Egypt 2-0 in the other semifinal.",
     "senegal", "egypt"),
    ("Derry City 2 Shelbourne 1 (aet)\n\nA late winner settled the final.", "derry-city", "shelbourne"),
])
def test_extract_results_the_parser_hides(extract_text, text, winner, loser):
    """A describing noun tagged as a verb ("city rivals"), words joined by hyphens ("seven-time
    champions"), a score line the sentence splitter cut after a goal count."""
    x = extract_text(text)
    assert ("G:" + winner, tuple(sorted(("G:" + winner, "G:" + loser)))) in _results(x)


def test_extract_a_competition_between_score_and_result_word(extract_text):
    x = extract_text("Teen hero for Sydney\n\nTeenage winger Lachlan Bui has handed Sydney FC derby bragging rights, "
                     "his late strike sealing a 2-1 A-League Men win over 10-man Western Sydney Wanderers.\n\n"
                     "Bui cut inside and bent a shot into the top corner.")
    assert ("G:sydney-fc", ("G:sydney-fc", "G:western-sydney-wanderers")) in _results(x)


def test_extract_a_national_teams_nickname_is_the_team(extract_text):
    x = extract_text("Senegal beat Egypt 2-0 in the semifinal.\n\n"
                     "Ferencvaros forward Ousseynou Faye headed the Lions of Teranga in front after 22 minutes.")
    assert {m.ref for m in x.mentions if m.text == "Lions of Teranga"} == {"G:senegal"}


def test_extract_a_passive_goal_whose_by_hangs_on_the_place(extract_text):
    x = extract_text("Derry City beat Shelbourne 2-1 in the final.\n\nRory Gillespie beat his man on the left and "
                     "his low cross was turned in at the near post by Ben Kerrigan for his first goal.")
    assert any(f.subject == "P:Ben Kerrigan" and f.predicate == "scoredIn" and f.evidence.rule == "goal-passive"
               for f in x.facts)


def test_extract_a_box_score_code_labels_the_team_the_article_names(extract_text):
    x = extract_text("Minnesota United beat Colorado Rapids 3-1 at Allianz Field.\n\n"
                     "COL: GK Bryce Halvorsen; D Marco Ianniello, Brody Kettering, Samuel Oyelaran, Declan Fitzmaurice; "
                     "M Pablo Arredondo, Ty Merriwether, Rafael Cattaneo; F Andres Lugones, Kofi Darko, Lars Eikeland\n"
                     "Unused subs: Nolan Bratcher, Emiliano Sotelo\n")
    members = {f.subject for f in x.facts if f.predicate == "memberOf" and f.object == "G:colorado-rapids"
               and f.evidence.rule == "teamsheet"}
    assert {"P:Bryce Halvorsen", "P:Marco Ianniello", "P:Lars Eikeland"} <= members


def test_extract_honours_joined_counted_and_named_by_their_kind(extract_text):
    x = extract_text("Celtic won the Scottish Premiership and the Scottish Cup in 2023.\n\n"
                     "Derry City beat Shelbourne 2-1 in the FAI Cup final. It is a sixth FAI Cup for Derry City, and "
                     "for Colm McGlinchey, who won the competition as a Derry player in 2006, it was a first honour "
                     "as a manager.")
    won = {(f.subject, f.object, f.evidence.rule) for f in x.facts if f.predicate == "won"}
    assert ("G:celtic", "G:scottish-cup", "won-verb") in won
    assert ("G:derry-city", "G:fai-cup", "counted-honour") in won
    assert any(s == "P:Colm McGlinchey" and o == "G:fai-cup" for s, o, _ in won)


def test_extract_a_stadium_is_never_a_club(extract_text):
    x = extract_text("Former Leicester manager Malcolm Fenwick, out of work since leaving the Walkers Stadium in "
                     "the spring, is the favourite to replace him.")
    assert not any(m.ref == "U:Walkers Stadium" for m in x.mentions)


def test_a_departure_the_rules_read_outweighs_the_articles_membership():
    from kg.extract import _left_is_left
    from kg.records import Evidence, Fact

    def fact(pred: str, rule: str) -> Fact:
        return Fact("P:X", pred, "G:coventry-city", Evidence("d", "s", 0, 1, rule, 0.8), 0.8)

    kept = _left_is_left([fact("memberOf", "scorer/context"), fact("formerMemberOf", "scorer/departure")])
    assert [f.predicate for f in kept] == ["formerMemberOf"]
    both = _left_is_left([fact("memberOf", "scorer/appointment"), fact("formerMemberOf", "scorer/departure")])
    assert len(both) == 2  # an arrival read too: the history settles it by date


def test_extract_a_short_form_of_a_named_club_is_that_club(tmp_path):
    """The scorer's leftover-name judge calls "Sydney" a team; it is the Sydney FC the article
    names (the name it starts), not a new club (a split node)."""
    import kg

    (tmp_path / "a.txt").write_text("Sydney FC beat Western Sydney Wanderers 2-1 at Allianz Stadium.\n\n"
                                    "Sydney drew level two minutes before half-time when Matheus Ribeiro "
                                    "converted a penalty, and Sydney held on.\n", encoding="utf-8")
    clubs = {r["entity"] for r in kg.build([tmp_path]).query("entities", **{"class": "fkg:Club"})}
    assert clubs == {"https://w3id.org/football-kg/id/club/sydney-fc",
                     "https://w3id.org/football-kg/id/club/western-sydney-wanderers"}


def test_extract_ratings_written_name_comma_mark(extract_text):
    x = extract_text("Sundowns player ratings\n\nMamelodi Sundowns beat Ulsan HD 2-1.\n\n"
                     "Denver Isaacs, 7 -- Could do nothing about the goal.\n\nKgosi Legodi, 6 -- Solid enough.\n\n"
                     "Sanele Mabuza, 8 -- The captain was immense.\n\n"
                     "Mabuza, 29, has been at the club since 2019.\n")
    roles = _roles(x)
    assert {"Denver Isaacs", "Kgosi Legodi", "Sanele Mabuza"} <= {p for p, r in roles.items() if "player" in r}


def _matches(x):
    return {(r.teams, r.winner) for r in x.matches}


@pytest.mark.parametrize("text,expected", [
    ("Abdul Seidu won the FA Cup with Medeama SC in 2021 and later coached Bechem United.",
     ("medeama", "won", "ghana-fa-cup")),  # "with" hung on the cup; Ghanaian clubs' FA Cup is Ghana's
    ("Hugo Lanzetti, who won the Copa Libertadores as a River Plate player in 1996, made two changes.",
     ("river-plate", "won", "copa-libertadores")),
    ("Pyramids FC beat Zamalek 2-1 on Sunday. The defeat was Zamalek's first in the league and comes four months "
     "after they beat arch-rivals Al Ahly on penalties to claim the CAF Super Cup.", ("zamalek", "won", "caf-super-cup")),
])
def test_extract_a_winners_team_and_a_purpose_clause_win(extract_text, text, expected):
    assert expected in _facts(extract_text(text))


def test_extract_a_purpose_clause_win_needs_a_named_or_pronoun_subject(extract_text):
    x = extract_text("After a heavily depleted team defied the odds to win the League Cup final by beating "
                     "Chelsea 1-0, Liverpool celebrated.")
    assert ("chelsea", "won", "league-cup") not in _facts(x)


def test_extract_results_the_parse_misses(extract_text):
    x = extract_text("Barreto was also on target on Friday as Al-Nassr beat promoted Al-Qadsiah 3-1 at Al-Awwal "
                     "Park to stay fourth.")
    assert (("G:al-nassr", "G:al-qadsiah"), "G:al-nassr") in _matches(x)
    y = extract_text("Rangers International drew 0-0 with Enyimba.\n\nRangers International have sacked their head "
                     "coach after Saturday's 1-0 home defeat to Remo Stars at the Nnamdi Azikiwe Stadium.")
    assert (("G:remo-stars", "G:rangers-international"), "G:remo-stars") in _matches(y)
    # the tagger calls the beaten side a person: no person is won over by a score
    z = extract_text("Portadown kept up the pressure with a 2-0 win over Lisburn Distillery at Shamrock Park.")
    assert (("G:portadown", "U:Lisburn Distillery"), "G:portadown") in _matches(z)


def test_extract_a_box_score_code_of_initials_names_its_team(extract_text):
    xi = "; ".join(f"Player{chr(65 + n)} Surname{chr(65 + n)}" for n in range(11))
    x = extract_text("Washington Spirit 3, North Carolina Courage 1\n\nLineups:\n"
                     f"WAS: {xi}\nSubstitutes not used: Gabriela Amezcua\n\nNC: {xi.replace('Player', 'Other')}\n"
                     "Substitutes not used: Hailey Strand\n")
    assert ("Hailey Strand", "memberOf", "north-carolina-courage") in _facts(x)


def test_extract_a_nickname_the_article_gives_is_the_same_person(extract_text):
    x = extract_text("Porto have signed the winger Kwabena Adjei-Brenyah from Vitoria Guimaraes. Known to "
                     'team-mates simply as "Kobby", he is left-footed. Kobby scored 11 goals last season.')
    assert {m.ref for m in x.mentions if m.kind == "person" and "Kobby" in m.text} == {"P:Kwabena Adjei-Brenyah"}


@pytest.mark.parametrize("text, short, full", [
    # a clipped first name or surname, a surname with a pet ending, a listed pet form
    ('Gavin Roche saved twice for Shamrock Rovers. "Gav was brilliant," said the coach.', "Gav", "Gavin Roche"),
    ('Dean Rafferty scored for Walsall. "Raff was brilliant," said the coach.', "Raff", "Dean Rafferty"),
    ('Carl Moss scored for Darlington. "Mossy was superb," said the coach.', "Mossy", "Carl Moss"),
    ('Gary Holroyd has retired from Rochdale. "I learned more from Gaz than anyone," said Crompton.',
     "Gaz", "Gary Holroyd"),
    ("Robert Carmichael scored for Dundee. Bertie Carmichael, as everyone calls him, was pleased.",
     "Bertie Carmichael", "Robert Carmichael"),
    # a hyphenated first name alone, and an initial before a two-word surname
    ('Jean-Kevin Loukoula scored for Lens. "Jean-Kevin is a monster," said the coach.',
     "Jean-Kevin", "Jean-Kevin Loukoula"),
    # a tabloid's shouted first word
    ("Dale stalwart Holroyd calls time on his career\n\nGARY Holroyd has always been the first man in at "
     "Rochdale's training ground.", "Gary Holroyd", "Gary Holroyd"),
])
def test_extract_short_and_pet_forms_of_a_name_are_the_same_person(extract_scored, text, short, full):
    x = extract_scored(text)
    assert {m.ref for m in x.mentions if m.kind == "person" and m.text == short} == {"P:" + full}


def test_extract_a_clipped_name_that_is_someone_elses_first_name_stays_apart(extract_text):
    x = extract_text('Gavin Roche and Gav Byrne both played for Shamrock Rovers. "Gav was brilliant," said the coach.')
    assert "P:Gavin Roche" not in {m.ref for m in x.mentions if m.text == "Gav"}


def test_extract_a_one_letter_name_ends_a_sentence_with_its_full_stop(extract_text):
    x = extract_text("Lazio are now third in Serie A.\nNapoli beat Roma 2-0.")
    assert "G:serie-a" in {m.ref for m in x.mentions if m.kind == "trophy"}
    assert not [m for m in x.mentions if m.kind == "person" and "Serie" in m.text]


def test_extract_in_womens_football_a_club_is_its_womens_team(extract_text):
    x = extract_text("Chelsea beat Arsenal 2-1 in the Women's Super League on Sunday. Sam Kerr scored twice for "
                     "Chelsea and she now has 12 goals this season. Her side play in the Champions League next.")
    refs = {m.text: m.ref for m in x.mentions if m.kind in ("club", "trophy")}
    assert refs["Chelsea"] == "U:Chelsea Women" and refs["Arsenal"] == "U:Arsenal Women"
    assert refs["Champions League"] == "G:womens-champions-league"
    assert ("Sam Kerr", "memberOf", "Chelsea Women") in {(s[2:], p, o.split(":", 1)[1]) for s, p, o in
                                                         ((f.subject, f.predicate, f.object) for f in x.facts)}


@pytest.mark.parametrize("text, ref", [
    # a women's club stays itself; a club the article names bare is its women's team
    ("Portland Thorns beat Angel City 2-0 in the NWSL. She scored twice and she was happy.", "G:portland-thorns"),
    ("Everton Ladies beat Charlton 2-1 in the Women's FA Cup final. She scored the winner.", "U:Charlton Athletic Women"),
    # a men's story that names a women's competition in passing is no women's story
    ("Chelsea beat Arsenal 2-1. He said the club's Women's Super League side had inspired him.", "G:chelsea"),
])
def test_extract_womens_teams_only_where_the_article_is_about_them(extract_text, text, ref):
    x = extract_text(text)
    assert ref in {m.ref for m in x.mentions if m.kind == "club"}


def test_extract_the_hosts_and_the_visitors_are_the_teams_of_the_result_line(extract_text):
    x = extract_text("Fenerbahce 1 Galatasaray 1\n\nSerkan Tufekci equalised for the visitors on 61 minutes. "
                     "The hosts' goalkeeper Emre Aksoy made two fine saves.")
    facts = _facts(x)
    assert ("Emre Aksoy", "memberOf", "fenerbahce") in facts
    assert ("Serkan Tufekci", "memberOf", "galatasaray") in facts
    assert ("Serkan Tufekci", "memberOf", "fenerbahce") not in facts


def test_extract_the_hosts_of_a_round_up_are_nobody(extract_text):
    x = extract_text("Fenerbahce 1 Galatasaray 1\nBesiktas 2 Trabzonspor 0\n\n"
                     "The hosts' goalkeeper Emre Aksoy made two fine saves.")
    assert not [f for f in _facts(x) if f[0] == "Emre Aksoy" and f[1] == "memberOf"]


def test_extract_a_club_named_by_its_city_abroad_is_the_club(extract_text):
    """"Monterrey" is CF Monterrey's name cut short, not a nickname of a club from elsewhere: it
    counts in a report whose other club is American; the city in "born in Monterrey" does not."""
    x = extract_text("Monterrey beat FC Cincinnati 2-1 on Tuesday. Jose Luis Rivas, who was born in Monterrey, "
                     "scored for Monterrey.")
    assert [m.text for m in x.mentions if m.ref == "G:cf-monterrey"] == ["Monterrey", "Monterrey"]


@pytest.mark.parametrize("sentence, person, team", [
    ("Cincinnati levelled through Devon Pryce in the 34th minute.", "Devon Pryce", "fc-cincinnati"),
    ("Monterrey went ahead through Ollie Brent.", "Ollie Brent", "cf-monterrey"),
    ("Cincinnati had led through a header by Sam Cole.", "Sam Cole", "fc-cincinnati"),
])
def test_extract_a_team_that_scored_through_a_player_is_his(extract_text, sentence, person, team):
    x = extract_text("Monterrey 2 FC Cincinnati 1\n\n" + sentence)
    assert (person, "memberOf", team) in _facts(x)
    assert any(f[0] == person and f[1] == "scoredIn" for f in _facts(x))


@pytest.mark.parametrize("text, person", [
    ("Derby are set to name Dennis Marwood as the successor to Colin Pybus, who was sacked on Friday.", "Colin Pybus"),
    ("Ugalde replaced the sacked Ignacio Portales in January.", "Ignacio Portales"),
    ("Nigel Cottrill guided Huddersfield Town to promotion in 2017.", "Nigel Cottrill"),
])
def test_extract_what_is_done_to_managers_is_a_manager_cue(extract_text, text, person):
    assert "manager" in _roles(extract_text(text))[person]


def test_extract_a_counterpart_has_the_role_of_the_one_before(extract_text):
    x = extract_text('Orlando Pirates beat Kaizer Chiefs 2-1. "I am happy," said Pirates coach Inaki Salaverria. '
                     "His Chiefs counterpart, Hicham Benzakour, said his side had been too passive.")
    assert "manager" in _roles(x)["Hicham Benzakour"]
    assert ("Hicham Benzakour", "memberOf", "kaizer-chiefs") in _facts(x)


def test_extract_a_short_competition_name_is_the_longer_one_the_article_names(extract_text):
    x = extract_text("Esperance beat Mamelodi Sundowns on penalties to reach the final of the CAF Champions League. "
                     "It is their first Champions League final since 2019.")
    assert {m.ref for m in x.mentions if m.kind == "trophy"} == {"G:caf-champions-league"}


def test_extract_results_in_appositions_and_phrasal_losses(extract_text):
    x = extract_text("Galatasaray beat Fenerbahce 2-1. The win lifted Galatasaray to within a point of leaders "
                     "Besiktas, 2-0 winners over Gaziantepspor on Saturday. Mohun Bagan are six clear of "
                     "second-placed Bengaluru FC, who went down 2-1 to FC Goa on Friday.")
    got = _matches(x)
    assert (("G:besiktas", "G:gaziantepspor"), "G:besiktas") in got
    assert (("G:fc-goa", "G:bengaluru-fc"), "G:fc-goa") in got


def test_extract_a_final_lost_to_a_team_is_that_teams_honour(extract_text):
    x = extract_text("Ousmane Faye was on the bench as Lyon lost the Coupe de France final to Paris Saint-Germain "
                     "in May.")
    assert ("paris-saint-germain", "won", "coupe-de-france") in _facts(x)
    assert ("olympique-lyonnais", "won", "coupe-de-france") not in _facts(x)


def test_extract_won_with_a_club_named_by_its_nickname(extract_text):
    x = extract_text("Newcastle Jets have appointed a new coach. As a player, Luka Brajkovic won the A-League "
                     "championship with the Jets in 2008.")
    assert ("newcastle-jets", "won", "a-league") in _facts(x)


def test_extract_done_deals_lines_move_the_player(extract_text):
    x = extract_text("Deadline day: the done deals\n\n"
                     "Lewis Tunstall - Manchester City to Crystal Palace, £9m\n"
                     "Kai Lindemann - Hoffenheim to Burnley (loan)\n")
    facts = _facts(x)
    assert ("Lewis Tunstall", "memberOf", "crystal-palace") in facts
    assert ("Lewis Tunstall", "formerMemberOf", "manchester-city") in facts
    assert ("Kai Lindemann", "memberOf", "burnley") in facts
    assert not any(s == "Kai Lindemann" and p == "formerMemberOf" for s, p, _ in facts)  # a loan keeps the parent


def test_extract_a_managers_playing_days_are_a_former_players(extract_text):
    x = extract_text("Walsall have appointed Dennis Hartigan as manager. Hartigan, a former Glenavon midfielder, "
                     "managed Loughgall for three years.")
    facts = _raw_facts(x)
    assert ("Dennis Hartigan", "formerPlayerOf", "glenavon") in facts
    assert ("Dennis Hartigan", "formerPlayerOf", "loughgall") not in facts


def test_extract_a_two_team_ratings_piece_rates_each_side_under_its_heading(extract_text):
    text = ("Aston Villa vs Man City player ratings\n\nVilla won the FA Cup final against Manchester City.\n\n"
            "Aston Villa (4-2-3-1)\n\nFacundo Scaglia - 8\n\nMade three saves.\n\nTyrone Mayers - 6\n\nBusy.\n\n"
            "Nathan Obeng - 7\n\nSolid.\n\nManchester City (4-3-3)\n\nStefan Ortmann - 5\n\nBeaten once.\n\n"
            "Rico Danso - 6\n\nQuiet.\n\nArchie Lomax - 6\n\nTidy.\n")
    facts = _facts(extract_text(text))
    assert ("Tyrone Mayers", "memberOf", "aston-villa") in facts and ("Rico Danso", "memberOf", "manchester-city") in facts
    assert ("Tyrone Mayers", "memberOf", "manchester-city") not in facts


def test_extract_a_surname_after_its_initialled_form_is_the_full_name(extract_text):
    text = ("Eoghan Barry crossed and Barry Mulroy missed for Dundalk.\n\n"
            "CORK CITY: O'Driscoll; Buckley, Desmond, Lordan, Mulcahy; Hurley, Lynch, Cremin; Kiely, Twomey, E Barry.\n"
            "Subs: D Crowley for Barry (80).\n")
    x = extract_text(text)
    refs = {m.text: m.ref for m in x.mentions if m.kind == "person"}
    assert refs["E Barry"] == refs["Barry"] == "P:Eoghan Barry"


def test_extract_a_lower_division_is_not_the_longer_name_of_the_top_one(extract_text):
    x = extract_text("Hamburg were relegated to the 2. Bundesliga. Bayern Munich clinched a sixth straight Bundesliga title.")
    assert ("bayern-munich", "won", "bundesliga") in _facts(x)


def test_extract_a_final_dated_last_month_is_an_earlier_meeting_than_the_report(extract_text):
    x = extract_text("Hearts 2-2 Rangers\n\nRangers, who beat Hearts in the Scottish Cup final last May, arrive "
                     "nine points behind Celtic. Hearts led through Sam Geddes.")
    final = next(m for m in x.matches if m.stage == "final")
    assert final.winner == "G:rangers" and final.competition == "G:scottish-cup"
    assert not any(f.predicate == "scoredIn" and f.object == final.key for f in x.facts)


def test_extract_a_nationality_before_a_name_is_no_part_of_it_but_a_first_name_is(extract_text):
    refs = {m.text: m.ref for m in extract_text(
        "Yeison Mosquera scored twice. The hosts were level when Colombian Mosquera turned in a cross. "
        "Striker Finn Oakes has scored nine times since arriving from Bristol City.").mentions if m.kind == "person"}
    assert refs.get("Mosquera") == "P:Yeison Mosquera" and "Colombian Mosquera" not in refs
    assert refs.get("Finn Oakes") == "P:Finn Oakes"


@pytest.mark.parametrize("text,expected,forbidden", [
    ("Wolves paid Celtic £1m for striker Lorcan Dunleavy.",
     {("Lorcan Dunleavy", "memberOf", "wolverhampton-wanderers"), ("Lorcan Dunleavy", "formerMemberOf", "celtic")},
     {("Lorcan Dunleavy", "memberOf", "celtic")}),
    ("St Patrick's Athletic have strengthened their squad with the arrival of Dara Lyttleton from Cork City.",
     {("Dara Lyttleton", "formerMemberOf", "cork-city"), ("Dara Lyttleton", "memberOf", "st-patricks-athletic")},
     set()),
    ("Sligo Rovers have confirmed the departure of veteran defender Shay Kilgallon by mutual consent.",
     {("Shay Kilgallon", "formerMemberOf", "sligo-rovers")}, {("Shay Kilgallon", "memberOf", "sligo-rovers")}),
    ("Crystal Palace added to their attacking options by signing Kwame Addo from Norwegian club Lillestrom.",
     {("Kwame Addo", "memberOf", "crystal-palace"), ("Kwame Addo", "formerMemberOf", "lillestrom")}, set()),
    ("Wolves will pay Celtic £1m for striker Lorcan Dunleavy if he passes a medical.",
     set(), {("Lorcan Dunleavy", "memberOf", "wolverhampton-wanderers")}),
])
def test_extract_moves_read_by_the_data_file_patterns(extract_text, text, expected, forbidden):
    facts = _facts(extract_text(text))
    assert expected <= facts, facts
    assert not (forbidden & facts), facts


@pytest.mark.parametrize("text", [
    "Hahn made it 1-0 after being played through by Borussia Dortmund's Milan Dijkovic. Dijkovic then hit the bar.",
    "Borussia Dortmund striker Milan Dijkovic hit the bar twice.",
])
def test_extract_a_first_name_that_is_a_club_nickname_is_a_person(extract_text, text):
    """"Milan" is a club's short name and a first name: after a possessive team or a role noun,
    "Milan Dijkovic" is a player, not an unknown club."""
    x = extract_text(text)
    assert ("Milan Dijkovic", "memberOf", "borussia-dortmund") in _facts(x)
    assert not any(m.ref.startswith("U:Milan") for m in x.mentions)


@pytest.mark.parametrize("text,people", [
    ("Everton 2 Fulham 1. Kieran Rowe and Aziz Bangura scored. Later Rowe and Bangura both thanked the fans.",
     {"Kieran Rowe", "Aziz Bangura"}),
    ("Midfielder Joost Verhaar tired after an hour and striker Declan Harkin came on. Gowrie then replaced "
     "Verhaar with Harkin.", {"Joost Verhaar", "Declan Harkin"}),
])
def test_extract_two_names_joined_by_and_or_with_are_two_people(extract_text, text, people):
    """"Rowe and Bangura", "Verhaar with Harkin": never one person's name (a split entity)."""
    x = extract_text(text)
    found = {m.ref[2:] for m in x.mentions if m.ref.startswith("P:")}
    assert people <= found and not any(" and " in f or " with " in f for f in found), found


def test_extract_a_role_said_of_a_verbs_object_is_not_its_subjects(extract_scored):
    """"Coach X described the Nigerian as a striker": the striker is the Nigerian (someone named
    before), not the coach; "X joined Midtjylland as a striker" is X's own role."""
    x = extract_scored("Femi Okorafor has joined FC Midtjylland from Enyimba. Midtjylland head coach Thomas "
                     "Kjaergaard described the Nigerian as a hungry, physical striker. Ola Brekke joined "
                     "Midtjylland as a striker in 2019.")
    roles = _roles(x)
    assert roles.get("Thomas Kjaergaard") == {"manager"}
    assert "player" in roles.get("Ola Brekke", set())


def _ruled(x):
    """The facts some rule gave (not only the scorer's judgement of a pair the article names)."""
    return {(f.subject[2:], f.predicate, f.object[2:]) for f in x.facts if f.evidence.rule.split("/")[-1] != "context"}


def test_extract_clubs_named_by_a_place_and_a_club_word(extract_scored):
    """"Mbarara City", "Busoga United": a place and a club-name word the gazetteer knows only as
    another club's nickname are a club it does not list; "Alex" before a surname is a first name
    (Crewe are "the Alex"), and a 2-0 win's scorers play for the winner."""
    x = extract_scored("Mbarara City strengthened their grip on top of the FUFA Big League with a 2-0 victory "
                     "over Onduparaka at Kakyeka Stadium. Alex Byaruhanga opened the scoring from the spot "
                     "before Samuel Akena sealed it in the second half.")
    facts = _ruled(x)
    assert ("Alex Byaruhanga", "memberOf", "Mbarara City") in facts
    assert ("Samuel Akena", "memberOf", "Mbarara City") in facts
    assert not any(s == "Alex Byaruhanga" for s in {m.ref[2:] for m in x.mentions if m.kind == "club"})


def test_extract_a_consolation_is_the_losing_sides_goal(extract_scored):
    """Only the side that lost scores a consolation; the other goals of a 3-1 are then the winner's."""
    x = extract_scored("Busoga United kept their hopes alive with a 3-1 away win over Kiyinda Boys in Mityana. "
                     "Emmanuel Wasswa scored twice and Jimmy Bagenda added another before Fahad Kawooya "
                     "netted a consolation for the hosts.")
    facts = _ruled(x)
    assert ("Fahad Kawooya", "memberOf", "Kiyinda Boys") in facts
    assert ("Emmanuel Wasswa", "memberOf", "Busoga United") in facts
    assert ("Emmanuel Wasswa", "memberOf", "Kiyinda Boys") not in facts
    y = extract_scored("Leeds beat Hull 2-1 on Saturday. Sam Smith scored twice before a late consolation.")
    assert ("Sam Smith", "memberOf", "hull-city") not in _ruled(y)


@pytest.mark.parametrize("line, club", [
    ("Theo Bramall - Doncaster Rovers", "doncaster-rovers"),
    ("Ashley Pryce \u2013 Plymouth Argyle (permanent)", "plymouth-argyle"),
])
def test_extract_a_list_line_of_a_player_and_his_club(extract_text, line, club):
    """A loan round-up's subheading is a player and his club and nothing else."""
    x = extract_text(f"Deadline day loan round-up\n\n{line}\n\nStriker {line.split()[1]} has joined on loan "
                     "until the end of the season.\n\nMarcus Oyelaran - returns\n\nOyelaran is back.")
    facts = _facts(x)
    assert (" ".join(line.split()[:2]), "memberOf", club) in facts
    assert not any(s == "Marcus Oyelaran" and p == "memberOf" for s, p, _ in facts)


def test_extract_a_womens_team_in_a_pages_debris_is_not_the_story(extract_text):
    """A men's story whose page ends with "Buy tickets for Wolves Women v ..." is about Wolves."""
    x = extract_text("Wolves have signed Ruben Almeida on loan from Benfica until the end of the season. "
                     "Almeida trained with his new team-mates on Monday.\n\n"
                     "Head coach Paulo Teixeira said he was delighted.\n\nShare\n\n"
                     "Buy tickets for Wolves Women v Sporting Khalsa\n")
    facts = _facts(x)
    assert ("Ruben Almeida", "memberOf", "wolverhampton-wanderers") in facts
    assert not any(o.endswith("Women") and s == "Ruben Almeida" for s, _, o in facts)


@pytest.mark.parametrize("text, winner, trophy", [
    ("Pattinson joins from National League side Gateshead, whom he led to FA Trophy success at Wembley in May.",
     "gateshead", "fa-trophy"),
    ("Harry Kane led Spurs to Carabao Cup glory.", "tottenham-hotspur", "league-cup"),
    ("Oriol Balcells, who guided Kaya FC to the Copa Paulino Alcantara crown last year, was unhappy.", "kaya-fc",
     "copa-paulino-alcantara"),
])
def test_extract_led_a_team_to_a_trophys_success(extract_text, text, winner, trophy):
    """"led X to FA Trophy success": the team won it, and whoever led them; X may be "whom"."""
    assert (winner, "won", trophy) in _facts(extract_text(text))


def test_extract_a_team_named_only_in_part_by_a_person_like_word(extract_scored):
    """"Gor's lead" in a Gor Mahia report: a word of a team the article names is that team."""
    x = extract_scored("Kennedy Akello scored his 100th goal for Gor Mahia on Sunday. His header extended "
                       "Gor's lead at the top of the table, and Gor Mahia head coach Graham Pitchford was delighted.")
    assert not any(m.kind == "person" and m.text == "Gor" for m in x.mentions)


@pytest.mark.parametrize("text, person, team", [
    ("Inter made it eight Serie A wins in a row as Renato Bellandi's side moved six points clear at the top.",
     "Renato Bellandi", "inter-milan"),
    ("The win, Falkirk's fifth in a row, leaves Ross Findlater's side firmly in control of the race.",
     "Ross Findlater", "falkirk"),
    ("Blair Lennox's first goal for St Johnstone looked like being enough to earn Danny Kerrigan's side all "
     "three points.", "Danny Kerrigan", "st-johnstone"),
])
def test_extract_a_managers_side_is_the_one_team_the_sentence_names(extract_text, text, person, team):
    assert (person, "memberOf", team) in _facts(extract_text(text))


@pytest.mark.parametrize("text, person", [
    ("Xabi Egaña's side are now six points clear of Real Betis in the race for fourth.", "Xabi Egaña"),
    ("Gertjan Verhoeven's side sit third, while Neil Ashcroft's City remain stuck in mid-table.", "Gertjan Verhoeven"),
])
def test_extract_a_managers_side_is_not_the_team_it_acts_on(extract_text, text, person):
    """The opponent of the side's own clause, or another manager's team, is not the side."""
    assert not any(s == person and p == "memberOf" for s, p, _ in _facts(extract_text(text)))


def test_extract_a_first_name_that_is_a_clubs_nickname(extract_scored):
    """"the Dale" is Rochdale, but "Dale Pennock" is a man, and so is "Dale" once he is named."""
    x = extract_scored("Dale's play-off dream ends at Gillingham. Gillingham's 2-1 win over Rochdale ended "
                       "Dale's hopes of a return to Wembley.")
    assert [m.ref for m in x.mentions if m.text == "Dale"] == ["G:rochdale", "G:rochdale"]
    y = extract_scored("Dale Pennock, the young left-back, was sent off. Dale had been booked earlier.")
    assert not any(m.kind == "club" for m in y.mentions)


def test_extract_grounds_and_names_cut_short(extract_scored):
    """"Jalan Besar" after Jalan Besar Stadium is the ground; a spaced dash ends a name ("Rab
    Rennie - less than 24 hours after")."""
    x = extract_scored("Lion City Sailors beat Bangkok United 3-0 at a rocking Jalan Besar Stadium. \"I have never "
                       "heard Jalan Besar like this,\" said the captain.")
    assert {m.kind for m in x.mentions if m.text.startswith("Jalan Besar")} == {"stadium"}
    y = extract_scored("DUNDEE UNITED have sacked Rab Rennie - less than 24 hours after their 4-0 mauling.")
    assert [m.text for m in y.mentions if m.kind == "person"] == ["Rab Rennie"]


@pytest.mark.parametrize("text, winner, loser", [
    ("Kuala Lumpur City thrashed Kelantan Darul Naim 4-0 at the KL Football Stadium.",
     "Kuala Lumpur City", "Kelantan Darul Naim"),  # a listed club's name inside the unlisted one's
    ("Kuala Lumpur City returned to winning ways with a 3-1 victory over Kitende Rangers on Sunday.",
     "Kuala Lumpur City", "Kitende Rangers"),
])
def test_extract_an_unlisted_club_as_a_side_of_a_result_with_its_score(extract_text, text, winner, loser):
    x = extract_text(text)
    assert any(m.winner == "G:kuala-lumpur-city" for m in x.matches if "U:" + loser in m.teams)
    assert loser in {m.ref[2:] for m in x.mentions if m.kind == "club"}


@pytest.mark.parametrize("text, present", [
    ("Seven months later, Graeme Whitcombe's Auckland FC are Premiers Plate winners.", True),
    ("Auckland FC will be Premiers Plate winners if they avoid defeat on Sunday.", False),  # not yet
    ("Auckland FC are not Premiers Plate winners yet.", False),
])
def test_extract_a_team_said_to_be_a_competitions_winners(extract_text, text, present):
    facts = _facts(extract_text(text))
    assert (("auckland-fc", "won", "a-league-premiership") in facts) is present, facts


@pytest.mark.parametrize("text, club", [
    ("Farsley Celtic came from behind to beat Ossett United 2-1 at Throstle Nest.", "Farsley Celtic"),
    ("FARSLEY CELTIC came from behind to beat Ossett United 2-1 at Throstle Nest.", "Farsley Celtic"),  # read unshouted
    ("Glasgow Celtic beat Ossett United 2-1.", "Celtic"),  # a listed name of Celtic's
])
def test_extract_a_place_before_a_listed_clubs_name_is_another_club(extract_text, text, club):
    mentions = extract_text(text).mentions
    if club == "Celtic":
        assert any(m.ref == "G:celtic" for m in mentions)
    else:
        assert club in {m.text for m in mentions if m.kind == "club"}
        assert not any(m.ref == "G:celtic" for m in mentions)


def test_extract_a_club_someone_came_from_is_not_a_side_of_a_result(extract_text):
    """When the parse loses the winner of "beating Chelsea Women 2-1", the one other team of the
    sentence is no fallback if it is where a signing came from."""
    x = extract_text("It has been a strange season for Arsenal Women. They won the Conti Cup last month, beating "
                     "Chelsea Women 2-1 in the final, and their January signing Kyra Doughty, who arrived from "
                     "Lyon Women for a fee believed to be a club record, has been a revelation.")
    assert not any(m.winner and "lyon" in m.winner for m in x.matches)


def test_extract_a_town_clubs_name_as_a_persons_surname(extract_text):
    """"Rafael Guimaraes" is a man (the tagger calls "Rafael" a person, and "Guimaraes" is a
    one-word name of Vitória de Guimarães); his bare surname later is not the club either."""
    x = extract_text("Shanghai Port won 2-0, Brazilian forward Rafael Guimaraes scoring in a sixth consecutive "
                     "league game. Guimaraes, who joined the champions from Cruzeiro in January, swept home.")
    assert "Rafael Guimaraes" in {m.text for m in x.mentions if m.kind == "person"}
    assert not any(m.kind == "club" and "guimar" in m.ref.lower() for m in x.mentions)


@pytest.mark.parametrize("text, manager, team", [
    ("Grimsby were torn apart by a rampant Doncaster, who have now won three on the bounce under Grant Mellor.",
     "Grant Mellor", "doncaster-rovers"),
    ("Celtic are unbeaten in 12 matches under Brendan Rodgers.", "Brendan Rodgers", "celtic"),
])
def test_extract_a_teams_results_under_a_person_make_him_its_manager(extract_text, text, manager, team):
    x = extract_text(text)
    assert (manager, "memberOf", team) in _facts(x)
    assert "manager" in _roles(x)[manager]


def test_extract_a_country_owning_a_club_is_not_the_other_side(extract_text):
    """The parse loses "beat"'s subject; of the sentence's other teams, Colombia is only the
    country of "Colombia's Atletico Nacional"."""
    x = extract_text("Jhon Fredy Caicedo scored as Colombia's Atletico Nacional came from behind to beat "
                     "Sao Paulo 2-1 on Wednesday.")
    assert any(m.winner == "G:atletico-nacional" for m in x.matches), [(m.teams, m.winner) for m in x.matches]


@pytest.mark.parametrize("text, left", [
    ("Blackburn defender Shane Ferriday was dismissed for a professional foul in the 2-1 defeat by Everton.", False),
    ("Blackburn defender Shane Ferriday was dismissed by referee Graham Pitchford after 70 minutes.", False),
    ("Blackburn manager Shane Ferriday was dismissed on Monday after a run of six defeats.", True),
])
def test_extract_a_player_dismissed_by_the_referee_has_not_left(extract_text, text, left):
    x = extract_text(text)
    assert (("Shane Ferriday", "formerMemberOf", "blackburn-rovers") in _facts(x)) is left
    assert ("manager" in _roles(x).get("Shane Ferriday", set())) is left or "manager" in text


def test_extract_a_nickname_of_a_club_the_article_never_names_is_not_that_club(extract_text):
    """"the Hornets" in a report naming Exeter and Barnet is one of them (or a club the gazetteer
    does not know by it), not Watford, whom the article never names."""
    x = extract_text("Barnet took another stride towards a return to the Football League with victory at "
                     "Exeter. The Hornets went ahead after 20 minutes when Kofi Amankwah turned sharply.")
    assert not any(m.ref == "G:watford" for m in x.mentions)
    y = extract_text("The Hornets went ahead after 20 minutes when Kofi Amankwah turned sharply.")
    assert any(m.ref == "G:watford" for m in y.mentions)  # no club named: the nickname's own


def test_extract_a_sentences_first_word_is_not_a_first_name(extract_text):
    x = extract_text("Derry manager Declan Harkin made one change at the break. Whatever Harkin said at "
                     "half-time, it worked.")
    people = {m.text for m in x.mentions if m.kind == "person"}
    assert "Whatever Harkin" not in people and "Harkin" in people


def test_extract_a_page_titles_pipe_ends_a_name(extract_text):
    x = extract_text("Stellenbosch coach Steve Fortuin | Kickoff\n\nStellenbosch FC coach Steve Fortuin has left the club.")
    people = {m.text for m in x.mentions if m.kind == "person"}
    assert "Steve Fortuin" in people and not any("Kickoff" in p for p in people)


@pytest.mark.parametrize("text, full, short", [
    ("Johor Darul Ta'zim beat Selangor 3-1. Muhammad Haziq Rosli scored twice for Selangor. Haziq was unlucky.",
     "Muhammad Haziq Rosli", "Haziq"),  # the name he goes by: his middle one
    ("Alexander Duthie, who died aged 84, played for Coventry City. Alec Duthie was a hard man.",
     "Alexander Duthie", "Alec Duthie"),  # a pet form (rules.json pet_forms)
])
def test_extract_a_person_named_by_a_middle_name_or_a_pet_form_is_one_person(extract_text, text, full, short):
    refs = {m.text: m.ref for m in extract_text(text).mentions if m.kind == "person"}
    assert refs[short] == refs[full] == "P:" + full


@pytest.mark.parametrize("text, name, team", [
    # the last word of a club's name, alone, where the article names that club (gazetteer short_forms)
    ("Western Sydney Wanderers knocked Melbourne City out on penalties. Brennan kept out City captain "
     "Declan Fitzgibbon's opening kick.", "Declan Fitzgibbon", "melbourne-city"),
    # a listed club's distinctive plural, as its fans write it (a gazetteer alias)
    ("Kenardo Brissett scored for the Riverhounds, who remain fourth in the conference.",
     "Kenardo Brissett", "pittsburgh-riverhounds"),
])
def test_extract_a_club_called_by_part_of_its_name(extract_text, text, name, team):
    assert (name, "memberOf", team) in _facts(extract_text(text))


def test_extract_a_former_player_now_a_manager_is_the_manager(extract_text):
    """"a former Leicester midfielder" is his playing past; "Bradford City manager" what he is."""
    x = extract_text("Bradford City manager Ian Stallard, a former Leicester midfielder, is the early "
                     "favourite with the bookmakers.")
    assert ("Ian Stallard", "memberOf", "bradford-city") in _facts(x)
    assert ("Ian Stallard", "formerMemberOf", "leicester-city") in _facts(x)
    assert "manager" in _roles(x)["Ian Stallard"]


def test_extract_a_ground_after_spells_at_is_not_a_club(extract_text):
    x = extract_text("The champions were second best for long spells at the Deeside Stadium.")
    assert not any(m.kind == "club" for m in x.mentions), [(m.text, m.ref) for m in x.mentions]


@pytest.mark.parametrize("text, names", [
    # a ratings line's one-letter position
    ("Seattle Sounders player ratings\n\nGK Andrew Tolliver, 6 -- Made two sharp saves.\n\n"
     "D Caleb Jurado, 4 -- His pass gifted Tigres the opener.\n\nM Tomas Echeverri, 6 -- Set the tempo.\n\n"
     "F Jordy Mbala, 8 -- Seattle's only real threat.", {"Andrew Tolliver", "Caleb Jurado", "Tomas Echeverri", "Jordy Mbala"}),
    # a wire's dateline is a place
    ("VANCOUVER, British Columbia (AP) — Ryo Tanabe scored and the Vancouver Whitecaps beat the "
     "Portland Timbers 2-1.", {"Ryo Tanabe"}),
    # a title-case headline's verb is not a surname
    ("Darren Kinnaird Joins Hibs\n\nHibernian FC is delighted to announce the signing of defender "
     "Darren Kinnaird.", {"Darren Kinnaird"}),
    # a nickname that is also a first name ("Milan"), before a word a team sheet gives a person alone
    ("Milan Kratochvil had put Villa ahead before the break.\n\nAston Villa: Lauridsen, Pennock, Hjelmqvist, "
     "Ridgway, Samways, Colbeck, Dorrington, Fenwick, McAnally, Kratochvil (Ashdown 84), Tallis.",
     {"Milan Kratochvil", "Lauridsen", "Pennock", "Hjelmqvist", "Ridgway", "Samways", "Colbeck", "Dorrington",
      "Fenwick", "McAnally", "Kratochvil", "Ashdown", "Tallis"}),
])
def test_extract_names_in_layout_and_headlines(extract_scored, text, names):
    people = {m.text for m in extract_scored(text).mentions if m.kind == "person"}
    assert people == names


def test_extract_a_loose_pass_puts_its_passer_on_the_other_side(extract_text):
    x = extract_text("Tigres UANL beat Seattle Sounders 3-1.\n\nSeattle Sounders player ratings\n\n"
                     "GK Andrew Tolliver, 6 -- Made saves.\n\nD Caleb Jurado, 4 -- Gifted the opener.\n\n"
                     "D Nico Ferraz, 6 -- Won everything.\n\n"
                     "Instead, German Alcantara pounced on a loose pass from Caleb Jurado in the 23rd minute.")
    facts = _facts(x)
    assert ("German Alcantara", "memberOf", "seattle-sounders") not in facts


@pytest.mark.parametrize("text, teams", [
    ("Marcus Villalobos equalized in the 88th minute and the LA Galaxy salvaged a 1-1 tie with Los Angeles FC.",
     {"la-galaxy", "lafc"}),
    ("Burnley played out a 2-2 draw with Leeds United on Saturday.", {"burnley", "leeds-united"}),
])
def test_extract_a_draw_told_as_a_noun_is_a_match(extract_text, text, teams):
    x = extract_text(text)
    assert any({t[2:] for t in m.teams} == teams and m.winner is None for m in x.matches), \
        [(m.teams, m.winner) for m in x.matches]


def test_extract_a_scorer_who_fired_the_hosts_in_front_plays_for_the_hosts(extract_text):
    x = extract_text("Aberdeen 1-2 Hibs\n\nOla Sorbo had fired the hosts in front with a thumping finish "
                     "from Anthony Stott's cut-back after 11 minutes.")
    facts = _facts(x)
    assert ("Ola Sorbo", "memberOf", "aberdeen") in facts
    assert ("Anthony Stott", "memberOf", "aberdeen") in facts  # his cut-back: a team-mate


@pytest.mark.parametrize("text, moved", [
    ("Gareth Beddoe, picked up on a free transfer from Newport County last summer, scored the winner for Swansea City.",
     True),
    ("Gareth Beddoe could leave on a free transfer to Newport County.", False),
])
def test_extract_a_transfer_from_a_club_on_a_verb_of_the_past(extract_text, text, moved):
    assert (("Gareth Beddoe", "formerMemberOf", "newport-county") in _facts(extract_text(text))) == moved


def test_extract_rejoined_from_is_a_completed_move(extract_text):
    x = extract_text("Iwan Meredith, the 24-year-old who rejoined TNS from Wrexham last summer, scored twice.")
    assert {("Iwan Meredith", "memberOf", "the-new-saints"), ("Iwan Meredith", "formerMemberOf", "wrexham")} <= _facts(x)


@pytest.mark.parametrize("text, name, team", [
    ("Gary Holroyd spent three seasons at Stockport County before joining Rochdale.", "Gary Holroyd", "stockport-county"),
    ("Mansfield boss Lee Vickers, who had spells as a player with Chesterfield and Notts County, was pleased.",
     "Lee Vickers", "notts-county"),
    ("Jon Pike spent last season on loan at Blackburn Rovers.", "Jon Pike", "blackburn-rovers"),
    ("Liam Fothergill spent most of his playing career at Preston North End and Bolton Wanderers.",
     "Liam Fothergill", "bolton-wanderers"),
])
def test_extract_a_spell_spent_at_a_club_is_a_past_membership(extract_text, text, name, team):
    assert (name, "formerMemberOf", team) in _facts(extract_text(text))


def test_extract_a_managerial_career_spent_at_a_club_is_no_playing_spell(extract_text):
    facts = _facts(extract_text("Ray Dunmore spent most of his managerial career at Stockport County."))
    assert ("Ray Dunmore", "formerMemberOf", "stockport-county") not in facts


def test_extract_a_manager_who_once_had_spells_as_a_player_stays_the_manager(extract_text):
    x = extract_text("Mansfield boss Lee Vickers, who had spells as a player with Chesterfield and Notts County, "
                     "was pleased.")
    assert ("Lee Vickers", "memberOf", "mansfield-town") in _facts(x)
    assert "manager" in _roles(x)["Lee Vickers"]


def test_extract_a_loan_in_another_clause_is_not_this_moves(extract_text):
    facts = _facts(extract_text("Serbian defender Nikola Radic joined from Red Star Belgrade and Lorenzo Cioffi has "
                                "come in on a season-long loan from Atalanta."))
    assert ("Nikola Radic", "formerMemberOf", "red-star-belgrade") in facts
    assert ("Nikola Radic", "loanedFrom", "red-star-belgrade") not in facts


def test_extract_a_loan_in_a_while_clause_is_not_the_main_clauses_move(extract_text):
    facts = _facts(extract_text("Goalkeeper Tanvir Hasan joined from Sheikh Russel KC, while winger Rafiq Molla "
                                "arrived on loan from Mohammedan Sporting Club for the season."))
    assert ("Tanvir Hasan", "formerMemberOf", "sheikh-russel-kc") in facts
    assert not {f for f in facts if f[0] == "Tanvir Hasan" and f[1] == "loanedFrom"}
    assert ("Tanvir Hasan", "formerMemberOf", "mohammedan-sc") not in facts


@pytest.mark.parametrize("text, winner, loser", [
    # the parser hangs "at Burnley" / "by Vitesse" elsewhere after a score
    ("The result lifts Leeds above Sheffield United, who were beaten 2-0 at Burnley on Friday night.",
     "burnley", "sheffield-united"),
    ("There was a surprise in Alkmaar, where AZ were beaten 1-0 by Vitesse.", "vitesse", "az-alkmaar"),
    # a participle conjoined to the team it describes
    ("Burnley, champions of the Football League in 1960 and so narrowly beaten by Tottenham Hotspur at Wembley "
     "in May, were a side in decline.", "tottenham-hotspur", "burnley"),
])
def test_extract_a_passive_defeat_finds_its_winner(extract_text, text, winner, loser):
    x = extract_text(text)
    assert any(m.winner == "G:" + winner and set(m.teams) == {"G:" + winner, "G:" + loser} for m in x.matches), \
        [(m.teams, m.winner) for m in x.matches]


def test_extract_a_first_name_that_is_a_clubs_nickname_is_the_person(extract_text):
    """"Milan" after "Milan Kratochvil", in an article that names no Milan club, is the man."""
    x = extract_text("Milan Kratochvil, a summer signing from Sparta Prague, scored for Aston Villa against "
                     "Middlesbrough. \"Milan has worked so hard and I'm delighted for him,\" said the manager.")
    assert not any(m.ref == "G:ac-milan" or m.ref == "G:inter-milan" for m in x.mentions), \
        [(m.text, m.ref) for m in x.mentions]


@pytest.mark.parametrize("text, winner, trophy", [
    ("Holders Racing Club beat Universidad de Chile 2-1 to reach the Copa Sudamericana final.",
     "racing-club", "copa-sudamericana"),
    ("Kashima lead the J1 League, with defending champions Vissel Kobe four points behind.",
     "vissel-kobe", "j1-league"),
    ("Defending champion Vissel Kobe moved to the brink of a second consecutive J1 League title on Sunday.",
     "vissel-kobe", "j1-league"),
    ("Arsenal knocked out eight-time winners Lyon in the Women's Champions League.", "Lyon Women",
     "womens-champions-league"),
    ("Galaxy coach Ferran Olabarrieta, who guided the club to the MLS Cup title in 2022, was frustrated.",
     "la-galaxy", "mls-cup"),
    ("For Juventus, who won the Scudetto last season, the midfielder is not for sale.", "juventus", "serie-a"),
    ("Hibs boss Shaun Dargie, a member of the club's 2016 Scottish Cup-winning side, was delighted.",
     "hibernian", "scottish-cup"),
    ("Hibs boss Shaun Dargie, a member of the club's 2016 Scottish Cup-winning side, was delighted.",
     "Shaun Dargie", "scottish-cup"),
])
def test_extract_honours_told_in_passing(extract_text, text, winner, trophy):
    assert (winner, "won", trophy) in _facts(extract_text(text))


def test_extract_a_description_after_a_substitution_is_the_man_who_came_on(extract_text):
    x = extract_text("Drogheda United beat Dundalk 1-0. Mulvey sent on Evan Kiernan for Dara Gilsenan with 20 "
                     "minutes left and the former Bohemians striker made the decisive contribution.")
    facts = _facts(x)
    assert ("Evan Kiernan", "formerMemberOf", "bohemians") in facts
    assert ("Dara Gilsenan", "formerMemberOf", "bohemians") not in facts


@pytest.mark.parametrize("text, person, team", [
    # the parser cut the lead's name in two after a timestamp line
    ("Last Updated: Saturday, 14 January 2006, 17:04 GMT\n\nDele Oduya struck twice as Crystal Palace beat "
     "10-man Sheffield Wednesday at Selhurst Park.", "Dele Oduya", "crystal-palace"),
    # one word before a role noun and a name is their team, not a person
    ("Maitland beat Edgeworth 2-0 on Sunday. Edgeworth rarely threatened Maitland goalkeeper Tyson Rawlings.",
     "Tyson Rawlings", "Maitland"),
])
def test_extract_names_that_layout_and_context_settle(extract_text, text, person, team):
    facts = _facts(extract_text(text))
    assert any(s == person and o == team for s, _, o in facts), facts


def test_extract_a_one_word_person_after_a_season_at_is_a_club(extract_text):
    x = extract_text("Iwan Pryce came through at Wrexham. After a season at Chester, he joined Airbus UK Broughton.")
    assert any(m.text == "Chester" and m.kind == "club" for m in x.mentions) and \
        not any(m.ref == "P:Chester" for m in x.mentions), \
        [(m.text, m.ref) for m in x.mentions]


def test_extract_one_suffixed_team_under_two_names(extract_text):
    """"Leeds United Ladies" and "Leeds Ladies" in one article are one team."""
    x = extract_text("Leeds United Ladies reached the FA Women's Cup final. Leeds Ladies manager Lisa Holroyd "
                     "told BBC Sport she was proud. Sophie Walmsley scored for Leeds Ladies.")
    teams = {m.ref for m in x.mentions if m.kind == "club"}
    assert teams == {"U:Leeds United Ladies"}, teams


def test_extract_a_team_the_tagger_called_a_person_is_a_result_side_when_it_has_staff(extract_text):
    """"a 2-0 win over Litex Lovech" (typed PERSON) is a club: "Litex keeper Plamen Dimitrov"."""
    x = extract_text("Middlesbrough moved to the brink of the Uefa Cup knockout stage with a comfortable 2-0 win "
                     "over Litex Lovech at the Riverside. Jelle Verbeek lobbed Litex keeper Plamen Dimitrov.")
    assert any(m.winner == "G:middlesbrough" and "G:litex-lovech" in m.teams for m in x.matches), \
        [(m.teams, m.winner) for m in x.matches]


@pytest.mark.parametrize("line, winner, loser, scorer", [
    ("Valentine FC 1 (D Phan) d Adamstown Rosebud 0", "U:Valentine FC", "U:Adamstown Rosebud", "D Phan"),
    ("Lake Macquarie City 1 (J Shearman) lost to New Lambton 3 (Z Penfold 2, M Eagleton)",
     "U:New Lambton", "U:Lake Macquarie City", "Z Penfold"),
    ("Newcastle Olympic 4 (N Stojanovic 3, H Vuletic) d Cooks Hill United 1 (S Colquhoun)",
     "U:Newcastle Olympic", "U:Cooks Hill United", "N Stojanovic"),
])
def test_extract_a_regional_papers_result_line_with_a_word_between(extract_text, line, winner, loser, scorer):
    """Results with the scorers in brackets and "d" or "lost to" between the sides; a listed club's
    name inside a longer team name on the line is not that club ("Newcastle Olympic")."""
    x = extract_text("ROUND 11 RESULTS\n" + line + "\n")
    assert any(m.winner == winner and set(m.teams) == {winner, loser} for m in x.matches), \
        [(m.teams, m.winner) for m in x.matches]
    assert any(f.predicate == "scoredIn" and scorer.split()[-1] in f.subject for f in x.facts), x.facts


def test_extract_a_loan_watch_heading_in_capitals_is_the_player_and_his_club(extract_text):
    """"CALUM DRENNAN - DUMBARTON" over the paragraph that calls him "Drennan": one person,
    named in title case, at that club."""
    x = extract_text("Loan Watch\n\nCALUM DRENNAN \u2013 DUMBARTON\nDumbarton 2-1 Annan Athletic\n\n"
                     "Drennan played the full 90 minutes at centre-back and headed the winner.\n")
    people = {m.ref for m in x.mentions if m.kind == "person" and "Drennan" in m.text}
    assert people == {"P:Calum Drennan"}, people
    assert any(f.subject == "P:Calum Drennan" and f.predicate == "memberOf" and f.object == "G:dumbarton"
               for f in x.facts), x.facts


@pytest.mark.parametrize("text, word", [
    ("Tolworth will share Kiwitea Street with Eastfield next season.", "Kiwitea Street"),
    ("Hollins captained Cork City in the Premier Division.", "Premier Division"),
    ("Hornets win the county cup\n\nThe Hornets beat Tadley 3-1. Hornets fans stayed late.", "Hornets"),
    ("It was Chivas' first Clasico win since March, and Guadalajara celebrated.", "Clasico"),
    ("Arsenal are considering a bid for Mamadou Tandia, says the Evening Standard.", "Evening Standard"),
])
def test_extract_names_that_are_never_people(extract_text, text, word):
    """A name ending in a ground's or a competition's word, and a team's nickname written without
    its "the" where the article writes it with one elsewhere."""
    x = extract_text(text)
    assert not any(m.kind == "person" and word in m.text for m in x.mentions), \
        [(m.text, m.kind) for m in x.mentions]


def test_extract_a_club_named_by_its_town_is_the_listed_club(extract_scored):
    """"Hamilton" alone is Hamilton Academical, the one listed club named "Hamilton <club word>"."""
    x = extract_scored("Kilmarnock beat Hamilton 3-1 at Rugby Park. Hamilton keeper Sandy Mackenzie failed to hold it.")
    assert {m.ref for m in x.mentions if m.text == "Hamilton"} == {"G:hamilton-academical"}, \
        [(m.text, m.ref) for m in x.mentions]


@pytest.mark.parametrize("text, team, cup", [
    ("Heidelberg United, the 2023 Dockerty Cup winners, were knocked out by Hume City.", "G:heidelberg-united",
     "U:Dockerty Cup"),
    ("Finn Harps won the Seamus Gallen Memorial Cup on Sunday.", "G:finn-harps", "U:Seamus Gallen Memorial Cup"),
])
def test_extract_a_competition_the_gazetteer_does_not_list_is_read_from_its_name(extract_text, text, team, cup):
    x = extract_text(text)
    assert {m.ref for m in x.mentions if m.kind == "trophy"} == {cup}, [(m.text, m.kind) for m in x.mentions]
    assert (team, "won", cup) in {(f.subject, f.predicate, f.object) for f in x.facts}, x.facts


def test_extract_no_competition_from_a_listed_cup_or_a_lone_cup_word(extract_text):
    x = extract_text("The Cup run ended at Wembley. Villa won the FA Cup in 1957 and the World Cup was on TV.")
    assert not any(m.ref.startswith("U:") for m in x.mentions if m.kind == "trophy"), \
        [(m.text, m.ref) for m in x.mentions]


def test_extract_a_clubs_retained_and_released_list(extract_scored):
    """A club website's list: players under "RETAINED" stay, under "RELEASED" they leave; a
    heading saying neither ("LOAN RETURNS") gives nothing; no transfer is read from the list."""
    x = extract_scored(
        "Retained list\n\nKidderminster Harriers can today confirm its retained and released list. Manager "
        "Ross Pellatt met each player.\n\nRETAINED\n\nJoel Amberley (GK) - Kept 14 clean sheets and signed a new "
        "deal.\n\nOwen Tasker (DEF) - Under contract for next season.\n\nLOAN RETURNS\n\nSami Okafor (DEF) - "
        "Returns to his parent club.\n\nRELEASED\n\nLuke Garside (MID) - Leaves after four seasons at the club.\n")
    rules = {(f.subject, f.predicate, f.object): f.evidence.rule for f in x.facts if (f.probability or 0) >= 0.5}
    club = "G:kidderminster-harriers"
    assert rules.get(("P:Joel Amberley", "memberOf", club)) == "scorer/contract-list", rules
    assert ("P:Luke Garside", "formerMemberOf", club) in rules and ("P:Luke Garside", "memberOf", club) not in rules
    assert not any(s == "P:Sami Okafor" for s, _, _ in rules), rules


@pytest.mark.parametrize("text, word, ref", [
    # a shortened name: the first letters of each word of a team the article names in full
    ("Bolton 3-1 Lok Plovdiv\n\nBolton beat Lokomotiv Plovdiv in the Uefa Cup.", "Lok Plovdiv", "G:lokomotiv-plovdiv"),
    # a nickname that ends the name of a team the article names is that team, not the listed one
    ("London City Lionesses have signed Ebba Lind. She is the Lionesses' fourth summer arrival.", "Lionesses",
     "G:london-city-lionesses"),
])
def test_extract_a_team_named_short_is_the_team_named_in_full(extract_scored, text, word, ref):
    x = extract_scored(text)
    assert {m.ref for m in x.mentions if m.text.endswith(word)} == {ref}, [(m.text, m.ref) for m in x.mentions]


def test_extract_a_word_before_a_role_and_a_name_is_that_team_wherever_it_stands_alone(extract_scored):
    """"Former Padiham striker Craig Horrocks": Padiham is a club there, and in "Padiham have turned
    to ..." and "the reins at Padiham", where the model alone would take it for a person."""
    x = extract_scored("Whitworth takes the reins at Padiham\n\nPadiham have turned to Dale Whitworth as "
                       "player-manager. Former Padiham striker Craig Horrocks will assist him.")
    assert not any(m.kind == "person" and m.text == "Padiham" for m in x.mentions), \
        [(m.text, m.kind) for m in x.mentions]


def test_extract_a_clubs_town_after_in_is_a_place_and_a_womens_article_keeps_its_teams(extract_scored):
    """In an A-League Women report "Melbourne City" is Melbourne City Women everywhere, the team
    sheet too, and "in Melbourne" is where, not a club."""
    x = extract_scored(
        "Melbourne City have moved six points clear at the top of the A-League Women table. She scored twice. "
        "It was the biggest crowd for a standalone A-League Women fixture in Melbourne this season, and she "
        "knew it.\n\nMelbourne City: Vance; Ferrante, Holloway, Murchison.\n\nMelbourne Victory: Lindell; "
        "Sproule, Crouch.\n")
    assert not any(m.ref == "G:melbourne-city" for m in x.mentions), [(m.text, m.ref) for m in x.mentions]
    assert ("P:Ferrante", "memberOf", "U:Melbourne City Women") in \
        {(f.subject, f.predicate, f.object) for f in x.facts}, x.facts


def test_extract_a_pet_form_ending_in_o_is_the_full_first_name(extract_text):
    """"Tino Maregedze" and "Tinashe Maregedze": one person; "Mario" is still not "Marcus"."""
    x = extract_text("Tinashe Maregedze joined Blyth. Fans still sing about Tino Maregedze. "
                     "Mario Vella and Marcus Vella are brothers.")
    people = {m.ref for m in x.mentions if m.kind == "person"}
    assert "P:Tino Maregedze" not in people and "P:Tinashe Maregedze" in people, people
    assert {"P:Mario Vella", "P:Marcus Vella"} <= people, people


@pytest.mark.parametrize("short, full, merged", [
    ("Brock", "Brockenhurst", True),
    ("Lok Plovdiv", "Lokomotiv Plovdiv", True),
    ("Ba", "Barnet", False),  # two letters are too few
    ("Brock Town", "Brockenhurst", False),  # not word for word
])
def test_a_clipped_team_name_is_the_team_named_in_full(short, full, merged):
    """Spans built by hand: the unlisted short form takes the full name's reference."""
    from kg.article import Span
    from kg.mentions import _clipped_teams
    spans = _clipped_teams([Span(0, 1, "club", "U:" + full, full), Span(5, 6, "club", "U:" + short, short)])
    assert (spans[1].ref == "U:" + full) is merged, spans


@pytest.mark.parametrize("text, expected", [
    ("Craig Hatherley, a League Cup winner with Middlesbrough as a player in 2004, did not enjoy it.",
     {("P:Craig Hatherley", "G:league-cup"), ("G:middlesbrough", "G:league-cup")}),
    ("Kaizer Chiefs, the designated home side and winners of the Nedbank Cup in May, started brightly.",
     {("G:kaizer-chiefs", "G:nedbank-cup")}),
    ("Fraser Imlach leaves with a Highland League winner's medal and two Aberdeenshire Shield winner's medals.",
     {("P:Fraser Imlach", "G:highland-football-league"), ("P:Fraser Imlach", "U:Aberdeenshire Shield")}),
    ("Billericay Town Women beat Hashtag United Women to win the Essex Women's Senior Cup.",
     {("U:Billericay Town Women", "U:Essex Women's Senior Cup")}),
    ("Dan Pike, a potential League Cup winner with Leeds United, starts tonight.", set()),
])
def test_extract_winners_described_and_their_medals(extract_text, text, expected):
    """A team or person described as a competition's winner (apposition, "winners of", "a winner
    with <club>") or holding its winner's medal won it; a potential winner did not."""
    x = extract_text(text)
    assert {(f.subject, f.object) for f in x.facts if f.predicate == "won"} == expected, x.facts


def test_extract_a_line_up_under_no_name_is_the_team_its_scorers_line_names(extract_scored):
    """A club website's "LINE-UP" under no team's name, and "Hamworthy: Seabright 41, ..." under
    "GOALS": the line-up is Hamworthy United's, whichever club the report names most."""
    x = extract_scored(
        "MATCH REPORT | Hamworthy United 3-1 Brockenhurst\n\nThe Hammers saw off a Brockenhurst side that "
        "had led. Brockenhurst keeper Matt Scoble was beaten three times. Brockenhurst are a good side.\n\n"
        "LINE-UP\nTom Ashdown, Sam Trask, Ryan Pellow (c), Jake Whitcombe, Lewis Dunford, Callum Renshaw "
        "(Aaron Kimber 74), Ollie Brimble, Dan Hillier, Josh Cattermole, Jordan Seabright, Harvey Lambkin.\n"
        "Subs not used: Alfie Ducker, Ben Ridout.\n\nGOALS\nHamworthy: Seabright 41, Lambkin 67 (pen), Kimber 88\n"
        "Brockenhurst: Mottershead 23\n")
    member = {(f.subject, f.object) for f in x.facts if f.predicate == "memberOf" and (f.probability or 0) >= 0.5}
    assert ("P:Tom Ashdown", "U:Hamworthy United") in member and ("P:Ben Ridout", "U:Hamworthy United") in member, member
    assert not any(o == "U:Brockenhurst" and s in ("P:Tom Ashdown", "P:Jordan Seabright") for s, o in member), member


def test_extract_a_name_ends_before_a_lowercase_word_and_a_ground_is_no_club(extract_text):
    """"Al-Hilal close in on Atalanta forward Kouadio as Al-Nassr complete ...": the name is
    "Kouadio" (but "Kwon Hyeok-jun" keeps its hyphened part); "the County Ground faithful" names
    a ground, not a club."""
    x = extract_text("Al-Hilal close in on Atalanta forward Kouadio as Al-Nassr complete Mourato deal. "
                     "Jeonbuk captain Kwon Hyeok-jun scored. The County Ground faithful went home happy.")
    people = {m.text for m in x.mentions if m.kind == "person"}
    assert "Kouadio" in people and "Kwon Hyeok-jun" in people, people
    assert not any("County Ground" in m.text for m in x.mentions if m.kind == "club"), x.mentions


@pytest.mark.parametrize("text, scorers", [
    # a name the tagger took for a product is still the subject of "scored"; a name the parser
    # joined to the noun before "and" is still the subject of the verb after it
    ("Connah's Quay Nomads won 3-1 at Bala Town on Saturday. Aled Prosser scored twice in the first half at "
     "Maes Tegid and Jac Llewelyn added a third after the break.", {"P:Aled Prosser", "P:Jac Llewelyn"}),
    # a name before a goal noun is the scorer's; not before a save, nor as the delivery a goal came from
    ("Crusaders booked their place on Friday night, edging out Linfield 2-1 at Mourneview Park thanks to a Jamie "
     "Ferris penalty and a stoppage-time header from Ben Tumilty. A Tom Hale effort was saved.",
     {"P:Jamie Ferris", "P:Ben Tumilty"}),
])
def test_extract_goals_the_parse_hides(extract_text, text, scorers):
    x = extract_text(text)
    assert {f.subject for f in x.facts if f.predicate == "scoredIn"} == scorers, x.facts


def test_extract_what_a_win_lifted_won_it(extract_text):
    """"Saturday's 3-1 win at Bala Town lifted them to third": the possessor is a day, so the
    winner is what the win lifted."""
    x = extract_text("Connah's Quay Nomads have appointed Rhodri Bevan. The Deeside club have lost once since, "
                     "and Saturday's 3-1 win at Bala Town lifted them to third in the table.")
    assert [(m.winner, set(m.teams)) for m in x.matches] == \
        [("G:connahs-quay-nomads", {"G:connahs-quay-nomads", "G:bala-town"})], x.matches


def test_extract_a_defeat_that_left_someone_is_not_the_other_match_of_the_sentence(extract_text):
    """"Friday's 2-0 defeat to Turkey had left Prydderch under pressure, but ... see off a
    stubborn Montenegro side": Turkey did not beat Montenegro."""
    x = extract_text("Wales beat Montenegro 2-1. Friday's 2-0 defeat to Turkey in Kayseri had left Huw Prydderch "
                     "under a bit of pressure, but a superb strike from Morgan Trehearne was enough to see off a "
                     "stubborn Montenegro side.")
    assert not any(set(m.teams) == {"G:turkey", "G:montenegro"} and m.evidence[0].rule == "loss-noun"
                   for m in x.matches), x.matches


@pytest.mark.parametrize("text, expected", [
    ("Bolton, who earned their Uefa Cup place by finishing sixth, went ahead early.", set()),
    ("Al-Nassr have signed Tiago Mourato from Porto. The 28-year-old, who won the Primeira Liga with Porto in "
     "2022, was presented to fans.", {("P:Tiago Mourato", "G:primeira-liga"), ("G:porto", "G:primeira-liga")}),
    ("Arsenal won the FA Cup final against Chelsea.", {("G:arsenal", "G:fa-cup")}),
    ("Kenny Marsden then led Wrexham to victory in the LDV Vans Trophy final in Cardiff.",
     {("P:Kenny Marsden", "G:efl-trophy"), ("G:wrexham", "G:efl-trophy")}),
    ("Kenny Marsden led Wrexham to victory in the League Two clash at Bury.", set()),
])
def test_extract_what_is_won_and_by_whom(extract_text, text, expected):
    """A place in a competition is not the competition; a person's honour is not his new club's;
    a final won is the cup."""
    x = extract_text(text)
    assert {(f.subject, f.object) for f in x.facts if f.predicate == "won"} == expected, x.facts


def test_extract_a_nickname_ending_an_unlisted_clubs_name_is_that_club(extract_text):
    """"Vaughan Azzurri" is a club we do not list, not Italy; "Azzurri goalkeeper X" is then that
    club, and "gave United the lead" in a Guelph United report is Guelph United (named five times
    to Alliance United's once); "Kaw Valley FC", tagged a person, is a club; "the Azzurri" of a
    report that only names Italy stays Italy."""
    x = extract_text("Vaughan Azzurri beat Guelph United 3-1. Isaiah Campbell-Brown gave United the lead, but Azzurri "
                     "goalkeeper Daniel Pestrin was rarely troubled. Guelph United coach Darren Bosko was upset. "
                     "Guelph United host Kaw Valley FC next. Guelph United, who beat Alliance United last week, "
                     "drop to fifth. Guelph United are fifth.")
    refs = {m.text: m.ref for m in x.mentions if m.kind == "club"}
    assert refs.get("Azzurri") == "U:Vaughan Azzurri" and refs.get("United") == "U:Guelph United", refs
    assert refs.get("Kaw Valley FC") == "U:Kaw Valley FC", refs
    member = {(f.subject, f.object) for f in x.facts if f.predicate == "memberOf"}
    assert ("P:Daniel Pestrin", "U:Vaughan Azzurri") in member, member
    y = extract_text("Italy beat Spain 2-0 in Rome. The Azzurri were in control throughout.")
    assert {m.ref for m in y.mentions if m.text.endswith("Azzurri")} == {"G:italy"}


def test_extract_a_womens_team_named_late_does_not_take_the_clubs_name(extract_text):
    """A club's awards night names "Tranmere Rovers Women's Player of the Season" late on: the
    name only qualifies the subject, so "Tranmere Rovers" and "Rovers" are still the men's club."""
    x = extract_text("Connor Haworth was the big winner at Tranmere Rovers' awards night. Haworth joined Rovers "
                     "in 2022 and said he was proud. Josh Meehan won the players' award. Lewis Birtles was named young player. "
                     "Over in the women's game, Tranmere Rovers Women's Player of the Season was forward Megan Lowry.")
    refs = {m.text: m.ref for m in x.mentions if m.kind == "club"}
    assert refs.get("Tranmere Rovers") == refs.get("Rovers") == "G:tranmere-rovers", refs


@pytest.mark.parametrize("text, winner", [
    # a drawn result line that says who went through on penalties
    ("Manchester City 1 Real Madrid 1 (aet; agg 3-3, City win 4-3 on pens)\n\nCity held on.", "G:manchester-city"),
    ("Manchester City 1 Real Madrid 1\n\nCity held on.", None),
])
def test_extract_a_result_lines_shootout_winner(extract_text, text, winner):
    x = extract_text(text)
    assert [(m.winner, set(m.teams)) for m in x.matches] == \
        [(winner, {"G:manchester-city", "G:real-madrid"})], x.matches


def test_extract_a_scorer_in_a_with_clause_after_both_sides_is_on_neither(extract_text):
    """"Al-Ahly and Zamalek played out a 1-1 draw, with a late X header ...": the subject is both
    sides, so the clause says nothing of X's; a cut-back from "Tunisia international Y" in a club
    match does not make the scorer Tunisian."""
    x = extract_text("Al-Ahly and Zamalek played out a 1-1 draw on Thursday, with a late Omar Fathallah header "
                     "cancelling out Youssef Mansi's strike. Mansi met a cut-back from Tunisia international "
                     "Aymen Kchouk and scored.")
    member = {(f.subject, f.object) for f in x.facts if f.predicate == "memberOf"}
    assert ("P:Omar Fathallah", "G:al-ahly") not in member and ("P:Youssef Mansi", "G:tunisia") not in member, member


def test_extract_an_obituarys_full_name_and_the_pet_form(extract_text):
    """"Douglas James Farquhar" (a middle name) and "Dougie Farquhar" are one man."""
    x = extract_text("Douglas James Farquhar was born in Fife in 1948. Dougie Farquhar later managed Cowdenbeath. "
                     "Farquhar died on Tuesday.")
    assert len({m.ref for m in x.mentions if m.kind == "person"}) == 1, x.mentions


def test_extract_a_name_in_capitals_heading_its_club_in_brackets(extract_text):
    """A loan watch's heading "HARRY DALBY (Scarborough Athletic, National League North)" names
    the player (as "Harry Dalby", the man the text calls "Dalby" and "Harry") and his club."""
    x = extract_text("York City's youngsters were busy.\n\nHARRY DALBY (Scarborough Athletic, National League North)\n\n"
                     "Dalby kept a clean sheet. \"Harry's been a breath of fresh air,\" said the Scarborough boss.")
    assert {m.ref for m in x.mentions if m.kind == "person"} == {"P:Harry Dalby"}, x.mentions
    assert ("P:Harry Dalby", "memberOf", "G:scarborough-athletic") in {(f.subject, f.predicate, f.object) for f in x.facts}


@pytest.mark.parametrize("text, winner", [
    ("Report\n\nGuelph United's unbeaten home record is gone. Vaughan Azzurri struck twice in four minutes and held "
     "on for a 3-1 win in front of 900 fans on Saturday night.", "U:Vaughan Azzurri"),
    ("Report\n\nGuelph United's unbeaten home record is gone. Vaughan Azzurri suffered a 3-1 loss in front of 900 "
     "fans on Saturday night.", "U:Guelph United"),
])
def test_extract_a_paragraphs_result_won_by_the_subject_of_its_verb(extract_text, text, winner):
    """A paragraph's two teams and a score: the subject of the verb the win (or the defeat) hangs
    on won (or lost), though the other side is not named with it."""
    x = extract_text(text)
    assert [m.winner for m in x.matches] == [winner], x.matches


def test_extract_spent_last_season_with_an_unlisted_club(extract_text):
    """"Ferreira, who spent last season with Sigma FC,": a past spell (the relative clause's
    person), at a club named by a word the tagger called a group and its untagged letters."""
    x = extract_text("Mateo Ferreira, who spent last season with Sigma FC, was lively throughout.")
    assert ("P:Mateo Ferreira", "formerMemberOf", "U:Sigma FC") in {(f.subject, f.predicate, f.object) for f in x.facts}


def test_extract_both_managers_of_a_match_by_elimination(extract_text):
    """Neither manager named with his club: "Newcastle eased the pressure on manager Glenn Rothery"
    names his (the team before him), so "Stuart Halloran's side" are the other."""
    x = extract_text("Newcastle 3-1 Middlesbrough\n\nWayne Cresswell struck twice as Newcastle eased the pressure on "
                     "manager Glenn Rothery with victory over Middlesbrough at St James' Park. Stuart Halloran's side "
                     "worked the ball neatly and Mark Vickerman scored. Halloran was left to rue his side's defending.")
    member = {(f.subject, f.object) for f in x.facts if f.predicate == "memberOf"}
    assert ("P:Glenn Rothery", "G:newcastle-united") in member and ("P:Stuart Halloran", "G:middlesbrough") in member, member


def test_extract_the_mover_of_a_relative_clause_and_the_signing_of_someone(extract_text):
    """"the signing of X" names X after it (not the person named before); "Y, who completed his
    move from A to B" is Y's move, though "his" was taken for the sentence's subject; "a fan
    favourite" is no fan."""
    x = extract_text("Adrián Montalvo, ESPN Mexico\n\nClub America have completed the signing of Facundo Larrañaga from "
                     "Peñarol. Larrañaga said he was happy, and Larrañaga fills the gap left by Rodrigo Alcántar, who "
                     "completed his move from Club America to Monterrey last week. Alcántar, a fan favourite, said goodbye.")
    facts = {(f.subject, f.predicate, f.object) for f in x.facts}
    assert ("P:Facundo Larrañaga", "memberOf", "G:club-america") in facts, facts
    assert ("P:Rodrigo Alcántar", "memberOf", "G:cf-monterrey") in facts, facts
    assert not any(s == "P:Adrián Montalvo" for s, _, _ in facts), facts


def test_extract_a_club_adding_a_player_to_its_squad(extract_text):
    """A move read by a data-file pattern ("team-added-to-squad") leaves the club named on the
    player, as a move told with "signed" does."""
    x = extract_text("Bottom club Sunderland added Crewe Alexandra defender Craig Mellish to their squad for an "
                     "undisclosed fee.")
    facts = _facts(x)
    assert ("Craig Mellish", "memberOf", "sunderland") in facts, facts
    assert ("Craig Mellish", "formerMemberOf", "crewe-alexandra") in facts, facts


def test_extract_an_untagged_name_coordinated_with_a_person(extract_text):
    """"Richie Wardle and Frazer Nuttall scored": the parser hung the first name on the second and
    the tagger left it out; "and" and a person's name make it a person."""
    x = extract_text("Leeds United will meet Watford in the final.\n\nRichie Wardle and Frazer Nuttall scored in the "
                     "second half to cancel out Callum Drysdale's first-half strike.")
    assert {"Richie Wardle", "Frazer Nuttall"} <= {m.text for m in x.mentions if m.kind == "person"}, x.mentions


def test_extract_a_players_club_parsed_as_a_conjunct_is_not_the_managers_side(extract_text):
    """"Swansea City striker X and Crystal Palace forward Y scored to give Z's side their first
    points": the clubs describe the scorers (the parser made "Palace" a conjunct), not Z's side."""
    x = extract_text("Swansea City striker Aled Vaughan and Crystal Palace forward Geraint Bowen scored to give "
                     "Gareth Pritchard's side their first points in Group D.")
    assert not any(f.subject == "P:Gareth Pritchard" and f.predicate == "memberOf" for f in x.facts), x.facts


def test_extract_a_nickname_after_a_capitalised_word_of_a_headline_is_its_own_club(extract_text):
    """"INSIDE LIVERPOOL'S DRESSING ROOM PARTY: Jubilant Reds belt out ...": the article names the
    nickname's own club, so "Jubilant Reds" is no unlisted club."""
    x = extract_text("INSIDE LIVERPOOL'S DRESSING ROOM PARTY: Jubilant Reds belt out a hit song after beating Newcastle.")
    assert not any(m.ref.startswith("U:") for m in x.mentions if m.kind == "club"), x.mentions


@pytest.mark.parametrize("text,expected,forbidden", [
    ("Ross Haddow was rarely troubled in the Beith Juniors goal.", {("Ross Haddow", "memberOf", "beith-juniors")}, set()),
    ("Jamie Kerrigan, in the Liverpool goal, made three fine saves.", {("Jamie Kerrigan", "memberOf", "liverpool")},
     set()),
])
def test_extract_players_read_by_the_data_file_member_patterns(extract_text, text, expected, forbidden):
    facts = _facts(extract_text(text))
    assert expected <= facts, facts
    assert not (forbidden & facts), facts


@pytest.mark.parametrize("text, winner, loser", [
    ("Kashima Antlers lost 2-1 at Kashiwa Reysol on Saturday.", "kashiwa-reysol", "kashima-antlers"),
    ("Leeds went down 2-1 at Burnley.", "burnley", "leeds-united"),
    ("In Riyadh, Al-Hilal stayed perfect with a 4-0 thrashing of Al-Fateh.", "al-hilal", "al-fateh"),
    ("Whitecaps rally past LAFC to book Western Conference Final berth", "vancouver-whitecaps", "lafc"),
    ("Leeds edged past Burnley in a thriller.", "leeds-united", "burnley"),
    ("Wolves needed penalties to get past Championship side Bristol City after a 2-2 draw.",
     "wolverhampton-wanderers", "bristol-city"),
    ("Nottingham Forest ran out 3-0 winners against Tamworth.", "nottingham-forest", "tamworth"),
])
def test_extract_a_loss_at_the_winners_ground_and_a_thrashing_of(extract_text, text, winner, loser):
    """After a score, "lost at X" and "went down at X" name the winners' ground; "a thrashing of X"
    names the beaten side (but "the victory of X" the winners); "rally past X" beat X (but
    "moved past X into second place" is the table, and no such verb)."""
    x = extract_text(text)
    assert any(m.winner == "G:" + winner and "G:" + loser in m.teams for m in x.matches), x.matches


@pytest.mark.parametrize("text", ["Wolves could not get past Bristol City and drew 0-0.",
                                  "Wolves failed to get past Bristol City in the replay."])
def test_extract_no_win_for_a_side_that_did_not_get_past(extract_text, text):
    """"could not get past", "failed to get past": no result."""
    assert not extract_text(text).matches


def test_extract_a_goal_verb_in_the_box_is_no_goal(extract_text):
    """"bundled over by X in the box" is a foul, not a goal: "in" a place is not "into the net"."""
    x = extract_text("Hearts 1-2 Hibs. Josh Carrick forced a save from Baxter when he was bundled over by Hearts "
                     "captain Fraser Murdoch in the box.")
    assert not any(f.predicate == "scoredIn" and f.subject == "P:Fraser Murdoch" for f in x.facts), x.facts


def test_extract_a_goal_told_with_its_own_result_belongs_to_that_match(extract_text):
    """"a 4-0 thrashing of Al-Fateh, where X scored twice": the goal is of the match its own
    sentence tells, not of the article's headline match."""
    x = extract_text("Al-Ahli beat Al-Ittihad 3-1 in the Jeddah derby on Friday.\n\nIn Riyadh, Al-Hilal stayed "
                     "perfect with a 4-0 thrashing of Al-Fateh, where forward Facundo Irazoqui scored twice.")
    match = {m.key: set(m.teams) for m in x.matches}
    goals = [f.object for f in x.facts if f.predicate == "scoredIn" and f.subject == "P:Facundo Irazoqui"]
    assert goals and all(match[g] == {"G:al-hilal", "G:al-fateh"} for g in goals), (goals, match)


@pytest.mark.parametrize("text, team, trophy", [
    ("He went on to spend three seasons at Celtic, winning the Scottish Premier League title and the Scottish Cup.",
     "celtic", "scottish-cup"),
    ("Anyone who remembers Forest lifting the European Cup in 1979 will tell you.", "nottingham-forest", "european-cup"),
])
def test_extract_a_win_in_a_spell_and_a_gerund_with_its_team(extract_text, text, team, trophy):
    assert (team, "won", trophy) in _facts(extract_text(text))


def test_extract_a_deals_list_under_html_headings(extract_text):
    """A club-by-club list of deals in an HTML page: each heading comes out of cleaning as a
    line "Chelsea." between "." lines, and heads its own deals."""
    x = extract_text("Aston Villa.\n .\nIN: Baptiste Lemoine (Lille, £34m).\n .\nChelsea.\n .\n"
                     "IN: Tyrique Gayle (Southampton, loan recalled).\n .\nOUT: Marco Bellandi (Napoli, £21m).\n")
    facts = _facts(x)
    assert ("Tyrique Gayle", "memberOf", "chelsea") in facts, facts
    assert ("Tyrique Gayle", "memberOf", "aston-villa") not in facts, facts
    assert ("Marco Bellandi", "formerMemberOf", "chelsea") in facts, facts


_CLUB_VOICE = ("SEASON REVIEW: Champions again\n\nPosted by Banks O' Dee FC\n\nIt has been a memorable season for Banks "
               "O' Dee. The title was confirmed with a 4-1 win away to Hermes, and our skipper Craig Duthie lifted the "
               "trophy. In the McLeman Cup final we beat Sunnybank 3-0, with goals from Scott Cheyne and Mark Souter. "
               "Banks O' Dee return to training in July, and we thank all of our supporters.")


def _voices(nlp, gaz, rules, text: str) -> list[tuple[str, str]]:
    from kg import nlp as nlp_module
    from kg.extract import apply_rules
    from kg.readers import make_document

    doc = make_document(text, "t.txt", "t")
    view = apply_rules(doc, next(nlp_module.parse(nlp, [doc.text])), gaz, rules).view
    return [(s.text, s.ref) for s in view.spans if s.anaphoric and s.text.lower() in ("we", "us", "our")]


def test_extract_a_clubs_own_voice_is_the_club(extract_text, nlp, gaz, rules):
    """A club website's season review says "we" and "our": outside quotes they are the club the
    article names most (not the one "we" beat)."""
    x = extract_text(_CLUB_VOICE)
    assert any(m.winner == "G:banks-o-dee" and "U:Sunnybank" in m.teams for m in x.matches), x.matches
    assert ("Craig Duthie", "memberOf", "banks-o-dee") in _facts(x)
    assert {ref for _, ref in _voices(nlp, gaz, rules, _CLUB_VOICE)} == {"G:banks-o-dee"}


def test_extract_a_quoted_we_is_no_clubs_voice(nlp, gaz, rules):
    """"'We went 1-1 ...' said Hollins": a quote's "we" is the speaker's, not the article's."""
    text = ("Arsenal won the League Cup final against Chelsea at Selhurst Park. Arsenal were the better side.\n\n"
            "'We went 1-1 and we could have lost our heads. We didn't,' said Arsenal captain Kim Ward.\n\n'We had the "
            "momentum and we didn't take our chances,' said Chelsea boss Emma Hollins.")
    assert _voices(nlp, gaz, rules, text) == []


def test_extract_a_lettered_nickname_is_one_word(extract_text):
    """"the U's": the tokenizer keeps the gazetteer's lettered nicknames whole (not "U" and a verb
    "'s"), so the nickname is Oxford United's and its scorer plays for them."""
    x = extract_text("Rushden & Diamonds 1-2 Oxford Utd\n\nWes Tolley's penalty kept Oxford United in League Two.\n\n"
                     "Danny Arbuckle put the U's ahead on 23 minutes, running on to a long ball from Andy Rowntree.")
    assert any(m.text == "U's" and m.ref == "G:oxford-united" for m in x.mentions), x.mentions
    assert ("Danny Arbuckle", "memberOf", "oxford-united") in _facts(x)


@pytest.mark.parametrize("sentence, scorer", [
    ("Wade Elcock was left unmarked to head in a deep cross from the left.", "P:Wade Elcock"),
    ("Rhodri Meredith settled the nerves with 20 minutes remaining, glancing in Jenkyn's corner at the near post.",
     "P:Rhodri Meredith"),
])
def test_extract_a_goal_after_a_passive_or_a_with_clause(extract_text, sentence, scorer):
    """"was left unmarked to head in": the passive's subject scores; "settled the nerves with 20
    minutes remaining, glancing in ...": the participle the parser hung on the "with" clause is
    still the subject's."""
    x = extract_text("Swansea 2-1 Bournemouth\n\n" + sentence)
    assert any(f.predicate == "scoredIn" and f.subject == scorer for f in x.facts), x.facts


@pytest.mark.parametrize("text, name, ref", [
    # a place before two club words the gazetteer lists as nicknames
    ("Guelph United beat Simcoe County Rovers 2-1 at Alumni Stadium.\n\nSimcoe head coach Gord Hamblin was unhappy "
     "with the foul that led to the winner.", "Simcoe County Rovers", "U:Simcoe County Rovers"),
    # a "person" whose first word stands before a role noun and a name, whose last word never stands alone
    ("Fencibles United edge Wellington Olympic to keep National League hopes alive\n\nFencibles United's bid for a "
     "first National League title is still very much alive after a gutsy 2-1 comeback win over Wellington Olympic on "
     "Sunday afternoon.\n\nThe result lifts Fencibles to third on the table. It was a satisfying afternoon for Fencibles "
     "coach Andy Lysaght, whose side had lost their previous two games.", "Fencibles United", "U:Fencibles United"),
    # a side beaten by a score, and a club ending in a club word
    ("Brora Rangers moved three points clear after hammering Wick Academy 4-0 at Dudgeon Park.", "Wick Academy",
     "U:Wick Academy"),
    ("Leaders Crumlin United kept their lead with a 2-1 win at home to Cherry Orchard.", "Cherry Orchard",
     "U:Cherry Orchard"),
    ("Elsewhere, Denbigh Town won 2-0 at Llandudno thanks to a second-half brace from Ellis Humphreys.", "Llandudno",
     "U:Llandudno"),
])
def test_extract_clubs_we_do_not_list_from_the_text(extract_text, text, name, ref):
    """Clubs the gazetteer does not list, found from how the text treats them."""
    x = extract_text(text)
    assert any(m.text == name and m.ref == ref for m in x.mentions), [(m.text, m.ref) for m in x.mentions]


def test_extract_a_club_by_its_initials(extract_scored):
    """"BFC" of Bengaluru FC: the club named in full (when the leftover-name classifier has called
    the letters a club of their own)."""
    y = extract_scored("Kerala Blasters FC registered a convincing 3-1 win over Bengaluru FC in the Indian Super League "
                       "on Sunday.\n\nBoth sides went into the break at 1-1, with BFC arguably the better team in the "
                       "final ten minutes of the half.")
    assert {m.ref for m in y.mentions if m.text == "BFC"} == {"G:bengaluru-fc"}, y.mentions


def test_extract_a_competitions_initials_name_the_one_the_article_writes_in_full(extract_text):
    """"CPL" is listed for the Canadian Premier League, but beside the Cambodian Premier League it is that."""
    x = extract_text("Visakha FC went top of the Cambodian Premier League with a 2-0 win on Sunday.\n\n"
                     "It was their fourth CPL win in a row.")
    assert {m.ref for m in x.mentions if m.text == "CPL"} == {"G:cambodian-premier-league"}, x.mentions


def test_extract_a_national_line_up_names_each_players_club(extract_text):
    """"Edward Tjivikua (African Stars)" in a national team's line-up: the brackets name his club,
    listed or not."""
    x = extract_text(
        "Namibia 2-1 Kenya\n\nNamibia beat Kenya 2-1 in their Group J qualifier on Friday.\n\nTeams:\n\n"
        "Brave Warriors: Edward Tjivikua (African Stars), Kennedy Amutenya (Orlando Pirates), Lazarus Shikongo "
        "(Blue Waters), Denzil Isaacs (Chippa United), Jeremiah Gaseb (Golden Arrows), Immanuel Nghipandulwa "
        "(Jwaneng Galaxy), Titus Haimbodi (Black Africa), Ruben Kahuure (Chippa United, captain), Marcel Beukes "
        "(Richards Bay), Simson Nakathingo (Eleven Arrows), Gregory Uirab (Marumo Gallants).\n\n"
        "Harambee Stars: Felix Ngala (Tusker), Dennis Achola (Gor Mahia), Kevin Simiyu (AFC Leopards), Brian Wekesa "
        "(Police FC), Collins Odhiambo (Simba SC), Victor Kiprono (KCB), Amos Wanyama (Bandari, captain), Anthony "
        "Mutiso (Young Africans), Peter Otieno (Gor Mahia), Joseph Mwangi (AIK), Eric Njoroge (Hammarby).")
    facts = _facts(x)
    for person, club in (("Edward Tjivikua", "african-stars-fc"), ("Titus Haimbodi", "black-africa-fc"),
                         ("Brian Wekesa", "Police FC"), ("Ruben Kahuure", "chippa-united")):
        assert (person, "memberOf", club) in facts, (person, club)


def test_extract_ratings_under_a_teams_heading(extract_text):
    """"NOTTS COUNTY PLAYER RATINGS" over the ratings of a report whose headline names both sides:
    the heading's team."""
    x = extract_text("Notts County 3-2 Bradford City: Macaulay Dunne double fires Magpies to win - player ratings\n\n"
                     "Notts County came from behind to beat Bradford City at Meadow Lane.\n\nNOTTS COUNTY PLAYER RATINGS\n\n"
                     "Archie Pendlebury - 6\nCould do little about either goal.\n\nTheo Wragg - 7\nNeat and tidy.\n\n"
                     "Jodi Lamptey - 8\nSuperb finish for his goal.\n")
    facts = _facts(x)
    assert {("Theo Wragg", "memberOf", "notts-county"), ("Archie Pendlebury", "memberOf", "notts-county")} <= facts


def test_extract_a_leagues_champions_are_its_countrys_one_club(extract_text):
    """"sent the Bundesliga champions into the quarter-finals" in an Arsenal v Bayern report: the
    one German club the article names won the Bundesliga."""
    x = extract_text("Bayern Munich 2-1 Arsenal\n\nArsenal went out of the Champions League in Munich. Niels Verhoeven "
                     "levelled and Tobias Wendlandt's late drive sent the Bundesliga champions into the quarter-finals.")
    facts = _facts(x)
    assert ("bayern-munich", "won", "bundesliga") in facts
    assert ("arsenal", "won", "bundesliga") not in facts


def test_extract_a_pet_name_is_not_the_shortening(extract_text):
    """"Hughie Cargill" and "Hugh Cargill" are one man, whichever the article writes first."""
    x = extract_text("Hughie Cargill, who has died aged 84, won the league with Burnley.\n\nHugh Cargill was born in "
                     "Fife, the son of a miner. Cargill later managed Rochdale.")
    refs = {m.ref for m in x.mentions if m.text in ("Hughie Cargill", "Hugh Cargill")}
    assert len(refs) == 1, refs


@pytest.mark.parametrize("text, expected, forbidden", [
    # a signing "from" a club, after its league's name: his last club, not his club
    ("Jerome Okafor, a summer signing from Ryman League Hitchin Town, took Kevin Brammall's pass in his stride.",
     {("Jerome Okafor", "formerMemberOf", "Hitchin Town")}, {("Jerome Okafor", "memberOf", "Hitchin Town")}),
    # a deadline-day list written with colons
    ("Deadline day: the deals\n\nAshley Druce: Ipswich Town to Colchester United (£150,000)\n"
     "Scott Fennimore: Stockport County to Rochdale (free)\n",
     {("Ashley Druce", "memberOf", "colchester-united"), ("Ashley Druce", "formerMemberOf", "ipswich-town"),
      ("Scott Fennimore", "formerMemberOf", "stockport-county")}, set()),
    # appearances for a club before moving on (a "former" pattern of patterns.json)
    ("Midfielder Jake Haworth made more than 120 appearances in a Morecambe shirt before moving to Carlisle United "
     "in the summer of 2023.", {("Jake Haworth", "formerMemberOf", "morecambe"),
                                ("Jake Haworth", "memberOf", "carlisle-united")}, {("Jake Haworth", "memberOf", "morecambe")}),
])
def test_extract_former_clubs_from_signings_lists_and_appearances(extract_text, text, expected, forbidden):
    facts = _facts(extract_text(text))
    assert expected <= facts, expected - facts
    assert not forbidden & facts


@pytest.mark.parametrize("text, winner, loser", [
    ("Elsewhere, Denbigh Town won 2-0 at Bangor City thanks to a second-half brace from Ellis Humphreys.",
     "U:Denbigh Town", "G:bangor-city"),
    ("Elsewhere, leaders Crumlin United kept their lead with a 2-1 win at home to Cherry Orchard.", "U:Crumlin United",
     "U:Cherry Orchard"),
])
def test_extract_a_win_at_a_ground_or_at_home_to(extract_text, text, winner, loser):
    """"won 2-0 at Bangor City" (the parser takes the score's "0" for an object): the hosts lost;
    "a 2-1 win at home to Cherry Orchard": the visitors lost."""
    x = extract_text(text)
    assert any(m.winner == winner and loser in m.teams for m in x.matches), x.matches


def test_extract_a_profiles_honours_line_is_its_subjects(extract_text):
    """"Honours: Eredivisie (2023-24), KNVB Cup (2021-22)" in a profile: the honours of the person
    the article names clearly most."""
    x = extract_text("Everything you need to know about Duarte Mesquita\n\nDuarte Mesquita joined Aston Villa from PSV "
                     "this summer. Mesquita started at Rio Ave. Mesquita scored 19 goals last season.\n\n"
                     "Honours: Eredivisie (2023-24), KNVB Cup (2021-22)\n")
    facts = _facts(x)
    assert {("Duarte Mesquita", "won", "eredivisie"), ("Duarte Mesquita", "won", "knvb-cup")} <= facts, facts


def test_extract_a_competition_of_the_clubs_country(extract_text):
    """"the Premier League" in a Kenyan report that names no English club is the Kenyan Premier
    League (the one Kenyan competition whose name ends so)."""
    x = extract_text("Gor Mahia beat AFC Leopards 2-1 in the Premier League derby. Tusker drew with Bandari. "
                     "Gor Mahia won the Premier League last season.")
    assert {m.ref for m in x.mentions if m.text == "Premier League"} == {"G:kenyan-premier-league"}
    y = extract_text("Burnley beat Gor Mahia 2-1 in a friendly. Gor Mahia drew with AFC Leopards. "
                     "Burnley won the Premier League last season.")
    assert {m.ref for m in y.mentions if m.text == "Premier League"} == {"G:premier-league"}


def test_extract_games_won_are_no_title(extract_text):
    """"have won just two of their 16 Premier League games": matches won, not the league."""
    x = extract_text("Wolves have sacked their manager. Wolves have won just TWO of their 16 Premier League games "
                     "this season and sit 19th.")
    assert not any(p == "won" for _, p, _ in _facts(x))


def test_extract_a_clubs_first_word_in_capitals(extract_text):
    """"POWER Dynamos yesterday edged ...": a story's first word in capitals (a newspaper house
    style) still names the club, and "Power coach X" is then that club's."""
    x = extract_text("Power edge Nkana in Kitwe derby\n\nPOWER Dynamos yesterday edged arch-rivals Nkana 2-1 in a thrilling "
                     "Kitwe derby at Arthur Davies Stadium.\n\nPower coach Alex Kaoma said he was happy with the result.")
    assert any(m.text == "Power Dynamos" and m.ref == "G:power-dynamos" for m in x.mentions), x.mentions
    assert ("Alex Kaoma", "memberOf", "power-dynamos") in _facts(x)


def test_extract_a_title_case_headlines_verb_ends_a_clubs_name(extract_text):
    """"Wake Forest Edges Clemson 2-1": the headline's verb is no part of a club's name, so
    Clemson is one club in the headline and in the box score."""
    x = extract_text("Wake Forest Edges Clemson 2-1 in ACC Showdown at Spry\n\nWake Forest beat Clemson 2-1 on Friday "
                     "night. Clemson drew level early in the second half before Wake Forest won it late.\n")
    assert not [m for m in x.mentions if "Edges" in m.text or "Edges" in m.ref], x.mentions


def test_extract_a_nickname_we_do_not_list_is_the_side_never_written_beside_it(extract_scored):
    """"gave the Military Club a 2-0 win over Mamelodi Sundowns": a name always written with
    "the", beside only one side of the report's two, is the other side."""
    x = extract_scored("AS FAR crowned champions after beating Mamelodi Sundowns\n\nAS FAR are champions of Africa again. "
                       "Goals from Amine Lakhdari and Khalid Ouchen gave the Military Club a 2-0 win over Mamelodi "
                       "Sundowns on Saturday night. Sundowns had won the first leg 1-0, but AS FAR were the better "
                       "side in Rabat.\n")
    assert {m.ref for m in x.mentions if m.text.endswith("Military Club")} == {"G:as-far"}, x.mentions


def test_extract_a_headlines_adjective_is_no_first_name(extract_text):
    """"Late Kerridge strike sends Marske through": "late" is written as a word elsewhere and
    never again before Kerridge, so the headline names Kerridge, not a "Late Kerridge"."""
    x = extract_text("Late Kerridge strike sends Marske United through\n\nMarske United beat Billingham Synthonia 1-0. "
                     "Substitute Kerridge, who came on after 74 minutes, fired in a late winner.\n")
    assert {m.text for m in x.mentions if m.kind == "person"} == {"Kerridge"}, x.mentions


def test_extract_an_honours_lines_bracketed_club_won_them_too(extract_text):
    """"Welsh Cup 1978, 1984 (all Wrexham); LDV Vans Trophy 2003 (Bristol City)": the club in
    brackets won the honours since the last bracket ("all") or its own item's."""
    x = extract_text("Bainbridge calls time on 40 years in football\n\nDickie Bainbridge has retired. Bainbridge managed "
                     "Bristol City and Wrexham. Bainbridge said it was time.\n\n"
                     "Honours: Third Division champions 1978; Welsh Cup 1978, 1984 (all Wrexham); "
                     "LDV Vans Trophy 2003 (Bristol City)\n")
    facts = _facts(x)
    assert {("wrexham", "won", "welsh-cup"), ("wrexham", "won", "third-division"),
            ("bristol-city", "won", "efl-trophy")} <= facts, facts
    assert ("bristol-city", "won", "welsh-cup") not in facts


@pytest.mark.parametrize("text", [
    "Tom Hale was an ever-present in the Derby County side that won the First Division title in 1975.",
    # the subject shared with the verb before
    "Jeroen Dekkerman joined Chelsea from Feyenoord in 2003. He won the Eredivisie with Feyenoord in 1999 and was "
    "part of the side that lifted the Uefa Cup in 2002.",
])
def test_extract_a_member_of_the_side_that_won_it_won_it(extract_text, text):
    """"was part of the side that lifted the Uefa Cup": the person won it with the side."""
    x = extract_text(text)
    assert any(f.predicate == "won" and f.subject.startswith("P:") and f.evidence.rule == "won-with-side"
               for f in x.facts), x.facts


@pytest.mark.parametrize("text, person, clubs", [
    ("Wesley Cardoso, the former Chelsea and Porto striker, opened the scoring.", "Wesley Cardoso", {"chelsea", "porto"}),
    ("Yanis Boukhedra, the ex-Lyon and Atletico Madrid forward who has scored in six games, levelled.",
     "Yanis Boukhedra", {"lyon", "atletico-madrid"}),
    ("Defender Ousmane Thiandoum, formerly of Napoli, was sent off.", "Ousmane Thiandoum", {"napoli"}),
    ("Vukašin Pejčić, the former Manchester City man, gave the hosts the lead.", "Vukašin Pejčić", {"manchester-city"}),
])
def test_extract_former_clubs_in_an_apposition(extract_text, text, person, clubs):
    """An apposition's former clubs: both of "the former Chelsea and Porto striker", "formerly of
    Napoli" and "the former Manchester City man" with no role noun."""
    facts = _facts(extract_text(text))
    assert {(person, "formerMemberOf", c) for c in clubs} <= facts, facts


@pytest.mark.parametrize("text, person, club", [
    # the subject of a gerund after "since" (tagged SCONJ, not ADP)
    ("Lee Bramhall has impressed since taking charge of National League outfit Oldham Athletic.",
     "Lee Bramhall", "oldham-athletic"),
    # interim charge with no club in the sentence: the club the sentence before names
    ("Queens Park Rangers sacked Gordon Fairweather on Sunday. Assistant Tony Aldous takes temporary charge at "
     "Loftus Road.", "Tony Aldous", "queens-park-rangers"),
    ("Sheffield Wednesday sacked Danny Rohl on Monday. Head of coaching Steve Haslam is in interim charge.",
     "Steve Haslam", "sheffield-wednesday"),
    ("Guadalajara sacked coach Gabriel Iturrieta on Monday. Under-23 coach Arturo Zepeda will lead the team on "
     "an interim basis.", "Arturo Zepeda", "chivas-guadalajara"),
])
def test_extract_taking_charge(extract_text, text, person, club):
    """"since taking charge of X", "takes temporary charge", "is in interim charge", "will lead the
    team on an interim basis" (an interim manager of the club the sentences before name): the
    person manages the club."""
    x = extract_text(text)
    assert (person, "memberOf", club) in _facts(x), _facts(x)
    assert any(c.ref == "P:" + person and c.role == "manager" for c in x.roles), x.roles


@pytest.mark.parametrize("team", ["Linfield", "Blues"])
def test_extract_the_teams_striker_stands_for_the_player_named_before(extract_text, team):
    """"The Linfield striker opened the scoring", "The Blues striker" (a nickname we may not
    know): the description stands for the player named before; the team's word stays the team's."""
    x = extract_text(f"Linfield beat Portadown 2-1. Gareth McCrory was Linfield's hero, scoring both goals. The {team} "
                     "striker opened the scoring after 17 minutes, pouncing when keeper Ryan Brankin could only "
                     "parry a William Murdock drive.")
    scorers = {f.subject for f in x.facts if f.predicate == "scoredIn"}
    assert scorers == {"P:Gareth McCrory"}, x.facts


@pytest.mark.parametrize("text, person, joined, left", [
    ("Sheffield United brought back former striker Phil Marrable from Derby County for an undisclosed fee.",
     "Phil Marrable", "sheffield-united", "derby-county"),
    ("Wigan Athletic broke their club transfer record to sign striker Pascal Nkemelu from French side Lens for £5.5m.",
     "Pascal Nkemelu", "wigan-athletic", "lens"),
])
def test_extract_a_move_brought_in_or_a_record_broken_to_sign(extract_text, text, person, joined, left):
    """"brought back X from Derby" (`transfer_particles`) and "broke their transfer record to sign
    X from Lens" (`transfer_purpose_verbs`: the purpose of a past deed is done) are moves."""
    facts = _facts(extract_text(text))
    assert {(person, "memberOf", joined), (person, "formerMemberOf", left)} <= facts, facts


@pytest.mark.parametrize("text", ["Wigan Athletic failed to sign Pascal Nkemelu from Lens.",
                                  "Wigan Athletic want to sign Pascal Nkemelu from Lens.",
                                  "Leeds boss Sam Allardyce brought on Pascal Nkemelu against Chelsea."])
def test_extract_no_move_that_did_not_happen(extract_text, text):
    assert not any(f.predicate in ("memberOf", "formerMemberOf") and f.subject == "P:Pascal Nkemelu"
                   for f in extract_text(text).facts)


@pytest.mark.parametrize("text, person", [
    ("Sion Evans-Lloyd, on loan from Connah's Quay Nomads, burst down the left for Holywell Town.", "Sion Evans-Lloyd"),
    ("Everton Soares scored twice for Gremio on Sunday.", "Everton Soares"),
    ("Brazil striker Everton Ribeiro also scored.", "Everton Ribeiro"),
    ('A crowd of 46,870 watched 19-year-old Jesús "Chuy" Arreola open the scoring for Chivas.', "Jesús Arreola"),
])
def test_extract_a_person_whose_name_starts_or_ends_with_a_clubs(extract_text, text, person):
    """A club's one-word name followed by a surname no list claims is a person's first name; a
    nickname in quotes inside a name is not part of it."""
    x = extract_text(text)
    assert person in {m.text if m.kind == "person" else "" for m in x.mentions} | \
        {f.subject[2:] for f in x.facts}, x.mentions
    assert not any(m.kind == "club" and m.text in person for m in x.mentions if m.text != "Holywell Town")


@pytest.mark.parametrize("text", ["Everton beat Chelsea 2-0.", "Everton Reserves beat Chelsea Reserves.", "Everton Femeni won.",
                                  "The Liverpool Echo reported that Everton Women won."])
def test_extract_a_clubs_name_before_another_word_stays_the_club(extract_text, text):
    assert any(m.kind == "club" and m.text.startswith("Everton") for m in extract_text(text).mentions)


@pytest.mark.parametrize("text, team, trophy", [
    ("Orlando Pirates beat Kaizer Chiefs 2-0. For Kaizer Chiefs, it is a setback after hopes that the Nedbank Cup "
     "holders were finally ready to mount a title challenge.", "kaizer-chiefs", "nedbank-cup"),
    ("Lens stay third in Ligue 1, but trail leaders Paris Saint-Germain by seven points after the title holders' "
     "comfortable 3-0 win at Nantes on Saturday.", "paris-saint-germain", "ligue-1"),
])
def test_extract_title_holders_described_after_their_name(extract_text, text, team, trophy):
    """"the Nedbank Cup holders were ready": a described team that is a clause's subject or a
    possessor is the one named last before it (a rule the scorer weighs)."""
    assert (team, "won", trophy) in _facts(extract_text(text))


def test_extract_a_captains_mark_in_a_line_up(extract_text):
    x = extract_text("Portland Thorns FC 2, San Diego Wave FC 1\n\nPortland Thorns FC: Kaylee Brandt; Sadie Lindqvist, "
                     "Tatum Vale (C), Maren Ostrowski, Imani Okafor-Reed; Ayaka Morinaga, Jo Whitcombe, Brianna "
                     "Castellanos; Delaney Pruitt, Riley Adebayo-Hart, Kenzie Marsh\n")
    assert ("Tatum Vale", "captain") in {(c.ref[2:], c.role) for c in x.roles}


@pytest.mark.parametrize("text, manager", [
    ("Danny Lovell named an unchanged starting eleven from last Saturday's 3-0 win over Badshot Lea.", True),
    ("Sam Reid picked the same side that won at Wick.", True),
    ("Sam Reid picked the ball up in midfield and scored.", False),
])
def test_extract_picking_a_side_is_what_a_manager_does(extract_text, text, manager):
    """`selection_verbs` ("named", "picked") with a side for object: a manager's cue."""
    cues = {(c.ref[2:], c.role) for c in extract_text(text).roles}
    assert any(role == "manager" for _, role in cues) is manager, cues


def test_extract_a_play_off_final_lost_is_no_league_won(extract_text):
    x = extract_text("Rhys Attwood was on the bench as Barnsley lost the League One play-off final to Sheffield "
                     "Wednesday at Wembley in May.")
    assert not any(p == "won" for _, p, _ in _facts(x)), _facts(x)


@pytest.mark.parametrize("label, former", [
    ("Clubs", {"hereford-united", "chelsea", "cardiff-city", "bristol-city"}),  # not Swansea, his club now
    ("Previous clubs", {"hereford-united", "chelsea", "cardiff-city", "bristol-city", "swansea-city"}),
])
def test_extract_a_factfiles_clubs_line_is_the_profiled_players_career(extract_text, label, former):
    text = ("Prydderch bows out\n\nAlun Prydderch took the applause of the Vetch one last time. Prydderch, 35, "
            "scored from the spot. Prydderch said he would stay on as a coach.\n\n"
            f"{label}: Hereford United (1986-89), Swansea City (1989-94), Chelsea (1994-98; Cardiff City loan 1996), "
            "Bristol City (1998-99), Swansea City (1999-2005).\n")
    got = {o for s, p, o in _raw_facts(extract_text(text)) if s == "Alun Prydderch" and p == "formerPlayerOf"}
    assert got == former


def test_extract_an_unlisted_womens_club_keeps_its_place_word(extract_text):
    names = {m.text for m in extract_text("Billericay Town Women beat Hashtag United Women 3-1 in the final.").mentions
             if m.kind == "club"}
    assert "Hashtag United Women" in names and "United Women" not in names


def test_extract_a_place_the_tagger_calls_a_person_before_united_is_a_club(extract_text):
    """"Guelph" tagged a person, then "United": no one's surname is a club-name word."""
    x = extract_text("The forward scored on Saturday night as Guelph United beat Vaughan Azzurri 2-1 in League1 "
                     "Ontario Premier play.")
    assert frozenset({"U:Guelph United", "U:Vaughan Azzurri"}) in {frozenset(r.teams) for r in x.matches}


def test_extract_a_teams_player_in_a_clause_under_another_mans_is_another_man(extract_text):
    x = extract_text("With Leicester City trailing Stoke City, Ronnie Haverstock picked up a loose ball and struck it so "
                     "sweetly that the Stoke goalkeeper later admitted he never saw it.")
    assert not any(f.subject == "P:Ronnie Haverstock" and f.object == "G:stoke-city" for f in x.facts), x.facts


def test_extract_a_retained_list_is_the_clubs_squad_and_released_is_no_team(extract_text):
    x = extract_text("Tranmere Rovers release nine players\n\nTranmere Rovers have released nine players. The Wirral "
                     "club went down. Tranmere will rebuild.\n\nRetained (under contract): Owen Bellis, Martin "
                     "Gaskell, Callum McNulty.\n\nOffered new contracts: Max Tattersall, Joe Finney.\n\nReleased: Lee "
                     "Brannigan, Nathan Cullimore, Steve Kilgallon, Dan Ogunleye, Jordan Mairs, Sean Whiston, Paul "
                     "Beresford, Kyle Hesketh, Jamie Threlfall (goalkeeper).\n")
    facts = _facts(x)
    assert {("Owen Bellis", "memberOf", "tranmere-rovers"), ("Joe Finney", "memberOf", "tranmere-rovers")} <= facts
    assert not any(s == "Lee Brannigan" for s, _, _ in facts), facts
    assert not any(m.text == "Released" for m in x.mentions)


def test_extract_a_ratings_list_one_player_a_line_is_the_other_side_of_a_labelled_line_up(extract_text):
    x = extract_text("Liverpool FC 2 Udinese 1\n\nLiverpool beat Udinese at Anfield. Liverpool beat Udinese to top the "
                     "group.\n\nPLAYER RATINGS\n\nLindahl 8 - Late save was worth the entrance fee.\nPrescott 6 - Solid."
                     "\nBrandao 7 - Won everything in the air.\nCorlett 6 - Error for the goal.\nOrmesher 6 - Tidy.\n"
                     "Okonedo 5 - Peripheral. Replaced by Maddocks (6) on 66 minutes.\n\nUDINESE: Scaglia, Ferrandino, "
                     "Hruby, Lambrou, Cozzolino, Basile, Marchetto (Pasquetti 70), Tonelli, Castagnoli, Di Nardo, "
                     "Sabbatini.\n")
    facts = _facts(x)
    assert {("Lindahl", "memberOf", "liverpool"), ("Maddocks", "memberOf", "liverpool"),
            ("Scaglia", "memberOf", "udinese")} <= facts, facts


@pytest.mark.parametrize("text, winner, loser", [
    ("Holly Brennan double sends Melbourne City past Central Coast Mariners", "melbourne-city", "central-coast-mariners"),
    ("Late goal fires Everton past Chelsea", "everton", "chelsea"),
])
def test_extract_what_sends_a_team_past_another_is_its_win(extract_text, text, winner, loser):
    reports = extract_text(text).matches
    assert any(r.winner == f"G:{winner}" and set(r.teams) == {f"G:{winner}", f"G:{loser}"} for r in reports), reports


def test_extract_shouted_first_words_are_a_name(extract_text):
    """"KENJI MORIMOTO has made a habit ...": the parser reads a shouted lead in its usual case."""
    x = extract_text("Celtic 3 Rangers 1\n\nKENJI MORIMOTO has made a habit of rising to the big occasion for Celtic."
                     "\n\nMorimoto scored twice.\n")
    assert "Kenji Morimoto" in {m.text for m in x.mentions if m.kind == "person"}


def test_extract_a_bylines_job_title_is_nobody(extract_text):
    x = extract_text("Celtic 3 Rangers 1\n\nBy Graeme Haddow\nChief Sports Writer\n\nKenji Morimoto scored twice.\n")
    assert "Chief Sports Writer" not in {m.text for m in x.mentions}


def test_extract_a_team_in_a_with_clause_is_no_opponent_of_the_managers_side(extract_text):
    x = extract_text("Celtic 3 Rangers 1\n\nCeltic beat Rangers 3-1 at Celtic Park. Celtic beat Rangers again. But with "
                     "Celtic also still alive in Europe, Declan Quigley's squad looks deeper than the one across the city.")
    assert ("Declan Quigley", "memberOf", "rangers") not in _facts(x)


def test_extract_conjoined_subjects_on_target_both_scored(extract_text):
    x = extract_text("Kawasaki Frontale beat Sanfrecce Hiroshima 3-2. Hayato Kimura scored for the hosts, while Sho "
                     "Fujikawa and Marcos Ribeiro were on target for Sanfrecce.")
    scorers = {s for s, p, _ in _facts(x) if p == "scoredIn"}
    assert {"Sho Fujikawa", "Marcos Ribeiro"} <= scorers, scorers
    assert not any(p == "linkedWith" for _, p, _ in _facts(x))  # "on target" is no transfer target


def test_extract_a_ground_left_for_another_is_its_clubs(extract_text):
    x = extract_text("Danny Whitlam, who left Hillsborough for Bramall Lane in 2022, has scored eight goals this term.")
    assert ("Danny Whitlam", "formerMemberOf", "sheffield-wednesday") in _facts(x)


def test_extract_left_to_join_is_a_completed_move(extract_text):
    x = extract_text("Top scorer Luke Danaher has left to join Eastbourne Borough after turning down a new deal.")
    assert ("Luke Danaher", "memberOf", "eastbourne-borough") in _facts(x)


def test_extract_moving_to_act_is_no_move(extract_text):
    x = extract_text("Rochdale boss Mick Halliwell moved to fill the gap by signing Ollie Fitton from Stockport County.")
    assert ("Mick Halliwell", "formerMemberOf", "stockport-county") not in _facts(x)


def test_extract_the_home_captain_is_the_home_sides(extract_text):
    x = extract_text("Liverpool 3 Everton 2\n\nTom Smith, the home captain, was a constant presence in midfield.")
    assert ("Tom Smith", "captain") in {(c.ref[2:], c.role) for c in x.roles}
    assert ("Tom Smith", "memberOf", "liverpool") in _facts(x)


def test_extract_lifting_the_trophy_of_a_final_report(extract_text):
    x = extract_text("Darlington 2 Mansfield Town 1 (aet)\n\nDarlington are FA Trophy winners after the final at "
                     "Wembley.\n\nCaptain Stephen Lumsdon lifted the trophy in front of 18,000 fans.")
    assert ("Stephen Lumsdon", "won", "fa-trophy") in _facts(x)


@pytest.mark.parametrize("text", [
    "Born in Evenwood in 1931, Norman Brunskill began his career with his village side, Evenwood Town.",
    "Norman Brunskill, the former Bishop Auckland full-back, has died aged 77.",  # "full-back" is three tokens
])
def test_extract_a_playing_career_told_by_a_position_or_its_start(extract_text, text):
    got = {o for s, p, o in _raw_facts(extract_text(text)) if s == "Norman Brunskill" and p == "formerPlayerOf"}
    assert got, _raw_facts(extract_text(text))


def test_extract_an_unlisted_club_ending_in_its_own_nickname_word(extract_text):
    x = extract_text("After hanging up his boots he had a spell as manager of Tow Law Town in the early Seventies.")
    assert "Tow Law Town" in {m.text for m in x.mentions if m.kind == "club"}


def test_extract_the_other_sides_manager_by_elimination(extract_text):
    """Named only by his side, in a report of one match whose other manager the rules placed."""
    x = extract_text("Liverpool 2 Udinese 1\n\nLiverpool beat Udinese 2-1 at Anfield. Liverpool manager Colin Ledsham "
                     "was delighted. Guido Pagliuca's side hit back 13 minutes into the second half.")
    facts = _facts(x)
    assert ("Guido Pagliuca", "memberOf", "udinese") in facts and ("Guido Pagliuca", "memberOf", "liverpool") not in facts


def test_extract_a_role_noun_under_a_club_by_club_heading(extract_text):
    """A round-up's headings in capitals ("BOLTON WANDERERS", which the tagger may call a verb)
    give the club of "Manager X" in a sentence that names no team."""
    x = extract_text("Deadline day: how every club fared\n\nMANCHESTER UNITED\n\nUnited signed a defender.\n\nBoss Donald "
                     "Kerrigan said: \"He is quick.\"\n\nBOLTON WANDERERS\n\nStriker Kevin Ashurst joined Burnley.\n\n"
                     "Manager Dougie Fryer admitted: \"Kevin wanted a fresh start.\"\n")
    facts = _facts(x)
    assert {("Donald Kerrigan", "memberOf", "manchester-united"), ("Dougie Fryer", "memberOf", "bolton-wanderers")} \
        <= facts, facts


def test_extract_a_scorer_the_parser_hung_on_before(extract_text):
    x = extract_text("Urawa Reds 1 Kashima Antlers 1. Kohei Hanamura put Urawa ahead in the 38th minute with a low shot "
                     "before Yuma Tsuchiya equalized for Kashima with a header in the 81st.")
    assert ("Yuma Tsuchiya", "memberOf", "kashima-antlers") in _facts(x)
    assert any(s == "Yuma Tsuchiya" and p == "scoredIn" for s, p, _ in _facts(x))


def test_extract_goals_told_right_after_a_one_sentence_result_are_that_matchs(extract_text):
    x = extract_text("Sydney FC beat Western Sydney Wanderers 3-1\n\nSydney FC beat Western Sydney Wanderers 3-1 on "
                     "Saturday. Adriano Serafim scored twice for Sydney.\n\nEarlier on Saturday, Melbourne Victory halted "
                     "their slide with a 2-0 win over Adelaide United at AAMI Park.\n\nZach Demetriou opened the scoring in "
                     "the 35th minute.\n")
    match = {r.key: set(r.teams) for r in x.matches}
    got = [match[o if o.startswith("M:") else "M:" + o] for s, p, o in _raw_facts(x) if s == "Zach Demetriou" and p == "scoredIn"]
    assert got == [{"G:melbourne-victory", "G:adelaide-united"}], (got, _raw_facts(x))


def test_extract_a_headlines_adjective_is_no_first_name(extract_text):
    x = extract_text("Late Sacarello strike keeps Red Imps on top\n\nLincoln Red Imps preserved their lead before Aaron "
                     "Sacarello settled a tense encounter.")
    assert "Late Sacarello" not in {m.text for m in x.mentions}


@pytest.mark.parametrize("sentence, goal", [
    ("Jason McKittrick chested down a cross and volleyed past Barry Gilmore 13 minutes after the interval.", True),
    ("Jason McKittrick bent a wonderful shot into the top corner.", True),
    ("Jason McKittrick dribbled past Barry Gilmore but shot wide.", False),
    ("Jason McKittrick swung the ball into the corner.", False),  # the corner flag's
])
def test_extract_a_goal_past_the_keeper_or_into_the_goals_corner(extract_text, sentence, goal):
    x = extract_text("Glentoran 1 Cliftonville 1. " + sentence)
    assert any(s == "Jason McKittrick" and p == "scoredIn" for s, p, _ in _facts(x)) is goal, _facts(x)


def test_extract_a_clipped_name_alone_is_a_person_whatever_the_model_says(extract_scored):
    """"Raff" for Dean Rafferty: a leftover word that is the clipped or pet name of exactly one
    person named in full is that person (the leftover-name model was near even on it)."""
    x = extract_scored('Dean Rafferty scored for Walsall. "Raff was brilliant," said the coach.')
    assert "Raff" in {m.text for m in x.mentions if m.kind == "person"}


def test_extract_a_shared_nickname_is_the_club_whose_ground_the_article_names(extract_text):
    x = extract_text("Saints 2 Pompey 0\n\nDean Hollins and Adam Prideaux sent St Mary's into raptures as Saints "
                     "took derby bragging rights.")
    assert {m.ref for m in x.mentions if m.text == "Saints"} == {"G:southampton"}


def test_extract_a_club_word_after_its_full_name_in_the_sentence_is_that_club(extract_text):
    x = extract_text("Bristol Rovers 1 Cheltenham Town 1 (Rovers win 4-2 on penalties)\n\nBristol Rovers squeezed into "
                     "the second round. The Pirates reached the final in 2007, losing 3-2 to Doncaster Rovers.")
    assert {m.ref for m in x.mentions if m.text == "Rovers"} == {"G:bristol-rovers"}


def test_extract_unknown_clubs_beaten_by_or_drawing_with_a_known_team_by_a_score(extract_text):
    x = extract_text("Elsewhere on Thursday, Progrès Niederkorn drew 0-0 with Cork City, while Fola Esch were "
                     "beaten 3-0 by Dinamo Tbilisi.")
    clubs = {m.text for m in x.mentions if m.ref.startswith("U:")}
    assert {"Progrès Niederkorn", "Fola Esch"} <= clubs
    results = {(m.winner, frozenset(m.teams)) for m in x.matches}
    assert ("G:dinamo-tbilisi", frozenset({"G:dinamo-tbilisi", "U:Fola Esch"})) in results
    assert not any("G:cork-city" in teams and winner == "G:dinamo-tbilisi" for winner, teams in results)


def test_extract_champions_of_a_competition_we_do_not_list_won_nothing_we_list(extract_text):
    x = extract_text("F91 Dudelange beat Riga FC 2-1 in the Europa League. Riga, the 2018 Baltic League "
                     "champions, were slow to settle in the Europa League tie.")
    assert not any(p == "won" and o == "europa-league" for _, p, o in _facts(x))


def test_extract_won_the_title_is_the_league_the_article_names(extract_text):
    x = extract_text("Hearts 1 Celtic 3. Celtic went six points clear in the Scottish Premiership. Celtic, who "
                     "clinched the title with six games to spare last season, now head to Denmark.")
    assert ("celtic", "won", "scottish-premiership") in _facts(x)
    y = extract_text("Hearts 1 Celtic 3 in the Scottish Cup. Celtic, who clinched the title last season, now "
                     "head to Denmark.")
    assert not any(p == "won" for _, p, _ in _facts(y))


def test_extract_a_role_description_stands_for_the_man_with_that_title(extract_text):
    x = extract_text("Manager Stuart Brocklesby and assistant Dave Scrimshaw have met each player, and the "
                     "Mariners boss has decided to offer new terms to four of them.")
    refs = {m.ref for m in x.mentions if m.text == "boss"}
    assert refs <= {"P:Stuart Brocklesby"}
    assert "manager" not in _roles(x).get("Dave Scrimshaw", set())


def test_extract_a_nickname_before_a_derbys_name_is_the_club(extract_text):
    x = extract_text("Odera double hands K'Ogalo Mashemeji derby bragging rights\n\nElvis Odera scored twice as "
                     "Gor Mahia beat AFC Leopards 2-1.")
    assert {m.ref for m in x.mentions if m.text == "K'Ogalo"} == {"G:gor-mahia"}
    assert not any(m.ref.startswith("P:K") for m in x.mentions)


def test_extract_a_club_word_two_named_clubs_share_is_the_one_the_headline_names(extract_text):
    x = extract_text("Late Mulvey header rescues Shamrock Rovers against Bohemians\n\nShamrock Rovers drew 1-1 "
                     "with Bohemians. Derry City host Sligo Rovers on Monday. Rovers captain Ronan Whelehan cleared "
                     "off the line. Cian Mulvey headed in. Sligo Rovers are fourth.")
    assert {m.ref for m in x.mentions if m.text == "Rovers"} == {"G:shamrock-rovers"}
    assert not any(m.ref == "P:Late Mulvey" for m in x.mentions)


def test_extract_a_goal_flash_gives_the_scorer_a_goal_in_that_match(extract_text):
    x = extract_text("Saturday live\n\nFT: Nottingham Forest 2-0 Burnley\n\n16:21\nGOAL! Nottingham Forest 1-0 Burnley "
                     "(Feeney 34)\n\nCallum Feeney scores against his old club and does not celebrate.")
    match = next(m.key for m in x.matches if set(m.teams) == {"G:nottingham-forest", "G:burnley"})
    assert ("Callum Feeney", "scoredIn", match[2:]) in _facts(x)


def test_extract_the_win_lifts_a_managers_side_the_winners(extract_text):
    x = extract_text("Derry City 3-2 St Patrick's Athletic\n\nPadraig Doherty struck three minutes from time as Derry "
                     "City beat St Patrick's Athletic. The win lifts Martin Gallagher's side to within three points "
                     "of third place.")
    assert ("Martin Gallagher", "memberOf", "derry-city") in _facts(x)
    assert ("Martin Gallagher", "memberOf", "st-patricks-athletic") not in _facts(x)


def test_extract_a_strike_tipped_over_is_no_goal(extract_text):
    x = extract_text("Ipswich Town Women beat Hashtag United Women 3-1. Lucy Mayhew was rarely troubled after the "
                     "equaliser, although she did well to tip over a long-range strike from Hashtag substitute Mia "
                     "Sollis late on.")
    assert not any(s == "Mia Sollis" and p == "scoredIn" for s, p, _ in _facts(x))


@pytest.mark.parametrize("text, club", [
    ("His opposite number Craig Haldane, the former Hawick Royal Albert midfielder, felt his side did enough.",
     "Hawick Royal Albert"),
    ("Panathinaikos levelled through Tom Walsh, the former PAOK forward, turning inside the defender.", "paok"),
    ("Striker Jack Wilson, who joined from Fortaleza in January, broke the deadlock for Johor.", "fortaleza-ec"),
    ("Zakaria Bennani, who joined Wydad from city rivals Raja Casablanca in a controversial move last summer, "
     "was carried off.", "raja-casablanca"),
])
def test_extract_former_clubs_named_where_only_a_club_fits(extract_text, text, club):
    facts = _facts(extract_text(text))
    assert any(p == "formerMemberOf" and o == club for _, p, o in facts), facts


def test_extract_a_side_beaten_by_a_team_is_its_opponents(extract_text):
    x = extract_text("Hibs 1 Celtic 3\n\nCallum McGillivray fired Celtic back to the top as the champions came from a "
                     "goal down to beat Hibs at Easter Road. And it means the Hoops have now beaten Scott McGarrity's "
                     "side twice in the space of a month.")
    assert ("Scott McGarrity", "memberOf", "hibernian") in _facts(x)
    assert ("Scott McGarrity", "memberOf", "celtic") not in _facts(x)


def test_extract_a_clubs_name_without_its_code_is_the_club_not_anothers_nickname(extract_text):
    """"Highlanders" is Highlanders FC's name; "the Highlanders" is NorthEast United's nickname."""
    x = extract_text("Highlanders 1 Dynamos 0\n\nHighlanders coach Sipho Ndebele praised his players after the win "
                     "at Barbourfields.")
    assert {m.ref for m in x.mentions if m.text == "Highlanders"} == {"G:highlanders-zimbabwe"}
    assert ("Sipho Ndebele", "memberOf", "highlanders-zimbabwe") in _facts(x)


def test_extract_goals_after_a_roundups_result_stay_with_the_match_told_before_them(extract_text):
    x = extract_text("Marlon Darrell scored twice as Flatts Falcons beat Boulevard Blazers 3-1 at Flatts Field "
                     "yesterday.\n\nThe result leaves the Falcons behind Warwick Wolves, who were held 2-2 by Paget "
                     "Pumas.\n\nDarrell, who rejoined the Falcons in the summer, opened the scoring after 18 minutes.\n\n"
                     "Kemar Smith doubled the advantage before half-time with a looping header.\n\n"
                     "RESULTS\nFlatts Falcons 3, Boulevard Blazers 1\nWarwick Wolves 2, Paget Pumas 2\n")
    match = {r.key[2:]: set(r.teams) for r in x.matches}
    got = [match[o] for s, p, o in _raw_facts(x) if s == "Kemar Smith" and p == "scoredIn" and o in match]
    assert got and all(t == {"U:Flatts Falcons", "U:Boulevard Blazers"} for t in got), (got, _raw_facts(x))


def test_extract_a_groups_exit_at_a_tournament_in_a_country_is_no_result(extract_text):
    x = extract_text("Wu Haoran returned weeks after the national team's group-stage exit at the AFC Asian Cup in "
                     "Qatar, where China failed to score in three matches.")
    assert not any(r.teams == ("G:qatar", "G:china") or set(r.teams) == {"G:qatar", "G:china"} for r in x.matches)


@pytest.mark.parametrize("text, name", [
    ("Ramsey Town moved top with a hard-fought 2-1 win over reigning champions St Judes at the Bowl.", "St Judes"),
    ("Lech Poznań beat their nearest challengers, Raków Częstochowa, 2-0 on Sunday.", None),
])
def test_extract_a_side_named_beside_the_noun_of_the_result(extract_text, text, name):
    x = extract_text(text)
    if name:
        assert ("club", "U:" + name) in {(m.kind, m.ref) for m in x.mentions}, x.mentions
    assert x.matches, _raw_facts(x)


@pytest.mark.parametrize("text, ref, absent", [
    ("Mount Royal retained their Anguilla Premier League title.", "U:Anguilla Premier League", "G:premier-league"),
    ("Sholing captain Dean Ashby, who lifted the Wessex League trophy last season, was in tears.", "U:Wessex League", None),
    ("Al Sadd kept their perfect start to the QNB Stars League season.", "G:qatar-stars-league", None),
])
def test_extract_competitions_from_their_names_alone(extract_text, text, ref, absent):
    refs = {m.ref for m in extract_text(text).mentions if m.kind == "trophy"}
    assert ref in refs and absent not in refs, refs


def test_extract_the_super_league_alone_is_no_competition_we_make_up(extract_text):
    assert not {m.ref for m in extract_text("He played in the Super League for years.").mentions if m.kind == "trophy"
                and m.ref.startswith("U:")}


@pytest.mark.parametrize("text, winner, trophy", [
    ("Terry Dawlish, who guided Maidstone United to the Isthmian League Premier Division title in 2015, is back.",
     "Terry Dawlish", "isthmian-league"),
    ("Manager Paul Lunt, who played 200 games for Southport and was part of the side that won the Northern Premier "
     "League title in 1993, said little.", "Paul Lunt", "northern-premier-league"),
    ("David Pritchard, who helped Goytre United win the Gwent Senior Cup in 2019, has six goals.", "David Pritchard",
     "Gwent Senior Cup"),
])
def test_extract_a_person_who_led_or_helped_a_side_to_a_title_won_it(extract_text, winner, trophy, text):
    assert any(s == winner and p == "won" and o == trophy for s, p, o in _facts(extract_text(text))), \
        _facts(extract_text(text))


def test_extract_a_name_after_a_role_noun_inside_a_tagged_name_is_the_person(extract_text):
    x = extract_text("Tonbridge Angels won 2-1 when Shaun Ricketts lifted the ball over Ks keeper Darren Mabey.")
    assert "Darren Mabey" in {m.text for m in x.mentions if m.kind == "person"}


def test_extract_an_unlisted_club_written_in_capitals_and_by_its_last_word_is_one_club(extract_text):
    x = extract_text("Goytre edge Gwent derby\n\nCWMBRAN CELTIC 2 GOYTRE UNITED 3\n\nGoytre United beat Cwmbran Celtic 3-2. "
                     "Celtic boss Gareth Lyddon made three changes, and Cwmbran rallied late.")
    refs = {m.ref for m in x.mentions if m.text.lower() in ("cwmbran celtic", "celtic", "cwmbran")}
    assert refs == {"U:Cwmbran Celtic"}, refs


def test_extract_took_over_at_a_ground_is_a_job_at_its_club(extract_text):
    x = extract_text('Derek Mullan, who took over at Turf Moor in January, said: "We are not finished."')
    assert ("Derek Mullan", "memberOf", "burnley") in _facts(x)
    assert "manager" in _roles(x)["Derek Mullan"]


def test_extract_a_second_defeat_in_the_sentence_is_not_the_firsts_opponent(extract_text):
    x = extract_text("Nottingham Forest had a poor season in the cups. A League Cup exit at Leicester City in August "
                     "was followed by a dismal FA Cup defeat at Luton Town.")
    assert not any(set(r.teams) == {"G:leicester-city", "G:luton-town"} for r in x.matches)


@pytest.mark.parametrize("sentence, scorer", [
    ("Ryan Pike swung in a corner for Noah Reust to head home on 34 minutes.", "Noah Reust"),
    ("Joel Mounier drove a low shot inside the far post from 20 metres.", "Joel Mounier"),
    ("Ashford's goals came from Kieran Dowd and Sam Petts.", "Kieran Dowd"),
    ("Ashford replied through Kieran Dowd on the hour.", "Kieran Dowd"),
    ("Ashford went in front through Kieran Dowd.", "Kieran Dowd"),
    ("Kieran Dowd settled it late on, running on to a pass and lifting the ball over the keeper.", "Kieran Dowd"),
])
def test_extract_goals_told_without_a_scoring_verb(extract_text, sentence, scorer):
    x = extract_text("Ashford United 2 Sholing 2\n\n" + sentence)
    assert any(s == scorer and p == "scoredIn" for s, p, _ in _facts(x)), _facts(x)


@pytest.mark.parametrize("text, winner, loser", [
    ("Doncaster Rovers were beaten 3-0 at the City Ground on Boxing Day.", "nottingham-forest", "doncaster-rovers"),
    ("Doncaster Rovers, who finished sixth, had lost 1-0 at The Den in March.", "millwall", "doncaster-rovers"),
    # what the result "leaves" somewhere is its side
    ("A 2-0 defeat at Anfield leaves Everton nine points off the pace.", "liverpool", "everton"),
])
def test_extract_a_side_beaten_at_a_ground_lost_to_its_club(extract_text, text, winner, loser):
    x = extract_text(text)
    assert any(r.winner == f"G:{winner}" and f"G:{loser}" in r.teams for r in x.matches), x.matches


def test_extract_confirming_what_one_hopes_is_no_move(extract_text):
    x = extract_text("Pryce confirmed he hopes to keep Craig Hambley, who is out of contract next month and has been "
                     "linked with a move to Newport County.")
    facts = _facts(x)
    assert ("Pryce", "memberOf", "newport-county") not in facts
    assert ("Craig Hambley", "linkedWith", "newport-county") in facts


def test_extract_a_managers_side_beaten_is_not_the_other_team_of_the_sentence(extract_text):
    x = extract_text("Thewlis's side were beaten 2-1 at Brighton last weekend, while Liverpool had to grind out a "
                     "2-0 win over Wolves at Anfield.")
    assert not any(set(r.teams) == {"G:brighton", "G:liverpool"} for r in x.matches), x.matches


@pytest.mark.parametrize("text", [
    '"Losing Jamie Coxhill is disappointing," said Sturgess.',
    "Keeping Rhys Dunleavy was the priority this summer, said Sturgess.",
])
def test_extract_a_gerund_before_a_name_is_not_part_of_it(extract_text, text):
    refs = {m.ref for m in extract_text(text).mentions if m.kind == "person"}
    assert not any(r.split()[0] in ("P:Losing", "P:Keeping") for r in refs), refs


def test_extract_the_title_won_is_the_articles_one_league_beside_cups_and_world_competitions(extract_text):
    x = extract_text("Power Dynamos beat Zesco United 2-1 in the Zambia Super League on Sunday. Zesco were knocked out "
                     "of the CAF Confederation Cup in December and lost in the ABSA Cup final. Two of their players "
                     "are in the squad for the World Cup qualifiers.\n\nPower Dynamos, who won the league title in "
                     "2023, are chasing a second championship in three years.")
    assert ("power-dynamos", "won", "zambia-super-league") in _facts(x)


@pytest.mark.parametrize("text, fact", [
    ("Steve Cloake, who came from Barnet for nothing two summers ago, has signed a new deal.",
     ("Steve Cloake", "formerMemberOf", "barnet")),
    ("Arsenal came from behind to beat Chelsea.", None),
    ("Tomas Silva came from Brazil at 17.", None),
])
def test_extract_a_person_who_came_from_a_club_played_there(extract_text, text, fact):
    facts = {f for f in _facts(extract_text(text)) if f[1] in ("formerMemberOf", "memberOf")}
    assert facts == ({fact} if fact else set()), facts


def test_extract_names_in_a_list_with_a_club_are_clubs_there_and_elsewhere(extract_scored):
    x = extract_scored("The 33-year-old midfielder joins from Hednesford Town and has also turned out for Tamworth, "
                       "Rushall Olympic and Chasetown during a career spanning 15 years.\n\nHe won the Birmingham "
                       "Senior Cup with Rushall Olympic in 2016.")
    kinds = {(m.text, m.kind) for m in x.mentions if m.text in ("Rushall Olympic", "Chasetown")}
    assert kinds == {("Rushall Olympic", "club"), ("Chasetown", "club")}, kinds


def test_extract_a_player_a_keeper_made_a_save_from_plays_for_the_other_side(extract_text):
    x = extract_text("Norwich City beat Ipswich Town 2-1 at Carrow Road.\n\nIpswich keeper Tom Harley kept his side "
                     "in the contest with a fine save from Jack Moss before the break.")
    assert ("Jack Moss", "memberOf", "norwich-city") in _facts(x), _facts(x)


@pytest.mark.parametrize("sentence", [
    "Lindsay sent on Ogilvie for Laing and later Fairlie for Cowie.",
    "Lindsay brought on Ogilvie at half-time.",
])
def test_extract_who_sends_a_teams_players_on_manages_it(extract_text, sentence):
    x = extract_text("Rangers: Woodburn; Steadman, Munro, Haldane, Lockhart; Drummond, Cowie, McQuarrie, Ness; "
                     "Sinclair, Laing. Subs: Ogilvie, Fairlie.\n\nCeltic: Boyle; Kinnaird, Gilfeather, Dolan, Rafferty; "
                     "Tonner, McGlinchey, Loughran, Hanratty; Devaney, Cassidy.\n\n" + sentence)
    assert ("Lindsay", "memberOf", "rangers") in _facts(x), _facts(x)


@pytest.mark.parametrize("text, fact", [
    ("But Marlow boss Mark Bagshaw has won the race for his signature.", ("Mark Bagshaw", "memberOf", "Marlow")),
    ("Burnham manager Gary Pomfret said: \"Ashley never really left.\"", ("Gary Pomfret", "memberOf", "Burnham")),
])
def test_extract_an_unlisted_place_before_a_role_and_a_name_is_the_team(extract_scored, text, fact):
    assert fact in _facts(extract_scored(text)), _facts(extract_scored(text))


def test_extract_a_club_captain_is_no_team_called_club(extract_scored):
    assert not any(o == "Club" for _, _, o in _facts(extract_scored("Club captain Ben Hallworth said it was a blow.")))


def test_extract_a_box_scores_goalies_after_their_club_stay_people(extract_scored):
    x = extract_scored("Columbus Crew beat FC Cincinnati 2-1.\n\nGoalies — Columbus, Evan Kowalczyk, Nico Hanrahan; "
                       "Cincinnati, Roman Hollister, Alec Kinsella.\n")
    kinds = {m.text: m.kind for m in x.mentions if m.text in ("Evan Kowalczyk", "Roman Hollister")}
    assert kinds == {"Evan Kowalczyk": "person", "Roman Hollister": "person"}, kinds


def test_extract_a_person_after_a_role_noun_in_a_list_with_a_club_stays_a_person(extract_scored):
    x = extract_scored("Marçal becomes Villa's third summer arrival, following goalkeeper Ivo Brkić from Dinamo Zagreb "
                       "and Uruguayan midfielder Santiago Olmedo, who joined from Atlético Madrid.")
    assert ("Santiago Olmedo", "formerMemberOf", "atletico-madrid") in _facts(x), _facts(x)


@pytest.mark.parametrize("text, fact, told", [
    ("Tottenham Hotspur were beaten 2-1 by Chelsea. Ludovic Marchand, appointed in June to replace Roberto Ciampa, "
     "changed nothing at half-time. \"We gave them two goals,\" the Tottenham manager said.",
     ("Roberto Ciampa", "formerMemberOf", "tottenham-hotspur"), True),
    ("HJK Helsinki won 2-0. Head coach Jussi Aaltonen, who took over from Dutchman Pieter van Gorp at the start of the "
     "season, said the title was deserved.", ("Pieter van Gorp", "formerMemberOf", "hjk-helsinki"), True),
    # a player who replaces another; a rumour's "to replace"
    ("Burnley beat Leeds 2-0. Jon Kell replaced Sam Ode for Burnley on 70 minutes.",
     ("Sam Ode", "formerMemberOf", "burnley"), False),
    ("West Brom have made Blackburn boss Liam Fothergill their top target to replace sacked Martin Skerrett.",
     ("Martin Skerrett", "formerMemberOf", "blackburn-rovers"), False),
])
def test_extract_the_man_a_manager_replaced_once_managed_his_team(extract_text, text, fact, told):
    assert (fact in _facts(extract_text(text))) == told
