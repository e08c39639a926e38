"""The message decision table maps every (context, created, guarded) combination."""

from __future__ import annotations

from itertools import product

import pytest

from tfvarlint.checker import MSGS
from tfvarlint.knowledge import Context, Creates
from tfvarlint.rules import RULES, rule_for

SYMBOLS = {msg[1] for msg in MSGS.values()}


@pytest.mark.parametrize(
    ("context", "creates", "guarded"), list(product(Context, Creates, (False, True)))
)
def test_every_combination_is_mapped(context: Context, creates: Creates, guarded: bool) -> None:
    assert (context, creates, guarded) in RULES, "unmapped: add it to tfvarlint.rules.RULES"
    rule = rule_for(context, creates, guarded)
    assert rule is None or rule.symbol in SYMBOLS


def test_no_key_outside_the_enums() -> None:
    assert set(RULES) == set(product(Context, Creates, (False, True)))


@pytest.mark.parametrize(
    ("key", "symbol"),
    [
        ((Context.KERAS_CALL, Creates.VARIABLE, False), "tf-variable-created-in-call"),
        ((Context.LOSS_CALL, Creates.VARIABLE, False), "tf-variable-created-in-call"),
        ((Context.TRACED, Creates.VARIABLE, False), "tf-variable-created-in-tf-function"),
        ((Context.TRACED, Creates.LAYER, False), "keras-layer-created-in-call"),
        ((Context.KERAS_CALL, Creates.OPTIMIZER, False), "keras-stateful-object-created-in-call"),
        ((Context.TRACED, Creates.METRIC, False), "keras-stateful-object-created-in-call"),
        ((Context.KERAS_CALL, Creates.LAYER, True), "tf-variable-lazily-created-in-call"),
        ((Context.TRACED, Creates.VARIABLE, True), None),
        ((Context.LOSS_CALL, Creates.VARIABLE, True), None),
    ],
)
def test_the_message_map(key: tuple[Context, Creates, bool], symbol: str | None) -> None:
    rule = RULES[key]
    assert (rule.symbol if rule else None) == symbol
