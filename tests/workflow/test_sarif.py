"""The SARIF 2.1.0 reporter, validated against the published OASIS schema (data/README.md)
with format checking really on (``uri``/``uri-reference`` need rfc3986-validator, from the
test extra's ``jsonschema[format-nongpl]``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tfvarlint.docs_url import message_url
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


def _validator():
    jsonschema = require("jsonschema")
    require("rfc3986_validator")  # without it "format": "uri" is silently not checked
    schema = json.loads(SCHEMA.read_text())
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def _errors(log: dict) -> list[str]:
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    return [f"{list(e.path)}: {e.message}" for e in errors]


def _validate(log: dict) -> None:
    errors = _errors(log)
    assert not errors, "\n".join(errors)


def _uri(result: dict) -> str:
    return result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


def _rule(run: dict, result: dict) -> dict:
    """The reportingDescriptor a result points to (driver or extension)."""
    if "rule" in result:
        component = run["tool"]["extensions"][result["rule"]["toolComponent"]["index"]]
        return component["rules"][result["rule"]["index"]]
    return run["tool"]["driver"]["rules"][result["ruleIndex"]]


def test_schema_rejects_a_broken_log() -> None:
    """The validation can fail: a result without a message is not SARIF."""
    bad = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "E1"}]}]}
    assert _errors(bad)


def test_format_checking_is_on_a_uri_with_a_space_fails() -> None:
    location = {"physicalLocation": {"artifactLocation": {"uri": "src/my pkg/train.py"}}}
    log = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "x"}},
                "results": [{"message": {"text": "m"}, "locations": [location]}],
            }
        ],
    }
    assert any("uri-reference" in error for error in _errors(log)), _errors(log)
    location["physicalLocation"]["artifactLocation"]["uri"] = "src/my%20pkg/train.py"
    assert not _errors(log)


def test_plain_pylint_with_the_plugin_alone(tmp_path: Path) -> None:
    """--load-plugins=tfvarlint registers tfvarlint-sarif; no class path, no second plugin."""
    project = make_project(
        tmp_path / "p", {"src/pkg/train.py": DEFECT, "src/my pkg/layer.py": LAYER}
    )
    result = pylint(
        "--load-plugins=tfvarlint",
        "--disable=all",
        "--enable=tfvarlint",
        "--output-format=tfvarlint-sarif",
        "--recursive=y",
        "src",
        cwd=project,
    )
    assert result.returncode == 2 | 4, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "pylint"
    [extension] = run["tool"]["extensions"]
    assert extension["name"] == "tfvarlint" and extension["version"]
    results = sorted(run["results"], key=lambda r: (_uri(r), r["ruleId"]))
    summary = [
        (
            r["ruleId"],
            r["level"],
            _uri(r),
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ]
    # SARIF columns are 1-based: pylint's column 8 is SARIF column 9; URIs percent-encoded.
    assert summary == [
        ("E7301", "error", "src/my%20pkg/layer.py", 10, 29),
        ("W7306", "warning", "src/my%20pkg/layer.py", 7, 18),
        ("E7302", "error", "src/pkg/train.py", 6, 9),
    ]
    for result_ in results:
        rule = _rule(run, result_)
        assert rule["id"] == result_["ruleId"] and "toolComponent" in result_["rule"]
        assert rule["helpUri"] == message_url(rule["name"])
        assert rule["fullDescription"]["text"] and rule["shortDescription"]["text"]
        assert result_["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        [fingerprint] = result_["partialFingerprints"].values()
        assert len(fingerprint) == 64
    assert run["tool"]["driver"]["rules"] == []  # tfvarlint's rules are the extension's
    assert {r["name"] for r in extension["rules"]} == {
        "tf-variable-created-in-call",
        "untracked-tf-variable",
        "tf-variable-created-in-tf-function",
    }
    # The region covers the offending call: endColumn is exclusive.
    layer_lines = LAYER.splitlines()
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    text = layer_lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]
    assert text == "tf.Variable(0.0)"


def test_class_path_still_works(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = pylint(
        "--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
        f"--output-format={REPORTER}", "train.py", cwd=project,
    )
    assert result.returncode == 2, result.stderr
    _validate(json.loads(result.stdout))


def test_fingerprints_survive_lines_added_above(tmp_path: Path) -> None:
    def fingerprints(source: str) -> list[str]:
        project = make_project(tmp_path / str(len(source)), {"train.py": source})
        result = tfvarlint("--output-format=sarif", "train.py", cwd=project)
        results = json.loads(result.stdout)["runs"][0]["results"]
        return [next(iter(r["partialFingerprints"].values())) for r in results]

    before = fingerprints(DEFECT)
    after = fingerprints("# a comment\n\n" + DEFECT)
    assert before and before == after
    twice = DEFECT + "\n\n@tf.function\ndef step2(x):\n    v = tf.Variable(1.0)\n    return x * v\n"
    assert len(set(fingerprints(twice))) == 2  # two results never share a fingerprint


def test_clean_run_is_a_valid_empty_log(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"ok.py": "import tensorflow as tf\n"})
    result = tfvarlint("--output-format=sarif", cwd=project)
    assert result.returncode == 0, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    run = log["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["tool"]["extensions"][0]["rules"] == []


@pytest.mark.parametrize("extra", [[], ["--enable=unused-import,missing-module-docstring"]])
def test_command_writes_sarif_file(tmp_path: Path, extra: list[str]) -> None:
    """--output-format=text,sarif:FILE, as in examples/github-actions.yml; other pylint
    messages are pylint's rules (the driver), with pylint's message pages as helpUri."""
    project = make_project(tmp_path / "p", {"train.py": "import os\n" + DEFECT})
    result = tfvarlint("--output-format=text,sarif:tfvarlint.sarif", *extra, cwd=project)
    assert result.returncode != 0
    assert "train.py:7:8: E7302" in result.stdout
    log = json.loads((project / "tfvarlint.sarif").read_text())
    _validate(log)
    [run] = log["runs"]
    ids = {r["ruleId"] for r in run["results"]}
    assert ids == ({"E7302", "W0611", "C0114"} if extra else {"E7302"})
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["E7302"] == "error"
    driver_rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert set(driver_rules) == ({"W0611", "C0114"} if extra else set())
    assert {r["id"] for r in run["tool"]["extensions"][0]["rules"]} == {"E7302"}
    if extra:
        assert levels["W0611"] == "warning" and levels["C0114"] == "note"
        assert driver_rules["W0611"]["helpUri"] == (
            "https://pylint.readthedocs.io/en/stable/user_guide/messages/warning/unused-import.html"
        )


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


def test_format_from_the_project_configuration(tmp_path: Path) -> None:
    """load-plugins and output-format in pyproject.toml, plain `pylint src` (editors, CI)."""
    project = make_project(
        tmp_path / "p",
        {"train.py": DEFECT},
        '\n[tool.pylint.main]\nload-plugins = ["tfvarlint"]\noutput-format = "tfvarlint-sarif"\n'
        '\n[tool.pylint."messages control"]\ndisable = ["all"]\nenable = ["tfvarlint"]\n',
    )
    result = pylint("train.py", cwd=project)
    assert result.returncode == 2, result.stderr
    log = json.loads(result.stdout)
    _validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["E7302"]


def test_short_name_never_replaces_a_sarif_format_of_pylint() -> None:
    """If pylint ships its own ``sarif`` one day, loading the plugin keeps pylint's under that
    name and still adds ``tfvarlint-sarif`` (docs/workflows.md)."""
    from pylint.lint import PyLinter
    from pylint.reporters import BaseReporter

    from tfvarlint.reporters import sarif

    class PylintsOwnSarif(BaseReporter):
        name = "sarif"

    linter = PyLinter()
    linter.load_default_plugins()
    linter.register_reporter(PylintsOwnSarif)
    sarif.register(linter)
    assert linter._reporters["sarif"] is PylintsOwnSarif
    assert linter._reporters["tfvarlint-sarif"] is sarif.SarifReporter
    # without one, the short name is tfvarlint's (what the tfvarlint command relies on)
    plain = PyLinter()
    plain.load_default_plugins()
    sarif.register(plain)
    sarif.register(plain)  # loading twice is harmless
    assert plain._reporters["sarif"] is sarif.ShortNameSarifReporter
