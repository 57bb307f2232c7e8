"""Scrape-detector quality on real data (prints tables; also used by the eval gates).

1. trafilatura's benchmark (../shared/data/scrape/trafilatura_eval/evaldata_full.json):
   each page has ``with`` snippets (article text) and ``without`` snippets (boilerplate a
   good extractor drops). Each snippet is fed alone, as a one-line document, through the
   real stages (clean, segment with kinds) and the scrape detector, with the page's
   language (langdetect over the page's ``with`` snippets, seeded). A snippet counts as
   flagged when a non-article flag (boilerplate, byline, related_links, tags) covers it.
   recall = flagged ``without`` / all ``without``; wrong-flag rate = flagged ``with`` /
   all ``with`` (precision target: wrong-flag rate <= 5%). Snippets carry no page
   context, so only cue lists, the strict one-line label rule and the line model's
   ``alone`` part (comparekit/segment/linemodel.py) can fire; in a real document the
   neighbour rules add more.
   Pages are split by sorted URL: even = dev half (used to choose cues and settings, and
   the only half benchmarks/train_line_model.py reads), odd = held-out half.
   "in-page": the 246 pages whose HTML is in ``html/`` are turned into text the way a
   naive scraper would (lxml, scripts and styles dropped, every block element its own
   paragraph, nothing removed), run through the same stages as one document, and each
   snippet found verbatim in that text counts as flagged when a non-article flag
   overlaps it. This is closer to real scraped input: neighbours and runs can speak.
   Its dev / held-out halves use the same rule (the page's index among all pages sorted by
   URL, even = dev), so a page is on the same side in both tables.
   "in-page, single newlines": the same pages with the blocks' lines joined by one newline,
   as a scraper that writes no blank line between blocks does (clean reads a paragraph a
   line: clean.wrapped_* settings).
   "extracted": the same pages as trafilatura's own text output (``trafilatura.extract``,
   default settings; a paragraph a line): real extractor output, where most boilerplate is
   already gone, so few ``without`` snippets are left to find (54) and every flag on the
   article text is an editor's loss.
2. NTREX-128 English news (by_doc/eng/*.txt, sentences joined as paragraphs): every
   scrape flag there is a false flag; rate per 10,000 words.

Run: ``.venv/bin/python benchmarks/scrape.py`` (about a minute on 2 busy cores);
``--update-floors`` re-pins tests/eval/scrape_floors.json from the measured scores.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TRAFILATURA = DATA / "scrape" / "trafilatura_eval" / "evaldata_full.json"
NTREX_ENG = DATA / "alignment" / "ntrex128" / "by_doc" / "eng"
#: Languages reported on their own; the rest are pooled as "other".
LANGUAGES = ("de", "en", "es", "fr", "it", "ru")


def _page_language(snippets: list[str], settings) -> str:
    """The page's language: langdetect (seeded) over its ``with`` snippets. Called directly
    rather than through comparekit's langid stage, so that the per-language groups of the
    floors do not move when that stage is tuned."""
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return detect("\n".join(snippets))
    except LangDetectException:
        return "und"


def snippet_flagged(text: str, language: str, settings) -> bool:
    """Whether the scrape detector calls a lone snippet non-article text."""
    from comparekit.clean import clean
    from comparekit.detect.scrape import NON_ARTICLE_TYPES, detect
    from comparekit.document import Document
    from comparekit.segment import segment

    if not text.strip():
        return False
    doc = segment(clean(Document(id="s", raw_text=text), settings=settings), settings=settings)
    doc = dataclasses.replace(doc, language=language)
    return any(f.type in NON_ARTICLE_TYPES for f in detect(doc, settings=settings))


def trafilatura_scores(path: Path = TRAFILATURA, settings=None) -> dict:
    """Per-language (and per split) counts and rates; see the module docstring."""
    from comparekit.settings import Settings

    settings = settings or Settings()
    pages = json.loads(path.read_text("utf-8"))
    counts: dict[str, Counter] = {}
    for i, url in enumerate(sorted(pages)):
        page = pages[url]
        lang = _page_language(page["with"], settings)
        group = lang if lang in LANGUAGES else "other"
        split = "dev" if i % 2 == 0 else "heldout"
        for key in ("with", "without"):
            for snippet in page[key]:
                flagged = snippet_flagged(snippet, lang, settings)
                for g in (group, "all", f"all:{split}", f"{group}:{split}"):
                    counts.setdefault(g, Counter())[(key, flagged)] += 1
    out = {}
    for g, c in sorted(counts.items()):
        n_with = c[("with", True)] + c[("with", False)]
        n_without = c[("without", True)] + c[("without", False)]
        out[g] = {
            "with": n_with,
            "without": n_without,
            "wrong_flag_rate": round(c[("with", True)] / n_with, 4) if n_with else None,
            "recall": round(c[("without", True)] / n_without, 4) if n_without else None,
        }
    return out


HTML_DIR = TRAFILATURA.parent / "html"
_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 td th tr table dt dd dl blockquote pre figcaption figure "
    "header footer nav section article aside main form br hr address label button option".split()
)


def snippet_span(text: str, snippet: str) -> tuple[int, int] | None:
    """Where ``snippet`` (its whitespace collapsed, as naive_page_text writes text) stands
    verbatim in a page's text, or None when it is not found there."""
    needle = " ".join(snippet.split())
    at = text.find(needle) if needle else -1
    return (at, at + len(needle)) if at >= 0 else None


