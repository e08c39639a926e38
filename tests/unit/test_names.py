"""Unit tests for :mod:`tfvarlint.names`: import-aware resolution on small source strings.

Every spelling of issue 3 item 4 resolves; shadowing (a local ``Layer``, ``Variable`` from
elsewhere, a parameter named ``tf``) does not resolve to TensorFlow.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import astroid
import pytest
from astroid import nodes

from tfvarlint import names

# --- helpers -----------------------------------------------------------------------------


def _expr(code: str) -> nodes.NodeNG:
    """The expression marked ``#@`` (a bare expression statement gives its value)."""
    node = astroid.extract_node(textwrap.dedent(code))
    return node.value if isinstance(node, nodes.Expr) else node


# --- qualified_name / resolve: every spelling -------------------------------------------

SPELLINGS = [
    # (source, qualified name, canonical name)
    ("import tensorflow as tf\ntf.Variable #@", "tensorflow.Variable", "tensorflow.Variable"),
    ("import tensorflow\ntensorflow.Variable #@", "tensorflow.Variable", "tensorflow.Variable"),
    ("import tensorflow as T\nT.function #@", "tensorflow.function", "tensorflow.function"),
    (
        "import tensorflow as tf\ntf.keras.layers.Dense #@",
        "tensorflow.keras.layers.Dense",
        "keras.layers.Dense",
    ),
    ("import tensorflow as tf\ntf.keras.Model #@", "tensorflow.keras.Model", "keras.Model"),
    (
        "from tensorflow import keras, Variable, function\nkeras.Model #@",
        "tensorflow.keras.Model",
        "keras.Model",
    ),
    (
        "from tensorflow import keras, Variable, function\nVariable #@",
        "tensorflow.Variable",
        "tensorflow.Variable",
    ),
    (
        "from tensorflow import keras, Variable, function\nfunction #@",
        "tensorflow.function",
        "tensorflow.function",
    ),
    (
        "from tensorflow.keras import layers\nlayers.Layer #@",
        "tensorflow.keras.layers.Layer",
        "keras.layers.Layer",
    ),
    (
        "from tensorflow.keras.layers import Layer\nLayer #@",
        "tensorflow.keras.layers.Layer",
        "keras.layers.Layer",
    ),
    ("import keras\nkeras.Model #@", "keras.Model", "keras.Model"),
    ("import keras\nkeras.models.Model #@", "keras.models.Model", "keras.models.Model"),
    ("import keras\nkeras.layers.Layer #@", "keras.layers.Layer", "keras.layers.Layer"),
    ("import keras\nkeras.Layer #@", "keras.Layer", "keras.Layer"),
    ("import keras\nkeras.losses.Loss #@", "keras.losses.Loss", "keras.losses.Loss"),
    ("import keras\nkeras.Variable #@", "keras.Variable", "keras.Variable"),
    ("from keras import layers, ops\nlayers.Layer #@", "keras.layers.Layer", "keras.layers.Layer"),
    ("from keras import layers, ops\nops.add #@", "keras.ops.add", "keras.ops.add"),
    (
        "import tf_keras as keras\nkeras.layers.Layer #@",
        "tf_keras.layers.Layer",
        "keras.layers.Layer",
    ),
    (
        "import tf_keras as keras\nkeras.backend.variable #@",
        "tf_keras.backend.variable",
        "keras.backend.variable",
    ),
    ("from tf_keras.layers import Layer\nLayer #@", "tf_keras.layers.Layer", "keras.layers.Layer"),
    (
        "import tensorflow as tf\ntf.keras.backend.variable #@",
        "tensorflow.keras.backend.variable",
        "keras.backend.variable",
    ),
    (
        "import tensorflow as tf\ntf.compat.v1.get_variable #@",
        "tensorflow.compat.v1.get_variable",
        "tensorflow.compat.v1.get_variable",
    ),
    (
        "import tensorflow.compat.v1 as v1\nv1.Variable #@",
        "tensorflow.compat.v1.Variable",
        "tensorflow.compat.v1.Variable",
    ),
    (
        "import tensorflow.compat.v1\ntensorflow.compat.v1.Variable #@",
        "tensorflow.compat.v1.Variable",
        "tensorflow.compat.v1.Variable",
    ),
    (
        "from tensorflow.keras import backend as K\nK.variable #@",
        "tensorflow.keras.backend.variable",
        "keras.backend.variable",
    ),
]


