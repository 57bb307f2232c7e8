"""Train the paragraph classifier of comparekit/segment/linemodel.py (dev half only).

Data: trafilatura's benchmark as benchmarks/scrape.py reads it, DEV HALF ONLY (pages at an
even index among all pages sorted by URL; the odd, held-out half is never read here):

* every ``with`` (label 0) / ``without`` (label 1) snippet as a one-paragraph document;
* every paragraph of the dev pages read as a naive scraper's text (``naive_page_text``)
  that overlaps snippets of one label only.

Two logistic regressions (scikit-learn, standardised features): one for one-paragraph
documents (``alone``), one for paragraphs of pages (``page``). They are trained on every
labelled row, cue-flagged ones included: trained only on the lines the dev-fitted cue
lists miss, the model learned that residue (model alone at <= 4% dev wrong flags, 5-fold
CV: recall 0.24 / 0.51 alone / in-page, against 0.29 / 0.57 trained on all rows). At run
time the model decides only lines no cue or list rule marked: a line left open is
flagged at ``p >= add``, a structure-rule flag is kept at ``p >= keep``. (keep, add) per
model are chosen from 5-fold cross-validated probabilities inside dev (folds by page):
the best dev recall whose dev wrong-flag rate (rules + model) stays within the part's
budget: 4% for one-line documents, 3% in-page. Issue 6 allows 5% on held-out data; the
rules' wrong-flag rate grew from dev to held-out by 0.7 point on snippets (3.1% -> 3.8%)
and by 1.9 points in-page (4.0% -> 5.95%), measured before this model existed, so each
budget leaves about that margin.
The final weights are fit on all dev rows and written to comparekit/data/line_model.json
with the sha256 of the data, the split and the CV numbers.

Run: ``nice -n 10 .venv/bin/python benchmarks/train_line_model.py [--c 0.01]
[--budget-alone 0.04] [--budget-inpage 0.03] [--write]``. Needs scikit-learn (the ``test`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import scrape  # noqa: E402

OUT = ROOT / "comparekit" / "data" / "line_model.json"
#: The (keep, add) threshold search: steps of 0.02 on [0, 1], keep <= add, and add from 0.3
#: up (fixed by hand, not tuned: the chosen add thresholds are 0.8 and above, far from 0.3).
THRESHOLD_STEP = 0.02
MIN_ADD_THRESHOLD = 0.3


def _doc_rows(raw: str, settings):
    """Paragraph spans (raw offsets), rule decisions and feature rows of one document."""
    from comparekit.clean import clean
    from comparekit.document import Document
    from comparekit.segment import paragraphs, segment
    from comparekit.segment.kinds import classify_paragraphs
    from comparekit.segment.linemodel import feature_matrix

    doc = segment(clean(Document(id="d", raw_text=raw), settings=settings), settings=settings)
    text = doc.text or ""
    paras = paragraphs(text)
    texts = [text[a:b] for a, b in paras]
    decisions = classify_paragraphs(texts, settings=settings)
    seg = settings.segment
    rows = feature_matrix(texts, decisions, prose_min_words=seg.tail_prose_min_words)
    spans = [doc.to_raw(a, b) for a, b in paras]
    return spans, decisions, rows, texts


def collect(settings) -> dict:
    """Per snippet (alone and in-page): its label, page, whether the rules flag it, and the
    indices of the rows of the paragraphs it covers."""
    from comparekit.detect.scrape.nonarticle import KIND_FLAGS

    pages = json.loads(scrape.TRAFILATURA.read_text("utf-8"))
    rows: list[list[float]] = []
    row_label: list[int] = []
    row_page: list[int] = []
    row_cue: list[bool] = []  # flagged by a cue or list rule (the model never unflags those)
    row_structure: list[bool] = []  # flagged by a structure rule
    row_open: list[bool] = []  # no kind from the rules (a caption has one): the model may flag it
    row_alone: list[bool] = []  # a one-paragraph document (the "alone" model decides it)
    row_text: list[str] = []
    items = {"alone": [], "inpage": []}  # (label, page, row indices)

    def add_doc(spans, decisions, feats, page, texts):
        base = len(rows)
        row_text.extend(texts)
        for d, f in zip(decisions, feats):
            rows.append(f)
            row_label.append(-1)
            row_page.append(page)
            flagged = d.kind in KIND_FLAGS
            row_structure.append(flagged and d.reason == "structure")
            row_cue.append(flagged and d.reason != "structure")
            row_open.append(d.kind is None)
            row_alone.append(len(decisions) == 1)
        return base

    for i, url in enumerate(sorted(pages)):
        if i % 2:
            continue  # held-out half: never read here
        page = pages[url]
        for key, label in (("with", 0), ("without", 1)):
            for snippet in page[key]:
                if not snippet.strip():
                    continue
                spans, decisions, feats, texts = _doc_rows(snippet, settings)
                base = add_doc(spans, decisions, feats, i, texts)
                idx = list(range(base, base + len(feats)))
                for j in idx:
                    row_label[j] = label
                items["alone"].append((label, i, idx))
        html = scrape.HTML_DIR / page["file"]
        if not html.exists():
            continue
        raw = scrape.naive_page_text(html.read_bytes())
        spans, decisions, feats, texts = _doc_rows(raw, settings)
        base = add_doc(spans, decisions, feats, i, texts)
        labels_of: dict[int, set[int]] = {}
        for key, label in (("with", 0), ("without", 1)):
            for snippet in page[key]:
                span = scrape.snippet_span(raw, snippet)
                if span is None:
                    continue
                idx = [base + k for k, ab in enumerate(spans) if scrape.overlaps(span, [ab])]
                for j in idx:
                    labels_of.setdefault(j, set()).add(label)
                items["inpage"].append((label, i, idx))
        for j, labs in labels_of.items():
            if len(labs) == 1:
                row_label[j] = labs.pop()
    return {
        "X": np.asarray(rows, dtype=float),
        "y": np.asarray(row_label),
        "page": np.asarray(row_page),
        "cue": np.asarray(row_cue),
        "structure": np.asarray(row_structure),
        "open": np.asarray(row_open),
        "alone": np.asarray(row_alone),
        "text": row_text,
        "items": items,
    }


def rates(data: dict, prob: np.ndarray, thresholds: dict) -> dict:
    """Wrong-flag rate and recall (alone / in-page) with the rules plus the model.
    ``thresholds``: part ("alone" / "inpage") -> (keep, add): a line the rules left open
    is flagged at ``p >= add``, a structure-rule flag is kept at ``p >= keep``."""
    from comparekit.segment.linemodel import page_additions_allowed
    from comparekit.settings import Settings

    keep = np.where(data["alone"], thresholds["alone"][0], thresholds["inpage"][0])
    add = np.where(data["alone"], thresholds["alone"][1], thresholds["inpage"][1])
    # the run-time limits of a page model's additions (kinds._model_pass), with the
    # shipped segment.line_model_add_* settings
    seg = Settings().segment
    may_add = data["alone"] | page_additions_allowed(
        data["X"], near_flag=seg.line_model_add_near_flag, sentences=seg.line_model_add_sentences
    )
    flag = data["cue"] | (data["structure"] & (prob >= keep)) | (data["open"] & may_add & (prob >= add))
    out = {}
    for name, items in data["items"].items():
        n = [0, 0]
        f = [0, 0]
        for label, _page, idx in items:
            n[label] += 1
            f[label] += bool(idx) and bool(flag[idx].any())
        out[name] = {"wrong_flag_rate": round(f[0] / n[0], 4), "recall": round(f[1] / n[1], 4)}
    return out


def fit(X: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=c, max_iter=2000).fit((X - scaler.mean_) / scale, y)
    return scaler.mean_, scale, model.coef_[0], float(model.intercept_[0])


def predict(params, X: np.ndarray) -> np.ndarray:
    mean, scale, coef, intercept = params
    return 1.0 / (1.0 + np.exp(-(((X - mean) / scale) @ coef + intercept)))


def _parts(data: dict) -> list[tuple[np.ndarray, np.ndarray]]:
    """(rows a model decides, rows it is trained on): the alone model learns from the
    one-line documents; the page model from page paragraphs AND the one-line documents
    (only 629 page paragraphs carry a label; with the 2,951 snippets too, its dev CV
    in-page recall at 3% wrong flags went 0.704 -> 0.720)."""
    return [(data["alone"], data["alone"]), (~data["alone"], np.ones_like(data["alone"]))]


def cross_validated(data: dict, c: float, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities for every row (folds by page; unlabelled rows predicted),
    one model for one-paragraph documents and one for paragraphs of pages."""
    train = data["y"] >= 0
    pages = np.unique(data["page"])
    fold_of = {p: k % folds for k, p in enumerate(pages)}
    fold = np.asarray([fold_of[p] for p in data["page"]])
    prob = np.zeros(len(data["y"]))
    for part, pool in _parts(data):
        for k in range(folds):
            tr = train & pool & (fold != k)
            params = fit(data["X"][tr], data["y"][tr], c)
            te = part & (fold == k)
            prob[te] = predict(params, data["X"][te])
    return prob