def overlaps(span: tuple[int, int], spans) -> bool:
    """Whether ``span`` overlaps any of ``spans`` (half-open ranges)."""
    return any(a < span[1] and span[0] < b for a, b in spans)


def naive_page_text(data: bytes, separator: str = "\n\n") -> str:
    """Everything a naive scraper keeps: each block element's text as a paragraph (as a
    line, with ``separator="\\n"``: a scraper that writes no blank line between blocks)."""
    import lxml.html

    root = lxml.html.fromstring(data)
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
            el.text = "\n\n" + (el.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return separator.join(line for line in lines if line) + "\n"


def naive_lines_text(data: bytes) -> str:
    """A naive scraper's text with no blank line between blocks (the single-newline table)."""
    return naive_page_text(data, "\n")


def extracted_text(data: bytes) -> str:
    """What trafilatura (the ``html`` extra) keeps of a page, as its text output writes it:
    a paragraph a line, no blank lines; "" when it finds no article."""
    import trafilatura

    return trafilatura.extract(data) or ""


def _trafilatura_version() -> str:
    import trafilatura

    return trafilatura.__version__


def inpage_scores(
    path: Path = TRAFILATURA, html_dir: Path = HTML_DIR, settings=None, page_text=naive_page_text
) -> dict:
    """Recall / wrong-flag rate on snippets inside scraped pages (module doc); ``page_text``
    turns a page's HTML bytes into the text comparekit reads (a naive scraper's by
    default)."""
    from comparekit.clean import clean
    from comparekit.detect.scrape import NON_ARTICLE_TYPES, detect
    from comparekit.document import Document
    from comparekit.segment import segment
    from comparekit.settings import Settings

    settings = settings or Settings()
    pages = json.loads(path.read_text("utf-8"))
    counts: dict[str, Counter] = {}
    for i, url in enumerate(sorted(pages)):
        page = pages[url]
        split = "dev" if i % 2 == 0 else "heldout"  # the snippet table's rule (index over all pages)
        html = html_dir / page["file"]
        if not html.exists():
            continue
        raw = page_text(html.read_bytes())
        lang = _page_language(page["with"], settings)
        doc = segment(clean(Document(id="page", raw_text=raw), settings=settings), settings=settings)
        doc = dataclasses.replace(doc, language=lang)
        spans = [(f.start, f.end) for f in detect(doc, settings=settings) if f.type in NON_ARTICLE_TYPES]
        group = lang if lang in LANGUAGES else "other"
        for key in ("with", "without"):
            for snippet in page[key]:
                span = snippet_span(raw, snippet)
                for g in (group, "all", f"all:{split}", f"{group}:{split}"):
                    c = counts.setdefault(g, Counter())
                    if span is None:
                        c[(key, "missing")] += 1
                        continue
                    c[(key, overlaps(span, spans))] += 1
    out = {}
    for g, c in sorted(counts.items()):
        n_with = c[("with", True)] + c[("with", False)]
        n_without = c[("without", True)] + c[("without", False)]
        out[g] = {
            "with": n_with,
            "without": n_without,
            "not_found": c[("with", "missing")] + c[("without", "missing")],
            "wrong_flag_rate": round(c[("with", True)] / n_with, 4) if n_with else None,
            "recall": round(c[("without", True)] / n_without, 4) if n_without else None,
        }
    return out


def ntrex_false_flags(folder: Path = NTREX_ENG, settings=None) -> dict:
    """Scrape flags on clean NTREX English news, per 10,000 words."""
    from comparekit.detect.scrape import detect
    from comparekit.document import Document
    from comparekit.pipeline import prepare
    from comparekit.settings import Settings

    settings = settings or Settings()
    words = 0
    flags: list[dict] = []
    for path in sorted(folder.glob("*.txt")):
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        doc = prepare(Document(id=path.stem, raw_text="\n\n".join(lines)), settings=settings)
        words += len(doc.raw_text.split())
        for f in detect(doc, settings=settings):
            flags.append({"doc": f.doc, "type": f.type, "text": f.text[:60]})
    return {
        "documents": len(list(folder.glob("*.txt"))),
        "words": words,
        "flags": len(flags),
        "per_10k_words": round(10_000 * len(flags) / words, 4) if words else None,
        "by_type": dict(sorted(Counter(f["type"] for f in flags).items())),
        "examples": flags[:20],
    }


FLOORS = ROOT / "tests" / "eval" / "scrape_floors.json"
#: Groups with enough snippets to gate on (it/ru have under 10 each in this benchmark).
GATED = ("all", "all:dev", "all:heldout", "de", "en", "es", "fr")
#: In-page groups gated (the 246 pages hold few es/fr snippets).
INPAGE_GATED = ("all", "all:dev", "all:heldout", "de", "en")
#: Margins between the measured score and the pinned floor / ceiling.
RECALL_MARGIN = 0.02
WRONG_FLAG_MARGIN = 0.01


def sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def ntrex_digest(folder: Path = NTREX_ENG) -> str:
    """One sha256 over the NTREX English files (name + content, sorted)."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(folder.glob("*.txt")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _pinned(table: dict, groups) -> dict:
    return {
        g: {
            "measured": table[g],
            "min_recall": round(table[g]["recall"] - RECALL_MARGIN, 4),
            "max_wrong_flag_rate": round(table[g]["wrong_flag_rate"] + WRONG_FLAG_MARGIN, 4),
        }
        for g in groups
    }


def update_floors(scores: dict, inpage: dict, lines: dict, extracted: dict, ntrex: dict) -> dict:
    """Floors pinned a little below (ceilings a little above) the measured scores."""
    floors = {
        "_about": "Written by `benchmarks/scrape.py --update-floors`; checked by tests/eval/test_scrape_gate.py.",
        "trafilatura_sha256": sha256(TRAFILATURA),
        "ntrex_eng_sha256": ntrex_digest(),
        "trafilatura_version": _trafilatura_version(),
        "trafilatura": _pinned(scores, GATED),
        "inpage": _pinned(inpage, INPAGE_GATED),
        "inpage_lines": _pinned(lines, INPAGE_GATED),
        "extracted": _pinned(extracted, INPAGE_GATED),
        "ntrex": {
            "measured": {k: ntrex[k] for k in ("documents", "words", "flags", "per_10k_words")},
            # Issue 6's target is <= 1 flag per 10,000 words: the ceiling never goes above it
            # unless the measured rate already does.
            "max_per_10k_words": round(
                max(ntrex["per_10k_words"], min(ntrex["per_10k_words"] + 0.5, 1.0)), 4
            ),
        },
    }
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", "utf-8")
    return floors


def _print_table(scores: dict) -> None:
    """One table of benchmarks/scrape.py: per group, snippet counts, wrong flags, precision, recall."""
    print(f"{'group':14} {'with':>6} {'without':>8} {'wrong flags':>12} {'precision':>10} {'recall':>8}")
    for g, s in scores.items():
        wr = s["wrong_flag_rate"]
        print(
            f"{g:14} {s['with']:6d} {s['without']:8d} {wr if wr is not None else '-':>12} "
            f"{round(1 - wr, 4) if wr is not None else '-':>10} {s['recall'] if s['recall'] is not None else '-':>8}"
        )


def main(argv: list[str] | None = None) -> int:
    import logging

    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING)
    scores = trafilatura_scores()
    print("trafilatura_eval, one snippet = one document (precision = 1 - wrong-flag rate on `with`)")
    _print_table(scores)
    inpage = inpage_scores()
    print("\nin-page: the 246 HTML pages as a naive scraper's text, one document per page (split as above)")
    _print_table(inpage)
    lines = inpage_scores(page_text=naive_lines_text)
    print("\nin-page, single newlines: the same pages with no blank line between the blocks' lines")
    _print_table(lines)
    extracted = inpage_scores(page_text=extracted_text)
    print("\nextracted: the same pages as trafilatura's text output (what it left in, a paragraph a line)")
    _print_table(extracted)
    nt = ntrex_false_flags()
    print(
        f"\nNTREX eng: {nt['documents']} documents, {nt['words']} words, {nt['flags']} flags, "
        f"{nt['per_10k_words']} per 10,000 words {nt['by_type']}"
    )
    for ex in nt["examples"]:
        print("  ", ex)
    if "--update-floors" in argv:
        update_floors(scores, inpage, lines, extracted, nt)
        print(f"\nfloors written to {FLOORS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
