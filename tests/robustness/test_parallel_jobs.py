"""``-j 2`` gives the same messages as ``-j 1`` on the functional fixtures.

All fixtures of ``tests/functional`` are linted in one run with the functional tests'
configuration (``tests/functional/tfvarlint.rc``), once sequentially and once with two
worker processes; the plugin's caches (class roles, helper summaries, imported project
modules) must not make the messages depend on which process saw which module first.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pylint.testutils.functional import get_functional_test_files_from_directory
from robustness_support import Outcome, plugin_crashes, run_subprocess

FUNCTIONAL = Path(__file__).resolve().parents[1] / "functional"
SUPPORT = FUNCTIONAL / "_support"  # the project packages the fixtures import


def _run(tmp_path: Path, files: list[str], jobs: int) -> Outcome:
    work = tmp_path / f"j{jobs}"
    work.mkdir()
    shutil.copy(FUNCTIONAL / "tfvarlint.rc", work / "functional.rc")
    outcome = run_subprocess(
        files, jobs=jobs, cwd=work, rcfile=work / "functional.rc", pythonpath=[SUPPORT]
    )
    crashes, _ = plugin_crashes(
        outcome,
        lambda paths: run_subprocess(
            paths,
            plugin=False,
            cwd=work,
            extra=["--disable=all", "--enable=astroid-error,fatal"],
            pythonpath=[SUPPORT],
        ),
    )
    assert not crashes, "\n\n".join(crashes)
    return outcome


def test_two_jobs_give_the_same_messages_as_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    files = sorted(
        test.source
        for test in get_functional_test_files_from_directory(FUNCTIONAL)
        if not any(part.startswith("_") for part in Path(test.source).relative_to(FUNCTIONAL).parts)
    )
    assert len(files) >= 10
    one = _run(tmp_path, files, jobs=1)
    two = _run(tmp_path, files, jobs=2)
    sequential = sorted(m.key() for m in one.messages)
    parallel = sorted(m.key() for m in two.messages)
    plugin_symbols = ("tf-", "keras-", "untracked", "trainable")
    assert sum(m.symbol.startswith(plugin_symbols) for m in one.messages) >= 10
    only_one = sorted(set(sequential) - set(parallel))
    only_two = sorted(set(parallel) - set(sequential))
    assert sequential == parallel, f"only with -j 1: {only_one}\nonly with -j 2: {only_two}"
