"""Named entities (people, countries, organisations) and matching them across languages.

A mention is a run of capitalised words (or an acronym) that is not a date, a role or a
common word. Matching is deliberately forgiving, because a translation legitimately
changes how a name is written: a mention of A is *present* in B when

- both resolve to the same country or organisation (CLDR country names in five languages,
  capitals and demonyms: "Moscow", "Russian", "российский" all give RU; NATO = OTAN = НАТО),
- or one of its words matches a word of B after folding (accents, Cyrillic
  transliteration: Pachinian / Pashinyan / Пашинян) by rapidfuzz ratio or a shared stem
  (Russian case endings: Иванова / Ivanov),
- or, when the translation-artifacts normaliser (``comparekit.detect.translation``) is
  installed, both normalise to the same name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from comparekit.compare.lexicon import Token, countries, find_phrases, fold, lang_of, lexicon, tokenize
from comparekit.compare.pinyin import palladius

log = logging.getLogger(__name__)

_STOP_CONNECT = {"of", "de", "du", "des", "la", "le", "von", "van", "der", "del", "al", "bin"}


@dataclass(frozen=True)
class EntityMention:
    """A name in a sentence: its words as written, folded words, and resolved ids."""

    text: str
    first: int
    end: int
    folds: tuple[str, ...]
    ids: frozenset[str] = field(default_factory=frozenset)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """(exact folded phrase -> id, 4-letter prefix -> [(folded name, id)], demonym stems)."""
    exact: dict[str, str] = {}
    for code, names in countries().items():
        for name in names:
            exact.setdefault(fold(name), code)
    lex = lexicon()
    for name, code in lex["metonyms"].items():
        exact[fold(name)] = code
    for code, names in lex["organisations"].items():
        for name in names:
            exact.setdefault(fold(name.rstrip("*")), _org_id(code))
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for key, code in exact.items():
        if len(key) >= 4 and " " not in key:
            by_prefix.setdefault(key[:4], []).append((key, code))
    # (folded stem, code, whether the entry is a whole Latin-script word): Latin entries
    # are whole adjectives (french, americano) and take only inflection endings; Russian
    # entries are stems (американ-) and take any ending.
    # Organisation entries ending in * are stems too (республиканск*: республиканской).
    stems = [(fold(s), c, s.isascii()) for s, c in lex["demonyms"].items()]
    stems += [
        (fold(name[:-1]), _org_id(code), False)
        for code, names in lex["organisations"].items()
        for name in names
        if name.endswith("*")
    ]
    demonyms = sorted(stems, key=lambda x: -len(x[0]))
    return exact, by_prefix, demonyms


@lru_cache(maxsize=1)
def _demonyms_by_start() -> dict[str, list[tuple[str, str, bool]]]:
    """The demonym stems of four letters or more (``_gazetteer()[2]``, longest first)
    by their first four letters: :func:`resolve` tries only these instead of all ~230
    for every new word (a third of the claim checks' time on NTREX)."""
    out: dict[str, list[tuple[str, str, bool]]] = {}
    for entry in _gazetteer()[2]:
        if len(entry[0]) >= 4:
            out.setdefault(entry[0][:4], []).append(entry)
    return out


#: The ending dropped from each word of a Russian country name of several words (folded)
#: to leave the stem its case forms share: Соединенные Штаты -> soedinen- shtat-,
#: Саудовская Аравия -> saudovsk- arav-.
_RU_NAME_END = re.compile(r"(?:aia|ie|ii|oe|oi|ia|[aeiou])$")
#: What may follow such a stem: a Russian case ending, folded (-ыми imi, -ого ogo, -ому
#: omu, -ую uiu, -ах ah, -ов ov, -ией iei).
_RU_CASE_END = re.compile(r"^[aeiou]{0,3}(?:[mhv]|go|mu|mi)?[aeiou]?$")


@lru_cache(maxsize=1)
def _ru_country_names() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The Russian country names of several words (Соединенные Штаты, Саудовская Аравия,
    Новая Зеландия) as the folded stems of their words (a word of two letters or fewer
    as written: и), by the first stem's first three letters."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for code, names in countries().items():
        for name in names:
            words = name.split()
            if len(words) < 2 or not all(re.fullmatch(r"[а-яё]+(?:-[а-яё]+)*", w.lower()) for w in words):
                continue
            stems = tuple(
                s if len(s := _RU_NAME_END.sub("", f)) >= 3 else f for f in (fold(w) for w in words)
            )
            if len(stems[0]) >= 3:
                out.setdefault(stems[0][:3], []).append((stems, code))
    return out


def _ru_stem_case(word_fold: str, stem: str) -> bool:
    return word_fold == stem or (
        len(stem) >= 3 and word_fold.startswith(stem) and bool(_RU_CASE_END.match(word_fold[len(stem) :]))
    )


def ru_country_spans(folds: list[str]) -> list[tuple[str, int, int]]:
    """Russian country names of several words in any case, each word by its stem and a
    case ending: "Соединенными Штатами", "Соединенного Королевства", "Саудовской Аравией"
    (the listed names are the nominative only). Returns (code, first word, end word)."""
    table = _ru_country_names()
    out = []
    for k, f in enumerate(folds):
        for stems, code in table.get(f[:3], ()):
            n = len(stems)
            if k + n <= len(folds) and all(_ru_stem_case(folds[k + i], s) for i, s in enumerate(stems)):
                out.append((code, k, k + n))
                break
    return out


#: What may follow a whole Latin demonym: French/Spanish/German/English inflections
#: (americaines, alemanes, deutschen, Americans), not another word (Francesco != francés).
_DEMONYM_TAIL = re.compile(r"^[aeio]?[nrs]?$")
#: A country/capital name matched by its start: the rest of the word must be a case
#: ending (Индонезии / Indonesia, Вашингтоном, Россией, Сингапуре, Indonesians) or a
#: Russian demonym noun (сирийцев / Syria, испанец / Spain) and the rest
#: of the name vowels only, so that Martin is not Martinique, Jeremy not Yerevan, Catalan
#: not Qatar, Palace not Palau, Parish not Paris.
_CASE_TAIL = re.compile(r"^(?:[aeiou]{0,2}[mns]{0,2}|i?e?ts(?:[iaue]|ev|am|ami|ah|em|om)?)$")
_NAME_TAIL = re.compile(r"^[aeiou]{0,2}$")
_RU_COUNTRY_ADJ = re.compile(r"i{0,2}sk(?:ii|i|ogo|omu|im|om|aia|oi|uiu|ie|ikh|imi|oe)$")


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def resolve(word_fold: str, acronym: bool = False) -> str | None:
    """The country/organisation id of one folded word (inflected forms too), or None.
    Keys of three letters or fewer (UN, EU, США) match only words written as acronyms."""
    exact, by_prefix, _ = _gazetteer()
    if len(word_fold) <= 3 and not acronym:
        return None
    if word_fold in exact:
        return exact[word_fold]
    if len(word_fold) >= 4:
        # Demonyms first: "French" must not become French Guiana by prefix. Only stems
        # sharing the word's first four letters can be its prefix (same order, same hit).
        for stem, code, full in _demonyms_by_start().get(word_fold[:4], ()):
            if (
                len(stem) >= 4
                and word_fold.startswith(stem)
                and len(word_fold) <= len(stem) + 6
                and (not full or _DEMONYM_TAIL.match(word_fold[len(stem) :]))
            ):
                return code
        for name, code in by_prefix.get(word_fold[:4], ()):
            p = _common_prefix(name, word_fold)
            if (
                p >= max(4, min(len(name), len(word_fold)) - 2)
                and len(name) - 3 <= len(word_fold) <= len(name) + 3
                and _CASE_TAIL.match(word_fold[p:])
                and _NAME_TAIL.match(name[p:])
            ):
                return code
            # Russian adjectives of a country name: индонезийского, испанской.
            stem = name.rstrip("aeiou")
            if (
                len(stem) >= 5
                and word_fold.startswith(stem)
                and _RU_COUNTRY_ADJ.match(word_fold[len(stem) :])
            ):
                return code
    return None


def text_ids(tokens: list[Token]) -> set[str]:
    """Every country/organisation id any word or phrase of a text resolves to (lower-case
    words count: "français", "российский")."""
    return _ids_and_place_words(tokens)[0]


def _ids_and_place_words(tokens: list[Token]) -> tuple[set[str], dict[str, str]]:
    """:func:`text_ids`, and fold -> place code for each word of a place name of several
    words (see :func:`_place_spans`), in one pass."""
    folds = [fold(t.text) for t in tokens]
    ids = {c for f, t in zip(folds, tokens) if f and (c := resolve(f, t.text.isupper()))}
    # A compound with a place for a part (nord-américain, северо-американский,
    # франко-германский, US-China, Netherlands-based): the places count too.
    ids.update(
        c
        for f, t in zip(folds, tokens)
        if "-" in t.text and not resolve(f)
        for part in t.text.split("-")
        if (c := resolve(fold(part), part.isupper()))
    )
    spans = _place_spans(tokens, folds)
    ids.update(c for c, _ in spans)
    # Organisation names of several words, inflected ("Верховного суда", "Белого дома").
    ids.update(label for label, _, _ in find_phrases(tokens, _org_phrases()))
    place_words: dict[str, str] = {}
    for c, words in spans:
        place_words.update(dict.fromkeys(words, c))
    return ids, place_words


def _place_spans(tokens: list[Token], folds: list[str]) -> list[tuple[str, list[str]]]:
    """The place names of several words in ``tokens`` (``folds``: their folds), as (code,
    the folds of its words): two- and three-word gazetteer names ("South Korea", "Corée du
    Sud"), Russian names in any case (Южную Корею), the parts of a hyphenated one
    ("Nouvelle-Zélande")."""
    exact = _gazetteer()[0]
    out = [
        (c, folds[k : k + n])
        for n in (2, 3)
        for k in range(len(folds) - n + 1)
        if (c := exact.get("".join(folds[k : k + n]))) is not None
    ]
    out += [(c, folds[i:j]) for c, i, j in ru_country_spans(folds)]
    out += [
        (c, list(_word_folds(t.text)[1:]))
        for t, f in zip(tokens, folds)
        if "-" in t.text and (c := resolve(f)) is not None
    ]
    return out


def whole_place(words: Iterable[str]) -> str | None:
    """The country or place code of a name of ``words`` as a whole ("North Korea" -> KP,
    "United States" -> US; the lower-case words inside a name are left out), or None."""
    return _gazetteer()[0].get("".join(fold(w) for w in words if w.lower() not in _STOP_CONNECT))


@lru_cache(maxsize=1)
def _org_phrases() -> dict[str, list[str]]:
    return {
        _org_id(code): [n.lower() for n in names if " " in n]
        for code, names in lexicon()["organisations"].items()
    }


_VOWELS = set("aeiou")


@lru_cache(maxsize=256)
def _org_id(code: str) -> str:
    """An organisation's id: ``org:CODE``, or the plain code when places use it too (the
    EU: "EU citizens" against "citoyens européens" must resolve alike)."""
    lex = lexicon()
    plain = set(countries()) | set(lex["metonyms"].values()) | set(lex["demonyms"].values())
    return code if code in plain else "org:" + code


def skeletons(word_fold: str) -> tuple[str, str]:
    """Two consonant skeletons: Cyrillic дж as g (Джайантс / Giants) and with every g
    dropped (Джонс / Jones, where English j folds to a vowel)."""
    s = skeleton(word_fold)
    return s, s.replace("g", "")


@lru_cache(maxsize=65536)
def skeleton_variants(word_fold: str) -> frozenset[str]:
    """:func:`skeletons` plus the readings Russian gives English spellings: w inside a
    word is a vowel (Newman / Ньюман, Dewar / Дьюар, Merriweather / Мерриуэзер, where
    уэ also reads as w) and th is з as often as т (Merriweather / Мерриуэзер)."""
    out = set(skeletons(word_fold))
    for th in (False, True):
        for w in (False, True):
            if not th and not w:
                continue
            f = word_fold
            if th:
                if "th" not in f:
                    continue
                f = f.replace("th", "z")
            out.update(skeletons_of(skeleton(f, drop_inner_v=w)))
    return frozenset(x for x in out if x)


def skeletons_of(s: str) -> tuple[str, str]:
    return s, s.replace("g", "")


def skeleton(word_fold: str, drop_inner_v: bool = False) -> str:
    """Consonant skeleton of a folded word, for names across scripts: Rangers /
    Рейнджерс -> rngrs, Waters / Уотерс -> vtrs, Daley / Дейли -> dl, Rosa / Роза -> rs.
    ``drop_inner_v``: v (w) and у+vowel after the first letter are dropped, as vowels."""
    s = word_fold
    if s.startswith(("uo", "ui", "ue", "ua")):
        s = "v" + s[1:]  # English w- in Russian: Уоррен, Уильям, Уэльс, Уайтхолл
    if drop_inner_v:
        s = s[:1] + s[1:].replace("v", "")
    for a, b in (("dzh", "g"), ("zh", "g"), ("tsh", "ch"), ("ts", "z"), ("z", "s"), ("h", ""), ("kv", "k")):
        s = s.replace(a, b)
    s = "".join(ch for ch in s if ch not in _VOWELS).replace("dg", "g")  # Sturridge / Старридж
    s = s.replace("v", "f")  # German v is f: Vettel / Феттель
    return re.sub(r"(.)\1+", r"\1", s)


def _common_word(word: str, lang: str, min_zipf: float = 4.0) -> bool:
    return _zipf(word.lower(), lang) >= min_zipf


@lru_cache(maxsize=65536)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang)


