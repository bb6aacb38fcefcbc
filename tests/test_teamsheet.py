import pytest

from kg.teamsheet import parse

SHEET = ("Report text here. Man City: James, Mills (Bradley Wright-Phillips 83), Dunne, Distin, "
         "Thatcher, Hamann, Barton, Reyna (Sinclair 73), Fowler. Subs Not Used: Weaver, Onuoha. "
         "Booked: Fowler. Man Utd: Carroll, Gary Neville, Ferdinand, Vidic, Silvestre, Ronaldo, "
         "Scholes, Fletcher, Giggs, Rooney, van Nistelrooy. Goals: Rooney 68, Dunne 75 og. "
         "Att: 47,111 Ref: S Bennett (Kent).")


def test_teamsheet_reads_both_sides_subs_goals_and_referee():
    sheets = parse(SHEET)
    teams = {s.team: [p.name for p in s.players] for s in sheets.sheets}
    assert list(teams) == ["Man City", "Man Utd"]
    assert "Bradley Wright-Phillips" in teams["Man City"] and "Onuoha" in teams["Man City"]
    assert "Fowler" in teams["Man City"] and teams["Man City"].count("Fowler") == 1
    assert "van Nistelrooy" in teams["Man Utd"] and "Gary Neville" in teams["Man Utd"]
    goals = {(g.scorer.name, g.minute, g.own_goal) for g in sheets.goals}
    assert goals == {("Rooney", 68, False), ("Dunne", 75, True)}
    assert sheets.referee.name == "S Bennett"
    for s in sheets.sheets:
        for p in s.players:
            assert SHEET[p.start:p.end] == p.name


def test_teamsheet_ignores_prose_with_colons():
    text = "Klopp said: we were brilliant. The verdict: a deserved win for the Reds."
    assert parse(text).sheets == ()


ROUND_UP = ("Bundesliga: Vossberg's late header keeps Dortmund on Bayern's heels\n\n"
            "Borussia Dortmund needed a late winner, while Bayern Munich, Schalke, Mainz, Wolfsburg, Hertha, "
            "Freiburg, Augsburg and Leipzig all played too.\n\n"
            "Borussia Dortmund 2-1 VfL Wolfsburg\n(Hübner 23', Vossberg 90+2' - Wierzbicki 67')\n\n"
            "Felix Hübner had given the hosts the lead.\n\n"
            "Mainz 0-5 Bayern Munich\n(Sträter 12', 40', Gschwendtner 55', Adomako 71' pen., Vauclair 86')\n\n"
            "Hertha Berlin 1-1 Eintracht Frankfurt\n(Kittelmann 31' - Vuksanovic 60')\n")


def test_teamsheet_scorers_under_a_scoreline_split_by_side():
    lines = parse(ROUND_UP).scorer_lines
    sides = [([g.scorer.name for g in x.home], [g.scorer.name for g in x.away]) for x in lines]
    assert sides == [(["Hübner", "Vossberg"], ["Wierzbicki"]),
                     ([], ["Sträter", "Gschwendtner", "Adomako", "Vauclair"]),  # 0-5: all the away side's
                     (["Kittelmann"], ["Vuksanovic"])]
    assert lines[0].home[1].minute == 90 and ROUND_UP[lines[0].home[0].scorer.start:].startswith("Hübner")


def test_teamsheet_a_headline_with_a_colon_is_not_a_sheet_over_the_article():
    assert parse(ROUND_UP).sheets == ()  # "Bundesliga: ..." then names in prose: no sheet


def test_teamsheet_ap_box_score_line_ups_after_a_dash():
    text = ("Lineups\n\nCincinnati-Brett Halvorsen; Malik Sorensen, Jonah Petrakis, Cristian Vallejo, Noah "
            "Kettering (Owen Gallardo, 80th); Luca Ferrante, Tyrese Mabry, Elias Nordgren; Jaylen Brooks, "
            "Kaito Fujimura, Darnell Ashby.\n\nColumbus-Evan Pruitt; Anders Lyngby, Marcus Whitfield, Rodrigo "
            "Batista, Dylan Okafor; Ryan Delacroix, Stefan Ilic, Bruno Castellano; Tomas Ramirez, Desmond "
            "Achterberg, Xavier Mulligan.\n")
    teams = {s.team: [p.name for p in s.players] for s in parse(text).sheets}
    assert list(teams) == ["Cincinnati", "Columbus"]
    assert teams["Cincinnati"][0] == "Brett Halvorsen" and "Xavier Mulligan" in teams["Columbus"]


XI = ("Facundo Leguizamon; Nahuel Arrua, Oscar Benitez, Lucas Ordonez, Franco Pizzichini; Ezequiel Barrionuevo, "
      "Marcelo Saracho, Tobias Quiroga (Agustin Mainero 78); Thiago Ledesma, Gonzalo Ferraro, Juan Perez.")


@pytest.mark.parametrize("line, team", [
    ("BOCA JUNIORS (2): " + XI, "BOCA JUNIORS"),  # the goals after the name
    ("LA Galaxy, " + XI, "LA Galaxy"),  # an AP box score's comma
    ("Lineups-Seattle, " + XI, "Seattle"),  # and its heading, glued to the first team by a dash
    ("Clemson starters: " + XI, "Clemson"),  # a college box score's
    ("FOXES MARKS: " + XI, "FOXES"),  # a ratings piece's
    ("Arsenal, Chelsea, Liverpool, Everton, Fulham, Burnley, Wolves, Brentford, Leeds and Spurs all won.", None),
])
def test_teamsheet_labels_with_goals_or_a_comma(line, team):
    sheets = parse("Report.\n\n" + line + "\n").sheets
    assert [s.team for s in sheets] == ([team] if team else [])
    if team:
        assert sheets[0].players[0].name == "Facundo Leguizamon" and len(sheets[0].players) == 12


