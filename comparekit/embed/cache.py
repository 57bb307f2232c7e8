"""A disk cache of embeddings, keyed by (encoder sha256, sha256 of the text).

Layout: ``<cache dir>/embeddings/v1/<encoder sha256>/<text sha256[:2]>/<text sha256>.emb``,
one small file per text. Each entry carries a header (magic, dim, the text's sha256, the
sha256 of the vector bytes) followed by ``dim`` little-endian float32 values.

- Entries are written to a temporary file in the same folder and moved into place with
  ``os.replace``, which is atomic: a reader sees the old entry, the new one or none,
  never half of one. Two runs writing the same key write the same bytes, so whichever
  rename lands last is right. No lock is needed.
- Every read checks size, magic, dim, text hash and checksum. A bad entry (a partial
  write after a crash, a flipped bit, a foreign file) is logged, recomputed and
  replaced; it is never trusted.
- The cache can never break a run: if the folder cannot be written, a warning is
  logged and the run goes on without it.

Where: the ``embed.cache_dir`` setting, else ``$COMPAREKIT_CACHE_DIR``, else the user
cache directory (platformdirs: ``~/.cache/comparekit`` on Linux).
"""

from __future__ import annotations

import hashlib
import logging
import os
import struct
import tempfile
from pathlib import Path

import numpy as np

from comparekit.settings import Settings

log = logging.getLogger(__name__)

CACHE_ENV = "COMPAREKIT_CACHE_DIR"
_MAGIC = b"CKEMB\x00\x01\x00"
_HEADER = struct.Struct("<8sI32s32s")  # magic, dim, sha256(text), sha256(vector bytes)
_LAYOUT = "v1"


def cache_dir(settings: Settings) -> Path:
    """The cache root for these settings (setting, else env var, else user cache dir)."""
    if settings.embed.cache_dir:
        return Path(settings.embed.cache_dir).expanduser()
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("comparekit", appauthor=False))


def text_key(text: str) -> str:
    """sha256 hex of a text's UTF-8 bytes (lone surrogates kept, not an error)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class CorruptEntry(Exception):
    """A cache entry that fails a check (internal: it is recomputed, never raised out)."""


class EmbeddingCache:
    """Vectors of one encoder on disk. ``get`` returns ``None`` for a missing or bad
    entry; ``put`` writes atomically. Counters say what happened (for logs and tests)."""

    def __init__(self, root: Path, encoder_sha256: str, dim: int) -> None:
        self.folder = Path(root) / "embeddings" / _LAYOUT / encoder_sha256
        self.dim = dim
        self.hits = self.misses = self.corrupt = self.write_errors = 0
        self._warned = False

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.emb"

    def get(self, key: str) -> np.ndarray | None:
        """The cached ``[dim]`` float32 vector of a text key, or ``None``."""
        path = self.path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self.misses += 1
            return None
        except OSError as exc:
            self._warn(f"cannot read {path}: {exc}")
            self.misses += 1
            return None
        try:
            vector = self._decode(data, key)
        except CorruptEntry as exc:
            self.corrupt += 1
            log.warning("embedding cache: corrupt entry %s (%s); recomputing it", path, exc)
            return None
        self.hits += 1
        return vector

    def _decode(self, data: bytes, key: str) -> np.ndarray:
        if len(data) != _HEADER.size + 4 * self.dim:
            raise CorruptEntry(f"{len(data)} bytes, expected {_HEADER.size + 4 * self.dim}")
        magic, dim, text_digest, checksum = _HEADER.unpack_from(data)
        payload = data[_HEADER.size :]
        if magic != _MAGIC:
            raise CorruptEntry("not a comparekit cache entry")
        if dim != self.dim:
            raise CorruptEntry(f"dim {dim}, expected {self.dim}")
        if text_digest.hex() != key:
            raise CorruptEntry("entry is for another text")
        if hashlib.sha256(payload).digest() != checksum:
            raise CorruptEntry("checksum mismatch")
        vector = np.frombuffer(payload, dtype="<f4").astype(np.float32)
        if not np.all(np.isfinite(vector)):
            raise CorruptEntry("non-finite values")
        return vector

    def put(self, key: str, vector: np.ndarray) -> None:
        """Store a ``[dim]`` vector under a text key (atomically; errors only logged)."""
        payload = np.ascontiguousarray(vector, dtype="<f4").tobytes()
        if len(payload) != 4 * self.dim:
            raise ValueError(f"vector has {len(payload) // 4} values, cache dim is {self.dim}")
        data = _HEADER.pack(_MAGIC, self.dim, bytes.fromhex(key), hashlib.sha256(payload).digest()) + payload
        path = self.path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".emb")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
            tmp = None
        except OSError as exc:
            self.write_errors += 1
            self._warn(f"cannot write {path}: {exc}")
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass

    def _warn(self, message: str) -> None:
        # One warning per run is enough; the run goes on uncached.
        if not self._warned:
            log.warning("embedding cache: %s; going on without the cache", message)
            self._warned = True


class CachedEncoder:
    """An encoder whose ``encode`` reads and fills an :class:`EmbeddingCache`.

    Same ``name``, ``dim``, ``languages`` and ``sha256`` as the wrapped encoder; only
    the texts not in the cache reach it (each distinct text once)."""

    def __init__(self, inner, root: Path) -> None:
        self.inner = inner
        self.root = Path(root)
        self._cache: EmbeddingCache | None = None

    name = property(lambda self: self.inner.name)
    dim = property(lambda self: self.inner.dim)
    languages = property(lambda self: self.inner.languages)
    sha256 = property(lambda self: self.inner.sha256)

    @property
    def cache(self) -> EmbeddingCache:
        if self._cache is None:
            self._cache = EmbeddingCache(self.root, self.inner.sha256, self.inner.dim)
        return self._cache

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 ``[len(texts), dim]``, L2-normalised; cached rows are read, the rest
        computed by the wrapped encoder and stored."""
        texts = list(texts)
        cache = self.cache
        out = np.zeros((len(texts), cache.dim), dtype=np.float32)
        rows_of: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            rows_of.setdefault(text_key(text), []).append(i)
        todo: list[str] = []
        for key, rows in rows_of.items():
            vector = cache.get(key)
            if vector is None:
                todo.append(key)
            else:
                out[rows] = vector
        if todo:
            computed = np.asarray(self.inner.encode([texts[rows_of[k][0]] for k in todo]), dtype=np.float32)
            for key, vector in zip(todo, computed):
                out[rows_of[key]] = vector
                cache.put(key, vector)
        log.debug("embedding cache %s: %d texts, %d computed", cache.folder, len(rows_of), len(todo))
        return out
