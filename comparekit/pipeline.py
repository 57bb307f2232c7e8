"""The one place where the stage order is written.

    load -> clean -> segment -> langid          (per document, Document -> Document)
    embed                                       (once per document)
    align -> compare                            (per pair of documents)
    detect                                      (per document, then across documents)

``compare`` and ``analyze`` return a :class:`~comparekit.results.Comparison`; writing
it is the report package's job.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import combinations

import numpy as np

from comparekit.align import align
from comparekit.clean import clean
from comparekit.compare import relate, similarity
from comparekit.detect import run_cross_detectors, run_document_detectors, sort_findings
from comparekit.document import Document
from comparekit.embed import Encoder, get_encoder
from comparekit.errors import InputError, StageError
from comparekit.framing import frame_profile
from comparekit.langid import MODEL_NAME as LANGID_MODEL
from comparekit.langid import MODEL_SHA256 as LANGID_SHA256
from comparekit.langid import identify
from comparekit.load import load_path
from comparekit.results import Alignment, Comparison, SkippedSource
from comparekit.segment import segment
from comparekit.settings import Settings

log = logging.getLogger(__name__)

Source = str | os.PathLike[str] | Document

#: The per-document stages, in order. Each is ``stage(doc, *, settings) -> Document``.
DOCUMENT_STAGES: tuple[tuple[str, Callable[..., Document]], ...] = (
    ("clean", clean),
    ("segment", segment),
    ("langid", identify),
)


def prepare(doc: Document, *, settings: Settings, timings: dict[str, float] | None = None) -> Document:
    """Run the per-document stages on a loaded document, checking each one's output.
    ``timings``, when given, gets each stage's seconds added under its name."""
    for name, stage in DOCUMENT_STAGES:
        t0 = time.perf_counter()
        out = stage(doc, settings=settings)
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t0
        if not isinstance(out, Document):
            raise StageError(f"stage {name!r} returned {type(out).__name__}, not a Document")
        if out.raw_text != doc.raw_text:
            raise StageError(f"stage {name!r} changed the raw text of {doc.id}")
        doc = out
    return doc


def load_sources(sources: Sequence[Source], *, settings: Settings) -> list[Document]:
    """Load paths (or take Documents as they are), giving every document a unique id.

    Any bad source raises :class:`InputError`; see :func:`load_available` to skip them."""
    docs: list[Document] = []
    seen: dict[str, int] = {}
    for source in sources:
        doc = source if isinstance(source, Document) else load_path(source, settings=settings)
        n = seen.get(doc.id, 0)
        seen[doc.id] = n + 1
        if n:
            import dataclasses

            doc = dataclasses.replace(doc, id=f"{doc.id}-{n + 1}")
        if settings.translation.translated_from:
            from comparekit.detect.translation import mark_translated

            doc = mark_translated(doc, settings.translation.translated_from)
        docs.append(doc)
    return docs


def load_available(
    sources: Sequence[Source], *, settings: Settings, minimum: int
) -> tuple[list[Document], list[SkippedSource]]:
    """Load what can be loaded; a bad source is skipped (and reported), not fatal,
    as long as at least ``minimum`` documents remain. Otherwise the first source's
    error is raised."""
    good: list[Source] = []
    skipped: list[SkippedSource] = []
    first_error: InputError | None = None
    for source in sources:
        if isinstance(source, Document):
            good.append(source)
            continue
        try:
            good.append(load_path(source, settings=settings))
        except InputError as exc:
            first_error = first_error or exc
            skipped.append(SkippedSource(str(source), str(exc)))
    if len(good) < minimum:
        raise first_error or InputError(f"need at least {minimum} sources, got {len(good)}")
    return load_sources(good, settings=settings), skipped


