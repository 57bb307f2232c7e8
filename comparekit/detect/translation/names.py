"""Names in a translated text: romanisation variants, titles the gazetteer contradicts,
and one person spelled differently across sources.

Works on each segment's cleaned text and reports raw offsets (``Document.to_raw``).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from comparekit.detect.translation.gazetteer import ROLE_NAMES
from comparekit.detect.translation.index import NameIndex, NameMatch, default_index
from comparekit.document import Document
from comparekit.results import Finding
from comparekit.translit import fold, is_latin

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {
    "fr": "French",
    "de": "German",
    "pl": "Polish",
    "tr": "Turkish",
    "cs": "Czech/Slovak",
    "es": "Spanish",
    "it": "Italian",
    "ca": "Catalan",
    "nl": "Dutch",
    "en": "non-standard English",
}

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")

# English titles -> the gazetteer role codes they name. Longest alternatives first.
TITLES: tuple[tuple[str, frozenset[str], str], ...] = (
    (r"supreme leader|ayatollah", frozenset({"sl"}), "Supreme Leader"),
    (r"vice[- ]president", frozenset({"vp"}), "Vice President"),
    (
        r"foreign minister|foreign secretary|secretary of state|minister of foreign affairs"
        r"|foreign affairs minister|high representative",
        frozenset({"fm", "hr"}),
        "Foreign Minister",
    ),
    (
        r"defen[cs]e minister|defen[cs]e secretary|secretary of defen[cs]e|minister of defen[cs]e"
        r"|armed forces minister|minister of the armed forces|secretary of war",
        frozenset({"dm"}),
        "Defence Minister",
    ),
    (r"prime minister|premier", frozenset({"pm"}), "Prime Minister"),
    (r"chancellor", frozenset({"chan", "exch"}), "Chancellor"),
    (r"president", frozenset({"pres", "ecp", "eucp", "epp"}), "President"),
    (r"king|queen", frozenset({"mon"}), "King/Queen"),
)
ROLE_TITLES = {
    "pres": "President",
    "pm": "Prime Minister",
    "chan": "Chancellor",
    "fm": "Foreign Minister",
    "dm": "Defence Minister",
    "sl": "Supreme Leader",
    "mon": "King/Queen",
    "vp": "Vice President",
    "exch": "Chancellor",
    "ecp": "President",
    "eucp": "President",
    "hr": "High Representative",
    "epp": "President",
}
_NAME_TOKEN = r"(?:[A-ZÀ-ÞĀ-Ž][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?|[A-Z]\.|von|van|de|der|le|zu)"
# Titles match in any case; the name after them must be capitalised (case-sensitive).
TITLE_RE = re.compile(
    r"(?P<former>\b(?i:former|ex-|then-|then|erstwhile)\s+)?"
    r"(?P<title>\b(?i:" + "|".join(t[0] for t in TITLES) + r"))\s+"
    r"(?P<name>" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){0,3})"
)
_NOT_TITLE_BEFORE = re.compile(r"(?:vice|deputy|first deputy|shadow|acting vice)[\s-]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A capitalised word read as a gazetteer name part (raw offsets)."""

    start: int
    end: int
    text: str
    matches: tuple[NameMatch, ...]
    segment: int


def doc_date(doc: Document) -> dt.date | None:
    """``doc.meta["date"]`` as a date (ISO string, date or datetime), else ``None``."""
    value = doc.meta.get("date")
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        log.warning("%s: meta date %r is not an ISO date; roles checked at any date", doc.id, value)
        return None


def segments_of(doc: Document) -> Iterator[tuple[int, str, int]]:
    """(segment index, cleaned text, cleaned start) for each segment, or the whole text."""
    if doc.segments:
        for seg in doc.segments:
            yield seg.index, seg.text, seg.text_start
    else:
        yield 0, doc.text if doc.text is not None else doc.raw_text, 0


