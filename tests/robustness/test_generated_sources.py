"""Hypothesis: odd but valid Python around Keras classes, tf.function, guards and imports.

A strategy composes a small package (``__init__.py``, ``helpers.py``, ``mod.py``) from
source fragments: odd bases and metaclasses, stacked and odd decorators, nested
defs/lambdas/classes, guards of every shape, aliases, star and relative imports, walrus,
match statements, async defs, global/nonlocal, deep attribute chains, recursion between
helpers and between classes. Every generated file compiles; the package is linted through
pylint's API in this process with the plugin (and pylint's default checks, so the
augmentations run too). The plugin must never crash (see ``robustness_support``).
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from robustness_support import ONLY_CRASHES, ONLY_PLUGIN, plugin_crashes, run_in_process

IMPORTS = [
    "import tensorflow as tf",
    "import tensorflow as tf2\ntf = tf2",
    "from tensorflow import keras",
    "from tensorflow.keras import layers as L",
    "import keras",
    "from keras import layers",
    "import tf_keras as keras",
    "from tensorflow import *",
    "from keras.layers import *",
    "from tensorflow.keras.layers import Dense, Layer as BaseLayer",
    "import tensorflow.compat.v1 as tf1",
    "try:\n    import tensorflow as tf\nexcept ImportError:\n    tf = None",
    "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import keras",
    "tf = __import__('tensorflow')",
    "import functools, abc, dataclasses",
    "import sonnet as snt",
    "V = tf.Variable",
    "Dense = tf.keras.layers.Dense",
    "layers = keras.layers",
    "tff = tf.function",
    "Base = object",
    "import os.path as tf",
]
RELATIVE_IMPORTS = [
    "from . import helpers",
    "from .helpers import h0 as mv",
    "from .helpers import *",
    "from .helpers import C4, h1",
    "from .. import beyond_top",
    "from .missing import thing",
    "from . import mod as me",
]
BASES = [
    "tf.keras.layers.Layer", "keras.Model", "L.Layer", "layers.Dense", "object", "Base",
    "BaseLayer", "tf.keras.losses.Loss", "keras.metrics.Metric", "tf.Module", "snt.Module",
    "keras.optimizers.Optimizer", "C0", "C1", "C4", "helpers.C4", "mv", "Dense",
    "get_base()", "tf.keras.layers.Layer if tf else object", "type('X', (), {})",
    "dict[str, int]", "a.b.c.d.e.f.g.Layer", "keras.src.layers.layer.Layer",
]
CLASS_KEYWORDS = ["metaclass=abc.ABCMeta", "**kw", "*bases", "name='x'"]
CREATORS = [
    "tf.Variable", "tf.compat.v1.get_variable", "keras.Variable", "self.add_weight", "V",
    "tf.keras.layers.Dense", "layers.Dense", "L.Conv2D", "Dense", "keras.optimizers.Adam",
    "tf.keras.metrics.Mean", "keras.Sequential", "C0", "C1", "C4", "h0", "h1", "helpers.h1",
    "mv", "self.helper", "self._make", "f0", "f1", "tf.function(f0)", "(lambda: tf.Variable(1))",
    "getattr(tf, 'Variable')", "tf.Variable.__call__", "super().add_weight",
    "functools.partial(tf.Variable, 1)", "tf1.Variable", "keras.layers.Dropout",
    "tf.keras.layers.Flatten", "self.layer_list[0]", "tff(f1)", "me.C0", "type(self)",
    "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z",
]
ARGS = [
    "", "0.0", "1, name='x'", "*a", "**k", "initial_value=tf.zeros([2])",
    "[Dense(2), Dense(3)]", "trainable=False", "shape=(1,), initializer='zeros'",
    "lambda: tf.Variable(1)", "x := 3",
]
TARGETS = [
    "self.w", "self._vars[k]", "w", "G", "self.a.b.c", "(a, b)", "[self.x, y]",
    "first, *rest", "self.w: tf.Variable", "w: 'tf.Variable'",
]
GUARDS = [
    "self.w is None", "not hasattr(self, 'w')", "getattr(self, 'w', None) is None",
    "'k' not in self._vars", "not self.built", "training", "x.shape[0] > 1", "G is None",
    "len(self._vars) == 0", "self.w is None and training", "(w := self.w) is None",
    "self.a.b.c is None", "self._vars['k'] is None", "None is self.w", "self.w == None",
    "isinstance(self.w, tf.Variable)", "self.w is None or self.v is None", "not G",
    "self.w", "not self.w", "lambda: self.w",
]
SIMPLE = [
    "pass", "del self.w", "assert self.w is not None", "raise ValueError('x')",
    "x = [tf.Variable(i) for i in range(3)]", "x = {k: Dense(k) for k in range(2)}",
    "self.w = self.w or tf.Variable(1)", "x = tf.Variable(1) if self.w is None else self.w",
    "print(a.b.c.d.e.f.g.h.i.j(k)[0].l.m().n.o.p())", "(lambda f: f)(tf.Variable)(1)",
    "y = tf.map_fn(lambda t: tf.Variable(t), x)",
    "ds = tf.data.Dataset.range(3).map(lambda t: tf.Variable(t))",
    "ds = tf.data.Dataset.range(3)\nds = ds.filter(f0).map(f1)",
    "model.compile(loss=f0, metrics=[f1, lambda y, p: tf.Variable(y)])",
    "lay = tf.keras.layers.Lambda(lambda t: tf.Variable(t))", "tf.vectorized_map(f0, x)",
    "s = 'tf.Variable(1)'", "s = f'{tf.Variable(1)}'", "f(*[tf.Variable(1)], **{'a': Dense(2)})",
    "import tensorflow as tf", "from keras import layers as L", "x = y = z = Dense(3)",
    "self.w += tf.Variable(1)", "self.layer_list = [Dense(2) for _ in range(3)]",
    "x = tf.cond(x > 0, lambda: tf.Variable(1), lambda: tf.Variable(2))",
    "return tf.Variable(1)", "tf.function(lambda: tf.Variable(1))()", "x = ...",
    "x = self.w[0][1].x.y", "keras.layers.Lambda(f0)(x)", "x = tf.function(self.call)",
    "x = functools.partial(f0, 1)", "f0.__wrapped__ = f1",
]


def indent(lines: list[str], by: str = "    ") -> list[str]:
    return [by + line if line else line for line in lines]


@st.composite
def creation(draw) -> str:
    target = draw(st.sampled_from([*TARGETS, None]))
    call = f"{draw(st.sampled_from(CREATORS))}({draw(st.sampled_from(ARGS))})"
    if draw(st.booleans()):
        call = f"{call}({draw(st.sampled_from(ARGS))})"  # a factory's result called
    return call if target is None else f"{target} = {call}"


@st.composite
def simple_statement(draw, ctx: frozenset[str]) -> list[str]:
    choice = draw(st.integers(0, 9))
    if choice < 4:
        return draw(creation()).split("\n")
    line = draw(st.sampled_from(SIMPLE))
    if line.startswith("return") and "function" not in ctx:
        line = "pass"
    if "async" in ctx and draw(st.booleans()):
        line = f"x = await {draw(creation()).split(' = ')[-1]}"
    elif "function" in ctx and "async" not in ctx and draw(st.integers(0, 9)) == 0:
        line = f"yield {draw(creation()).split(' = ')[-1]}"
    return line.split("\n")


def _block(draw, ctx: frozenset[str], depth: int) -> list[str]:
    count = draw(st.integers(1, 3))
    lines: list[str] = []
    for _ in range(count):
        lines += draw(statement(ctx, depth))
    return lines


@st.composite
def statement(draw, ctx: frozenset[str], depth: int) -> list[str]:
    if depth <= 0 or draw(st.integers(0, 2)) == 0:
        return draw(simple_statement(ctx))
    kind = draw(st.integers(0, 11))
    body = lambda c=ctx: indent(_block(draw, c, depth - 1))  # noqa: E731
    if kind == 0:
        lines = [f"if {draw(st.sampled_from(GUARDS))}:", *body()]
        if draw(st.booleans()):
            lines += ["else:", *body()]
        return lines
    if kind == 1:
        return [f"while {draw(st.sampled_from(GUARDS))}:", *body(ctx | {'loop'}), "    break"]
    if kind == 2:
        return ["for i in range(2):", *body(ctx | {"loop"}), "else:", *body()]
    if kind == 3:
        star = "*" if sys.version_info >= (3, 11) and draw(st.booleans()) else ""
        lines = ["try:", *body(), f"except{star} (AttributeError, KeyError):", *body()]
        if not star and draw(st.booleans()):
            lines += ["else:", *body()]
        if draw(st.booleans()):
            lines += ["finally:", "    pass"]
        return lines
    if kind == 4:
        head = "async with" if "async" in ctx and draw(st.booleans()) else "with"
        return [f"{head} tf.GradientTape() as tape, tf.name_scope('s'):", *body()]
    if kind == 5:
        cases = draw(
            st.lists(
                st.sampled_from(
                    ["None", "[a, *rest]", "{'k': v}", "Dense(units=u)", "tf.Variable()",
                     "1 | 2", "str() as s", "(self.w, _)"]
                ),
                min_size=1, max_size=3,
            )
        )  # fmt: skip
        lines = [f"match {draw(st.sampled_from(['x', 'self.w', 'tf.Variable(1)']))}:"]
        for case in cases:
            lines += [f"    case {case}:", *indent(body())]
        if draw(st.booleans()):
            lines += ["    case _:", *indent(body())]
        return lines
    if kind in (6, 7):
        return draw(function_def(ctx, depth - 1, nested=True))
    if kind == 8:
        inner = draw(st.sampled_from(["inner", "f0", "h0"]))
        return [
            "cnt = 0",
            f"def {inner}(*a, **k):",
            "    nonlocal cnt" if "function" in ctx else "    global cnt",
            "    cnt += 1",
            *indent(_block(draw, ctx | {"function"}, depth - 1)),
            draw(st.sampled_from([f"{inner}()", f"tf.map_fn({inner}, x)", f"return {inner}",
                                  f"tf.function({inner})()", f"g = {inner}"])),
        ]  # fmt: skip
    if kind == 9:
        return draw(class_def(ctx, depth - 1))
    if kind == 10:
        return ["g = lambda *a: (lambda: (lambda: tf.Variable(1))())()", "g()"]
    return [f"if (w := {draw(creation()).split(' = ')[-1]}) is not None:", *body()]


@st.composite
def function_def(draw, ctx: frozenset[str], depth: int, nested: bool = False) -> list[str]:
    in_class = "class" in ctx and not nested
    names = (
        ["call", "__call__", "build", "__init__", "train_step", "test_step", "predict_step",
         "update_state", "result", "helper", "_make", "get_config"]
        if in_class else ["f0", "f1", "f2", "train", "step", "h0", "h1"]
    )  # fmt: skip
    name = draw(st.sampled_from(names))
    decorators = draw(
        st.lists(
            st.sampled_from(
                ["@tf.function", "@tf.function(jit_compile=True)", "@tff",
                 "@functools.lru_cache(maxsize=None)", "@staticmethod", "@classmethod",
                 "@property", "@snt.once", "@(lambda f: f)", "@decorators[0]",
                 "@tf.function(input_signature=[tf.TensorSpec([None])])",
                 "@tf.autograph.experimental.do_not_convert", "@functools.wraps(f0)",
                 "@tf1.function", "@tf.keras.utils.register_keras_serializable()"]
            ),
            max_size=3,
        )
    )  # fmt: skip
    params = draw(
        st.sampled_from(
            ["(self, x, training=None, *args, **kwargs)", "(self, /, x, *, training=False)",
             "(self, inputs: tf.Tensor, mask=None) -> tf.Tensor", "()", "(x, y=tf.Variable(1))",
             "(*, w=Dense(2))", "(cls, x)", "(self, x=lambda: tf.Variable(1))", "(this, x)"]
        )
    )  # fmt: skip
    is_async = draw(st.integers(0, 5)) == 0
    inner = ctx - {"class", "loop"} | {"function"} | ({"async"} if is_async else set())
    inner -= set() if is_async else {"async"}
    body: list[str] = []
    if draw(st.integers(0, 4)) == 0:
        body.append("global G")
    if draw(st.booleans()):
        body.append('"""Docstring."""')
    body += _block(draw, frozenset(inner), depth)
    return [*decorators, f"{'async ' if is_async else ''}def {name}{params}:", *indent(body)]


@st.composite
def class_def(draw, ctx: frozenset[str], depth: int) -> list[str]:
    name = draw(st.sampled_from(["C0", "C1", "C2", "C3", "Inner"]))
    bases = draw(st.lists(st.sampled_from(BASES), max_size=3))
    keywords = draw(st.lists(st.sampled_from(CLASS_KEYWORDS), max_size=1, unique=True))
    head = ", ".join([*bases, *keywords])
    decorators = draw(
        st.lists(
            st.sampled_from(["@dataclasses.dataclass",
                             "@keras.saving.register_keras_serializable()", "@snt.once"]),
            max_size=1,
        )
    )  # fmt: skip
    body = ['"""A generated class."""'] if draw(st.booleans()) else []
    if draw(st.booleans()):
        body.append(f"w = {draw(creation()).split(' = ')[-1]}")
    for _ in range(draw(st.integers(1, 3))):
        body += draw(function_def(ctx | {"class"}, depth))
    return [*decorators, f"class {name}({head}):" if head else f"class {name}:", *indent(body)]


@st.composite
def module_source(draw, relative: bool) -> str:
    lines: list[str] = []
    lines += "\n".join(draw(st.lists(st.sampled_from(IMPORTS), min_size=1, max_size=4))).split("\n")
    if relative:
        lines += draw(st.lists(st.sampled_from(RELATIVE_IMPORTS), max_size=2))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            lines += draw(function_def(frozenset(), 2))
        elif kind in (1, 2):
            lines += draw(class_def(frozenset(), 2))
        else:
            lines += draw(statement(frozenset(), 2))
    return "\n".join(lines) + "\n"


HELPERS_TAIL = """
def h0(n=0):
    return h1(n + 1)


