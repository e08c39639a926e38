"""Flattened Keras hierarchies (:mod:`tfvarlint.keras_hierarchy`, issue 14), without TF.

The script of ``tests/augment/test_keras_hierarchy_real.py`` asks astroid and pylint's
class helpers about small modules of the shapes flattening must get right, flattened and as
written; with TensorFlow installed, that test asks it about every public Keras class.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from astroid import nodes
from astroid.builder import AstroidBuilder
from astroid.manager import AstroidManager

from tfvarlint import keras_hierarchy

_SCRIPT = Path(__file__).resolve().parents[1] / "augment" / "hierarchy_answers.py"


def _answers_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tfvarlint_hierarchy_answers", _SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_SHAPES_BASES = {
    "keras.tfvarlint_shapes_saving": '''
class Saveable:
    def __reduce__(self):
        return ()

    @property
    def config(self):
        return self._config

    @config.setter
    def config(self, value):
        self._config = value
''',
    "keras.tfvarlint_shapes_tracking": '''
class Meta(type):
    pass


class Track:
    def __init__(self):
        self.tracked = []

    @property
    def tracking(self):
        return self._tracking

    @tracking.setter
    def tracking(self, value):
        self._tracking = value

    def call(self, inputs):
        raise NotImplementedError


class Base:
    def f(self):
        pass


class Mid(Base):
    def f(self, x):
        pass
''',
}
_SHAPES = '''
from keras.tfvarlint_shapes_saving import Saveable
from keras.tfvarlint_shapes_tracking import Base, Meta, Mid, Track


class Layer(Track, Saveable):
    def __init__(self):
        super().__init__()
        self.built = False

    def add_weight(self):
        self.weights = []


class Dense(Layer):
    def call(self, inputs):
        return inputs


class Left(Base):
    pass


class Both(Left, Mid, Layer):
    pass


class Slotted(Layer):
    __slots__ = ("a",)


class WithMeta(Dense, metaclass=Meta):
    pass


class Error(Layer, Exception):
    pass


class Unknown(Layer, undefined_name):
    pass
'''


def test_flattening_shapes_without_tensorflow() -> None:
    """The same answers on modules of the shapes that matter (properties with setters in
    two modules, ``__reduce__`` behind ``object`` in astroid's depth-first order, a diamond
    whose two orders disagree), and no flattening where an answer could change (``__slots__``, a
    metaclass, a base from outside Keras, a base that cannot be inferred)."""
    answers = _answers_script().answers
    builder = AstroidBuilder(AstroidManager())
    for modname, source in _SHAPES_BASES.items():
        builder.string_build(source, modname)
    real = builder.string_build(_SHAPES, "keras.tfvarlint_shapes_real")
    flat = builder.string_build(_SHAPES, "keras.tfvarlint_shapes_flat")
    flattened = {
        node.name for node in flat.body
        if isinstance(node, nodes.ClassDef) and keras_hierarchy.flatten(node)
    }  # fmt: skip
    assert flattened == {"Layer", "Dense", "Both"}
    for name in ("Layer", "Dense", "Both", "Slotted", "WithMeta", "Error", "Unknown"):
        expected = answers(real[name])
        got = json.loads(json.dumps(answers(flat[name])).replace("_flat", "_real"))
        fewer = got.pop("ancestors") < expected.pop("ancestors")
        assert fewer or name not in {"Dense", "Both"}, name
        if name == "Both":  # depth-first: Base.f; Python's order (and local_attr): Mid.f
            assert expected["getattr f"] != expected["local_attr f"][0]
            assert got["getattr f"] == expected["local_attr f"][0]
            for key in ("getattr f", "igetattr f", "instance f", "methods"):
                del got[key], expected[key]
        assert got == expected, name
