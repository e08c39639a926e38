"""Helpers for the workflow tests: run the real commands (pylint, tfvarlint, pre-commit)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

# A tf.function that creates a variable on every trace: E7302 at line 6, column 8.
DEFECT = """\
import tensorflow as tf


@tf.function
def step(x):
    v = tf.Variable(1.0)
    return x * v
"""
DEFECT_LINE, DEFECT_COLUMN = 6, 8
FIXED = """\
import tensorflow as tf

v = tf.Variable(1.0)


@tf.function
def step(x):
    return x * v
"""


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child process: no Keras selector, no coloured output."""
    env = {k: v for k, v in os.environ.items() if k not in ("TF_USE_LEGACY_KERAS", "FORCE_COLOR")}
    env.update(extra)
    return env


def run(args: list[str], cwd: Path, *, stdin: str | None = None, **env: str):
    return subprocess.run(
        args,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=clean_env(**env),
        timeout=600,
        check=False,
    )


def tfvarlint(*args: str, cwd: Path, stdin: str | None = None):
    """``python -m tfvarlint ARGS`` in ``cwd``."""
    return run([sys.executable, "-m", "tfvarlint", *args], cwd, stdin=stdin)


def pylint(*args: str, cwd: Path, stdin: str | None = None):
    """``python -m pylint ARGS`` in ``cwd``."""
    return run([sys.executable, "-m", "pylint", *args], cwd, stdin=stdin)


def require(module: str):
    """Import a test-extra tool; skipped outside CI when it is missing, failing in CI."""
    if os.environ.get("CI"):
        return __import__(module)
    return pytest.importorskip(module)


def make_project(root: Path, files: dict[str, str], pyproject: str = "") -> Path:
    """A directory with its own pyproject.toml (so no outer configuration applies)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0"\n' + pyproject)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


GIT = ["git", "-c", "user.name=tfvarlint-test", "-c", "user.email=test@invalid", "-c", "commit.gpgsign=false"]


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, text=True, env=clean_env())
    return done.stdout


def version() -> str:
    """The version in pyproject.toml (what a release tag names)."""
    found = re.search(r'^version = "([^"]+)"', (REPO / "pyproject.toml").read_text(), re.M)
    assert found, "no version in pyproject.toml"
    return found[1]


def tagged_repository(dest: Path) -> tuple[Path, str]:
    """This checkout's files as they are on disk, committed in a new repository and tagged
    ``v<version>``, then cloned bare: ``(bare repository, tag)``, as a release would be.

    Tracked and untracked-but-not-ignored files are copied, so uncommitted edits are tested.
    """
    if not (REPO / ".git").exists():
        pytest.skip("needs a git checkout of tfvarlint")
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO)
    work = dest / "work"
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, work / name)
    tag = f"v{version()}"
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)
    git("commit", "-q", "-m", "release", cwd=work)
    git("tag", tag, cwd=work)
    bare = dest / "tfvarlint.git"
    git("clone", "-q", "--bare", str(work), str(bare), cwd=dest)
    return bare, tag


def fresh_venv(path: Path) -> Path:
    """A new virtual environment (no tfvarlint, no pylint); returns its bin directory."""
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    return path / ("Scripts" if os.name == "nt" else "bin")


def venv_env(**extra: str) -> dict[str, str]:
    """clean_env without PYTHONPATH: a fresh environment must use only what it installed."""
    env = clean_env(**extra)
    env.pop("PYTHONPATH", None)
    return env


def run_installed(args: list[str], cwd: Path):
    """Run a program of a fresh virtual environment (see venv_env)."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=venv_env(), timeout=600, check=False)


def pip_install(bin_dir: Path, *requirements: str) -> None:
    done = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check", *requirements],
        capture_output=True,
        text=True,
        env=venv_env(),
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
