"""``# pylint: disable=...`` silences tfvarlint messages like any pylint message."""

from __future__ import annotations

from pathlib import Path

import pytest

from workflow_support import make_project, tfvarlint

TEMPLATE = """\
import tensorflow as tf


class Counter(tf.keras.layers.Layer):
    def call(self, x):
        count = tf.Variable(0.0){inline}
        return x + count


class Other(tf.keras.layers.Layer):
    def call(self, x):
        bias = tf.Variable(0.0)
        return x + bias
"""


def _lint(tmp_path: Path, source: str):
    project = make_project(tmp_path / "p", {"layers.py": source})
    return tfvarlint("--msg-template={line}:{symbol}", "layers.py", cwd=project)


def test_without_a_pragma_both_are_reported(tmp_path: Path) -> None:
    result = _lint(tmp_path, TEMPLATE.format(inline=""))
    assert result.stdout.split() == [
        "*************", "Module", "layers",
        "6:tf-variable-created-in-call",
        "12:tf-variable-created-in-call",
    ]


@pytest.mark.parametrize(
    "inline",
    [
        "  # pylint: disable=tf-variable-created-in-call",
        "  # pylint: disable=E7301",
        "  # pylint: disable=tfvarlint",
    ],
)
def test_inline_disable_silences_that_line_only(tmp_path: Path, inline: str) -> None:
    result = _lint(tmp_path, TEMPLATE.format(inline=inline))
    assert result.returncode == 2
    reported = [line for line in result.stdout.splitlines() if ":" in line]
    assert reported == ["12:tf-variable-created-in-call"]


def test_disable_next_and_scope(tmp_path: Path) -> None:
    source = TEMPLATE.format(inline="").replace(
        "        count = tf.Variable(0.0)",
        "        # pylint: disable-next=tf-variable-created-in-call\n        count = tf.Variable(0.0)",
    )
    result = _lint(tmp_path, source)
    assert [line for line in result.stdout.splitlines() if ":" in line] == ["13:tf-variable-created-in-call"]

    module_wide = "# pylint: disable=tf-variable-created-in-call\n" + TEMPLATE.format(inline="")
    result = _lint(tmp_path / "m", module_wide)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout
