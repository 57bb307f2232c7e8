"""Translation artifacts: the marks a translation leaves in a text.

``detect(doc, *, settings)`` flags, per document: transliteration_variant, role_mismatch,
foreign_typography, untranslated_span, calque and false_friend. False friends (and weak
calques) are flagged only where the text shows signs of translation: a declared source
language (``meta["translated_from"]``, CLI ``--translated-from``), foreign typography, or
names romanised the way another language does it. ``detect_across(docs, alignments, *,
settings)`` flags name_inconsistency: one entity spelled differently across sources.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from comparekit.detect.translation import lexical, names, typography
from comparekit.document import Document
from comparekit.results import Alignment, Finding
from comparekit.settings import Settings
from comparekit.translit import fold

log = logging.getLogger(__name__)


def mark_translated(doc: Document, marks: Sequence[str]) -> Document:
    """Set ``meta["translated_from"]`` from ``--translated-from`` values: ``LANG`` (every
    document) or ``NAME=LANG`` (the document whose id, file name or stem is NAME). A
    value already in the document's meta wins."""
    if "translated_from" in doc.meta:
        return doc
    names_ = {doc.id}
    if doc.path:
        names_ |= {doc.path, PurePath(doc.path).name, PurePath(doc.path).stem}
    value = None
    for mark in marks:
        name, sep, lang = mark.rpartition("=")
        if not sep:
            value = value or lang.strip()
        elif name.strip() in names_:
            value = lang.strip()
    if not value:
        return doc
    return dataclasses.replace(doc, meta={**doc.meta, "translated_from": value})


def _english(doc: Document, settings: Settings) -> bool:
    return (doc.language or "en") in settings.translation.target_languages


def translation_signals(
    doc: Document, typo: Sequence[Finding], translit: Sequence[Finding], settings: Settings
) -> tuple[list[str], bool, list[str]]:
    """(probable source languages, declared?, reasons). Empty languages = no signs."""
    allowed = list(settings.translation.false_friend_languages)
    declared = doc.meta.get("translated_from")
    if declared:
        # a language code, or (alignment's use) the original's name / true: then the
        # source language is unknown and every list is tried
        code = str(declared).strip().lower()
        return ([code] if code in lexical.SOURCE_LANGUAGES else allowed), True, ["translated_from"]
    votes: Counter[str] = Counter()
    reasons = []
    for f in typo:
        reasons.append(f"foreign_typography:{f.evidence['kind']}")
        if f.evidence["kind"] != "decimal_comma":
            votes.update(f.evidence["source_languages"][:1])
    for f in translit:
        langs = [x for x in f.evidence["languages"] if x != "en"]
        if langs:
            reasons.append("transliteration_variant")
            votes.update(x for x in langs if x in allowed)
    if not reasons:
        return [], False, []
    langs = [lang for lang, _ in votes.most_common() if lang in allowed][:1] or allowed
    return langs, False, reasons


def detect(doc: Document, *, settings: Settings) -> list[Finding]:
    """Translation-artifact flags for one document (raw offsets)."""
    if not _english(doc, settings):
        return typography.untranslated_findings(doc, settings)
    index = names.index_for(settings)
    found = names.mentions(doc, index, settings)
    translit = names.transliteration_findings(doc, found, index, settings)
    typo = typography.typography_findings(doc)
    langs, declared, reasons = translation_signals(doc, typo, translit, settings)
    out = translit + typo
    out += names.role_findings(doc, found, index, settings)
    out += typography.untranslated_findings(doc, settings)
    calque_langs = langs or list(settings.translation.false_friend_languages)
    out += lexical.calque_findings(doc, calque_langs, translated=bool(langs))
    if langs:
        out += lexical.false_friend_findings(doc, langs, declared=declared, reasons=reasons)
    return out