@lru_cache(maxsize=50_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def index_for(settings) -> NameIndex:
    cfg = settings.translation
    return default_index(
        cfg.gazetteer or None,
        fuzzy_cutoff=cfg.name_fuzzy_cutoff,
        min_length=cfg.name_min_length,
        generic_min_length=cfg.name_generic_min_length,
    )


def mentions(doc: Document, index: NameIndex, settings) -> list[Mention]:
    """Every Latin-script capitalised word that reads as a gazetteer name part."""
    cfg = settings.translation
    out = []
    memo: dict[str, tuple] = {}  # a long document repeats its names: look each word up once
    for seg_index, text, base in segments_of(doc):
        for m in WORD.finditer(text):
            word = _POSSESSIVE.sub("", m.group())
            if len(word) < cfg.name_min_length or not word[0].isupper() or not is_latin(word):
                continue
            if not index.is_accepted(word) and _zipf(fold(word)) >= cfg.name_max_english_zipf:
                continue  # a common English word ("Which", "Should"), not a name
            if word not in memo:
                memo[word] = tuple(x for x in index.match(word) if x.score >= cfg.name_fuzzy_cutoff)
            found = memo[word]
            if found:
                start, end = doc.to_raw(base + m.start(), base + m.start() + len(word))
                out.append(Mention(start, end, word, found, seg_index))
    return out


def _resolves_to(mention: Mention, person: int) -> bool:
    return any(x.person == person and x.part == "surname" for x in mention.matches)


def transliteration_findings(
    doc: Document, found: Sequence[Mention], index: NameIndex, settings
) -> list[Finding]:
    """``transliteration_variant`` flags: a surname (or a given name just before a surname
    of the same person) spelled the way another language romanises it."""
    findings = []
    for k, m in enumerate(found):
        if index.is_accepted(m.text):
            continue
        surnames = [x for x in m.matches if x.part == "surname"]
        pick = surnames[0] if surnames else None
        prev = found[k - 1] if k else None
        if pick is not None and prev is not None and prev.segment == m.segment and m.start - prev.end <= 2:
            # several people share the reading ("Sarkissjan": Sargsyan, Sarkissian): the
            # given name just before decides
            given = {x.person for x in prev.matches if x.part == "given"}
            pick = next((x for x in surnames if x.score == pick.score and x.person in given), pick)
        if pick is None:
            nxt = found[k + 1] if k + 1 < len(found) else None
            if nxt is None or nxt.segment != m.segment or nxt.start - m.end > 2:
                continue
            pick = next((x for x in m.matches if x.part == "given" and _resolves_to(nxt, x.person)), None)
            if pick is None:
                continue
        person = index.people[pick.person]
        langs = sorted({x.language for x in m.matches if x.score == pick.score and x.part == pick.part})
        style = LANGUAGE_NAMES.get(pick.language, pick.language)
        confidence = 0.95 if pick.listed else round(0.9 * pick.score / 100.0, 4)
        findings.append(
            Finding.over(
                doc,
                m.start,
                m.end,
                category="translation",
                type="transliteration_variant",
                message=f"{style} romanisation of {pick.canonical} ({person.canonical})"
                if pick.language != "en"
                else f"variant spelling of {pick.canonical} ({person.canonical})",
                confidence=confidence,
                suggestion=pick.canonical,
                evidence={
                    "person": person.canonical,
                    "qid": person.qid,
                    "part": pick.part,
                    "languages": langs,
                    "listed_in_gazetteer": pick.listed,
                    "score": round(pick.score, 2),
                },
            )
        )
    return findings


def _full_name_persons(doc: Document, index: NameIndex, found: Sequence[Mention]) -> set[int]:
    """People named in the document with a given name right before their surname."""
    persons = set()
    for a, b in zip(found, found[1:]):
        if a.segment == b.segment and b.start - a.end <= 2:
            for x in a.matches:
                if x.part == "given" and _resolves_to(b, x.person):
                    persons.add(x.person)
    return persons


def _resolve(name: str, index: NameIndex, named: set[int], settings) -> int | None:
    words = [w.rstrip(".") for w in name.split()]
    for n in range(min(3, len(words)), 0, -1):
        surname = " ".join(words[-n:])
        given = words[:-n]
        cands = {
            x.person
            for x in index.match(surname)
            if x.part == "surname" and x.score >= settings.translation.name_fuzzy_cutoff
        }
        if not cands:
            continue
        if given:
            ok = {
                i
                for i in cands
                for w in given
                if any(x.person == i and x.part == "given" for x in index.match(w))
                or fold(w) in fold(index.people[i].given).split()
            }
            return next(iter(ok)) if len(ok) == 1 else None
        cands_named = cands & named
        if len(cands_named) == 1:
            return next(iter(cands_named))
        if len(cands) == 1 and _zipf(fold(surname)) < settings.translation.role_surname_max_zipf:
            return next(iter(cands))
        return None
    return None


def role_findings(doc: Document, found: Sequence[Mention], index: NameIndex, settings) -> list[Finding]:
    """``role_mismatch`` flags: "President X" where the gazetteer says X did not hold that
    office at the document's date (``meta["date"]``), or never, when no date is known."""
    when = doc_date(doc)
    named = _full_name_persons(doc, index, found)
    findings = []
    for _, text, base in segments_of(doc):
        for m in TITLE_RE.finditer(text):
            title = m.group("title")
            if _NOT_TITLE_BEFORE.search(text[max(0, m.start("title") - 14) : m.start("title")]):
                continue
            if not (title[0].isupper() or m.group("former")):
                continue
            person_i = _resolve(m.group("name"), index, named, settings)
            if person_i is None:
                continue
            person = index.people[person_i]
            codes = next(c for pat, c, _ in TITLES if re.fullmatch(pat, title, re.IGNORECASE))
            former = bool(m.group("former"))
            if person.held(codes, when, former=former):
                continue
            now = [r.code for r in person.roles if (r.before(when) if former else r.holds(when))]
            suggestion = ROLE_TITLES[now[-1]] if now and when is not None else None
            if when is None and len({ROLE_TITLES[r.code] for r in person.roles}) == 1:
                suggestion = ROLE_TITLES[person.roles[0].code]
            at = f"on {when.isoformat()}" if when else "at any time the gazetteer knows"
            start, end = doc.to_raw(base + m.start("title"), base + m.end("name"))
            findings.append(
                Finding.over(
                    doc,
                    start,
                    end,
                    category="translation",
                    type="role_mismatch",
                    message=f"{person.canonical} was not {title.lower()} {at} "
                    f"(gazetteer: {person.roles_text() or 'no roles'})",
                    confidence=0.85 if when else 0.8,
                    suggestion=suggestion,
                    evidence={
                        "person": person.canonical,
                        "qid": person.qid,
                        "title": title,
                        "date": when.isoformat() if when else None,
                        "roles": [ROLE_NAMES[r.code] for r in person.roles],
                    },
                )
            )
    return findings
