"""HTML input: trafilatura extracts the article; offsets point into the extracted text."""

import sys

import pytest
from conftest import require_shared_data

from comparekit.detect.scrape import detect
from comparekit.errors import InputError
from comparekit.load import load_path
from comparekit.pipeline import prepare

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Russia calls for calm in the Caucasus</title>
<meta property="og:site_name" content="Example News">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Russia calls for calm in the Caucasus</h1>
<p>The conflict in Nagorno-Karabakh places Russia in an uncomfortable situation, as it is an
ally of both countries and sells weapons to both armies.</p>
<p>The armed clash between Armenians and Azerbaijanis in</p>
<p>is a headache for Russian diplomacy, which has long tried to keep both sides close.</p>
<p>Moscow therefore remains extremely cautious in its reactions and calls for an immediate
ceasefire, inviting the two parties to sit down at the negotiating table.</p>
</article>
<footer><p>Copyright 2020 Example News. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "example.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_html_is_extracted_with_trafilatura(page, settings):
    import trafilatura

    doc = load_path(page, settings=settings)
    assert doc.meta["format"] == "html"
    assert doc.meta["extractor"] == "trafilatura"
    assert doc.meta["extractor_version"] == trafilatura.__version__
    assert doc.meta["title"] == "Russia calls for calm in the Caucasus"
    assert "<p>" not in doc.raw_text and "Home" not in doc.raw_text.split("\n")
    assert doc.raw_text.startswith("Russia calls for calm in the Caucasus\n\n")


def test_detectors_run_on_the_extracted_text(page, settings):
    doc = prepare(load_path(page, settings=settings), settings=settings)
    flags = detect(doc, settings=settings)
    (gap,) = [f for f in flags if f.type == "gap"]
    assert doc.raw_text[gap.start : gap.end] == gap.text
    assert gap.text.split() == ["in", "is"]
    for seg in doc.segments:
        assert " ".join(doc.raw_text[seg.start : seg.end].split()) == " ".join(seg.text.split())


def test_htm_suffix_and_report_fields(tmp_path, settings, use_fake_encoder):
    from comparekit.pipeline import analyze
    from comparekit.report import build_report

    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    report = build_report(analyze([path], settings=settings))
    (doc,) = report["documents"]
    assert doc["format"] == "html" and doc["extractor"] == "trafilatura" and doc["extractor_version"]
    assert doc["outlet"] == "Example News"


def test_page_without_article_text_is_an_input_error(tmp_path, settings):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><script>var x = 1;</script><div></div></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        load_path(path, settings=settings)


def test_missing_extra_says_how_to_install(page, settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError, match=r"comparekit\[html\]"):
        load_path(page, settings=settings)


def test_real_page_from_the_trafilatura_benchmark(settings):
    path = require_shared_data("scrape", "trafilatura_eval", "html", "aclu.org-grades.html")
    doc = prepare(load_path(path, settings=settings), settings=settings)
    assert doc.meta["outlet"] == "American Civil Liberties Union"
    assert doc.language == "en"
    assert sum(s.kind == "body" for s in doc.segments) > 10


def test_utf8_page_with_a_stray_byte_keeps_its_accents(tmp_path, settings):
    """trafilatura decoded a UTF-8 page with one invalid byte as a legacy code page, so the
    whole article became mojibake ('prÃĐsident'); the page is now read as UTF-8 with the
    byte as U+FFFD, like a text file (load.utf8_max_invalid_share)."""
    para = "Le président russe a déclaré mardi que Moscou était prête à négocier à Genève. " * 3
    page = f"<html><head><title>Nouvelles</title></head><body><article><p>{para}</p><p>{para}</p>"
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("utf-8") + b"\xff</article></body></html>")
    doc = load_path(p, settings=settings)
    assert "président" in doc.raw_text and "Ã" not in doc.raw_text
    assert doc.meta["decode_errors"] == 1
    assert doc.meta["encoding"] == "utf-8"


def test_the_page_encoding_is_recorded(tmp_path, settings):
    """Every HTML page was recorded as encoding 'utf-8', a cp1251 page too: the record now
    names the encoding the page was read with."""
    para = "Президент России заявил сегодня, что переговоры продолжатся на следующей неделе в Москве."
    page = "<html><head><meta charset='windows-1251'><title>Новости</title></head><body><article>"
    page += "".join(f"<p>{para} ({n})</p>" for n in range(6)) + "</article></body></html>"
    p = tmp_path / "page.html"
    p.write_bytes(page.encode("cp1251"))
    doc = load_path(p, settings=settings)
    assert "Президент" in doc.raw_text
    assert doc.meta["encoding"] in ("cp1251", "windows-1251")
