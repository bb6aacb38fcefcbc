"""Read the team sheets that end many match reports.

    Man City: James, Mills (Bradley Wright-Phillips 83), Dunne, ... Subs Not Used: Weaver, Onuoha.
    Booked: Fowler. Man Utd: Carroll, ... Goals: Rooney 68, Dunne 75 og. Att: 47,111 Ref: S Bennett.

Pure text parsing (no model): each labelled sheet gives its players; `Goals:` gives scorers
(own goals flagged); `Ref:` gives the referee.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A label is a capitalised name of at most five words followed by a colon (a formation in brackets
# may come between, and "line-up", "XI", "starting XI" or a ratings piece's "MARKS" after the
# name): "Ireland (4-3-3): ...", "FOXES MARKS: Bickerstaff 7, ...",
# "Kotoko line-up: ...". At the start of a line a dash may stand for the colon: "Forge FC - ...",
# and an AP box score's dash or comma: "Columbus\u2014Evan Pruitt; Anders Lyngby, ..." (cleaned to a
# hyphen), "LA Galaxy, Cody Brannigan; Tyler Voss, ..."; the goals may follow the name: "BOCA
# JUNIORS (2): ...".
_WORD = r"[^\W\d_][\w&'\-]*"
_LABEL = re.compile(rf"(?:(?<=^)|(?<=[\s.;]))((?=[A-Z\u00c0-\u024f]){_WORD}(?: {_WORD}){{0,4}}?)"
                    r"(?: (?:[Ss]tarting (?:XI|[Ll]ine-?up|eleven)|[Ss]tarters|[Ll]ine-?up|XI|[Tt]eam|MARKS|[Mm]arks|RATINGS|[Rr]atings))?(?: \(\d{1,2}\)| \([a-z][a-z ,'\-]{2,30}\)| \(vs?\.? [A-Z\u00c0-\u024f][\w' \-]{1,30}\))?"
                    r"(?: \((?:[a-z][a-z '\-]{2,20}, ?)?\d(?:-\d){2,4}\))?(?::\s|(?<=\S) - (?=[A-Z\u00c0-\u024f])|(?<=[a-z])[-\u2014](?=[A-Z\u00c0-\u024f][a-z]+ [A-Z\u00c0-\u024f])"
                    r"|(?<=[a-z]), (?=[A-Z\u00c0-\u024f][\w'\-]+(?: [A-Z\u00c0-\u024f][\w'\-]+)+;))",
                    re.MULTILINE)
_BLOCK_END = re.compile(r"\n[ \t]*\.?[ \t]*\n")
# an award's all-star line-up ("Team of the Season: X (Penybont), Y (Bala Town) ..."): prose, its
# players each with their own club, not one team's sheet
_AWARD_TEAM = re.compile(r"(?:team|side|xi|eleven) of the (?:season|year|week|month|round|tournament|decade|century)", re.I)
XI = 9  # names that make a labelled list a line-up even without a Subs, Goals or Ref line
_KEYWORDS = {
    "subs not used": "unused", "substitutes not used": "unused", "unused subs": "unused",
    "unused substitutes": "unused", "subs unused": "unused", "substitutes unused": "unused",
    "subs": "subs", "substitutes": "subs", "subs used": "subs", "substitutes used": "subs", "booked": "booked", "bookings": "booked",
    "yellow cards": "booked", "sent off": "sent_off", "red card": "sent_off", "red cards": "sent_off",
    "goals": "goals", "scorers": "goals", "goal": "goals", "att": "attendance",
    "attendance": "attendance", "ref": "referee", "referee": "referee", "man of the match": "motm",
    "star man": "motm", "manager": "manager", "venue": "venue",
    # a squad listed by position ("Goalkeepers: ...", "Defenders: ..."): one list, under no team's name
    "goalkeepers": "squad", "defenders": "squad", "midfielders": "squad", "forwards": "squad",
    "strikers": "squad", "attackers": "squad",
    # a retained list: who stays is the club's squad; who leaves is no team's line-up (whether a
    # released player still plays for the club is not for a list to say)
    "retained": "squad", "under contract": "squad", "offered new contracts": "squad",
    "offered new terms": "squad", "offered new deals": "squad", "new contracts offered": "squad",
    "released": "leaving", "out of contract": "leaving", "leaving": "leaving", "departures": "leaving",
    "loans ended": "leaving", "loan players returning": "leaving", "not retained": "leaving",
    "transfer listed": "leaving", "free transfer": "leaving",
}
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME = re.compile(
    rf"^[{_UP}][\w'\u2019.\-]*(?: (?:[a-z]{{1,3}} |[{_UP}][\w'\u2019.\-]* ?)*[{_UP}][\w'\u2019\-]*)?$"
    rf"|^(?:van|de|da|di|le|la|van der|van den|dos|del|mac|mc) [{_UP}][\w'\-]*$"
)

# a place in a line-up that names no one: "Trialist", "Trialist B", "Unknown"
_UNNAMED = re.compile(r"(?:a )?trialist(?: [A-Z\d])?|unknown|unnamed|tb[ac]|guest player", re.I)

_POSITION = r"(?:GK|G|DF|D|DEF|MF|M|MID|FW|F|FWD|ST|CB|LB|RB|WB|DM|AM|CM|LW|RW)"


@dataclass(frozen=True)
class SheetName:
    name: str
    start: int
    end: int
    captain: bool = False  # "Tatum Vale (C)" in a line-up


@dataclass(frozen=True)
class Sheet:
    team: str  # the team label as written
    team_start: int
    team_end: int
    players: tuple[SheetName, ...]
    start: int
    end: int
    squad: bool = False  # a whole squad listed by position, not a match's line-up
    managers: tuple[SheetName, ...] = ()  # the manager rated with the players: "MANAGER: X - 4"


@dataclass(frozen=True)
class Goal:
    scorer: SheetName
    minute: int | None
    own_goal: bool


@dataclass(frozen=True)
class TeamGoals:
    """One team's scorers on a line of their own under a goals heading: "Hamworthy: Seabright 41,
    Lambkin 67 (pen), Kimber 88"."""

    team: SheetName
    goals: tuple[Goal, ...]
    start: int
    end: int


@dataclass(frozen=True)
class ScorerLine:
    """A results list's scorers under their scoreline: "Borussia Dortmund 2-1 VfL Wolfsburg" then
    "(Hübner 23', Vossberg 90+2' - Wierzbicki 67')": the home side's before the dash."""

    result_start: int  # the scoreline's line
    home: tuple[Goal, ...]
    away: tuple[Goal, ...]
    start: int
    end: int


@dataclass(frozen=True)
class ResultLine:
    """A line that is only a result: "GORLESTON 2 TIPTREE UNITED 1", "Woking 1 (Mackie 62) Boreham Wood 1"."""

    home: SheetName
    away: SheetName
    home_goals: int
    away_goals: int
    start: int
    end: int


@dataclass(frozen=True)
class FlashGoal:
    """A live page's goal flash: "GOAL! Sheffield Utd 1-2 Wolves (Montenegro 61)". The scorer
    scored in the match; the line does not say for which side."""
    home: SheetName
    away: SheetName
    goal: Goal
    start: int
    end: int


