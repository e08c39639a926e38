"""The whole standard library of the Python running the tests, linted with the plugin.

The slow test of the suite (a few minutes on two cores): pylint with ``-j 2`` and only the
plugin's messages plus ``astroid-error``/``fatal``, on every ``.py`` file of the standard
library (tests and data files included, ``site-packages`` left out). Two passes: the plugin
as users load it (most modules import no TensorFlow and are skipped by its prefilter), and
with ``robustness_force`` so that all of its analysis runs on every module. No plugin
crash is allowed; astroid's own failures are printed apart (``-s`` shows them).
"""

from __future__ import annotations

import sysconfig
from collections import Counter
from pathlib import Path

import pytest
from robustness_support import ONLY_CRASHES, ONLY_PLUGIN, plugin_crashes, run_subprocess

HERE = Path(__file__).resolve().parent
STDLIB = Path(sysconfig.get_paths()["stdlib"]).resolve()


def stdlib_files() -> list[Path]:
    return sorted(
        path
        for path in STDLIB.rglob("*.py")
        if not {"site-packages", "dist-packages"} & set(path.relative_to(STDLIB).parts)
        and path.is_file()
    )


@pytest.mark.parametrize("forced", [False, True], ids=["as-loaded", "forced-analysis"])
def test_stdlib_never_crashes_the_plugin(tmp_path: Path, forced: bool) -> None:
    files = stdlib_files()
    assert len(files) > 500, f"standard library not found under {STDLIB}"
    outcome = run_subprocess(
        files,
        jobs=2,
        extra=ONLY_PLUGIN,
        cwd=tmp_path,
        plugins=["robustness_force"] if forced else [],
        pythonpath=[HERE] if forced else [],
    )
    crashes, astroid_own = plugin_crashes(
        outcome,
        lambda paths: run_subprocess(paths, plugin=False, extra=ONLY_CRASHES, cwd=tmp_path),
    )
    for message in astroid_own:
        print(f"astroid's own failure (also without the plugin): {message.path}: {message.symbol}")
    assert not crashes, "\n\n".join(crashes)
    symbols = Counter(message.symbol for message in outcome.messages)
    print(f"{len(files)} stdlib files: {dict(symbols)}, {len(astroid_own)} astroid failures")
