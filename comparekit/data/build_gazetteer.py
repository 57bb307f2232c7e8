"""Rebuild or extend the people gazetteer from a Wikidata JSON export.

    python -m comparekit.data.build_gazetteer EXPORT.json [--merge comparekit/data/gazetteer.tsv]
        [--positions positions.tsv] [--country ISO3] [--out new.tsv]

EXPORT.json is what Wikidata gives for entities: ``{"entities": {"Q..": {...}}}``
(Special:EntityData / wbgetentities), a JSON array of entities, or a dump with one entity
per line. People are the entities with "position held" (P39) statements whose position
maps to a gazetteer role: through ``--positions`` (TSV: position qid, role code, country)
or, when the position's own entity is in the export, its English label ("Prime Minister
of Armenia" -> pm). Start (P580) and end (P582) qualifiers give the dates, at the
precision Wikidata records. Labels and aliases in other languages become variants. QIDs
come from the export itself, so each one is checked by construction.

With ``--merge`` the existing file's rows are kept; people found again (same QID or same
canonical name) gain the new roles and spellings, new people are appended.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from comparekit.detect.translation.gazetteer import COLUMNS
from comparekit.errors import ComparekitError, InputError

# English position label -> role code; the first pattern that matches wins.
POSITION_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"president of the european commission", "ecp"),
    (r"president of the european council", "eucp"),
    (r"president of the european parliament", "epp"),
    (r"high representative of the union", "hr"),
    (r"vice[- ]president", "vp"),
    (r"supreme leader", "sl"),
    (r"chancellor of the exchequer", "exch"),
    (
        r"secretary of state for defence|minister of (?:national )?defen[cs]e|defen[cs]e (?:minister|secretary)"
        r"|secretary of defense|minister of the armed forces",
        "dm",
    ),
    (
        r"minister of foreign affairs|foreign (?:minister|secretary)|secretary of state|foreign and commonwealth",
        "fm",
    ),
    (r"prime minister|premier", "pm"),
    (r"chancellor", "chan"),
    (r"monarch|king of|queen of", "mon"),
    (r"^president", "pres"),
)


def load_export(path: Path) -> dict[str, dict]:
    """Entities by id, from any of the three export shapes."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [
            json.loads(line.rstrip().rstrip(","))
            for line in text.splitlines()
            if line.strip() not in ("", "[", "]")
        ]
    if isinstance(data, dict):
        data = list(data.get("entities", {}).values())
    if not isinstance(data, list):
        raise InputError(f"{path}: not a Wikidata entity export")
    return {e["id"]: e for e in data if isinstance(e, dict) and "id" in e}


def _label(entity: dict | None, lang: str = "en") -> str:
    return ((entity or {}).get("labels", {}).get(lang) or {}).get("value", "")


def _time(snaks: list[dict]) -> str:
    for snak in snaks:
        value = (snak.get("datavalue") or {}).get("value") or {}
        m = re.match(r"[+]?(\d{4})-(\d\d)-(\d\d)", value.get("time", ""))
        if m:
            precision = value.get("precision", 11)
            return "-".join(m.groups()[: 3 if precision >= 11 else 2 if precision == 10 else 1])
    return ""


def role_code(label: str) -> str | None:
    low = label.lower()
    return next((code for pat, code in POSITION_PATTERNS if re.search(pat, low)), None)


