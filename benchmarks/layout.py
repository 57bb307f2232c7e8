"""Wrapped text or a paragraph a line: how often clean's layout test (clean._wrapped,
settings ``clean.wrapped_*``) misreads a text, on real texts of both layouts.

- a paragraph a line: the 246 HTML pages of trafilatura's benchmark as a naive scraper's
  lines (benchmarks/scrape.py, no blank line between blocks) and as trafilatura's own text
  output (default and favor_recall), NTREX-128 documents (a sentence a line, en/fr/de/ru)
  and the TransRead books (a sentence a line). Misread = read as wrapped, which is how
  every text was read before the test existed.
- wrapped: the same NTREX documents filled by textwrap (three sentences a paragraph,
  paragraphs on consecutive lines) at each width, the same at 72 characters with two to
  four short list lines after each paragraph, and the Carnegie seed (a PDF export).
  Misread = read as a paragraph a line, which breaks sentences apart.

Run: ``.venv/bin/python benchmarks/layout.py [--widths 35,60,80,100,120] [--settings F]``
(about a minute; needs trafilatura, the ``html`` extra).
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import scrape  # noqa: E402

NTREX = scrape.DATA / "alignment" / "ntrex128" / "by_doc"
TRANSREAD = scrape.DATA / "alignment" / "transread_en-fr"
#: Sentences a paragraph when NTREX documents are filled (a short news paragraph).
SENTENCES_PER_PARAGRAPH = 3


def misread(texts: list[str], wrapped: bool, settings) -> tuple[int, int]:
    """(texts read the other way, texts)."""
    from comparekit.clean import _split_lines, _wrapped

    return sum(_wrapped(_split_lines(t), settings) != wrapped for t in texts), len(texts)


def filled(doc: str, width: int, list_lines: int = 0) -> str:
    """``doc`` (a sentence a line) as paragraphs filled at ``width``, each followed by
    ``list_lines`` short list items (a plain-text mail or newsletter with lists)."""
    sentences = [s for s in doc.splitlines() if s.strip()]
    step = SENTENCES_PER_PARAGRAPH
    paragraphs = [" ".join(sentences[i : i + step]) for i in range(0, len(sentences), step)]
    blocks = []
    for k, p in enumerate(paragraphs):
        blocks.append(textwrap.fill(p, width))
        blocks += [f"- Point {k}.{j} to note" for j in range(list_lines)]
    return "\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    import trafilatura

    from comparekit.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--widths", default="35,60,80,100,120")
    ap.add_argument("--settings", type=Path, help="a settings TOML file (same sections as defaults.toml)")
    args = ap.parse_args(argv)
    settings = Settings.from_file(args.settings) if args.settings else Settings()
    widths = [int(w) for w in args.widths.split(",")]

    pages = json.loads(scrape.TRAFILATURA.read_text("utf-8"))
    html = [scrape.HTML_DIR / p["file"] for p in pages.values() if (scrape.HTML_DIR / p["file"]).exists()]
    data = [h.read_bytes() for h in html]
    ntrex = {
        lang: [p.read_text("utf-8") for p in sorted((NTREX / lang).glob("*.txt"))]
        for lang in ("eng", "fra", "deu", "rus")
    }
    rows = [
        ("naive scraper's lines", False, [scrape.naive_page_text(d, "\n") for d in data]),
        ("trafilatura text output", False, [trafilatura.extract(d) or "" for d in data]),
        ("trafilatura, favor_recall", False, [trafilatura.extract(d, favor_recall=True) or "" for d in data]),
        ("NTREX, a sentence a line", False, [d for docs in ntrex.values() for d in docs]),
        (
            "TransRead, a sentence a line",
            False,
            [p.read_text("utf-8") for p in sorted([*TRANSREAD.glob("*.en"), *TRANSREAD.glob("*.fr")])],
        ),
    ]
    rows += [
        (f"NTREX filled at {w}", True, [filled(d, w) for docs in ntrex.values() for d in docs])
        for w in widths
    ]
    rows += [
        (
            f"NTREX at 72, {n} list lines a paragraph",
            True,
            [filled(d, 72, n) for docs in ntrex.values() for d in docs],
        )
        for n in (2, 3, 4)
    ]
    rows.append(
        (
            "Carnegie seed (PDF export)",
            True,
            [(ROOT / "seeds" / "carnegie_russia_mediation.txt").read_text("utf-8")],
        )
    )
    print(f"{'texts':32} {'layout':>18} {'misread':>8} {'of':>6}")
    for name, wrapped, texts in rows:
        bad, n = misread([t for t in texts if t], wrapped, settings)
        print(f"{name:32} {'wrapped' if wrapped else 'a paragraph a line':>18} {bad:8d} {n:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
