"""The message decision, as a checked table: (context, what is created, guarded) -> rule.

``tests/unit/test_rules.py`` enumerates every combination of :class:`Context`,
:class:`Creates` and guarded, and fails on one this table does not map: a new context or
kind of state cannot silently fall into some other message.
"""

from __future__ import annotations

from typing import NamedTuple

from tfvarlint.knowledge import Context, Creates

VARIABLE_IN_CALL = "tf-variable-created-in-call"
VARIABLE_IN_TF_FUNCTION = "tf-variable-created-in-tf-function"
LAZY_IN_CALL = "tf-variable-lazily-created-in-call"
LAYER_IN_CALL = "keras-layer-created-in-call"
STATEFUL_IN_CALL = "keras-stateful-object-created-in-call"
UNTRACKED = "untracked-tf-variable"
TRAINABLE_IN_LOSS = "trainable-variable-in-loss"
INTERNAL_ERROR = "tfvarlint-internal-error"


class Rule(NamedTuple):
    """The message for a creation, and whether Keras 2 makes it fine."""

    symbol: str
    # tf-keras tracks lazily created add_weight()/sub-layers/metrics: no message for
    # Keras 2 code when the creation is ``tracked_by_keras2``.
    keras3_only_if_tracked: bool = False


_LAZY = Rule(LAZY_IN_CALL, keras3_only_if_tracked=True)

RULES: dict[tuple[Context, Creates, bool], Rule | None] = {}
for _context in Context:
    RULES[(_context, Creates.VARIABLE, False)] = Rule(
        VARIABLE_IN_TF_FUNCTION if _context is Context.TRACED else VARIABLE_IN_CALL
    )
    RULES[(_context, Creates.LAYER, False)] = Rule(LAYER_IN_CALL)
    RULES[(_context, Creates.OPTIMIZER, False)] = Rule(STATEFUL_IN_CALL)
    RULES[(_context, Creates.METRIC, False)] = Rule(STATEFUL_IN_CALL)
    for _creates in Creates:
        # Guarded creation: TensorFlow's documented pattern in a tf.function, and nothing
        # a Loss could track anyway; in a Layer/Model call it belongs in build().
        RULES[(_context, _creates, True)] = _LAZY if _context is Context.KERAS_CALL else None


def rule_for(context: Context, creates: Creates, guarded: bool) -> Rule | None:
    """The rule of the table (KeyError on an unmapped combination: a bug)."""
    return RULES[(context, creates, guarded)]
