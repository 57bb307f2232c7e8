"""comparekit.data.build_gazetteer: a Wikidata export -> gazetteer rows, merged."""

from __future__ import annotations

import json

from comparekit.data.build_gazetteer import main, role_code
from comparekit.detect.translation.gazetteer import gazetteer_text, parse_gazetteer


def _item(qid, label, *, claims=None, labels=None, aliases=None):
    return {
        "id": qid,
        "labels": {"en": {"language": "en", "value": label}, **(labels or {})},
        "aliases": aliases or {},
        "claims": claims or {},
    }


def _ref(qid):
    return {"mainsnak": {"datavalue": {"value": {"id": qid}}}}


def _time(t, precision=11):
    return [{"datavalue": {"value": {"time": t, "precision": precision}}}]


def export(tmp_path, shape="entities"):
    held = {
        **_ref("Q900"),
        "qualifiers": {"P580": _time("+2019-03-05T00:00:00Z"), "P582": _time("+2021-06-00T00:00:00Z", 10)},
    }
    person = _item(
        "Q123",
        "Anna Testova",
        claims={"P39": [held, _ref("Q999")]},
        labels={"fr": {"language": "fr", "value": "Anna Testowa"}},
        aliases={"en": [{"language": "en", "value": "Anna Testowa-Smith"}]},
    )
    position = _item("Q900", "Minister of Foreign Affairs of Testland", claims={"P17": [_ref("Q901")]})
    country = _item("Q901", "TST")
    entities = [person, position, country]
    path = tmp_path / "export.json"
    if shape == "entities":
        path.write_text(json.dumps({"entities": {e["id"]: e for e in entities}}), "utf-8")
    else:  # one entity per line, as in Wikidata's dumps
        path.write_text("[\n" + ",\n".join(json.dumps(e) for e in entities) + "\n]\n", "utf-8")
    return path


def test_position_labels_map_to_roles():
    assert role_code("Prime Minister of Armenia") == "pm"
    assert role_code("Minister of Foreign Affairs of Georgia") == "fm"
    assert role_code("Secretary of State for Defence") == "dm"
    assert role_code("United States Secretary of State") == "fm"
    assert role_code("President of the European Commission") == "ecp"
    assert role_code("President of Azerbaijan") == "pres"
    assert role_code("mayor of Paris") is None


def test_builds_rows_from_an_export(tmp_path, capsys):
    for shape in ("entities", "dump"):
        out = tmp_path / f"{shape}.tsv"
        assert main([str(export(tmp_path, shape)), "--out", str(out)]) == 0
        (p,) = parse_gazetteer(out.read_text("utf-8"))
        assert (p.canonical, p.qid, p.country, p.surname) == ("Anna Testova", "Q123", "TST", "Testova")
        assert [(r.code, r.start.isoformat(), r.end.isoformat()) for r in p.roles] == [
            ("fm", "2019-03-05", "2021-06-30")
        ]
        assert ("fr", "Anna Testowa") in p.variants and ("en", "Anna Testowa-Smith") in p.variants


def test_merge_keeps_the_shipped_rows(tmp_path):
    shipped = tmp_path / "shipped.tsv"
    shipped.write_text(gazetteer_text(), "utf-8")
    out = tmp_path / "merged.tsv"
    assert main([str(export(tmp_path)), "--merge", str(shipped), "--out", str(out)]) == 0
    before = parse_gazetteer(gazetteer_text())
    after = parse_gazetteer(out.read_text("utf-8"))
    assert len(after) == len(before) + 1
    assert after[: len(before)] == before


def test_bad_export_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('"just a string"', "utf-8")
    assert main([str(bad)]) != 0
    assert "not a Wikidata entity export" in capsys.readouterr().err