#: Roman numerals (centuries, regnal numbers): XIXe, XVIIe siècle, Elizabeth II, Ier.
_ROMAN = re.compile(r"^(?:[IVXLC]{2,}|[IVXLC]+(?:e|er|ème|re))$")
#: Russian capitalises only the first word of a name ("Тихий океан", "Национальная
#: ассамблея", "Детская больница") and of a sentence: a capitalised word with an
#: adjective, participle, gerund or imperative ending is a translated descriptive name or
#: a sentence start, not a name to look for in another language (first-person verbs
#: and reflexive participles too: Думаю, Подчеркиваю, Надеюсь, Отличившийся; reflexive
#: imperatives: Советуйтесь, Обратитесь). Surname-shaped
#: adjectives (-ский, -цкий: Зеленский) stay names.
_RU_DESCRIPTIVE = re.compile(
    r"(?:[ыоия]й|[аяоеыи]е|ая|яя|[уюая]ю|[ое]го|[ое]му|[ыи]ми?|[ыи]х|вшись|ясь|аясь|[иь]те|йте"
    r"|[йя]ся|[ех]ся|юсь|тесь)$"
)
#: Surname shapes that look like adjectives: Зеленский, Троцкого; Путиным, Ивановым.
_RU_SURNAME = re.compile(r"(?:(?<!че)ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)$|(?:ин|ов|ев|ын)ым$")