@pytest.mark.parametrize(("code", "qualified", "canonical"), SPELLINGS)
def test_every_spelling_resolves(code: str, qualified: str, canonical: str) -> None:
    node = _expr(code)
    assert names.qualified_name(node) == qualified
    assert names.resolve(node) == canonical


def test_function_scope_import() -> None:
    node = _expr(
        """
        def make():
            import tensorflow as tf
            return tf.Variable #@
        """
    )
    assert names.resolve(node.value) == "tensorflow.Variable"


def test_function_scope_import_shadows_module_import() -> None:
    code = """
    from tensorflow import Variable

    def plain():
        from ctypes import c_double as Variable
        return Variable #@

    def traced():
        return Variable #@
    """
    inner, outer = astroid.extract_node(textwrap.dedent(code))
    assert names.qualified_name(inner.value) == "ctypes.c_double"
    assert names.qualified_name(outer.value) == "tensorflow.Variable"


def test_local_class_named_layer_is_not_keras() -> None:
    node = _expr(
        """
        class Layer:
            pass

        Layer #@
        """
    )
    qname = names.qualified_name(node)
    assert qname is not None and qname.endswith(".Layer")
    assert not names.is_tf_name(qname)
    assert names.resolve(node) != "keras.layers.Layer"


def test_variable_imported_from_elsewhere_is_not_tf() -> None:
    node = _expr("from sympy import Variable\nVariable #@")
    assert names.qualified_name(node) == "sympy.Variable"
    assert not names.is_tf_name(names.resolve(node))


def test_parameter_named_tf_is_not_the_module() -> None:
    node = _expr(
        """
        import tensorflow as tf

        def build(tf):
            return tf.Variable #@
        """
    )
    assert names.qualified_name(node.value) is None


def test_local_value_and_unknown_names_give_none() -> None:
    local, unknown = astroid.extract_node(
        textwrap.dedent(
            """
            def f():
                layer = make_layer()
                layer.Variable #@
                undefined_thing.Variable #@
            """
        )
    )
    assert names.qualified_name(local) is None
    assert names.qualified_name(unknown) is None


def test_non_dotted_expression_gives_none() -> None:
    node = _expr("import tensorflow as tf\ntf.keras.Sequential().layers #@")
    assert names.qualified_name(node) is None
    assert names.resolve(node) is None


def test_alias_assignment_is_followed() -> None:
    node = _expr(
        """
        import tensorflow as tf
        V = tf.Variable
        Base = tf.keras.layers.Layer
        V #@
        """
    )
    assert names.resolve(node) == "tensorflow.Variable"
    base = _expr(
        """
        import tensorflow as tf
        Base = tf.keras.layers.Layer
        Base #@
        """
    )
    assert names.resolve(base) == "keras.layers.Layer"


def test_import_wins_over_fallback_assignment() -> None:
    node = _expr(
        """
        try:
            import tensorflow as tf
        except ImportError:
            tf = None
        tf.function #@
        """
    )
    assert names.resolve(node) == "tensorflow.function"


def test_reassigned_to_something_else_is_not_tf() -> None:
    node = _expr(
        """
        import numpy as tf
        tf.Variable #@
        """
    )
    assert names.qualified_name(node) == "numpy.Variable"
    assert not names.is_tf_name(names.resolve(node))