@dataclass(frozen=True)
class TeamSheets:
    sheets: tuple[Sheet, ...]
    goals: tuple[Goal, ...]
    referee: SheetName | None
    spans: tuple[tuple[int, int], ...]  # cleaned-text regions the sheets occupy
    scorer_lines: tuple[ScorerLine, ...] = ()
    # names the layout says are teams: sheets' labels, the sides of a line that is only a result
    team_names: tuple[SheetName, ...] = ()
    results: tuple[ResultLine, ...] = ()
    team_goals: tuple[TeamGoals, ...] = ()
    flashes: tuple[FlashGoal, ...] = ()


_CAPTAIN_MARKS = {"c", "capt", "captain"}


def _names(text: str, base: int) -> list[tuple[SheetName, str]]:
    """Split a comma list into names with their trailing annotation (minute, og)."""
    out: list[tuple[SheetName, str]] = []
    pos = 0
    # "Gallimore (Lacey, 70)": the substitute and his minute, the comma made a space (same length)
    # ("Arriola, 82nd" in an AP box score)
    text = re.sub(r"\(([^(),]+),(\s*\d{1,3}(?:\+\d{1,2})?(?:'|st|nd|rd|th)?\s*\))", lambda m: f"({m.group(1)} {m.group(2)}", text)
    # "... 5 - B Quintero 6": a ratings line's rows; "K Brannigan for Larkin (65)": both names
    # "... Sinclair, Laing. Substitutes - Ogilvie, Fairlie.": a keyword after a full stop starts a new list
    for part in re.split(r"[,;]|\band\b|(?<=\S) [-\u2013\u2014] (?=\S)|(?<=[a-z]) for (?=[A-Z])|"
                         r"\.\s+(?=(?:Subs|Substitutes|Booked|Sent off|Goals?|Scorers)\b)", text):
        raw_start = text.index(part, pos) if part else pos
        pos = raw_start + len(part)
        for piece_match in re.finditer(r"[^()]+", part):
            piece = piece_match.group()
            if out and piece_match.start() > 0 and part[piece_match.start() - 1] == "(" and piece.strip(" .").lower() in _CAPTAIN_MARKS:
                out[-1] = (replace(out[-1][0], captain=True), out[-1][1])  # "Tatum Vale (C)"
                continue
            # "(sub: G Mensah 62min, 6)"; a shirt number before the name: "1. Greg Fairlie", "(14. Scott Heggie 63)"
            m = re.match(r"\s*(?:sub(?:stitute)?s?:\s*)?(?:\d{1,2}\.?\s+(?=\D))?(.*?)\s*((?:\d{1,3}(?:\+\d{1,2})?(?:'|mins?|st|nd|rd|th)?\s*(?:\(?(?:og|o\.g\.|pen|p)\)?)?\s*)*)\s*\.?\s*$",
                         piece, re.I)
            if not m or not m.group(1):
                continue
            name = m.group(1).strip(" .")
            lead = re.match(rf"{_POSITION} (?=\S)", name)
            if lead and len(lead.group()) == 2 and " " not in name[lead.end():]:
                lead = None  # "D Vuković", "M Okonjo": an initial before one surname, not a position
            if lead:  # "GK Wyatt Kessler; D Joaquín Ferreyra, ...": the position is not the name
                name = name[lead.end():]
            if not _NAME.match(name) or len(name) > 40 or _UNNAMED.fullmatch(name) or name.lower() in _KEYWORDS:
                continue
            inside = piece_match.start() > 0 and part[piece_match.start() - 1] == "("
            if inside and not re.search(r"\d", m.group(2)):
                continue  # "Haverty (Manchester City Women)": a club in brackets; "(Rutter 75)" is a sub
            s = base + raw_start + piece_match.start() + piece.index(m.group(1)) + (lead.end() if lead else 0)
            out.append((SheetName(name, s, s + len(name)), m.group(2).strip()))
    return out


