"""TensorFlow and Keras API facts, as data; nothing here walks a tree.

- :mod:`.spellings`: where TensorFlow and Keras live (every spelling of a namespace).
- :mod:`.creators`: what creates state, and the roles a class gets from its bases.
- :mod:`.entry_points`: what makes a body run on every call or trace, and what exempts a
  creation there.

Every name is canonical (:func:`tfvarlint.names.canonical`): ``tf.keras``,
``tensorflow.keras``, ``tf_keras`` and ``keras`` all read ``keras``. Evidence for each fact
is a runtime fixture (``docs/runtime-matrix.md``); change a fact only with a run.
"""

# pylint: disable=wildcard-import,unused-wildcard-import  # a facade over the three tables
from tfvarlint.knowledge.creators import *  # noqa: F403
from tfvarlint.knowledge.entry_points import *  # noqa: F403
from tfvarlint.knowledge.spellings import *  # noqa: F403


def _known_names() -> frozenset[str]:
    from tfvarlint.knowledge import creators, entry_points  # pylint: disable=import-outside-toplevel

    names: set[str] = set()
    names |= creators.VARIABLE_FACTORIES | creators.STATEFUL_LAYERS
    names |= creators.KERAS3_STATEFUL_LAYERS | creators.SEQUENTIAL
    names |= creators.OPTIMIZERS | creators.METRICS | set(creators.BASE_ROLES)
    for row in entry_points.ENTRY_POINTS:
        names |= set(getattr(row.match, "names", ()))
    names |= entry_points.VARIABLE_CREATOR_SCOPES | entry_points.TF1_VARIABLE_STORE_DECORATORS
    names |= entry_points.RUN_ONCE_DECORATORS
    return frozenset(names)


_STAR_EXPORTS: dict[str, frozenset[str]] = {}


def star_exports(namespace: str) -> frozenset[str]:
    """What ``from <namespace> import *`` binds that tfvarlint knows (canonical namespace):
    ``keras.layers`` -> ``{"Dense", "Layer", "Lambda", ...}``, ``keras`` -> ``{"layers",
    "Sequential", ...}``. From the tables, so the answer is the same with or without
    TensorFlow installed."""
    if namespace not in _STAR_EXPORTS:
        prefix = namespace + "."
        _STAR_EXPORTS[namespace] = frozenset(
            name[len(prefix) :].split(".", 1)[0]
            for name in _known_names()
            if name.startswith(prefix)
        )
    return _STAR_EXPORTS[namespace]