def people_rows(entities: dict[str, dict], positions: dict[str, tuple[str, str]], country: str) -> list[dict]:
    """Gazetteer rows (as dicts of COLUMNS) for every entity holding a mapped position."""
    rows = []
    for qid, e in sorted(entities.items()):
        roles, countries = [], []
        for claim in e.get("claims", {}).get("P39", []):
            pos = ((claim.get("mainsnak", {}).get("datavalue") or {}).get("value") or {}).get("id")
            if pos in positions:
                code, where = positions[pos]
            else:
                code, where = role_code(_label(entities.get(pos))), ""
                p17 = entities.get(pos, {}).get("claims", {}).get("P17", [])
                if p17:
                    cq = ((p17[0].get("mainsnak", {}).get("datavalue") or {}).get("value") or {}).get("id")
                    where = _label(entities.get(cq))
            if not code:
                continue
            q = claim.get("qualifiers", {})
            start, end = _time(q.get("P580", [])), _time(q.get("P582", []))
            if start:
                roles.append(f"{code} {start}/{end}")
                countries.append(where)
        canonical = _label(e)
        if not roles or not canonical:
            continue
        family = e.get("claims", {}).get("P734", [])
        fq = (
            ((family[0].get("mainsnak", {}).get("datavalue") or {}).get("value") or {}).get("id")
            if family
            else None
        )
        surname = _label(entities.get(fq)) or canonical.split()[-1]
        if surname not in canonical:
            surname = canonical.split()[-1]
        variants = [f"{lang}:{v['value']}" for lang, v in sorted(e.get("labels", {}).items()) if lang != "en"]
        for lang, aliases in sorted(e.get("aliases", {}).items()):
            variants += [f"{lang}:{a['value']}" for a in aliases if a["value"] != canonical]
        variants = [v for v in dict.fromkeys(variants) if "\t" not in v and ";" not in v]
        rows.append(
            {
                "canonical": canonical,
                "surname": surname,
                "qid": qid,
                "country": country or next((c for c in countries if c), ""),
                "roles": "; ".join(sorted(set(roles), key=lambda r: (r.split()[1], r))),
                "variants": "; ".join(variants),
            }
        )
    return rows


def merge(existing: str, rows: list[dict]) -> str:
    """The existing TSV with ``rows`` merged in (comments and order kept)."""
    out, seen = [], {}
    lines = existing.splitlines()
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != len(COLUMNS) or cols[0] == "canonical":
            out.append(cols if not line.startswith("#") else [line])
            continue
        out.append(cols)
        seen[cols[2] or cols[0]] = cols
        seen[cols[0]] = cols
    for row in rows:
        cols = seen.get(row["qid"]) or seen.get(row["canonical"])
        if cols is None:
            out.append([row[c] for c in COLUMNS])
            continue
        cols[2] = cols[2] or row["qid"]
        for i, key in ((4, "roles"), (5, "variants")):
            have = [x.strip() for x in cols[i].split(";") if x.strip()]
            cols[i] = "; ".join(dict.fromkeys(have + [x.strip() for x in row[key].split(";") if x.strip()]))
    return "\n".join("\t".join(c) for c in out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", type=Path, help="Wikidata JSON export")
    parser.add_argument("--merge", type=Path, help="existing gazetteer TSV to extend")
    parser.add_argument("--positions", type=Path, help="TSV: position qid, role code, country")
    parser.add_argument("--country", default="", help="ISO 3166 alpha-3 code for every person found")
    parser.add_argument("--out", type=Path, help="output file (default: standard output)")
    args = parser.parse_args(argv)
    try:
        positions = {}
        if args.positions:
            for line in args.positions.read_text("utf-8").splitlines():
                cols = line.split("\t")
                if len(cols) >= 2 and cols[0].startswith("Q"):
                    positions[cols[0]] = (cols[1], cols[2] if len(cols) > 2 else "")
        rows = people_rows(load_export(args.export), positions, args.country)
        header = "# Built by comparekit.data.build_gazetteer from a Wikidata export (CC0).\n" + "\t".join(
            COLUMNS
        )
        text = merge(args.merge.read_text("utf-8") if args.merge else header, rows)
        from comparekit.detect.translation.gazetteer import parse_gazetteer

        parse_gazetteer(text, source="output")  # never write a file the loader refuses
    except ComparekitError as exc:
        sys.stderr.write(f"build_gazetteer: error: {exc}\n")
        return exc.exit_code
    if args.out:
        args.out.write_text(text, "utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
