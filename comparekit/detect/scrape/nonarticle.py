"""Text that is not the article: flags from segment kinds, from what cleaning removed, and
from lines repeated across documents of the same outlet."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from comparekit.detect.scrape.common import ends_sentence, finding
from comparekit.document import Document, Segment
from comparekit.results import Finding
from comparekit.settings import Settings

#: segment kind -> (flag type, what the message says the line is)
KIND_FLAGS: dict[str, tuple[str, str]] = {
    "boilerplate": (
        "boilerplate",
        "site boilerplate (newsletter, app, subscribe, share, cookie, copyright or menu text)",
    ),
    "related": ("related_links", "a list of links to other articles"),
    "tags": ("tags", "topic tags of the page"),
    "byline": ("byline", "a byline (author or correspondent line)"),
    "dateline": ("byline", "a publication date line"),
    "credit": ("boilerplate", "a credit or republication line"),
}


def _runs(doc: Document) -> list[list[Segment]]:
    """Consecutive segments that get the same flag type (one flag per block)."""
    runs: list[list[Segment]] = []
    for seg in doc.segments:
        flag = KIND_FLAGS.get(seg.kind)
        if flag is None:
            continue
        prev = runs[-1][-1] if runs else None
        if (
            prev is not None
            and prev.index == seg.index - 1
            and KIND_FLAGS[prev.kind][0] == flag[0]
            and prev.kind == seg.kind
        ):
            runs[-1].append(seg)
        else:
            runs.append([seg])
    return runs


def _model_note(reasons: list[str], by_structure: bool) -> str:
    """What a flag's message says when the learned line classifier (reason ``model``)
    marked some of its lines: that no cue list matched only when none did."""
    if "model" not in reasons:
        return ""
    if by_structure:
        return (
            " (no cue list matched: a line classifier trained on scraped pages reads its"
            " length, capitals, punctuation and neighbours as site text)"
        )
    return (
        " (a cue list matched some lines; a line classifier trained on scraped pages reads"
        " the others' length, capitals, punctuation and neighbours as site text)"
    )


def kind_findings(doc: Document, settings: Settings) -> list[Finding]:
    """One flag per block of non-article lines (kinds from comparekit.segment.kinds)."""
    from comparekit.segment.kinds import classify_paragraphs

    cfg = settings.scrape
    text = doc.text or ""
    paras = sorted({s.paragraph for s in doc.segments})
    by_para: dict[int, tuple[int, int]] = {}
    for s in doc.segments:
        a, b = by_para.get(s.paragraph, (s.text_start, s.text_end))
        by_para[s.paragraph] = (min(a, s.text_start), max(b, s.text_end))
    decisions = classify_paragraphs([text[a:b] for a, b in (by_para[p] for p in paras)], settings=settings)
    reason = {p: d.reason for p, d in zip(paras, decisions)}
    out: list[Finding] = []
    for run in _runs(doc):
        type_, what = KIND_FLAGS[run[0].kind]
        reasons = sorted({reason.get(s.paragraph, "") for s in run})
        # The learned classifier (reason "model") is structure too: no cue list spoke.
        by_structure = all(r in ("structure", "model") for r in reasons)
        confidence = cfg.structure_confidence if by_structure else cfg.cue_confidence
        lines = len({s.paragraph for s in run})
        out.append(
            finding(
                doc,
                run[0].text_start,
                run[-1].text_end,
                type_,
                f"not article text: {what}"
                + (f", {lines} lines" if lines > 1 else "")
                + _model_note(reasons, by_structure)
                + "; the scraper copied it from the page around the article",
                confidence=confidence,
                severity="info" if type_ == "byline" else "warning",
                evidence={"kind": run[0].kind, "lines": lines, "reasons": reasons},
            )
        )
    return out


def removal_findings(doc: Document, settings: Settings) -> list[Finding]:
    """``url_in_text`` / ``page_break``: a URL, page number or running header that cleaning
    took out of a sentence (raw offsets of the removed line). In a paragraph-a-line text a
    repeated line that a cue list names gets that kind's flag instead (boilerplate, ...)."""
    cfg = settings.scrape
    joined = [(j.raw_start, j.raw_end) for j in doc.joins if j.reason == "page_break"]
    cue_kinds: dict[str, str | None] = {}  # a running header stands three times or more
    out = []
    for r in doc.removals:
        inside = any(s <= r.start and r.end <= e for s, e in joined)
        if r.reason == "url":
            type_ = "url_in_text"
            message = "a URL stands inside a sentence: a link or page footer copied at a page break"
        elif inside or r.reason in ("page_number", "running_header"):
            type_ = "page_break"
            message = f"a {r.reason.replace('_', ' ')} from a page break interrupts the text"
            if (
                r.reason == "running_header"
                and not inside
                and doc.meta.get("line_layout") == "paragraph_per_line"
            ):
                # A web page has no pages: a line repeated on it is a button, a label or a
                # heading. One that a cue list names is flagged as what it is.
                if r.text not in cue_kinds:
                    cue_kinds[r.text] = _kind_by_cue(r.text, settings)
                kind = cue_kinds[r.text]
                if kind in KIND_FLAGS:
                    type_ = KIND_FLAGS[kind][0]
                    message = (
                        f"not article text: {KIND_FLAGS[kind][1]}, repeated on the page "
                        "(taken out of the text as a running header)"
                    )
                else:
                    message = (
                        "a short line repeated on the page (a button, label or heading) was taken "
                        "out of the text as a running header"
                    )
        else:
            continue
        out.append(
            finding(
                doc,
                r.start,
                r.end,
                type_,
                message,
                confidence=cfg.removal_inside_confidence if inside else cfg.removal_confidence,
                evidence={"reason": r.reason, "removed_from_text": True},
                raw=True,
            )
        )
    return out


