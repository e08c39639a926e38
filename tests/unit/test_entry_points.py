"""The entry-point table: rows are well formed, and every derived list is generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tfvarlint import knowledge as kb
from tfvarlint.checker import MSGS
from tfvarlint.knowledge import CallOf, Decorator, MethodOfRole, MethodOn

REPO = Path(__file__).resolve().parents[2]
DOCUMENTED = [row for row in kb.ENTRY_POINTS if row.doc and row.context is kb.Context.TRACED]


@pytest.mark.parametrize("row", kb.ENTRY_POINTS, ids=lambda row: row.label or row.doc)
def test_row_is_well_formed(row: kb.EntryPoint) -> None:
    if isinstance(row.match, (CallOf, MethodOn)):
        assert row.callables, "a call row must say which arguments hold the traced callables"
    if isinstance(row.match, (MethodOfRole, Decorator)):
        assert not row.callables and not row.inherits
    if not row.inherits:
        assert row.label, "a row that traces by itself needs a label for messages"


def test_priorities_order_roles() -> None:
    rows = kb.method_rows()
    assert [row.priority for row in rows] == sorted((row.priority for row in rows), reverse=True)
    first_call = next(row for row in rows if row.match.method == "call")
    assert first_call.match.role is kb.Role.MODEL  # a Model's call is "Model.call"


@pytest.mark.parametrize("row", DOCUMENTED, ids=lambda row: row.doc)
def test_e7302_help_lists_every_traced_body(row: kb.EntryPoint) -> None:
    assert row.doc in MSGS["E7302"][2]


@pytest.mark.parametrize(
    "page",
    ["README.md", "docs/messages/tf-variable-created-in-tf-function.md", "docs/configuration.md"],
)
def test_docs_list_every_traced_body(page: str) -> None:
    """The generated block equals the table's list (regenerate it from kb.traced_body_list())."""
    text = (REPO / page).read_text(encoding="utf-8")
    found = re.findall(r"<!-- traced-bodies[^>]*-->(.*?)<!-- /traced-bodies -->", text, re.S)
    assert found == [kb.traced_body_list()], f"{page}: paste kb.traced_body_list() in the block"


RENAMED_CALLS = {
    "plain": "from tensorflow import function\nstep = function(body)\n",
    "import-alias": "from tensorflow import function as compiled\nstep = compiled(body)\n",
    "module-alias": "import tensorflow as tf\ntraced = tf.function\nstep = traced(body)\n",
    "chained-alias": "import tensorflow as tf\nfirst = tf.function\nsecond = first\nstep = second(body)\n",
    "local-alias": "import tensorflow as tf\ndef make():\n    wrap = tf.function\n    return wrap(body)\n",
    "wrapper-alias": (
        "from tensorflow import function as compiled\nstep = compiled(jit_compile=True)(body)\n"
    ),
}


@pytest.mark.parametrize("source", RENAMED_CALLS.values(), ids=RENAMED_CALLS.keys())
def test_call_rows_match_renamed_names(source: str) -> None:
    """A call row is found through any name bound to it (the name filter of _matches must
    let every renaming through), and not through a name bound to something else."""
    import astroid  # pylint: disable=import-outside-toplevel
    from astroid import nodes  # pylint: disable=import-outside-toplevel

    from tfvarlint.classes import ClassModel  # pylint: disable=import-outside-toplevel
    from tfvarlint.resolver import Resolver  # pylint: disable=import-outside-toplevel
    from tfvarlint.traced import EntryPoints  # pylint: disable=import-outside-toplevel

    module = astroid.parse("def body(x):\n    return x\n" + source, module_name="renamed")
    classes = ClassModel()
    entry_points = EntryPoints(classes, Resolver(classes))
    calls = list(module.nodes_of_class(nodes.Call))
    traced = entry_points.traced_bodies(module, [], calls)
    assert [body.node.name for body in traced] == ["body"]
    decoy = astroid.parse(
        "def body(x):\n    return x\nfunction = print\nfunction(body)\n", module_name="decoy"
    )
    decoy_calls = list(decoy.nodes_of_class(nodes.Call))
    assert not EntryPoints(classes, Resolver(classes)).traced_bodies(decoy, [], decoy_calls)
