"""Framing measurements: cues, frame scores, distinctive terms, actors, evaluative words."""

from __future__ import annotations

import dataclasses
from collections import Counter

import numpy as np
import pytest

from comparekit.document import Document, Segment
from comparekit.framing import frame_profile
from comparekit.framing.actors import actors
from comparekit.framing.cues import CUE_LANGUAGES, FRAMES, cue_set, find_all, stopwords
from comparekit.framing.evaluative import evaluative
from comparekit.framing.frames import cue_score, prototype_similarity, thresholds
from comparekit.framing.terms import distinctive_terms, log_odds


def make_doc(doc_id: str, sentences: list[str], language: str = "en") -> Document:
    """A hand-built document: one body segment per sentence, cleaned text = raw text."""
    text = " ".join(sentences)
    segs, pos = [], 0
    for k, s in enumerate(sentences):
        segs.append(Segment(f"{doc_id}:{k}", k, pos, pos + len(s), pos, pos + len(s), s, "body", language))
        pos += len(s) + 1
    return Document(id=doc_id, raw_text=text, text=text, segments=tuple(segs), language=language)


@pytest.mark.parametrize(
    ("lang", "text", "frame", "word"),
    [
        ("en", "The government unveiled a plan to solve the crisis.", "resolution", "solve"),
        ("fr", "Le conflit entre les deux pays s'aggrave.", "conflict", "conflit"),
        ("de", "Die Kosten für die Steuerzahler steigen.", "economic", "Kosten"),
        ("es", "La familia perdió su hogar.", "human_interest", "familia"),
        ("ru", "Министр иностранных дел провёл переговоры.", "diplomacy", "Министр"),
    ],
)
def test_cues_match_each_language(lang, text, frame, word):
    hits = find_all(cue_set(lang).frames[frame], text)
    assert word in [h[2] for h in hits]
    assert all(text[a:b] == t for a, b, t in hits)


def test_every_language_has_every_frame_and_stopwords():
    for lang in CUE_LANGUAGES:
        cues = cue_set(lang)
        assert all(cues.frames[f] is not None for f in FRAMES)
        assert stopwords(lang)


def test_phrase_and_minimiser_cues():
    text = "Moscow remains extremely cautious, contenting itself with calling for calm."
    ev = cue_set("en").evaluative
    assert [h[2] for h in find_all(ev["minimisers"], text)] == ["contenting itself with"]
    assert "extremely" in [h[2] for h in find_all(ev["intensifiers"], text)]


def test_prefix_cue_respects_word_start():
    # "war" must not match inside "reward" or "warning".
    assert find_all(cue_set("en").frames["conflict"], "A reward and a warning.") == []


def test_cue_score_is_monotone_and_bounded():
    low = cue_score(np.array([1.0]), 100.0, 2.0)[0]
    high = cue_score(np.array([10.0]), 100.0, 2.0)[0]
    assert 0.0 < low < high <= 1.0