#: Verb forms and adverbs that open English and French sentences (Penalizing, Likening,
#: Énumérez, Invoquant, Anciennement): inflected, so not names when they are words.
_INITIAL_INFLECTED = {
    "en": re.compile(r"(?:ing|ed|ly)$"),
    "fr": re.compile(r"(?:ez|ons|ant|ment|ées?|és)$"),
}


#: In an English Title Case headline, verbs in -s and plurals are capitalised too
#: ("Killer Pig Mauls Farmer", "Tsunami Toll Soars").
_TITLE_INFLECTED = {"en": re.compile(r"(?:ing|ed|ly|s)$")}


def _descriptive(
    word: str, lang: str, min_zipf: float, initial: bool = False, title_case: bool = False
) -> bool:
    """A capitalised Russian word shaped like an adjective/participle/gerund/imperative
    that is a dictionary word (see :data:`_RU_DESCRIPTIVE`); at a sentence start or in a
    Title Case headline, an English or French verb form or adverb that is a dictionary word."""
    low = word.lower()
    if lang != "ru":
        shape = _INITIAL_INFLECTED.get(lang)
        if title_case:
            shape = _TITLE_INFLECTED.get(lang, shape)
        return bool((initial or title_case) and shape and shape.search(low) and _zipf(low, lang) >= min_zipf)
    # Three letters leave no stem for an ending: Ким, Лим are names, not -им forms.
    if len(low) < 4 or "-" in low or _RU_SURNAME.search(low) or not _RU_DESCRIPTIVE.search(low):
        return False
    return _zipf(low, lang) >= min_zipf


def _resolve_in(word: str, lang: str, acronym: bool) -> str | None:
    """:func:`resolve` for a word of a text in ``lang``: None for a word that is a
    country's name only in another language (lexicon ``not_places``: English Island)."""
    if word.lower() in lexicon()["not_places"].get(lang, ()):
        return None
    return resolve(fold(word), acronym)


def _plural_of_common(word: str, lang: str, min_zipf: float, listed_zipf: float) -> bool:
    """A plural (English -s, -es, -ies; Russian -ы, -и after к г х ж ш ч щ) that wordfreq
    lists (``listed_zipf``) of a singular at least ``min_zipf`` common: at a sentence start
    "Scuffles" (2.1; scuffle 2.8) and "Пабы" (2.5; паб 3.1) are words, not names."""
    low = word.lower()
    if lang == "en" and low.endswith("s"):
        stems = (
            [low[:-1]]
            + ([low[:-2]] if low.endswith("es") else [])
            + ([low[:-3] + "y"] if low.endswith("ies") else [])
        )
    elif lang == "ru" and re.search(r"(?:ы|(?<=[кгхжшчщ])и)$", low):
        stems = [low[:-1]]
    else:
        return False
    stems = [x for x in stems if len(x) >= 3]
    return bool(stems) and _zipf(low, lang) >= listed_zipf and any(_zipf(x, lang) >= min_zipf for x in stems)


#: Russian adjectives in -ск- in the forms a surname does not take at a sentence start
#: (neuter, plural: Жуковский is a name, "Сенатские слушания" are Senate hearings).
_RU_SK_ADJECTIVE = re.compile(r"^(\w{4,})ск(?:ие|ое|их|ими)$")
#: Russian combining forms written as one word with a noun (авиадиспетчер, киберугроза).
_RU_COMBINING = re.compile(
    r"^(?:авиа|авто|агро|аэро|био|вело|видео|гидро|кибер|медиа|мото|нефте|газо|радио|теле|фото|"
    r"электро|эко|микро|макро|мини|мега|супер|контр|псевдо|квази|нео|анти)(\w{4,})$"
)


