"""The pre-commit hook, run by real pre-commit.

``pre-commit try-repo`` clones a hook repository, installs it into a fresh virtualenv
(pip, from PyPI: pylint and astroid) and runs hook ``tfvarlint`` on a user's repository.
try-repo only sees committed files and tracked changes, so the hook repository here is a
temporary git repository holding this working tree's copy of the files pip and pre-commit
need; the test therefore checks the files as they are on disk, committed or not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workflow_support import DEFECT, FIXED, REPO, clean_env, require

GIT = ["git", "-c", "user.name=tfvarlint-test", "-c", "user.email=test@invalid", "-c", "commit.gpgsign=false"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True, env=clean_env())


def _hook_repository(dest: Path) -> Path:
    """A git repository with this checkout's installable files, committed."""
    dest.mkdir()
    for name in ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, dest / name)
    if not (dest / "README.md").exists():  # pyproject's readme must exist for pip
        (dest / "README.md").write_text("tfvarlint\n")
    shutil.copytree(
        REPO / "src",
        dest / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "hook repository", cwd=dest)
    return dest


def _user_repository(dest: Path, source: str) -> Path:
    dest.mkdir()
    (dest / "train.py").write_text(source)
    (dest / "README.md").write_text("not python\n")
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    return dest


def _try_repo(hooks: Path, user: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "tfvarlint", "--all-files", "--color=never"],
        cwd=user,
        capture_output=True,
        text=True,
        env=clean_env(PRE_COMMIT_HOME=str(home)),
        timeout=600,
        check=False,
    )


def test_hook_definition() -> None:
    yaml = require("yaml")  # pre-commit depends on PyYAML
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    hook = next(h for h in hooks if h["id"] == "tfvarlint")
    assert hook["language"] == "python"
    assert hook["types"] == ["python"]
    assert hook["entry"].split()[0] == "tfvarlint"


def test_try_repo_fails_on_defect_then_passes_when_fixed(tmp_path: Path) -> None:
    require("pre_commit")
    hooks = _hook_repository(tmp_path / "hooks")
    user = _user_repository(tmp_path / "user", DEFECT)
    home = tmp_path / "pre-commit-home"

    failing = _try_repo(hooks, user, home)
    output = failing.stdout + failing.stderr
    assert failing.returncode == 1, output
    assert "tfvarlint" in output and "Failed" in output, output
    assert "train.py:6:8: E7302" in output, output
    assert "tf-variable-created-in-tf-function" in output, output

    (user / "train.py").write_text(FIXED)
    _git("add", "-A", cwd=user)
    passing = _try_repo(hooks, user, home)  # same hook environment, no second install
    output = passing.stdout + passing.stderr
    assert passing.returncode == 0, output
    assert "Passed" in output and "E7302" not in output, output


def test_example_project_local_hook(tmp_path: Path) -> None:
    """examples/project's .pre-commit-config.yaml (a local hook) flags its defect."""
    require("pre_commit")
    user = tmp_path / "project"
    shutil.copytree(REPO / "examples" / "project", user)
    _git("init", "-q", cwd=user)
    _git("add", "-A", cwd=user)
    bin_dir = str(Path(sys.executable).parent)
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color=never"],
        cwd=user,
        capture_output=True,
        text=True,
        env=clean_env(
            PRE_COMMIT_HOME=str(tmp_path / "home"),
            PATH=bin_dir + ":" + clean_env().get("PATH", ""),
        ),
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "keras-layer-created-in-call" in output, output


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
