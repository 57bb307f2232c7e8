"""The explicit divergence checks between the two sides of an aligned pair.

Embeddings do not see a changed number ("twelve soldiers killed" against "twenty
soldiers killed" scores 0.90), so each kind of detail is read from the text and compared
by value: numbers, dates, named entities, roles, negation, modality and attribution.
A detail that one side gives and the other leaves out is not a conflict (translations
and other outlets drop detail all the time); a conflict needs a value on both sides,
except for names, where an added or a missing name is the finding itself.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np

from comparekit.compare import cues, dates, entities, numbers
from comparekit.compare.lexicon import tokenize
from comparekit.results import CueSpan, Divergence
from comparekit.settings import Settings

#: Types that make a pair ``divergent`` (a conflicting detail) rather than ``overlap``.
CONFLICT_TYPES = frozenset(
    {"number_mismatch", "date_mismatch", "role_mismatch", "negation", "modality", "attribution"}
)


@dataclass
class SideFacts:
    """Everything the checks read from one side's text."""

    text: str
    lang: str | None
    dates: list
    numbers: list
    roles: list
    entities: list
    negations: list
    #: Negations read as positive because they negate a verb of forgetting, denying ...
    #: ((family, Cue) pairs), and the families of such verbs said plainly
    #: (:func:`cues.read_negations`).
    negated_negatives: list
    plain_negatives: frozenset
    lexneg: list
    #: Words that say a negation in other words (still, remained, away, trouble ...).
    balancers: list
    modality: list
    attribution: list
    other: entities.OtherSide
    #: Third-person personal pronouns (he, elle, его ...): a translation may name the
    #: person a pronoun stands for, or the reverse.
    pronouns: int = 0
    #: Indices of the mentions that are a bare surname (one word, not after a title or
    #: honorific, not in a list): the names a translation swaps with a pronoun.
    bare: frozenset = frozenset()
    #: Indices of the mentions that stand alone (not after a title or honorific, not in
    #: a list): a reference to who or where, which a translation may move or make explicit.
    alone: frozenset = frozenset()
    #: Titles not followed by a person's name ("the senator", "президент США"): where a
    #: title stands in for a name, a name on the other side is a name dropped, not moved.
    bare_titles: int = 0
    #: The tokens everything above was read from (their offsets place the cues in
    #: ``text``: :func:`cue_spans`).
    tokens: tuple = ()


def read_side(text: str, lang: str | None, settings: Settings | None = None) -> SideFacts:
    """Tokenise one side once and extract every kind of detail from it (``settings``:
    its [compare] section tunes name extraction; None = the shipped defaults)."""
    cfg = settings.compare if settings is not None else entities._default_compare()
    tokens = tokenize(text, lang)
    used: set[int] = set()
    ds = dates.extract_dates(tokens, lang, used)
    roles = cues.extract_roles(tokens, lang, used)
    ns = numbers.extract_numbers(tokens, lang, used)
    ents = entities.extract_entities(tokens, lang, skip=used, settings=settings, text=text)
    negs, negated, plain = cues.read_negations(tokens, lang, cfg.negation_concord_window)
    return SideFacts(
        text=text,
        lang=lang,
        dates=ds,
        numbers=ns,
        roles=roles,
        entities=ents,
        negations=negs,
        negated_negatives=negated,
        plain_negatives=frozenset(plain),
        lexneg=cues.lexical_negatives(tokens, lang, cfg.negation_prefix_rest_min_zipf),
        balancers=cues.negation_balancers(tokens, lang),
        modality=cues.cue_list(tokens, lang, "modality"),
        attribution=cues.cue_list(tokens, lang, "attribution"),
        other=entities.OtherSide(tokens, text, lang),
        pronouns=cues.pronoun_count(tokens, lang),
        bare=frozenset(n for n, m in enumerate(ents) if _bare_name(m, tokens, roles)),
        alone=frozenset(n for n, m in enumerate(ents) if _alone(m, tokens, roles)),
        bare_titles=sum(not _titled(r, ents) for r in roles),
        tokens=tuple(tokens),
    )


