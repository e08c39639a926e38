"""Every exemption holds the same at depth 0 (a creation in the traced body) and depth 1
(the creation inside a helper the traced body calls), and each can fail (a control case)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from tfvarlint import exemptions

# Each exemption: (setup code, the line that wraps the creation, its indented body).
# ``CREATE`` is replaced by the creating call (depth 0) or by a helper call (depth 1).
CASES = {
    "state_guard": ("", "if self.w is None:", "    self.w = CREATE"),
    "parameter_state_guard": ("", "if holder.w is None:", "    holder.w = CREATE"),
    "creator_scope": (
        "def as_constant(next_creator, **kwargs):\n    del next_creator\n"
        "    return tf.constant(kwargs['initial_value'])\n",
        "with tf.variable_creator_scope(as_constant):",
        "    w = CREATE",
    ),
    "tf1_variable_store": ("", "if True:", "    w = CREATE"),
    "run_once": ("", "if True:", "    w = CREATE"),
}
CREATORS = {"tf1_variable_store": "tf.compat.v1.get_variable('w', shape=())"}
DECORATORS = {
    "tf1_variable_store": "@tf.compat.v1.keras.utils.track_tf1_style_variables",
    "run_once": "@snt.once",
}


def _source(case: str, depth: int, control: bool) -> str:
    setup, wrapper, inner = CASES[case]
    creator = CREATORS.get(case, "tf.Variable(1.0)")
    decorator = "" if control else DECORATORS.get(case, "")
    if control and not decorator and case not in DECORATORS:
        wrapper = "if True:"  # the same code without the exemption
    call = creator if depth == 0 else "make()"
    body = textwrap.indent(f"{wrapper}\n{inner.replace('CREATE', call)}\nreturn x", " " * 8)
    helper = f"def make():\n    return {creator}\n\n\n" if depth else ""
    decorated = (
        f"    {decorator}\n    def __call__(self, x, holder=None):\n"
        if decorator
        else "    def __call__(self, x, holder=None):\n"
    )
    return (
        "import sonnet as snt\nimport tensorflow as tf\n\n\n"
        f"{setup}\n\n{helper}"
        "class M(tf.Module):\n    def __init__(self):\n        super().__init__()\n"
        "        self.w = None\n\n    @tf.function\n"
        f"{decorated}{body}\n"
    )


def _messages(tmp_path: Path, source: str) -> list[str]:
    path = tmp_path / "case.py"
    path.write_text(source, encoding="utf-8")
    reporter = CollectingReporter()
    Run(
        ["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
         "--persistent=n", "--score=n", str(path)],
        reporter=reporter, exit=False,
    )  # fmt: skip
    return [message.symbol for message in reporter.messages]


def test_every_exemption_is_tested() -> None:
    names = {exemption.__name__ for exemption in exemptions.EXEMPTIONS}
    assert names | {"parameter_state_guard"} == set(CASES) | {"state_guard"}


@pytest.mark.parametrize("depth", [0, 1])
@pytest.mark.parametrize("case", sorted(CASES))
def test_exemption_at_depth(case: str, depth: int, tmp_path: Path) -> None:
    assert _messages(tmp_path, _source(case, depth, control=False)) == []


@pytest.mark.parametrize("depth", [0, 1])
@pytest.mark.parametrize("case", sorted(CASES))
def test_control_without_the_exemption_is_reported(case: str, depth: int, tmp_path: Path) -> None:
    if case in ("state_guard", "parameter_state_guard"):
        source = _source(case, depth, control=True)
    elif case == "creator_scope":
        source = _source(case, depth, control=False).replace("del next_creator", "pass").replace(
            "return tf.constant(kwargs['initial_value'])", "return next_creator(**kwargs)"
        )
    else:
        source = _source(case, depth, control=True)
    assert _messages(tmp_path, source) == ["tf-variable-created-in-tf-function"], source
