"""Cue-word checks: roles and titles, negation, modality (hedges) and attribution."""

from __future__ import annotations

import re
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
#: A German title word with "-schaft" names the office or its term (Präsidentschaft).
_DE_OFFICE = re.compile(r"(?:präsident|kanzler|minister|gouverneur|senator|sprecher|könig)schaft")


def extract_roles(tokens: list[Token], lang: str | None, used: set[int] | None = None) -> list[Cue]:
    """Titles and roles (president, prime minister, foreign minister ...), by role id."""
    from comparekit.compare.entities import _zipf

    lang = lang_of(lang)
    used = used if used is not None else set()
    found = []
    for label, i, j in find_phrases(tokens, _role_table(lang), used=used):
        if lang == "de" and _DE_OFFICE.search(tokens[j - 1].low):
            # Präsidentschaft(skandidatur), Kanzlerschaft: the office or its term, not a title.
            used.difference_update(range(i, j))
            continue
        if tokens[i].low in _ADJECTIVE_TITLES and j - i == 1:
            nxt = tokens[j] if j < len(tokens) else None
            if nxt is None or not nxt.text[:1].isupper() or _zipf(nxt.low, lang) >= 4.0:
                used.difference_update(range(i, j))
                continue
        found.append((label, i, j))
    if lang in _HYPHEN_NOT_TITLE:
        hyphen = _hyphen_roles(tokens, lang, used)
        # "vice-premier ministre" is one title: it replaces the "ministre" found alone.
        found = [f for f in found if not any(i <= f[1] and f[2] <= j for _, i, j in hyphen)]
        found = sorted(found + hyphen, key=lambda x: x[1])
    return _spans(tokens, found)


#: Titles after a hyphenated prefix, by language, and what such a tail is when it is no
#: title: French "quartier-général" (a place), German "-schaft" (the office: Präsidentschaft).
_HYPHEN_NOT_TITLE = {
    "fr": lambda tail: tail in _ADJECTIVE_TITLES,
    "de": lambda tail: bool(_DE_OFFICE.search(tail)),
}


def _hyphen_roles(tokens: list[Token], lang: str, used: set[int]) -> list[tuple[str, int, int]]:
    """Titles after a hyphenated prefix, whose title may go on past the word: French
    vice-premier ministre, ex-Premier ministre, ex-président; German US-Präsident,
    US-Senatoren, Ex-Kanzler (the words listed whole, vice-président, porte-parole,
    Vize-Präsident, were matched before). The words after the prefix may have been read
    as a shorter title already ("ministre"): the caller drops that one."""
    table, not_title = _role_table(lang), _HYPHEN_NOT_TITLE[lang]
    out = []
    for k, t in enumerate(tokens):
        if k in used or "-" not in t.low:
            continue
        tail = t.low.rsplit("-", 1)[1]
        if not tail or not_title(tail):
            continue
        hits = find_phrases([Token(tail, tail, 0, len(tail)), *tokens[k + 1 : k + 4]], table)
        first = next((h for h in hits if h[1] == 0), None)
        if first is not None:
            out.append((first[0], k, k + first[2]))
            used.update(range(k, k + first[2]))
    return out


@lru_cache(maxsize=8)
def _role_table(lang: str) -> dict[str, list[str]]:
    return {rid: entry.get(lang, []) for rid, entry in lexicon()["roles"].items()}


@lru_cache(maxsize=32)
def _cue_table(lang: str, kind: str) -> dict[str, list[str]]:
    return {kind: lexicon()[kind][lang]}


def role_family(role_id: str) -> str:
    """The family of a role: generic and specific titles of one family are compatible."""
    return lexicon()["roles"][role_id]["family"]


def role_conflicts(
    a: list[Cue], b: list[Cue], lang_a: str | None = None, lang_b: str | None = None
) -> tuple[list[Cue], list[Cue]]:
    """Roles of A with no compatible role in B and vice versa.

    Compatible: the same role, the generic title of the same family with a specific one
    ("minister" against "foreign minister"), or a role whose words in its language also
    translate the other (lexicon ``also``: French "président" for "chairman")."""
    generic = {"minister", "president", "congressman", "ceo"}

    def ok(x: Cue, x_lang: str | None, others: list[Cue], o_lang: str | None) -> bool:
        for y in others:
            if x.label == y.label:
                return True
            if role_family(x.label) == role_family(y.label) and (x.label in generic or y.label in generic):
                return True
            if y.label in _also_means(x.label, x_lang) or x.label in _also_means(y.label, o_lang):
                return True
        return False

    la, lb = lang_of(lang_a), lang_of(lang_b)
    return [x for x in a if not ok(x, la, b, lb)], [y for y in b if not ok(y, lb, a, la)]


