"""The shipped people gazetteer: coverage, dates, Wikidata ids, parsing errors."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from comparekit.detect.translation.gazetteer import ROLE_NAMES, load_gazetteer, parse_gazetteer
from comparekit.errors import InputError

COUNTRIES = ("ARM", "AZE", "GEO", "RUS", "TUR", "IRN", "UKR", "USA", "GBR", "FRA", "DEU", "CHN")
# head of government by country (Iran's presidency is the head of government since 1989;
# Turkey's prime-minister post was abolished on 2018-07-09; Germany: chancellor)
HEAD_OF_GOVERNMENT = {"USA": "pres", "IRN": "pres", "DEU": "chan", "TUR": "pm", "CHN": "pm"}
HEAD_OF_STATE = {"GBR": "mon", "IRN": "sl"}
YEARS = [dt.date(y, 6, 1) for y in range(2000, 2026)]


@pytest.fixture(scope="module")
def people():
    return load_gazetteer()


def test_at_least_200_people(people):
    assert len(people) >= 200
    assert len({p.canonical for p in people}) == len(people)


def _holders(people, country, code, when):
    return [
        p for p in people if p.country == country and any(r.code == code and r.holds(when) for r in p.roles)
    ]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("kind", ["state", "government", "fm", "dm"])
def test_every_post_is_filled_every_year_since_2000(people, country, kind):
    code = {
        "state": HEAD_OF_STATE.get(country, "pres"),
        "government": HEAD_OF_GOVERNMENT.get(country, "pm"),
        "fm": "fm",
        "dm": "dm",
    }[kind]
    if country == "GBR" and kind == "state":
        code = "mon"
    gaps = []
    for when in YEARS:
        if country == "TUR" and kind == "government" and when > dt.date(2018, 7, 9):
            continue
        if country == "GEO" and kind == "government" and when < dt.date(2004, 2, 17):
            continue  # Georgia had a state minister, not a prime minister, before 2004
        if country == "ARM" and kind == "fm" and dt.date(2021, 5, 31) < when < dt.date(2021, 8, 19):
            continue  # no minister between Aivazian's resignation and Mirzoyan
        if not _holders(people, country, code, when):
            gaps.append(when.isoformat())
    assert not gaps, f"{country} {kind}: nobody holds {code} on {gaps}"


def test_eu_top_posts(people):
    for code in ("ecp", "eucp", "hr", "epp"):
        holders = [p for p in people if any(r.code == code for r in p.roles)]
        assert len(holders) >= 4, code
    assert _holders(people, "DEU", "ecp", dt.date(2024, 1, 1))[0].canonical == "Ursula von der Leyen"


def test_roles_are_well_formed(people):
    for p in people:
        assert p.roles, p.canonical
        for r in p.roles:
            assert r.code in ROLE_NAMES
            assert r.start is not None, p.canonical
            assert r.end is None or r.start <= r.end, p.canonical


def test_known_terms(people):
    by = {p.canonical: p for p in people}
    assert by["Dmitry Medvedev"].held({"pres"}, dt.date(2010, 1, 1))
    assert not by["Dmitry Medvedev"].held({"pres"}, dt.date(2015, 1, 1))
    assert by["Dmitry Medvedev"].held({"pres"}, dt.date(2015, 1, 1), former=True)
    assert by["Nikol Pashinyan"].held({"pm"}, dt.date(2020, 9, 27))
    assert not by["Nikol Pashinyan"].held({"pres"}, None)
    assert by["Recep Tayyip Erdogan"].held({"pm"}, dt.date(2010, 1, 1))


def test_qids_come_from_checked_sources(
    people,
):
    with_qid = {p.canonical: p.qid for p in people if p.qid}
    # only ids that could be checked offline (shared Wikidata rows, OpenSanctions data)
    assert with_qid == {
        "Nikol Pashinyan": "Q7035479",
        "Vartan Oskanian": "Q1974113",
        "Vladimir Putin": "Q7747",
    }


def test_qids_agree_with_shared_wikidata_rows(people):
    from conftest import require_shared_data

    path = require_shared_data("names", "name_variants_wikidata_tagged.tsv")
    with path.open(encoding="utf-8") as fh:
        shared = {row["wikidata_qid"]: row["canonical_en"] for row in csv.DictReader(fh, delimiter="\t")}
    for p in people:
        if p.qid in shared:
            assert shared[p.qid] == p.canonical


def test_header_records_sources_and_licence():
    from comparekit.detect.translation.gazetteer import gazetteer_text

    head = "\n".join(line for line in gazetteer_text().splitlines() if line.startswith("#"))
    assert "Licence" in head and "Sources" in head and "build_gazetteer" in head


HEADER = "canonical\tsurname\tqid\tcountry\troles\tvariants\n"


@pytest.mark.parametrize(
    "row, message",
    [
        ("A B\tB\t\tARM\tking 2000/2001\t", "unknown role code"),
        ("A B\tB\tX12\tARM\tpm 2000/2001\t", "bad Wikidata id"),
        ("A B\tB\t\tARM\tpm 2000\t", "bad role"),
        ("A B\tB\t\tARM\tpm 2000/\tfr-Abe", "bad variant"),
        ("A B\tB\t\tARM", "columns"),
    ],
)
def test_bad_rows_are_refused(row, message):
    with pytest.raises(InputError, match=message):
        parse_gazetteer(HEADER + row + "\n")


def test_partial_dates_cover_their_period():
    (p,) = parse_gazetteer(HEADER + "A B\tB\t\tARM\tpm 2000-05/2001\t\n")
    assert p.roles[0].start == dt.date(2000, 5, 1)
    assert p.roles[0].end == dt.date(2001, 12, 31)
