import pytest

from comparekit.errors import InputError
from comparekit.load import doc_id_for, load_path


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "only whitespace"),
        (b"\x00\x01\x02PK\x03\x04" * 200, "binary"),
        ("\u200b\u2003\ufeff\u3000\n".encode(), "only whitespace"),  # zero-width and wide spaces
        (b"!!! ... ???\n--- *** ;;;\n", "no letters or digits"),
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


_FR = "Le président a déclaré que la Fédération de Russie était prête à négocier à Genève. " * 3


@pytest.mark.parametrize(
    "data, bad_at",
    [
        (_FR.encode()[:60] + b"\xff" + _FR.encode()[60:], 54),  # one stray byte after 6 accents
        (_FR.encode() + "é".encode()[:1], len(_FR)),  # cut off in the middle of a character
    ],
)
def test_utf8_with_a_few_bad_bytes_stays_utf8(tmp_path, settings, data, bad_at):
    """A UTF-8 file with one invalid byte used to be decoded as iso8859_10 as a whole, so
    every accent became mojibake ('prÃĐsident') and every later stage worked on that."""
    p = tmp_path / "damaged.txt"
    p.write_bytes(data)
    doc = load_path(p, settings=settings)
    assert doc.meta["encoding"] == "utf-8" and doc.meta["decode_errors"] == 1
    assert doc.raw_text.count("président") == 3 and doc.raw_text[bad_at] == "\ufffd"
    assert doc.raw_text == data.decode("utf-8", errors="replace")


@pytest.mark.parametrize("encoding", ["cp1252", "cp1250", "cp1251", "gbk", "shift_jis", "euc_kr"])
def test_legacy_encodings_are_not_read_as_damaged_utf8(tmp_path, settings, encoding):
    text = {
        "cp1252": _FR,
        "cp1250": "Předseda vlády řekl, že Česká republika je připravena zprostředkovat jednání. ",
        "cp1251": "Президент России заявил, что Москва готова выступить посредником. ",
        "gbk": "俄罗斯总统周二表示，莫斯科准备在亚美尼亚和阿塞拜疆之间进行调解。",
        "shift_jis": "ロシアのプーチン大統領は火曜日、モスクワは仲介をする用意があると述べた。",
        "euc_kr": "러시아 대통령은 모스크바가 중재할 준비가 되어 있다고 말했다.",
    }[encoding] * 3
    p = tmp_path / "legacy.txt"
    p.write_bytes(text.encode(encoding))
    doc = load_path(p, settings=settings)
    assert doc.meta["encoding"] != "utf-8" and "\ufffd" not in doc.raw_text


def test_vertical_tab_line_breaks_are_text(tmp_path, settings):
    """Word writes a manual line break (Shift+Enter) as a vertical tab (\\x0b) in exported
    text; eight of them in a 2 KB article made it 'a binary file' (exit 3)."""
    para = "Twelve soldiers were killed in clashes on the border, officials said.\x0bThe ceasefire did not hold. "
    p = tmp_path / "word_export.txt"
    p.write_text(para * 8, "utf-8")
    assert load_path(p, settings=settings).raw_text == para * 8


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded(tmp_path, settings, encoding):
    """UTF-16 with no byte-order mark (some Windows tools, SQL Server exports) was refused
    as 'a binary file' because every other byte of Latin text is NUL."""
    p = tmp_path / "export.txt"
    p.write_bytes(_FR.encode(encoding))
    doc = load_path(p, settings=settings)
    assert doc.raw_text == _FR and doc.meta["encoding"] == encoding


def test_sixteen_bit_binary_is_not_read_as_utf16(tmp_path, settings):
    p = tmp_path / "samples.txt"
    p.write_bytes(bytes(b for k in range(3000) for b in (k % 250 + 1, 0)))  # little-endian shorts
    with pytest.raises(InputError, match="binary"):
        load_path(p, settings=settings)


def test_utf8_with_bom_and_a_stray_byte_stays_utf8(tmp_path, settings):
    """Notepad saves UTF-8 with a BOM; with one stray byte such a file was refused ('has a
    utf-8-sig byte-order mark but does not decode'), while the same file without a BOM is
    read as UTF-8 with one U+FFFD."""
    p = tmp_path / "notepad.txt"
    p.write_bytes(b"\xef\xbb\xbf" + _FR.encode() + b"\xff\n")
    doc = load_path(p, settings=settings)
    assert doc.meta["encoding"] == "utf-8-sig" and doc.meta["decode_errors"] == 1
    assert doc.raw_text == _FR + "\ufffd\n"


def test_a_stray_nul_in_a_short_file_is_not_binary(tmp_path, settings):
    """load.binary_control_share 'leaves room for a stray NUL', but not below 1,000 bytes:
    a 300-byte news brief with one NUL was refused as a binary file."""
    p = tmp_path / "brief.txt"
    text = "Twelve soldiers were killed in clashes on the border, officials said on Tuesday. " * 3
    text = text.replace("border,", "border,\x00", 1)
    p.write_text(text, "utf-8")
    assert load_path(p, settings=settings).raw_text == text