def parse(text: str) -> TeamSheets:
    """Find team sheets in cleaned article text."""
    labels = [(m.start(1), m.end(1), m.group(1), m.end() - (1 if m.group()[-1].isspace() else 0))
              for m in _LABEL.finditer(text)
              if m.group().endswith(": ") or m.group().endswith(":\n") or m.start(1) == 0
              or text[m.start(1) - 1] == "\n"]
    labels = sorted(labels + _bare_labels(text, {s for s, _, _, _ in labels}))
    # "Newcastle predicted lineup vs Aston Villa: Haddow; ...": the list is the team before the "vs"
    labels = [_before_vs(text, s, e, lab, c) for s, e, lab, c in labels]
    # an AP box score's "Lineups-Seattle, Tyler Marchetti; ...": the heading glued to the first team
    labels = [(s + 8, e, lab[8:], c) if lab.lower().startswith(("lineups-", "lineups\u2014")) and len(lab) > 8 else
              (s, e, lab, c) for s, e, lab, c in labels]
    # a block of labels counts as a sheet if it has a keyword such as Subs, Goals, Ref or Att, or
    # a list long enough to be an XI
    keyed = any(_KEYWORDS.get(lab.lower().rstrip(".")) in ("unused", "subs", "goals", "referee",
                                                          "attendance", "booked")
                for _, _, lab, _ in labels)
    sheets: list[Sheet] = []
    goals: list[Goal] = []
    team_goals: list[TeamGoals] = []
    referee = None
    spans: list[tuple[int, int]] = []
    current: Sheet | None = None
    period_sheet: Sheet | None = None  # the sheet a "First half:" label began
    for n, (s, e, label, colon) in enumerate(labels):
        body_start = colon  # after "Hungary:" or "Hungary (3-4-2-1):"
        body_end = labels[n + 1][0] if n + 1 < len(labels) else _paragraph_end(text, body_start)
        # a sheet ends with its paragraph ("Bundesliga: ..." is a headline): a blank line, or the
        # " ." line a cleaned web page leaves between blocks
        blank = _BLOCK_END.search(text, body_start)
        body_end = min(body_end, blank.start()) if blank else body_end
        body = text[body_start:body_end]
        kind = _KEYWORDS.get(label.lower().rstrip("."))
        if _AWARD_TEAM.fullmatch(label):
            current = None
            continue
        names = _names(body, body_start)
        marked = _marked_items(body, body_start) if kind is None else []
        if sum(1 for _, mark in marked if mark) >= RATED_MIN:
            names = marked  # (the comments between the names are no names)
        if kind is None:
            if _goals_line(label, body, names):
                # "Hamworthy: Seabright 41, Lambkin 67 (pen)": a team's scorers, each with a minute
                team_goals.append(TeamGoals(SheetName(label, s, e), tuple(_goal(n, note) for n, note in names),
                                            s, body_end))
                spans.append((s, body_end))
                current = None
                continue
            if len(names) < (7 if keyed else XI):  # a line of prose with a colon, not an XI
                current = None
                continue
            period = _PERIOD_LABEL.fullmatch(label) is not None
            if period:
                # "Chorley" on its own line, then "First half: ..." and "Second half: ...": one
                # sheet of the heading's team (a friendly's two line-ups); no heading, no team
                if current is not None and current is period_sheet:
                    current = Sheet(current.team, current.team_start, current.team_end,
                                    current.players + tuple(n for n, _ in names), current.start, body_end)
                    sheets[-1] = period_sheet = current
                    spans.append((s, body_end))
                    continue
                s, e, label = _heading_above(text, s)
            current = Sheet(label, s, e, tuple(n for n, _ in names), s, body_end)
            period_sheet = current if period else None
            sheets.append(current)
            spans.append((s, body_end))
        elif kind == "squad":
            squad = tuple(n for n, _ in names)
            if current is not None and current.squad and sheets and sheets[-1] is current:
                current = Sheet("", current.team_start, current.team_end, current.players + squad, current.start,
                                body_end, squad=True)
                sheets[-1] = current
            else:
                current = Sheet("", s, s, squad, s, body_end, squad=True)
                sheets.append(current)
            spans.append((s, body_end))
        elif kind in ("unused", "subs", "booked", "sent_off") and current is not None:
            extra = tuple(n for n, _ in names) if kind in ("unused", "subs") else ()
            current = Sheet(current.team, current.team_start, current.team_end,
                            current.players + extra, current.start, body_end)
            sheets[-1] = current
            spans.append((s, body_end))
        elif kind == "goals":
            coded = _coded_goals(names)
            if coded:  # "Goals: SEA – Echenique 19'; SAC – Fofanah 72'": each team's by its code
                team_goals.extend(TeamGoals(team, scored, s, body_end) for team, scored in coded)
            else:
                goals.extend(_goal(name, note) for name, note in names)
            spans.append((s, body_end))
        elif kind == "referee":
            if names:
                referee = names[0][0]
            spans.append((s, body_end))
        elif kind == "attendance":
            spans.append((s, body_end))
        elif kind == "leaving":
            current = None
            spans.append((s, body_end))
    taken = [(a.start, a.end) for a in sheets]
    for listed in _line_lists(text) + _headed_lists(text) + _rated_lists(text):
        if not any(a < listed.end and listed.start < b for a, b in taken):
            sheets.append(listed)
            spans.append((listed.start, listed.end))
    lines = _scorer_lines(text)
    spans += [(x.start, x.end) for x in lines]
    results, inline = _result_lines(text)
    lines += inline
    spans += [(x.start, x.end) for x in inline]
    names = [SheetName(x.team, x.team_start, x.team_end) for x in sheets if x.team]
    names += [x.team for x in team_goals]
    names += [side for x in results for side in (x.home, x.away)]
    # one result written twice (a page's title and its headline) is one result; its names count twice
    told: dict[tuple[str, str, int, int], ResultLine] = {}
    for x in results:
        told.setdefault((x.home.name.lower(), x.away.name.lower(), x.home_goals, x.away_goals), x)
    results = list(told.values())
    table = _table_teams(text)
    names += table
    spans += [(n.start, n.end) for n in table]
    flashes = _flash_goals(text)  # (not sheet regions: the prose rules read the score too)
    return TeamSheets(tuple(sheets), tuple(goals), referee, tuple(spans), tuple(lines), tuple(names), tuple(results),
                      tuple(team_goals), tuple(flashes))


# a print house style with no colons (the Observer's): "Aston Villa Stirrup; Heptinstall, Furlong,
# ...", then "Subs not used Gunnell, ...", "Booked Zubiri", "Goals Radosevic 29": a team's name,
# its keeper's surname and a semicolon, and at least eight more names on the line
_BARE_SHEET = re.compile(rf"^(?P<team>[{_UP}][\w&'.\-]*(?: [{_UP}][\w&'.\-]*){{0,4}}) (?=[{_UP}][\w'\-]+; (?:[^,;\n]+[,;] ?){{8,}})",
                         re.MULTILINE)
_BARE_KEYWORD = re.compile(r"^(?P<kw>Subs not used|Substitutes not used|Subs|Substitutes|Booked|Sent off|Goals?|Scorers)"
                           r" (?=[A-Z\u00c0-\u024f])|(?<=[a-z] )(?P<att>Attendance|Att) (?=\d)", re.MULTILINE)


def _surnames_only(line: str) -> bool:
    """The print style names its players by surname ("Stirrup; Heptinstall, Furlong"); a list of
    full names ("Alan Barragán; Ignacio Rivadeneira, ...") is another layout, under a heading."""
    items = [re.sub(r"\([^()]*\)", "", x).split() for x in re.split(r"[,;]", line)]
    items = [x for x in items if x]
    return bool(items) and sum(len(x) == 1 for x in items) >= 0.75 * len(items)


def _bare_labels(text: str, labelled: set[int]) -> list[tuple[int, int, str, int]]:
    """The labels of colonless team sheets, as `parse` reads its labels: (start, end, label, body start);
    the keyword lines only in an article that has such a sheet. A line `_LABEL` read is not one."""
    sheets = []
    for m in _BARE_SHEET.finditer(text):
        line_end = text.find("\n", m.end())
        if m.start() not in labelled and _surnames_only(text[m.end():line_end if line_end >= 0 else len(text)]):
            sheets.append((m.start(), m.end("team"), m.group("team"), m.end()))
    if not sheets:
        return []
    keywords = [(m.start(m.lastgroup), m.end(m.lastgroup), m.group(m.lastgroup), m.end())
                for m in _BARE_KEYWORD.finditer(text)]
    return sheets + keywords


# a label that names a part of the match, not a team: the team is the heading above it
_PERIOD_LABEL = re.compile(r"(?:first|second|1st|2nd) half|starting (?:xi|line-?up|eleven)|line-?ups?|"
                           r"starters|team ?sheet|(?:the )?teams?\b", re.I)


def _heading_above(text: str, start: int) -> tuple[int, int, str]:
    """The line above `start` when it is a short heading (a team's name, no colon): its span and
    text; else an empty label at `start`."""
    line_end = text.rfind("\n", 0, start)
    if line_end <= 0 or text[line_end:start].strip():
        return start, start, ""
    line_start = text.rfind("\n", 0, line_end) + 1
    while line_start > 0 and not text[line_start:line_end].strip(" .\t"):  # a cleaned page's " ." lines
        line_end = line_start - 1
        line_start = text.rfind("\n", 0, line_end) + 1
    heading = text[line_start:line_end].strip(" .\t")
    if not heading or ":" in heading or len(heading.split()) > 5 or not heading[:1].isupper():
        return start, start, ""
    first = line_start + text[line_start:line_end].index(heading)
    return first, first + len(heading), heading


def _before_vs(text: str, s: int, e: int, label: str, colon: int) -> tuple[int, int, str, int]:
    """The label of "Newcastle predicted lineup vs Aston Villa:" is Newcastle, not the opponent
    the colon follows."""
    line = text.rfind("\n", 0, s) + 1
    m = _NAMED_HEADING.match(text, line, e)
    if m is None or not m.group("vs") or m.start("team") == s:
        return s, e, label, colon
    return m.start("team"), m.end("team"), m.group("team"), colon