def test_teamsheet_one_player_a_line_under_a_generic_heading():
    """A club website's line-up: position, shirt number and name a line; the substitutes under
    their own heading join the same sheet; the team is left to the caller (the article's club)."""
    text = ("Frontale win the derby.\n\nLINE-UP.\n .\nSTARTING MEMBERS.\n GK 1 Naoki Kamimura.\n DF 2 Takumi Ozawa.\n"
            " DF 5 Daichi Sugimura.\n DF 4 Rafael Quintela.\n MF 14 Kazuki Tachibana (C).\n MF 6 Masaya Endoh.\n"
            " FW 9 Gabriel Tavares.\n .\nSUBSTITUTES.\n GK 21 Haruki Nishimoto.\n FW 17 Riku Obata.\n")
    sheets = parse(text).sheets
    assert len(sheets) == 1 and sheets[0].team == ""
    names = [p.name for p in sheets[0].players]
    assert names[0] == "Naoki Kamimura" and names[4] == "Kazuki Tachibana" and names[-1] == "Riku Obata"
    assert all(text[p.start:p.end] == p.name for p in sheets[0].players)


def test_teamsheet_one_player_a_line_under_the_team_name():
    text = "Everton\n" + "".join(f"{n} Player{chr(65 + n)} Surname\n" for n in range(1, 12)) + "\nReport follows."
    sheets = parse(text).sheets
    assert [s.team for s in sheets] == ["Everton"] and len(sheets[0].players) == 11


def test_teamsheet_short_numbered_lists_are_not_line_ups():
    text = "Top five:\n1 Alan Smith\n2 Bob Jones\n3 Carl Brown\n4 Dan White\n5 Ed Green\n"
    assert parse(text).sheets == ()


def test_teamsheet_positions_before_names_are_not_names():
    text = ("MIN: GK Wyatt Kessler; D Joaquin Ferreyra, Mads Holmgaard, Tyrese Bannister, Caleb Ostrander; "
            "M Nico Valcarcel (C), Jonah Brightwell, Teodor Axelsen; F Robin Alcantara, Kwabena Asante, Mateo Quinonez\n"
            "Unused subs: Logan Pettibone, Samuel Adeyemi\n")
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "MIN" and names[:2] == ["Wyatt Kessler", "Joaquin Ferreyra"] and "Robin Alcantara" in names
    assert all(text[p.start:p.end] == p.name for p in sheet.players)


def test_teamsheet_a_live_pages_line_up_under_its_heading():
    """"15:45 · Kaizer Chiefs lineup." then the names on the next line, the bench on the one after;
    a substitution line ("OUT: X.") in the blocks before is no sheet over them."""
    text = ("17:43 · Change for Chiefs.\n .\n88' IN: Sandile Mkhize. OUT: Njabulo Hlongwane. More.\n .\n"
            "15:45 · Kaizer Chiefs lineup.\n .\nMthembu; Ngcobo, Jacobs, Dube (C), Abrahams; Mokoena, Radebe; "
            "Masilela, Hlongwane, Letsoalo; Chissano.\n Substitutes: Fortuin, Mkhize, Bogado.\n .\n"
            "15:30 · Referee.\n")
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "Kaizer Chiefs" and names[0] == "Mthembu" and names[-1] == "Bogado" and len(names) == 14


def test_teamsheet_a_numbered_line_up_under_a_formation_line_with_what_happened():
    """BBC's live page: the team, "Formation 4-2-3-1", one numbered player a line that may end in
    "Booked at 55mins" or "Substituted for X at 82' minutes", then "Substitutes"."""
    rows = ["1 Hollis", "2 Brannigan", "5 Raddock", "6 Ebbrell", "3 Featherstone", "4 Mahoney Booked at 55mins",
            "8 Tully", "7 Dunmore Substituted for Adeyemi at 82' minutes", "10 Okafor", "11 Pennock", "9 Lowrie"]
    text = "Line-ups\n\nPortsmouth\n\nFormation 4-2-3-1\n\n" + "\n".join(rows) + \
        "\n\nSubstitutes\n\n12 Stannard\n17 Adeyemi\n\nReferee: Darren Blakemore\n"
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "Portsmouth" and names[5] == "Mahoney" and names[7] == "Dunmore"
    assert names[-2:] == ["Stannard", "Adeyemi"] and len(names) == 13


def test_teamsheet_a_ratings_line_up_with_initials_formation_and_dashes():
    """"Manchester City (4-2-3-1): J Hartnell 5 - B Quintero 6, D Vukovic 4 (sub: G Mensah 62min, 6)
    - ...": rows split at the dashes, ratings and minutes are no names, "D" and "G" are initials
    (a one-letter position code only before a full name)."""
    text = ("Manchester City (4-2-3-1): J Hartnell 5 - B Quintero 6, K Lindgaard 6, J Bakari 6, "
            "D Vukovic 4 (sub: G Mensah 62min, 6) - S Ekwueme 8, P Arrieta 6 - K Dobbs 5 (sub: T Pellow 70, 8), "
            "R Castellanos 8, F Lemaire 6 (sub: M Okonjo 87) - A Montoya 7.\n")
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "Manchester City"
    assert names == ["J Hartnell", "B Quintero", "K Lindgaard", "J Bakari", "D Vukovic", "G Mensah", "S Ekwueme",
                     "P Arrieta", "K Dobbs", "T Pellow", "R Castellanos", "F Lemaire", "M Okonjo", "A Montoya"]
    assert all(text[p.start:p.end] == p.name for p in sheet.players)