# --- canonical ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qname", "expected"),
    [
        ("tensorflow.keras.layers.Dense", "keras.layers.Dense"),
        ("tensorflow.compat.v2.keras.layers.Dense", "keras.layers.Dense"),
        ("tensorflow.python.keras.engine.base_layer.Layer", "keras.engine.base_layer.Layer"),
        ("tf_keras.Model", "keras.Model"),
        ("tf_keras.src.layers.Dense", "keras.layers.Dense"),
        ("tf_keras", "keras"),
        ("keras.src.layers.Dense", "keras.layers.Dense"),
        ("keras._tf_keras.keras.layers.Dense", "keras.layers.Dense"),
        ("tensorflow.compat.v2.Variable", "tensorflow.Variable"),
        # Unchanged: not a Keras alias, or only a prefix of a longer word.
        ("tensorflow.Variable", "tensorflow.Variable"),
        ("tensorflow.compat.v1.Variable", "tensorflow.compat.v1.Variable"),
        ("tensorflowx.keras.Model", "tensorflowx.keras.Model"),
        ("tf_kerasplus.Model", "tf_kerasplus.Model"),
        ("keras.layers.Dense", "keras.layers.Dense"),
        ("numpy.array", "numpy.array"),
    ],
)
def test_canonical(qname: str, expected: str) -> None:
    assert names.canonical(qname) == expected


def test_canonical_of_nothing() -> None:
    assert names.canonical(None) is None
    assert names.canonical("") == ""


def test_is_tf_name() -> None:
    assert names.is_tf_name("tensorflow.Variable")
    assert names.is_tf_name("keras.layers.Dense")
    assert names.is_tf_name("tf_keras.Model")
    assert not names.is_tf_name("tensorflow_datasets.load")
    assert not names.is_tf_name("mymodule.Layer")
    assert not names.is_tf_name(None)


# --- imported_top_packages ---------------------------------------------------------------


def test_imported_top_packages_all_scopes() -> None:
    module = astroid.parse(
        textwrap.dedent(
            """
            import os.path
            from tensorflow.keras import layers

            class Model:
                import keras

                def method(self):
                    def inner():
                        import tf_keras
                    from sonnet import once

            def helper():
                import numpy as np
            """
        )
    )
    assert names.imported_top_packages(module) == {
        "os",
        "tensorflow",
        "keras",
        "tf_keras",
        "sonnet",
        "numpy",
    }


def test_imported_top_packages_ignores_relative_and_mentions() -> None:
    module = astroid.parse(
        textwrap.dedent(
            """
            from . import tensorflow
            from .keras import layers
            x = "import tensorflow"
            # import keras
            def f():
                return tf.Variable(1.0)
            """
        ),
        module_name="pkg.mod",
    )
    assert names.imported_top_packages(module) == set()


def test_imported_top_packages_sees_guarded_imports() -> None:
    module = astroid.parse(
        textwrap.dedent(
            """
            from typing import TYPE_CHECKING
            if TYPE_CHECKING:
                import tensorflow as tf
            try:
                import keras
            except ImportError:
                keras = None
            """
        )
    )
    assert {"typing", "tensorflow", "keras"} <= names.imported_top_packages(module)


# --- project_definition ------------------------------------------------------------------


def test_project_definition_same_module() -> None:
    uses = astroid.extract_node(
        textwrap.dedent(
            """
            import tensorflow as tf
            from collections import OrderedDict

            class Base(tf.keras.layers.Layer):
                pass

            def helper():
                pass

            value = 3

            def use(param):
                Base #@
                helper #@
                value #@
                tf.keras.layers.Layer #@
                OrderedDict #@
                param #@
                Base.attribute #@
            """
        )
    )
    base, helper, value, keras_layer, ordered, param, attribute = uses
    found = names.project_definition(base)
    assert isinstance(found, nodes.ClassDef) and found.name == "Base"
    found = names.project_definition(helper)
    assert isinstance(found, nodes.FunctionDef) and found.name == "helper"
    assert names.project_definition(value) is None
    assert names.project_definition(keras_layer) is None
    assert names.project_definition(ordered) is None
    assert names.project_definition(param) is None
    assert names.project_definition(attribute) is None


