"""Load a source file into a :class:`~comparekit.document.Document`.

Bytes are decoded to ``str`` with no newline translation, so that report offsets are
code-point offsets into exactly what the file says. UTF-8 is tried first; anything else
is decoded by detection (charset-normalizer) and the encoding is recorded in ``meta``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import unicodedata
from pathlib import Path

from comparekit.document import Document
from comparekit.errors import InputError
from comparekit.settings import Settings

log = logging.getLogger(__name__)

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tie-break order for legacy encodings (share of web pages, W3Techs 2024).
_PREFERRED = [
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "cp1250",
    "iso8859_2",
    "gb18030",
    "shift_jis",
    "euc_kr",
    "big5",
]
# C0 controls other than tab, newline, vertical tab (a line break in text exported from Word),
# form feed and carriage return: signs of binary data.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def doc_id_for(path: str | os.PathLike[str]) -> str:
    """A document id from a file name: its stem, with anything unsafe replaced."""
    stem = Path(path).name
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    safe = re.sub(r"[^\w.-]+", "_", stem).strip("._")
    return safe or "document"


def decode_bytes(data: bytes, *, name: str, settings: Settings) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, encoding)``.

    Raises :class:`InputError` for empty, whitespace-only and binary input.
    """
    if not data:
        raise InputError(f"{name}: file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                damaged = None
                if encoding == "utf-8-sig":  # Notepad's UTF-8, with a stray byte
                    damaged = _damaged_utf8(data[len(bom) :], settings.load.utf8_max_invalid_share)
                if damaged is None:
                    raise InputError(
                        f"{name}: has a {encoding} byte-order mark but does not decode: {exc.reason}"
                    ) from exc
                _warn_damaged(name, damaged[1])
                text = damaged[0]
            return _check_text(text, name), encoding
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return _check_text(utf16[0], name), utf16[1]
    controls = len(_CONTROL.findall(data[:1_000_000]))
    if controls > max(1.0, settings.load.binary_control_share * min(len(data), 1_000_000)):
        raise InputError(f"{name}: looks like a binary file, not text ({controls} control bytes)")
    try:
        return _check_text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, settings.load.utf8_max_invalid_share)
    if damaged is not None:
        _warn_damaged(name, damaged[1])
        return _check_text(damaged[0], name), "utf-8"
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(f"{name}: not UTF-8 and no text encoding fits it")
    # charset-normalizer often ties several single-byte code pages (cp1250/cp1252/...);
    # among the tied best, prefer the ones most common on the web.
    best_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= best_chaos + 0.01]
    best_coherence = max(m.coherence for m in tied)
    tied = [m for m in tied if m.coherence >= best_coherence - 0.01]
    tied.sort(key=lambda m: _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED))
    encoding = tied[0].encoding
    text = data.decode(encoding)
    log.info("%s: not UTF-8, decoded as %s", name, encoding)
    return _check_text(text, name), encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """``(text, encoding)`` for UTF-16 without a byte-order mark: text in Latin, Cyrillic,
    Greek ... scripts has a NUL as the high byte of most characters, all on odd offsets
    (little-endian) or all on even ones (big-endian). Binary data has NULs on both."""
    sample = data[:100_000]
    if len(data) % 2 or len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for encoding, nuls, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nuls >= 0.5 * half and other == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            if _CONTROL.search(text[:50_000].encode("utf-8")):  # 16-bit numbers, not text
                return None
            return text, encoding
    return None


def _warn_damaged(name: str, invalid: int) -> None:
    log.warning(
        "%s: %d byte sequence%s not valid UTF-8; read as U+FFFD (the rest is UTF-8)",
        name,
        invalid,
        " is" if invalid == 1 else "s are",
    )


def _replaced(text: str, data: bytes) -> int:
    """How many byte sequences of ``data`` its UTF-8 decoding ``text`` read as U+FFFD
    (U+FFFD characters written in the file itself do not count)."""
    return text.count("\ufffd") - data.count("\ufffd".encode())


def _damaged_utf8(data: bytes, max_invalid_share: float) -> tuple[str, int] | None:
    """``(text, invalid sequences)`` when ``data`` is UTF-8 with a few bad bytes (a stray
    byte, a character cut off at the end): decoded with U+FFFD for each bad sequence.
    None when the invalid sequences outnumber ``max_invalid_share`` times the valid
    non-ASCII characters: then it is another encoding."""
    text = data.decode("utf-8", errors="replace")
    invalid = _replaced(text, data)
    valid = sum(1 for ch in text if ord(ch) > 127) - invalid
    if invalid > max_invalid_share * valid:
        return None
    return text, invalid


def _check_text(text: str, name: str) -> str:
    # zero-width spaces, joiners and BOMs (category Cf) show nothing either
    if not any(not ch.isspace() and unicodedata.category(ch) != "Cf" for ch in text):
        raise InputError(f"{name}: file has no text (only whitespace)")
    if not any(ch.isalnum() for ch in text):
        raise InputError(f"{name}: file has no words (no letters or digits, only punctuation or symbols)")
    return text


def load_path(path: str | os.PathLike[str], *, settings: Settings, doc_id: str | None = None) -> Document:
    """Read one source file into a Document with ``raw_text`` and ``meta``."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name}: is not a regular file (a device, pipe or socket)")
        size = info.st_size
        if size > settings.load.max_bytes:
            raise InputError(
                f"{name}: {size:,} bytes is over the limit of {settings.load.max_bytes:,}"
                " (setting load.max_bytes)"
            )
        data = p.read_bytes()
    except PermissionError as exc:
        raise InputError(f"{name}: cannot be read (permission denied)") from exc
    except OSError as exc:
        raise InputError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if p.suffix.lower() in (".html", ".htm"):
        from comparekit.load.html import load_html

        return load_html(data, name=name, settings=settings, doc_id=doc_id or doc_id_for(p), path=name)
    fmt = "markdown" if p.suffix.lower() in (".md", ".markdown") else "text"
    return load_bytes(data, name=name, settings=settings, doc_id=doc_id or doc_id_for(p), path=name, fmt=fmt)


def load_bytes(
    data: bytes,
    *,
    name: str,
    settings: Settings,
    doc_id: str,
    path: str | None = None,
    fmt: str = "text",
) -> Document:
    """Decode bytes into a Document (the same checks as :func:`load_path`); ``fmt`` is
    "text" or "markdown" (markup left out by the clean stage)."""
    text, encoding = decode_bytes(data, name=name, settings=settings)
    meta = {
        "encoding": encoding,
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "format": fmt,
    }
    if encoding in ("utf-8", "utf-8-sig") and (invalid := _replaced(text, data)):
        meta["decode_errors"] = invalid  # bytes read as U+FFFD (errors="replace")
    return Document(id=doc_id, raw_text=text, path=path, meta=meta)