# "GK 1 Naoki Kamimura", "14 Kazuki Tachibana (C)", "GK: Tom Haddow - Five clean sheets in seven", "MF Leo Chasse": one player a line, with a
# position or a shirt number (or both) before the name
_PLAYER_LINE = re.compile(rf"^[ \t]*(?:(?:{_POSITION}[ \t]+(?:\d{{1,2}}\.?[ \t]+)?)|(?:\d{{1,2}}\.?[ \t]+)"
                          rf"|(?P<colon>{_POSITION}:[ \t]+))"
                          r"(?P<name>[^\n()]+?)[ \t]*(?:\(GK\)|(?P<captain>\((?i:" + "|".join(sorted(_CAPTAIN_MARKS, reverse=True))
                          + r")\.?\)))?"
                          # the substitute who replaced the player: "14 Dunkley (Pinnock 85)"
                          r"(?:[ \t]*\((?P<sub>[A-Z\u00c0-\u024f][^()\n\d]{0,40}?)[ \t]+\d{1,3}(?:\+\d{1,2})?'?\))?\.?"
                          r"(?:,?[ \t]+(?:Booked|Sent off|Substituted|Goal)\b[^\n]*"
                          r"|(?(colon)[ \t]+[-\u2013\u2014][ \t]+[^\n]*))?[ \t]*$", re.MULTILINE)
# "Formation 4-2-3-1" between a live page's team heading and its numbered line-up
_FORMATION_LINE = re.compile(r"^[ \t]*formation[ \t:]+\d(?:-\d){2,4}[ \t.]*$", re.I)
# what happened to the player on the line above: "Substituted for Gorman at 78' minutes", "Booked at 55mins"
_EVENT_LINE = re.compile(r"^[ \t]*(?:Booked|Sent off|Substituted|Goal)\b[^\n]*$")
_TRAILING_FORMATION = re.compile(r"\s*\(?\d(?:-\d){2,4}\)?[ \t.]*$")
# a heading that names no team: the list is the article's own club's (a club website)
_GENERIC_HEADINGS = re.compile(r"^(?:starting (?:members|line-?up|xi|eleven)|line-?ups?|team ?sheet|"
                               r"substitutes|subs|bench|the teams?|teams?|squad|match squad)$", re.I)
LIST_MIN = 7  # players a line-per-player list needs to be a line-up
# "Newcastle predicted lineup vs Aston Villa": the team is the one before the "vs"
_NAMED_HEADING = re.compile(r"[ \t]*(?P<team>[^\s:][^\n:]*?)[ \t]+(?:(?:predicted|probable|possible|expected|likely|"
                            r"confirmed|starting)[ \t]+)?(?:line-?ups?|XI|team)(?P<vs>[ \t]+(?:vs?\.?|against)[ \t]+"
                            r"[^\n:]*)?$", re.I)


_LIST_HEADING = re.compile(r"^[ \t]*(?:\d{1,2}[:.]\d{2}\s*[\u00b7\-|]\s*)?(?:(?!player[ \t]+ratings)(?P<team>[^\n:]{2,40}?)[ \t]+)?"
                           r"(?:line-?ups?|line up|starting (?:xi|line-?up|eleven)|xi|(?:player )?ratings)[ \t]*[.:]?[ \t]*$", re.I | re.M)
_SUBS_LINE = re.compile(r"^[ \t]*(?:substitutes|subs|bench)(?: not used)?[ \t]*:[ \t]*", re.I)


def _headed_lists(text: str) -> list[Sheet]:
    """A live page's line-up or a local paper's ratings: a heading line naming the team ("15:45
    \u00b7 Kaizer Chiefs lineup.", or none: "LINE-UP" on a club's own website, "PLAYER RATINGS")
    and the names on the next line ("Mthembu; Ngcobo, Jacobs, Dube (C), ..."), with the
    substitutes on the line after ("Substitutes: ...", "Subs not used: ...")."""
    out: list[Sheet] = []
    for m in _LIST_HEADING.finditer(text):
        lines = [x for x in re.finditer(r"[^\n]*", text[m.end():m.end() + 2000]) if x.group().strip(" .\t")][:2]
        if not lines:
            continue
        body_start = m.end() + lines[0].start()
        names = [n for n, _ in _names(lines[0].group(), body_start)]
        if len(names) < XI - 1:
            continue
        end = body_start + len(lines[0].group())
        subs = _SUBS_LINE.match(lines[1].group()) if len(lines) > 1 else None
        if subs:
            names += [n for n, _ in _names(lines[1].group()[subs.end():], m.end() + lines[1].start() + subs.end())]
            end = m.end() + lines[1].end()
        team = (m.group("team") or "").strip()  # "LINE-UP" alone: a club website's own team
        first = m.start("team") if team else body_start
        out.append(Sheet(team, first, first + len(team), tuple(names), first, end))
    return out


# a ratings heading on a line of its own: "PLAYER RATINGS", "EVERTON PLAYER RATINGS", "How the Reds rated"
_RATINGS_HEADING = re.compile(r"^[ \t]*(?:(?P<team>[^\n:]{2,40}?)[ \t]+)?(?:player[ \t]+)?(?:ratings|marks out of (?:ten|10))"
                              r"|^[ \t]*how (?:they|(?P<rated>[^\n:]{2,30}?)) rated", re.I)
# a rated player's line: "Lindahl 8 - Late save was worth the entrance fee.", "Harvey Lindqvist - 5",
# "Eyal Ben-Zion 7" (a hyphen inside a name),
# "Sankey: 7", "Cubero 8/10"
_RATED_LINE = re.compile(r"^[ \t]*(?P<name>(?:[^\n\d:()\-\u2013\u2014,]|(?<=\w)-(?=\w)){2,40}?)[ \t]*(?:\([A-Z]{1,3}\)[ \t]*)?(?:[:,\-\u2013\u2014][ \t]*)?"
                         r"(?:\d{1,2}(?:\.5)?)(?:/10| out of 10)?(?=[ \t]*(?:$|[:.,;(\-\u2013\u2014]))")
# a substitute rated inside a line: "Replaced by Maddocks (6) on 66 minutes", "Sub: Sequeira (n/a)"
_RATED_SUB = re.compile(r"(?:replaced by|subs?(?:titute)?:|on for [^\n(]{2,30}?:)[ \t]*(?P<name>[^\n\d:()]{2,40}?)[ \t]*"
                        r"\((?:\d{1,2}(?:\.5)?|n/?a)\)", re.I)
# the substitutes of a ratings piece, on a line of their own: "Subs: Ben Thorpe (for Varela, 75) 6 -
# Neat and tidy. Wes Lunn (for Mottershead, 82) - ...", and "Not used: Stoddart, Eyre, Gooch."
_RATED_SUBS_LINE = re.compile(r"^[ \t]*(?:subs|substitutes)[ \t]*:", re.I)
_FOR_SUB = re.compile(r"(?:^|[:.!?,;][ \t]+)(?P<name>[A-Z\u00c0-\u024f][\w'\u2019\-]+(?: [A-Z\u00c0-\u024f][\w'\u2019\-]+){0,2})"
                      r"[ \t]*\((?:on )?for [^()\n]+\)")
