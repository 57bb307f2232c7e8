"""Language-id accuracy on NTREX-128 by_doc: every non-empty line (one sentence) of the
123 stories in eng/fra/rus/deu, scored against the folder's language.

    python -m comparekit.langid.evaluate [BY_DOC]

prints, per language, the sentences, the share identified right (all sentences and
those with at least ``langid.min_segment_letters`` letters) and how many long sentences
get a wrong language at ``langid.min_segment_probability`` or above (what would give a
segment a false language of its own). tests/test_langid.py pins floors on it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from comparekit.langid import _letters, detect_language
from comparekit.settings import Settings

#: NTREX folder -> the language code the detector should answer.
NTREX_CODES = {"eng": "en", "fra": "fr", "rus": "ru", "deu": "de"}


def ntrex_accuracy(by_doc: Path, settings: Settings | None = None) -> dict[str, dict[str, float]]:
    """Per NTREX language: ``sentences``, ``accuracy``, ``long_accuracy`` and
    ``false_foreign`` (long sentences given another language confidently)."""
    cfg = (settings or Settings()).langid
    out = {}
    for folder, code in NTREX_CODES.items():
        lines = [
            line
            for path in sorted((by_doc / folder).glob("*.txt"))
            for line in path.read_text("utf-8").splitlines()
            if line.strip()
        ]
        found = [detect_language(line) for line in lines]
        long = [_letters(line) >= cfg.min_segment_letters for line in lines]
        n_long = sum(long) or 1
        out[folder] = {
            "sentences": len(lines),
            "accuracy": sum(lang == code for lang, _ in found) / max(len(lines), 1),
            "long_accuracy": sum(lang == code for (lang, _), is_long in zip(found, long) if is_long) / n_long,
            "false_foreign": sum(
                1
                for (lang, prob), is_long in zip(found, long)
                if is_long and lang != code and prob >= cfg.min_segment_probability
            ),
        }
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the accuracy table (the report package is the one allowed to print; this is
    a command-line entry point, like the benchmarks)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parents[2]
    by_doc = Path(args[0]) if args else root.parent / "shared" / "data" / "alignment" / "ntrex128" / "by_doc"
    rows = ntrex_accuracy(by_doc)
    lines = ["| language | sentences | accuracy | 40+ letters | false foreign |", "|---|---|---|---|---|"]
    for folder, r in rows.items():
        lines.append(
            f"| {folder} | {r['sentences']} | {r['accuracy']:.4f} | {r['long_accuracy']:.4f} | {r['false_foreign']} |"
        )
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
