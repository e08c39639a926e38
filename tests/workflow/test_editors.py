"""Editors run ``pylint --from-stdin PATH`` on the unsaved buffer; messages must come through.

The VS Code pylint extension (microsoft/vscode-pylint) runs, in the workspace folder,
``python -m pylint --reports=n --output-format=json --clear-cache-post-run=y <pylint.args>
--from-stdin <file>`` with the buffer on standard input, and turns each message into an LSP
diagnostic at (line - 1, column) .. (endLine - 1, endColumn). nvim-lint and ALE run the
same ``--from-stdin`` form. These tests run that command on ``examples/project``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from workflow_support import DEFECT, DEFECT_COLUMN, DEFECT_LINE, FIXED, REPO, make_project, pylint

EXAMPLE = REPO / "examples" / "project"
MODEL = Path("src") / "example_model" / "model.py"
OURS = {"E7301", "E7302", "W7303", "E7304", "E7305", "W7306", "W7307"}


def _vscode_args() -> list[str]:
    settings = json.loads((EXAMPLE / ".vscode" / "settings.json").read_text())
    return list(settings.get("pylint.args", []))


def _as_vscode(workspace: Path, path: Path, buffer: str) -> list[dict]:
    """The extension's command line; returns our messages from its JSON output."""
    result = pylint(
        "--reports=n",
        "--output-format=json",
        "--clear-cache-post-run=y",
        *_vscode_args(),
        "--from-stdin",
        str(path),
        cwd=workspace,
        stdin=buffer,
    )
    assert result.stdout.strip(), result.stderr
    return [m for m in json.loads(result.stdout) if m["message-id"] in OURS]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "project")
    return tmp_path / "project"


def test_example_project_buffer_position(workspace: Path) -> None:
    source = (workspace / MODEL).read_text()
    [message] = _as_vscode(workspace, MODEL, source)
    assert message["symbol"] == "keras-layer-created-in-call"
    assert message["type"] == "error"
    # LSP range: 0-based line, column as given; it must cover the offending call.
    line = source.splitlines()[message["line"] - 1]
    assert line[message["column"] :].startswith("tf.keras.layers.Dense(self.classes)"), line
    assert message["endLine"] == message["line"]
    assert line[message["column"] : message["endColumn"]] == "tf.keras.layers.Dense(self.classes)"


def test_unsaved_buffer_is_linted_not_the_file_on_disk(workspace: Path) -> None:
    """The editor's buffer (stdin) counts: the disk copy is clean, the buffer is not."""
    target = workspace / "src" / "example_model" / "steps.py"
    target.write_text(FIXED)
    messages = _as_vscode(workspace, target.relative_to(workspace), DEFECT)
    assert [(m["symbol"], m["line"], m["column"]) for m in messages] == [
        ("tf-variable-created-in-tf-function", DEFECT_LINE, DEFECT_COLUMN)
    ]
    assert DEFECT.splitlines()[DEFECT_LINE - 1][DEFECT_COLUMN:].startswith("tf.Variable(")
    # ... and the fixed buffer clears the diagnostic.
    assert _as_vscode(workspace, target.relative_to(workspace), FIXED) == []


def test_from_stdin_with_plugin_on_the_command_line(tmp_path: Path) -> None:
    """nvim-lint's command (``pylint -f json --from-stdin <buffer name>``) with the plugin's
    arguments prepended, as docs/editors.md says; no pyproject configures the plugin."""
    project = make_project(tmp_path / "p", {})
    result = pylint(
        "--load-plugins=tfvarlint",
        "--disable=all",
        "--enable=tfvarlint",
        "-f",
        "json",
        "--from-stdin",
        str(project / "buffer.py"),  # an unsaved buffer: no such file on disk
        cwd=project,
        stdin=DEFECT,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    [message] = json.loads(result.stdout)
    assert (message["message-id"], message["line"], message["column"]) == ("E7302", DEFECT_LINE, DEFECT_COLUMN)
    assert message["endColumn"] == DEFECT_COLUMN + len("tf.Variable(1.0)")
    assert message["type"] == "error"