# (on a line of its own, or after the substitutes': "Subs: X (for Y, 70) 6. Not used: A, B.")
_NOT_USED_LINE = re.compile(r"(?:^[ \t]*|[.;][ \t]+)(?:(?:subs|substitutes)[ \t]+)?(?:not used|unused)[ \t]*:[ \t]*", re.I)
# the manager rated with his players: "MANAGER: HENDRIK AALDERS - 4", "Head coach Jorge Paixao 7"
_RATED_MANAGER = re.compile(r"^[ \t]*(?:manager|head coach|coach|boss)[ \t]*:?[ \t]+(?P<name>[^\n\d:()\-\u2013\u2014,]{2,40}?)"
                            r"[ \t]*(?:[:,\-\u2013\u2014][ \t]*)?(?:\d{1,2}(?:\.5)?|n/?a)(?:/10)?[ \t.]*$", re.I)
RATED_MIN = 5  # rated players that make a ratings list a line-up
# a team's marks written as one paragraph after its label (a Times house style): "Chelsea (3-4-2-1):
# É Lamarre 7 — Commanding from crosses. M Ellery 8 — Imperious. ... E Mensah-Bonsu 6 — Peripheral
# (S Whitlow 75min)": each name starts the paragraph, follows a sentence's end, or opens a bracket
# with its minute ("(J Etheridge 70min, 6 — Hit the post)")
_RATED_ITEM = re.compile(rf"(?:^|[.;!?:)][ \t]+|\()[ \t]*(?P<name>[{_UP}][\w'\u2019.\-]*(?: [{_UP}][\w'\u2019\-]*){{0,3}})[ \t]+"
                         r"(?:(?P<mark>\d{1,2}(?:\.5)?)(?=[ \t]*(?:[\u2014\u2013]|-[ \t]))|\d{1,3}(?:mins?|')(?=[ \t]*[,)]))")
_VERSUS = re.compile(r"\s(?:vs?\.?|against)\s", re.I)
_FORMATION = re.compile(r"\(\d(?:-\d){2,4}\)[ \t]*$")


def _marked_items(body: str, base: int) -> list[tuple[SheetName, str]]:
    """The names of a paragraph of marks, each with its mark ("" for a substitute's minute)."""
    out: list[tuple[SheetName, str]] = []
    for m in _RATED_ITEM.finditer(body):
        name = m.group("name")
        if _NAME.match(name) and not _UNNAMED.fullmatch(name) and name.lower() not in _KEYWORDS:
            out.append((SheetName(name, base + m.start("name"), base + m.end("name")), m.group("mark") or ""))
    return out


def _subheading(line: str) -> bool:
    """A team's heading inside a ratings piece: "Manchester City (4-3-3)", "WEST HAM", "Aston
    Villa" (capitalised words, no full stop), not a comment ("Tidy", "Made three saves.")."""
    text = _FORMATION.sub("", line).strip()
    words = text.split()
    if not words or len(words) > 5 or text[-1:] in ".!?:" or any(c.isdigit() for c in text):
        return False
    return bool(_FORMATION.search(line)) or text.isupper() and len(text) >= 4 or \
        len(words) >= 2 and all(w[:1].isupper() for w in words)


def _rated_lists(text: str) -> list[Sheet]:
    """A ratings piece written one player a line, each with a comment after or below ("Lindahl 8 -
    Late save ...", "Harvey Lindqvist - 5"): the team is the heading's ("EVERTON PLAYER RATINGS",
    or a team's line with its formation, "WOLVES (3-5-2)"), else the article's club (a bare
    "PLAYER RATINGS"). The list ends at the next heading or after
    three lines without a rating."""
    out: list[Sheet] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group().strip(" .\t")]
    i = 0
    while i < len(lines):
        start, line = lines[i]
        heading = _RATINGS_HEADING.match(line)
        team = ((heading.group("team") or heading.group("rated") or "").strip()) if heading else ""
        if heading is None and _FORMATION.search(line) and _subheading(line):
            team = _FORMATION.sub("", line).strip()  # "EVERTON (4-2-3-1)" over its rated players
        elif heading is None or line.rstrip(" .\t:").lower() != line[heading.start():heading.end()].rstrip(" .\t:").lower() \
                or _VERSUS.search(team):
            i += 1  # (a two-team piece's "Aston Villa vs Man City player ratings" rates each under its heading)
            continue
        players: list[SheetName] = []
        managers: list[SheetName] = []
        gap, j = 0, i + 1
        while j < len(lines) and gap < 3:
            at, row = lines[j]
            boss = _RATED_MANAGER.match(row) if players else None
            if boss and _NAME.match(boss.group("name").strip()):
                name = boss.group("name").strip()
                managers.append(SheetName(name, at + boss.start("name"), at + boss.start("name") + len(name)))
                gap, j = 0, j + 1
                continue
            if _RATINGS_HEADING.match(row) and _RATINGS_HEADING.match(row).end() >= len(row.rstrip(" .\t:")):
                break
            rated = _RATED_LINE.match(row)
            if not rated and _subheading(row):
                break  # "Manchester City (4-3-3)": another team's list begins
            if not rated and ":" in row and len(_names(row[row.index(":") + 1:], 0)) >= XI - 2:
                break  # "HUDDERSFIELD: Lockwood; Bainbridge, ...": the other side's line-up
            found = [(rated.start("name"), rated.group("name").strip())] if rated else []
            found += [(m.start("name"), m.group("name").strip()) for m in _RATED_SUB.finditer(row)]
            if players and _RATED_SUBS_LINE.match(row):
                found += [(m.start("name"), m.group("name")) for m in _FOR_SUB.finditer(row)]
            unused = _NOT_USED_LINE.search(row) if players else None
            if unused:
                found += [(n.start - at, n.name) for n, _ in _names(row[unused.end():], at + unused.end())]
            found = [(k, n) for k, n in found if _NAME.match(n) and not _UNNAMED.fullmatch(n)]
            for k, name in found:
                offset = at + row.index(name, k)
                players.append(SheetName(name, offset, offset + len(name)))
            gap = 0 if found else gap + 1
            j += 1
        if len(players) >= RATED_MIN:
            team = "" if team.lower() in ("player", "the", "our", "how the players") else team
            first = start + line.index(team) if team else players[0].start
            out.append(Sheet(team, first, first + len(team), tuple(players), first,
                             max([players[-1].end] + [m.end for m in managers]), managers=tuple(managers)))
            i = j
        else:
            i += 1
    return out


