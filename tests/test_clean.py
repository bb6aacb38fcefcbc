from hypothesis import given
from hypothesis import strategies as st

from kg.clean import clean
from kg.records import OffsetMap


def test_clean_removes_credit_debris_and_caption_counts():
    raw = ("Intro sentence.\n5Liverpool stars danced after beating Chelsea in the finalCredit: Sky "
           "Sports5The winners sang along in the roomCredit: Sky SportsBased on the outcome, fine.\n")
    c = clean(raw)
    assert "Credit" not in c.text and "Sky Sports" not in c.text
    assert "Liverpool stars danced after beating Chelsea in the final." in c.text
    assert "\nThe winners sang along in the room.\nBased on the outcome" in c.text
    assert "5Liverpool" not in c.text and "5The" not in c.text


def test_clean_drops_page_furniture_lines_bullets_and_decodes_entities():
    raw = "A &#163;38m fee &amp; more.\nYour browser does not support iframes.\n  \u2022 Bullet point\nRelated Post\n"
    c = clean(raw)
    assert "A £38m fee & more." in c.text
    assert "iframes" not in c.text and "Related Post" not in c.text and "\u2022" not in c.text
    assert "Bullet point" in c.text


def test_clean_reads_a_leading_date_line():
    c = clean(" date 2024-02-26 Jurgen Klopp's last dance.")
    assert c.date == "2024-02-26"
    assert c.text.startswith("Jurgen Klopp's last dance.")
    start, end = c.offsets.span(0, 6)
    assert " date 2024-02-26 Jurgen Klopp's last dance."[start:end] == "Jurgen"


def test_clean_offsets_point_into_the_original():
    raw = "Van Dijk\u2019s header &amp; \u201cOne Kiss\u201d.\r\nCredit: Getty\n5Liverpool won."
    c = clean(raw)
    i = c.text.index("Liverpool won")
    s, e = c.offsets.span(i, i + len("Liverpool won"))
    assert raw[s:e] == "Liverpool won"
    j = c.text.index("header")
    s, e = c.offsets.span(j, j + 6)
    assert raw[s:e] == "header"


@given(st.text(max_size=300))
def test_clean_offsets_are_monotonic_and_in_bounds(raw):
    c = clean(raw)
    assert len(c.offsets.starts) == len(c.text) == len(c.offsets.ends)
    previous = 0
    for s, e in zip(c.offsets.starts, c.offsets.ends):
        assert 0 <= s <= e <= len(raw)
        assert s >= previous
        previous = s


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_clean_kept_characters_map_to_themselves(raw):
    c = clean(raw)
    for i, ch in enumerate(c.text):
        s, e = c.offsets.starts[i], c.offsets.ends[i]
        if e - s == 1 and raw[s] == ch:
            continue
        # replaced or normalised characters map to the span they stand for
        assert e >= s


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 3), st.booleans()), max_size=40))
def test_offset_map_runs_give_back_every_character(pieces):
    """Runs of kept text and of replacements, in any mix: each character maps back as given."""
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for length, gap, replaced in pieces:
        pos += gap
        if replaced:
            starts += [pos] * length
            ends += [pos + 2] * length
            pos += 2
        else:
            starts += range(pos, pos + length)
            ends += range(pos + 1, pos + length + 1)
            pos += length
    m = OffsetMap.from_spans(starts, ends)
    assert m.starts == tuple(starts) and m.ends == tuple(ends) and len(m) == len(starts)
    for i in range(len(starts)):
        for j in range(i + 1, min(len(starts), i + 4) + 1):
            assert m.span(i, j) == (starts[i], ends[j - 1])
    assert m == OffsetMap.from_spans(list(starts), list(ends))
