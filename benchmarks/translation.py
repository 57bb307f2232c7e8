"""Translation-artifact detector quality on real English news (prints a table; also used by
the eval gate tests/eval/test_translation_gate.py).

Data: NTREX-128 English news (../shared/data/alignment/ntrex128/by_doc/eng/*.txt, 123
documents, one sentence a line; sentences become paragraphs). Two runs:

1. Untouched documents, no metadata: every translation flag is a false flag; the rate is
   per 10,000 words.
2. The same documents with known artifacts injected (seeded, deterministic). Documents
   take turns by sorted name: names, typography, false friends; each gets
   ``PER_DOC`` artifacts in different sentences:
   - names: a gazetteer person's foreign spelling (a variant in the gazetteer's other
     languages: "Nikol Pachinian", "Wladimir Putin" ...) appended as ", <name> said". The
     detector runs with a gazetteer stripped of every non-English spelling, so only the
     romanisation rules and fuzzy matching can find them ("rules-only"); the run with
     the full gazetteer is reported too ("listed").
   - typography: « » around words, French spaced quotes with no-break spaces, „ “,
     a no-break space before ! or :, a decimal comma ("3,5 percent").
   - false friends: a word from one source language's list in a short sentence, the
     document declared ``translated_from`` that language.
   An artifact counts as found when a flag of its type overlaps its span (names: with the
   canonical surname as suggestion).

Run: ``.venv/bin/python -m benchmarks.translation`` (about a minute on 2 quiet cores);
``--update-floors`` re-pins tests/eval/translation_floors.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX_ENG = ROOT.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc" / "eng"
SEED = 7
PER_DOC = 3
TYPES = ("transliteration_variant", "foreign_typography", "false_friend")
NBSP = "\u00a0"
RULE_LANGS = ("fr", "de", "pl", "tr", "cs", "es", "it", "ca")


def load_ntrex(folder: Path = NTREX_ENG) -> list[tuple[str, list[str]]]:
    """(document id, sentences) for every NTREX English document, sorted."""
    return [
        (p.stem, [ln.strip() for ln in p.read_text("utf-8").splitlines() if ln.strip()])
        for p in sorted(folder.glob("*.txt"))
    ]


def name_pool() -> list[tuple[str, str, str, str]]:
    """(canonical surname, variant given, variant surname, language) from the gazetteer's
    foreign Latin-script spellings that differ from every English spelling."""
    from comparekit.detect.translation.gazetteer import load_gazetteer
    from comparekit.detect.translation.index import NameIndex
    from comparekit.translit import is_latin

    people = load_gazetteer()
    index = NameIndex(people)
    pool = []
    for p in people:
        for lang, form in p.variants:
            if lang not in RULE_LANGS or not is_latin(form) or not p.surname or p.surname_first:
                continue
            parts = dict(index._parts(p, form))
            surname = parts.get("surname")
            if surname and not index.is_accepted(surname):
                pool.append((p.surname, parts.get("given", ""), surname, lang))
    return sorted(set(pool))


def stripped_gazetteer(folder: Path) -> Path:
    """The shipped gazetteer without any non-English spelling (rules-only mode)."""
    from comparekit.detect.translation.gazetteer import gazetteer_text

    out = []
    for line in gazetteer_text().splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != 6 or cols[0] == "canonical":
            out.append(line)
            continue
        keep = [v for v in cols[5].split(";") if v.strip().startswith("en:")]
        out.append("\t".join(cols[:5] + [";".join(keep)]))
    path = folder / "gazetteer_rules_only.tsv"
    path.write_text("\n".join(out) + "\n", "utf-8")
    return path


def _typography(sentence: str, rng: random.Random) -> tuple[str, str]:
    """(new sentence, injected piece) with one foreign typography mark."""
    words = sentence.rstrip(".").split()
    kind = rng.choice(["guillemets", "spaced", "low_high", "nbsp_punct", "decimal"])
    if kind == "decimal":
        piece = f"{rng.randint(1, 99)},{rng.randint(1, 9)} percent"
        return f"{sentence.rstrip('.')}, up {piece}.", piece
    if kind == "nbsp_punct":
        piece = f"{NBSP}!"
        return sentence.rstrip(".") + piece, piece
    i = rng.randrange(max(1, len(words) - 3))
    inner = " ".join(words[i : i + 3])
    piece = {
        "guillemets": f"«{NBSP}{inner}{NBSP}»",
        "spaced": f'"{NBSP}{inner}{NBSP}"',
        "low_high": f"„{inner}“",
    }[kind]
    return " ".join(words[:i] + [piece] + words[i + 3 :]) + ".", piece


def inject(docs: list[tuple[str, list[str]]], seed: int = SEED):
    """Injected documents: list of (id, raw_text, meta, [(type, start, end, expected)])."""
    from comparekit.detect.translation.lexical import SOURCE_LANGUAGES, false_friends

    names = name_pool()
    out = []
    for n, (doc_id, sentences) in enumerate(docs):
        rng = random.Random(f"{seed}:{doc_id}")
        kind = TYPES[n % len(TYPES)]
        sentences = list(sentences)
        meta = {}
        targets = sorted(rng.sample(range(1, len(sentences)), min(PER_DOC, len(sentences) - 1)))
        planned = {}
        if kind == "false_friend":
            lang = SOURCE_LANGUAGES[(n // len(TYPES)) % len(SOURCE_LANGUAGES)]
            meta["translated_from"] = lang
        for t in targets:
            if kind == "transliteration_variant":
                surname, given, variant, _lang = rng.choice(names)
                piece = f"{given} {variant}".strip()
                sentences[t] = f"{sentences[t].rstrip('.')}, {piece} said."
                planned[t] = (variant, surname)
            elif kind == "foreign_typography":
                sentences[t], piece = _typography(sentences[t], rng)
                planned[t] = (piece, None)
            else:
                ff = rng.choice(false_friends(meta["translated_from"]))
                form = ff.forms[0]
                sentences[t] = f"{sentences[t]} The report spoke of {form} here."
                planned[t] = (form, ff.suggestion)
        raw = "\n\n".join(sentences)
        spans = []
        offset = 0
        for i, s in enumerate(sentences):
            if i in planned:
                piece, expected = planned[i]
                j = s.rfind(piece)
                spans.append((kind, offset + j, offset + j + len(piece), expected))
            offset += len(s) + 2
        out.append((doc_id, raw, meta, spans))
    return out


def _prepare(doc_id: str, raw: str, meta: dict, settings):
    from comparekit.document import Document
    from comparekit.pipeline import prepare

    return prepare(Document(id=doc_id, raw_text=raw, meta=meta), settings=settings)


def run(folder: Path = NTREX_ENG, seed: int = SEED) -> dict:
    """All numbers of the benchmark, as a dict."""
    from comparekit.detect.translation import detect
    from comparekit.settings import Settings

    docs = load_ntrex(folder)
    settings = Settings()
    words = sum(len(s.split()) for _, ss in docs for s in ss)
    false_flags: Counter[str] = Counter()
    examples = []
    for doc_id, sentences in docs:
        doc = _prepare(doc_id, "\n\n".join(sentences), {}, settings)
        for f in detect(doc, settings=settings):
            false_flags[f.type] += 1
            examples.append(f"{doc_id}: {f.type} {f.text!r}")
    injected = inject(docs, seed)
    with tempfile.TemporaryDirectory() as tmp:
        rules_only = Settings({"translation": {"gazetteer": str(stripped_gazetteer(Path(tmp)))}})
        found: dict[str, Counter[str]] = defaultdict(Counter)
        missed: list[str] = []
        for mode, cfg in (("rules_only", rules_only), ("listed", settings)):
            for doc_id, raw, meta, spans in injected:
                if mode == "listed" and (not spans or spans[0][0] != "transliteration_variant"):
                    continue
                doc = _prepare(doc_id, raw, meta, cfg)
                flags = detect(doc, settings=cfg)
                for kind, start, end, expected in spans:
                    key = kind if mode == "rules_only" else f"{kind}_listed"
                    found[key]["total"] += 1
                    hit = any(
                        f.type == kind
                        and f.start < end
                        and start < f.end
                        and (kind != "transliteration_variant" or f.suggestion == expected)
                        for f in flags
                    )
                    found[key]["found"] += hit
                    if not hit:
                        missed.append(f"{mode} {doc_id}: {kind} {raw[start:end]!r}")
    recall = {k: round(v["found"] / v["total"], 4) for k, v in sorted(found.items())}
    return {
        "documents": len(docs),
        "words": words,
        "recall": recall,
        "injected": {k: v["total"] for k, v in sorted(found.items())},
        "false_flags": dict(sorted(false_flags.items())),
        "false_flags_per_10k_words": round(10_000 * sum(false_flags.values()) / words, 4),
        "false_flag_examples": examples[:20],
        "missed_examples": missed[:20],
    }


FLOORS = ROOT / "tests" / "eval" / "translation_floors.json"
# Floors sit this far below the measured recall (and the false-flag ceiling this far above
# the measured rate), so that an unrelated change of a few flags does not fail CI.
RECALL_MARGIN = 0.03
FALSE_FLAG_MARGIN = 0.5


def digest(folder: Path = NTREX_ENG) -> str:
    """sha256 over the NTREX English files (names and bytes, sorted)."""
    h = hashlib.sha256()
    for p in sorted(folder.glob("*.txt")):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def floors(res: dict) -> dict:
    """The floor file's content for measured results ``res``."""
    return {
        "_about": "Written by `python -m benchmarks.translation --update-floors`; checked by "
        "tests/eval/test_translation_gate.py.",
        "ntrex_eng_sha256": digest(),
        "gazetteer_sha256": hashlib.sha256(gazetteer_bytes()).hexdigest(),
        "min_recall": {k: round(max(0.0, v - RECALL_MARGIN), 4) for k, v in res["recall"].items()},
        "max_false_flags_per_10k_words": round(res["false_flags_per_10k_words"] + FALSE_FLAG_MARGIN, 4),
        "measured": {
            k: res[k] for k in ("documents", "words", "recall", "injected", "false_flags_per_10k_words")
        },
    }


def gazetteer_bytes() -> bytes:
    from comparekit.detect.translation.gazetteer import gazetteer_text

    return gazetteer_text().encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument("--update-floors", action="store_true", help=f"re-pin {FLOORS.name}")
    args = parser.parse_args(argv)
    res = run()
    print(f"NTREX-128 English: {res['documents']} documents, {res['words']} words")
    print(f"{'artifact type':<34} {'injected':>8} {'recall':>7}")
    for k, r in res["recall"].items():
        print(f"{k:<34} {res['injected'][k]:>8} {r:>7.3f}")
    print(f"false flags on untouched documents: {sum(res['false_flags'].values())} {res['false_flags']}")
    print(f"false flags per 10,000 words: {res['false_flags_per_10k_words']:.3f}")
    for ex in res["false_flag_examples"]:
        print("  ", ex)
    print(f"missed injected artifacts: {len(res['missed_examples'])} shown")
    for ex in res["missed_examples"]:
        print("  ", ex)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, sort_keys=True), "utf-8")
    if args.update_floors:
        FLOORS.write_text(json.dumps(floors(res), indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {FLOORS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
