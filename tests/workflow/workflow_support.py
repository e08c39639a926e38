"""Helpers for the workflow tests: run the real commands (pylint, tfvarlint, pre-commit)."""

from __future__ import annotations

import os
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