def _also_means(role_id: str, lang: str | None) -> list[str]:
    """The roles that ``role_id``'s words in ``lang`` also translate (lexicon ``also``)."""
    return lexicon()["roles"][role_id].get("also", {}).get(lang or "", [])


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
        ("чуть", "не"),  # nearly: чуть не упал
        ("едва", "не"),
        ("на", "нет"),  # свести на нет: to cancel out
        ("как", "никогда"),  # as never before: как никогда важно
        ("не", "более"),  # limits, not negations: at most, at least, no later than
        ("не", "больше"),
        ("не", "меньше"),
        ("не", "позднее"),
        ("не", "позже"),
        ("не", "ранее"),
        ("не", "стало"),  # его не стало: he died
        ("не", "в", "последнюю", "очередь"),  # not least
        ("не", "смотря", "на"),  # несмотря на (despite), often written apart
        # "не хватает" (is lacking: Чистой воды не хватает, Clean water is scarce) says
        # "lack", a lexical negative (lexicon lexical_negatives), like English "lack".
        ("не", "хватает"),
        ("не", "хватало"),
        ("не", "хватит"),
        ("не", "хватило"),
        ("не", "хватали"),
    ),
    "en": (
        ("not", "only"),
        ("no", "doubt"),
        ("nothing", "but"),
        ("not", "just"),
        ("not", "that"),
        ("no", "later", "than"),  # by Friday
        ("no", "sooner", "than"),
        ("not", "least"),  # especially
        ("not", "long", "after"),  # soon after
        ("not", "long", "ago"),
        ("not", "long", "before"),
        ("never", "more"),  # never more so than: more than ever
        ("no", "more", "than"),  # limits: at most, at least
        ("no", "less", "than"),
        ("no", "fewer", "than"),
        ("and", "not"),  # contrast, like Russian "а не": South Korea and not the U.S.
        ("not", "until"),  # "it wasn't until he died that I saw" = only when he died
        ("not", "till"),
    ),
    "fr": (
        ("non", "seulement"),
        ("à", "jamais"),
        ("sans", "aucun"),
        ("que", "jamais"),
        ("et", "pas"),
        ("ou", "pas"),
    ),
    # The German readings of the English phrases above.
    "de": (
        ("nicht", "nur"),
        ("nicht", "bloß"),
        ("nicht", "zuletzt"),  # not least
        ("kein", "zweifel"),
        ("keinen", "zweifel"),
        ("keinem", "zweifel"),
        ("nichts", "als"),
        ("nicht", "mehr", "als"),
        ("nicht", "weniger", "als"),
        ("nicht", "später", "als"),
        ("nicht", "lange", "nach"),
        ("nicht", "lange", "vor"),
        ("und", "nicht"),
        ("nicht", "erst"),  # nicht erst seit: not only since
    ),
}
#: Negated verbs of stopping, weakening or objecting say the positive ("n'a pas faibli" =
#: remained high, "не перестаю бояться" = I keep worrying, "не возражают" = open minded,
#: "never stopped" = kept on), and so do negated verbs of forgetting, denying, failing and
#: excluding, and "no doubt" ("don't forget" = remember / "pensez à", "it can't be denied"
#: = "il est évident", "we will not fail" = "мы сможем", "не исключается" = possible): a
#: negation word whose verb (within ``_DOUBLE_SPAN`` words after it) matches one of these
#: is no negation. By family, so that the other side's plain verb of the same family
#: ("Brett denied it" / "Бретт не отрицал") still counts it (:func:`negated_negatives`).
_NEGATED_NEGATIVES = {
    "stop": {
        "en": r"stop|ceas|abat(?:e|es|ed|ing)$",
        # not "arrêté" (arrested), "tarif"
        "fr": r"cess|arrêt(?!é)|faibli|tari(?:r|t|s|ssent|ssait)?$|désempl",
        # not "прекрасный", "стихи"
        "ru": r"переста|прекра[щт]|останавл|останов|умолк|ослаб|утих|стих[алн]",
    },
    "doubt": {
        "en": r"hesitat|doubt|trepidat",
        "fr": r"hésit|dout",
        "de": r"zöger|zweifel",
        "ru": r"возра[жз]|сомнева|трепет",
    },
    "forget": {"en": r"forg[eo]t", "fr": r"oubli", "de": r"vergess|vergaß", "ru": r"забы|забуд"},
    "deny": {
        "en": r"den(?:y|ied|ies|ying|ial|ials)$",
        "fr": r"ni(?:er|é|ée|és)$",
        "de": r"leugn|bestreit",
        "ru": r"отрица",
    },
    "fail": {"en": r"fail(?:s|ed|ing)?$", "fr": r"échou", "de": r"scheiter"},
    "exclude": {"en": r"exclud", "fr": r"exclu", "de": r"ausgeschlossen|ausschließ", "ru": r"исключ"},
}
_FAMILY_RES = {
    (family, lang): re.compile(f"^(?:{pattern})")
    for family, by_lang in _NEGATED_NEGATIVES.items()
    for lang, pattern in by_lang.items()
}
# German puts "nicht" after its verb ("Frauen vergessen nicht", "Vergessen Sie nicht")
# or before an infinitive ("ist nicht zu leugnen"); see _DOUBLE_BEFORE.
_DOUBLE_NEGATIVE = {
    lang: re.compile("^(?:" + "|".join(by[lang] for by in _NEGATED_NEGATIVES.values() if lang in by) + ")")
    for lang in ("en", "fr", "de", "ru")
}


