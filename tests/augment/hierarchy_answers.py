"""What astroid answers about every public Keras class, as JSON (tests of keras_hierarchy).

``python hierarchy_answers.py OUT.json [--real]``: with the augment on (tf.keras read as
skeletons), the answers of astroid and pylint's class helpers about each class the public
API modules export; ``--real`` keeps the classes' hierarchies as written (no flattening).
"""

from __future__ import annotations

import json
import sys

import astroid
from astroid import bases, nodes, util
from astroid.exceptions import AstroidError
from pylint.checkers.utils import unimplemented_abstract_methods
from pylint.lint import PyLinter

from tfvarlint import augment, keras_hierarchy

_API = {
    "keras": (
        "keras._tf_keras.keras", "keras._tf_keras.keras.layers", "keras._tf_keras.keras.losses",
        "keras._tf_keras.keras.metrics", "keras._tf_keras.keras.optimizers",
        "keras._tf_keras.keras.callbacks", "keras._tf_keras.keras.models",
        "keras._tf_keras.keras.initializers", "keras._tf_keras.keras.regularizers",
        "keras._tf_keras.keras.optimizers.schedules", "keras._tf_keras.keras.constraints",
    ),
    "tf_keras": (
        "tf_keras", "tf_keras.layers", "tf_keras.losses", "tf_keras.metrics",
        "tf_keras.optimizers", "tf_keras.callbacks", "tf_keras.models",
        "tf_keras.initializers", "tf_keras.optimizers.schedules",
    ),
}  # fmt: skip


def _where(node: object) -> str:
    if isinstance(node, util.UninferableBase):
        return "Uninferable"
    if isinstance(node, (bases.BoundMethod, bases.UnboundMethod)):
        return f"{type(node).__name__}:{_where(node._proxied)}"  # noqa: SLF001
    if isinstance(node, bases.Instance):
        return f"Instance:{_where(node._proxied)}"  # noqa: SLF001
    if isinstance(node, nodes.NodeNG):
        root = node.root()
        return f"{type(node).__name__}:{root.name}:{node.lineno}"
    return type(node).__name__


def _safe(func, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
    try:
        return func(*args, **kwargs)
    except (AstroidError, StopIteration, RecursionError) as exc:
        return f"error:{type(exc).__name__}"


def _inferred(iterable) -> list[str]:  # noqa: ANN001
    return sorted({_where(value) for value in iterable})


def answers(cls: nodes.ClassDef) -> dict[str, object]:
    names = set(cls.locals)
    attrs = set(cls.instance_attrs)
    for ancestor in cls.ancestors():
        names.update(ancestor.locals)
        attrs.update(ancestor.instance_attrs)
    instance = cls.instantiate_class()
    found: dict[str, object] = {
        "metaclass": _where(cls.metaclass()) if cls.metaclass() else None,
        "is_type": cls.is_subtype_of("builtins.type"),
        "methods": sorted(_where(m) for m in cls.methods()),
        "abstract": [
            (name, _where(node)) for name, node in unimplemented_abstract_methods(cls).items()
        ],
        "dynamic_getattr": cls.has_dynamic_getattr(),
        "slots": _safe(lambda: None if cls.slots() is None else len(cls.slots())),
        "instance": _where(instance),
        "ancestors": len(list(cls.ancestors())),
    }
    for name in sorted(names):
        found[f"getattr {name}"] = _safe(lambda: _where(cls.getattr(name)[0]))
        found[f"local_attr {name}"] = _safe(lambda: [_where(n) for n in cls.local_attr(name)])
        found[f"igetattr {name}"] = _safe(lambda: _inferred(cls.igetattr(name)))
        found[f"instance {name}"] = _safe(lambda: _inferred(instance.igetattr(name)))
    for name in sorted(attrs):
        found[f"instance_attr {name}"] = _safe(lambda: [_where(n) for n in cls.instance_attr(name)])
    return found


def main() -> None:
    out, real = sys.argv[1], "--real" in sys.argv[2:]
    if real:
        keras_hierarchy.flatten = lambda _cls, _hierarchy=None: False  # type: ignore[assignment]
    linter = PyLinter()
    linter.load_default_plugins()
    linter.load_plugin_modules(["tfvarlint"])
    linter.load_plugin_configuration()
    result: dict[str, dict[str, object]] = {}
    for top, modules in _API.items():
        for modname in modules:
            module = astroid.MANAGER.ast_from_module_name(modname)
            for name in sorted(module.locals):
                if name.startswith("_"):
                    continue
                inferred = _safe(lambda: next(module.igetattr(name)))
                if isinstance(inferred, nodes.ClassDef):
                    result.setdefault(f"{top}:{inferred.qname()}", answers(inferred))
    with open(out, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=0, sort_keys=True)


if __name__ == "__main__":
    main()