def cue_spans(side: SideFacts, doc: str, cues_: list) -> tuple[CueSpan, ...]:
    """Where the cues ``cues_`` (anything with a token range ``first``/``end``: numbers,
    dates, names, roles, cue words) are in ``side.text``: one span each, from the start of
    its first token to the end of its last, in text order (``segment`` None: the caller
    places them in a document). English "n't", read as the token "nt", spans "n't"."""
    toks = side.tokens
    out = set()
    for c in cues_:
        if not (0 <= c.first < c.end <= len(toks)):
            continue
        start, end = toks[c.first].start, toks[c.end - 1].end
        if (
            toks[c.first].low == "not"
            and toks[c.first].text.lower() == "nt"
            and start > 0
            and side.text[start - 1 : start + 1].lower() in ("n'", "n’")
        ):
            start -= 1
        out.add(CueSpan(doc, None, start, end))
    return tuple(sorted(out, key=lambda x: (x.start, x.end)))


_LIST_WORDS = {"and", "or", "et", "ou", "и", "или", "und", "oder", "y", "o"}
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "dr", "sir", "m", "mme", "г-н", "г-жа", "herr", "frau", "sr", "sra"}


def _bare_name(m, tokens, roles) -> bool:
    """A one-word person name standing alone (no title, honorific or list around it)."""
    if m.ids or m.end - m.first != 1:
        return False
    return _alone(m, tokens, roles)


def _alone(m, tokens, roles) -> bool:
    """A name with no title, honorific or list around it."""
    if any(r.end == m.first for r in roles):
        return False
    before = tokens[m.first - 1].low if m.first > 0 else ""
    after = tokens[m.end].low if m.end < len(tokens) else ""
    return before not in _HONORIFIC_WORDS and before not in _LIST_WORDS and after not in _LIST_WORDS


def _titled(role, ents) -> bool:
    """Whether a person's name follows ``role`` (right after it or one word later, or
    after a place: "Sen. Jeff Flake" where Jeff, a sentence start after "Sen.", is a
    common word; "президента США Дональда Трампа")."""
    at = role.end
    for m in ents:
        if m.first == at and m.ids:
            at = m.end
        elif not m.ids and at <= m.first <= at + 1:
            return True
    return False


def _excuse_pronouns(found: list[int], bare: frozenset, extra_pronouns: int) -> list[int]:
    """``found`` (mention indices) less up to ``extra_pronouns`` bare surnames."""
    out = []
    for n in found:
        if extra_pronouns > 0 and n in bare:
            extra_pronouns -= 1
            continue
        out.append(n)
    return out


def _moved(mention, alone: bool, near_other, near_own, min_ratio: float) -> bool:
    """Whether ``mention`` (named on one side only) counts as moved: the other
    document names it in its neighbouring segments ``near_other``, and either ``alone``
    (the mention stands alone and the side lacking it has no bare title in its place:
    a reference the translator moved or made explicit) or the other document names it
    there in at least as many segments as this document does in the mention's segment
    and its neighbours ``near_own`` (the count is conserved: moved, not dropped). A name
    dropped from after a title or from a list, and still named next door on both sides,
    is reported."""
    there = sum(entities.named_in(mention, o, min_ratio=min_ratio) for o in near_other)
    if not there:
        return False
    if alone:
        return True
    return there >= 1 + sum(entities.named_in(mention, o, min_ratio=min_ratio) for o in near_own)


def _first(cue) -> int:
    return cue.first


def _placed(cues_: list, side: SideFacts, negs: list, other: SideFacts, max_shift: float, slack: int) -> list:
    """The ``cues_`` of ``side`` that stand about where one of the ``other`` side's
    negations ``negs`` stands: relative positions (token index / token count) at most
    ``max_shift`` apart, or token indices at most ``slack`` apart (short sentences)."""
    n_side, n_other = max(1, len(side.tokens)), max(1, len(other.tokens))
    return [
        c
        for c in cues_
        if any(
            abs(c.first / n_side - g.first / n_other) <= max_shift or abs(c.first - g.first) <= slack
            for g in negs
        )
    ]


#: A translated name is looked for among the other side's runs of this many words more
#: or fewer than the name has ("Church of England" / "англиканской церкви": 3 / 2).
_TRANSLATED_SPAN = 2


