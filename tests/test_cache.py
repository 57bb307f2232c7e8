"""The embedding disk cache: keyed by (encoder hash, text hash), corrupt entries are
recomputed (never trusted), concurrent writers do not corrupt it."""

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT
from fakes import HashingEncoder

from comparekit.embed.cache import CACHE_ENV, CachedEncoder, EmbeddingCache, cache_dir, text_key
from comparekit.settings import Settings

TEXTS = [
    "Russia is ready to act as a mediator between Armenia and Azerbaijan.",
    "The talks in Geneva ended without an agreement.",
    "Prices rose by 4.5% in March.",
    "",
    "Russia is ready to act as a mediator between Armenia and Azerbaijan.",
]


class CountingEncoder(HashingEncoder):
    """The fake encoder, counting the texts it is asked to encode."""

    def __init__(self, sha256="a" * 64):
        self.sha256 = sha256
        self.calls: list[list[str]] = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return super().encode(texts)


@pytest.fixture
def inner():
    return CountingEncoder()


def test_second_run_reads_every_vector_from_disk(tmp_path, inner):
    first = CachedEncoder(inner, tmp_path).encode(TEXTS)
    assert np.array_equal(first, HashingEncoder().encode(TEXTS))
    # the repeated text is encoded once
    assert sorted(inner.calls[0]) == sorted(set(TEXTS))
    fresh = CachedEncoder(inner, tmp_path)  # as in a new run
    second = fresh.encode(TEXTS[::-1])
    assert len(inner.calls) == 1, "a cached text reached the encoder again"
    assert np.array_equal(second, first[::-1]) and second.dtype == np.float32
    assert fresh.cache.hits == len(set(TEXTS)) and fresh.cache.misses == 0


def test_only_missing_texts_are_computed(tmp_path, inner):
    enc = CachedEncoder(inner, tmp_path)
    enc.encode(TEXTS[:2])
    enc.encode(TEXTS[:3])
    assert inner.calls == [TEXTS[:2], [TEXTS[2]]]


def test_key_includes_the_encoder_hash(tmp_path):
    a, b = CountingEncoder("a" * 64), CountingEncoder("b" * 64)
    CachedEncoder(a, tmp_path).encode(TEXTS[:2])
    CachedEncoder(b, tmp_path).encode(TEXTS[:2])
    assert len(b.calls) == 1, "another encoder's vectors were served"
    folders = sorted(p.name for p in (tmp_path / "embeddings" / "v1").iterdir())
    assert folders == ["a" * 64, "b" * 64]


def test_wrapper_keeps_the_encoder_identity(tmp_path, inner):
    enc = CachedEncoder(inner, tmp_path)
    assert (enc.name, enc.dim, enc.languages, enc.sha256) == (inner.name, inner.dim, None, "a" * 64)


def _corrupt_truncate(path, _other):
    path.write_bytes(path.read_bytes()[:-7])


def _corrupt_flip(path, _other):
    data = bytearray(path.read_bytes())
    data[-5] ^= 0x40
    path.write_bytes(bytes(data))


def _corrupt_magic(path, _other):
    data = bytearray(path.read_bytes())
    data[0:5] = b"NUMPY"
    path.write_bytes(bytes(data))


def _corrupt_swap(path, other):
    path.write_bytes(other.read_bytes())  # a valid entry, but for another text


def _corrupt_empty(path, _other):
    path.write_bytes(b"")  # a write cut short before any byte


@pytest.mark.parametrize(
    "damage, reason",
    [
        (_corrupt_truncate, "bytes, expected"),
        (_corrupt_flip, "checksum"),
        (_corrupt_magic, "not a comparekit cache entry"),
        (_corrupt_swap, "another text"),
        (_corrupt_empty, "0 bytes"),
    ],
)
def test_corrupt_entry_is_logged_recomputed_and_replaced(tmp_path, inner, caplog, damage, reason):
    enc = CachedEncoder(inner, tmp_path)
    good = enc.encode(TEXTS[:2])
    victim = enc.cache.path(text_key(TEXTS[0]))
    damage(victim, enc.cache.path(text_key(TEXTS[1])))
    fresh = CachedEncoder(inner, tmp_path)
    with caplog.at_level(logging.WARNING, logger="comparekit.embed.cache"):
        again = fresh.encode(TEXTS[:2])
    assert np.array_equal(again, good)
    assert inner.calls[-1] == [TEXTS[0]], "the damaged entry was trusted"
    assert fresh.cache.corrupt == 1
    assert any("corrupt entry" in r.message and reason in r.message for r in caplog.records), caplog.text
    # the entry was rewritten and is good again
    assert np.array_equal(fresh.cache.get(text_key(TEXTS[0])), good[0])


def test_wrong_dim_entry_is_not_trusted(tmp_path):
    key = text_key("x")
    EmbeddingCache(tmp_path, "c" * 64, 4).put(key, np.ones(4, dtype=np.float32) / 2)
    other = EmbeddingCache(tmp_path, "c" * 64, 8)
    assert other.get(key) is None and other.corrupt == 1


