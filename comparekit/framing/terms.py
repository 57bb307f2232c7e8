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
space stands between its words: no comma, quote or number). A document alone in its
language is contrasted with the background alone (``y_j = n_j = 0``).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from comparekit.document import Document
from comparekit.framing.cues import german_nouns, stopwords, strip_elision, tokens
from comparekit.settings import Settings


def _names(texts: Sequence[str], language: str | None = None) -> set[str]:
    """Lower-cased words that are always capitalised in ``texts`` (names): they belong to
    the actors table, not to the wording. A French word is read without its elided
    article (l’Arizona is Arizona, capitalised)."""
    capitalised: set[str] = set()
    lowercase: set[str] = set()
    for text in texts:
        for _, _, raw in ((a, b, strip_elision(text[a:b], language)) for a, b, _ in tokens(text)):
            (capitalised if raw[:1].isupper() else lowercase).add(raw.lower().replace("’", "'"))
    return capitalised - lowercase


def term_counts(texts: Sequence[str], language: str | None) -> Counter[str]:
    """Unigram and bigram counts over ``texts`` (bigrams do not cross texts); stop-words
    and names (words never written in lower case) are left out. German writes every noun
    in capitals: there a word the texts use as a common noun (:func:`german_nouns`) is
    not a name."""
    names = _names(texts, language)
    if language == "de":
        names -= german_nouns(texts)
    stop = stopwords(language) | names
    counts: Counter[str] = Counter()
    for text in texts:
        toks = tokens(text)
        # English possessives and French elisions are grammar: "l'ouragan" is "ouragan".
        words = [strip_elision(w[:-2] if w.endswith("'s") else w, language) for _, _, w in toks]
        for k, w in enumerate(words):
            if w in stop or len(w) < 2:
                continue
            counts[w] += 1
            # A bigram is two words of one phrase: nothing but a space between them
            # (not "aufgefunden, meldete" or 'erreicht“, teilte').
            if k + 1 < len(words) and not text[toks[k][1] : toks[k + 1][0]].strip():
                nxt = words[k + 1]
                if nxt not in stop and len(nxt) >= 2:
                    counts[f"{w} {nxt}"] += 1
    return counts


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
    counts_i: Counter[str], counts_j: Counter[str], language: str, prior_scale: float
) -> dict[str, float]:
    """z-scores of every term of ``counts_i`` (document i against the rest j)."""
    n_i = sum(counts_i.values())
    n_j = sum(counts_j.values())
    out: dict[str, float] = {}
    for term, y_i in counts_i.items():
        a_w = prior_scale * background_frequency(term, language)
        y_j = counts_j.get(term, 0)
        d_i = math.log((y_i + a_w) / max(n_i + prior_scale - y_i - a_w, 1e-9))
        d_j = math.log((y_j + a_w) / max(n_j + prior_scale - y_j - a_w, 1e-9))
        var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
        out[term] = (d_i - d_j) / math.sqrt(var)
    return out


def _doc_texts(doc: Document) -> list[str]:
    return [s.text for s in doc.segments if s.alignable]


def distinctive_terms(docs: Sequence[Document], *, settings: Settings) -> dict[str, list[dict]]:
    """Per document: its most distinctive terms, ``[{"term", "z", "count"}]``, best first.

    Documents are contrasted with the other documents of the same language.
    """
    cfg = settings.framing
    counts = {d.id: term_counts(_doc_texts(d), d.language) for d in docs}
    out: dict[str, list[dict]] = {}
    for doc in docs:
        lang = doc.language or "en"
        rest: Counter[str] = Counter()
        for other in docs:
            if other.id != doc.id and (other.language or "en") == lang:
                rest.update(counts[other.id])
        z = log_odds(counts[doc.id], rest, lang, float(cfg.prior_scale))
        ranked = sorted(
            ((t, v) for t, v in z.items() if v >= cfg.term_min_z and counts[doc.id][t] >= cfg.term_min_count),
            key=lambda tv: (-tv[1], tv[0]),
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
        out[doc.id] = [{"term": t, "z": v, "count": counts[doc.id][t]} for t, v in kept]
    return out