def test_teamsheet_a_substitute_and_minute_in_brackets_split_by_a_comma():
    """BBC's 2000s sheets: "Gallimore (Lacey, 70)": Lacey came on in the 70th minute."""
    text = ("Birmingham City (4-4-2): Tauber; Eaves, Sheppard, Diallo, Rudge; Hadlow, Gallimore (Lacey, 70), Adjei, "
            "Forshaw (Brammer, 62); Ekberg, Kellett.\n")
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert names[6:8] == ["Gallimore", "Lacey"] and names[9:11] == ["Forshaw", "Brammer"] and len(names) == 13
    assert all(text[p.start:p.end] == p.name for p in sheet.players)


def test_teamsheet_numbered_names_on_one_line():
    text = ("STENHOUSEMUIR: 1. Greg Fairlie; 2. Nicky Hannah (C), 3. Ryan Tosh, 4. Jamie Borthwick, 5. Mark Lennie, "
            "6. Cammy Rennie, 7. Euan Dalgleish (14. Scott Heggie 63), 8. Kyle Brankin, 9. Matty Orrock, "
            "10. Sean Pettigrew, 11. Tony Kerr.\nSubs not used: 15. Darren Munro, 21. Lewis McGhie (GK).\n")
    (sheet,) = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "STENHOUSEMUIR" and names[:3] == ["Greg Fairlie", "Nicky Hannah", "Ryan Tosh"]
    assert "Scott Heggie" in names and names[-1] == "Lewis McGhie"
    assert all(text[p.start:p.end] == p.name for p in sheet.players)


def test_teamsheet_line_per_player_under_a_heading_with_its_formation_and_event_lines():
    text = ("Line-ups\n\nMan City\nFormation 4-3-3\n1 Thwaite\n2 Pickering\n5 Dowd\n4 Solberg\n3 Brannigan\n"
            "8 Meldrum\n10 Kinsella\nSubstituted for van Ruijven at 70' minutes\n9 Ainsworth\n7 Osei-Bonsu\n\n"
            "Substitutes\n13 Crane\n17 van Ruijven\n\nReal Sociedad 4-3-3\n1 Gorka Iturbe\n2 Ander Lasarte\n"
            "24 Iñigo Alkorta\n5 Unai Garmendia\n18 Julen Errazkin\n4 Asier Olaizola (C)\n8 Markel Etxabe\n")
    teams = {s.team: [p.name for p in s.players] for s in parse(text).sheets}
    assert list(teams) == ["Man City", "Real Sociedad"]
    assert teams["Man City"][-3:] == ["Osei-Bonsu", "Crane", "van Ruijven"] and "Ainsworth" in teams["Man City"]


RESULT_LINES = [  # a line that is only a result -> its sides, goals and bracketed scorers
    ("GORLESTON 2 TIPTREE UNITED 1", ("GORLESTON", "TIPTREE UNITED", 2, 1), None),
    ("Lewes 1-2 Worthing: Comber double sinks the Rooks", ("Lewes", "Worthing", 1, 2), None),
    ("Brackley Town 2 (Dunkley 34, Orpin 77) Kidderminster Harriers 0. Att: 611",
     ("Brackley Town", "Kidderminster Harriers", 2, 0), (["Dunkley", "Orpin"], [])),
    ("Billericay Town 4 (Bulmer 8, 51, Pinnock 29) Havant & Waterlooville 2 (Lovesey 40, Fenwick og 70). Att: 1,087",
     ("Billericay Town", "Havant & Waterlooville", 4, 2), (["Bulmer", "Pinnock"], ["Lovesey"])),
    ("Arsenal 3 Spurs 1 (aet)", ("Arsenal", "Spurs", 3, 1), None),
    ("MATCH REPORT | Hamworthy United 3-1 Brockenhurst", ("Hamworthy United", "Brockenhurst", 3, 1), None),
    ("NPL WA: Floreat Athena 1 Sorrento FC 2", ("Floreat Athena", "Sorrento FC", 1, 2), None),  # the competition first
    ("Goals: Smith 2 Jones 1", None, None),  # a label of the sheet's is no competition
    ("Barnet 2 Mulholland 34, Osei 81\nIpswich Town 1 Fearnley 55", ("Barnet", "Ipswich Town", 2, 1),
     (["Mulholland", "Osei"], ["Fearnley"])),  # the Guardian's two lines
    ("He scored 2 goals in 3 games", None, None),
    ("Sat 2 Mar 2024 19.31 GMT", None, None),
    ("Shots\nHome 15\nAway 11\nShots on Target\nHome 6\nAway 4", None, None),  # a statistics table
    ("Liverpool 2 Chelsea 1 was the score at the break", None, None),
    ("Flatts Falcons 3, Boulevard Blazers 1", ("Flatts Falcons", "Boulevard Blazers", 3, 1), None),  # an agency's comma
    ("Hale 12, Brook 18", None, None),  # scorers and their minutes, split by the same comma
]


@pytest.mark.parametrize("line, result, scorers", RESULT_LINES)
def test_teamsheet_result_lines(line, result, scorers):
    sheets = parse("Report.\n\n" + line + "\n")
    got = [(r.home.name, r.away.name, r.home_goals, r.away_goals) for r in sheets.results]
    assert got == ([result] if result else [])
    assert [n.name for n in sheets.team_names] == (list(result[:2]) if result else [])
    lines = [([g.scorer.name for g in x.home], [g.scorer.name for g in x.away]) for x in sheets.scorer_lines]
    assert lines == ([scorers] if scorers else [])


def test_teamsheet_a_squad_listed_by_position_is_one_list_under_no_team():
    text = ("Rovers' players under contract for next season are:\n\n"
            "Goalkeepers: Andy Farrimond\nDefenders: Paul Cuddihy, Liam Tickle, Sam Heywood\n"
            "Midfielders: Ash Tennant, Lewis Rainford\n\nForwards: Jason Ogunbiyi, Tom Haslam (loan)\n")
    (sheet,) = parse(text).sheets
    assert sheet.squad and sheet.team == ""
    assert [p.name for p in sheet.players] == ["Andy Farrimond", "Paul Cuddihy", "Liam Tickle", "Sam Heywood",
                                               "Ash Tennant", "Lewis Rainford", "Jason Ogunbiyi", "Tom Haslam"]


