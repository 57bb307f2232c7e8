"""Translation-artifact detector: names, roles, typography, untranslated spans, calques,
false friends, name inconsistency across sources."""

from __future__ import annotations

import pytest
from conftest import RFI, prepared

from comparekit.detect.translation import detect, detect_across, mark_translated
from comparekit.document import Document
from comparekit.pipeline import prepare
from comparekit.settings import Settings

NBSP = "\u00a0"


def make(text: str, settings: Settings, **meta) -> Document:
    return prepare(Document(id="d", raw_text=text, meta=meta), settings=settings)


def flags(text: str, settings: Settings, type_: str | None = None, **meta):
    doc = make(text, settings, **meta)
    out = detect(doc, settings=settings)
    for f in out:  # every flag speaks raw offsets
        assert doc.raw_text[f.start : f.end] == f.text
    return [f for f in out if type_ is None or f.type == type_]


@pytest.fixture(scope="module")
def rules_only(tmp_path_factory):
    """Settings whose gazetteer has no non-English spelling at all: only the
    romanisation rules (plus fuzzy matching) can find a foreign spelling."""
    from comparekit.detect.translation.gazetteer import gazetteer_text

    lines = []
    for line in gazetteer_text().splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) == 6 and cols[0] != "canonical":
            cols[5] = ";".join(v for v in cols[5].split(";") if v.strip().startswith("en:"))
        lines.append("\t".join(cols))
    path = tmp_path_factory.mktemp("gaz") / "gazetteer.tsv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    text = path.read_text("utf-8")
    assert "Pachinian" not in text and "Paschinjan" not in text and "Poutine" not in text
    return Settings({"translation": {"gazetteer": str(path)}})


BODY = "The talks went on for hours in the capital on Sunday evening, officials said."


def test_rfi_pachinian_is_pashinyan_by_the_rules(rules_only):
    doc = prepared(RFI, rules_only)
    (f,) = [f for f in detect(doc, settings=rules_only) if f.type == "transliteration_variant"]
    assert f.text == "Pachinian" and f.suggestion == "Pashinyan"
    assert "fr" in f.evidence["languages"] and not f.evidence["listed_in_gazetteer"]
    assert f.evidence["qid"] == "Q7035479"
    assert doc.raw_text[f.start : f.end] == "Pachinian"


@pytest.mark.parametrize(
    "spelling, lang",
    [("Paschinjan", "de"), ("Paszinian", "pl"), ("Paşinyan", "tr"), ("Pašinjan", "cs"), ("Pachinian", "fr")],
)
def test_romanisations_not_in_the_gazetteer_are_found(rules_only, spelling, lang):
    (f,) = flags(f"{BODY} Nikol {spelling} met the envoy.", rules_only, "transliteration_variant")
    assert f.text == spelling and f.suggestion == "Pashinyan" and lang in f.evidence["languages"]


@pytest.mark.parametrize(
    "name, suggestion",
    [
        ("Sergei Lawrow", "Lavrov"),
        ("Viktor Iouchtchenko", "Yushchenko"),
        ("Wiktor Janukowycz", "Yanukovych"),
        ("Mikheil Saakachvili", "Saakashvili"),
        ("Mahmud Ahmadinedschad", "Ahmadinejad"),
        ("Arsenij Jazenjuk", "Yatsenyuk"),
    ],
)
def test_other_people_by_the_rules(rules_only, name, suggestion):
    found = flags(f"{BODY} {name} arrived.", rules_only, "transliteration_variant")
    assert suggestion in {f.suggestion for f in found}


def test_given_name_before_a_known_surname(rules_only):
    (f,) = flags(f"{BODY} Wladimir Putin spoke.", rules_only, "transliteration_variant")
    assert f.text == "Wladimir" and f.suggestion == "Vladimir"


def test_standard_english_spellings_are_never_flagged(settings):
    text = (
        f"{BODY} Ilham Aliyev, Recep Tayyip Erdogan, Recep Tayyip Erdoğan and Vladimir Putin met "
        "Volodymyr Zelensky, Sergei Lavrov and Nikol Pashinyan. Aliyev and Erdogan left; Putin stayed."
    )
    assert flags(text, settings, "transliteration_variant") == []
    assert flags(text, settings) == []


