"""GitHub Actions annotations: ``--output-format=github`` prints ``::error file=...`` lines."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

from workflow_support import DEFECT, REPO, make_project, pylint, require, tfvarlint

LAYER = """\
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(1.0)

    def call(self, x):
        return x * self.w
"""
# ::error file={path},line={line},endline={end_line},col={column},title={msg_id}::{msg}
ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),"
    r"endline=(?P<endline>\d*),col=(?P<col>\d+),title=(?P<title>[A-Z]\d{4})::(?P<msg>.+)$"
)


def _annotations(stdout: str) -> list[dict[str, str]]:
    found = [ANNOTATION.match(line) for line in stdout.splitlines() if line.startswith("::")]
    assert all(found), stdout
    return [m.groupdict() for m in found if m]


def test_github_format_with_pylint(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"src/pkg/train.py": DEFECT, "src/pkg/layer.py": LAYER})
    result = pylint(
        "--load-plugins=tfvarlint",
        "--disable=all",
        "--enable=tfvarlint",
        "--output-format=github",
        "--recursive=y",
        "src",
        cwd=project,
    )
    assert result.returncode == 2 | 4, result.stdout + result.stderr
    found = sorted(_annotations(result.stdout), key=lambda a: a["file"])
    assert [(a["level"], a["file"], a["line"], a["col"], a["title"]) for a in found] == [
        ("warning", "src/pkg/layer.py", "7", "17", "W7306"),
        ("error", "src/pkg/train.py", "6", "8", "E7302"),
    ]
    assert "untracked-tf-variable" not in found[0]["msg"]  # the symbol is not in github's template
    assert "on every trace" in found[1]["msg"]


def test_github_format_with_the_command(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = tfvarlint("--output-format=github", cwd=project)
    assert result.returncode == 2
    [annotation] = _annotations(result.stdout)
    assert annotation["file"] == "train.py" and annotation["line"] == "6"
    assert annotation["level"] == "error" and annotation["title"] == "E7302"


def test_example_workflow_lint_step(tmp_path: Path) -> None:
    """examples/github-actions.yml: its lint command annotates and writes the SARIF it uploads."""
    yaml = require("yaml")
    workflow = yaml.safe_load((REPO / "examples" / "github-actions.yml").read_text())
    steps = workflow["jobs"]["tfvarlint"]["steps"]
    [lint] = [s for s in steps if str(s.get("run", "")).startswith("tfvarlint ")]
    [upload] = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert workflow["permissions"]["security-events"] == "write"

    project = make_project(tmp_path / "p", {"src/train.py": DEFECT, "src/ok.py": "x = 1\n"})
    result = tfvarlint(*shlex.split(lint["run"])[1:], cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    [annotation] = _annotations(result.stdout)
    assert (annotation["level"], annotation["file"], annotation["line"]) == ("error", "src/train.py", "6")
    log = json.loads((project / upload["with"]["sarif_file"]).read_text())
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E7302"]