def _family(word: str, lang: str) -> str | None:
    """The family of :data:`_NEGATED_NEGATIVES` whose verb ``word`` is, if any (most words
    are none: one test of the combined pattern first)."""
    combined = _DOUBLE_NEGATIVE.get(lang)
    if combined is None or not combined.match(word):
        return None
    return next((f for (f, lg), rx in _FAMILY_RES.items() if lg == lang and rx.match(word)), None)


# Where the verb sits, by grammar, not tuned: "not stop" / "never really stopped" /
# "not going to forget" / "no one can deny" (3), "ne s'arrête pas" / "n'a pas faibli" (3
# after "ne"), "не перестаю" / "не может отрицать" (a modal between: 2).
_DOUBLE_SPAN = {"en": 3, "fr": 3, "ru": 2, "de": 2}
#: Words before the negation where its verb may sit (German main clauses: "vergessen Sie
#: nicht"; only for "nicht", which follows its verb; "kein" goes before its noun).
_DOUBLE_BEFORE = {"de": 2}
#: Litotes: "not the first / only / last" says "one of several" ("Канье не первый
#: рэппер" = one of a number of rappers, "n'est pas le seul"): a negation word followed
#: (after at most one determiner) by one of these words is no negation.
_LITOTES = {
    "en": {"only", "first", "last", "sole", "alone"},
    "fr": {"seul", "seule", "seuls", "seules", "premier", "première", "premiers", "premières"}
    | {"dernier", "dernière", "derniers", "dernières", "unique"},
    "ru": {"первый", "первая", "первое", "первые", "первым", "первой", "первого", "последний"}
    | {"последняя", "последнее", "последние", "последним", "последней", "последнего"}
    | {"единственный", "единственная", "единственное", "единственные", "единственным"}
    | {"единственной", "единственного", "одинок", "одинока", "одиноки"},
    "de": {"erste", "ersten", "erster", "erstes", "einzige", "einzigen", "einziger", "einziges"}
    | {"letzte", "letzten", "letzter", "letztes"},
}
_LITOTES_DETERMINERS = {"the", "a", "le", "la", "l", "les", "un", "une"}
_LITOTES_DETERMINERS_DE = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem"}
_LITOTES_COPULAS = {"be", "been", "être", "été"}
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


#: English modals: "can't just rely" negates the verb (see negations()).
_EN_MODALS = {"can", "ca", "could", "will", "wo", "would", "should", "must", "may", "might"}
#: Words before a French "jamais" without "ne" that make it "ever": si, que, and the
#: perfect's auxiliary (avoir, aie, ait ... été).
_FR_EVER_BEFORE = {"si", "s", "que", "qu", "avoir", "aie", "aies", "ait", "aient", "ayant", "eu", "été"}

#: "whether or not" and its readings: (alternative, negation word, the "whether" before).
_WHETHER = {"en": ("or", "not", "whether"), "ru": ("или", "нет", "ли"), "de": ("oder", "nicht", "ob")}

#: Concord words that coordinate with an earlier negation anywhere in the sentence.
_CONCORD_COORDINATORS = {"ni", "nor", "ни"}


def negations(tokens: list[Token], lang: str | None, concord_window: int = 6) -> list[Cue]:
    """Negations, one per negated clause: cues within three words of each other count
    once ("никто ... не", "ne ... jamais"); French "ne" needs its partner (pas, jamais,
    rien ...), so "ne" explétif and "ne ... que" (only) are not negations."""
    return _negations(tokens, lang, concord_window)[0]


def read_negations(
    tokens: list[Token], lang: str | None, concord_window: int = 6
) -> tuple[list[Cue], list, set]:
    """:func:`negations`, and what :func:`negated_negatives` reads, from one pass: the
    negations, the (family, Cue) pairs of negated verbs read as positive, and the
    families of such verbs said plainly."""
    found, positive = _negations(tokens, lang, concord_window)
    return (found, *_negated_negatives(tokens, lang_of(lang), positive))


