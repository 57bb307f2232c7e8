"""Tell article text from the lines around it: titles, bylines, captions, boilerplate.

Each paragraph gets a kind from cue lists (en, fr, de, es, it, ru) plus structure (its
place in the document, its length, whether it ends like a sentence). Cues live in
``comparekit/data/kind_cues.json`` so they can be extended without code changes.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_TERMINAL = ".!?…。！？"


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    raw = json.loads(resources.files("comparekit.data").joinpath("kind_cues.json").read_text("utf-8"))
    return {
        kind: re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
        for kind, patterns in raw.items()
        if not kind.startswith("_")
    }


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip("\"'”’»)] \u00a0")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _is_name_line(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _ends_sentence(text)


def paragraph_kinds(paragraphs: list[str], *, short_line_max_words: int) -> list[str | None]:
    """A kind for each paragraph, or ``None`` where sentence-level rules decide (body,
    title, standfirst)."""
    cues = _cues()
    kinds: list[str | None] = []
    in_related_list = False
    for i, para in enumerate(paragraphs):
        text = para.strip()
        words = len(text.split())
        short = words <= short_line_max_words
        kind: str | None = None
        if cues["related_heading"].search(text):
            kind = "related"
            in_related_list = True  # a heading that introduces a list of links
        elif cues["related_inline"].search(text) and words <= 30:
            kind = "related"
        elif in_related_list and words <= 20 and not text.endswith("."):
            kind = "related"
        elif cues["tags"].search(text) and short:
            kind = "tags"
        elif cues["byline"].search(text) and words <= 14:
            kind = "byline"
        elif i > 0 and kinds[-1] == "byline" and _is_name_line(text):
            kind = "byline"
        elif cues["caption"].search(text) and words <= 60:
            kind = "caption"
        elif cues["credit"].search(text) and words <= 30:
            kind = "credit"
        elif cues["dateline"].search(text) and words <= 14:
            kind = "dateline"
        elif cues["boilerplate"].search(text) and words <= 25:
            kind = "boilerplate"
        if kind != "related":
            in_related_list = False
        kinds.append(kind)
    return kinds
