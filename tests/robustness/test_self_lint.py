"""The plugin's own code passes pylint (with tfvarlint loaded) and a strict ruff.

Both read their configuration from ``pyproject.toml`` (``[tool.pylint.*]``, whose
``load-plugins`` loads tfvarlint, and ``[tool.ruff]``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from robustness_support import debug_env

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "tfvarlint"


def test_pylint_with_the_plugin_passes_on_src() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={ROOT / 'pyproject.toml'}",
         "--persistent=n", "--score=n", "--reports=n", str(SRC)],
        cwd=ROOT, env=debug_env(), capture_output=True, text=True, check=False, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "tfvarlint: internal error" not in proc.stderr


def test_pylint_config_loads_the_plugin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", f"--rcfile={ROOT / 'pyproject.toml'}",
         "--list-msgs-enabled"],
        cwd=ROOT, env=debug_env(), capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert "tf-variable-created-in-call" in proc.stdout, proc.stdout[-2000:] + proc.stderr


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found:
        return [found]
    try:
        import ruff  # noqa: F401  # pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        pytest.fail("ruff is not installed: pip install -e '.[test]'")
    return [sys.executable, "-m", "ruff"]


def test_ruff_strict_passes_on_src() -> None:
    proc = subprocess.run(
        [*_ruff(), "check", "--no-cache", str(SRC)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
