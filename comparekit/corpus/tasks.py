"""Work that runs on Dask workers: per-document stages in chunks, pair similarities for
story grouping, and one story's comparison + report.

Documents travel between processes (LocalCluster, a remote scheduler), so they must
pickle: :class:`~comparekit.document.Document` keeps ``meta`` as a read-only
``mappingproxy``, which pickle cannot handle by itself; importing this module (which
every worker does to run these tasks) registers a reducer for it.
"""

from __future__ import annotations

import copyreg
import dataclasses
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any

from comparekit.corpus.manifest import Entry
from comparekit.document import Document
from comparekit.errors import InputError
from comparekit.results import SkippedSource
from comparekit.settings import Settings


def _mappingproxy(values: dict) -> MappingProxyType:
    """Rebuild a read-only mapping when unpickling."""
    return MappingProxyType(values)


copyreg.pickle(MappingProxyType, lambda m: (_mappingproxy, (dict(m),)))


log = logging.getLogger(__name__)

_STATS_LOCK = threading.Lock()
#: Per-process counters (read on each worker by tests and benchmarks through
#: ``Client.run``): tasks run and encoders constructed in this process.
STATS: dict[str, int] = {"prepare_tasks": 0, "pair_tasks": 0, "story_tasks": 0}


def worker_stats() -> dict[str, int]:
    """This process's task counters plus the number of encoders it has loaded (the
    per-process cache in :func:`comparekit.embed.get_encoder`)."""
    from comparekit import embed

    with _STATS_LOCK:
        return {**STATS, "encoders_loaded": len(embed._ENCODERS)}


def _count(name: str) -> None:
    with _STATS_LOCK:
        STATS[name] += 1


@dataclasses.dataclass(frozen=True)
class PreparedChunk:
    """Prepared documents of one chunk of the manifest, their vectors
    (``id -> [n_alignable, dim]`` or ``None``) and the sources that could not be used."""

    docs: tuple[Document, ...]
    vectors: dict[str, Any]
    skipped: tuple[tuple[int, SkippedSource], ...]
    seconds: dict[str, float]


def prepare_chunk(entries: Sequence[tuple[str, Entry]], settings: Settings) -> PreparedChunk:
    """Load, prepare and embed a chunk of manifest entries ``(doc id, entry)``: the
    per-document stages, once per document, with one ``encode`` call for the chunk."""
    import time

    from comparekit import pipeline
    from comparekit.load import load_path
    from comparekit.pipeline import embed_documents, prepare

    _count("prepare_tasks")
    seconds = {"load": 0.0, "clean": 0.0, "segment": 0.0, "langid": 0.0, "embed": 0.0}
    docs: list[Document] = []
    skipped: list[tuple[int, SkippedSource]] = []
    for doc_id, entry in entries:
        t0 = time.perf_counter()
        try:
            doc = load_path(entry.path, settings=settings, doc_id=doc_id)
        except InputError as exc:
            skipped.append((entry.line, SkippedSource(entry.path, str(exc))))
            continue
        meta = dict(doc.meta)
        meta.update(
            {
                "outlet": entry.outlet,
                "date": entry.date.isoformat() if entry.date else None,
                "url": entry.url,
                "translated_from": entry.translated_from,
                "declared_language": entry.language,
                "manifest_line": entry.line,
            }
        )
        doc = dataclasses.replace(doc, meta=meta)
        t1 = time.perf_counter()
        doc = prepare(doc, settings=settings, timings=seconds)
        if entry.language and doc.language != entry.language:
            # The manifest's language is the user's word for it: it decides which
            # encoder languages apply. Per-segment languages stay as detected.
            doc = dataclasses.replace(doc, language=entry.language, language_confidence=1.0)
        seconds["load"] += t1 - t0
        docs.append(doc)
    t2 = time.perf_counter()
    vectors = embed_documents(docs, pipeline.get_encoder(settings=settings))
    seconds["embed"] = time.perf_counter() - t2
    return PreparedChunk(tuple(docs), vectors, tuple(skipped), seconds)


def chunk_summaries(chunk: PreparedChunk) -> tuple[list, tuple[tuple[int, SkippedSource], ...], dict]:
    """The small part of a chunk the client needs: document summaries (for candidate
    pairs), skipped sources and stage timings."""
    from comparekit.corpus.manifest import parse_date
    from comparekit.corpus.stories import summarise

    out = []
    for doc in chunk.docs:
        date = doc.meta.get("date")
        out.append(summarise(doc, chunk.vectors[doc.id], parse_date(date) if date else None))
    return out, chunk.skipped, chunk.seconds


def score_pairs(
    pairs: Sequence[tuple[str, str]], settings: Settings, *chunks: PreparedChunk
) -> tuple[list[float], float]:
    """:func:`~comparekit.compare.similarity` of each pair of document ids, on the
    alignment alone, and the seconds spent.

    Grouping skips the claim checks (``compare.relate``) that ``compare`` runs between
    align and similarity: they cost 0.5-4 s a pair (measured on NTREX under load) against
    2-90 ms for align, and move the similarity by at most ~0.03 (NTREX translation and
    same-event pairs), far from the story threshold's margins."""
    import time

    from comparekit.align import align
    from comparekit.compare import similarity

    _count("pair_tasks")
    t0 = time.perf_counter()
    docs = {d.id: d for c in chunks for d in c.docs}
    vectors = {k: v for c in chunks for k, v in c.vectors.items()}
    out = []
    for a, b in pairs:
        alignment = align(docs[a], docs[b], vectors[a], vectors[b], settings=settings)
        out.append(similarity(alignment, docs[a], docs[b]))
    return out, time.perf_counter() - t0


def run_story(
    story: dict[str, Any], out_dir: str, settings: Settings, *chunks: PreparedChunk
) -> dict[str, Any]:
    """Compare every pair of one story's documents (``compare_prepared``), write its
    report into ``out_dir/stories/<folder>`` and return its rows for the corpus
    tables. The done-marker is written last, so an interrupted story is redone."""
    import time

    from comparekit.corpus.output import story_rows, write_story

    _count("story_tasks")
    from comparekit.compare.checks import side_cache
    from comparekit.pipeline import compare_prepared

    t0 = time.perf_counter()
    docs = {d.id: d for c in chunks for d in c.docs}
    vectors = {k: v for c in chunks for k, v in c.vectors.items()}
    members = [docs[i] for i in story["docs"]]
    seconds: dict[str, float] = {}
    # Each document takes part in every pair of its story: read its claims once.
    with side_cache():
        comparison = compare_prepared(
            members, {d.id: vectors[d.id] for d in members}, settings=settings, timings=seconds
        )
    t1 = time.perf_counter()
    report = write_story(comparison, Path(out_dir), story)
    rows = story_rows(report, story)
    rows["seconds"] = {**seconds, "compare": t1 - t0, "report": time.perf_counter() - t1}
    return rows