def _ru_derived_common(low: str, min_zipf: float) -> bool:
    """A Russian word formed from a common word (at least ``min_zipf``) that wordfreq does
    not list itself: an adjective in -ские / -ское (Сенатские from сенат, Аутсайдерские
    from аутсайдер) or a combining form and a noun (Авиадиспетчер from диспетчер). At a
    sentence start these are words, not names."""
    m = _RU_SK_ADJECTIVE.match(low) or _RU_COMBINING.match(low)
    return m is not None and _zipf(m.group(1), "ru") >= min_zipf


#: German inflection endings (Strafraums, Laienführern) and the linking elements between
#: the parts of a compound (Einkauf-s-straßen, Katastrophe-n-schutz).
_DE_ENDINGS = ("s", "es", "n", "en", "e", "er", "ern", "ns", "nen", "in", "innen")
#: Suffixes that make common nouns (Abscheulichkeit, Widerspiegelung, Partnerschaft).
_DE_NOUN_SUFFIX = re.compile(r"(?:heit|keit|ung|schaft|ität|ismus|tion)(?:en)?$")


def _de_forms(low: str) -> list[str]:
    """``low`` and ``low`` less one German ending or link, keeping at least 3 letters."""
    return [low] + [low[: -len(e)] for e in _DE_ENDINGS if low.endswith(e) and len(low) - len(e) >= 3]


def _more_german(word: str) -> bool:
    return _zipf(word, "de") > _zipf(word, "en")


def _part(word: str) -> bool:
    """Whether ``word`` may be a part of a German compound: three letters are a German
    word only when more German than English (Tag, Tor, Hut; not ugh, son, nor, way)."""
    return len(word) >= 4 or _more_german(word)


@lru_cache(maxsize=65536)
def _german_noun(low: str, head_zipf: float, part_zipf: float, depth: int = 2) -> bool:
    """Whether a lower-cased German word is a common noun that wordfreq does not list
    whole: an inflected form of a common word (strafraums), or a compound whose last part
    is a common word (``head_zipf``) and whose first part is a listed word (``part_zipf``)
    or such a compound itself (zwischen+wahlen, nationalversammlung-s+mitglieder,
    denuklearisierung-s+verhandlungen). German capitalises every noun, and rare compounds
    are the bulk of its capitalised words below compare.name_initial_max_zipf."""
    if any(_zipf(f, "de") >= head_zipf for f in _de_forms(low)[1:]):
        return True
    if len(low) >= 8 and _DE_NOUN_SUFFIX.search(low):
        return True
    for i in range(3, len(low) - 2):
        head, mod = low[i:], low[:i]
        heads = [f for f in _de_forms(head) if _zipf(f, "de") >= head_zipf and _part(f)]
        if not heads:
            continue
        # A three-letter first part that is an English word too (Not-ausgängen,
        # Bar-unternehmen) counts before a long German head.
        long_head = any(len(h) >= 5 and _more_german(h) for h in heads)
        for f in _de_forms(mod):
            inner = depth > 1 and _german_noun(f, head_zipf, part_zipf, depth - 1)
            if not (inner or (_zipf(f, "de") >= part_zipf and (_part(f) or long_head))):
                continue
            # One part at least must be German more than English: English names and
            # brands split into English words too (Gold+son, Super+drug, Fleet+wood).
            if inner or any(_more_german(x) for x in (f, *heads)):
                return True
    return False


#: Russian verb endings (past, present, reflexive): "Зеленский заявил" is a surname
#: before its verb, not an adjective before its noun.
_RU_VERB = re.compile(r"(?:л|ла|ло|ли|ет|ёт|ют|ут|ит|ят|ат|ся|сь)$")


def _ru_adjective_before_noun(tokens: list[Token], k: int, text: str | None) -> bool:
    """A capitalised word of surname shape (-ский, -ской, -ским ...) that resolves to no
    place and stands right before a lower-case noun is the adjective of a translated name
    ("Азиатским играм" / Asian Games, "Тихоокеанской лагуне" / a Pacific lagoon), not a
    surname ("Зеленский заявил": a verb follows; "Зеленский также": a function word)."""
    from comparekit.segment.kinds import function_words

    t = tokens[k]
    if k + 1 >= len(tokens) or not _RU_SURNAME.search(t.low) or resolve(fold(t.text)) is not None:
        return False
    nxt = tokens[k + 1]
    if text is not None and text[t.end : nxt.start].strip():
        return False
    return (
        nxt.text[:1].islower()
        and nxt.text.isalpha()
        and len(nxt.low) >= 4
        and nxt.low not in function_words()
        and not _RU_VERB.search(nxt.low)
    )


def _split_known(
    tokens: list[Token], k: int, end: int, lang: str = "en", places: dict[int, str] | None = None
) -> list[tuple[int, int, frozenset[str]]]:
    """A run of capitalised words cut where known places/organisations meet other names
    ("États-Unis Mike Pompeo" -> États-Unis + Mike Pompeo): a shared country must not
    vouch for a person next to it. Returns (first, end, ids) per piece. ``places``: the
    country of each word of a country name of several words (:func:`ru_country_spans`),
    which is not cut (Северной Кореи: Северной is KP too)."""
    places = places or {}
    ids = [
        _resolve_in(t.text, lang, t.text.isupper()) or places.get(n) for n, t in enumerate(tokens[k:end], k)
    ]
    runs: list[tuple[int, int, frozenset[str]]] = []
    start = k
    for n in range(k + 1, end + 1):
        if n == end or (
            tokens[n].low not in _STOP_CONNECT
            and tokens[n - 1].low not in _STOP_CONNECT
            and (ids[n - k] is None) != (ids[n - 1 - k] is None)
        ):
            runs.append((start, n, frozenset(c for c in ids[start - k : n - k] if c)))
            start = n
    return runs


@lru_cache(maxsize=1)
def _default_compare():
    from comparekit.settings import Settings

    return Settings().compare


#: A quoted span: a title of a book, film or song ("Snow White and the Seven Dwarfs").
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|«([^»]+)»')