def _negations(
    tokens: list[Token], lang: str | None, concord_window: int
) -> tuple[list[Cue], dict[int, int]]:
    """:func:`negations`, with the negation words read as positive (see
    :func:`_positive_negations`)."""
    lang = lang_of(lang)
    words = set(lexicon()["negation"][lang])
    lows = [t.low for t in tokens]
    skip: set[int] = set()
    for phrase in _NOT_NEGATION.get(lang, ()):
        n = len(phrase)
        for k in range(len(lows) - n + 1):
            if tuple(lows[k : k + n]) == phrase:
                skip.update(range(k, k + n))
    if lang == "en":
        # "to be No.1", "the No 10 spokesman": a capitalised "No" before a number inside
        # a sentence is the number sign, not a negation.
        for k in range(1, len(lows) - 1):
            if lows[k] == "no" and tokens[k].text[:1] == "N" and lows[k + 1][:1].isdigit():
                skip.add(k)
    if lang in ("en", "ru", "de"):
        # "No, uh no", "Нет, нет", "Nein, äh nein": an answer set off by punctuation on
        # both sides is an interjection (French "Non" is no negation word either), not a
        # clause negation.
        for k, w in enumerate(lows):
            if w in ("no", "нет", "nein") and (
                (k == 0 or tokens[k].start - tokens[k - 1].end >= 2)
                and (k + 1 == len(tokens) or tokens[k + 1].start - tokens[k].end >= 2)
            ):
                skip.add(k)
    # "not without", "not out of" (still in it), "pas sans" say the positive, like "не
    # без" below.
    if lang == "en":
        for k, w in enumerate(lows):
            if w in ("not", "never") and (
                lows[k + 1 : k + 2] == ["without"] or lows[k + 1 : k + 3] == ["out", "of"]
            ):
                skip.add(k)
    if lang == "en":
        # "can't just rely", "won't only": after a modal, "not just/only" negates the verb
        # (the fixed phrase "not just X but Y" is "not only").
        for k in range(1, len(lows) - 1):
            if lows[k] == "not" and lows[k + 1] in ("just", "only") and lows[k - 1] in _EN_MODALS:
                skip.discard(k)
    if lang == "en":
        # "It's just not about the vote, it's also about ...": "just not ... also" is
        # "not only ... but also", like "не только ... но и".
        for k in range(1, len(lows)):
            if lows[k] == "not" and lows[k - 1] in ("just", "simply", "merely") and "also" in lows[k + 1 :]:
                skip.add(k)
    # "whether or not", "ли ... или нет", "ob ... oder nicht" ask; they do not negate.
    if lang in _WHETHER:
        alt, neg, head = _WHETHER[lang]
        for k in range(1, len(lows)):
            if lows[k] == neg and lows[k - 1] == alt and head in lows[: k - 1]:
                skip.add(k)
    if lang == "fr":
        for k, w in enumerate(lows):
            # "pas sans" (not without) says the positive; "pas seulement/uniquement" is
            # "not only", like English "not just".
            if w == "pas" and lows[k + 1 : k + 2] in (["sans"], ["seulement"], ["uniquement"]):
                skip.add(k)
                skip.update(_fr_nes_before(lows, k))
                if lows[k + 1] != "sans":
                    # "pas seulement du vote ..., ni de la nomination": the "ni" goes on
                    # with the "not only" list.
                    skip.update(j for j in range(k + 2, len(lows)) if lows[j] == "ni")
            # "ne ... plus que" is "only ... now" (il n'a plus qu'à gagner), not a negation.
            elif w == "plus" and lows[k + 1 : k + 2] in (["que"], ["qu"]) and _fr_open_ne(lows, k):
                skip.update(_fr_nes_before(lows, k))
            # "il n'y a pas que X" is "not only X" (there is more than X), like "pas seulement".
            elif w == "pas" and lows[k + 1 : k + 2] in (["que"], ["qu"]) and lows[k - 2 : k - 1] == ["y"]:
                skip.add(k)
                skip.update(_fr_nes_before(lows, k))
            # The tag question "n'est-ce pas" asks; it does not negate.
            elif w == "est-ce" and lows[k + 1 : k + 2] == ["pas"] and lows[k - 1 : k] == ["n"]:
                skip.update((k - 1, k + 1))
            # Without its "ne", "jamais" after si / que / a perfect infinitive is "ever"
            # ("si elle a jamais commencé", "le pire que j'aie jamais vu", "à avoir jamais
            # atteint").
            elif (
                w == "jamais"
                and not {"ne", "n"} & set(lows[max(0, k - concord_window) : k] + lows[k + 1 : k + 2])
                and _FR_EVER_BEFORE & set(lows[max(0, k - 3) : k])
            ):
                skip.add(k)
    if lang == "ru":
        # Concessive "как бы на то ни уповали", "сколько бы он ни старался" (however
        # much): the "ни" a few words after "бы" negates nothing ("бы ни" side by side is
        # in _NOT_NEGATION).
        skip.update(k for k, w in enumerate(lows) if w == "ни" and "бы" in lows[max(0, k - 4) : k])
        # "не обошлось без", "не без труда": не ... без is a double negation (positive).
        for k, w in enumerate(lows):
            if w == "не" and "без" in lows[k + 1 : k + 3]:
                skip.add(k)
        # "пока <subject> не" is "until" (пока Корея не разоружится: until Korea
        # disarms): that "не" is expletive. "пока не" side by side is "not yet" (пока не
        # ясно), a negation.
        for k, w in enumerate(lows):
            if w == "не" and k > 1 and lows[k - 1] != "пока" and "пока" in lows[max(0, k - 5) : k - 1]:
                skip.add(k)
        # "не" before an active participle negates a phrase, not the clause ("не
        # имеющая выхода к морю" = landlocked, "не получивший"): a lexical negative.
        skip.update(k for k in range(len(lows) - 1) if lows[k] == "не" and _ru_constituent(lows[k + 1]))
    positive = _positive_negations(lows, lang, words)
    skip.update(positive)
    skip.update(_double_negations(lows, lang))
    out: list[Cue] = []
    last = -10
    concord = _CONCORD.get(lang, set())
    heads = [k for k, w in enumerate(lows) if w in words and w not in concord and k not in skip]
    # A concord word goes with the negation of its clause even when that one says the
    # positive: "Никто не может отрицать" (no one can deny) is a positive, not "никто".
    positive_heads = [k for k in positive if lows[k] in words and lows[k] not in concord]
    for k, w in enumerate(lows):
        if w not in words or k in skip:
            continue
        if w in concord and any(abs(h - k) <= concord_window for h in heads + positive_heads):
            continue
        # A Russian negative pronoun needs the "не" of its clause, however long the
        # subject it heads ("Никто из тех, кого она вызывала ..., не могли").
        if lang == "ru" and w in concord and w != "ни" and any(h > k for h in heads):
            continue
        # A coordinating "ni" / "nor" continues the negation of the sentence however far
        # back it is ("Je ne sais pas ce qui lui est arrivé ni à mon enfant").
        # A concord word right after it joins it ("ni rien").
        if w in _CONCORD_COORDINATORS and any(h < k for h in heads):
            last = k
            continue
        if lang == "fr":
            if w in ("ne", "n"):
                # A fronted concord word may stand further back: "jamais la différence
                # d'âge n'avait été", "aucun des trois pays n'a".
                if not _FR_PARTNERS & set(lows[max(0, k - 3) : k] + lows[k + 1 : k + 6]) and not (
                    concord & set(lows[max(0, k - concord_window) : k])
                ):
                    continue
            elif w in ("personne", "nul") and not {"ne", "n"} & set(lows[k + 1 : k + 3]):
                continue  # "une personne": a noun, not "personne ne"
        # Different words close together negate once ("ne ... pas", "никто не"); the
        # same word twice is a double negation ("not not", "не могу не думать").
        if k - last <= 3 and lows[last] != w:
            last = k
            continue
        # English "n't" is the token "nt" (lexicon.tokenize): quote it as written
        text = "n't" if lang == "en" and tokens[k].text.lower() == "nt" else tokens[k].text
        out.append(Cue("negation", text, k, k + 1))
        last = k
    if lang == "fr":
        # "pas" without "ne" negates too ("mais pas autant que", "pas avec Kavanaugh"),
        # unless it is the noun (un pas, le pas) or "pas mal" (quite). A "ne" that
        # already has its partner before this "pas" is not this one's: "Il ne pouvait pas
        # se détacher, pas avec Kavanaugh" negates twice.
        for k, w in enumerate(lows):
            if (
                w == "pas"
                and k not in skip
                and not _fr_open_ne(lows, k)
                and (k == 0 or lows[k - 1] not in _FR_DETERMINERS)
                and (k + 1 == len(lows) or lows[k + 1] not in ("mal", "à"))
            ):
                out.append(Cue("negation", tokens[k].text, k, k + 1))
        out.sort(key=lambda c: c.first)
    return out, positive


