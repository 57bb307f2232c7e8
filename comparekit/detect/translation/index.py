"""Name lookups against the people gazetteer: exact, listed-variant and rule-based.

:class:`NameIndex` keys every gazetteer name part by its folded spelling and its phonetic
:func:`~comparekit.translit.skeleton`; :func:`canonical_name` is the public entry point
(re-exported by :mod:`comparekit.translit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from comparekit.translit import cyrillic_to_latin, english_readings, fold, is_latin, skeleton


@dataclass(frozen=True)
class NameMatch:
    """A word read as (part of) a known person's name."""

    person: int  # index into NameIndex.people
    part: str  # "surname" or "given"
    canonical: str  # canonical form of that part
    score: float  # 0-100
    language: str  # reading language: fr, de, ..., "listed" (a gazetteer variant), "en"
    listed: bool  # the spelling is in the gazetteer


class NameIndex:
    """Surname and given-name keys of a gazetteer, for exact and fuzzy lookups."""

    def __init__(
        self,
        people: Sequence,
        *,
        fuzzy_cutoff: float = 88.0,
        min_length: int = 4,
        generic_min_length: int = 7,
    ) -> None:
        self.people = tuple(people)
        self.fuzzy_cutoff = fuzzy_cutoff
        self.min_length = min_length
        self.generic_min_length = generic_min_length
        self.accepted: dict[str, set[tuple[int, str]]] = {}  # folded English spelling -> (person, part)
        self.listed: dict[
            str, list[tuple[int, str, str]]
        ] = {}  # folded foreign spelling -> (person, part, lang)
        self.keys: dict[str, set[tuple[int, str]]] = {}  # skeleton of English spelling -> (person, part)
        self.full: dict[str, set[int]] = {}  # folded full form (any script) -> persons
        for i, p in enumerate(self.people):
            for lang, form in [("en", p.canonical)] + list(p.variants):
                self.full.setdefault(fold(form), set()).add(i)
                for part, word in self._parts(p, form):
                    if lang == "en":
                        self.accepted.setdefault(fold(word), set()).add((i, part))
                        self.keys.setdefault(skeleton(word), set()).add((i, part))
                    elif is_latin(word):
                        self.listed.setdefault(fold(word), []).append((i, part, lang))
        self._choices = sorted(k for k in self.keys if len(k) >= min_length)

    @staticmethod
    def _parts(person, form: str) -> list[tuple[str, str]]:
        """(part, word) pairs of a full form: the surname (same word count as the
        canonical surname) and the first given name."""
        if not person.surname:
            return []
        words = form.replace(",", " ").split()
        n = len(person.surname.split())
        if len(words) <= n:
            return [("surname", form)]
        if person.surname_first:
            return [("surname", " ".join(words[:n])), ("given", words[n])]
        return [("surname", " ".join(words[-n:])), ("given", words[0])]

    def canonical_part(self, person: int, part: str) -> str:
        p = self.people[person]
        return p.surname if part == "surname" else (p.given.split() or [""])[0]

    def is_accepted(self, word: str) -> bool:
        """An English spelling of some gazetteer name part (never flagged)."""
        return fold(word) in self.accepted

    def match(
        self, word: str, *, languages: Iterable[str] | None = None, use_listed: bool = True
    ) -> list[NameMatch]:
        """Read ``word`` as a name part: accepted English spellings score 100 with
        language "en"; listed foreign spellings score 100 with their language; otherwise
        the best rule-based readings (exact skeleton 100, rapidfuzz ratio >= cutoff)."""
        from rapidfuzz import fuzz, process

        f = fold(word)
        if f in self.accepted:
            return [
                NameMatch(i, part, self.canonical_part(i, part), 100.0, "en", True)
                for i, part in sorted(self.accepted[f])
            ]
        if use_listed and f in self.listed:
            return [
                NameMatch(i, part, self.canonical_part(i, part), 100.0, lang, True)
                for i, part, lang in sorted(self.listed[f])
            ]
        if len(f) < self.min_length:
            return []
        best: dict[tuple[int, str], NameMatch] = {}
        readings = [("en", [f])] + list(english_readings(word, languages).items())
        for lang, forms in readings:
            for form in forms:
                key = skeleton(form)
                hits = [(key, 100.0)] if key in self.keys else []
                if lang == "en" and len(f) < self.generic_min_length:
                    hits = []  # "Miler" ~ "Miller": too short to call a variant on spelling alone
                if not hits and lang != "en" and len(key) >= self.min_length + 1:
                    hit = process.extractOne(
                        key, self._choices, scorer=fuzz.ratio, score_cutoff=self.fuzzy_cutoff
                    )
                    if hit:
                        hits = [(hit[0], float(hit[1]))]
                for k, score in hits:
                    if lang == "en" and fold(form) == f and skeleton(form) == k and score < 100:
                        continue
                    for i, part in self.keys[k]:
                        m = NameMatch(i, part, self.canonical_part(i, part), score, lang, False)
                        old = best.get((i, part))
                        if old is None or m.score > old.score:
                            best[(i, part)] = m
        return sorted(best.values(), key=lambda m: (-m.score, m.person, m.part))


@lru_cache(maxsize=8)
def default_index(
    path: str | None = None, *, fuzzy_cutoff: float = 88.0, min_length: int = 4, generic_min_length: int = 7
) -> NameIndex:
    """The index of the shipped gazetteer (or the one at ``path``), cached."""
    from comparekit.detect.translation.gazetteer import load_gazetteer

    return NameIndex(
        load_gazetteer(path),
        fuzzy_cutoff=fuzzy_cutoff,
        min_length=min_length,
        generic_min_length=generic_min_length,
    )


def canonical_name(text: str, lang: str | None = None) -> tuple[str, float] | None:
    """The canonical English form of a person's name in any known spelling or script.

    ``text`` is a full name or a surname ("Pachinian", "Wladimir Putin", "Пашинян").
    ``lang`` limits the romanisation rules tried (e.g. "fr"). Returns the canonical full
    name when one person fits, the canonical surname when several people share it
    ("Aliev" -> "Aliyev"), with a score in [0, 1]; ``None`` when nothing fits.
    """
    index = default_index()
    text = " ".join(text.split())
    if not text:
        return None
    full = index.full.get(fold(text))
    if full and len(full) == 1:
        return index.people[next(iter(full))].canonical, 1.0
    words = [w.strip(".,;:'’\"") for w in text.split()]
    if any(not is_latin(w) for w in words):
        words = [cyrillic_to_latin(w) for w in words]
    langs = [lang] if lang else None
    best: list[NameMatch] = []
    for w in words:
        ms = [m for m in index.match(w, languages=langs) if m.part == "surname"]
        if ms and (not best or ms[0].score > best[0].score):
            best = [m for m in ms if m.score == ms[0].score]
    if not best:
        return None
    persons = {m.person for m in best}
    others = [w for w in words if fold(w) not in {fold(m.canonical) for m in best}]
    if len(persons) > 1 and others:
        given = {
            m.person
            for w in others
            for m in index.match(w, languages=langs)
            if m.part == "given" and m.person in persons
        }
        persons = given or persons
    score = best[0].score / 100.0
    if len(persons) == 1:
        return index.people[next(iter(persons))].canonical, round(score, 4)
    return best[0].canonical, round(score, 4)