def test_teamsheet_a_substitution_written_x_for_y_gives_both_players():
    text = ("DUNDALK: Mulroy; Gannon, Boyle, Hoare, Massey; Shields, Benson, Larkin, McGrath; Tiernan, Hoban. "
            "Subs: K Brannigan for Larkin (65), C Duffy for Tiernan (75).\nReferee: P McLaughlin.\n")
    (sheet,) = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert names[-4:] == ["K Brannigan", "Larkin", "C Duffy", "Tiernan"]


def test_teamsheet_results_one_under_the_other_are_two_results():
    """Not the Guardian's two-line result with "Galatasaray" as a scorer at minute 1."""
    sheets = parse("Results\n\nFenerbahce 1 Galatasaray 1\nBesiktas 2 Trabzonspor 0\n")
    assert [(r.home.name, r.away.name, r.home_goals, r.away_goals) for r in sheets.results] == [
        ("Fenerbahce", "Galatasaray", 1, 1), ("Besiktas", "Trabzonspor", 2, 0)]


def test_teamsheet_a_predicted_line_up_is_the_team_before_vs():
    """A preview's "Newcastle predicted lineup vs Aston Villa": the list is Newcastle's, whether
    it follows the colon or runs one "GK: name - comment" a line under the heading."""
    xi = "Haddow; Ogilvie, Vinding, Prentice, Askew; Orsolini, Sequeira, Ayodele; Spedding, Nordqvist, Tait."
    sheets = parse("Preview.\n\nNewcastle predicted lineup vs Aston Villa: " + xi + "\n").sheets
    assert [(s.team, len(s.players)) for s in sheets] == [("Newcastle", 11)]
    lines = "".join(f"{pos}: {name} - Has been in fine form.\n\n" for pos, name in [
        ("GK", "Tom Haddow"), ("RB", "Reece Ogilvie"), ("CB", "Matz Vinding"), ("CB", "Calum Prentice"),
        ("LB", "Ben Askew"), ("CM", "Davide Orsolini"), ("CM", "Rafael Sequeira"), ("RW", "Ethan Spedding")])
    text = "Preview.\n\nNewcastle predicted lineup vs Aston Villa (4-3-3)\n\n" + lines
    sheets = parse(text).sheets
    assert [s.team for s in sheets] == ["Newcastle"]
    assert [p.name for p in sheets[0].players][:2] == ["Tom Haddow", "Reece Ogilvie"]
    assert all(text[p.start:p.end] == p.name for p in sheets[0].players)


def test_teamsheet_halves_under_a_team_heading_are_one_sheet_of_that_team():
    """A friendly's "First half:" and "Second half:" line-ups under the club's name on its own
    line are that club's players, one sheet; "Trialist" names no one."""
    text = ("Report.\n\nRamsgate\n .\nFirst half: Pell, Orme, Tasker (c), Vine, Dunmore, Keyes, Hale, Bright, "
            "Trialist, Loxley, Farrant.\n .\nSecond half: Gadd, Orme, Trialist B, Nash, Tull, Keyes (Hale 70), "
            "Quill, Bright, Sayer, Royle, Farrant (Loxley 80).\n .\nGoal: Farrant 44.\n")
    (sheet,) = parse(text).sheets
    assert sheet.team == "Ramsgate"
    names = [p.name for p in sheet.players]
    assert "Pell" in names and "Gadd" in names and "Sayer" in names
    assert not any(n.startswith("Trialist") for n in names)


def test_teamsheet_results_on_one_line_split_by_semicolons():
    text = ("Round-up.\n\nRESULTS (round 9): Kingsway 1 Harbourside Rovers 1; Delmont City 2 Eastvale 0; "
            "Pine Creek United 0 North Ridge 3.\n")
    sheets = parse(text)
    assert [(r.home.name, r.away.name, r.home_goals, r.away_goals) for r in sheets.results] == [
        ("Kingsway", "Harbourside Rovers", 1, 1), ("Delmont City", "Eastvale", 2, 0),
        ("Pine Creek United", "North Ridge", 0, 3)]
    # fixtures with kick-off times are not results
    assert not parse("Fixtures.\n\nSaturday: Kingsway v Eastvale, 3pm; Delmont City v North Ridge, 5pm.\n").results


def test_teamsheet_a_league_tables_rows_name_teams():
    rows = ["1 Kingsway 10 7 2 1 +12 23", "2 Harbourside Rovers 10 6 3 1 +9 21", "3 Delmont City 10 5 2 3 +4 17",
            "4 Eastvale 10 2 1 7 -11 7"]
    sheets = parse("Preview.\n\nLADDER\n" + "\n".join(rows) + "\n")
    assert [n.name for n in sheets.team_names] == ["Kingsway", "Harbourside Rovers", "Delmont City", "Eastvale"]
    assert not parse("Preview.\n\n" + "\n".join(rows[:2]) + "\n").team_names  # two rows are no table


def test_teamsheet_a_line_up_under_a_heading_that_names_no_team():
    """A club website's "LINE-UP" heading, the names on the next line with the substitutes in
    brackets, then "Subs not used:": one sheet under no team's name (the caller takes the club)."""
    text = ("Report.\n\nLINE-UP\nTom Ashdown, Sam Trask, Ryan Pellow (c), Jake Whitcombe, Lewis Dunford, Callum "
            "Renshaw (Aaron Kimber 74), Ollie Brimble, Dan Hillier, Josh Cattermole, Jordan Seabright, Harvey "
            "Lambkin.\nSubs not used: Alfie Ducker, Ben Ridout.\n")
    [sheet] = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "" and names[0] == "Tom Ashdown" and "Aaron Kimber" in names and names[-1] == "Ben Ridout"
    assert all(text[p.start:p.end] == p.name for p in sheet.players)