def _line_lists(text: str) -> list[Sheet]:
    """Line-ups written one player a line under a heading ("Kawasaki Frontale", "STARTING
    MEMBERS"; a "Formation 4-2-3-1" line between them is skipped), with the substitutes under
    theirs; a line may end in what happened to the player ("Booked at 55mins", "Substituted
    for Adeyemi at 82' minutes"). The team is the heading line when it is short and
    not generic; else "" (the caller takes the article's club). Runs interrupted only by generic
    headings ("SUBSTITUTES") are one sheet."""
    out: list[Sheet] = []
    # lines with text (a cleaned web page ends each block with "." and leaves " ." between blocks)
    lines = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]*", text) if m.group().strip(" .\t")]
    i = 0
    while i < len(lines):
        players: list[SheetName] = []
        j = i
        back = i - 2 if i > 1 and _FORMATION_LINE.match(lines[i - 1][2]) else i - 1
        heading: tuple[int, int, str] | None = lines[back] if back >= 0 else None
        while j < len(lines):
            start, end, line = lines[j]
            m = _PLAYER_LINE.match(line)
            name = m.group("name").strip() if m else ""
            if m and _NAME.match(name) and len(name) <= 40:
                offset = start + m.start("name")
                players.append(SheetName(name, offset, offset + len(name), bool(m.group("captain"))))
                sub = (m.group("sub") or "").strip()
                if sub and _NAME.match(sub):
                    players.append(SheetName(sub, start + m.start("sub"), start + m.start("sub") + len(sub)))
                j += 1
            elif players and _SUBS_LINE.match(line):  # "Substitutes not used: 13 Halliday, 16 Lambe"
                players += [n for n, _ in _names(line[_SUBS_LINE.match(line).end():], start + _SUBS_LINE.match(line).end())]
                j += 1
            elif players and (_GENERIC_HEADINGS.match(line.strip(" .\t")) or _EVENT_LINE.match(line)):
                j += 1  # "SUBSTITUTES" between the XI and the bench; "Substituted for Gorman at 78' minutes"
            else:
                break
        if len(players) >= LIST_MIN:
            label = _TRAILING_FORMATION.sub("", heading[2]).strip(" .\t") if heading else ""  # "Real Sociedad 4-3-3"
            named = None if _GENERIC_HEADINGS.match(label) else _NAMED_HEADING.match(label)
            label = named.group("team") if named else label  # "Newcastle predicted lineup vs Aston Villa"
            team = "" if not heading or _GENERIC_HEADINGS.match(label) or len(label.split()) > 5 else label
            first = heading[0] + heading[2].index(team) if heading and team else players[0].start
            out.append(Sheet(team, first, first + len(team), tuple(players), first, players[-1].end))
            i = j
        else:
            i = max(j, i + 1)
    return out


_SCORELINE = re.compile(r"^\S.*?\D(\d{1,2})\s?[-\u2013]\s?(\d{1,2})(?:\D.*)?$")
_SCORERS = re.compile(r"^\s*\((.*\d.*)\)\s*\.?\s*$")
_SIDES = re.compile(r"\s+[-\u2013\u2014;]\s+|^\s*[-\u2013\u2014;]\s+|\s+[-\u2013\u2014;]\s*$")


def _scorer_lines(text: str) -> list[ScorerLine]:
    """Scorers in brackets on the line under a scoreline, the sides split by a dash; with no dash,
    the side that scored (the other kept a clean sheet)."""
    out: list[ScorerLine] = []
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for (prev_start, prev), (start, line) in zip(lines, lines[1:]):
        result, inside = _SCORELINE.match(prev.strip(" .")), _SCORERS.match(line)
        if not result or not inside:
            continue
        home_goals, away_goals = int(result.group(1)), int(result.group(2))
        body_start = start + inside.start(1)
        parts = _SIDES.split(inside.group(1))
        if len(parts) == 2:
            split = _SIDES.search(inside.group(1))
            sides = ((parts[0], body_start), (parts[1], body_start + split.end()))
        elif home_goals == 0 or away_goals == 0:
            empty = ("", body_start)
            sides = (empty, (inside.group(1), body_start)) if home_goals == 0 else ((inside.group(1), body_start), empty)
        else:
            continue
        goals = [[_goal(name, note) for name, note in _names(part, base)] for part, base in sides]
        if goals[0] or goals[1]:
            out.append(ScorerLine(prev_start, tuple(goals[0]), tuple(goals[1]), start, start + len(line)))
    return out


# (a word of letters: "Glentoran P34 Pts 73" in a table is no result)
_TEAM = r"(?:[A-Z\u00c0-\u024f](?:[^\W\d_]|['\-])*)(?: (?:[A-Z\u00c0-\u024f](?:[^\W\d_]|['\-])*|&|and|de|del|la|upon|on|in))*?"
_END = r"(?<=[^\W\d_])"  # a team's name ends in a letter: "Bishop Auckland 3", not "Town 2 (Dunkley 34"
# a line that is only a result, the scorers in brackets after each side's goals:
# "GORLESTON 2 TIPTREE UNITED 1", "Lewes 1-2 Worthing: ...", "MATCH REPORT | Lewes 1-2 Worthing",
# "Brackley Town 2 (Dunkley 34, Orpin 77) Kidderminster Harriers 0. Att: 611", "NPL WA: Floreat
# Athena 1 Sorrento FC 2" (the competition first), a news agency's flash ("GOAL Everton 1
# Southampton 0 (Culshaw 11)", "FULL-TIME ..."), and with the
# regional papers' word between: "Valentine FC 1 (D Phan) d Adamstown Rosebud 0", "... lost to ..."
_LINK = r"(?:(?:d|def|bt|beat|drew|drew with|lost to|v|vs)\.?[ \t]+)?"
_RESULT_LINE = re.compile(
    rf"^[ \t]*(?:(?i:(?:match )?report|result|full[ -]time|ft)[ \t]*[|:\u2013\u2014][ \t]*"
    rf"|(?P<flash>GOAL|HALF-TIME|FULL-TIME|HT|FT|RESULT|LATEST)[ \t]+(?=[A-Z][a-z])"
    rf"|[A-Z][\w'\-]*(?: [\w'\-]+){{0,5}}, (?i:round|first|second|third|fourth|fifth|quarter|semi|final)[\w\- ]{{0,20}}:[ \t]+"
    rf"|(?!(?i:goals?|scorers|att|attendance|ref|referee|subs|booked)\b)[A-Z][\w'\-]*(?: [A-Z][\w'\-]*){{0,3}}:[ \t]+)?"
    rf"(?P<home>{_TEAM}){_END}[ \t]+(?:(?P<hg>\d{{1,2}})(?:[ \t]+\((?P<hs>[^()\n]*)\))?(?P<comma>,)?[ \t]+{_LINK}"
    rf"(?P<away>{_TEAM}){_END}[ \t]+(?P<ag>\d{{1,2}})(?:[ \t]+\((?P<as>[^()\n]*)\))?"
    rf"|(?P<hg2>\d{{1,2}})[ \t]?[-\u2013][ \t]?(?P<ag2>\d{{1,2}})[ \t]+(?P<away2>{_TEAM}){_END})"
    r"(?:[ \t]*(?:\(?a\.?e\.?t\.?\)?|\(?aet\)?))?[ \t]*(?:[.:;][ \t].*|, after extra time.*|[-\u2013\u2014][ \t].*|\.)?[ \t]*$",
    re.MULTILINE)  # (after a dash, the scorers: "Ynys Môn 1 Shetland 2 – Jamieson, Flaws")