def choose(data: dict, prob: np.ndarray, budget: dict) -> tuple[dict, dict]:
    """Per part (alone / in-page), the (keep, add) thresholds with the best dev recall
    whose dev wrong-flag rate stays within ``budget[part]`` (the parts do not interact)."""
    grid = [round(float(t), 2) for t in np.arange(0.0, 1.0001, THRESHOLD_STEP)]
    best = {"alone": (None, -1.0, None), "inpage": (None, -1.0, None)}
    for add in (t for t in grid if t >= MIN_ADD_THRESHOLD):
        for keep in grid:
            if keep > add:
                break
            r = rates(data, prob, {"alone": (keep, add), "inpage": (keep, add)})
            for name in best:
                if r[name]["wrong_flag_rate"] <= budget[name] and r[name]["recall"] > best[name][1]:
                    best[name] = ((keep, add), r[name]["recall"], r[name])
    return {k: v[0] for k, v in best.items()}, {k: v[2] for k, v in best.items()}


def digest_inputs() -> str:
    h = hashlib.sha256()
    h.update(scrape.TRAFILATURA.read_bytes())
    for path in sorted(scrape.HTML_DIR.iterdir()):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def main(argv=None) -> int:
    from comparekit.segment.linemodel import FEATURES
    from comparekit.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--budget-alone", type=float, default=0.04, help="max dev wrong-flag rate, one-line documents"
    )
    ap.add_argument("--budget-inpage", type=float, default=0.03, help="max dev wrong-flag rate in pages")
    # 0.01: the shipped model's C (over 0.1 and 1, by dev CV recall; see defaults.toml [segment])
    ap.add_argument("--c", type=float, default=0.01, help="inverse L2 strength of the regression")
    ap.add_argument("--write", action="store_true", help=f"write {OUT.relative_to(ROOT)}")
    args = ap.parse_args(argv)
    settings = Settings().replace("segment", line_model=False)
    data = collect(settings)
    base = rates(data, np.ones(len(data["y"])), {"alone": (0.0, 2.0), "inpage": (0.0, 2.0)})
    print(f"rows {len(data['y'])}, labelled {(data['y'] >= 0).sum()}; dev rules only: {base}")
    prob = cross_validated(data, args.c)
    budget = {"alone": args.budget_alone, "inpage": args.budget_inpage}
    t, r = choose(data, prob, budget)
    print(f"chosen threshold {t} (dev, 5-fold CV by page, budget {budget}): {r}")
    if None in t.values():
        return 1
    train = data["y"] >= 0
    models = {}
    for name, (_part, pool) in zip(("alone", "page"), _parts(data)):
        mean, scale, coef, intercept = fit(data["X"][train & pool], data["y"][train & pool], args.c)
        models[name] = {
            "keep_threshold": t["alone" if name == "alone" else "inpage"][0],
            "add_threshold": t["alone" if name == "alone" else "inpage"][1],
            "rows": int((train & pool).sum()),
            "mean": [round(float(v), 6) for v in mean],
            "scale": [round(float(v), 6) for v in scale],
            "coef": [round(float(v), 6) for v in coef],
            "intercept": round(intercept, 6),
        }
        print(
            name,
            ", ".join(f"{n} {w:+.2f}" for n, w in sorted(zip(FEATURES, coef), key=lambda x: -abs(x[1]))[:12]),
        )
    if args.write:
        OUT.write_text(
            json.dumps(
                {
                    "_about": "Written by benchmarks/train_line_model.py; read by comparekit/segment/linemodel.py.",
                    "training_data_sha256": digest_inputs(),
                    "training_data": "shared/data/scrape/trafilatura_eval (evaldata_full.json + html/)",
                    "split": "dev half only: pages at an even index among all pages sorted by URL",
                    "C": args.c,
                    "budget": budget,
                    "cv_dev": r,
                    "features": list(FEATURES),
                    "models": models,
                },
                indent=1,
            )
            + "\n",
            "utf-8",
        )
        print(f"written {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
