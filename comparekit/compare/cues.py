"""Cue-word checks: roles and titles, negation, modality (hedges) and attribution."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from comparekit.compare.lexicon import Token, find_phrases, lang_of, lexicon


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence: its label (role id, or the cue kind), words, token span."""

    label: str
    text: str
    first: int
    end: int


def _spans(tokens: list[Token], found: list[tuple[str, int, int]]) -> list[Cue]:
    return [Cue(label, " ".join(t.text for t in tokens[i:j]), i, j) for label, i, j in found]


#: Titles that are also common adjectives ("general meeting", "General Assembly",
#: "quartier général"): a title only right before a name that is not a common word.
_ADJECTIVE_TITLES = {"general", "général", "générale"}


def extract_roles(tokens: list[Token], lang: str | None, used: set[int] | None = None) -> list[Cue]:
    """Titles and roles (president, prime minister, foreign minister ...), by role id."""
    from comparekit.compare.entities import _zipf

    lang = lang_of(lang)
    used = used if used is not None else set()
    found = []
    for label, i, j in find_phrases(tokens, _role_table(lang), used=used):
        if tokens[i].low in _ADJECTIVE_TITLES and j - i == 1:
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is None or not nxt.text[:1].isupper() or _zipf(nxt.low, lang) >= 4.0:
                used.difference_update(range(i, j))
                continue
        found.append((label, i, j))
    return _spans(tokens, found)


@lru_cache(maxsize=8)
def _role_table(lang: str) -> dict[str, list[str]]:
    return {rid: entry.get(lang, []) for rid, entry in lexicon()["roles"].items()}


@lru_cache(maxsize=32)
def _cue_table(lang: str, kind: str) -> dict[str, list[str]]:
    return {kind: lexicon()[kind][lang]}


def role_family(role_id: str) -> str:
    """The family of a role: generic and specific titles of one family are compatible."""
    return lexicon()["roles"][role_id]["family"]


def role_conflicts(a: list[Cue], b: list[Cue]) -> tuple[list[Cue], list[Cue]]:
    """Roles of A with no compatible role in B and vice versa.

    Compatible: the same role, or the generic title of the same family with a specific
    one ("minister" against "foreign minister")."""
    generic = {"minister", "president", "congressman", "ceo"}

    def ok(x: Cue, others: list[Cue]) -> bool:
        for y in others:
            if x.label == y.label:
                return True
            if role_family(x.label) == role_family(y.label) and (x.label in generic or y.label in generic):
                return True
        return False

    return [x for x in a if not ok(x, b)], [y for y in b if not ok(y, a)]


_FR_PARTNERS = {
    "pas",
    "jamais",
    "plus",
    "rien",
    "aucun",
    "aucune",
    "personne",
    "guère",
    "nullement",
    "ni",
    "nul",
}
#: Fixed phrases with a negation word that do not negate ("тем не менее" = even so).
_NOT_NEGATION = {
    "ru": (
        ("тем", "не", "менее"),
        ("не", "только"),
        ("не", "раз"),
        ("не", "менее"),
        ("ни", "один"),
        ("не", "так", "давно"),  # not long ago
        ("а", "не"),  # "rather than": на детей, а не на взрослых
        ("бы", "ни"),  # concessive: как бы ни, что бы ни
    ),
    "en": (("not", "only"), ("no", "doubt"), ("nothing", "but"), ("not", "just"), ("not", "that")),
    "fr": (("non", "seulement"), ("à", "jamais"), ("sans", "aucun"), ("que", "jamais")),
}
#: Negative-concord words: they repeat the negation of their clause ("не ... ни одного",
#: "ne ... ni", "Ни от чего я не"), so they start no negation of their own when another
#: negation word is within ``concord_window`` tokens on either side
#: (compare.negation_concord_window).
_CONCORD = {
    "ru": {"ни", "никто", "никого", "никому", "ничего", "ничто", "никогда", "никак", "нигде"},
    "fr": {"ni", "jamais", "rien", "aucun", "aucune", "personne", "nul"},
    "es": {"ni", "nada", "nadie", "nunca", "jamás", "ningún", "ninguno", "ninguna", "tampoco"},
    "de": {"weder", "noch"},
    "en": {"nor", "neither"},
}


def negations(tokens: list[Token], lang: str | None, concord_window: int = 6) -> list[Cue]:
    """Negations, one per negated clause: cues within three words of each other count
    once ("никто ... не", "ne ... jamais"); French "ne" needs its partner (pas, jamais,
    rien ...), so "ne" explétif and "ne ... que" (only) are not negations."""
    lang = lang_of(lang)
    words = set(lexicon()["negation"][lang])
    lows = [t.low for t in tokens]
    skip: set[int] = set()
    for phrase in _NOT_NEGATION.get(lang, ()):
        n = len(phrase)
        for k in range(len(lows) - n + 1):
            if tuple(lows[k : k + n]) == phrase:
                skip.update(range(k, k + n))
    out: list[Cue] = []
    last = -10
    concord = _CONCORD.get(lang, set())
    heads = [k for k, w in enumerate(lows) if w in words and w not in concord and k not in skip]
    for k, w in enumerate(lows):
        if w not in words or k in skip:
            continue
        if w in concord and any(abs(h - k) <= concord_window for h in heads):
            continue
        if lang == "fr":
            if w in ("ne", "n"):
                if not _FR_PARTNERS & set(lows[max(0, k - 3) : k] + lows[k + 1 : k + 6]):
                    continue
            elif w in ("personne", "nul") and not {"ne", "n"} & set(lows[k + 1 : k + 3]):
                continue  # "une personne": a noun, not "personne ne"
        # Different words close together negate once ("ne ... pas", "никто не"); the
        # same word twice is a double negation ("not not", "не могу не думать").
        if k - last <= 3 and lows[last] != w:
            last = k
            continue
        out.append(Cue("negation", tokens[k].text, k, k + 1))
        last = k
    return out


def lexical_negatives(tokens: list[Token], lang: str | None) -> list[Cue]:
    """Words that say "no" without a negation word (unable, refused, sans, отказался ...)."""
    lang = lang_of(lang)
    return _spans(tokens, find_phrases(tokens, _cue_table(lang, "lexical_negatives")))


def cue_list(tokens: list[Token], lang: str | None, kind: str) -> list[Cue]:
    """Modality (``modality``) or attribution (``attribution``) cues in ``tokens``."""
    lang = lang_of(lang)
    found = find_phrases(tokens, _cue_table(lang, kind))
    # A capitalised cue inside a sentence is a name ("Theresa May"), not a hedge.
    found = [f for f in found if f[1] == 0 or not tokens[f[1]].text[:1].isupper()]
    return _spans(tokens, found)
