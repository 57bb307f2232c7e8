"""A deterministic fake encoder for unit tests of stages other than embedding.

It hashes lower-cased words and word bigrams into a fixed-size vector, so texts that
share words are similar and the result never depends on a model. The real encoders have
their own tests (test_embed_*.py).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np


class HashingEncoder:
    name = "fake-hashing"
    dim = 256
    languages = None  # any language
    sha256 = "0" * 64

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = re.findall(r"\w+", text.lower())
            for gram in words + [a + " " + b for a, b in zip(words, words[1:])]:
                h = int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms
