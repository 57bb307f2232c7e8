"""Actors: who is mentioned, how often, and how often as the agent of a clause.

No parser or NER model ships with comparekit (none can be downloaded offline), so this is
a transparent heuristic, documented here and in the README:

- **mentions** are runs of capitalised words (connectors such as "of", "de", "al" allowed
  inside), with leading titles ("President", "Foreign Minister", "Mr") and anything before
  them dropped; a sentence-initial word counts only when it is not a function word and is
  also capitalised somewhere mid-sentence in the document or is rare (wordfreq).
  A stop-word that opens a name ("New York", "Le Monde") stays in it in the middle of a
  clause; a French institution's name goes on with its lower-case adjectives ("le Parti
  travailliste", "l’Union européenne").
- **forms** of one name are one actor: in Russian the words without their case endings
  (Ломбок, Ломбока, Ломбоке), in German a one-word name without its genitive -s (Trumps);
  the actor is shown as its most frequent form, with every mention's raw span.
  A one-word mention that is the last word of a longer name ("Putin" / "Vladimir Putin")
  is counted under the most mentioned such name (not two names joined by "и").
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
from comparekit.framing.stems import display_form
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
#: Stop-words that open a name when capitalised in the middle of a clause: New York,
#: New Zealand; French and Spanish articles (Le Monde, La Paz, Los Ángeles).
_NAME_OPENERS = frozenset("new le la les el los las".split())
#: Head words of French names that go on in lower case (le Parti travailliste,
#: l’Assemblée nationale, l’Union européenne, le Conseil constitutionnel, la Cour suprême).
_NAME_HEADS = {
    "fr": frozenset(
        """parti partis assemblée union nations front conseil cour banque fonds rassemblement
        mouvement organisation ministère église garde armée commission parlement sénat agence
        république état états forces communauté conférence tribunal haut-commissariat""".split()
    )
}
#: Endings of the French adjectives in such names (travailliste, nationale, européenne,
#: unies, constitutionnel, suprême, démocrate, républicain, conservateur, québécois ...).
_ADJECTIVE_ENDINGS = {
    "fr": tuple(
        """iste istes al ale aux ales el elle els elles ien ienne iens iennes éen éenne éens
        éennes ique iques aire aires ais aise aises ois oise oises if ive ifs ives ain aine
        ains aines crate crates eur eurs ies ême èmes""".split()
    )
}
_CLAUSE_BREAK = frozenset({";", ":", "—", "–"})
_CLAUSE_AFTER_COMMA = frozenset("but while whereas which who although though and".split())


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en", "wn", "ught")) or word in {"made", "held", "led", "met", "set", "hit"}


def _cyrillic(tok: str) -> bool:
    return "\u0400" <= tok[:1] <= "\u04ff"


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() and tok not in _PUNCT


def _spanned_words(sentence: str, lang: str = "en") -> list[tuple[str, int, int]]:
    """Words and punctuation of ``sentence`` with their ``(start, end)`` in it; a French
    word without its elided article (l’Arizona, d’Emmanuel Macron: Arizona, Emmanuel),
    which would hide the capital."""
    out = []
    for m in _TOKEN.finditer(sentence):
        t = strip_elision(m.group(0), lang)
        out.append((t, m.end() - len(t), m.end()))
    return out


def _words(sentence: str, lang: str = "en") -> list[str]:
    """Words and punctuation of ``sentence`` (:func:`_spanned_words` without the spans)."""
    return [t for t, _, _ in _spanned_words(sentence, lang)]


def _clauses(sentence: str, lang: str = "en") -> list[tuple[list[str], list[tuple[int, int]]]]:
    """The clauses of ``sentence``: each its tokens and their ``(start, end)`` in it. An
    English possessive is a token of its own ("Russia's": "Russia", "'s")."""
    toks = _spanned_words(sentence, lang)
    clauses: list[tuple[list[str], list[tuple[int, int]]]] = [([], [])]
    for k, (t, a, b) in enumerate(toks):
        nxt = toks[k + 1][0].lower() if k + 1 < len(toks) else ""
        if t in _CLAUSE_BREAK or (t == "," and nxt in _CLAUSE_AFTER_COMMA):
            clauses.append(([], []))
        elif t.endswith(("'s", "’s")):
            clauses[-1][0].extend([t[:-2], "'s"])
            clauses[-1][1].extend([(a, b - 2), (b - 2, b)])
        else:
            clauses[-1][0].append(t)
            clauses[-1][1].append((a, b))
    return [c for c in clauses if any(t not in _PUNCT for t in c[0])]


def _mentions(
    clause: list[str],
    first_in_sentence: bool,
    mid_caps: set[str] | _Forms,
    stop: frozenset[str],
    titlecase: bool,
    nouns: frozenset[str] = frozenset(),
    lang: str = "en",
    lowercase_words: int = 0,
    verb_min_zipf: float = 0.0,
):
    """``(start, end, name)`` token spans of capitalised runs in one clause. In a
    title-case line every capitalised word stands alone and counts only when the body
    capitalises it too. ``nouns``: lower-cased words that are common nouns however they
    are written (German), which a name neither contains nor is. ``lowercase_words``: how
    many lower-case adjectives a French institution's name may go on with ("Parti
    travailliste", "Banque centrale européenne"; :func:`_lowercase_tail`)."""
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
        j += _lowercase_tail(clause, j, lang, stop, lowercase_words, verb_min_zipf)
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
        # A stop-word that opens a name is kept in the middle of a clause, after a word:
        # "the mayor of New York" (not "York"), "selon Le Monde"; a sentence start ("New
        # York will ...": "York") is counted under the longer name when the document has it.
        while (
            words
            and words[0].lower() in stop
            and not (
                words[0].lower() in _NAME_OPENERS
                and _is_cap(words[0])
                and len(words) > 1
                and start > 0
                and clause[start - 1] not in _PUNCT
            )
        ):
            words, start = words[1:], start + 1
        # A name starts with a capital: not the adjective left when the sentence-initial
        # word before it was dropped ("Parti travailliste ..." at a sentence start).
        if words and not _is_cap(words[0]):
            words = []
        if words and not (len(words) == 1 and words[0].lower() in stop):
            out.append((start, j, " ".join(words)))
        k = j
    return out


