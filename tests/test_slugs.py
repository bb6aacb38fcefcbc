import re

from hypothesis import given
from hypothesis import strategies as st

from kg.slugs import fold, name_key, slugify


def test_slugs_are_readable():
    assert slugify("Virgil van Dijk") == "virgil-van-dijk"
    assert slugify("Jürgen Klopp") == "jurgen-klopp"
    assert slugify("Martin Ødegaard") == "martin-odegaard"
    assert slugify("N'Diaye-Morel") == "n-diaye-morel"


def test_slugs_name_key_ignores_accents_hyphens_and_spacing():
    assert name_key("Trent-Alexander Arnold") == name_key("Trent Alexander-Arnold")
    assert name_key("Jürgen Klopp") == name_key("Jurgen  Klopp")
    assert fold("ÉLAN") == "elan"


@given(st.text(max_size=200))
def test_slugs_only_use_safe_characters(text):
    slug = slugify(text)
    assert re.fullmatch(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?", slug)
    assert len(slug) <= 80
    assert slugify(slug) == slug