def _quoted_titles(tokens: list[Token], text: str) -> set[int]:
    """Indices of the tokens inside a quoted span in Title Case (three words or more,
    most of them capitalised): a title of a work, which a translation translates ("AI
    Superpowers: China, Silicon Valley ..." / «Сверхдержавы искусственного интеллекта»),
    so its words are read as in a Title Case headline."""
    out: set[int] = set()
    for m in _QUOTED.finditer(text):
        inside = [k for k, t in enumerate(tokens) if m.start() < t.start and t.end < m.end()]
        words = [k for k in inside if tokens[k].text[:1].isalpha()]
        if len(words) >= 3 and sum(tokens[k].text[:1].isupper() for k in words) / len(words) > 0.6:
            out.update(inside)
    return out


#: Punctuation between two capitalised words that ends a name: "членов Ассамблеи,
#: Комитет высказал" is two words, not the name "Ассамблеи Комитет".
_NAME_BREAK = re.compile(r"[,;:()\[\]«»\"“”„]")


def extract_entities(
    tokens: list[Token],
    lang: str | None,
    skip: set[int] | None = None,
    *,
    settings=None,
    text: str | None = None,
) -> list[EntityMention]:
    """Named-entity mentions in ``tokens`` (indices in ``skip`` are dates/roles/numbers).
    ``settings``: a Settings (its [compare] section); None = the shipped defaults.
    ``text``: the text ``tokens`` were read from; given, a comma, colon, bracket or quote
    between two capitalised words ends a name (:data:`_NAME_BREAK`)."""
    lang = lang_of(lang)
    skip = skip or set()
    cfg = settings.compare if settings is not None else _default_compare()
    initial_zipf = cfg.name_initial_max_zipf
    not_entities = set(lexicon()["not_entities"].get(lang, ()))
    letters = [t for t in tokens if t.text[:1].isalpha()]
    headline = len(letters) >= 4 and sum(t.text[:1].isupper() for t in letters) / len(letters) > 0.6
    titled = _quoted_titles(tokens, text) if text is not None and not headline else set()
    cand = []
    for k, t in enumerate(tokens):
        title_case = headline or k in titled
        if k in skip or not t.text[:1].isalpha() or not t.text[:1].isupper() or t.low in not_entities:
            cand.append(False)
            continue
        # AMs, MPs: acronyms in the plural.
        acronym = len(t.text) >= 2 and (
            t.text.isupper() or (len(t.text) >= 3 and t.text[:-1].isupper() and t.text[-1] == "s")
        )
        known = _resolve_in(t.text, lang, acronym) is not None
        if (
            known
            and (t.initial or title_case)
            and fold(t.text) not in _gazetteer()[0]
            and (
                _common_word(t.text, lang, initial_zipf)
                or (lang == "ru" and _ru_derived_common(t.low, initial_zipf))
            )
        ):
            # A common word capitalised by its position that only looks like a place's
            # inflected form (Afin / Афин, Данные / Дания) is a word, as below; so is a
            # Russian adjective of a common word (Сенатские слушания: the Senate still
            # counts among the sentence's ids).
            known = False
        if known:
            cand.append(True)
        elif _ROMAN.match(t.text) or _descriptive(
            t.text, lang, cfg.name_descriptive_min_zipf, t.initial, title_case
        ):
            cand.append(False)
        elif acronym:
            # Unknown acronyms are translated as often as kept (AI / IA / ИИ, DNA / ADN).
            cand.append(False)
        elif t.initial or title_case or lang == "de":
            # Sentence starts, headlines in Title Case and German nouns are capitalised
            # anyway: only uncommon words count there.
            # The bar is compare.name_initial_max_zipf (see defaults.toml); a listed
            # plural of a word above the bar is a word too (Scuffles, Пабы).
            cand.append(
                not _common_word(t.text, lang, initial_zipf)
                and not _plural_of_common(t.text, lang, initial_zipf, cfg.name_descriptive_min_zipf)
                and not (lang == "ru" and _ru_derived_common(t.low, initial_zipf))
                and not (
                    lang == "de" and _german_noun(t.low, cfg.name_de_head_min_zipf, cfg.name_de_part_min_zipf)
                )
            )
        else:
            cand.append(True)
    if lang == "ru":
        for k in range(len(tokens)):
            if cand[k] and _ru_adjective_before_noun(tokens, k, text):
                cand[k] = False
    # Country names with lower-case words (République dominicaine, Émirats arabes unis,
    # Guinée équatoriale), and German ones of common capitalised words (Vereinigten
    # Königreich): the whole name is one mention.
    from comparekit.segment.kinds import function_words

    exact = _gazetteer()[0]
    for k, t in enumerate(tokens):
        if t.text[:1].isupper() and k not in skip:
            for n in (3, 2):
                words = tokens[k : k + n]
                if (
                    len(words) == n
                    and (words[-1].text[:1].islower() or lang == "de")
                    # An article and a lower-case noun are not a name: French "La
                    # réunion" (the meeting) opening a sentence is not La Réunion.
                    and words[0].low not in function_words()
                    and "".join(fold(w.text) for w in words) in exact
                ):
                    cand[k : k + n] = [True] * n
                    break
    # Russian country names of several words in any case (Соединенными Штатами): the
    # whole name is one mention, and it names the country.
    places = ru_country_spans([fold(t.text) for t in tokens]) if lang == "ru" else []
    for _, i, j in places:
        if tokens[i].text[:1].isupper() and not skip.intersection(range(i, j)):
            cand[i:j] = [True] * (j - i)
    orgs = find_phrases(tokens, _org_phrases()) + places
    in_place = {x: code for code, i, j in places for x in range(i, j)}
    out = []
    k = 0
    while k < len(tokens):
        if not cand[k]:
            k += 1
            continue
        end = k + 1
        while (
            end < len(tokens)
            and (cand[end] or (tokens[end].low in _STOP_CONNECT and end + 1 < len(tokens) and cand[end + 1]))
            and not (text is not None and _NAME_BREAK.search(text[tokens[end - 1].end : tokens[end].start]))
        ):
            end += 1
        whole = whole_place(t.text for t in tokens[k:end])
        if whole is not None:  # "United States" is one country, not "United" + "States"
            runs = [(k, end, frozenset({whole}))]
        else:
            runs = _split_known(tokens, k, end, lang, in_place)
        for i, j, ids in runs:
            words = [t for t in tokens[i:j] if t.low not in _STOP_CONNECT]
            folds = tuple(dict.fromkeys(f for t in words for f in _word_folds(t.text)))
            ids = ids | {label for label, x, y in orgs if x < j and i < y}  # "Белый дом"
            common_zipf = (
                cfg.name_common_min_zipf
                if len(words) == 1
                else cfg.name_common_min_zipf_multi_en
                if lang == "en"
                else cfg.name_common_min_zipf_multi
            )
            if not words or (not ids and all(_common_word(t.text, lang, common_zipf) for t in words)):
                # "Supreme Court", "Navy", "Police", "Ассамблеи": capitalised common words
                # are translated names (compare.name_common_min_zipf, see defaults.toml).
                continue
            if ids == {"US"} and i > 0 and tokens[i - 1].low.startswith(_DOLLAR):
                # "2 000 долларов США", "37 млрд долл. США", "dollars US": the currency,
                # which the other side writes "$" (a sign, no word); the country still
                # counts in text_ids.
                continue
            if j - i == 1 and _unit_eponym(tokens, i):
                continue
            if folds:
                out.append(EntityMention(" ".join(t.text for t in tokens[i:j]), i, j, folds, ids))
        k = end
    return out