def test_teamsheet_a_teams_scorers_on_a_line_of_their_own():
    """Under "GOALS": "Hamworthy: Seabright 41, Lambkin 67 (pen)" is that team's scorers; a
    label over prose, names without minutes, a date, a byline or a box score's statistics is not."""
    text = ("Posted: June 3 2019\nBy Nur Amirah: March 15, 2024\n\n"
            "GOALS\nHamworthy: Seabright 41, Lambkin 67 (pen), Kimber 88\nBrockenhurst: Mottershead 23\n\n"
            "Manager: Neil Hatchard\nSaves: CLEM 4 (Castellano), WAKE 5 (Pruitt). Corner kicks: CLEM 3, WAKE 8.\n")
    got = [(x.team.name, [(g.scorer.name, g.minute) for g in x.goals]) for x in parse(text).team_goals]
    assert got == [("Hamworthy", [("Seabright", 41), ("Lambkin", 67), ("Kimber", 88)]),
                   ("Brockenhurst", [("Mottershead", 23)])]


def test_teamsheet_one_result_written_twice_is_one_result():
    """A page's title and its headline both give "Middlesbrough 3-1 Partizan Belgrade": one
    result, whose team names count at both places."""
    sheets = parse("MATCH REPORT | Middlesbrough 3-1 Partizan Belgrade\n\nMiddlesbrough 3-1 Partizan Belgrade\n\nReport.\n")
    assert [(r.home.name, r.away.name) for r in sheets.results] == [("Middlesbrough", "Partizan Belgrade")]
    assert len(sheets.team_names) == 4


@pytest.mark.parametrize("line, expected", [
    # a box score's codes split one goals line by team
    ("Goals: SEA \u2013 Echenique 19'; SAC \u2013 Fofanah 72', Osei 88'\n",
     [("SEA", [("Echenique", 19)]), ("SAC", [("Fofanah", 72), ("Osei", 88)])]),
    # no code first: the scorers of the match, not a team's
    ("Goals: Echenique 19', Fofanah 72'\n", []),
])
def test_teamsheet_a_goals_line_split_by_team_codes(line, expected):
    sheets = parse("Report.\n\n" + line)
    got = [(x.team.name, [(g.scorer.name, g.minute) for g in x.goals]) for x in sheets.team_goals]
    assert got == expected
    assert bool(sheets.goals) == (not expected)


def test_teamsheet_a_result_line_after_its_competition_and_round():
    """"Chatham Cup, round of 16: Napier City Rovers 1 (Tama Parata 24) Wellington Olympic 2 (...),
    after extra time.": the competition and round before a colon, extra time after a comma."""
    text = ("Report.\n\nChatham Cup, round of 16: Napier City Rovers 1 (Tama Parata 24) Wellington Olympic 2 "
            "(Luke Fenwick 67, Andreas Koutsis 104), after extra time. HT: 1-0. FT: 1-1.\n")
    sheets = parse(text)
    assert [(r.home.name, r.home_goals, r.away_goals, r.away.name) for r in sheets.results] == \
        [("Napier City Rovers", 1, 2, "Wellington Olympic")]
    assert [[g.scorer.name for g in line.away] for line in sheets.scorer_lines] == [["Luke Fenwick", "Andreas Koutsis"]]


def test_teamsheet_a_headline_with_numbered_competitions_is_no_scorers_line():
    """"Weekend football wrap: results and scorers from the NPL Queensland, FQPL 1 and FQPL 2": a
    part that is no name makes the line prose; "Seabright 41, 67" is one scorer's two goals."""
    assert not parse("Weekend football wrap: results and scorers from the NPL Queensland, FQPL 1 and FQPL 2\n\n"
                     "Text.").team_goals
    [line] = parse("Report.\n\nGOALS\nHamworthy: Seabright 41, 67, Lambkin 88 (pen)\n").team_goals
    assert [(g.scorer.name, g.minute) for g in line.goals] == [("Seabright", 41), ("Lambkin", 88)]


TELETEXT = (" FA BARCLAYCARD PREMIERSHIP  Full-time\n\n"
            " Arsenal        2-1 Tottenham\n"
            "   Vautrin 23        Merriman 40\n"
            "   Ansah 67\n"
            " Birmingham     0-1 Aston Villa\n"
            "                     Dorsett 55\n"
            " Leeds          1-3 Bolton\n"
            "   Ingham 12         Okonedo 30,55\n"
            "                     Farrimond 79 pen\n\n"
            " Next page: more Premiership results\n")


def test_teamsheet_teletext_scorers_in_their_sides_columns_are_no_results():
    sheets = parse(TELETEXT)
    assert [(r.home.name, r.home_goals, r.away_goals, r.away.name) for r in sheets.results] == [
        ("Arsenal", 2, 1, "Tottenham"), ("Birmingham", 0, 1, "Aston Villa"), ("Leeds", 1, 3, "Bolton")]
    sides: dict[int, tuple[list[str], list[str]]] = {}
    for line in sheets.scorer_lines:
        home, away = sides.setdefault(line.result_start, ([], []))
        home += [g.scorer.name for g in line.home]
        away += [g.scorer.name for g in line.away]
    assert list(sides.values()) == [(["Vautrin", "Ansah"], ["Merriman"]), ([], ["Dorsett"]),
                                    (["Ingham"], ["Okonedo", "Farrimond"])]
    assert all(TELETEXT[line.result_start:].lstrip().startswith(("Arsenal", "Birmingham", "Leeds"))
               for line in sheets.scorer_lines)


