import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.readers import decode, find_sources, make_document, read_source


def _read(path: Path, **kw):
    sources, errors = find_sources([str(path)])
    assert not errors
    return [item for s in sources for item in read_source(s, **kw)]


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"abc\x00def", "binary"),
    (b"caf\xe9 au lait", "not UTF-8"),
    (bytes(range(1, 32)) * 40, "binary"),
])
def test_readers_reject_bad_bytes_with_a_named_one_line_error(data, problem):
    with pytest.raises(InputError) as err:
        decode(data, "bad.txt")
    message = str(err.value)
    assert "bad.txt" in message and problem in message and "\n" not in message


def test_readers_reject_oversized_files(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000)
    [item] = _read(p, max_bytes=100)
    assert isinstance(item, InputError) and "limit" in str(item)


def test_readers_accept_bom_and_crlf(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffLiverpool beat Chelsea.\r\nKlopp was happy.\r\n".encode("utf-8"))
    [doc] = _read(p)
    assert "Liverpool beat Chelsea." in doc.text and "\r" not in doc.text
    i = doc.text.index("Klopp")
    s, e = doc.offsets.span(i, i + 5)
    assert doc.original[s:e] == "Klopp"


def test_readers_missing_path_is_reported():
    sources, errors = find_sources(["no/such/file.txt"])
    assert not sources and "no such file" in str(errors[0])


def test_readers_jsonl_one_article_per_line_with_metadata(tmp_path):
    p = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": "a1", "text": "Arsenal beat Spurs.", "title": "Derby", "date": "2024-01-02"}),
             "not json", json.dumps({"id": "a2"}), json.dumps({"id": "a3", "text": "Chelsea lost."})]
    p.write_text("\n".join(lines))
    items = _read(p)
    docs = [i for i in items if not isinstance(i, InputError)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a1", "a3"]
    assert docs[0].title == "Derby" and docs[0].date == "2024-01-02"
    assert any("c.jsonl:2" in e for e in errors) and any("c.jsonl:3" in e for e in errors)


def test_readers_html_keeps_article_text_and_drops_boilerplate():
    html = ("<html><head><title>Hearts 3-1 Hibs</title><script>var x='<p>no</p>';</script></head>"
            "<body><nav><a href='/'>Home</a> Aberdeen</nav><article><h1>Hearts 3-1 Hibs</h1>"
            "<p>Hearts beat Hibernian &amp; moved\n   third. It cost &#163;5.</p></article>"
            "<footer>Copyright</footer></body></html>")
    doc = make_document(html, "x.html", "x", html=True)
    assert doc.title == "Hearts 3-1 Hibs"
    assert "Hearts beat Hibernian & moved third. It cost £5." in doc.text
    assert "Aberdeen" not in doc.text and "Copyright" not in doc.text and "var x" not in doc.text
    i = doc.text.index("Hibernian")
    s, e = doc.offsets.span(i, i + len("Hibernian"))
    assert html[s:e] == "Hibernian"


def test_readers_txt_title_is_a_headline_line_followed_by_a_blank_line():
    doc = make_document("UNITED IN TALKS FOR STRIKER\n\nManchester United are in talks.", "t.txt", "t")
    assert doc.title == "UNITED IN TALKS FOR STRIKER"
    doc = make_document("Liverpool won the cup.\nThey celebrated.", "t.txt", "t")
    assert doc.title is None