# one result of several on a line, after a label: "RESULTS (round 12): Avondale 1 Melbourne
# Knights 1; Heidelberg United 2 South Melbourne 1; ..."
_RESULT_ITEM = re.compile(
    rf"[ \t]*(?P<home>{_TEAM}){_END}[ \t]+(?P<hg>\d{{1,2}})(?:[ \t]+\((?P<hs>[^()\n]*)\))?[ \t]+{_LINK}"
    rf"(?P<away>{_TEAM}){_END}[ \t]+(?P<ag>\d{{1,2}})(?:[ \t]+\((?P<as>[^()\n]*)\))?"
    r"(?:[ \t]*\(?a\.?e\.?t\.?\)?)?[ \t.]*")
# a league table's row: "1 South Melbourne 12 8 2 2 +14 26", "3. Celtic 30 21 5 4 44 68"
_TABLE_ROW = re.compile(rf"^[ \t]*\d{{1,2}}[.)]?[ \t]+(?P<team>{_TEAM}){_END}(?:[ \t]+[+\-\u2212]?\d{{1,3}}){{4,}}[ \t]*$",
                        re.MULTILINE)
TABLE_MIN = 4  # rows in a run that make it a table


# a result on two lines, each side with its goals and scorers (the Guardian's):
# "Barnet 2 Mulholland 34, Osei 81" / "Ipswich Town 1 Fearnley 55"
_SIDE_LINE = rf"[ \t]*(?P<{{0}}>{_TEAM}){_END}[ \t]+(?P<{{0}}g>\d{{{{1,2}}}})(?:[ \t]+(?P<{{0}}s>[^\n()]*\d[^\n()]*))?[ \t]*"
_TWO_LINES = re.compile("^" + _SIDE_LINE.format("home") + "\n" + _SIDE_LINE.format("away") + "$", re.MULTILINE)
_SIDE_ONLY = re.compile(r"[ \t]*[A-Z][^\n\d]{0,30}[ \t]+\d{1,3}%?[ \t]*(?:\n|$)")
_IN_PLAY = {"GOAL", "HALF-TIME", "HT", "LATEST"}
_DATE_WORDS = {"home", "away", "hosts", "visitors", "total", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
               "saturday", "sunday", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
               "dec", "january", "february", "march", "april", "june", "july", "august", "september", "october",
               "november", "december", "round", "matchday", "week", "group", "game", "leg", "page"}


MAX_GOALS = 20  # more goals than this in a line are minutes, not a score
# what a headline writes after a result: "EVERTON 1-3 WOLVES PLAYER RATINGS: ...", "... LIVE"
_HEADLINE_TAIL = re.compile(r"[ \t]+(?:player[ \t]+ratings|ratings|live|highlights|talking[ \t]+points|as it happened)$",
                            re.I)
# the agencies' "PHC Zebras 3, North Village Rams 1": a comma between the sides, as between the
# scorers of "Hale 12, Brook 18", so only goals a scorer's minute seldom is
COMMA_GOALS = 9


def _result_lines(text: str) -> tuple[list[ResultLine], list[ScorerLine]]:
    """Lines that are only a result: their sides are teams (whether or not any list knows them),
    and the scorers in brackets after a side's goals are that side's."""
    results: list[ResultLine] = []
    lines: list[ScorerLine] = []

    def add(m: re.Match[str], sides: tuple[str, str], goals: tuple[str, str], scorers: tuple[str, str]) -> bool:
        top = COMMA_GOALS if m.groupdict().get("comma") else MAX_GOALS
        if any(len(m.group(k).split()) > 5 or m.group(k).split()[0].lower() in _DATE_WORDS for k in sides) or \
                any(int(m.group(k)) > top for k in goals):
            return False  # ("Valletta 1" over "Grech 58": a scorer's minute is no team's goals)
        home, away = (SheetName(m.group(k), m.start(k), m.end(k)) for k in sides)
        tail = _HEADLINE_TAIL.search(away.name)
        if tail:
            away = SheetName(away.name[:tail.start()], away.start, away.start + tail.start())
        results.append(ResultLine(home, away, int(m.group(goals[0])), int(m.group(goals[1])), m.start(), m.end()))
        found = [[_goal(name, note) for name, note in _names(m.group(k), m.start(k))] if m.group(k) else []
                 for k in scorers]
        if found[0] or found[1]:
            lines.append(ScorerLine(m.start(), tuple(found[0]), tuple(found[1]), m.start(), m.end()))
        return True

    paired: list[tuple[int, int]] = []
    for m in _TWO_LINES.finditer(text):
        if _SIDE_ONLY.match(text, text.rfind("\n", 0, max(0, m.start() - 1)) + 1) or _SIDE_ONLY.match(text, m.end() + 1):
            continue  # a statistics table ("Home 15" / "Away 9" among "Corners 6" lines), not a result
        if all(_one_result(line) for line in text[m.start():m.end()].split("\n")):
            continue  # two results one under the other ("Fenerbahce 1 Galatasaray 1" / "Besiktas 2 Trabzonspor 0")
        if add(m, ("home", "away"), ("homeg", "awayg"), ("homes", "aways")):
            paired.append((m.start(), m.end()))
    for m in _RESULT_LINE.finditer(text):
        if m.group("flash") in _IN_PLAY:
            continue  # the score while the match goes on, and a bracket of the goal's scorer on no side
        if not any(a <= m.start() < b for a, b in paired):
            if m.group("away"):
                add(m, ("home", "away"), ("hg", "ag"), ("hs", "as"))
            else:
                add(m, ("home", "away2"), ("hg2", "ag2"), ("hs", "as"))
    for item in _result_items(text):
        add(item, ("home", "away"), ("hg", "ag"), ("hs", "as"))
    column, taken = _column_scorers(text, results)
    kept = [x for x in results if not any(a <= x.start < b for a, b in taken)]
    lines = [x for x in lines if not any(a <= x.start < b for a, b in taken)] + column
    return kept, lines


_FLASH = re.compile(rf"^[ \t]*(?:GOAL|Goal)!?[ \t]+(?P<home>{_TEAM}){_END}[ \t]+\d{{1,2}}[ \t]?[-\u2013][ \t]?\d{{1,2}}[ \t]+"
                    rf"(?P<away>{_TEAM}){_END}[ \t]+\((?P<scorer>[^()\n]*\d[^()\n]*)\)[ \t.]*$", re.MULTILINE)


# BBC Sport's live text: "Goal! Middlesbrough 3, Norwich City 1. Finn Lowther (Middlesbrough) right footed shot ..."
_LIVE_GOAL = re.compile(rf"^[ \t]*Goal![ \t]+(?P<home>{_TEAM}){_END}[ \t]+\d{{1,2}},[ \t]+(?P<away>{_TEAM}){_END}[ \t]+"
                        rf"\d{{1,2}}\.[ \t]+(?P<scorer>{_TEAM}){_END}[ \t]+\([^()\n]+\)", re.MULTILINE)


