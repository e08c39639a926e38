"""The ``tfvarlint`` command and ``python -m tfvarlint``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tfvarlint import cli
from tfvarlint.cli import pylint_args
from workflow_support import (
    DEFECT,
    DEFECT_COLUMN,
    DEFECT_LINE,
    FIXED,
    REPO,
    clean_env,
    make_project,
    pylint,
    run,
    tfvarlint,
)

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


def test_syntax_error_exits_2(tmp_path: Path) -> None:
    """syntax-error (E0001) is an error message: bit 2, as the usage text says."""
    project = make_project(tmp_path / "p", {"broken.py": "def f(:\n"})
    result = tfvarlint("broken.py", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "broken.py:1:" in result.stdout and "syntax-error" in result.stdout


def test_missing_file_exits_1(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": FIXED})
    result = tfvarlint("nothere.py", cwd=project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "F0001" in result.stdout


def test_unrecognized_option_exits_32(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": FIXED})
    result = tfvarlint("--no-such-option=1", "train.py", cwd=project)
    assert result.returncode == 32, result.stdout + result.stderr


def test_exit_status_documented_as_bit_mask() -> None:
    for words in ("1 fatal", "2 error", "4 warning", "8 refactor", "16 convention", "32 usage"):
        assert words in " ".join(cli.USAGE.split()), words
    docs = (REPO / "docs" / "workflows.md").read_text()
    assert "bit mask" in docs and "syntax-error" in docs


@pytest.mark.parametrize(
    ("option", "named"),
    [
        ("--tfvarlint-follow-depth=-1", "--tfvarlint-follow-depth"),
        ("--tfvarlint-follow-depth=x", "--tfvarlint-follow-depth"),
        ("--tfvarlint-keras-version=4", "--tfvarlint-keras-version"),
        ("--jobs=x", "--jobs"),
    ],
)
def test_bad_option_values_are_usage_errors(option: str, named: str, tmp_path: Path) -> None:
    """Refused with a message naming the option, exit 32 (not argparse's 2: "errors found")."""
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = tfvarlint(option, "train.py", cwd=project)
    assert result.returncode == 32, result.stdout + result.stderr
    assert f"argument {named}" in result.stderr and "E7302" not in result.stdout


def test_negative_follow_depth_in_configuration_with_plain_pylint(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p", {"train.py": DEFECT}, "\n[tool.pylint.tfvarlint]\ntfvarlint-follow-depth = -1\n"
    )
    result = pylint("--load-plugins=tfvarlint", "train.py", cwd=project)
    assert result.returncode == 32, result.stdout + result.stderr
    assert "--tfvarlint-follow-depth: must be 0 or more, got -1" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--msg-template", "{path}:{line}:{column} {symbol}"],
        ["--msg-template={path}:{line}:{column} {symbol}"],
        ["-j", "2", "--msg-template", "{path}:{line}:{column} {symbol}"],
        ["--load-plugins", "pylint.extensions.docparams", "--msg-template", "{path}:{line}:{column} {symbol}"],
        ["--msg-temp", "{path}:{line}:{column} {symbol}"],  # argparse's unambiguous prefix
    ],
    ids=["space", "equals", "jobs", "load-plugins", "prefix"],
)
def test_pylint_options_pass_through_in_any_spelling(args: list[str], tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"train.py": DEFECT, "ok.py": FIXED})
    result = tfvarlint(*args, "train.py", "ok.py", cwd=project)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "train.py:6:8 tf-variable-created-in-tf-function" in result.stdout, result.stdout
    no_path = tfvarlint(*args, cwd=project)  # the value is not taken for a PATH
    assert no_path.returncode == 2, no_path.stdout + no_path.stderr
    assert "train.py:6:8 tf-variable-created-in-tf-function" in no_path.stdout


def test_argv_is_passed_untouched() -> None:
    argv = ["--msg-template", "{path}", "-j", "2", "--rcfile", "x.rc", "-e", "W0611", "src"]
    args = pylint_args(argv)
    assert args[-len(argv) :] == argv
    assert "--tfvarlint-only=y" in args and "--tfvarlint-only-keep=W0611" in args