_PACKAGE_COUNTER = itertools.count()


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str]:
    """A small project package on disk: ``<pkg>/base.py`` defines a layer base and a helper,
    ``<pkg>/__init__.py`` re-exports them."""
    package = f"tfvl_unit_pkg{next(_PACKAGE_COUNTER)}"
    root = tmp_path / package
    root.mkdir()
    (root / "__init__.py").write_text("from .base import Base, make_variable\n")
    (root / "base.py").write_text(
        textwrap.dedent(
            """
            import tensorflow as tf

            class Base(tf.keras.layers.Layer):
                pass

            def make_variable():
                return tf.Variable(1.0)
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    return root, package


def _module_in(root: Path, package: str, code: str) -> nodes.Module:
    path = root / "user.py"
    path.write_text(textwrap.dedent(code))
    return astroid.MANAGER.ast_from_file(str(path), f"{package}.user", source=True)


def test_project_definition_other_module(project: tuple[Path, str]) -> None:
    root, package = project
    module = _module_in(
        root,
        package,
        f"""
        from {package}.base import Base
        from {package} import make_variable
        import {package}.base
        from .base import Base as RelativeBase

        Base
        make_variable
        {package}.base.Base
        RelativeBase
        """,
    )
    values = [stmt.value for stmt in module.body if isinstance(stmt, nodes.Expr)]
    found = [names.project_definition(value) for value in values]
    assert [type(item).__name__ for item in found] == [
        "ClassDef",
        "FunctionDef",
        "ClassDef",
        "ClassDef",
    ]
    assert {item.name for item in found} == {"Base", "make_variable"}
    assert all(item.root().name == f"{package}.base" for item in found)


def test_project_definition_never_enters_tensorflow_or_stdlib(
    project: tuple[Path, str],
) -> None:
    root, package = project
    module = _module_in(
        root,
        package,
        """
        import tensorflow as tf
        from tensorflow.keras.layers import Layer
        from collections import OrderedDict
        from no_such_module import Thing

        tf.Variable
        Layer
        OrderedDict
        Thing
        """,
    )
    values = [stmt.value for stmt in module.body if isinstance(stmt, nodes.Expr)]
    assert [names.project_definition(value) for value in values] == [None, None, None, None]


_LOOKUP_SHAPES = '''
import tensorflow as tf
try:
    import keras
    def in_try():
        return keras, tf
except ImportError:
    keras = None
    def in_except():
        return keras, tf
if tf:
    def in_if():
        return tf, keras
for tf_loop in range(2):
    def in_loop():
        return tf_loop
with open("x") as handle:
    def in_with():
        return handle
layers = tf.keras.layers
def uses_global():
    global layers
    layers = None
    return layers
def calls_recursive():
    return recursive
def reads_global():
    return layers, len, tf, keras
def recursive():
    return recursive, tf
class Model(tf.keras.Model):
    tf = "class attribute"
    def call(self, x):
        def inner():
            return tf, x, keras
        tf_local = tf
        return inner, tf_local, Model
    def shadow(self):
        keras = 1
        def inner():
            return keras, tf
        return inner
def outer():
    tf = None
    def inner():
        return tf, keras
    return inner
lam = lambda: (tf, keras)
def later():
    return defined_after, tf
defined_after = 1
def comprehension():
    return [tf for tf in range(3)], [keras for _ in range(2)]
def starred():
    from os import path
    return path, tf
'''


def _body_reads(module: nodes.Module) -> list[nodes.Name]:
    return [
        name
        for name in module.nodes_of_class(nodes.Name)
        if names._body_read(name, name.name) is not None  # pylint: disable=protected-access
    ]


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_shared_lookups_are_astroids(order: str) -> None:
    """names._lookup shares one lookup between reads (per function, per module): every
    read in a function body gets exactly what astroid's own lookup of that read gives,
    whichever read asked first (try/except, if, loop and with blocks, global, nested and
    shadowing scopes, class attributes, recursion, names bound later)."""
    module = astroid.parse(_LOOKUP_SHAPES, module_name="lookup_shapes")
    reads = _body_reads(module)
    assert len(reads) > 20
    names.clear_caches()
    try:
        for name in reads if order == "forward" else reversed(reads):
            read = names._body_read(name, name.name)  # pylint: disable=protected-access
            scope, found = names._lookup(name, name.name, read)  # pylint: disable=protected-access
            expected_scope, expected = name.lookup(name.name)
            where = f"{name.name} at line {name.lineno}"
            assert scope is expected_scope, where
            assert [id(n) for n in found] == [id(n) for n in expected], where
    finally:
        names.clear_caches()