def _fr_nes_before(lows: list[str], k: int) -> list[int]:
    """Indices of the French "ne" / "n'" within six words before ``k``: the "ne" a
    "pas" at ``k`` may close."""
    return [j for j in range(max(0, k - 6), k) if lows[j] in ("ne", "n")]


def _fr_open_ne(lows: list[str], k: int) -> bool:
    """Whether a French "ne" within six words before ``k`` still waits for its partner
    (no pas, jamais, plus, rien ... between it and ``k``)."""
    nes = _fr_nes_before(lows, k)
    return bool(nes) and not _FR_PARTNERS & set(lows[nes[-1] + 1 : k])


def _positive_negations(lows: list[str], lang: str, words: set[str]) -> dict[int, int]:
    """Negation words that say the positive, each with the index of the verb that makes
    it so (-1 for a litotes): litotes ("не первый", "pas le seul", "not the only") and
    negated verbs of :data:`_NEGATED_NEGATIVES` ("n'a pas faibli", "не перестаю", "don't
    forget"). French "ne" goes with its "pas", so both are skipped."""
    verbs, litotes = _DOUBLE_NEGATIVE.get(lang), _LITOTES.get(lang, set())
    out: dict[int, int] = {}
    for k, w in enumerate(lows):
        if w not in words and w != "pas":
            continue
        rest = lows[k + 1 : k + 4]
        if rest and rest[0] in _LITOTES_COPULAS:  # "will not be the first"
            rest = rest[1:]
        det = bool(rest) and (
            rest[0] in _LITOTES_DETERMINERS or (lang == "de" and rest[0] in _LITOTES_DETERMINERS_DE)
        )
        rest = rest[det:]
        lit = bool(rest) and rest[0] in litotes and (lang != "fr" or w == "pas")
        # English needs its article ("will not last" is a verb): "not the first", "not alone".
        lit = lit and (lang != "en" or det or rest[0] == "alone")
        before = _DOUBLE_BEFORE.get(lang, 0) if w == "nicht" else 0
        around = [
            *range(max(0, k - before), k),
            *range(k + 1, min(len(lows), k + 1 + _DOUBLE_SPAN.get(lang, 0))),
        ]
        verb = next((j for j in around if verbs is not None and verbs.match(lows[j])), None)
        if lang == "fr" and w in ("ne", "n"):
            lit = False  # the French litotes is read at its "pas"
        if not lit and verb is None:
            continue
        out[k] = -1 if verb is None else verb
        if lang == "fr" and w == "pas":
            out.update({n: out[k] for n in _fr_nes_before(lows, k) if n not in out})
    return out


