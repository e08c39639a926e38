"""The ``tfvarlint`` command and ``python -m tfvarlint``."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from tfvarlint.cli import SARIF_REPORTER, pylint_args
from workflow_support import DEFECT, DEFECT_COLUMN, DEFECT_LINE, FIXED, make_project, run, tfvarlint

# A Keras 3 layer storing a raw tf.Variable (W7306), plus things core pylint would report.
UNTRACKED = """\
import os
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(1.0)

    def call(self, x):
        return x * self.w
"""


def test_help() -> None:
    result = tfvarlint("--help", cwd=Path.cwd())
    assert result.returncode == 0
    assert result.stdout.startswith("usage: tfvarlint")
    for word in ("--output-format", "sarif", "github", "exit status"):
        assert word in result.stdout


def test_version() -> None:
    result = tfvarlint("--version", cwd=Path.cwd())
    assert result.returncode == 0
    assert result.stdout.startswith("tfvarlint ") and "pylint" in result.stdout


def test_clean_file_exits_zero(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": FIXED})
    result = tfvarlint("train.py", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_defect_exits_non_zero_with_only_plugin_messages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT, "layer.py": UNTRACKED})
    result = tfvarlint("train.py", "layer.py", cwd=project)
    assert result.returncode == 2 | 4, result.stdout + result.stderr  # an error and a warning
    assert f"train.py:{DEFECT_LINE}:{DEFECT_COLUMN}: E7302" in result.stdout
    assert "layer.py:8:17: W7306" in result.stdout
    ids = {line.split(": ")[1] for line in result.stdout.splitlines() if line.count(":") >= 3}
    assert ids == {"E7302", "W7306"}  # no unused-import, missing-docstring, import-error ...
    assert "Your code has been rated" not in result.stdout  # no score


def test_directories_are_searched_recursively(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"pkg/deep/train.py": DEFECT, "pkg/ok.py": FIXED})
    result = tfvarlint("pkg", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "pkg/deep/train.py:6:8: E7302" in result.stdout
    default = tfvarlint(cwd=project)  # no path: the current directory
    assert default.returncode == 2 and "train.py:6:8: E7302" in default.stdout


def test_honours_pyproject_disable_and_plugin_options(tmp_path: Path) -> None:
    files = {"train.py": DEFECT, "layer.py": UNTRACKED}
    plain = make_project(tmp_path / "plain", files)
    assert tfvarlint(cwd=plain).returncode == 6
    configured = make_project(
        tmp_path / "configured",
        files,
        '\n[tool.pylint."messages control"]\n'
        'disable = ["tf-variable-created-in-tf-function", "missing-docstring"]\n'
        "\n[tool.pylint.tfvarlint]\n"
        'tfvarlint-keras-version = "2"\n',
    )
    result = tfvarlint(cwd=configured)
    # E7302 disabled by name; W7306 is a Keras 3 message and the project says Keras 2.
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_rcfile_and_command_line_disable(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT, "layer.py": UNTRACKED})
    (project / "ci.rc").write_text("[MESSAGES CONTROL]\ndisable=untracked-tf-variable\n")
    result = tfvarlint("--rcfile", "ci.rc", cwd=project)
    assert result.returncode == 2 and "W7306" not in result.stdout, result.stdout
    result = tfvarlint("--disable=E7302", cwd=project)
    assert result.returncode == 4 and "E7302" not in result.stdout, result.stdout


def test_output_formats(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = tfvarlint("--output-format=json2", "train.py", cwd=project)
    assert result.returncode == 2
    [message] = json.loads(result.stdout)["messages"]
    assert (message["messageId"], message["line"], message["column"]) == ("E7302", 6, 8)

    result = tfvarlint("-f", "github", "train.py", cwd=project)
    assert result.returncode == 2
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and annotations[0].startswith("::error file=train.py,line=6,")

    result = tfvarlint("--output-format=sarif", "train.py", cwd=project)
    assert result.returncode == 2, result.stderr
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E7302"]

    result = tfvarlint("--output-format=text,sarif:out.sarif", "train.py", cwd=project)
    assert "train.py:6:8: E7302" in result.stdout
    assert json.loads((project / "out.sarif").read_text())["runs"][0]["results"]


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = tfvarlint("--output-format=nope", "train.py", cwd=project)
    assert result.returncode != 0 and result.returncode not in (2, 4, 6)


def test_syntax_error_is_not_silently_clean(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"broken.py": "def f(:\n"})
    result = tfvarlint("broken.py", cwd=project)
    assert result.returncode != 0 and "syntax-error" in result.stdout


def test_console_script(tmp_path: Path) -> None:
    script = shutil.which("tfvarlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("tfvarlint is not installed as a console script in this environment")
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = run([script, "train.py"], project)
    assert result.returncode == 2 and "E7302" in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--output-format=sarif"], f"--output-format={SARIF_REPORTER}"),
        (["-f", "SARIF:x.sarif"], f"-f={SARIF_REPORTER}:x.sarif"),
        (["--output-format=text,sarif:r.sarif"], f"--output-format=text,{SARIF_REPORTER}:r.sarif"),
        (["--output-format=json2"], "--output-format=json2"),
    ],
)
def test_sarif_format_name_is_rewritten(argv: list[str], expected: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    args = pylint_args([*argv, "src"])
    assert expected in args
    assert args[-2:] == ["--", "src"]
    assert args.index("--disable=all") < args.index("--enable=tfvarlint") < args.index(expected)