#: Words for dollars that a following US / США qualifies as a currency ("долл." too).
_DOLLAR = ("долл", "dollar")

#: Names of scales and units (lower-case starts, any case ending) and the words next to
#: which they name the unit, not a person: "по шкале Рихтера", "l'échelle de Richter",
#: "Richter scale", "по Цельсию", "degrés Celsius". A translator adds them ("magnitude
#: 7.5" / "7,5 по шкале Рихтера"), so they are not a name one side adds.
_UNIT_EPONYMS = ("richter", "рихтер", "celsius", "цельси", "fahrenheit", "фаренгейт", "kelvin", "кельвин")
_UNIT_WORDS = ("шкал", "échelle", "scale", "skala", "градус", "degré", "degree", "grad", "°")


def _unit_eponym(tokens: list[Token], k: int) -> bool:
    """Whether the one-word name at ``k`` is a scale or unit (see :data:`_UNIT_EPONYMS`):
    a scale or degree word stands up to two words before it or right after it."""
    if not tokens[k].low.startswith(_UNIT_EPONYMS):
        return False
    near = [t.low for t in tokens[max(0, k - 2) : k + 2] if t is not tokens[k]]
    return any(w.startswith(_UNIT_WORDS) for w in near)


@lru_cache(maxsize=65536)
def _word_folds(word: str) -> tuple[str, ...]:
    """A word's fold, then the folds of its hyphenated parts (Нью-Йорку -> New York,
    Бутик-косметика -> Boutique), each of at least two letters."""
    parts = [word] + (re.split(r"[-‐]", word) if "-" in word or "‐" in word else [])
    folds = [f for p in parts if len(f := fold(p)) >= 2]
    # fold() keeps two-letter words as written (acronyms): Ye / Йе need y = й = i.
    folds += [f.replace("y", "i").replace("j", "i") for f in folds if len(f) == 2 and not word.isupper()]
    # Latin eu- is Russian ев- (Europa / Евролиги, Eugene / Евгений).
    folds += ["ev" + f[2:] for f in folds if f.startswith("eu") and len(f) >= 5 and word[:1].isascii()]
    return tuple(dict.fromkeys(folds))


#: Latin c before e / i that Italian and Indonesian read as Russian ч.
_C_AS_CH = re.compile(r"(?<![sc])c(?=[ei])")


@lru_cache(maxsize=65536)
def cyrillic_readings(word: str) -> tuple[str, ...]:
    """Folds of a capitalised Latin word as Russian may spell it where a letter-by-letter
    reading does not reach: a Chinese name in pinyin, in Palladius (Jinping / Цзиньпина,
    Chongqing / Чунцине; a one-syllable fold, Xi / си, would meet short common words),
    Italian or Indonesian c before e / i as ч (Aceh / Ачехе, Luciano / Лучано), and
    Spanish x as х (Texas / Техасом).
    Matched against Cyrillic words only (:func:`present`): two such readings of two
    Latin words mean nothing."""
    if not (word[:1].isupper() and word.isascii()):
        return ()
    out = []
    if (cyr := palladius(word)) and len(f := fold(cyr)) >= 3:
        out.append(f)
    if _C_AS_CH.search(word):
        out.append(fold(_C_AS_CH.sub("ч", word)))
    if "x" in word[1:]:
        # Spanish and Mexican x is х (Texas / Техасом, Oaxaca / Оахака), where English reads ks.
        out.append(fold(word[0] + word[1:].replace("x", "х")))
    plain = set(_word_folds(word))
    return tuple(f for f in dict.fromkeys(out) if f not in plain)


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@lru_cache(maxsize=1)
def external_normaliser() -> Callable[[str], str] | None:
    """The translation detector's name normaliser, when that module provides one."""
    try:
        import importlib

        mod = importlib.import_module("comparekit.detect.translation")
    except ImportError:
        return None
    for name in ("normalise_name", "normalize_name", "canonical_name"):
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def _word_match(a: str, b: str, min_ratio: float) -> bool:
    from rapidfuzz import fuzz

    if a == b:
        return True
    if min(len(a), len(b)) >= 4 and _common_prefix(a, b) >= max(4, min(len(a), len(b)) - 2):
        return True
    shortest = min(len(a), len(b))
    # Long cognates share a long start and differ in their suffixes: Demilitarised /
    # демилитаризованную (ratio 65, common start 10 of 13 letters).
    if shortest >= 9 and _common_prefix(a, b) >= 0.75 * shortest:
        return True
    # Longer names tolerate more transliteration noise (Trump / Трампа -> trump / trampa).
    return shortest >= 4 and fuzz.ratio(a, b) >= (min_ratio if shortest < 5 else min_ratio - 12)


#: Characters that open a quote or bracket: a capitalised word after one is a name as
#: often as a sentence start.
_QUOTES = set("«“\"„‘'(")


def _vowel_match(a: str, b: str) -> bool:
    """Two short folded words that start with a vowel and have the same one consonant:
    English spells an initial vowel sound in ways Russian does not follow (Ayr / Эр,
    Eyre / Эйр, Iowa / Айова)."""
    if a[:1] not in _VOWELS or b[:1] not in _VOWELS or max(len(a), len(b)) > 6:
        return False
    ka, kb = skeletons(a)[1], skeletons(b)[1]
    return len(ka) == 1 and ka == kb