def _kind_by_cue(text: str, settings: Settings) -> str | None:
    """The kind a cue list gives ``text`` as a paragraph of its own (None: no cue)."""
    from comparekit.segment.kinds import classify_paragraphs

    decision = classify_paragraphs([text.strip()], settings=settings)[0]
    return decision.kind if (decision.reason or "").startswith("cue:") else None


def repeated_across(docs: Sequence[Document], settings: Settings) -> list[Finding]:
    """``boilerplate``: an article-kind line that appears, word for word, in at least two
    documents of the same outlet (``meta["outlet"]``) is template text (a sign-off, a
    promo line). Documents without a known outlet are not compared: the same sentence in
    two outlets is usually shared wire copy, not boilerplate."""
    cfg = settings.scrape
    groups: dict[str, list[Document]] = defaultdict(list)
    for d in docs:
        outlet = d.meta.get("outlet")
        if outlet:
            groups[str(outlet).lower()].append(d)
    out: list[Finding] = []
    for outlet, group in sorted(groups.items()):
        if len(group) < 2:
            continue
        seen: dict[str, set[str]] = defaultdict(set)
        for d in group:
            for s in d.segments:
                if s.kind in ("body", "title", "standfirst"):
                    seen[" ".join(s.text.lower().split())].add(d.id)
        for d in group:
            for s in d.segments:
                key = " ".join(s.text.lower().split())
                if s.kind not in ("body", "title", "standfirst") or len(seen[key]) < 2:
                    continue
                if len(key.split()) > cfg.repeated_max_words and ends_sentence(s.text):
                    continue
                out.append(
                    finding(
                        d,
                        s.start,
                        s.end,
                        "boilerplate",
                        f"this line appears word for word in {len(seen[key])} documents of {outlet}: "
                        "template text of the site, not the article",
                        confidence=cfg.structure_confidence,
                        evidence={"documents": sorted(seen[key]), "outlet": outlet},
                        raw=True,
                    )
                )
    return out
