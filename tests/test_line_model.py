"""The learned paragraph classifier (comparekit/segment/linemodel.py): its weights load,
record their training data and split, agree with the settings, and decide lines."""

import hashlib
import json
import math

import pytest
from conftest import require_shared_data

from comparekit.segment import linemodel
from comparekit.segment.kinds import KindDecision, classify_paragraphs
from comparekit.settings import Settings

PROSE = (
    "The central bank raised its key interest rate by half a percentage point on Thursday, the third "
    "increase this year, saying inflation had not slowed as quickly as it expected."
)
PROSE2 = (
    "Officials said the decision was unanimous and that further increases could follow if prices "
    "kept rising through the winter months, according to a statement."
)


@pytest.fixture(scope="module")
def settings():
    return Settings()


def test_weights_load_and_match_the_features():
    model = linemodel.load_model()
    assert tuple(model["features"]) == linemodel.FEATURES
    for part in ("alone", "page"):
        m = model["models"][part]
        assert len(m["coef"]) == len(m["mean"]) == len(m["scale"]) == len(linemodel.FEATURES)
        assert all(s > 0 for s in m["scale"])
        assert m["rows"] > 500
    assert "dev half only" in model["split"]


def test_thresholds_in_settings_are_the_trained_ones(settings):
    models = linemodel.load_model()["models"]
    seg = settings.segment
    assert seg.line_model is True
    assert (seg.line_model_alone_keep, seg.line_model_alone_add) == (
        models["alone"]["keep_threshold"],
        models["alone"]["add_threshold"],
    )
    assert (seg.line_model_page_keep, seg.line_model_page_add) == (
        models["page"]["keep_threshold"],
        models["page"]["add_threshold"],
    )


def test_training_data_sha256_matches_the_shared_benchmark():
    """The weights say which data they were fit on; a changed benchmark means retraining."""
    path = require_shared_data("scrape", "trafilatura_eval", "evaldata_full.json")
    html = require_shared_data("scrape", "trafilatura_eval", "html")
    h = hashlib.sha256()
    h.update(path.read_bytes())
    for f in sorted(html.iterdir()):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    assert linemodel.load_model()["training_data_sha256"] == h.hexdigest()


def test_probabilities_are_numpy_logistic_outputs():
    rows = linemodel.feature_matrix(
        ["info@example-news.com", PROSE], [classify_paragraphs([PROSE])[0]] * 2, prose_min_words=25
    )
    probs = linemodel.probabilities(rows, "page")
    assert len(probs) == 2 and all(0.0 < p < 1.0 for p in probs)
    m = linemodel.load_model()["models"]["page"]
    z = m["intercept"] + sum(
        c * (x - mu) / s for c, x, mu, s in zip(m["coef"], rows[1], m["mean"], m["scale"], strict=True)
    )
    assert probs[1] == pytest.approx(1 / (1 + math.exp(-z)))


@pytest.mark.parametrize("line", ["redaktion@example-zeitung.de", "www.example-news.com", "Zur Person"])
def test_a_boilerplate_line_alone_is_flagged_by_the_model(line, settings):
    assert classify_paragraphs([line], settings=settings)[0] == KindDecision("boilerplate", "model")
    off = settings.replace("segment", line_model=False)
    assert classify_paragraphs([line], settings=off)[0].kind is None


def test_an_article_sentence_is_not_flagged(settings):
    assert classify_paragraphs([PROSE], settings=settings)[0].kind is None
    assert classify_paragraphs(["The central bank raised its key rate."], settings=settings)[0].kind is None


def test_in_a_page_the_model_adds_lines_only_next_to_site_text(settings):
    paras = ["Rates rise again", PROSE, PROSE2, "redaktion@example-zeitung.de", "Share this article"]
    decisions = classify_paragraphs(paras, settings=settings)
    assert [d.kind for d in decisions[:3]] == [None, None, None]
    assert decisions[3] == KindDecision("boilerplate", "model")
    # Clean news: a short closing line with no site text near it stays article text.
    for closing in ("We got outplayed.", "Chris Leslie is MP for Nottingham East"):
        assert (
            classify_paragraphs(["Rates rise again", PROSE, PROSE2, closing], settings=settings)[3].kind
            is None
        )


