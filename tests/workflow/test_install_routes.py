"""The install routes docs/workflows.md documents, each run for real (slow: fresh virtual
environments, pylint and astroid from the package index).

The repository routes use a local bare repository (``file://`` URL) holding this checkout
as a release would: committed and tagged ``v<version>`` (workflow_support.tagged_repository).
The wheel route is tests/test_packaging.py; ``repo: local`` is test_precommit.py.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from workflow_support import (
    DEFECT,
    FIXED,
    REPO,
    fresh_venv,
    git,
    pip_install,
    require,
    run_installed,
    tagged_repository,
    venv_env,
    version,
)

pytestmark = pytest.mark.slow
EXAMPLE = REPO / "examples" / "bad_layer_in_tf_function.py"


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    return tagged_repository(tmp_path_factory.mktemp("release"))


def _lints_an_example(bin_dir: Path, cwd: Path) -> None:
    (cwd / EXAMPLE.name).write_text(EXAMPLE.read_text())
    result = run_installed([str(bin_dir / "tfvarlint"), EXAMPLE.name], cwd)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{EXAMPLE.name}:9:12: E7302" in result.stdout
    result = run_installed([str(bin_dir / "tfvarlint"), "--version"], cwd)
    assert result.stdout.startswith(f"tfvarlint {version()} ")


def test_pip_install_from_a_clone(release: tuple[Path, str], tmp_path: Path) -> None:
    """docs/workflows.md: git clone <repository URL>; pip install ./tfvarlint"""
    bare, _tag = release
    git("clone", "-q", bare.as_uri(), str(tmp_path / "tfvarlint"), cwd=tmp_path)
    bin_dir = fresh_venv(tmp_path / "venv")
    pip_install(bin_dir, str(tmp_path / "tfvarlint"))
    _lints_an_example(bin_dir, tmp_path)


def test_pip_install_from_a_git_url_at_a_tag(release: tuple[Path, str], tmp_path: Path) -> None:
    """docs/workflows.md: pip install "tfvarlint @ git+<repository URL>@<tag>" """
    bare, tag = release
    bin_dir = fresh_venv(tmp_path / "venv")
    # file://localhost/: pip 23 (a venv's bundled pip) rejects the empty host of file:///
    # in a "name @ URL" requirement; https URLs have a host anyway.
    url = bare.as_uri().replace("file:///", "file://localhost/", 1)
    pip_install(bin_dir, f"tfvarlint @ git+{url}@{tag}")
    _lints_an_example(bin_dir, tmp_path)
    # and plain pylint with the plugin alone gets the SARIF format
    result = run_installed(
        [str(bin_dir / "pylint"), "--load-plugins=tfvarlint", "--output-format=tfvarlint-sarif",
         "--disable=all", "--enable=tfvarlint", EXAMPLE.name],
        tmp_path,
    )
    assert result.returncode == 2 and '"version": "2.1.0"' in result.stdout, result.stderr


def _pre_commit(user: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color=never"],
        cwd=user,
        capture_output=True,
        text=True,
        env=venv_env(PRE_COMMIT_HOME=str(home)),
        timeout=900,
        check=False,
    )


def test_pre_commit_from_the_repository_at_a_tag(release: tuple[Path, str], tmp_path: Path) -> None:
    """docs/workflows.md: repo: <repository URL>, rev: <tag>, hooks: [id: tfvarlint]"""
    require("pre_commit")
    bare, tag = release
    user = tmp_path / "user"
    user.mkdir()
    (user / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {bare.as_uri()}\n    rev: {tag}\n    hooks:\n      - id: tfvarlint\n"
    )
    (user / "train.py").write_text(DEFECT)
    git("init", "-q", cwd=user)
    git("add", "-A", cwd=user)
    failing = _pre_commit(user, tmp_path / "home")
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "train.py:6:8: E7302" in output and "Failed" in output, output

    (user / "train.py").write_text(FIXED)
    git("add", "-A", cwd=user)
    passing = _pre_commit(user, tmp_path / "home")
    output = passing.stdout + passing.stderr
    assert passing.returncode == 0 and "Passed" in output, output
