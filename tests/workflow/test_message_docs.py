"""docs/messages/<symbol>.md: one page per message, in ruff's rule-page form, whose code is true.

The page's ``## Example`` code must trigger its message and its ``## Use instead`` code
must trigger no tfvarlint message at all; both are linted here with the plugin.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from tfvarlint.checker import MSGS
from tfvarlint.docs_url import message_url
from workflow_support import REPO

DOCS = REPO / "docs" / "messages"
SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "Known problems", "Options"]
ALL_MESSAGES = {symbol: msg_id for msg_id, (_, symbol, *_rest) in MSGS.items()}
# Messages about code (not tfvarlint's own failure, F73xx): their pages show code that
# triggers them.
MESSAGES = {symbol: msg_id for symbol, msg_id in ALL_MESSAGES.items() if msg_id[0] != "F"}
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2])}


def _python_blocks(body: str) -> list[str]:
    return [code for lang, code in FENCE.findall(body) if lang == "python"]


def _lint(code: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code)
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    reporter = CollectingReporter()
    Run(
        [
            "--load-plugins=tfvarlint",
            "--disable=all",
            "--enable=tfvarlint,syntax-error",
            "--persistent=n",
            "--score=n",
            str(path),
        ],
        reporter=reporter,
        exit=False,
    )
    return [msg.symbol for msg in reporter.messages]


def test_every_page_is_a_message() -> None:
    pages = {page.stem for page in DOCS.glob("*.md")}
    assert pages == set(ALL_MESSAGES)


def test_internal_error_page() -> None:
    text = (DOCS / "tfvarlint-internal-error.md").read_text()
    assert text.startswith("# tfvarlint-internal-error (F7399)\n")
    assert "TFVARLINT_DEBUG" in text


@pytest.mark.parametrize("symbol", sorted(MESSAGES))
def test_page_form(symbol: str) -> None:
    page = DOCS / f"{symbol}.md"
    assert page.is_file(), f"missing {page}"
    text = page.read_text()
    assert text.startswith(f"# {symbol} ({MESSAGES[symbol]})\n")
    sections = _sections(text)
    assert [s for s in sections if s in SECTIONS] == SECTIONS, list(sections)
    for title in SECTIONS:
        assert sections[title].strip(), f"{symbol}: empty section {title!r}"
    # Why is this bad? shows what a real run printed: an error or the measured effect.
    assert any(lang == "text" for lang, _ in FENCE.findall(sections["Why is this bad?"]))
    assert _python_blocks(sections["Example"]) and _python_blocks(sections["Use instead"])


@pytest.mark.parametrize("symbol", sorted(ALL_MESSAGES))
def test_help_text_points_to_page(symbol: str) -> None:
    msg_id = ALL_MESSAGES[symbol]
    help_text = MSGS[msg_id][2]
    assert help_text.endswith(f"See {message_url(symbol)}")
    assert message_url(symbol).endswith(f"/docs/messages/{symbol}.md")
    assert (REPO / f"docs/messages/{symbol}.md").is_file()


@pytest.mark.parametrize("symbol", sorted(MESSAGES))
def test_example_triggers_and_use_instead_does_not(
    symbol: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sections = _sections((DOCS / f"{symbol}.md").read_text())
    for i, code in enumerate(_python_blocks(sections["Example"])):
        found = _lint(code, tmp_path / f"example{i}" / f"{symbol.replace('-', '_')}_example.py", monkeypatch)
        assert symbol in found, f"Example {i} of {symbol} gives {found}"
        assert "syntax-error" not in found
    for i, code in enumerate(_python_blocks(sections["Use instead"])):
        found = _lint(code, tmp_path / f"fixed{i}" / f"{symbol.replace('-', '_')}_fixed.py", monkeypatch)
        assert found == [], f"Use instead {i} of {symbol} gives {found}"
