"""examples/: every bad example is reported, every good one is clean, and the output shown
in the README is the output pylint really gives."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def _lint(*paths: Path) -> str:
    # The README shows the Keras version decided from examples/requirements.txt: no
    # TF_USE_LEGACY_KERAS from the calling shell overrides it.
    env = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=tfvarlint", "--disable=all",
         "--enable=tfvarlint", "--persistent=n", "--score=n", *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, env=env, check=False,
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


README_SAMPLE = re.compile(r"(The first command prints:\n\n```\n)(.*?)(```)", re.S)


def test_readme_shows_the_real_output() -> None:
    """README.md's sample is pylint's output on examples/*.py as printed: module headers
    and message order included (not sorted), so a run that prints line 10 before line 9
    fails. Regenerate it with ``TFVARLINT_UPDATE_DOCS=1 pytest tests/test_examples.py``."""
    output = _lint(*EXAMPLES)
    assert re.search(r"^examples/\w+\.py:\d+:\d+: [EW]73", output, re.M), output
    shown = _regenerated_or_shown(ROOT / "README.md", README_SAMPLE, output)
    assert shown is not None, "no 'The first command prints:' block in README.md"
    assert shown == output, "README.md's sample is stale: TFVARLINT_UPDATE_DOCS=1 regenerates it"


def _regenerated_or_shown(page: Path, block: re.Pattern[str], output: str) -> str | None:
    """The text of ``block`` (its group 2) in ``page``; with TFVARLINT_UPDATE_DOCS set, the
    block is first rewritten to ``output``. None when the page has no such block."""
    text = page.read_text(encoding="utf-8")
    if os.environ.get("TFVARLINT_UPDATE_DOCS"):
        text = block.sub(lambda m: m[1] + output + m[3], text, count=1)
        page.write_text(text, encoding="utf-8")
    shown = block.search(text)
    return shown[2] if shown else None


PROJECT = ROOT / "examples" / "project"
CONSOLE = re.compile(r"(```console\n(?:\$ .*\n)*?\$ tfvarlint src\n)(.*?)(```)", re.S)


def _tfvarlint(*args: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    result = subprocess.run(
        [sys.executable, "-m", "tfvarlint", *args], capture_output=True, text=True, cwd=cwd, env=env, check=False
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result.stdout


def test_example_project_readme_shows_the_real_output() -> None:
    """examples/project/README.md's `tfvarlint src` block is the command's output.

    Regenerate it with ``TFVARLINT_UPDATE_DOCS=1 pytest tests/test_examples.py``."""
    output = _tfvarlint("src", cwd=PROJECT)
    assert ": E7304: " in output
    shown = _regenerated_or_shown(PROJECT / "README.md", CONSOLE, output)
    assert shown is not None, "no ```console $ tfvarlint src block in examples/project/README.md"
    assert shown == output, "stale: TFVARLINT_UPDATE_DOCS=1 regenerates it"


def test_install_instructions_use_the_repository_url_and_current_tag() -> None:
    import tfvarlint
    from tfvarlint.docs_url import REPOSITORY_URL

    requirement = f"tfvarlint @ git+{REPOSITORY_URL}@v{tfvarlint.__version__}"
    assert requirement in (ROOT / "examples" / "github-actions.yml").read_text(encoding="utf-8")
    assert requirement in (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    for path in [*ROOT.glob("docs/*.md"), *ROOT.glob("examples/**/*"), ROOT / "README.md"]:
        if path.is_file() and path.suffix in (".md", ".yml", ".yaml", ".toml"):
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"pip install (-U )?tfvarlint\b(?!\[)", text), path  # not on PyPI