def negated_negatives(tokens: list[Token], lang: str | None, concord_window: int = 6) -> tuple[list, set]:
    """The negation words :func:`negations` reads as positive because they negate a verb
    of :data:`_NEGATED_NEGATIVES` (as (family, Cue) pairs), and the families of that
    kind of verb the text says without a negation ("Brett denied it"). A side that
    negates such a verb against another side that says it plainly ("не отрицал" /
    "denied") differs after all: :func:`comparekit.compare.checks.check_pair` counts the
    negation again there. (:func:`read_negations` gives these with the negations.)"""
    return read_negations(tokens, lang, concord_window)[1:]


def _negated_negatives(tokens: list[Token], lang: str, positive: dict[int, int]) -> tuple[list, set]:
    lows = [t.low for t in tokens]
    negated = {j for j in positive.values() if j >= 0}
    found = []
    for k, j in sorted(positive.items()):
        if j >= 0 and lows[k] != "pas" and (family := _family(lows[j], lang)) is not None:
            found.append((family, Cue("negation", tokens[k].text, k, k + 1)))
    plain = {f for j, w in enumerate(lows) if j not in negated and (f := _family(w, lang)) is not None}
    return found, plain


#: "Can" / "could" in each language: a negated one before a second negation, or before
#: "help", says "must" ("не могу не думать", "couldn't help thinking", "ne peut pas ne
#: pas voir"): two negations in one clause are a positive.
_NEGATED_CAN = {
    "en": re.compile(r"^(?:can|could|ca)$"),
    "fr": re.compile(r"^(?:peu[tx]?|peuvent|pouv\w*|pourr\w*|pu)$"),
    "ru": re.compile(r"^(?:с?мо[гж]\w*|нельзя)$"),
}


def _double_negations(lows: list[str], lang: str) -> set[int]:
    """Both negation words of a negated "can" that takes a second negation or "help":
    "не могу не думать" / "нельзя не признать" / "I couldn't help thinking" / "can't not
    think" / "il ne peut pas ne pas voir" / "je n'ai pas pu m'empêcher de penser" all
    say the positive ("must think")."""
    can = _NEGATED_CAN.get(lang)
    out: set[int] = set()
    if can is None:
        return out
    for k, w in enumerate(lows):
        if lang == "en" and (w == "cannot" or (w == "not" and k > 0 and can.match(lows[k - 1]))):
            nxt = lows[k + 1 : k + 2]
            if nxt == ["help"]:
                out.add(k)
            elif nxt == ["not"]:
                out.update((k, k + 1))
        elif lang == "ru" and (w == "нельзя" or (w == "не" and k + 1 < len(lows) and can.match(lows[k + 1]))):
            start = k + 1 if w == "нельзя" else k + 2
            if "не" in lows[start : start + 2]:
                out.update((k, lows.index("не", start)))
            elif any(x.startswith(("удерж", "сдерж")) for x in lows[start : start + 2]):
                out.add(k)  # "не могу удержаться" / "can't help it", like French s'empêcher
        elif lang == "fr" and w in ("ne", "n"):
            # "ne peut pas ne pas voir"; "n'a pas pu s'empêcher de", "ne pouvait s'empêcher"
            if k + 2 < len(lows) and can.match(lows[k + 1]) and lows[k + 2 : k + 5] == ["pas", "ne", "pas"]:
                out.update(range(k, k + 5))
            for j in range(k + 1, min(len(lows), k + 5)):
                if can.match(lows[j]) and any(x.startswith("empêch") for x in lows[j + 1 : j + 3]):
                    out.add(k)
                    out.update(i for i in range(k + 1, j) if lows[i] == "pas")
    return out