def test_ordinary_names_are_not_read_as_romanisations(settings):
    text = f"{BODY} Mike Coupe, Anna Ivanova, Tom Healy and John Miler spoke to Williams and Hunter."
    assert flags(text, settings, "transliteration_variant") == []


def test_role_mismatch_in_the_rfi_seed(settings):
    doc = prepared(RFI, settings)
    (f,) = [f for f in detect(doc, settings=settings) if f.type == "role_mismatch"]
    assert f.text == "President Nikol Pachinian" and f.suggestion == "Prime Minister"


@pytest.mark.parametrize(
    "sentence, date, flagged",
    [
        ("President Dmitry Medvedev visited Paris.", "2015-03-01", True),
        ("President Dmitry Medvedev visited Paris.", "2010-03-01", False),
        ("Former President Dmitry Medvedev visited Paris.", "2015-03-01", False),
        ("Prime Minister Dmitry Medvedev visited Paris.", "2015-03-01", False),
        ("Vice President Joe Biden visited Kyiv.", "2014-03-01", False),
        ("Prime Minister Recep Tayyip Erdogan spoke.", "2012-05-01", False),
        ("President Recep Tayyip Erdogan spoke.", "2012-05-01", True),
        ("Chancellor Angela Merkel spoke.", None, False),
        ("President Angela Merkel spoke.", None, True),
        ("Foreign Minister Sergey Lavrov spoke.", None, False),
        ("Defence Minister Sergey Lavrov spoke.", None, True),
        ("President Andrew Johnson spoke.", None, False),
    ],
)
def test_role_mismatch(settings, sentence, date, flagged):
    meta = {"date": date} if date else {}
    found = flags(f"{BODY} {sentence}", settings, "role_mismatch", **meta)
    assert bool(found) == flagged, found


def test_false_friend_needs_signs_of_translation(settings):
    text = f"{BODY} Caught between two allies, Russia calls for appeasement."
    assert flags(text, settings, "false_friend") == []
    (f,) = flags(text, settings, "false_friend", translated_from="fr")
    assert f.text == "appeasement" and f.suggestion == "de-escalation"
    assert "calming" in f.evidence["intended_sense"] and f.evidence["source_words"] == ["apaisement"]
    assert "French" in f.message


def test_false_friend_inferred_from_french_typography(settings):
    text = f"{BODY} Russia calls for appeasement and an «{NBSP}immediate ceasefire{NBSP}»."
    (f,) = flags(text, settings, "false_friend")
    assert (
        f.evidence["source_languages"] == ["fr"]
        and "foreign_typography:guillemets" in f.evidence["translation_signals"]
    )


def test_false_friend_lists_have_50_entries_per_language():
    from comparekit.detect.translation.lexical import SOURCE_LANGUAGES, false_friends

    for lang in SOURCE_LANGUAGES:
        entries = false_friends(lang)
        assert len(entries) >= 50, lang
        assert all(e.source_meaning and e.english_meaning and e.suggestion for e in entries)
    by_source = {e.source: e for e in false_friends("fr")}
    assert by_source["apaisement"].forms[0] == "appeasement"


@pytest.mark.parametrize(
    "snippet, kind",
    [
        (f"He called it «{NBSP}a disaster{NBSP}».", "guillemets"),
        ("He called it „a disaster“ yesterday.", "low_high_quotes"),
        (f'He called it "{NBSP}a disaster{NBSP}" yesterday.', "spaced_quotes"),
        (f"Why did they go{NBSP}? Nobody knows.", "space_before_punctuation"),
        ("Prices rose by 3,5 percent last year.", "decimal_comma"),
        (f"About 12{NBSP}000 people came.", "nbsp_thousands"),
    ],
)
def test_foreign_typography(settings, snippet, kind):
    found = flags(f"{BODY} {snippet}", settings, "foreign_typography")
    assert kind in {f.evidence["kind"] for f in found}


