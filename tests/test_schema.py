"""The report contract is a JSON Schema shipped in the package; reports validate against
it, mistakes do not, and extended vocabularies do."""

import copy
import json

import jsonschema
import pytest
from conftest import CARNEGIE, RFI
from report_validation import assert_valid_report, schema_errors

import comparekit
from comparekit.cli import main
from comparekit.report import build_report
from comparekit.report.schema import load_schema, schema_text


@pytest.fixture(scope="module")
def report():
    from fakes import HashingEncoder

    import comparekit.pipeline as pipeline

    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline, "get_encoder", lambda *a, **k: HashingEncoder())
    try:
        return build_report(comparekit.compare([CARNEGIE, RFI]))
    finally:
        mp.undo()


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(load_schema())
    assert load_schema()["properties"]["schema"]["const"] == "comparekit.report/1"


def test_compare_and_analyze_reports_validate(report):
    assert_valid_report(report)
    assert report["flags"], "the seed pair has a flag, so flags are checked too"
    single = build_report(comparekit.analyze([RFI]))
    assert_valid_report(single)


def mutate(report, fn):
    bad = copy.deepcopy(report)
    fn(bad)
    return schema_errors(bad)


@pytest.mark.parametrize(
    "fn, where",
    [
        (lambda r: r.pop("flags"), "<root>"),
        (lambda r: r.__setitem__("schema", "comparekit.report/2"), "schema"),
        (lambda r: r["documents"][0]["segments"][0].__setitem__("start", -1), "documents/0/segments/0/start"),
        (
            lambda r: r["documents"][0]["segments"][0].__setitem__("id", "no-index"),
            "documents/0/segments/0/id",
        ),
        (
            lambda r: r["documents"][0]["segments"][0].__setitem__("kind", "Body Text"),
            "documents/0/segments/0/kind",
        ),
        (lambda r: r["alignments"][0].__setitem__("relation", "SAME"), "alignments/0/relation"),
        (lambda r: r["alignments"][0].__setitem__("score", "0.8"), "alignments/0/score"),
        (lambda r: r["flags"][0].__setitem__("severity", "fatal"), "flags/0/severity"),
        (lambda r: r["flags"][0].__setitem__("confidence", 1.5), "flags/0/confidence"),
        (lambda r: r["flags"][0].pop("message"), "flags/0"),
        (lambda r: r["summary"]["flags"].__setitem__("url_in_text", 1), "summary/flags"),
    ],
)
def test_mistakes_are_caught(report, fn, where):
    errors = mutate(report, fn)
    assert errors and any(e.startswith(where + ":") for e in errors), errors


def test_vocabularies_can_be_extended(report):
    def extend(r):
        r["flags"][0]["category"] = "legal"
        r["flags"][0]["type"] = "defamation_risk"
        r["alignments"][0]["relation"] = "contradiction"
        r["documents"][0]["segments"][0]["kind"] = "pull_quote"
        r["summary"]["new_counter"] = 3

    assert mutate(report, extend) == []


def test_schema_command_prints_the_shipped_schema(capsys):
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert out == schema_text()
    assert json.loads(out)["title"] == "comparekit.report/1"


def test_readme_links_the_schema():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    assert "(comparekit/report/schema.json)" in readme and "comparekit schema" in readme
    assert (ROOT / "comparekit" / "report" / "schema.json").read_text("utf-8") == schema_text()


def test_reports_are_checked_as_they_are_built_when_switched_on(monkeypatch, use_fake_encoder):
    import dataclasses

    from comparekit.errors import StageError
    from comparekit.report.schema import VALIDATE_ENV

    comparison = comparekit.analyze([RFI])
    bad = dataclasses.replace(comparison.findings[0], severity="fatal")
    broken = dataclasses.replace(comparison, findings=(bad,))
    monkeypatch.setenv(VALIDATE_ENV, "1")  # tests/conftest.py switches it on for the whole suite
    build_report(comparison)
    with pytest.raises(StageError, match="flags/0/severity"):
        build_report(broken)
    monkeypatch.delenv(VALIDATE_ENV)
    assert build_report(broken)["flags"][0]["severity"] == "fatal"