_FR_DETERMINERS = {
    "un",
    "le",
    "les",
    "ce",
    "ces",
    "du",
    "des",
    "mon",
    "ton",
    "son",
    "ses",
    "premier",
    "premiers",
    "petit",
    "petits",
    "grand",
    "grands",
    "faux",
    "au",
    "même",
    "l",
}


def lexical_negatives(tokens: list[Token], lang: str | None, prefix_rest_min_zipf: float = 3.5) -> list[Cue]:
    """Words that say "no" without a negation word (unable, refused, sans, отказался ...),
    listed or built with a negative prefix (see :func:`_prefixed_negative`;
    ``prefix_rest_min_zipf``: compare.negation_prefix_rest_min_zipf)."""
    lang = lang_of(lang)
    found = find_phrases(tokens, _cue_table(lang, "lexical_negatives"))
    if lang == "fr":
        # "qu'ils soient travaillistes ou non" is "whether or not": no negative.
        found = [
            f for f in found if not (tokens[f[1]].low == "non" and f[1] and tokens[f[1] - 1].low == "ou")
        ]
    listed = {k for _, i, j in found for k in range(i, j)}
    if lang == "ru":
        lows = [t.low for t in tokens]
        found += [
            ("lexical_negatives", k, k + 2)
            for k in range(len(lows) - 1)
            if lows[k] == "не" and k not in listed and _ru_constituent(lows[k + 1])
        ]
    found += [
        ("lexical_negatives", k, k + 1)
        for k, t in enumerate(tokens)
        if k not in listed
        and (
            # "non-UK residents", "non-violent": the hyphenated prefix is a negative
            # whatever follows it
            (lang in ("en", "fr") and t.low.startswith("non-"))
            or ((k == 0 or t.text[:1].islower()) and _prefixed_negative(t.low, lang, prefix_rest_min_zipf))
        )
    ]
    return _spans(tokens, sorted(found, key=lambda f: f[1]))


#: Russian active participles (-щий, -вший): "не имеющий", "не получивший". Passive
#: ones (-мый, -нный) look like adjectives (необходимый, единственный), which "не" negates
#: as predicates ("это не единственная авария"), so they are left out.
_RU_PARTICIPLE = re.compile(
    r"(?:щ|вш)(?:ий|ая|ее|ие|его|ему|им|ими|их|ую|ей|ая|ое|ые|ый|ого|ому|ым|ыми|ых|ой)$"
)


def _ru_constituent(word: str) -> bool:
    """A word after which Russian "не" negates a phrase, not the clause: an active
    participle. (Not prepositions: "не для этого пришёл" negates the clause.)"""
    return bool(_RU_PARTICIPLE.search(word))


#: Negative prefixes, and what the rest of the word must end with (None: anything).
#: English/French in- also starts many plain words (income, inside, inform), so there it
#: must build an adjective (impossible, ineligible, incorrect, invaincu, injuste).
_ADJ_EN = r"(?:[ai]ble|[ae]nt|ate|ive|al|ar|ect|ete|ite|ous)$"
_ADJ_FR = r"(?:[ai]ble|[ae]nt|ente|ante|ive?s?|al|ale|aux|u|ue|us|ues|é|ée|és|ées|ect|ecte|ète|ile|uste)$"
_NEG_PREFIXES = {
    "en": (("un", None), ("non", None), ("in", _ADJ_EN), ("im", _ADJ_EN), ("ir", _ADJ_EN), ("il", _ADJ_EN)),
    "fr": (("in", _ADJ_FR), ("im", _ADJ_FR), ("ir", _ADJ_FR), ("il", _ADJ_FR), ("mé", None), ("més", None)),
    "de": (("un", None),),
    "ru": (("не", None),),
}
#: Words with a negative-looking prefix that say no "no": quantities and time words
#: (несколько = several, некоторые = some, немного = a little, недавно = recently,
#: небольшой = small, нередко = often), and English/French words whose rest only
#: happens to be a word.
_NOT_PREFIXED_NEGATIVE = re.compile(
    r"^(?:некотор|несколь|немно|небольш|немал|нередк|недавн|недел|некий|некое|неког|нечто|"
    r"нечего|негде|некогда|неужели|неоднократн|необходим|нескольк|невест|"
    r"under|until|unit|union|uniq|univers|unlike|unless|uncle|uncover|unveil|unfold|unleash|"
    r"unload|unlock|unpack|unwrap|undo|undergo|unfortunat|недалек|неплох|"
    r"infant|instant|intent|invent|intens|import|impact|interest|inform|"
    r"intellectu|internation|interpret|illustr|irrig|"
    r"médi|métal|mérit|ménag|impos|incit|immigra|innat|unearth|несмотр|немедлен|незадолг)"
)