def _translated(mention, other: SideFacts, encode, min_cosine: float) -> bool:
    """Whether ``mention``, a name of two words or more, is said in ``other`` in
    translation (see :func:`translated_name`). Not for a known organisation or a name that
    is a place as a whole (North Korea, United States): those are matched by id, and an
    encoder finds North and South Korea close."""
    words = mention.text.split()
    if len(words) < 2 or any(i.startswith("org:") for i in mention.ids):
        return False
    if entities.whole_place(words):
        return False
    return translated_name(mention.text, other.text, other.lang, encode, min_cosine)


def translated_name(name: str, text: str, lang: str | None, encode, min_cosine: float) -> bool:
    """Whether a run of words of ``text`` says ``name`` in another language: the encoder's
    cosine between the name and the closest run (of the name's length, give or take
    _TRANSLATED_SPAN words) reaches ``min_cosine`` (compare.entity_translated_min_cosine).
    Names made of common words are translated (Nord Stream / Северный поток, American
    Civil Liberties Union / Американским союзом гражданских свобод), which spelling rules
    cannot match."""
    tokens = [t for t in tokenize(text, lang) if t.text[:1].isalnum()]
    n = len(name.split())
    runs = sorted(
        {
            text[tokens[i].start : tokens[j - 1].end]
            for i in range(len(tokens))
            for j in range(i + max(1, n - _TRANSLATED_SPAN), min(len(tokens), i + n + _TRANSLATED_SPAN) + 1)
        }
    )
    if not runs:
        return False
    vectors = np.asarray(encode([name, *runs]), dtype=np.float64)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    return float(np.max(vectors[1:] @ vectors[0])) >= min_cosine


def _join(items) -> str:
    return ", ".join(sorted({getattr(x, "text", str(x)) for x in items}))