#: German writes a part of a place as one word with a compass or region word before it
#: (Osteuropa, Lateinamerikas, Zentralmexiko, Südostasien, Westdeutschland), where English
#: and French write two (eastern Europe, l'Europe de l'Est).
_DE_REGION_PREFIX = re.compile(r"^(?:(?:nord|süd)(?:ost|west)?|ost|west|mittel|zentral|latein)(?=\w{4})")


@lru_cache(maxsize=65536)
def german_region_place(word: str) -> str | None:
    """The place a German compound of a compass or region word and a place names
    ("Osteuropa" -> "europa", "Lateinamerikas" -> "amerikas"), as written in lower case;
    None for other words and for a compound that is a place of its own (Nordkorea,
    Südafrika, Nordmazedonien are countries, not parts of Korea, Africa, Macedonia)."""
    low = word.lower()
    m = _DE_REGION_PREFIX.match(low)
    if m is None or resolve(fold(low)) is not None:
        return None
    return low[m.end() :]


class OtherSide:
    """What one side of a pair offers for matching: its ids and folded words (``lang``:
    the side's language; German compounds of a compass word and a place offer the place
    too: :func:`german_region_place`)."""

    def __init__(self, tokens: list[Token], text: str, lang: str | None = None) -> None:
        # The words of multi-word place names and the place each names ("Южную Корею":
        # KR for both words), so that "North Korea" does not meet "Корею" of South Korea.
        self.ids, self.place_words = _ids_and_place_words(tokens)
        self.folds = sorted({f for t in tokens for f in _word_folds(t.text)})
        # Skeletons are loose: they are matched against capitalised words only.
        self.cap_folds = sorted({f for t in tokens if t.text[:1].isupper() for f in _word_folds(t.text)})
        if lang_of(lang) == "de":
            places = {p for t in tokens if t.text[:1].isupper() and (p := german_region_place(t.text))}
            self.ids |= {c for p in places if (c := resolve(fold(p)))}
            self.folds = sorted({*self.folds, *map(fold, places)})
            self.cap_folds = sorted({*self.cap_folds, *map(fold, places)})
        # Capitalised words that no sentence start explains (mid-sentence, or opening a
        # quote: «Эр»), for the loosest match (:func:`_vowel_match`), which a capitalised
        # pronoun or adverb at a sentence start (Он, Эти) must not meet.
        self.name_folds = sorted(
            {
                f
                for t in tokens
                if t.text[:1].isupper() and (not t.initial or text[: t.start].rstrip()[-1:] in _QUOTES)
                for f in _word_folds(t.text)
            }
        )
        # Cyrillic readings of its Latin names (:func:`cyrillic_readings`), for a Russian
        # mention; and whether it is Russian text, where a Latin mention's readings count.
        self.cyr_readings = sorted({r for t in tokens for r in cyrillic_readings(t.text)})
        self.cyrillic = _cyrillic(text)
        self.text = text
        self._norm: set[str] | None = None
        self._index: tuple | None = None

    @classmethod
    def from_text(cls, text: str, lang: str | None) -> OtherSide:
        """The OtherSide of a text not tokenized yet."""
        return cls(tokenize(text, lang), text, lang)

    def index(self) -> tuple:
        """Lookup structures for long texts (a whole document): the fold set, the folds
        of four letters or more, and capitalised words by consonant skeleton."""
        if self._index is None:
            by_skel: dict[str, list[str]] = {}
            for g in self.cap_folds:
                for sk in set(skeletons(g)):
                    by_skel.setdefault(sk, []).append(g)
                    if len(sk) >= 4:
                        by_skel.setdefault(sk[:-1], []).append(g)
            self._index = (set(self.folds), [g for g in self.folds if len(g) >= 4], by_skel)
        return self._index

    def normalised(self, fn: Callable[[str], str]) -> set[str]:
        if self._norm is None:
            self._norm = set()
            for word in self.text.split():
                try:
                    self._norm.add(fn(word.strip('.,;:!?"«»()')))
                except (TypeError, ValueError):
                    continue
        return self._norm


def _initial(word_fold: str) -> str:
    """The first sound of a folded word, with the spellings of English j / y merged
    (Джонс dzhons / Jones iones, Йорк iork / York york)."""
    if re.match(r"u[oie]", word_fold):
        return "v"  # English w- in Russian: Уэйд / Wade, Уилл / Will
    return "i" if re.match(r"dzh|[jyi]", word_fold) else word_fold[:1]


def _same_start(a: str, b: str) -> bool:
    """:func:`_initial` alike, or Russian ю- for an English u- read yu (Utah / Юта), or
    Russian х- for a Spanish or Catalan j- (Joan / Хоан, Juan / Хуан, José / Хосе)."""
    if _initial(a) == _initial(b):
        return True
    if {_initial(a), _initial(b)} == {"h", "i"} and (a.startswith("i") or b.startswith("i")):
        return True
    return (a.startswith("iu") and b.startswith("u")) or (b.startswith("iu") and a.startswith("u"))


def _skeleton_match(a: str, b: str) -> bool:
    """Names across scripts by consonant skeleton (see :func:`skeleton`); two-consonant
    skeletons must also start alike (Daley / Дейли), longer ones may differ by an ending
    (Путин / Путиным)."""
    same_start = _same_start(a, b)
    for sa, sb in [*zip(skeletons(a), skeletons(b)), *_variant_pairs(a, b)]:
        short = min(len(sa), len(sb))
        if short < 2:
            continue
        if sa == sb and (short >= 3 or same_start):
            return True
        # An ending may differ (Путин / Путиным; Джонсом / Jones when they start alike).
        if (
            (short >= 3 or same_start)
            and abs(len(sa) - len(sb)) <= 1
            and (sa.startswith(sb) or sb.startswith(sa))
        ):
            return True
    # One-consonant names (Joko / Джоко, May / Мэй): the same first sound and consonant.
    ka, kb = skeletons(a)[1], skeletons(b)[1]
    if len(ka) == len(kb) == 1 and ka == kb and same_start and max(len(a), len(b)) <= 6:
        return True
    return False


