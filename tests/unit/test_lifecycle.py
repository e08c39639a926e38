"""Lifecycle: a plugin failure is a message every reporter and the exit code see; caches clear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pylint.lint import Run
from pylint.reporters import CollectingReporter

SRC = Path(__file__).resolve().parents[2] / "src"

_FORCE = """
import sys, runpy
from tfvarlint import traced

def boom(*_args, **_kwargs):
    raise RuntimeError("planted failure")

traced.EntryPoints.traced_bodies = boom
sys.argv = ["pylint", *sys.argv[1:]]
runpy.run_module("pylint", run_name="__main__")
"""


def _forced(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    module = tmp_path / "model.py"
    module.write_text("import tensorflow as tf\n\n\n@tf.function\ndef f():\n    return 1\n")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("TFVARLINT_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-c", _FORCE, "--load-plugins=tfvarlint", "--disable=all",
         "--enable=tfvarlint", "--persistent=n", "--score=n", *args, str(module)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )


def test_forced_internal_error_is_a_message_and_fails_the_run(tmp_path: Path) -> None:
    result = _forced(tmp_path, "--output-format=json")
    messages = json.loads(result.stdout)
    assert [m["symbol"] for m in messages] == ["tfvarlint-internal-error"], result.stdout
    assert messages[0]["message-id"] == "F7399"
    assert "planted failure" in messages[0]["message"]
    assert result.returncode & 1, result.returncode  # pylint's fatal bit
    assert "tfvarlint: internal error" in result.stderr


def test_internal_error_in_text_output(tmp_path: Path) -> None:
    result = _forced(tmp_path)
    assert "F7399" in result.stdout and result.returncode != 0


def test_close_clears_node_caches(tmp_path: Path) -> None:
    from tfvarlint import names

    module = tmp_path / "layer.py"
    module.write_text(
        "import tensorflow as tf\n\nclass L(tf.keras.layers.Layer):\n"
        "    def call(self, x):\n        return x * tf.Variable(1.0)\n"
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
    assert names.resolve.cache_info().currsize == 0
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
