"""Language of each document and each segment, from langdetect (seeded).

The document language comes from its alignable text (body, title, standfirst). A
segment gets its own language only when it is long enough and langdetect is confident
(settings ``langid.*``); otherwise it inherits the document's. langdetect samples at
random, so its factory is seeded: the same input always gets the same answer.
"""

from __future__ import annotations

import dataclasses
import threading
from functools import lru_cache

from comparekit.document import Document
from comparekit.settings import Settings

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _factory():
    """langdetect's profile factory, loaded once (it reads ~55 language profiles)."""
    from langdetect import detector_factory

    detector_factory.init_factory()
    return detector_factory._factory


def _normalise(code: str) -> str:
    # langdetect says zh-cn / zh-tw; the encoders speak zh / zh-TW.
    return {"zh-cn": "zh", "zh-tw": "zh-TW"}.get(code, code)


def detect_language(text: str, *, seed: int = 0) -> tuple[str | None, float]:
    """Best language code and its probability for ``text`` (``(None, 0.0)`` if none)."""
    from langdetect import DetectorFactory
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    with _LOCK:  # langdetect's seed is global state
        DetectorFactory.seed = seed
        try:
            detector = factory.create()
            detector.append(text)
            probs = detector.get_probabilities()
        except LangDetectException:
            return None, 0.0
    if not probs:
        return None, 0.0
    best = probs[0]
    return _normalise(best.lang), float(best.prob)


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
        language, confidence = detect_language(body[:20000], seed=cfg.seed)
    segments = []
    for seg in doc.segments:
        seg_lang = language
        if _letters(seg.text) >= cfg.min_segment_letters:
            found, prob = detect_language(seg.text, seed=cfg.seed)
            if found and found != language and prob >= cfg.min_segment_probability:
                seg_lang = found
        segments.append(dataclasses.replace(seg, language=seg_lang))
    return dataclasses.replace(
        doc,
        language=language,
        language_confidence=round(confidence, 4),
        segments=tuple(segments),
    )
