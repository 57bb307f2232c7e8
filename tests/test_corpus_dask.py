"""Corpus mode on a real Dask scheduler and worker processes on loopback: the results
must be byte-identical to the in-process run, and each worker loads its encoder once.

The cluster is bounded (two worker processes, one thread each, 127.0.0.1 only, no
dashboard) and stops itself when the test ends; the test has a timeout.
"""

from __future__ import annotations

import csv
import difflib

import pytest
from conftest import require_shared_data

from comparekit.settings import Settings


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_tcp_cluster_matches_in_process_run(tmp_path):
    from distributed import Client

    from comparekit.corpus import tasks
    from comparekit.corpus.run import loopback_cluster, run_corpus

    by_doc = require_shared_data("alignment", "ntrex128", "by_doc")
    manifest = tmp_path / "m.csv"
    with open(manifest, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "outlet", "language"])
        for story in ("001", "003"):
            for lang, code in (("eng", "en"), ("fra", "fr")):
                w.writerow([by_doc / lang / f"{story}.txt", f"ntrex-{lang}", code])
    # One document per chunk: four preparation tasks over two workers.
    settings = Settings({"corpus": {"chunk_documents": 1}})
    local = run_corpus(manifest, tmp_path / "local", settings=settings)
    assert (local.documents, local.stories, local.pairs) == (4, 2, 2)
    with loopback_cluster(processes=True, workers=2) as cluster:
        address = cluster.scheduler_address
        assert address.startswith("tcp://127.0.0.1:")
        remote = run_corpus(manifest, tmp_path / "remote", settings=settings, scheduler=address)
        with Client(address) as client:
            stats = client.run(tasks.worker_stats)
    assert (remote.documents, remote.stories, remote.pairs) == (4, 2, 2)
    files = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*") if p.is_file())
    assert files == sorted(
        p.relative_to(tmp_path / "remote") for p in (tmp_path / "remote").rglob("*") if p.is_file()
    )
    for rel in files:
        a = (tmp_path / "local" / rel).read_bytes()
        b = (tmp_path / "remote" / rel).read_bytes()
        if a != b:
            diff = difflib.unified_diff(a.decode().splitlines(), b.decode().splitlines(), lineterm="", n=2)
            pytest.fail(f"{rel} differs:\n" + "\n".join(list(diff)[:40]))
    # Every worker that prepared documents loaded exactly one encoder, however many
    # tasks it ran; together they ran all four preparation tasks.
    assert sum(s["prepare_tasks"] for s in stats.values()) == 4
    assert all(s["encoders_loaded"] == 1 for s in stats.values() if s["prepare_tasks"]), stats
    assert any(s["prepare_tasks"] + s["pair_tasks"] + s["story_tasks"] > 1 for s in stats.values()), stats


def _distributed_log_level() -> int:
    import logging

    return logging.getLogger("distributed").getEffectiveLevel()


@pytest.mark.timeout(300)
def test_worker_processes_log_only_errors(monkeypatch):
    # Ctrl-C in a `--scheduler processes` run printed a distributed WARNING per cancelled
    # task from the workers after 'comparekit: error: interrupted'
    import logging

    from distributed import Client

    from comparekit.corpus.run import loopback_cluster

    monkeypatch.delenv("DASK_LOGGING__DISTRIBUTED", raising=False)
    monkeypatch.delenv("COMPAREKIT_DEBUG", raising=False)
    with loopback_cluster(processes=True, workers=1) as cluster, Client(cluster) as client:
        levels = client.run(_distributed_log_level)
    assert list(levels.values()) == [logging.ERROR]
