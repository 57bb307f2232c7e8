"""Cue-word checks: roles and titles, negation, modality (hedges) and attribution."""

from __future__ import annotations

from dataclasses import dataclass

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


def extract_roles(tokens: list[Token], lang: str | None, used: set[int] | None = None) -> list[Cue]:
    """Titles and roles (president, prime minister, foreign minister ...), by role id."""
    lang = lang_of(lang)
    table = {rid: entry.get(lang, []) for rid, entry in lexicon()["roles"].items()}
    return _spans(tokens, find_phrases(tokens, table, used=used))


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


def negations(tokens: list[Token], lang: str | None) -> list[Cue]:
    """Negation cues. French "ne ... pas" counts once; "ne ... que" (only) is not a negation."""
    lang = lang_of(lang)
    words = set(lexicon()["negation"][lang])
    out = []
    lows = [t.low for t in tokens]
    k = 0
    while k < len(tokens):
        w = lows[k]
        if w in words:
            if lang == "fr" and w in ("ne", "n"):
                window = lows[k + 1 : k + 5]
                if ({"que", "qu"} & set(window)) and not (
                    {"pas", "jamais", "plus", "rien", "aucun", "aucune", "personne"} & set(window)
                ):
                    k += 1
                    continue
                # The second half of ne...pas/jamais/rien is the same negation.
                for j in range(k + 1, min(k + 5, len(lows))):
                    if lows[j] in ("pas", "jamais", "rien", "aucun", "aucune", "plus", "personne"):
                        lows[j] = "_"
                        break
            if lang == "fr" and w == "non" and k + 1 < len(lows) and lows[k + 1] in ("seulement", "plus"):
                k += 1
                continue
            if lang == "en" and w == "no" and k + 1 < len(lows) and lows[k + 1] in ("longer", "doubt"):
                pass
            if lang == "ru" and w == "не" and k + 1 < len(lows) and lows[k + 1] in ("только", "менее", "раз"):
                k += 1
                continue
            if lang == "en" and w == "not" and k + 1 < len(lows) and lows[k + 1] in ("only",):
                k += 1
                continue
            out.append(Cue("negation", tokens[k].text, k, k + 1))
        k += 1
    return out


def cue_list(tokens: list[Token], lang: str | None, kind: str) -> list[Cue]:
    """Modality (``modality``) or attribution (``attribution``) cues in ``tokens``."""
    lang = lang_of(lang)
    found = find_phrases(tokens, {kind: lexicon()[kind][lang]})
    # A capitalised cue inside a sentence is a name ("Theresa May"), not a hedge.
    found = [f for f in found if f[1] == 0 or not tokens[f[1]].text[:1].isupper()]
    return _spans(tokens, found)