def test_model_flags_get_structure_confidence(settings):
    from comparekit.clean import clean
    from comparekit.detect.scrape import detect
    from comparekit.document import Document
    from comparekit.segment import segment

    raw = "redaktion@example-zeitung.de\n"
    doc = segment(clean(Document(id="x", raw_text=raw), settings=settings), settings=settings)
    flags = [f for f in detect(doc, settings=settings) if f.type == "boilerplate"]
    assert len(flags) == 1
    assert flags[0].evidence["reasons"] == ["model"]
    assert flags[0].confidence == settings.scrape.structure_confidence
    assert "line classifier" in flags[0].message
    assert raw[flags[0].start : flags[0].end] == "redaktion@example-zeitung.de"


def test_weights_for_other_features_are_refused():
    raw = json.loads(json.dumps(linemodel.load_model()))
    assert linemodel.checked(raw) is raw
    raw["features"] = list(reversed(raw["features"]))
    with pytest.raises(ValueError, match="other features"):
        linemodel.checked(raw)


def test_neighbour_features_on_a_long_document(settings):
    """prose_distance (a bisection) against the plain definition, and the page model's
    addition limits read from the same rows; a document of 3,000 lines."""
    paras = [PROSE if i % 7 == 3 else f"Menu item {i}" for i in range(3000)]
    rules = classify_paragraphs(paras, settings=settings.replace("segment", line_model=False))
    rows = linemodel.feature_matrix(paras, rules, prose_min_words=settings.segment.tail_prose_min_words)
    col = {name: k for k, name in enumerate(linemodel.FEATURES)}
    prose = [i for i, d in enumerate(rules) if d.kind is None and paras[i] == PROSE]
    assert prose
    for i in (0, 1, 2, 3, 4, 1500, 2999):
        want = min(abs(i - j) for j in prose)
        assert rows[i][col["prose_distance"]] == pytest.approx(math.log1p(want))
    allowed = linemodel.page_additions_allowed(rows, near_flag=True, sentences=False)
    assert not allowed[0]  # the headline position
    assert not any(allowed[i] for i in prose)  # they end a sentence
    assert all(bool(allowed[i]) == (rows[i][col["window_flagged"]] > 0) for i in (1, 2, 5, 6, 1500))
    decisions = classify_paragraphs(paras, settings=settings)
    assert len(decisions) == 3000 and all(decisions[i].kind is None for i in prose)


def test_empty_and_one_line_documents(settings):
    assert classify_paragraphs([], settings=settings) == []
    assert linemodel.probabilities([], "page") == []
    rows = linemodel.feature_matrix(["Hello."], [KindDecision(None)], prose_min_words=25)
    assert rows[0][linemodel.FEATURES.index("alone")] == 1.0
    assert all(math.isfinite(v) for v in rows[0])


def test_a_flag_of_cue_and_model_lines_does_not_say_no_cue_matched(settings):
    from comparekit.clean import clean
    from comparekit.detect.scrape import detect
    from comparekit.document import Document
    from comparekit.segment import segment

    raw = "\n\n".join(
        ["Rates rise again", PROSE, PROSE2, "Share this article.", "redaktion@example-zeitung.de"]
    )
    doc = segment(clean(Document(id="x", raw_text=raw + "\n"), settings=settings), settings=settings)
    flags = [f for f in detect(doc, settings=settings) if f.type == "boilerplate"]
    assert len(flags) == 1 and flags[0].evidence["lines"] == 2
    assert "model" in flags[0].evidence["reasons"] and "cue:boilerplate" in flags[0].evidence["reasons"]
    assert "no cue list matched" not in flags[0].message
    assert "line classifier" in flags[0].message
    assert flags[0].confidence == settings.scrape.cue_confidence
    # raw offsets: the flag covers exactly the two lines (a cleaned document's blank line kept)
    assert flags[0].text == "Share this article.\n\nredaktion@example-zeitung.de"
    assert raw[flags[0].start : flags[0].end] == flags[0].text