def check_pair(
    a: SideFacts,
    b: SideFacts,
    *,
    doc_a: str,
    doc_b: str,
    settings: Settings,
    scope_a: entities.OtherSide | None = None,
    scope_b: entities.OtherSide | None = None,
    near_a: tuple[entities.OtherSide, ...] = (),
    near_b: tuple[entities.OtherSide, ...] = (),
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Divergence]:
    """Divergences between side A and side B of one aligned pair, in a stable order.

    ``scope_a``/``scope_b``: where a name of the other side is looked for before it is
    called added/missing (default: the other side's text; comparable mode passes the
    whole other document, since other outlets spread a story's names differently).
    ``near_a``/``near_b``: the segments of document A/B next to side A/B (within
    compare.name_neighbour_window), one OtherSide each. Translators move names to a
    neighbouring sentence ("Kavanaugh" one sentence later in the translation), so a name
    that only one side has is not reported when the other document names it in those
    segments (see :func:`_moved`). ``encode``: a multilingual sentence encoder covering
    both sides' languages, or None; with it, a name of several words that the other side
    translates (Church of England / англиканской церкви) is not called added or missing
    (see :func:`translated_name`)."""
    cfg = settings.compare
    out: list[Divergence] = []

    only_a, only_b = numbers.number_conflicts(
        a.numbers,
        b.numbers,
        cfg.number_rounded_from,
        cfg.number_unit_tolerance,
        cfg.number_rounding_max_share,
    )
    if only_a and only_b:
        ta, tb = _join(only_a), _join(only_b)
        spans = cue_spans(a, doc_a, only_a) + cue_spans(b, doc_b, only_b)
        out.append(
            Divergence("number_mismatch", doc_b, tb, f"{doc_a} says {ta}; {doc_b} says {tb}", ta, tb, spans)
        )

    for cat, da, db in dates.date_conflicts(a.dates, b.dates):
        ta, tb = _join(da), _join(db)
        what = cat.replace("rel:", "relative ")
        out.append(
            Divergence(
                "date_mismatch",
                doc_b,
                tb,
                f"{what}: {doc_a} says {ta}; {doc_b} says {tb}",
                ta,
                tb,
                cue_spans(a, doc_a, da) + cue_spans(b, doc_b, db),
            )
        )

    ra, rb = cues.role_conflicts(a.roles, b.roles, a.lang, b.lang)
    if ra and rb:
        ta, tb = _join(ra), _join(rb)
        out.append(
            Divergence(
                "role_mismatch",
                doc_b,
                tb,
                f"{doc_a} has the title {ta}; {doc_b} has {tb}",
                ta,
                tb,
                cue_spans(a, doc_a, ra) + cue_spans(b, doc_b, rb),
            )
        )

    ratio = cfg.entity_min_ratio
    missing = [
        n for n, m in enumerate(a.entities) if not entities.present(m, scope_b or b.other, min_ratio=ratio)
    ]
    added = [
        n for n, m in enumerate(b.entities) if not entities.present(m, scope_a or a.other, min_ratio=ratio)
    ]
    if near_a or near_b:
        missing = [
            n
            for n in missing
            if not _moved(a.entities[n], n in a.alone and not b.bare_titles, near_b, near_a, ratio)
        ]
        added = [
            n
            for n in added
            if not _moved(b.entities[n], n in b.alone and not a.bare_titles, near_a, near_b, ratio)
        ]
    if scope_a is None and scope_b is None:
        # A translation names the person a pronoun stands for ("he said" / "сказал Адамс")
        # or the reverse: a bare surname on the side with fewer third-person pronouns is
        # excused once per extra pronoun on the other side.
        missing = _excuse_pronouns(missing, a.bare, b.pronouns - a.pronouns)
        added = _excuse_pronouns(added, b.bare, a.pronouns - b.pronouns)
    if encode is not None and cfg.entity_translated_min_cosine > 0:
        missing = [
            n for n in missing if not _translated(a.entities[n], b, encode, cfg.entity_translated_min_cosine)
        ]
        added = [
            n for n in added if not _translated(b.entities[n], a, encode, cfg.entity_translated_min_cosine)
        ]
    for m in (a.entities[n] for n in missing):
        out.append(
            Divergence(
                "entity_missing",
                doc_a,
                m.text,
                f"{doc_a} names {m.text}; {doc_b} does not",
                m.text,
                "",
                cue_spans(a, doc_a, [m]),
            )
        )
    for m in (b.entities[n] for n in added):
        out.append(
            Divergence(
                "entity_added",
                doc_b,
                m.text,
                f"{doc_b} names {m.text}; {doc_a} does not",
                "",
                m.text,
                cue_spans(b, doc_b, [m]),
            )
        )

    # A negated verb of forgetting, denying, stopping ... says the positive ("it can't be
    # denied" / "il est évident"), unless the other side says that verb plainly ("Brett
    # denied it" / "Бретт не отрицал"): then the negation counts.
    negs_a = sorted(
        [*a.negations, *(c for f, c in a.negated_negatives if f in b.plain_negatives)], key=_first
    )
    negs_b = sorted(
        [*b.negations, *(c for f, c in b.negated_negatives if f in a.plain_negatives)], key=_first
    )
    na, nb = len(negs_a), len(negs_b)
    # Negation words are counted once per clause (negative concord merged: "не ... ни",
    # "ne ... jamais"), and polarity is counted with the words that say "no" without a
    # negation word (unable, refused, sans, не смог): "He was unable" against "Il n'a pas
    # pu" balances, and a "not" added on either side unbalances it again.
    # On the side with fewer negation words, a word that says "no" in other words stands
    # for a negation of the other side only where that negation could be: about the same
    # place in the sentence (relative positions at most compare.negation_lexical_max_shift
    # apart for unable / sans / не смог, compare.negation_balance_max_shift for still /
    # away / trouble below), as translations mostly keep the order of clauses. "Team
    # Europe has won ... outside Paris" does not balance "Команда Европы не выиграла".
    lex_shift, bal_shift = cfg.negation_lexical_max_shift, cfg.negation_balance_max_shift
    slack = cfg.negation_balance_slack_words
    lex_a = _placed(a.lexneg, a, negs_b, b, lex_shift, slack) if na < nb else a.lexneg
    lex_b = _placed(b.lexneg, b, negs_a, a, lex_shift, slack) if nb < na else b.lexneg
    pa, pb = na + len(lex_a), nb + len(lex_b)
    # Words that say a negation in other words ("still", "remained", "away", "trouble")
    # on the side with fewer negation words stand for the other side's negations: one per
    # class of such words that the other side lacks (a class on both sides is translated,
    # not negated: "waited" / "did not wait"), at most compare.negation_balance_max in
    # all ("no status yet" / "nous attendons toujours"): the balance counts, not each word.
    ca, cb = {c.label for c in a.balancers}, {c.label for c in b.balancers}
    if na < nb:
        pa += min(
            len({c.label for c in _placed(a.balancers, a, negs_b, b, bal_shift, slack)} - cb),
            cfg.negation_balance_max,
        )
    elif nb < na:
        pb += min(
            len({c.label for c in _placed(b.balancers, b, negs_a, a, bal_shift, slack)} - ca),
            cfg.negation_balance_max,
        )
    # The side with more negation words must also have more polarity in all: when the
    # other side's lexical negatives reach or pass it ("unable ... stopped" against "не
    # смогла"), the gap is covered.
    if na != nb and pa != pb and (na > nb) == (pa > pb):
        doc = doc_a if na > nb else doc_b
        neg = _join(negs_a if na > nb else negs_b)
        out.append(
            Divergence(
                "negation",
                doc,
                neg,
                f"{doc} has {max(na, nb)} negation(s) ({neg}), the other side {min(na, nb)}",
                _join(negs_a),
                _join(negs_b),
                cue_spans(a, doc_a, negs_a) + cue_spans(b, doc_b, negs_b),
            )
        )

    if cfg.check_modality and bool(a.modality) != bool(b.modality):
        side, doc = (a, doc_a) if a.modality else (b, doc_b)
        hedge = _join(side.modality)
        out.append(
            Divergence(
                "modality",
                doc,
                hedge,
                f"{doc} hedges ({hedge}); the other side states it",
                _join(a.modality),
                _join(b.modality),
                cue_spans(a, doc_a, a.modality) + cue_spans(b, doc_b, b.modality),
            )
        )

    if cfg.check_attribution and bool(a.attribution) != bool(b.attribution):
        side, doc = (a, doc_a) if a.attribution else (b, doc_b)
        cue = _join(side.attribution)
        out.append(
            Divergence(
                "attribution",
                doc,
                cue,
                f"{doc} attributes the claim ({cue}); the other side does not",
                _join(a.attribution),
                _join(b.attribution),
                cue_spans(a, doc_a, a.attribution) + cue_spans(b, doc_b, b.attribution),
            )
        )
    return sorted(out, key=lambda d: (d.type, d.doc, d.text))