def test_other_plugins_messages_in_disables_never_fail(tmp_path: Path) -> None:
    """pyproject and inline disables naming messages of plugins that are not loaded."""
    project = make_project(
        tmp_path / "p",
        {"train.py": "import os  # pylint: disable=some-plugin-message\n" + FIXED},
        '\n[tool.pylint."messages control"]\ndisable = ["other-plugin-message", "missing-docstring"]\n',
    )
    result = tfvarlint("train.py", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""
    result = tfvarlint("--disable=third-plugin-message", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr


def test_command_line_enable_adds_a_message_but_config_enable_does_not(tmp_path: Path) -> None:
    project = make_project(
        tmp_path / "p",
        {"train.py": "import os\n" + FIXED},
        '\n[tool.pylint."messages control"]\ndisable = ["all"]\nenable = ["unused-import"]\n',
    )
    result = tfvarlint("train.py", cwd=project)
    assert result.returncode == 0, result.stdout  # configuration enables are pylint's business
    result = tfvarlint("-e", "W0611", "train.py", cwd=project)
    assert result.returncode == 4 and "train.py:1:0: W0611" in result.stdout, result.stdout
    defect = make_project(
        tmp_path / "q",
        {"train.py": DEFECT},
        '\n[tool.pylint."messages control"]\ndisable = ["all"]\nenable = ["unused-import"]\n',
    )
    result = tfvarlint(cwd=defect)  # disable=all does not turn the command off
    assert result.returncode == 2 and "E7302" in result.stdout, result.stdout


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


SKIPPED = {
    ".venv/lib/python3.11/site-packages/pkg/m.py": DEFECT,
    "env/pyvenv.cfg": "home = /usr/bin\n",
    "env/lib/site.py": DEFECT,
    "build/lib/train.py": DEFECT,
    "dist/x.py": DEFECT,
    "node_modules/a/b.py": DEFECT,
    "pkg.egg-info/c.py": DEFECT,
    ".tox/py311/d.py": DEFECT,
    "src/__pycache__/e.py": DEFECT,
    "generated/g.py": DEFECT,
    "src/gen_ignored.py": DEFECT,
}


@pytest.mark.parametrize("with_git", [True, False], ids=["git", "no-git"])
def test_no_path_skips_environments_builds_caches_and_ignored(
    tmp_path: Path, with_git: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "p", {"src/train.py": DEFECT, "tools/ok.py": FIXED, **SKIPPED})
    (project / ".gitignore").write_text("generated/\ngen_*.py\n")
    if with_git:
        _git("init", "-q", cwd=project)
    else:
        monkeypatch.setattr(cli.shutil, "which", lambda name: None)
    assert cli.default_paths(project) == ["src/train.py", "tools/ok.py"]
    if with_git:
        result = tfvarlint(cwd=project)
        assert result.returncode == 2, result.stdout + result.stderr
        reported = [line for line in result.stdout.splitlines() if ": " in line]
        assert reported and all(line.startswith("src/train.py:6:8: E7302") for line in reported)
        assert "site-packages" not in result.stdout and "W0012" not in result.stdout


def test_explicit_path_is_linted_even_if_skipped_by_default(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", {"build/train.py": DEFECT})
    assert tfvarlint(cwd=project).returncode != 2
    assert tfvarlint("build/train.py", cwd=project).returncode == 2


def test_broken_pipe_is_not_an_internal_error(tmp_path: Path) -> None:
    files = {f"m{i}.py": DEFECT for i in range(60)}
    project = make_project(tmp_path / "p", files)
    for jobs in ("1", "2"):
        done = subprocess.run(
            f"'{sys.executable}' -m tfvarlint -j {jobs} | head -n 1; exit ${{PIPESTATUS[0]}}",
            shell=True,
            executable=shutil.which("bash") or "/bin/bash",
            cwd=project,
            capture_output=True,
            text=True,
            env=clean_env(),
            timeout=600,
            check=False,
        )
        assert done.stdout.startswith("*************"), done.stdout
        assert "internal error" not in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "Broken pipe" not in done.stderr and "BrokenPipe" not in done.stderr, done.stderr
        assert done.returncode == 1, done.returncode  # docs/workflows.md: status 1 once head closed


LINE_ORDER_EXAMPLE = REPO / "examples" / "bad_layer_in_tf_function.py"


# Where each reporter prints a message's line (text-like reporters, one message a line).
_LINE_OF = {
    "text": r"^\S+\.py:(\d+):\d+: [EW]73",
    "colorized": r"^\S+\.py:(\d+):\d+: \S*[EW]73",
    "parseable": r"^\S+\.py:(\d+): \[[EW]73",
    "msvs": r"^\S+\.py\((\d+)\): \[[EW]73",
    "github": r"^::(?:error|warning) file=\S+\.py,line=(\d+),",
}


@pytest.mark.parametrize(
    "fmt", ["text", "colorized", "parseable", "msvs", "github", "json", "json2", "tfvarlint-sarif"]
)
def test_messages_of_a_module_in_line_order(fmt: str) -> None:
    """Every reporter pylint ships, and SARIF. The example's messages used to print 10
    before 9; needs the checker to emit in (line, column) order, since pylint's reporters
    print messages as they arrive."""
    result = tfvarlint(f"--output-format={fmt}", str(LINE_ORDER_EXAMPLE.relative_to(REPO)), cwd=REPO)
    if fmt in _LINE_OF:
        lines = [int(n) for n in re.findall(_LINE_OF[fmt], result.stdout, re.M)]
    elif fmt == "json":
        lines = [m["line"] for m in json.loads(result.stdout)]
    elif fmt == "json2":
        lines = [m["line"] for m in json.loads(result.stdout)["messages"]]
    else:
        results = json.loads(result.stdout)["runs"][0]["results"]
        lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]
    assert len(lines) >= 2, result.stdout
    assert lines == sorted(lines), lines


class _FakeFix:
    """A stand-in for tfvarlint.fix (the real one is optional)."""

    def __init__(self, error: type[BaseException] | None = None, name: str = "libcst") -> None:
        self.error, self.name, self.calls = error, name, []

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "tfvarlint.fix":
            return None
        if self.error is not None:
            raise self.error(f"No module named {self.name!r}", name=self.name)
        import importlib.util  # noqa: PLC0415

        return importlib.util.spec_from_loader(fullname, loader=self)

    def create_module(self, spec):
        return None

    def exec_module(self, module) -> None:
        module.main = lambda argv: self.calls.append(list(argv)) or 3


@pytest.mark.parametrize(
    ("fake", "status", "words"),
    [
        (_FakeFix(ModuleNotFoundError, "libcst"), 32, 'pip install "tfvarlint[fix]"'),
        (_FakeFix(ModuleNotFoundError, "tfvarlint.fix"), 32, "not available"),
        (_FakeFix(), 3, ""),
    ],
    ids=["no-libcst", "no-fix-module", "delegated"],
)
def test_fix_and_diff_are_handed_to_tfvarlint_fix(
    fake: _FakeFix, status: int, words: str, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.delitem(sys.modules, "tfvarlint.fix", raising=False)
    monkeypatch.setattr(sys, "meta_path", [fake, *sys.meta_path])
    assert cli.main(["--diff", "x.py"]) == status
    assert words in capsys.readouterr().err
    if status == 3:
        assert fake.calls == [["--diff", "x.py"]]
        monkeypatch.delitem(sys.modules, "tfvarlint.fix", raising=False)


def test_console_script(tmp_path: Path) -> None:
    script = shutil.which("tfvarlint", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("tfvarlint is not installed as a console script in this environment")
    project = make_project(tmp_path / "p", {"train.py": DEFECT})
    result = run([script, "train.py"], project)
    assert result.returncode == 2 and "E7302" in result.stdout