@pytest.mark.parametrize("flash, result", [
    ("GOAL Everton 1 Southampton 0 (Culshaw 11)", None),  # the score while the match goes on
    ("HALF-TIME Everton 1 Southampton 1", None),
    ("FULL-TIME Everton 3 Southampton 2", ("Everton", 3, 2, "Southampton")),
])
def test_teamsheet_agency_flashes_only_the_final_score_is_a_result(flash, result):
    found = [(r.home.name, r.home_goals, r.away_goals, r.away.name) for r in parse(f"SOCCER Everton\n{flash}\n").results]
    assert found == ([result] if result else [])


@pytest.mark.parametrize("text, captain", [
    ("Portland Thorns FC: Kaylee Brandt; Sadie Lindqvist (Gabi Ferreira, 75'), Tatum Vale (C), Maren Ostrowski, "
     "Imani Okafor-Reed; Ayaka Morinaga, Jo Whitcombe, Brianna Castellanos; Delaney Pruitt, Riley Adebayo-Hart, "
     "Kenzie Marsh\n", "Tatum Vale"),
    ("Wexford: Ryan Doyle; Sean Kehoe, Mark Furlong (capt), Eoin Ronan, Dan Murphy; Cian Kinsella, Tom Walsh, "
     "Liam Codd, Paddy Roche; Jack Doran, Shane Nolan.\n", "Mark Furlong"),
    ("LINE-UP\n1 Tom Haddow\n2 Sam Reid\n3 Ali Khan\n4 Ben Cole (C)\n5 Joe Tait\n6 Ian Moss\n7 Rob Lane\n", "Ben Cole"),
])
def test_teamsheet_a_captains_mark_is_kept_on_the_name(text, captain):
    players = [p for s in parse(text).sheets for p in s.players]
    assert [p.name for p in players if p.captain] == [captain]
    assert all(text[p.start:p.end] == p.name for p in players)


def test_teamsheet_player_ratings_under_a_heading_are_a_line_up_of_the_article_club():
    text = ("Rovers were excellent.\n\nPLAYER RATINGS\n\nHallett 7; Oduwole 6, Tovey 7, Speirs 6, Kenward 6; "
            "Hoddinott 8, Crouch 7, Ledger 6 (Marchant-Wells 74, 7); Pitman 8 (Fennimore 81, n/a), Ashcombe 6, "
            "Yeo 6.\n\nSubs not used: Lintern, Purnell.\n")
    sheets = parse(text).sheets
    assert [s.team for s in sheets] == [""]  # "PLAYER" is no team: the caller takes the article's club
    names = [p.name for p in sheets[0].players]
    assert names[:3] == ["Hallett", "Oduwole", "Tovey"] and "Marchant-Wells" in names and "Purnell" in names


def test_an_ap_box_scores_substitute_with_an_ordinal_minute():
    from kg.teamsheet import _names
    names = [n.name for n, _ in _names("Darnell Pryce (Sebastian Arriola, 82nd), Marco Lindgren (Caleb Okafor, 68th); "
                                       "Andres Villamizar", 0)]
    assert names == ["Darnell Pryce", "Sebastian Arriola", "Marco Lindgren", "Caleb Okafor", "Andres Villamizar"]


@pytest.mark.parametrize("text, team", [
    ("EVERTON PLAYER RATINGS\n\nHarvey Lindqvist - 5\nMade two sharp stops.\n\nNathan Keogh - 6\nSteady.\n\n"
     "Jarrad Whitlock - 6\nFine.\n\nMikkel Strandberg - 4\nPoor.\n\nVitaliy Moroz - 7\nGood.\n", "EVERTON"),
    ("PLAYER RATINGS\n\nLindahl 8 - Late save.\nPrescott 6 - Solid.\nBrandao 7 - Strong.\nCorlett 6 - Error.\n"
     "Ormesher 6 - Tidy.\n", ""),
])
def test_a_ratings_list_one_player_a_line(text, team):
    sheets = parse(text).sheets
    assert [(s.team, len(s.players)) for s in sheets] == [(team, 5)]


def test_a_retained_list_is_a_squad_and_released_is_no_team():
    sheets = parse("Retained (under contract): Owen Bellis, Martin Gaskell, Callum McNulty.\n\n"
                   "Released: Lee Brannigan, Nathan Cullimore, Steve Kilgallon, Dan Ogunleye, Jordan Mairs, "
                   "Sean Whiston, Paul Beresford, Kyle Hesketh, Jamie Threlfall.\n").sheets
    assert [(s.team, s.squad, [p.name for p in s.players]) for s in sheets] == [
        ("", True, ["Owen Bellis", "Martin Gaskell", "Callum McNulty"])]


def test_a_scorers_minute_under_a_team_line_is_no_result():
    """Times of Malta: "Valletta 1" over "Grech 58" is a side's goals and its scorer, not a match."""
    got = parse("Hibernians 2\nFerreira 34, Mifsud 77\n\nValletta 1\nGrech 58\n\nHibernians kept pace.\n").results
    assert not any("Grech" in (r.home.name, r.away.name) for r in got), got


