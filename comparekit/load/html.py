"""Load an HTML page: extract the article with trafilatura (the ``html`` extra).

The document's ``raw_text`` is the extracted text — the page title, then trafilatura's
text lines, one blank line between them so that each extracted block is a paragraph —
and every offset in the report points into that text, not into the HTML. ``meta``
records the extractor and its version, the page's sha256, and the title, site name
(``outlet``), author, date and URL that trafilatura found.
"""

from __future__ import annotations

import hashlib
import logging

from comparekit.document import Document
from comparekit.errors import InputError
from comparekit.settings import Settings

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")


def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:  # the optional extra is not installed
        raise InputError("reading .html files needs trafilatura: pip install 'comparekit[html]'") from exc
    # trafilatura and htmldate log their own warnings ("discarding data: None") on the
    # root handler; comparekit reports an unusable page itself, in one line.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return trafilatura


def extract_html(data: bytes | str, *, name: str, settings: Settings) -> tuple[str, dict]:
    """Extract ``(text, meta)`` from HTML bytes; raises :class:`InputError` when the page
    has no article text."""
    trafilatura = _trafilatura()
    cfg = settings.html
    result = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=cfg.include_comments,
        include_tables=cfg.include_tables,
        favor_precision=cfg.favor_precision,
        deduplicate=False,
    )
    body = (getattr(result, "text", None) or "") if result is not None else ""
    lines = [" ".join(line.split()) for line in body.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise InputError(f"{name}: trafilatura found no article text in this HTML page")
    title = " ".join((getattr(result, "title", None) or "").split())
    if title and lines[0] != title:
        lines.insert(0, title)
    meta = {
        "extractor": "trafilatura",
        "extractor_version": trafilatura.__version__,
        "title": title or None,
        "outlet": getattr(result, "sitename", None) or getattr(result, "hostname", None),
        "author": getattr(result, "author", None),
        "date": getattr(result, "date", None),
        "url": getattr(result, "url", None),
    }
    return "\n\n".join(lines) + "\n", {k: v for k, v in meta.items() if v}


def load_html(
    data: bytes, *, name: str, settings: Settings, doc_id: str, path: str | None = None
) -> Document:
    """An HTML page as a Document of its extracted article text (see the module doc)."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    page, decode_errors, encoding = _read_page(data, name=name, settings=settings)
    text, extracted = extract_html(page, name=name, settings=settings)
    meta = {
        "format": "html",
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "encoding": encoding,
        **extracted,
    }
    if decode_errors:
        meta["decode_errors"] = decode_errors
    log.info("%s: extracted %d characters with trafilatura %s", name, len(text), meta["extractor_version"])
    return Document(id=doc_id, raw_text=text, path=path, meta=meta)


def _read_page(data: bytes, *, name: str, settings: Settings) -> tuple[bytes | str, int, str]:
    """``(page, bad sequences, encoding)``. A UTF-8 page with a few bad bytes is decoded
    here (each as U+FFFD) because trafilatura would decode it whole as a legacy code page;
    any other page goes to trafilatura as bytes, which honours its ``<meta charset>``, and
    its encoding is the one trafilatura's ``decode_file`` reads it with (after UTF-8, the
    first of its guesses that decodes)."""
    from trafilatura.utils import detect_encoding, handle_compressed_file

    from comparekit.load import _damaged_utf8, _warn_damaged

    try:
        data.decode("utf-8")
        return data, 0, "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data, settings.load.utf8_max_invalid_share)
    if damaged is not None:
        _warn_damaged(name, damaged[1])
        return damaged[0], damaged[1], "utf-8"
    unpacked = handle_compressed_file(data)
    guesses = ["utf-8"] if unpacked is not data else []
    for guess in guesses + list(detect_encoding(unpacked)):
        try:
            unpacked.decode(guess)
            return data, 0, guess
        except (LookupError, UnicodeDecodeError):
            continue
    return data, 0, "utf-8 (with errors replaced)"