@lru_cache(maxsize=65536)
def _prefixed_negative(word: str, lang: str, rest_min_zipf: float = 3.5) -> bool:
    """A dictionary word made of a negative prefix and another common word (unbeaten,
    impossible, invaincu, injuste, недовольна, непобедимы, неудивительно): it says "not"
    without a negation word. The rest must be a word of four letters or more at Zipf
    ``rest_min_zipf`` or above, the whole a known word."""
    from wordfreq import zipf_frequency

    if _NOT_PREFIXED_NEGATIVE.match(word):
        return False
    for prefix, shape in _NEG_PREFIXES.get(lang, ()):
        rest = word[len(prefix) :].lstrip("-")
        if not word.startswith(prefix) or len(rest) < 4:
            continue
        if shape is not None and not re.search(shape, rest):
            continue
        if (
            zipf_frequency(word, lang) > 0
            and max(zipf_frequency(f, lang) for f in _forms(rest, lang)) >= rest_min_zipf
        ):
            return True
    return False


#: Russian adjective and participle endings (long forms in every case, number and gender).
_RU_ADJ_ENDING = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ых|их|ыми|ими)$"
)


def _forms(rest: str, lang: str) -> tuple[str, ...]:
    """``rest`` and, for a Russian adjective in a case form, its dictionary form: an
    inflected form is rarer than the word (подходящим 3.38, подходящий 3.71), so
    неподходящим ("not suitable") failed the frequency test its lemma passes."""
    if lang != "ru" or not _RU_ADJ_ENDING.search(rest):
        return (rest,)
    stem = _RU_ADJ_ENDING.sub("", rest)
    return (rest, stem + "ый", stem + "ий", stem + "ой")


def negation_balancers(tokens: list[Token], lang: str | None) -> list[Cue]:
    """Words that say a negation in other words ("still", "remained", "wait", "away",
    "trouble", "don't care" / "все равно"), labelled by class (lexicon
    ``negation_balancers``): they may stand for a negation the other side writes out
    ("no status yet" / "nous attendons toujours")."""
    return _spans(tokens, find_phrases(tokens, _balancer_table(lang_of(lang))))


@lru_cache(maxsize=8)
def _balancer_table(lang: str) -> dict[str, list[str]]:
    table = lexicon()["negation_balancers"]
    return {cls: entry.get(lang, []) for cls, entry in table.items() if cls != "_about"}


def cue_list(tokens: list[Token], lang: str | None, kind: str) -> list[Cue]:
    """Modality (``modality``) or attribution (``attribution``) cues in ``tokens``."""
    lang = lang_of(lang)
    found = find_phrases(tokens, _cue_table(lang, kind))
    # A capitalised cue inside a sentence is a name ("Theresa May"), not a hedge.
    found = [f for f in found if f[1] == 0 or not tokens[f[1]].text[:1].isupper()]
    return _spans(tokens, found)


#: Third-person personal pronouns (subject, object, possessive), per language.
_PRONOUNS = {
    "en": {"he", "she", "him", "her", "his", "hers", "they", "them", "their"},
    "fr": {"il", "elle", "lui", "ils", "elles", "eux", "leur", "leurs", "son", "sa", "ses"},
    "de": {"er", "sie", "ihm", "ihn", "ihr", "ihre", "sein", "seine", "ihnen"},
    "es": {"él", "ella", "ellos", "ellas", "le", "les", "lo", "su", "sus"},
    "ru": {
        "он",
        "она",
        "они",
        "его",
        "её",
        "ее",
        "ему",
        "ей",
        "им",
        "ими",
        "их",
        "него",
        "нее",
        "неё",
        "нему",
        "ней",
        "ним",
        "них",
        "нём",
    },
}


def pronoun_count(tokens: list[Token], lang: str | None) -> int:
    """How many third-person personal pronouns ``tokens`` hold."""
    words = _PRONOUNS.get(lang_of(lang), set())
    return sum(t.low in words for t in tokens)