def _flash_goals(text: str) -> list[FlashGoal]:
    """The goal flashes of a live page (own goals are no one's goal in the match), and the BBC's
    live text's "Goal! A 3, B 1. Scorer (Team) ..." lines (its own goals read "Own Goal by ...")."""
    out = [FlashGoal(SheetName(m.group("home"), m.start("home"), m.end("home")),
                     SheetName(m.group("away"), m.start("away"), m.end("away")),
                     Goal(SheetName(m.group("scorer"), m.start("scorer"), m.end("scorer")), None, False), m.start(), m.end())
           for m in _LIVE_GOAL.finditer(text)]
    for m in _FLASH.finditer(text):
        names = _names(m.group("scorer"), m.start("scorer"))
        if len(names) != 1:
            continue
        goal = _goal(*names[0])
        if not goal.own_goal:
            out.append(FlashGoal(SheetName(m.group("home"), m.start("home"), m.end("home")),
                                 SheetName(m.group("away"), m.start("away"), m.end("away")), goal, m.start(), m.end()))
    return out


# a teletext or vidiprinter results page's scorers under "Arsenal        2-1 Tottenham", each
# in its side's column: "   Vautrin 23        Merriman 40" / "                     Dorsett 55"
_COLUMN_CHUNK = re.compile(r"(?P<name>[A-Z\u00c0-\u024f][\w'\-]*(?: [A-Z\u00c0-\u024f][\w'\-]*){0,2})[ \t]"
                           r"(?P<note>\d{1,3}(?:\+\d{1,2})?(?:,[ \t]?\d{1,3}(?:\+\d{1,2})?)*(?:[ \t]?(?:pen|og|p))?)")
_COLUMN_LINE = re.compile(rf"[ \t]+{_COLUMN_CHUNK.pattern}(?:[ \t]{{2,}}{_COLUMN_CHUNK.pattern.replace('?P<', '?P<a')})?[ \t]*")


def _column_scorers(text: str, results: list[ResultLine]) -> tuple[list[ScorerLine], list[tuple[int, int]]]:
    """The indented scorer lines under a dashed result ("Arsenal 2-1 Tottenham"), each name on its
    side by the column it starts in; they are no results ("Brosnan 38   Lalor 80")."""
    out: list[ScorerLine] = []
    taken: list[tuple[int, int]] = []
    for result in results:
        line_start = text.rfind("\n", 0, result.start) + 1
        if not re.search(r"\d[ \t]?[-\u2013][ \t]?\d", text[result.home.end:result.away.start]):
            continue
        away_column = result.away.start - line_start
        pos = text.find("\n", result.end)
        while pos != -1:
            end = text.find("\n", pos + 1)
            end = len(text) if end == -1 else end
            m = _COLUMN_LINE.fullmatch(text, pos + 1, end)
            if m is None:
                break
            home: list[Goal] = []
            away: list[Goal] = []
            for name, note in (("name", "note"), ("aname", "anote")):
                if m.group(name):
                    side = away if m.start(name) - pos - 1 >= away_column - 2 else home
                    side.append(_goal(SheetName(m.group(name), m.start(name), m.end(name)), m.group(note)))
            out.append(ScorerLine(result.start, tuple(home), tuple(away), pos + 1, end))
            taken.append((pos + 1, end))
            pos = end if end < len(text) else -1
    return out, taken


def _result_items(text: str) -> list[re.Match[str]]:
    """Results listed on one line, split by semicolons (else commas: "RESULTS: Ba 2 Lautoka 1,
    Rewa 1 Suva 0, Nadi 2 Labasa 2."), after an optional label ("RESULTS (round 12):",
    "Saturday:"): every part must be a result, and there must be two at least."""
    out: list[re.Match[str]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, end = line.start(), line.end()
        sep = ";" if ";" in line.group() else ","
        if sep not in line.group():
            continue
        colon = text.find(": ", start, end)
        if colon != -1 and sep not in text[start:colon]:
            start = colon + 2
        items: list[re.Match[str]] = []
        pos = start
        for part in text[start:end].split(sep):
            if part.strip(" \t."):
                m = _RESULT_ITEM.fullmatch(text, pos, pos + len(part))
                if m is None:
                    items = []
                    break
                items.append(m)
            pos += len(part) + 1
        if len(items) >= 2:
            out += items
    return out


def _table_teams(text: str) -> list[SheetName]:
    """The teams of a league table's rows, in runs of TABLE_MIN rows or more."""
    out: list[SheetName] = []
    run: list[SheetName] = []
    last_end = -2
    for m in _TABLE_ROW.finditer(text):
        if text[last_end:m.start()].strip(" \t\n."):
            out += run if len(run) >= TABLE_MIN else []
            run = []
        run.append(SheetName(m.group("team"), m.start("team"), m.end("team")))
        last_end = m.end()
    return out + (run if len(run) >= TABLE_MIN else [])


# nor a box score's statistics ("Saves: CLEM 4 (Castellano), WAKE 5 (Pruitt)")
_NOT_TEAM_LABELS = {"by", "posted", "published", "updated", "last", "date", "time", "kick-off", "ko",
                    "shots", "saves", "corner", "corners", "fouls", "offsides", "possession", "cautions"}


def _goals_line(label: str, body: str, names: list[tuple[SheetName, str]]) -> bool:
    """A label over a few names each with a minute, on one line: a team's scorers ("Hamworthy:
    Seabright 41, Kimber 88"), not a date ("Posted: June 3 2019") nor a byline."""
    # every part a name (or another minute of the name before: "Seabright 41, 67"), not "results
    # and scorers from the NPL Queensland, FQPL 1 and FQPL 2"
    parts = [p for p in re.split(r"[,;]|\band\b", body) if p.strip(" .\n") and not _MINUTE_ONLY.fullmatch(p)]
    return 0 < len(names) == len(parts) < 7 and "\n" not in body.strip() and label.split()[0].lower() not in _NOT_TEAM_LABELS \
        and all(re.match(r"\d", note) and not {w.lower() for w in name.name.split()} & _DATE_WORDS
                for name, note in names)


_MINUTE_ONLY = re.compile(r"\s*\d{1,3}(?:\+\d{1,2})?'?\s*(?:\(?(?:pen|p|og)\)?)?\s*\.?\s*", re.I)


def _coded_goals(names: list[tuple[SheetName, str]]) -> list[tuple[SheetName, tuple[Goal, ...]]]:
    """A goals line split by teams' box-score codes, each before its scorers: "SEA – Echenique
    19'; SAC – Fofanah 72'". Nothing unless the line starts with a code."""
    out: list[tuple[SheetName, list[Goal]]] = []
    for name, note in names:
        if _CODE.fullmatch(name.name) and not note:
            out.append((name, []))
        elif out:
            out[-1][1].append(_goal(name, note))
        else:
            return []
    return [(team, tuple(scored)) for team, scored in out if scored]


_CODE = re.compile(r"[A-Z]{2,5}")


def _one_result(line: str) -> bool:
    """A line that is a whole result with goals a scoreline has, not a side and a scorer's minute."""
    m = _RESULT_LINE.fullmatch(line)
    return m is not None and int(m.group("ag") or m.group("ag2")) <= 9


def _goal(name: SheetName, note: str) -> Goal:
    """A scorer and the note after the name: "68", "90+2'", "75 og", "71' pen."."""
    minute = re.match(r"\d{1,3}", note)
    return Goal(name, int(minute.group()) if minute else None, bool(re.search(r"\bo\.?g\b", note)))


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