def near_side(texts: list[str], lang: str | None) -> tuple[entities.OtherSide, ...]:
    """The neighbouring segments ``texts`` of one side, one OtherSide each, for names
    moved between sentences (see :func:`check_pair`)."""
    return tuple(entities.OtherSide.from_text(t, lang) for t in texts if t and t.strip())


def divergences(
    text_a: str,
    lang_a: str | None,
    text_b: str,
    lang_b: str | None,
    *,
    settings: Settings,
    near_a: list[str] | None = None,
    near_b: list[str] | None = None,
    encode: Callable[[list[str]], np.ndarray] | None = None,
) -> list[Divergence]:
    """Divergences between two texts (sides named ``a`` and ``b``): the checks alone,
    for one pair of sentences, as the benchmark uses them. ``near_a``/``near_b``: the
    sentences next to each side in its document (see :func:`check_pair`)."""
    return check_pair(
        read_side(text_a, lang_a, settings),
        read_side(text_b, lang_b, settings),
        doc_a="a",
        doc_b="b",
        settings=settings,
        near_a=near_side(near_a or [], lang_a),
        near_b=near_side(near_b or [], lang_b),
        encode=encode,
    )


# Corpus mode compares every pair of a story, so each document's segments would be read
# once per pair (3x in a story of 4). Within ``side_cache()`` each (text, language,
# settings) is read once; outside it nothing is kept.
_SIDES = threading.local()


@contextlib.contextmanager
def side_cache() -> Iterator[None]:
    """Within the block, :func:`read_side` reads each distinct input once (this thread)."""
    outer = getattr(_SIDES, "memo", None)
    _SIDES.memo = {} if outer is None else outer
    try:
        yield
    finally:
        _SIDES.memo = outer


def _memoised(read):
    @functools.wraps(read)
    def wrapper(text, lang, *rest):
        memo = getattr(_SIDES, "memo", None)
        if memo is None:
            return read(text, lang, *rest)
        # settings by identity (hashing them costs ~0.5 ms); the object is kept in the
        # entry, so a reused id of a freed object never matches.
        key = (text, lang, *map(id, rest))
        hit = memo.get(key)
        if hit is None or any(a is not b for a, b in zip(hit[0], rest)):
            hit = memo[key] = (rest, read(text, lang, *rest))
        return hit[1]

    return wrapper


read_side = _memoised(read_side)