def test_a_colonless_print_line_up_with_its_keyword_lines():
    text = ("Aston Villa Stirrup; Heptinstall, Furlong, Zubiri, Maddison; Pendlebury, Kirilov, Mbida (Nwankwo 74), "
            "Lusby; Alcock, Delaney (Haslam 66)\nSubs not used Gunnell, Ridley, Okpara\n\nBooked Zubiri, Mbida\n\n"
            "Goal Alcock 55\n\nEverton Kowalski; Lacey, Tunnicliffe, Adjaoud, Oldroyd; Tennent, Aramburu, Declercq, "
            "Kennaway; Radosevic (Doherty 84), Whitehouse\nSubs not used Pryce, Vale\n\n"
            "Referee P Wilkinson Attendance 36,214\n")
    parsed = parse(text)
    teams = {s.team: [p.name for p in s.players] for s in parsed.sheets}
    assert list(teams) == ["Aston Villa", "Everton"]
    assert teams["Aston Villa"][:2] == ["Stirrup", "Heptinstall"] and "Okpara" in teams["Aston Villa"]
    assert teams["Everton"][-1] == "Vale"
    assert [g.scorer.name for g in parsed.goals] == ["Alcock"]
    # prose is no sheet: a line must hold a keeper, a semicolon and eight more names; and a line of
    # full names under a heading is not this layout ("Alan" is no team)
    assert parse("Aston Villa Stirrup; he said it was fine, and so it was.\n").sheets == ()
    assert parse("Alan Barragán; Ignacio Rivadeneira, Marcos Lugo, Cristian Olvera, Rafael Montiel; Erick Santillán, "
                 "Tobías Bardales, Mateo Ledesma; Uriel Cantú, Dimitris Pelekanos, Josué Anaya.\n").sheets == ()


@pytest.mark.parametrize("label", ["City (probable, 4-4-2)", "Norwich City (possible, 4-2-3-1)"])
def test_a_line_up_label_with_a_note_and_a_formation(label):
    text = f"{label}: Wragg; Pridmore, Pomfret, Nightingale, Hale; Sellars, Forde, Coppock, Crease; Honeyball, Metcalf.\n"
    sheets = parse(text).sheets
    assert [s.team for s in sheets] == [label.split(" (")[0]] and len(sheets[0].players) == 11


def test_an_awards_team_of_the_season_is_no_teams_sheet():
    text = ("Team of the Season: Jac Bellis (Connah's Quay Nomads); Kieran Loughlin (The New Saints), Gethin Mostyn "
            "(Bala Town), Lewis Hopwood (Caernarfon Town), Tomos Rees (The New Saints); Ryan Pritchard (The New Saints), "
            "Elis Garmon (Cardiff Met), Jordan Swales (Connah's Quay Nomads); Declan Marsh (Penybont), Osian Llewelyn "
            "(Caernarfon Town), Adam Breeze (The New Saints)\n")
    assert parse(text).sheets == ()


def test_a_live_pages_goal_flash_names_the_scorer_of_that_match():
    text = ("16:12\nGOAL! Sheffield Utd 1-2 Wolves (Montenegro 61)\n\nHe's got his second!\n\n"
            "16:06\nGOAL! Crystal Palace 1-0 Bournemouth (Okonjo 51)\n\nGOAL! Everton 1-0 Luton (Ojukwu og 23)\n")
    flashes = parse(text).flashes
    assert [(x.home.name, x.away.name, x.goal.scorer.name, x.goal.minute) for x in flashes] == [
        ("Sheffield Utd", "Wolves", "Montenegro", 61), ("Crystal Palace", "Bournemouth", "Okonjo", 51)]


def test_a_numbered_one_per_line_line_up_with_substitutes_in_brackets_and_unused_below():
    text = ("Line-ups\n\nNotts County\nFormation 3-4-1-2\n1 Bracewell\n5 Ibbotson (c)\n6 Tennison\n4 Okoye\n2 Aldred\n"
            "8 Nemeth\n14 Dunkley (Pinnock 85)\n3 Whitmore\n10 Crowther\n9 Oakes\n11 Vickery (Sheridan 74)\n"
            "Substitutes not used: 13 Halliday, 16 Lambe\n\nReferee: Adam Crowhurst\n")
    sheet, = parse(text).sheets
    names = [p.name for p in sheet.players]
    assert sheet.team == "Notts County" and len(names) == 15
    assert names[6:8] == ["Dunkley", "Pinnock"] and names[-2:] == ["Halliday", "Lambe"]
    assert [p.name for p in sheet.players if p.captain] == ["Ibbotson"]


def test_a_ratings_pieces_substitutes_and_unused_players_stop_before_the_other_sides_line_up():
    text = ("OWLS PLAYER RATINGS\n\nMark Swinburne 6 – Had little to do.\n\nAaron Tinsley 7 – Steady.\n\n"
            "Darren Purslow 8 – Captain's performance.\n\nTom Greensmith 7 – Solid.\n\nJoe Gleadall 6 – Caught out.\n\n"
            "Subs: Ben Thorpe (for Varela, 75) 6 – Neat and tidy. Wes Lunn (for Mottershead, 82) – Not on long enough.\n\n"
            "Not used: Stoddart, Eyre, Gooch.\n\n"
            "HUDDERSFIELD: Lockwood; Bainbridge, Cowgill, Ackerley, Sutcliffe; Lindley, Hepworth, Rowbotham, Ibekwe; "
            "Ogilvie, Aspinall.\n\nReferee: Neil Stokoe.\n\nComments: 27\n")
    teams = {s.team: [p.name for p in s.players] for s in parse(text).sheets}
    assert teams["OWLS"][-5:] == ["Ben Thorpe", "Wes Lunn", "Stoddart", "Eyre", "Gooch"]
    assert len(teams["HUDDERSFIELD"]) == 11


def test_teamsheet_results_listed_on_one_line_split_by_commas():
    sheets = parse("Report.\n\nRESULTS: Ba 2 Lautoka 1, Rewa 1 Suva 0, Nadi 2 Labasa 2.\n")
    assert [(r.home.name, r.away.name, r.home_goals, r.away_goals) for r in sheets.results] == [
        ("Ba", "Lautoka", 2, 1), ("Rewa", "Suva", 1, 0), ("Nadi", "Labasa", 2, 2)]


def test_teamsheet_the_bbcs_live_text_goal_lines_are_flashes():
    text = ("Report.\n\nGoal! Middlesbrough 3, Norwich City 1. Finn Lowther (Middlesbrough) right footed shot from "
            "the centre of the box to the top left corner.\n\nOwn Goal by Sam Reed, Norwich City.  Middlesbrough 1, "
            "Norwich City 0.\n")
    assert [(f.home.name, f.away.name, f.goal.scorer.name) for f in parse(text).flashes] == [
        ("Middlesbrough", "Norwich City", "Finn Lowther")]


