import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg import serialize
from kg.vocab import FKG, ID

NASTY = ['He said "hi"', "back\\slash", "line\nbreak\r\ttab", "</script><script>alert(1)</script>",
         "emoji \U0001F3C6 \u26BD", "\u05de\u05db\u05d1\u05d9 \u05ea\u05dc \u05d0\u05d1\u05d9\u05d1", "\x00\x07 control",
         "'''triple'''", '"""', "end\\"]


def _triples(texts):
    return [(ID[f"person/p{i}"], RDFS.label, Literal(t)) for i, t in enumerate(texts)] + [
        (ID["person/p0"], FKG.confidence, Literal("0.50", datatype=XSD.decimal))]


def test_serialize_round_trips_awkward_text_through_turtle_and_trig():
    triples = _triples(NASTY)
    g = Graph().parse(data=serialize.turtle(triples), format="turtle")
    assert set(g) == set(triples)
    ds = Dataset()
    ds.parse(data=serialize.trig(triples, {ID["article/a"]: triples}), format="trig")
    assert len(ds.graph(ID["article/a"])) == len(triples)


@settings(max_examples=60)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), min_size=1, max_size=5))
def test_serialize_round_trips_any_text(texts):
    triples = _triples(texts)
    g = Graph().parse(data=serialize.turtle(triples), format="turtle")
    assert set(g) == set(triples)


def test_serialize_is_independent_of_input_order():
    triples = _triples(NASTY) + [(ID["club/liverpool"], FKG.playsFor, URIRef("https://example.org/x y"))]
    shuffled = triples[:]
    random.Random(3).shuffle(shuffled)
    assert serialize.turtle(triples) == serialize.turtle(shuffled)


def test_serialize_uses_readable_prefixed_names():
    text = serialize.turtle([(ID["player/virgil-van-dijk"], FKG.playsFor, ID["club/liverpool"])])
    assert "player:virgil-van-dijk fkg:playsFor club:liverpool ." in text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(NASTY + ["", "plain"]), max_size=6), st.integers(0, 3))
def test_serialize_streamed_files_are_the_same_bytes_as_the_strings(texts, graphs):
    """`write_turtle_and_trig` (what a build writes, a graph at a time) == `turtle` and `trig`."""
    import io

    default = _triples(texts)
    named = {ID[f"article/a{g}"]: _triples(texts[g:]) for g in range(graphs)}
    named[ID["article/empty"]] = []
    from contextlib import nullcontext

    ttl, trig = io.StringIO(newline=""), io.StringIO(newline="")
    serialize.write_turtle_and_trig(default, named, lambda: nullcontext(ttl), lambda: nullcontext(trig))
    assert ttl.getvalue() == serialize.turtle(default)
    assert trig.getvalue() == serialize.trig(default, named)