def test_unwritable_cache_only_warns(tmp_path, inner, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    enc = CachedEncoder(inner, blocker)
    with caplog.at_level(logging.WARNING, logger="comparekit.embed.cache"):
        out = enc.encode(TEXTS)
    assert np.array_equal(out, HashingEncoder().encode(TEXTS))
    assert enc.cache.write_errors > 0
    assert sum("going on without the cache" in r.message for r in caplog.records) == 1


def test_cache_dir_setting_then_env_then_user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "env"))
    assert cache_dir(Settings({"embed": {"cache_dir": str(tmp_path / "set")}})) == tmp_path / "set"
    assert cache_dir(Settings()) == tmp_path / "env"
    monkeypatch.delenv(CACHE_ENV)
    import platformdirs

    assert cache_dir(Settings()) == Path(platformdirs.user_cache_dir("comparekit", appauthor=False))


def test_tests_never_write_the_user_cache(embedding_cache_dir):
    assert os.environ[CACHE_ENV] == str(embedding_cache_dir)


_WRITER = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
import numpy as np
from fakes import HashingEncoder
from comparekit.embed.cache import EmbeddingCache, text_key
root, go = Path(sys.argv[1]), Path(sys.argv[2])
texts = [f"sentence number {i} about the talks" for i in range(300)]
vectors = HashingEncoder().encode(texts)
keys = [text_key(t) for t in texts]
while not go.exists():
    time.sleep(0.005)
cache = EmbeddingCache(root, "d" * 64, HashingEncoder.dim)
for _ in range(4):  # write every key, then read every key, racing the other process
    for k, v in zip(keys, vectors):
        cache.put(k, v)
    for k, v in zip(keys, vectors):
        got = cache.get(k)
        assert got is not None and np.array_equal(got, v), k
print(json.dumps({"corrupt": cache.corrupt, "write_errors": cache.write_errors, "hits": cache.hits}))
"""


def test_two_processes_writing_the_same_keys_do_not_corrupt_it(tmp_path):
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(tmp_path / "cache"), str(go), str(ROOT / "tests")],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    time.sleep(1.0)  # both processes are importing; the go file releases them together
    go.write_text("go")
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        results.append(json.loads(out))
    assert all(r == {"corrupt": 0, "write_errors": 0, "hits": 1200} for r in results), results
    folder = tmp_path / "cache" / "embeddings" / "v1" / ("d" * 64)
    entries = sorted(folder.rglob("*.emb"))
    assert len(entries) == 300
    assert not [p for p in folder.rglob(".tmp-*")], "temporary files left behind"
    check = EmbeddingCache(tmp_path / "cache", "d" * 64, HashingEncoder.dim)
    texts = [f"sentence number {i} about the talks" for i in range(300)]
    for text, vector in zip(texts, HashingEncoder().encode(texts)):
        assert np.array_equal(check.get(text_key(text)), vector)
    assert check.corrupt == 0


def test_identical_texts_get_identical_vectors_without_the_cache():
    """With --no-cache, a text repeated in a document was encoded once per copy, in
    different batches, so the copies' vectors differed in the last bits and ties between
    them broke differently than with the cache (which encodes each text once): the same
    input gave a different report.json with --no-cache (vt.txt: 'A48 fr:2 ~ vt:2' vs 'vt:7')."""
    import numpy as np

    from comparekit.embed import encode_batched

    calls = []

    def encode_fn(batch):  # a vector that depends on the batch, like float rounding does
        calls.append(list(batch))
        return np.array([[len(t), len(batch), k + 1] for k, t in enumerate(batch)], dtype=np.float32)

    texts = ["same text", "other", "same text", "a much longer text", "same text"]
    out = encode_batched(encode_fn, texts, 2, 3)
    assert (out[0] == out[2]).all() and (out[0] == out[4]).all()
    assert sorted(t for c in calls for t in c) == sorted(set(texts))  # each text encoded once


@pytest.mark.parametrize("command", ["align", "analyze", "corpus"])
def test_no_cache_is_an_option_of_every_command_that_embeds(tmp_path, command):
    """compare had --no-cache; align, analyze and corpus had not (a user who must not leave
    vectors of confidential texts on disk had no way to say so there). With it nothing is
    written into the cache folder; without it the same run fills it."""
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The minister resigned on Monday. Talks resume next week.\n", "utf-8")
    b.write_text(
        "Le ministre a démissionné lundi. Les pourparlers reprennent la semaine prochaine.\n", "utf-8"
    )
    manifest = tmp_path / "corpus.csv"
    manifest.write_text(f"path,outlet\n{a},one\n{b},two\n", "utf-8")
    args = {
        "align": ["align", str(a), str(b)],
        "analyze": ["analyze", str(a), "--out", str(tmp_path / "out"), "-q"],
        "corpus": ["corpus", str(manifest), "--out", str(tmp_path / "out"), "-q"],
    }[command]

    def entries_after(*extra, cache):
        env = {**os.environ, CACHE_ENV: str(cache)}
        r = subprocess.run(
            [sys.executable, "-m", "comparekit", *args, *extra],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert r.returncode == 0, r.stderr
        return list(cache.rglob("*.emb")) if cache.exists() else []

    assert entries_after("--no-cache", cache=tmp_path / "off") == []
    assert entries_after(cache=tmp_path / "on") != []