def test_english_typography_is_not_flagged(settings):
    text = f'{BODY} He said "no" to 1,000 people: 3.5% of them, 2,500 in all; why? Nobody knows!'
    assert flags(text, settings, "foreign_typography") == []


def test_untranslated_span(settings):
    text = (
        f"{BODY} The minister spoke to reporters after the meeting.\n\n"
        "Le ministre a déclaré que la situation restait très préoccupante pour tout le monde.\n\n"
        "The meeting ended late in the evening without any agreement."
    )
    (f,) = flags(text, settings, "untranslated_span")
    assert f.evidence["language"] == "fr" and f.text.startswith("Le ministre")


@pytest.mark.parametrize(
    "sentence, strong",
    [
        ("The Russian side expressed its concern.", True),
        ("He has lived there since three years.", True),
        ("Moscow is, with no doubt, worried.", False),
    ],
)
def test_calques(settings, sentence, strong):
    found = flags(f"{BODY} {sentence}", settings, "calque")
    assert bool(found) == strong
    assert flags(f"{BODY} {sentence}", settings, "calque", translated_from="fr")


def test_name_inconsistency_across_sources(settings):
    a = make(f"{BODY} Prime Minister Nikol Pashinyan spoke to Vladimir Putin.", settings)
    b = prepare(
        Document(id="b", raw_text=f"{BODY} Nikol Pachinian spoke to Vladimir Putin."), settings=settings
    )
    (f,) = detect_across([a, b], [], settings=settings)
    assert f.doc == "b" and f.text == "Pachinian" and f.suggestion == "Pashinyan"
    assert f.evidence["other_spellings"] == ["Pashinyan"]


def test_mark_translated():
    doc = Document(id="rfi", raw_text="x", path="seeds/rfi.txt")
    assert mark_translated(doc, ["fr"]).meta["translated_from"] == "fr"
    assert mark_translated(doc, ["rfi.txt=de", "other=fr"]).meta["translated_from"] == "de"
    assert "translated_from" not in mark_translated(doc, ["other=fr"]).meta
    kept = Document(id="rfi", raw_text="x", meta={"translated_from": "it"})
    assert mark_translated(kept, ["fr"]).meta["translated_from"] == "it"


def test_registered_and_enabled_by_default(settings):
    from comparekit.detect import DETECTORS, enabled

    assert DETECTORS["translation"] == "comparekit.detect.translation"
    assert "translation" in enabled(settings)


def test_cli_translated_from_reaches_the_report(tmp_path, use_fake_encoder):
    import json

    from conftest import CARNEGIE

    from comparekit.cli import main

    out = tmp_path / "out"
    args = ["compare", str(CARNEGIE), str(RFI), "--out", str(out), "--quiet"]
    assert main(args + ["--translated-from", "rfi_russia_appeasement=fr"]) == 0
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert [d.get("translated_from") for d in report["documents"]] == [None, "fr"]
    types = {f["type"] for f in report["flags"] if f["doc"] == "rfi_russia_appeasement"}
    assert {"false_friend", "transliteration_variant", "role_mismatch", "foreign_typography"} <= types


def test_name_inconsistency_outside_the_gazetteer(settings):
    from comparekit.results import AlignedPair, Alignment

    a = make(f"{BODY} Fighting resumed in Nagorno-Karabakh and near Stepanakert on Sunday.", settings)
    b = prepare(
        Document(
            id="b", raw_text=f"{BODY} Fighting resumed in Nagorno-Karabagh and near Stepanakert on Sunday."
        ),
        settings=settings,
    )
    pairs = tuple(AlignedPair((i,), (i,), 0.9, 0.9, 0.9) for i in range(len(a.segments)))
    al = Alignment(a="d", b="b", mode="parallel", mode_reason="test", pairs=pairs)
    found = detect_across([a, b], [al], settings=settings)
    assert {(f.doc, f.text) for f in found} == {("d", "Nagorno-Karabakh"), ("b", "Nagorno-Karabagh")}