def h1(n=0):
    if n > 3:
        return tf.Variable(n)
    return h0(n)


class C4(C4 if False else tf.keras.layers.Layer):
    def __init__(self):
        super().__init__()
        self.d = Dense(2)
"""


def _compiles(source: str) -> bool:
    try:
        compile(source, "generated.py", "exec")
    except (SyntaxError, ValueError):
        return False
    return True


@st.composite
def package(draw) -> dict[str, str]:
    mod = draw(module_source(relative=True).filter(_compiles))
    helpers = draw(module_source(relative=False).filter(_compiles)) + HELPERS_TAIL
    init = draw(
        st.sampled_from(["", "from .helpers import *\n", "from .mod import *\n",
                         "from . import mod, helpers\n", "import tensorflow as tf\n"])
    )  # fmt: skip
    return {"__init__.py": init, "helpers.py": helpers, "mod.py": mod}


_COUNTER = itertools.count()


def _write_package(root: Path, files: dict[str, str]) -> Path:
    # A fresh package name per example: astroid caches modules by name.
    pkg = root / f"genpkg{next(_COUNTER)}"
    pkg.mkdir()
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    return pkg


def test_strategy_builds_valid_python() -> None:
    """The strategy itself: what it draws compiles and has the promised ingredients."""
    seen = ""

    @settings(max_examples=40, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(package())
    def collect(files: dict[str, str]) -> None:
        nonlocal seen
        for text in files.values():
            assert _compiles(text)
        seen += "\n".join(files.values())

    collect()
    for ingredient in ("class ", "def ", "import ", "from ."):
        assert ingredient in seen


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("generated")


@settings(
    # More for a local crash hunt: TFVARLINT_HYPOTHESIS_EXAMPLES=1000 pytest -k generated
    max_examples=int(os.environ.get("TFVARLINT_HYPOTHESIS_EXAMPLES", "60")),
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                           HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)  # fmt: skip
@given(files=package())
def test_generated_packages_never_crash_the_plugin(workdir: Path, files: dict[str, str]) -> None:
    pkg = _write_package(workdir, files)
    outcome = run_in_process([pkg], args=["--enable=all"])
    crashes, _astroid_own = plugin_crashes(
        outcome, lambda paths: run_in_process(paths, args=["--enable=all"], plugin=False)
    )
    assert not crashes, "\n\n".join(crashes) + "\n\nsources:\n" + "\n---\n".join(
        f"# {name}\n{text}" for name, text in files.items()
    )


def test_the_detector_sees_a_plugin_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash planted in the checker is found (the test above can fail)."""
    from tfvarlint import traced  # pylint: disable=import-outside-toplevel

    def boom(*_args, **_kwargs):
        raise RuntimeError("planted")

    monkeypatch.setattr(traced.EntryPoints, "traced_bodies", boom)
    (tmp_path / "m.py").write_text("import tensorflow as tf\n", encoding="utf-8")
    outcome = run_in_process([tmp_path / "m.py"], args=ONLY_PLUGIN)
    crashes, _ = plugin_crashes(
        outcome, lambda paths: run_in_process(paths, args=ONLY_CRASHES, plugin=False)
    )
    assert crashes and "planted" in crashes[0]
