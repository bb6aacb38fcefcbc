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


def test_extract_on_loan_from_gives_the_parent_club(extract_text):
    x = extract_text("Rangers beat Hibernian 2-1. Dale Pennock, the young left-back on loan from Brighton, "
                     "was sent off.")
    assert ("Dale Pennock", "memberOf", "brighton") in _facts(x)


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
    assert ("Finn Oakes", "formerMemberOf", "bristol-city") in _facts(x)


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
