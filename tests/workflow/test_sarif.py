"""The SARIF 2.1.0 reporter, validated against the published OASIS schema (data/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workflow_support import DEFECT, make_project, pylint, require, tfvarlint

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
REPORTER = "tfvarlint.reporters.sarif.SarifReporter"
LAYER = """\
import tensorflow as tf


class Scale(tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(1.0)

    def call(self, x):
        return x * self.w + tf.Variable(0.0)
"""


def _validate(log: dict) -> None:
    jsonschema = require("jsonschema")
    schema = json.loads(SCHEMA.read_text())
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_schema_rejects_a_broken_log() -> None:
    """The validation can fail: a result without a message is not SARIF."""
    jsonschema = require("jsonschema")
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "E1"}]}]}
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text()))
    assert list(validator.iter_errors(bad))


def test_pylint_loads_the_reporter_by_class_path(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"src/pkg/train.py": DEFECT, "src/pkg/layer.py": LAYER})
    result = pylint(
        "--load-plugins=tfvarlint",
        "--disable=all",
        "--enable=tfvarlint",
        f"--output-format={REPORTER}",
        "--recursive=y",
        "src",
        cwd=project,
    )
    assert result.returncode == 2 | 4, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "tfvarlint"
    rules = run["tool"]["driver"]["rules"]
    results = sorted(run["results"], key=lambda r: (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]))
    summary = [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ]
    # SARIF columns are 1-based: pylint's column 8 is SARIF column 9.
    assert summary == [
        ("E7301", "error", "src/pkg/layer.py", 10, 29),
        ("W7306", "warning", "src/pkg/layer.py", 7, 18),
        ("E7302", "error", "src/pkg/train.py", 6, 9),
    ]
    for result_ in results:
        rule = rules[result_["ruleIndex"]]
        assert rule["id"] == result_["ruleId"]
        assert f"docs/messages/{rule['name']}.md" in rule["help"]["text"]
        assert result_["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert {r["name"] for r in rules} == {
        "tf-variable-created-in-call",
        "untracked-tf-variable",
        "tf-variable-created-in-tf-function",
    }
    # The region covers the offending call: endColumn is exclusive.
    layer_lines = LAYER.splitlines()
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    text = layer_lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]
    assert text == "tf.Variable(0.0)"


def test_clean_run_is_a_valid_empty_log(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"ok.py": "import tensorflow as tf\n"})
    result = tfvarlint("--output-format=sarif", cwd=project)
    assert result.returncode == 0, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


@pytest.mark.parametrize("extra", [[], ["--enable=unused-import,missing-module-docstring"]])
def test_command_writes_sarif_file(tmp_path: Path, extra: list[str]) -> None:
    """--output-format=text,sarif:FILE, as in examples/github-actions.yml; other pylint messages too."""
    project = make_project(tmp_path / "p", {"train.py": "import os\n" + DEFECT})
    result = tfvarlint("--output-format=text,sarif:tfvarlint.sarif", *extra, cwd=project)
    assert result.returncode != 0
    assert "train.py:7:8: E7302" in result.stdout
    log = json.loads((project / "tfvarlint.sarif").read_text())
    _validate(log)
    ids = {r["ruleId"] for r in log["runs"][0]["results"]}
    assert ids == ({"E7302", "W0611", "C0114"} if extra else {"E7302"})
    levels = {r["ruleId"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels["E7302"] == "error"
    if extra:
        assert levels["W0611"] == "warning" and levels["C0114"] == "note"


def test_short_name_with_plain_pylint(tmp_path: Path) -> None:
    """Loading tfvarlint.reporters.sarif as a plugin registers the format name ``sarif``."""
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = pylint(
        "--load-plugins=tfvarlint,tfvarlint.reporters.sarif",
        "--disable=all",
        "--enable=tfvarlint",
        "--output-format=sarif",
        "train.py",
        cwd=project,
    )
    assert result.returncode == 2, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E7302"]
