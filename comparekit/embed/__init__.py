"""Sentence embeddings behind one small protocol, picked by name.

Every encoder has ``name``, ``dim``, ``languages`` (``None`` = any), ``sha256`` (of its
weights, recorded in reports) and ``encode(texts) -> float32 array [n, dim]``,
L2-normalised. Backends load lazily: importing this module loads no model.

Names: ``usem3`` (default), ``st:minilm``, ``st:<path or hub name>``. models.lock pins
the files of every named encoder (:mod:`comparekit.embed.lock`); embeddings are cached on
disk by (encoder hash, text hash) unless ``embed.cache`` is off
(:mod:`comparekit.embed.cache`).
"""

from __future__ import annotations

import threading
from typing import Protocol, runtime_checkable

import numpy as np

from comparekit.errors import UsageError
from comparekit.settings import Settings


@runtime_checkable
class Encoder(Protocol):
    """What every encoder offers."""

    name: str
    dim: int
    languages: frozenset[str] | None

    @property
    def sha256(self) -> str: ...

    def encode(self, texts: list[str]) -> np.ndarray:
        """Embed texts: float32 array of shape ``[len(texts), dim]``, rows L2-normalised."""
        ...


def l2_normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero), as float32."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def encode_batched(encode_fn, texts: list[str], batch_size: int, dim: int) -> np.ndarray:
    """Encode in length-sorted batches (less padding work), returned in input order.

    Each distinct text is encoded once, so copies of a text get the same bits whatever
    batch they would have fallen in (with or without the embedding cache)."""
    first: dict[str, int] = {}
    unique: list[str] = []
    where = []
    for t in texts:
        k = first.get(t)
        if k is None:
            k = first[t] = len(unique)
            unique.append(t)
        where.append(k)
    vecs = np.zeros((len(unique), dim), dtype=np.float32)
    order = sorted(range(len(unique)), key=lambda i: len(unique[i]))
    for b in range(0, len(order), batch_size):
        idx = order[b : b + batch_size]
        vecs[idx] = l2_normalise(np.asarray(encode_fn([unique[i] for i in idx]), dtype=np.float32))
    return vecs[where] if where else np.zeros((0, dim), dtype=np.float32)


_ENCODERS: dict[tuple[str, int, int, int], Encoder] = {}
_LOCK = threading.Lock()


def get_encoder(name: str | None = None, *, settings: Settings) -> Encoder:
    """The encoder called ``name`` (default: ``settings.embed.encoder``), loaded once
    per process and reused; wrapped in the disk cache when ``settings.embed.cache``."""
    name = name or settings.embed.encoder
    key = (name, settings.embed.threads, settings.embed.batch_size, settings.embed.max_chars)
    with _LOCK:
        if key not in _ENCODERS:
            _ENCODERS[key] = _make(name, settings)
        encoder = _ENCODERS[key]
    if settings.embed.cache:
        from comparekit.embed.cache import CachedEncoder, cache_dir

        return CachedEncoder(encoder, cache_dir(settings))
    return encoder


def _make(name: str, settings: Settings) -> Encoder:
    if name == "usem3":
        from comparekit.embed.usem3 import USEM3Encoder

        return USEM3Encoder(
            threads=settings.embed.threads,
            batch_size=settings.embed.batch_size,
            max_chars=settings.embed.max_chars,
        )
    if name.startswith("st:"):
        from comparekit.embed.st import SentenceTransformerEncoder

        return SentenceTransformerEncoder(
            name[3:], batch_size=settings.embed.batch_size, threads=settings.embed.threads
        )
    raise UsageError(f"unknown encoder {name!r}; valid: usem3, st:minilm, st:<path or model name>")