def _lowercase_tail(
    clause: list[str], j: int, lang: str, stop: frozenset[str], limit: int, verb_min_zipf: float
) -> int:
    """How many lower-case words after ``clause[:j]`` belong to the name it ends. French
    writes an institution's name with one capital: "le Parti travailliste", "l’Assemblée
    nationale", "la Banque centrale européenne", "les Nations unies". After a head word
    of :data:`_NAME_HEADS` the name goes on with up to ``limit`` adjectives: a word with
    an adjective's ending (:data:`_ADJECTIVE_ENDINGS`) that is no verb form (its -er
    infinitive is no word of wordfreq's list with Zipf >= ``verb_min_zipf``: "la
    Commission explique" is not a name, "expliquer" is a verb)."""
    heads = _NAME_HEADS.get(lang)
    if not heads or not limit or j == 0 or clause[j - 1].lower() not in heads:
        return 0
    from wordfreq import zipf_frequency

    n = 0
    while n < limit and j + n < len(clause):
        w = clause[j + n]
        low = w.lower()
        if w != low or low in stop or not low.endswith(_ADJECTIVE_ENDINGS.get(lang, ())):
            break
        base = re.sub(r"(?:e|es|ent|é|ée|és|ées)$", "", low)
        if zipf_frequency(base + "er", lang) >= verb_min_zipf:
            break
        n += 1
    return n


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
    """Per document: ``[{"name", "mentions", "as_agent", "forms", "spans"}]``, most
    mentioned first: ``name`` is the actor's most frequent form (:func:`.stems.display_form`),
    ``forms`` how often each form was written (a surname counted under the full name is a
    form too), ``spans`` the raw ``[start, end]`` of every mention."""
    cfg = settings.framing
    out: dict[str, list[dict]] = {}
    for doc in docs:
        lang = doc.language or "en"
        stop = stopwords(lang) | stopwords("en")
        segs = [s for s in doc.segments if s.alignable]
        sentences = [s.text for s in segs]
        toks = [[t for t in _words(s, lang) if t not in _PUNCT] for s in sentences]
        titlecase = [len(t) >= 4 and sum(map(_is_cap, t)) > 0.6 * len(t) for t in toks]
        # German capitalises every noun: the words the document uses as common nouns
        # (after an article: framing.cues.german_nouns) are not names.
        nouns = frozenset(german_nouns(sentences)) if lang == "de" else frozenset()
        mid_caps = _Forms(
            {
                re.sub(r"['’]s$", "", w)
                for t, tc in zip(toks, titlecase)
                if not tc
                for w in t[1:]
                if _is_cap(w) and w.lower() not in nouns
            },
            lang,
            int(cfg.name_min_stem),
        )
        # Every mention: (name, agent?, raw span).
        found_all: list[tuple[str, bool, tuple[int, int]]] = []
        for seg, sentence, tc in zip(segs, sentences, titlecase):
            for n, (clause, spans) in enumerate(_clauses(sentence, lang)):
                found = _mentions(
                    clause,
                    n == 0,
                    mid_caps,
                    stop,
                    tc,
                    nouns,
                    lang,
                    int(cfg.actor_lowercase_name_words),
                    float(cfg.actor_verb_min_zipf),
                )
                c = _Clause(clause, lang) if found else None
                for start, end, name in found:
                    # the name's own words (a title or a dropped sentence start is not part of it)
                    a, b = spans[start][0], spans[end - 1][1]
                    raw = doc.to_raw(seg.text_start + a, seg.text_start + b)
                    found_all.append((name, _agent(c, start, end, lang), raw))
        # The forms of one name are one actor: Ломбок, Ломбока, Ломбоке (:func:`_name_key`).
        name_words = {w for name, _, _ in found_all for w in name.split()}
        groups: dict[str, _Actor] = {}
        for name, agent, raw in found_all:
            g = groups.setdefault(_name_key(name, lang, name_words, int(cfg.name_min_stem)), _Actor())
            g.own[name] += 1
            g.agents += agent
            g.spans.append(raw)
        # Fold a one-word mention into the longer name it ends ("Putin" -> "Vladimir Putin"):
        # the most mentioned such name (then the longest), not one written once by chance
        # ("Ким Чен Ыном и Дональдом Трампом" is not where "Трамп" belongs).
        longer: dict[str, str] = {}
        for k in sorted(groups, key=lambda x: (-len(groups[x].spans), -len(x.split()), x)):
            last = k.split()[-1]
            # not into two names joined by "и" ("Ким Чен Ыном и Дональдом Трампом")
            if len(k.split()) > 1 and last not in longer and "и" not in k.split():
                longer[last] = k
        for k in list(groups):
            target = longer.get(k)
            if target and target != k:
                g = groups.pop(k)
                groups[target].folded.update(g.own)
                groups[target].agents += g.agents
                groups[target].spans.extend(g.spans)
        shown = {k: display_form(g.own) for k, g in groups.items()}
        ranked = sorted(groups, key=lambda k: (-len(groups[k].spans), shown[k], k))
        out[doc.id] = [
            {
                "name": shown[k],
                "mentions": len(groups[k].spans),
                "as_agent": groups[k].agents,
                "forms": dict(
                    sorted((groups[k].own + groups[k].folded).items(), key=lambda fc: (-fc[1], fc[0]))
                ),
                "spans": sorted(list(sp) for sp in groups[k].spans),
            }
            for k in ranked
            if len(groups[k].spans) >= cfg.actor_min_mentions
        ][: cfg.actors_per_document]
    return out