def _variant_pairs(a: str, b: str) -> list[tuple[str, str]]:
    """Skeleton pairs where one side reads w or th the Russian way (see
    :func:`skeleton_variants`), only exact matches; and the pairs where one side reads
    gh the Russian way (:func:`_gh_skeletons`) against the other's plain skeletons, to
    which :func:`_skeleton_match` applies its usual rules (Bough / Бафом)."""
    va, vb = skeleton_variants(a), skeleton_variants(b)
    out = [(x, x) for x in va & vb if len(x) >= 2]
    out += [(x, y) for x in _gh_skeletons(a) for y in skeletons(b)]
    out += [(x, y) for x in skeletons(a) for y in _gh_skeletons(b)]
    return out


@lru_cache(maxsize=65536)
def _gh_skeletons(word_fold: str) -> tuple[str, ...]:
    """Skeletons of an English gh after a vowel read as ф or as nothing (Bough / Баф,
    Leigh / Ли), and of a Catalan final -ig read as ч (Puig / Пуч); none for a word
    without them."""
    out: list[str] = []
    if re.search(r"[aeiou]gh", word_fold):
        out += [sk for gh in ("f", "") for sk in skeletons(re.sub(r"(?<=[aeiou])gh", gh, word_fold))]
    if re.search(r"[aeiou]ig$", word_fold):
        out += skeletons(fold(word_fold[:-2] + "ch"))  # folded as Пуч is: pukh
    return tuple(out)


#: Above this many distinct words, the other side is searched through its index.
_LARGE = 400


def _present_indexed(f: str, other: OtherSide, min_ratio: float) -> bool:
    """:func:`present` for one folded word against a long text, without a full scan:
    the same rules, applied to the candidates an index can return."""
    from bisect import bisect_left

    from rapidfuzz import fuzz, process

    words, long_words, by_skel = other.index()
    if f in words:
        return True
    if len(f) >= 4:
        start = bisect_left(other.folds, f[:4])
        for g in other.folds[start:]:
            if not g.startswith(f[:4]):
                break
            if _word_match(f, g, min_ratio) and not _another_place(f, g):
                return True
        cutoff = min_ratio if len(f) < 5 else min_ratio - 12
        hit = process.extractOne(f, long_words, scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit is not None and _word_match(f, hit[0], min_ratio) and not _another_place(f, hit[0]):
            return True
    for sk in set(skeletons(f)) | {x[:-1] for x in skeletons(f) if len(x) >= 4}:
        if any(_skeleton_match(f, g) and not _another_place(f, g) for g in by_skel.get(sk, ())):
            return True
    return False


def _present_scanned(f: str, other: OtherSide, min_ratio: float) -> bool:
    """:func:`present` for one folded word against a short text: every word compared."""
    if any(_word_match(f, g, min_ratio) and not _another_place(f, g) for g in other.folds):
        return True
    return any(_skeleton_match(f, g) and not _another_place(f, g) for g in other.cap_folds)


def named_in(mention: EntityMention, other: OtherSide, *, min_ratio: float) -> bool:
    """Whether ``mention`` is named in ``other`` as a name: by id, or by a capitalised
    word (a stricter :func:`present`, for text beyond the pair, where a fuzzy match to a
    common word is likelier: Canada / каналы)."""
    if mention.ids & other.ids:
        return True
    return (
        any(
            (_word_match(f, g, min_ratio) or _skeleton_match(f, g)) and not _another_place(f, g)
            for f in mention.folds
            if len(f) >= 2
            for g in other.cap_folds
        )
        or any(_vowel_match(f, g) for f in mention.folds for g in other.name_folds)
        or _read_across(mention, other, other.cap_folds, min_ratio)
    )


def _read_across(mention: EntityMention, other: OtherSide, words: list[str], min_ratio: float) -> bool:
    """Whether a Russian mention meets a Cyrillic reading of the Latin side's names, or a
    Latin mention's Cyrillic readings meet one of ``words`` (folds of the Russian side):
    Си Цзиньпина / Xi Jinping, Aceh / Ачехе (:func:`cyrillic_readings`)."""
    if _cyrillic(mention.text):
        pairs = [(f, g) for f in mention.folds if len(f) >= 3 for g in other.cyr_readings]
    elif other.cyrillic:
        pairs = [(r, g) for w in mention.text.split() for r in cyrillic_readings(w) for g in words]
    else:
        return False
    return any(_word_match(f, g, min_ratio) and not _another_place(f, g) for f, g in pairs)


def _other_place(mention: EntityMention, other: OtherSide, min_ratio: float) -> bool:
    """Whether a place mention (a country code and no organisation) shares a word with a
    different multi-word place of ``other`` and nothing else names it there: "North
    Korea" against "Южную Корею" (KR), "Corée du Sud". Its words would match ("korea" /
    "koreiu"), but the place is another."""
    # A one-word place is often short for either ("Korea", "Korean"): only a name of
    # several words says which.
    if not mention.ids or any(i.startswith("org:") for i in mention.ids) or len(mention.text.split()) < 2:
        return False
    others = {f for f, c in other.place_words.items() if c not in mention.ids}
    return any(
        f in others or any(_word_match(f, g, min_ratio) or _skeleton_match(f, g) for g in others)
        for f in mention.folds
        if len(f) >= 3
    )


def _another_place(f: str, g: str) -> bool:
    """Whether the words ``f`` and ``g`` (folded) resolve to two different places or
    organisations: Japan is not named by Испании (ES) however close the spellings
    (ratio 73). Korea / Кореи (both KR) still match inside North Korea (KP)."""
    a = resolve(f)
    if a is None:
        return False
    b = resolve(g)
    return b is not None and b != a


def present(mention: EntityMention, other: OtherSide, *, min_ratio: float) -> bool:
    """Whether ``mention`` (one side) is named anywhere in ``other`` (the other side)."""
    if mention.ids & other.ids:
        return True
    if _other_place(mention, other, min_ratio):
        return False
    search = _present_indexed if len(other.folds) > _LARGE else _present_scanned
    for f in mention.folds:
        if len(f) < 2:
            continue
        if search(f, other, min_ratio) or any(_vowel_match(f, g) for g in other.name_folds):
            return True
    if _read_across(mention, other, other.folds, min_ratio):
        return True
    fn = external_normaliser()
    if fn is not None:
        try:
            norm = fn(mention.text)
        except (TypeError, ValueError):
            return False
        return norm in other.normalised(fn)
    return False
