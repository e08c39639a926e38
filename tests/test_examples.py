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
    readme = PROJECT / "README.md"
    text = readme.read_text(encoding="utf-8")
    output = _tfvarlint("src", cwd=PROJECT)
    assert ": E7304: " in output
    if os.environ.get("TFVARLINT_UPDATE_DOCS"):
        text = CONSOLE.sub(lambda m: m[1] + output + m[3], text, count=1)
        readme.write_text(text, encoding="utf-8")
    shown = CONSOLE.search(text)
    assert shown, "no ```console $ tfvarlint src block in examples/project/README.md"
    assert shown[2] == output, "stale: TFVARLINT_UPDATE_DOCS=1 regenerates it"


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