def test_a_numbered_line_up_whose_lines_end_in_a_comma_and_what_happened():
    text = ("Gillingham\nFormation 4-4-2\n1 Mansell\n2 Pickering\n5 Ferrante\n6 Rowbotham, Booked at 38mins\n3 Jessup\n"
            "7 Okonjo, Substituted for Ogundipe at 74' minutes\n4 Braddock\n8 Kinsella\n9 Shadbolt\n\n"
            "Substitutes\n12 Corley\n17 Ogundipe\n")
    sheet, = parse(text).sheets
    assert sheet.team == "Gillingham" and [p.name for p in sheet.players][3:6] == ["Rowbotham", "Jessup", "Okonjo"]
    assert len(sheet.players) == 11


def test_a_ratings_headline_after_a_result_is_not_the_teams_name():
    results = parse("EVERTON 1-3 WOLVES PLAYER RATINGS: Serrano runs the show at Goodison\n\nText.\n").results
    assert [(r.home.name, r.away.name) for r in results] == [("EVERTON", "WOLVES")]


def test_a_ratings_piece_rates_each_side_under_its_name_and_formation():
    text = ("Sportsmail's man runs the rule over the players.\n\nEVERTON (4-2-3-1)\n\nLIAM ROSCOE - 5\nNo chance.\n\n"
            "DARRAGH KILBANE - 4.5\nLeft for dead.\n\nLUKA BARESIC - 5\nBest of a bad lot.\n\nCONNOR ASHCROFT - 4\nPoor.\n\n"
            "BAPTISTE LEMOINE - 5.5\nFine.\n\nSubs: Ozan Demir (for Rocha 60) 5.5, Ben Whitlow (for Teles 74) 5\n\n"
            "MANAGER: HENDRIK AALDERS - 4\nHis substitutions changed nothing.\n\nWOLVES (3-5-2)\n\nHENRIQUE SALGADO - 7\nSuperb.\n\nCHEIKH MBODJ - 7\nStrong.\n\nRYAN FOTHERGILL - 8\nImmense.\n\n"
            "VIKTOR EKSTROM - 7\nTidy.\n\nSEAN GILROY - 6\nSolid.\n")
    teams = {s.team: [p.name for p in s.players] for s in parse(text).sheets}
    assert list(teams) == ["EVERTON", "WOLVES"]
    assert teams["EVERTON"][-2:] == ["Ozan Demir", "Ben Whitlow"] and len(teams["WOLVES"]) == 5
    assert [[m.name for m in s.managers] for s in parse(text).sheets] == [["HENDRIK AALDERS"], []]


def test_a_print_line_ups_substitutes_after_a_full_stop_are_names_of_their_own():
    sheet, = parse("Rangers - Woodburn; Steadman, Munro, Haldane, Lockhart; Drummond, Cowie, McQuarrie, Ness; "
                   "Sinclair, Laing. Substitutes - Ogilvie, Fairlie.\n").sheets
    assert [p.name for p in sheet.players][-3:] == ["Laing", "Ogilvie", "Fairlie"]


def test_a_ratings_list_with_a_hyphenated_name_and_the_unused_after_the_substitutes():
    text = ("PLAYER RATINGS\n\nHarald Bekkevold 6\nUntroubled.\n\nSammy Ndiaye 7\nSolid.\n\nPetr Hruby 8\nSublime.\n\n"
            "Eyal Ben-Zion 7\nTidy.\n\nLee Wilmott 6\nQuiet.\n\nKenny Tolland 9\nTwo goals.\n\n"
            "Subs: Dan Fairclough (for Wilmott, 70) 6. Not used: Stapleford, Kiernan.\n")
    sheet, = parse(text).sheets
    assert [p.name for p in sheet.players][3:] == ["Eyal Ben-Zion", "Lee Wilmott", "Kenny Tolland", "Dan Fairclough",
                                                   "Stapleford", "Kiernan"]


def test_a_paragraph_of_marks_names_only_the_players_not_their_comments():
    text = ("MARKS OUT OF TEN\n\nRovers (4-4-2): P Haldane 6 — Beaten by a deflection; no fault. K Aske 5 — Let his man "
            "cross. M Quist 6 — Won his share. C Brant 4 — Lost his runner. R Tew 6 — Steady (F Dade 80min). "
            "D Luik 5 — Faded (J Ede 70min, 6 — Hit the post). H Colley 7 — Inventive.\n\n"
            "Booked: Aske.\n")
    sheet, = parse(text).sheets
    assert sheet.team == "Rovers"
    assert [p.name for p in sheet.players] == ["P Haldane", "K Aske", "M Quist", "C Brant", "R Tew", "F Dade", "D Luik",
                                               "J Ede", "H Colley"]


def test_results_with_their_scorers_after_a_dash_and_a_sheet_labelled_with_its_opponent():
    text = ("Shetland's results\n\nYnys Môn 1 Shetland 2 – Jamieson, Flaws\nÅland 3 Shetland 0\n\n"
            "Shetland (v Greenland): Tulloch; Gifford, Irvine, Pottinger, Hunter; Flaws, Nicolson, Arthur, Williamson; "
            "Jamieson, Isbister. Subs used: Laurenson, Goudie.\n")
    parsed = parse(text)
    assert [(r.home.name, r.away.name) for r in parsed.results] == [("Ynys Môn", "Shetland"), ("Åland", "Shetland")]
    sheet, = parsed.sheets
    assert sheet.team == "Shetland" and [p.name for p in sheet.players][-2:] == ["Laurenson", "Goudie"]
