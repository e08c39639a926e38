"""examples/: every bad example is reported, every good one is clean, and the output shown
in the README is the output pylint really gives."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def _lint(*paths: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=tfvarlint", "--disable=all",
         "--enable=tfvarlint", "--persistent=n", "--score=n", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_bad_examples_are_reported_and_good_ones_are_clean() -> None:
    output = _lint(*EXAMPLES)
    reported = set(re.findall(r"^examples/(\w+)\.py:", output, re.M))
    bad = {path.stem for path in EXAMPLES if path.stem.startswith("bad_")}
    good = {path.stem for path in EXAMPLES if path.stem.startswith("good_")}
    assert bad and good
    assert bad <= reported, output
    assert not good & reported, output


def test_readme_shows_the_real_output() -> None:
    output = _lint(*EXAMPLES)
    lines = sorted(line for line in output.splitlines() if line.startswith("examples/"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = sorted(line for line in readme.splitlines() if line.startswith("examples/") and ": " in line and re.search(r":\d+:\d+: [EW]73", line))
    assert lines == shown
