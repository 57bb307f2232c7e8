"""Actors: who is mentioned, how often, and how often as the agent of a clause.

No parser or NER model ships with comparekit (none can be downloaded offline), so this is
a transparent heuristic, documented here and in the README:

- **mentions** are runs of capitalised words (connectors such as "of", "de", "al" allowed
  inside), with leading titles ("President", "Foreign Minister", "Mr") and anything before
  them dropped; a sentence-initial word counts only when it is not a function word and is
  also capitalised somewhere mid-sentence in the document or is rare (wordfreq).
  A one-word mention that is the last word of a longer name ("Putin" / "Vladimir Putin")
  is counted under the longer name.
- **agent**: a mention is the agent of its clause (clauses split at ; : and at
  ", but", ", while" ...) when (a) it follows "by" after a passive (be + participle:
  "was brokered by Russia"), or (b) it opens the clause's subject position — no verb and
  no preposition before it — and the next word is a finite verb (an auxiliary, a
  reporting verb, or a word ending in -s/-ed) that does not start a passive ("Russia
  was criticised"). For languages other than English only rule (b) applies, with a
  lower-case word after the mention standing in for the verb (subject-first clauses
  in fr, es, ru and de main clauses).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

from comparekit.document import Document
from comparekit.framing.cues import german_nouns, stopwords, strip_elision
from comparekit.settings import Settings

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*|[;:—–,.!?()\"“”«»]")
_PUNCT = frozenset(';:—–,.!?()"“”«»')
_CONNECTORS = frozenset("of de du des la le al el bin ibn von van der den da di del y и".split())
_TITLES = frozenset(
    """president prime minister ministers foreign defence defense secretary general chancellor
    king queen pope senator governor leader spokesman spokeswoman spokesperson mr mrs ms dr
    deputy ambassador envoy chairman head chief commander premier mayor sir lord
    m mme mmes mlle mlles mgr""".split()
)
_FINITE = frozenset(
    """is are was were has have had will would can could may might must shall should does did do
    said says say told tells announced warned called calls wants wanted seeks sought remains
    remained refused refuses agreed agrees accused accuses supports supported denied denies
    insists insisted hopes hoped""".split()
)
_BE = frozenset("is are was were be been being".split())
_PREPOSITIONS = {
    "en": "in on at to with from of for between against into over under about by near than as".split(),
    "fr": "à de en dans sur avec pour par entre contre vers chez sans sous".split(),
    "de": "in im an am auf mit von vom zu zum zur für bei gegen zwischen nach aus über unter".split(),
    "es": "a de en con por para entre contra sobre desde hacia sin".split(),
    "ru": "в во на с со к ко от по о об у для из за между против при".split(),
}
_CLAUSE_BREAK = frozenset({";", ":", "—", "–"})
_CLAUSE_AFTER_COMMA = frozenset("but while whereas which who although though and".split())


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en", "wn", "ught")) or word in {"made", "held", "led", "met", "set", "hit"}


def _cyrillic(tok: str) -> bool:
    return "\u0400" <= tok[:1] <= "\u04ff"


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok not in _PUNCT


def _words(sentence: str, lang: str = "en") -> list[str]:
    """Words and punctuation of ``sentence``; a French word without its elided article
    (l’Arizona, d’Emmanuel Macron: Arizona, Emmanuel), which would hide the capital."""
    return [strip_elision(t, lang) for t in _TOKEN.findall(sentence)]


def _clauses(sentence: str, lang: str = "en") -> list[list[str]]:
    toks = _words(sentence, lang)
    clauses: list[list[str]] = [[]]
    for k, t in enumerate(toks):
        nxt = toks[k + 1].lower() if k + 1 < len(toks) else ""
        if t in _CLAUSE_BREAK or (t == "," and nxt in _CLAUSE_AFTER_COMMA):
            clauses.append([])
        else:
            clauses[-1].append(re.sub(r"['’]s$", "", t) if t.endswith(("'s", "’s")) else t)
            if t.endswith(("'s", "’s")):
                clauses[-1].append("'s")
    return [c for c in clauses if any(t not in _PUNCT for t in c)]


def _mentions(
    clause: list[str],
    first_in_sentence: bool,
    mid_caps: set[str],
    stop: frozenset[str],
    titlecase: bool,
    nouns: frozenset[str] = frozenset(),
    lang: str = "en",
):
    """``(start, end, name)`` token spans of capitalised runs in one clause. In a
    title-case line every capitalised word stands alone and counts only when the body
    capitalises it too. ``nouns``: lower-cased words that are common nouns however they
    are written (German), which a name neither contains nor is."""
    from wordfreq import zipf_frequency

    def cap(tok: str) -> bool:
        return _is_cap(tok) and tok.lower() not in nouns

    if titlecase:
        return [(k, k + 1, w) for k, w in enumerate(clause) if w in mid_caps and w.lower() not in stop]
    out = []
    k = 0
    while k < len(clause):
        if not cap(clause[k]):
            k += 1
            continue
        j = k + 1
        # A name is written in one script: "президент Bellator Скотт Кокер" is Bellator's
        # Скотт Кокер, not one name, and "Сторонник Brexit" (a capitalised sentence start
        # before a Latin name) not a longer form of Brexit.
        while j < len(clause) and (
            (cap(clause[j]) and _cyrillic(clause[j]) == _cyrillic(clause[k]))
            or (
                clause[j].lower() in _CONNECTORS
                and j + 1 < len(clause)
                and cap(clause[j + 1])
                and _cyrillic(clause[j + 1]) == _cyrillic(clause[k])
            )
        ):
            j += 1
        words = clause[k:j]
        # Drop everything up to the last title word ("Armenian President Nikol Pachinian").
        cut = max((n + 1 for n, w in enumerate(words) if w.lower() in _TITLES), default=0)
        start = k + cut
        words = words[cut:]
        if words and start == 0 and first_in_sentence:
            head = words[0]
            # A common word of the document's language (Außerdem, Selon), not of English.
            common = head.lower() in stop or (head not in mid_caps and zipf_frequency(head, lang) >= 4.0)
            if common:
                words, start = words[1:], start + 1
        while words and words[0].lower() in stop:
            words, start = words[1:], start + 1
        if words and not (len(words) == 1 and words[0].lower() in stop):
            out.append((start, j, " ".join(words)))
        k = j
    return out


class _Clause:
    """A clause's words lowercased once, with prefix flags, so that asking "is this
    mention the subject?" costs the same for every mention of a long clause (a 1 MB
    sentence has thousands of mentions; rescanning it for each was quadratic)."""

    def __init__(self, clause: list[str], lang: str) -> None:
        self.words = clause
        self.low = [w.lower() for w in clause]
        stops = stopwords(lang)
        self.be = _prefix_any(w in _BE for w in self.low)
        self.participle = _prefix_any(_participle(w) for w in self.low)
        self.finite = _prefix_any(w in _FINITE for w in self.low)
        self.all_stop = _prefix_all(w in stops for w in self.low)


def _prefix_any(flags) -> list[bool]:
    """``out[k]``: some of the first ``k`` flags is true (``out[0]`` is False)."""
    out, seen = [False], False
    for f in flags:
        seen = seen or bool(f)
        out.append(seen)
    return out


def _prefix_all(flags) -> list[bool]:
    """``out[k]``: all of the first ``k`` flags are true (``out[0]`` is True)."""
    out, ok = [True], True
    for f in flags:
        ok = ok and bool(f)
        out.append(ok)
    return out


def _agent(c: _Clause, start: int, end: int, lang: str) -> bool:
    last_before = c.low[start - 1] if start > 0 else None
    after = c.low[end : end + 1]  # the next word; _first_words reads on from ``end``
    preps = set(_PREPOSITIONS.get(lang, []))
    if lang == "en":
        if last_before == "by":
            return c.be[start] and c.participle[start]
        if last_before in preps:
            return False
        if c.finite[start]:
            return False
        if after[:1] == ["'s"]:
            return False
        rest = _first_words(c.low, end, 3)
        if not rest:
            return False
        verb = rest[0]
        if verb in _BE and len(rest) > 1 and _participle(rest[1]):
            return False  # passive: "Russia was criticised"
        if verb in {"has", "have", "had"} and rest[1:2] == ["been"]:
            return False
        return verb in _FINITE or (verb.endswith(("s", "ed")) and not verb.endswith("ss"))
    if last_before in preps:
        return False
    return bool(after) and not _is_cap(c.words[end]) and c.all_stop[start]


def _first_words(words: list[str], start: int, n: int) -> list[str]:
    """The first ``n`` words from ``start`` on that are not adverbs in -ly."""
    out = []
    for w in itertools.islice(words, start, None):
        if not w.endswith("ly"):
            out.append(w)
            if len(out) == n:
                break
    return out


def actors(docs: Sequence[Document], *, settings: Settings) -> dict[str, list[dict]]:
    """Per document: ``[{"name", "mentions", "as_agent"}]``, most mentioned first."""
    cfg = settings.framing
    out: dict[str, list[dict]] = {}
    for doc in docs:
        lang = doc.language or "en"
        stop = stopwords(lang) | stopwords("en")
        sentences = [s.text for s in doc.segments if s.alignable]
        toks = [[t for t in _words(s, lang) if t not in _PUNCT] for s in sentences]
        titlecase = [len(t) >= 4 and sum(map(_is_cap, t)) > 0.6 * len(t) for t in toks]
        # German capitalises every noun: the words the document uses as common nouns
        # (after an article: framing.cues.german_nouns) are not names.
        nouns = frozenset(german_nouns(sentences)) if lang == "de" else frozenset()
        mid_caps = {
            re.sub(r"['’]s$", "", w)
            for t, tc in zip(toks, titlecase)
            if not tc
            for w in t[1:]
            if _is_cap(w) and w.lower() not in nouns
        }
        mentions: Counter[str] = Counter()
        agents: Counter[str] = Counter()
        for sentence, tc in zip(sentences, titlecase):
            for n, clause in enumerate(_clauses(sentence, lang)):
                found = _mentions(clause, n == 0, mid_caps, stop, tc, nouns, lang)
                c = _Clause(clause, lang) if found else None
                for start, end, name in found:
                    mentions[name] += 1
                    agents[name] += _agent(c, start, end, lang)
        # Fold a one-word mention into the longer name it ends ("Putin" -> "Vladimir Putin").
        longer = {}
        for name in sorted(mentions, key=lambda x: (-len(x.split()), x)):
            last = name.split()[-1]
            if len(name.split()) > 1 and last not in longer:
                longer[last] = name
        for name in list(mentions):
            target = longer.get(name)
            if target and target != name:
                mentions[target] += mentions.pop(name)
                agents[target] += agents.pop(name)
        ranked = sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))
        out[doc.id] = [
            {"name": name, "mentions": count, "as_agent": agents[name]}
            for name, count in ranked
            if count >= cfg.actor_min_mentions
        ][: cfg.actors_per_document]
    return out