def detect_across(
    docs: Sequence[Document], alignments: Sequence[Alignment], *, settings: Settings
) -> list[Finding]:
    """``name_inconsistency``: a gazetteer person (or an aligned proper name) spelled
    differently in different sources. The flag sits on the spelling that differs from the
    canonical form (or, for names outside the gazetteer, on every differing spelling)."""
    docs = [d for d in docs if _english(d, settings)]
    if len(docs) < 2:
        return []
    index = names.index_for(settings)
    spellings: dict[int, dict[str, list[names.Mention]]] = {}  # person -> doc -> mentions
    for doc in docs:
        for m in names.mentions(doc, index, settings):
            surname = next((x for x in m.matches if x.part == "surname"), None)
            if surname is not None:
                spellings.setdefault(surname.person, {}).setdefault(doc.id, []).append(m)
    findings = _aligned_name_findings(docs, alignments, index, settings)
    by_id = {d.id: d for d in docs}
    for person_i, by_doc in sorted(spellings.items()):
        person = index.people[person_i]
        forms = {d: {fold(m.text) for m in ms} for d, ms in by_doc.items()}
        if len(by_doc) < 2 or len(set().union(*forms.values())) < 2:
            continue
        canonical = fold(person.surname)
        for doc_id, ms in sorted(by_doc.items()):
            others = sorted(
                {
                    m.text
                    for d, mm in by_doc.items()
                    if d != doc_id
                    for m in mm
                    if fold(m.text) != fold(ms[0].text)
                }
            )
            for m in ms:
                if fold(m.text) == canonical or not others:
                    continue
                findings.append(
                    Finding.over(
                        by_id[doc_id],
                        m.start,
                        m.end,
                        category="translation",
                        type="name_inconsistency",
                        message=f"{person.canonical} is spelled “{m.text}” here but "
                        + ", ".join(f"“{o}”" for o in others)
                        + " in another source",
                        confidence=0.9,
                        suggestion=person.surname,
                        evidence={"person": person.canonical, "qid": person.qid, "other_spellings": others},
                    )
                )
    return findings


def _proper_names(doc: Document, seg_indices, index, settings) -> dict[str, tuple[int, int, str]]:
    """Folded proper name -> (raw start, raw end, text) for the capitalised, rare,
    non-initial words of some segments (words the gazetteer knows are left out)."""
    out = {}
    for i in seg_indices:
        if i >= len(doc.segments):
            continue
        seg = doc.segments[i]
        for n, m in enumerate(names.WORD.finditer(seg.text)):
            word = names._POSSESSIVE.sub("", m.group())
            if n == 0 or len(word) < settings.translation.inconsistency_min_length or not word[0].isupper():
                continue
            if names._zipf(fold(word)) >= settings.translation.name_max_english_zipf or index.match(word):
                continue
            start, end = doc.to_raw(seg.text_start + m.start(), seg.text_start + m.start() + len(word))
            out.setdefault(fold(word), (start, end, word))
    return out


def _aligned_name_findings(docs, alignments, index, settings) -> list[Finding]:
    """Names outside the gazetteer spelled differently in an aligned pair of segments
    ("Karabakh" / "Karabagh"): both spellings are flagged."""
    from rapidfuzz import fuzz

    by_id = {d.id: d for d in docs}
    found: dict[tuple[str, int, int], Finding] = {}
    for al in alignments:
        da, db = by_id.get(al.a), by_id.get(al.b)
        if da is None or db is None:
            continue
        for pair in al.pairs:
            na, nb = _proper_names(da, pair.a, index, settings), _proper_names(db, pair.b, index, settings)
            for ka, (sa, ea, ta) in sorted(na.items()):
                if ka in nb:
                    continue
                for kb, (sb, eb, tb) in sorted(nb.items()):
                    if kb in na or ka.startswith(kb) or kb.startswith(ka):
                        continue
                    if fuzz.ratio(ka, kb) < settings.translation.inconsistency_min_ratio:
                        continue
                    for doc, s, e, mine, other in ((da, sa, ea, ta, tb), (db, sb, eb, tb, ta)):
                        found.setdefault(
                            (doc.id, s, e),
                            Finding.over(
                                doc,
                                s,
                                e,
                                category="translation",
                                type="name_inconsistency",
                                severity="info",
                                message=f"“{mine}” here, “{other}” in the aligned passage of another source",
                                confidence=0.6,
                                suggestion=None,
                                evidence={"other_spellings": [other]},
                            ),
                        )
    return [found[k] for k in sorted(found)]