def test_prototype_similarity_is_centred():
    rng = np.random.default_rng(0)
    vecs = rng.normal(size=(4, 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    protos = rng.normal(size=(8, 3, 16)).astype(np.float32)
    protos[2, 2] = 0.0  # padding never wins
    sims = prototype_similarity(vecs, protos, 2)
    assert sims.shape == (4, 8)
    np.testing.assert_allclose(sims.mean(axis=1), 0.0, atol=1e-6)


def test_thresholds_cover_every_frame(settings):
    limits = thresholds(settings)
    assert set(limits) == set(FRAMES)
    assert all(0.0 < v < 1.0 for v in limits.values())


def test_log_odds_favours_rare_words_used_more():
    a = Counter({"crossfire": 3, "said": 3})
    b = Counter({"said": 3, "talks": 1})
    z = log_odds(a, b, "en", 1e5)
    assert z["crossfire"] > z["said"]


def test_distinctive_terms_drop_stopwords_and_names(settings):
    a = make_doc("a", ["Moscow is caught in the crossfire.", "The crossfire is a headache for Moscow."])
    b = make_doc("b", ["Moscow offers mediation.", "Mediation and balancing suit Moscow."])
    terms = distinctive_terms([a, b], settings=settings)
    a_terms = [t["term"] for t in terms["a"]]
    b_terms = [t["term"] for t in terms["b"]]
    assert "crossfire" in a_terms and "mediation" in b_terms
    for t in a_terms + b_terms:
        assert "moscow" not in t.split() and "the" not in t.split()
    assert all(set(t) == {"term", "z", "count", "forms", "spans"} for t in terms["a"])
    # every occurrence is a span of the raw text, one per count
    for doc in (a, b):
        for t in terms[doc.id]:
            assert len(t["spans"]) == t["count"] == sum(t["forms"].values())
            assert all(doc.raw_text[s:e].lower() in t["forms"] for s, e in t["spans"])
    assert [t["z"] for t in terms["a"]] == sorted((t["z"] for t in terms["a"]), reverse=True)


def test_actors_count_mentions_and_agents(settings):
    doc = make_doc(
        "d",
        [
            "Russia called for a ceasefire.",
            "Turkey supports Azerbaijan openly.",
            "A truce was brokered by Russia in 2016.",
            "Azerbaijan was criticised by observers.",
            "Observers in Turkey were surprised.",
        ],
    )
    got = {a["name"]: a for a in actors([doc], settings=settings)["d"]}
    assert got["Russia"] == {
        "name": "Russia",
        "mentions": 2,
        "as_agent": 2,
        "forms": {"Russia": 2},
        "spans": [[0, 6], [90, 96]],
    }
    assert doc.raw_text[90:96] == "Russia"
    assert got["Azerbaijan"]["mentions"] == 2 and got["Azerbaijan"]["as_agent"] == 0
    assert got["Turkey"]["as_agent"] == 1


def test_actors_fold_surnames_into_full_names(settings):
    doc = make_doc("d", ["Vladimir Putin spoke to the press.", "Later Putin said nothing."])
    names = {a["name"]: a["mentions"] for a in actors([doc], settings=settings)["d"]}
    assert names == {"Vladimir Putin": 2}


def test_evaluative_counts_and_sentiment(settings):
    doc = make_doc(
        "d", ["This is an extremely good and wonderful deal.", "Critics merely shrug; it may fail."]
    )
    ev = evaluative([doc], settings=settings)["d"]
    assert ev["counts"]["intensifiers"] == 1 and ev["counts"]["minimisers"] == 1
    assert ev["counts"]["hedges"] >= 1
    assert ev["sentiment"]["method"] == "vader" and ev["sentiment"]["mean_compound"] > 0


def test_evaluative_has_no_sentiment_outside_english(settings):
    doc = make_doc("d", ["La Russie reste extrêmement prudente."], language="fr")
    ev = evaluative([doc], settings=settings)["d"]
    assert ev["sentiment"] is None and ev["counts"]["intensifiers"] == 1


def test_frame_profile_shape_and_range(settings, fake_encoder):
    a = make_doc("a", ["The war between the rivals escalated.", "Both sides traded accusations."])
    b = make_doc("b", ["The deal will cost taxpayers billions.", "Prices and jobs are at stake."])
    out = frame_profile([a, b], (), fake_encoder, None, settings=settings)
    assert set(out) >= {
        "frames",
        "present",
        "segments",
        "distinctive_terms",
        "actors",
        "evaluative",
        "contrasts",
    }
    for doc_id in ("a", "b"):
        assert list(out["frames"][doc_id]) == list(FRAMES)
        assert all(0.0 <= v <= 1.0 for v in out["frames"][doc_id].values())
    assert out["frames"]["a"]["conflict"] > out["frames"]["b"]["conflict"]
    assert out["frames"]["b"]["economic"] > out["frames"]["a"]["economic"]


def test_frame_profile_uses_given_vectors(settings, fake_encoder):
    a = make_doc("a", ["The war escalated.", "Peace talks failed."])
    vecs = fake_encoder.encode([s.text for s in a.segments])

    class Refuses:
        name, dim, languages, sha256 = fake_encoder.name, fake_encoder.dim, None, fake_encoder.sha256

        def __init__(self):
            self.calls = 0

        def encode(self, texts):
            self.calls += 1
            return fake_encoder.encode(texts)

    enc = Refuses()
    first = frame_profile([a], (), enc, {"a": vecs}, settings=settings)
    calls = enc.calls
    second = frame_profile([a], (), enc, {"a": vecs}, settings=settings)
    assert enc.calls == calls  # only the exemplars (cached after the first call), never the doc
    assert first == second


def test_cue_only_when_no_vectors(settings):
    a = make_doc("a", ["The war escalated.", "Peace talks failed."])
    out = frame_profile([a], (), None, None, settings=settings)
    assert out["frames"]["a"]["conflict"] > 0.0


def test_document_score_averages_top_k_means_over_the_grid(settings):
    from comparekit.framing.frames import document_scores, segment_scores

    rng = np.random.default_rng(0)
    counts = rng.integers(0, 3, size=(6, len(FRAMES))).astype(np.float32)
    words = np.full(6, 12.0, dtype=np.float32)
    sims = rng.normal(0.0, 0.05, size=(6, len(FRAMES))).astype(np.float32)
    grid = settings.replace("framing", top_segments=[1, 4], cue_weights=[0.2, 0.8])
    got = document_scores(counts, words, sims, settings=grid)
    parts = []
    for w in (0.2, 0.8):
        seg = segment_scores(counts, words, sims, settings=settings.replace("framing", cue_weights=[w]))
        for k in (1, 4):
            parts.append(np.sort(seg, axis=0)[::-1][:k].mean(axis=0))
    want = np.mean(parts, axis=0)
    assert [got[f] for f in FRAMES] == pytest.approx(list(want), abs=1e-6)
    # one point of the grid is the mean of that point's top-k segment scores
    one = document_scores(
        counts, words, sims, settings=settings.replace("framing", top_segments=[1], cue_weights=[0.8])
    )
    assert [one[f] for f in FRAMES] == pytest.approx(list(parts[2]), abs=1e-6)


def test_segment_scores_point_at_segments(settings, fake_encoder):
    a = make_doc("a", ["The war escalated into a brutal battle and attacks.", "Nothing else."])
    out = frame_profile([a], (), fake_encoder, None, settings=settings)
    ids = {row["segment"] for row in out["segments"]["a"]}
    assert ids <= {s.id for s in a.segments}
    assert "a:0" in ids


def test_make_doc_offsets_are_consistent():
    d = make_doc("x", ["One.", "Two words."])
    for s in d.segments:
        assert d.raw_text[s.start : s.end] == s.text
    assert dataclasses.replace(d).segments == d.segments


def test_channels_say_which_signals_were_used(settings, fake_encoder):
    a = make_doc("a", ["The war escalated.", "Peace talks failed."])
    assert frame_profile([a], (), fake_encoder, None, settings=settings)["channels"] == {
        "a": "cues+prototypes"
    }
    assert frame_profile([a], (), None, None, settings=settings)["channels"] == {"a": "cues"}
    assert frame_profile([a], (), fake_encoder, {"a": None}, settings=settings)["channels"] == {"a": "cues"}


def test_unloadable_encoder_falls_back_to_cues(settings):
    from comparekit.errors import ModelError

    class Broken:
        name, dim, languages, sha256 = "broken", 8, None, "0" * 64

        def encode(self, texts):
            raise ModelError("no model here")

    a = make_doc("a", ["The war escalated."])
    out = frame_profile([a], (), Broken(), None, settings=settings)
    assert out["channels"]["a"].startswith("cues (encoder unavailable")
    assert out["frames"]["a"]["conflict"] > 0.0


@pytest.mark.parametrize(("lang", "word"), [("zh", "俄罗斯"), ("ja", "ロシア"), ("ko", "러시아")])
def test_background_frequency_needs_no_cjk_tokenizer(lang, word):
    """wordfreq tokenizes zh/ja/ko with jieba/MeCab, optional packages comparekit does not
    install: a Chinese source made `compare` exit 70 (ModuleNotFoundError: jieba)."""
    from comparekit.framing.terms import background_frequency

    background_frequency.cache_clear()
    assert background_frequency(word, lang) > 1e-6  # a common word, found in the list


def test_distinctive_terms_in_chinese(settings):
    a = make_doc("a", ["俄罗斯总统表示准备调解。", "十二名士兵在边境冲突中丧生。"], "zh")
    b = make_doc("b", ["欧盟呼吁保持克制。", "土耳其和伊朗支持阿塞拜疆。"], "zh")
    terms = distinctive_terms([a, b], settings=settings)
    assert set(terms) == {"a", "b"}


#: NTREX deu 100 in short: every noun capitalised, one name (Saipov).
_GERMAN = [
    "Die Bundesanwaltschaft fordert die Todesstrafe für Saipov.",
    "Saipov ist wegen des Anschlags angeklagt, der acht Menschenleben kostete.",
    "Außerdem fordert die Anklage die Todesstrafe, weil der Anschlag geplant war.",
    "Saipov erklärte sich in allen 22 Anklagen für nicht schuldig.",
    "Außerdem zeigte ein Video den Anschlag.",
]


def test_german_nouns_are_distinctive_terms_and_names_are_not(settings):
    # Before, every capitalised word was a name: no German noun was ever a term.
    doc = make_doc("d", _GERMAN, "de")
    terms = [t["term"] for t in distinctive_terms([doc], settings=settings)["d"]]
    assert "todesstrafe" in terms and "bundesanwaltschaft" in terms
    assert not any("saipov" in t.split() for t in terms)


def test_german_actors_are_names_not_nouns(settings):
    # Before: "Die Bundesanwaltschaft", "Todesstrafe", "Anschlag" and the sentence start
    # "Außerdem" (common in German, not in English) were actors.
    doc = make_doc("d", _GERMAN, "de")
    names = {a["name"] for a in actors([doc], settings=settings)["d"]}
    assert names == {"Saipov"}


def test_bigrams_do_not_cross_punctuation(settings):
    # NTREX deu 012 'tot aufgefunden, meldete' gave the term "aufgefunden meldete".
    doc = make_doc("d", ["The farmer was found dead, reported the paper, and the pig escaped."])
    terms = {t["term"] for t in distinctive_terms([doc], settings=settings)["d"]}
    assert "found dead" in terms or "dead" in terms
    assert "dead reported" not in terms and "paper pig" not in terms


@pytest.mark.parametrize(
    "text, word",
    [
        # NTREX deu 048: 'threatened to "totally destroy"' / 'mit der „völligen Zerstörung“ gedroht'.
        ("Trump hatte mit der völligen Zerstörung Nordkoreas gedroht.", "völligen"),
        ("Es gab massiven Widerstand.", "massiven"),
        ("Das ist eine extreme Lage.", "extreme"),
        ("Sie übten scharfe Kritik.", "scharfe"),
    ],
)
def test_german_intensifier_adjectives_match_inflected(text, word):
    # German adjectives take an ending before their noun (völlig -> die völlige, der völligen).
    assert word in [h[2] for h in find_all(cue_set("de").evaluative["intensifiers"], text)]


def test_a_russian_actor_does_not_run_across_scripts(settings):
    # NTREX rus 071 and 101: "Bellator Скотт Кокер" was one actor, and a sentence start
    # "Сторонник Brexit" took every mention of Brexit as its longer form.
    doc = make_doc(
        "d",
        [
            "Президент Bellator Скотт Кокер извинился перед зрителями.",
            "Скотт Кокер сказал, что Bellator покажет бой позже.",
            "Сторонник Brexit от партии Тори выступил на митинге.",
            "Сторонники говорят, что Brexit состоится в марте.",
            "Противники считают, что Brexit навредит экономике.",
        ],
        "ru",
    )
    names = {a["name"]: a["mentions"] for a in actors([doc], settings=settings)["d"]}
    assert names.get("Скотт Кокер") == 2 and names.get("Bellator") == 2
    assert names.get("Brexit") == 3 and "Сторонник Brexit" not in names