def embed_document(doc: Document, encoder: Encoder) -> np.ndarray | None:
    """Embeddings of a document's alignable segments, ``[n_alignable, dim]``, or ``None``
    when the encoder does not know the document's language."""
    if encoder.languages is not None and doc.language not in encoder.languages:
        return None
    texts = [s.text for s in doc.segments if s.alignable]
    return encoder.encode(texts)


def decode_notes(docs: Sequence[Document]) -> list[str]:
    """A note per document with bytes that were not valid UTF-8 (see ``load.decode_bytes``)."""
    return [
        f"{d.id}: {d.meta['decode_errors']} byte sequence(s) are not valid UTF-8 and read as U+FFFD"
        + (
            ""
            if d.meta.get("format") == "html"
            else "; offsets are into the file decoded with errors='replace'"
        )
        for d in docs
        if d.meta.get("decode_errors")
    ]


def language_notes(docs: Sequence[Document], encoder: Encoder) -> list[str]:
    """A note per document the encoder cannot embed, and per document whose pairs are
    checked for numbers and dates only (see ``compare.relate.LANGUAGE_FREE_TYPES``)."""
    from comparekit.compare.lexicon import LANGUAGES

    notes = []
    for doc in docs:
        if len(docs) > 1 and doc.language not in LANGUAGES:
            notes.append(
                f"{doc.id}: names, titles, negation, modality and attribution are compared in"
                f" {', '.join(LANGUAGES)} only; its pairs are checked for numbers and dates"
            )
        if encoder.languages is not None and doc.language is None:
            notes.append(f"{doc.id}: language could not be identified; aligned on the lexical channel only")
        elif encoder.languages is not None and doc.language not in encoder.languages:
            notes.append(
                f"{doc.id}: language {doc.language!r} is not one of encoder {encoder.name}'s"
                f" languages; aligned on the lexical channel only"
            )
    return notes


def _effective_settings(settings: Settings, encoder: Encoder | None) -> dict:
    out: dict = {"mode": settings.align.mode}
    if encoder is not None:
        out.update({"encoder": encoder.name, "encoder_sha256": encoder.sha256, "encoder_dim": encoder.dim})
    out.update({"langid_model": LANGID_MODEL, "langid_model_sha256": LANGID_SHA256})
    out.update(settings.to_dict())
    return out


def compare(sources: Sequence[Source], *, settings: Settings | None = None) -> Comparison:
    """Compare two or more sources: every pair is aligned and compared.

    ``sources`` are paths or loaded Documents, in the order the report keeps.
    """
    settings = settings or Settings()
    docs, skipped = prepare_documents(sources, settings=settings, minimum=2)
    vectors = embed_documents(docs, get_encoder(settings=settings))
    return compare_prepared(docs, vectors, settings=settings, skipped=skipped)


def prepare_documents(
    sources: Sequence[Source], *, settings: Settings, minimum: int = 1
) -> tuple[list[Document], list[SkippedSource]]:
    """Load and run the per-document stages; bad sources are skipped (see
    :func:`load_available`)."""
    loaded, skipped = load_available(sources, settings=settings, minimum=minimum)
    return [prepare(d, settings=settings) for d in loaded], skipped


def embed_documents(docs: Sequence[Document], encoder: Encoder) -> dict[str, np.ndarray | None]:
    """:func:`embed_document` for many documents with one ``encode`` call (full batches
    instead of one small batch per document), keyed by document id. Vectors agree with
    per-document encoding to ~1e-7 (batch padding); the same batches give the same bits."""
    known = [d for d in docs if encoder.languages is None or d.language in encoder.languages]
    texts = [s.text for d in known for s in d.segments if s.alignable]
    matrix = encoder.encode(texts) if texts else None
    out: dict[str, np.ndarray | None] = {d.id: None for d in docs}
    start = 0
    for d in known:
        n = sum(1 for s in d.segments if s.alignable)
        out[d.id] = matrix[start : start + n] if matrix is not None else encoder.encode([])
        start += n
    return out


