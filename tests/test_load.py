import pytest

from comparekit.errors import InputError
from comparekit.load import doc_id_for, load_path


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "only whitespace"),
        (b"\x00\x01\x02PK\x03\x04" * 200, "binary"),
    ],
)
def test_bad_files_raise_one_line(tmp_path, settings, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=message) as info:
        load_path(p, settings=settings)
    assert "\n" not in str(info.value)


def test_missing_and_directory(tmp_path, settings):
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "nope.txt", settings=settings)
    with pytest.raises(InputError, match="directory"):
        load_path(tmp_path, settings=settings)


def test_too_large_is_refused(tmp_path, settings):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    small = settings.replace("load", max_bytes=100)
    with pytest.raises(InputError, match="load.max_bytes"):
        load_path(p, settings=small)


def test_cp1252_is_decoded_and_recorded(tmp_path, settings):
    p = tmp_path / "legacy.txt"
    text = "Le président a déclaré que la Fédération de Russie était « prête » à négocier. " * 5
    p.write_bytes(text.encode("cp1252"))
    doc = load_path(p, settings=settings)
    assert doc.raw_text == text
    assert doc.meta["encoding"] != "utf-8"


def test_newlines_are_not_translated(tmp_path, settings):
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"First line.\r\nSecond line.\r\n")
    assert load_path(p, settings=settings).raw_text == "First line.\r\nSecond line.\r\n"


def test_utf8_bom_and_doc_id(tmp_path, settings):
    p = tmp_path / "my article (v2).txt"
    p.write_bytes(b"\xef\xbb\xbfHello world.")
    doc = load_path(p, settings=settings)
    assert doc.raw_text == "Hello world." and doc.meta["encoding"] == "utf-8-sig"
    assert doc_id_for(p) == "my_article_v2"