class _Actor:
    """One actor's mentions: its own forms (``own``), the shorter ones folded into it
    (``folded``: "Putin" under "Vladimir Putin"), agent count and raw spans."""

    def __init__(self) -> None:
        self.own: Counter[str] = Counter()
        self.folded: Counter[str] = Counter()
        self.agents = 0
        self.spans: list[tuple[int, int]] = []


#: Case endings of Russian nouns and adjectives (longest first), which a name takes off
#: before its forms are compared: Ломбок, Ломбока, Ломбоке; Северная Корея, Северной
#: Корее, Северную Корею; Трамп, Трампа, Трампом. The Snowball stemmer, used for the
#: distinctive terms, is no good for names: it cuts derivational suffixes too and
#: treats short names unevenly (Корея: коре, Корее: кор).
_RU_ENDINGS = tuple(
    sorted(
        """а я у ю е и ы о ь й ой ей ою ею ом ем ам ям ах ях ами ями ий ый ая яя ую юю ое ее
        ого его ому ему ым им ые ие ых их ыми ими""".split(),
        key=lambda e: (-len(e), e),
    )
)


def _name_key(name: str, lang: str, name_words: set[str], min_stem: int) -> str:
    """The key under which the forms of one name are counted. Russian: each word without
    its case ending (:data:`_RU_ENDINGS`), keeping at least ``min_stem`` letters (Иран and
    Ирак stay apart, Ким and Кима do not). German: a one-word name with a genitive -s
    (Merkels, Deutschlands) is the name without it when the document has that word too.
    Elsewhere names do not decline and stemming them would only merge different names
    (William, Williams): the name as written."""
    words = name.split()
    if lang == "ru":
        return " ".join(_strip_ending(w.lower(), min_stem) for w in words)
    if lang == "de" and len(words) == 1 and words[0].endswith("s") and words[0][:-1] in name_words:
        # Only a name of one word: in "Teilen Mexikos" or "Aktivitäten Chinas" the word
        # before is an unrecognised noun, and the key "Teilen Mexiko" would take every
        # "Mexiko" as its surname.
        return words[0][:-1]
    return " ".join(words)


class _Forms:
    """Words capitalised in the middle of a sentence, asked about in any form: in Russian
    "Трамп" opening a sentence is a name when the document writes "Трампа" mid-sentence;
    in German "Trump" when it writes "Trumps"."""

    def __init__(self, words: set[str], lang: str, min_stem: int) -> None:
        self.words = words
        self.lang = lang
        self.min_stem = min_stem
        self.keys = {self._key(w) for w in words}

    def _key(self, word: str) -> str:
        if self.lang == "ru":
            return _strip_ending(word.lower(), self.min_stem)
        if self.lang == "de" and word.endswith("s"):
            return word[:-1]
        return word

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.words or self._key(word) in self.keys)


def _strip_ending(word: str, min_stem: int) -> str:
    """``word`` without its case ending, then without the vowels the stem ends in (Корея,
    Корее, Корею, Кореей: кор; Россия, России: росс), keeping ``min_stem`` letters."""
    if not _cyrillic(word):
        return word
    for e in _RU_ENDINGS:
        if word.endswith(e) and len(word) - len(e) >= min_stem:
            word = word[: -len(e)]
            break
    while len(word) > min_stem and word[-1] in "аеёиоуыэюяйь":
        word = word[:-1]
    return word
