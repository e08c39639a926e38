"""Lifecycle: a plugin failure is a message every reporter and the exit code see; caches clear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

SRC = Path(__file__).resolve().parents[2] / "src"

_FORCE = """
import sys, runpy
from tfvarlint import traced

def boom(*_args, **_kwargs):
    raise RuntimeError("planted failure")

traced.EntryPoints.traced_bodies = boom
command = sys.argv[1]
sys.argv = [command, *sys.argv[2:]]
runpy.run_module(command, run_name="__main__")
"""
PYLINT = ("pylint", "--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
          "--persistent=n", "--score=n")  # fmt: skip


def _forced(
    tmp_path: Path, *args: str, command: tuple[str, ...] = PYLINT, debug: bool = False
) -> subprocess.CompletedProcess[str]:
    """Lint a module with the checker made to fail inside its analysis."""
    module = tmp_path / "model.py"
    module.write_text("import tensorflow as tf\n\n\n@tf.function\ndef f():\n    return 1\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("TFVARLINT_DEBUG", None)
    if debug:
        env["TFVARLINT_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-c", _FORCE, *command, *args, str(module)],
        capture_output=True, text=True, env=env, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip


def _reported(fmt: str, stdout: str) -> list[tuple[str, str]]:
    """(message id, message text) of every message a reporter printed."""
    if fmt == "json":
        return [(m["message-id"], m["message"]) for m in json.loads(stdout)]
    if fmt == "json2":
        return [(m["messageId"], m["message"]) for m in json.loads(stdout)["messages"]]
    if fmt in ("tfvarlint-sarif", "sarif"):
        [run] = json.loads(stdout)["runs"]
        return [(r["ruleId"], r["message"]["text"]) for r in run["results"]]
    if fmt == "github":  # ::error file=model.py,line=1,...,title=F7399::<message>
        return [
            (line.split("title=", 1)[1].split("::", 1)[0], line.split("::", 2)[2])
            for line in stdout.splitlines()
            if line.startswith("::")
        ]
    return [  # text: model.py:1:0: F7399: <message> (symbol)
        (line.split(": ", 2)[1], line.split(": ", 2)[2])
        for line in stdout.splitlines()
        if line.startswith("model.py:")
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "json2", "tfvarlint-sarif", "github"])
def test_forced_internal_error_in_every_reporter(tmp_path: Path, fmt: str) -> None:
    """A crash inside the checker is F7399 on the module, whatever the output format, and
    the run fails (pylint's fatal bit): CI cannot pass with a file unchecked."""
    result = _forced(tmp_path, f"--output-format={fmt}")
    reported = _reported(fmt, result.stdout)
    assert [msgid for msgid, _text in reported] == ["F7399"], result.stdout
    assert "planted failure" in reported[0][1]
    assert result.returncode & 1, result.returncode
    assert "tfvarlint: internal error" in result.stderr
    assert "Traceback" not in result.stderr, result.stderr  # only under TFVARLINT_DEBUG


@pytest.mark.parametrize("fmt", ["text", "sarif", "github"])
def test_forced_internal_error_with_the_command(tmp_path: Path, fmt: str) -> None:
    """The ``tfvarlint`` command shows it too (it is never among the messages it turns off)."""
    result = _forced(tmp_path, f"--output-format={fmt}", command=("tfvarlint",))
    assert [msgid for msgid, _text in _reported(fmt, result.stdout)] == ["F7399"], result.stdout
    assert result.returncode & 1, result.returncode


def test_forced_internal_error_json_fields(tmp_path: Path) -> None:
    result = _forced(tmp_path, "--output-format=json")
    [message] = json.loads(result.stdout)
    assert (message["symbol"], message["type"], message["line"]) == (
        "tfvarlint-internal-error", "fatal", 1,
    )  # fmt: skip


def test_traceback_under_tfvarlint_debug(tmp_path: Path) -> None:
    """TFVARLINT_DEBUG=1: the message still reaches the reporter, and the traceback (down to
    the failing call) goes to stderr."""
    result = _forced(tmp_path, "--output-format=json", debug=True)
    symbols = [m["symbol"] for m in json.loads(result.stdout)]
    assert symbols[0] == "tfvarlint-internal-error", symbols
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: planted failure" in result.stderr
    assert "in boom" in result.stderr  # the frame that failed
    assert result.returncode & 1, result.returncode


def test_close_clears_node_caches(tmp_path: Path) -> None:
    from tfvarlint import names

    module = tmp_path / "layer.py"
    module.write_text(
        "import tensorflow as tf\n\ndef scale():\n    return 2.0\n\n"
        "class L(tf.keras.layers.Layer):\n"
        "    def call(self, x):\n        return scale() * x * tf.Variable(1.0)\n"
    )
    reporter = CollectingReporter()
    run = Run(
        ["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
         "--persistent=n", "--score=n", str(module)],
        reporter=reporter, exit=False,
    )
    assert [m.symbol for m in reporter.messages] == ["tf-variable-created-in-call"]
    from tfvarlint.checker import TfVarLintChecker

    checker = next(c for c in run.linter.get_checkers() if isinstance(c, TfVarLintChecker))
    assert not names._RESOLVED  # pylint: disable=protected-access
    assert not names._DEFINITIONS  # pylint: disable=protected-access
    assert not checker.classes._roles  # pylint: disable=protected-access


def test_confidence_high_keeps_direct_findings_only(tmp_path: Path) -> None:
    module = tmp_path / "steps.py"
    module.write_text(
        "import tensorflow as tf\n\n\ndef make():\n    return tf.Variable(1.0)\n\n\n"
        "@tf.function\ndef direct(x):\n    return x * tf.Variable(2.0)\n\n\n"
        "@tf.function\ndef through_helper(x):\n    return x * make()\n"
    )

    def lint(*extra: str) -> list[tuple[str, int, str]]:
        reporter = CollectingReporter()
        Run(
            ["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
             "--persistent=n", "--score=n", *extra, str(module)],
            reporter=reporter, exit=False,
        )  # fmt: skip
        return [(m.symbol, m.line, m.confidence.name) for m in reporter.messages]

    everything = lint()
    assert everything == [
        ("tf-variable-created-in-tf-function", 10, "HIGH"),
        ("tf-variable-created-in-tf-function", 15, "INFERENCE"),
    ]
    assert lint("--confidence=HIGH") == [everything[0]]


def test_augment_asks_the_checkers_class_model(tmp_path: Path) -> None:
    """One class model for the run: the augment reads the checker's roles (no second
    analyzer), before and after close() clears it."""
    from tfvarlint import augment
    from tfvarlint.checker import TfVarLintChecker

    module = tmp_path / "plain.py"
    module.write_text("X = 1\n")
    run = Run(["--load-plugins=tfvarlint", "--persistent=n", "--score=n", str(module)],
              reporter=CollectingReporter(), exit=False)  # fmt: skip
    checker = next(c for c in run.linter.get_checkers() if isinstance(c, TfVarLintChecker))
    state = augment._state(run.linter)  # pylint: disable=protected-access
    roles = state._roles  # pylint: disable=protected-access
    assert roles is not None and roles.__self__ is checker.classes
    state.clear()
    assert state._roles.__self__ is checker.classes  # pylint: disable=protected-access


def test_augment_state_is_one_per_live_linter() -> None:
    """The augment's per-linter state: the same for one linter, another for another, and
    dropped with its linter (keyed by id(): a PyLinter's own hash formats its messages)."""
    import gc  # pylint: disable=import-outside-toplevel

    from pylint.lint import PyLinter  # pylint: disable=import-outside-toplevel

    from tfvarlint import augment  # pylint: disable=import-outside-toplevel

    first, second = PyLinter(), PyLinter()
    state = augment._state(first)  # pylint: disable=protected-access
    assert augment._state(first) is state  # pylint: disable=protected-access
    assert augment._state(second) is not state  # pylint: disable=protected-access
    key = id(second)
    del second
    gc.collect()
    assert key not in augment._STATES  # pylint: disable=protected-access
    assert augment._state(first) is state  # pylint: disable=protected-access


def test_registered_checkers_are_the_linters_checkers(tmp_path: Path) -> None:
    """registered.checkers: the checkers get_checkers() gives, in any order."""
    from tfvarlint import registered  # pylint: disable=import-outside-toplevel

    module = tmp_path / "plain.py"
    module.write_text("X = 1\n")
    run = Run(["--load-plugins=tfvarlint", "--persistent=n", "--score=n", str(module)],
              reporter=CollectingReporter(), exit=False)  # fmt: skip
    got = registered.checkers(run.linter)
    assert len(got) == len(run.linter.get_checkers())
    assert {id(c) for c in got} == {id(c) for c in run.linter.get_checkers()}


def test_a_plugin_run_sorts_the_checkers_as_often_as_plain_pylint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyLinter.get_checkers() sorts, and each comparison formats two checkers' message
    tables: registering the plugin and deciding whether core messages are on must not call
    it (four calls were 10 ms, most of what loading the plugin cost)."""
    from pylint.lint import PyLinter  # pylint: disable=import-outside-toplevel

    calls: list[int] = []
    original = PyLinter.get_checkers

    def counted(self: PyLinter) -> list:
        calls.append(1)
        return original(self)

    monkeypatch.setattr(PyLinter, "get_checkers", counted)
    module = tmp_path / "plain.py"
    module.write_text("import tensorflow as tf\nX = tf.constant(1)\n")
    counts = []
    for plugin in ([], ["--load-plugins=tfvarlint"]):
        calls.clear()
        Run([*plugin, "--persistent=n", "--score=n", "--rcfile=/dev/null", str(module)],
            reporter=CollectingReporter(), exit=False)  # fmt: skip
        counts.append(len(calls))
    assert counts[0] >= 1
    assert counts[1] == counts[0]


_IMPORTED_BY_A_RUN = """
import json, sys
from pylint.lint import Run
Run(sys.argv[1:], exit=False)
print("IMPORTED:" + json.dumps(sorted(sys.modules)))
"""


def _imported_by_a_run(module: Path, *options: str) -> set[str]:
    """The modules a default pylint run on ``module`` (with ``options``) has imported."""
    path = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONPATH": path}
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORTED_BY_A_RUN, *options, "--persistent=n", "--score=n",
         str(module)],
        capture_output=True, text=True, env=env, check=False, timeout=300,
        cwd=module.parent,  # not this checkout, whose pyproject.toml loads tfvarlint
    )  # fmt: skip
    assert "Traceback" not in proc.stderr, proc.stderr
    return set(json.loads(proc.stdout.rsplit("IMPORTED:", 1)[1]))


def test_a_run_without_skeletons_never_imports_the_skeleton_cache(tmp_path: Path) -> None:
    """The cache (``hashlib``, ``pickle``) is imported only to build a Keras skeleton, and
    ``hashlib`` otherwise only to write SARIF: not by a default pylint run on code that never
    reaches Keras (whatever pylint itself imports is left out)."""
    module = tmp_path / "plain.py"
    module.write_text('"""No TensorFlow here."""\n\n\ndef f(x):\n    return x + 1\n')
    imported = _imported_by_a_run(module, "--load-plugins=tfvarlint")
    assert "tfvarlint.checker" in imported and "tfvarlint.keras_skeleton" in imported
    assert "tfvarlint.reporters.sarif" in imported
    assert "tfvarlint.skeleton_cache" not in imported
    added = imported - _imported_by_a_run(module)
    assert not added & {"hashlib", "_hashlib", "pickle", "_pickle"}, sorted(added)


def test_augment_decides_the_keras_version_once_a_module(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failed-import hook asks for the Keras version of every ``tensorflow.keras`` name it
    resolves: decided once for the module being linted (deciding reads project files), again
    for the next module, for another option value, and after clear()."""
    import astroid  # pylint: disable=import-outside-toplevel

    from tfvarlint import augment  # pylint: disable=import-outside-toplevel

    asked: list[tuple[str, str | None]] = []

    def counted(choice: str, imported: frozenset[str], module_file: str | None = None) -> bool:
        asked.append((choice, module_file))
        return choice == "3" if choice in {"2", "3"} else "tf_keras" not in imported

    monkeypatch.setattr(augment, "uses_keras3", counted)
    cache = astroid.MANAGER.astroid_cache
    modules = {}
    for name, code in (("k3_user", "import keras\n"), ("k2_user", "import tf_keras\n")):
        path = tmp_path / f"{name}.py"
        path.write_text(code)
        modules[name] = astroid.parse(code, module_name=name, path=str(path))
        monkeypatch.setitem(cache, name, modules[name])

    class Config:  # pylint: disable=too-few-public-methods
        tfvarlint_keras_version = "auto"

    class Linter:  # pylint: disable=too-few-public-methods
        config = Config()
        current_name = "k3_user"

    linter = Linter()
    state = augment._State()  # pylint: disable=protected-access
    assert [state.keras3(linter) for _ in range(5)] == [True] * 5  # type: ignore[arg-type]
    assert asked == [("auto", str(tmp_path / "k3_user.py"))]
    linter.current_name = "k2_user"
    assert state.keras3(linter) is False  # type: ignore[arg-type]
    assert state.keras3(linter) is False  # type: ignore[arg-type]
    assert len(asked) == 2
    Config.tfvarlint_keras_version = "2"
    assert state.keras3(linter) is False  # type: ignore[arg-type]
    Config.tfvarlint_keras_version = "auto"
    assert state.keras3(linter) is False  # type: ignore[arg-type]
    assert len(asked) == 3  # the option's value decides alone, and is not kept
    state.clear()
    assert state.keras3(linter) is False  # type: ignore[arg-type]
    k2_file = str(tmp_path / "k2_user.py")
    assert asked[1:] == [("auto", k2_file), ("2", None), ("auto", k2_file)]
