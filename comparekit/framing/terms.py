"""Distinctive terms: what separates each source's wording from the others'.

The weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi &
Quinn 2008, "Fightin' Words", section 3.5). For a term ``w`` and document ``i`` against
the other documents ``j`` of the same language::

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior ``a_w = a_0 * p_w`` comes from a background corpus: ``p_w`` is the word's
frequency in wordfreq's list for the language (a large multi-source corpus shipped
offline), so that with two short articles an ordinary word used twice ("said", "two")
is not "distinctive" while a rare word used twice ("crossfire") is. Monroe et al. build
the prior from their own corpus; two news articles are far too small for that, hence the
external background. ``a_0`` is ``settings.framing.prior_scale``.

Terms are unigrams and bigrams of lower-cased word tokens (French ones without their
elided article or pronoun: l'ouragan is ouragan), with stop-words removed
(a bigram is kept only when neither word is a stop-word, and only when nothing but a
space stands between its words: no comma, quote or number). The forms of one word are one
term: terms are counted by the Snowball stems of their words (:mod:`.stems`), so
"earthquake" and "earthquakes", "землетрясение" and "землетрясением" add up; the report
shows the most frequent form, the count of each form and the raw span of every
occurrence. A term's background frequency is the sum of its forms'. A document alone in
its language is contrasted with the background alone (``y_j = n_j = 0``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from comparekit.document import Document
from comparekit.framing.cues import german_nouns, stopwords, strip_elision, tokens
from comparekit.framing.stems import display_form, key, stem
from comparekit.settings import Settings

#: One occurrence of a term: (index of the text, start, end, lower-cased form), offsets
#: into that text.
Occurrence = tuple[int, int, int, str]


def _words(text: str, language: str | None) -> list[tuple[int, int, str, bool, int]]:
    """``(start, end, word, capitalised, token_end)`` for each word token of ``text``: the
    word lower-cased, without an English possessive (Russia's: russia) or a French elided
    article or pronoun (l'ouragan: ouragan), and ``start``/``end`` its own characters;
    ``token_end`` is where the whole token ended (before the possessive was cut)."""
    out = []
    for a, end, _ in tokens(text):
        raw = text[a:end]
        b = end - 2 if len(raw) > 2 and raw[-2:].lower().replace("’", "'") == "'s" else end
        bare = strip_elision(text[a:b], language)
        out.append((b - len(bare), b, bare.lower().replace("’", "'"), bare[:1].isupper(), end))
    return out


def _names(words: Sequence[Sequence[tuple]], language: str | None = None) -> set[str]:
    """Lower-cased words that are always capitalised in ``words`` (per text, from
    :func:`_words`): names, which belong to the actors table, not to the wording. A word
    capitalised only where it starts a sentence is a name only when no other form of it
    (same stem) is written in lower case: "Землетрясение произошло ..." and "... после
    землетрясения" are one word."""
    capitalised: set[str] = set()
    mid_sentence: set[str] = set()
    lowercase: set[str] = set()
    for text_words in words:
        for k, (_, _, w, cap, _) in enumerate(text_words):
            if cap:
                capitalised.add(w)
                if k:
                    mid_sentence.add(w)
            else:
                lowercase.add(w)
    lower_stems = {stem(w, language) for w in lowercase}
    return {w for w in capitalised - lowercase if w in mid_sentence or stem(w, language) not in lower_stems}


def term_occurrences(texts: Sequence[str], language: str | None) -> dict[str, list[Occurrence]]:
    """Every occurrence of every unigram and bigram of ``texts`` (bigrams do not cross
    texts), grouped by key: the stems of its words (:mod:`.stems`), so that "earthquake"
    and "earthquakes" are one term. Stop-words and names (words never written in lower
    case) are left out. German writes every noun in capitals: there a word the texts use
    as a common noun (:func:`german_nouns`) is not a name."""
    words = [_words(t, language) for t in texts]
    names = _names(words, language)
    if language == "de":
        names -= german_nouns(texts)
    stop = stopwords(language) | names
    out: dict[str, list[Occurrence]] = {}
    for n, (text, ws) in enumerate(zip(texts, words)):
        for k, (a, b, w, _, end) in enumerate(ws):
            if w in stop or len(w) < 2:
                continue
            out.setdefault(stem(w, language), []).append((n, a, b, w))
            # A bigram is two words of one phrase: nothing but a space between them
            # (not "aufgefunden, meldete" or 'erreicht“, teilte').
            if k + 1 < len(ws) and not text[end : ws[k + 1][0]].strip():
                _, b2, nxt, _, _ = ws[k + 1]
                if nxt not in stop and len(nxt) >= 2:
                    out.setdefault(key([w, nxt], language), []).append((n, a, b2, f"{w} {nxt}"))
    return out


def term_counts(texts: Sequence[str], language: str | None) -> Counter[str]:
    """Occurrences per term key (:func:`term_occurrences`)."""
    return Counter({k: len(v) for k, v in term_occurrences(texts, language).items()})


@lru_cache(maxsize=65536)
def background_frequency(term: str, language: str) -> float:
    """Frequency of ``term`` in wordfreq's background list (a small floor for unknown
    terms, so that the prior is never zero)."""
    from wordfreq import word_frequency

    try:
        freq = word_frequency(term, language)
    except (LookupError, ValueError):
        freq = 0.0
    except ImportError:
        # zh, ja and ko need a tokenizer (jieba, MeCab) that wordfreq only imports on
        # demand and comparekit does not install: look the term up as it is instead.
        freq = _frequency_list(language).get(term, 0.0)
    return max(freq, 1e-8)


@lru_cache(maxsize=8)
def _frequency_list(language: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    try:
        return get_frequency_dict(language)
    except LookupError:
        return {}


def log_odds(
    counts_i: Counter[str],
    counts_j: Counter[str],
    language: str,
    prior_scale: float,
    background: dict[str, float] | None = None,
) -> dict[str, float]:
    """z-scores of every term of ``counts_i`` (document i against the rest j).
    ``background``: a term's background frequency when it is not the term's own
    (:func:`background_frequency`): for a group of word forms, the sum of its forms'."""
    n_i = sum(counts_i.values())
    n_j = sum(counts_j.values())
    out: dict[str, float] = {}
    for term, y_i in counts_i.items():
        p_w = background[term] if background is not None else background_frequency(term, language)
        a_w = prior_scale * p_w
        y_j = counts_j.get(term, 0)
        d_i = math.log((y_i + a_w) / max(n_i + prior_scale - y_i - a_w, 1e-9))
        d_j = math.log((y_j + a_w) / max(n_j + prior_scale - y_j - a_w, 1e-9))
        var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
        out[term] = (d_i - d_j) / math.sqrt(var)
    return out


def distinctive_terms(docs: Sequence[Document], *, settings: Settings) -> dict[str, list[dict]]:
    """Per document: its most distinctive terms, best first, as ``{"term", "z", "count",
    "forms", "spans"}``: ``term`` is the group's most frequent form (:func:`.stems.display_form`),
    ``forms`` the count of each form, ``spans`` the raw ``[start, end]`` of every occurrence.

    Documents are contrasted with the other documents of the same language. A term's
    background frequency (the prior) is the sum of the frequencies of its forms found in
    the documents of that language.
    """
    cfg = settings.framing
    occurrences: dict[str, dict[str, list[Occurrence]]] = {}
    segments: dict[str, list] = {}
    forms_by_language: dict[str, dict[str, set[str]]] = {}
    for d in docs:
        lang = d.language or "en"
        segments[d.id] = [s for s in d.segments if s.alignable]
        occurrences[d.id] = term_occurrences([s.text for s in segments[d.id]], d.language)
        seen = forms_by_language.setdefault(lang, {})
        for k, occ in occurrences[d.id].items():
            seen.setdefault(k, set()).update(o[3] for o in occ)
    background = {
        lang: {k: sum(background_frequency(f, lang) for f in sorted(fs)) for k, fs in seen.items()}
        for lang, seen in forms_by_language.items()
    }
    counts = {d.id: Counter({k: len(v) for k, v in occurrences[d.id].items()}) for d in docs}
    out: dict[str, list[dict]] = {}
    for doc in docs:
        lang = doc.language or "en"
        rest: Counter[str] = Counter()
        for other in docs:
            if other.id != doc.id and (other.language or "en") == lang:
                rest.update(counts[other.id])
        z = log_odds(counts[doc.id], rest, lang, float(cfg.prior_scale), background[lang])
        forms = {k: Counter(o[3] for o in occ) for k, occ in occurrences[doc.id].items()}
        shown = {k: display_form(f) for k, f in forms.items()}
        ranked = sorted(
            ((t, v) for t, v in z.items() if v >= cfg.term_min_z and counts[doc.id][t] >= cfg.term_min_count),
            key=lambda tv: (-tv[1], shown[tv[0]], tv[0]),
        )
        # A bigram and its own words say the same thing twice: keep the better one.
        kept: list[tuple[str, float]] = []
        for term, value in ranked:
            words = term.split()
            if any((len(words) == 2 and k in words) or (" " in k and term in k.split()) for k, _ in kept):
                continue
            kept.append((term, value))
            if len(kept) >= cfg.terms_per_document:
                break
        segs = segments[doc.id]
        out[doc.id] = [
            {
                "term": shown[t],
                "z": v,
                "count": counts[doc.id][t],
                "forms": dict(sorted(forms[t].items(), key=lambda fc: (-fc[1], fc[0]))),
                "spans": sorted(
                    list(doc.to_raw(segs[n].text_start + a, segs[n].text_start + b))
                    for n, a, b, _ in occurrences[doc.id][t]
                ),
            }
            for t, v in kept
        ]
    return out