def _covers(encoder: Encoder, da: Document, db: Document) -> bool:
    """Whether ``encoder`` reads both documents' languages (cross-language cosines mean
    something only then)."""
    langs = encoder.languages
    return langs is None or (da.language in langs and db.language in langs)


def align_pair(
    da: Document, db: Document, va: np.ndarray | None, vb: np.ndarray | None, *, settings: Settings
) -> Alignment:
    """The per-pair stages: align two prepared documents, then relate their claims.
    ``va``/``vb``: ``[n_alignable, dim]`` or ``None``."""
    alignment = align(da, db, va, vb, settings=settings)
    return relate(alignment, da, db, va, vb, settings=settings)


def compare_prepared(
    docs: Sequence[Document],
    vectors: Mapping[str, np.ndarray | None],
    *,
    settings: Settings,
    skipped: Sequence[SkippedSource] = (),
    timings: dict[str, float] | None = None,
) -> Comparison:
    """The per-pair and cross-document stages on prepared, embedded documents: every
    pair is aligned and compared (corpus mode calls this once per story). ``timings``,
    when given, gets the seconds of align, relate (compare), detect and framing added."""
    clock = _Clock(timings)
    encoder = get_encoder(settings=settings)
    # Names the other side translates are looked up by meaning with the encoder behind the
    # disk cache (runs of a sentence's words would fill the cache with fragments).
    raw = getattr(encoder, "inner", encoder)
    alignments = []
    pair_similarity = []
    for da, db in combinations(docs, 2):
        with clock("align"):
            alignment = align(da, db, vectors[da.id], vectors[db.id], settings=settings)
        with clock("relate"):
            encode = raw.encode if _covers(raw, da, db) else None
            alignment = relate(
                alignment, da, db, vectors[da.id], vectors[db.id], settings=settings, encode=encode
            )
        alignments.append(alignment)
        pair_similarity.append({"a": da.id, "b": db.id, "similarity": similarity(alignment, da, db)})
    with clock("detect"):
        findings = [f for d in docs for f in run_document_detectors(d, settings=settings)]
        findings += run_cross_detectors(docs, alignments, settings=settings)
    with clock("framing"):
        framing = frame_profile(docs, alignments, encoder, vectors, settings=settings)
    eff = _effective_settings(settings, encoder)
    if alignments:
        eff["mode"] = alignments[0].mode
    return Comparison(
        documents=tuple(docs),
        alignments=tuple(alignments),
        findings=tuple(sort_findings(findings, [d.id for d in docs])),
        settings=eff,
        framing=framing,
        notes=tuple(decode_notes(docs) + language_notes(docs, encoder)),
        summary={"pairs": pair_similarity},
        skipped=tuple(skipped),
    )


class _Clock:
    """``with clock(name):`` adds the block's seconds to ``timings[name]`` (if any)."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings

    @contextlib.contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            if self.timings is not None:
                self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0


def analyze(sources: Sequence[Source], *, settings: Settings | None = None) -> Comparison:
    """Check single documents (no alignment): segments, languages and flags."""
    settings = settings or Settings()
    loaded, skipped = load_available(sources, settings=settings, minimum=1)
    docs = [prepare(d, settings=settings) for d in loaded]
    findings = [f for d in docs for f in run_document_detectors(d, settings=settings)]
    if "scrape" in settings.detect.enabled:  # lines repeated across one outlet's documents
        findings += run_cross_detectors(docs, (), settings=settings, names=["scrape"])
    framing = frame_profile(docs, (), get_encoder(settings=settings), None, settings=settings)
    eff = _effective_settings(settings, None)
    eff["mode"] = "analyze"
    return Comparison(
        documents=tuple(docs),
        alignments=(),
        findings=tuple(sort_findings(findings, [d.id for d in docs])),
        settings=eff,
        framing=framing,
        notes=tuple(decode_notes(docs)),
        skipped=tuple(skipped),
    )
