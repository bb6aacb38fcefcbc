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
