"""The skeleton of Keras's internals that the augment shows astroid (issue 14), without TF.

Unit checks of :func:`tfvarlint.keras_skeleton.skeleton_source` and its names, then pylint on
a fake Keras 3 with the real layout (public API modules re-exporting ``keras.src``): the
core messages that need Keras's classes are the same as on the real code, and a call into
Keras infers as unknown instead of following Keras's bodies.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tfvarlint import keras_skeleton as ks


def _skeleton(source: str) -> str:
    return ks.skeleton_source(textwrap.dedent(source))


def test_names_round_trip() -> None:
    assert ks.skeleton_name("keras.src.layers.layer") == "keras._tfvarlint_skeleton.layers.layer"
    assert ks.skeleton_name("tf_keras.src") == "tf_keras._tfvarlint_skeleton"
    assert ks.skeleton_name("keras.layers") is None
    assert ks.skeleton_name("keras.srcx") is None
    for name in ("keras.src.layers.layer", "tf_keras.src.engine.training", "keras.src"):
        skeleton = ks.skeleton_name(name)
        assert skeleton is not None
        assert ks.real_name(skeleton) == name
    assert ks.real_name("keras.layers") == "keras.layers"


def test_bodies_keep_what_core_checks_read() -> None:
    got = _skeleton('''
        class Layer(Base):
            """Doc."""
            units = 3

            def __init__(self, units, **kwargs):
                super().__init__(**kwargs)
                self.units = units
                self.kernel, self.bias = None, None

                def helper():
                    return 1

            def call(self, inputs):
                """Call."""
                raise NotImplementedError

            def empty(self):
                pass

            def value(self):
                if self.units:
                    return
                return self.units * 2

            def gen(self):
                yield from range(3)

            def nothing(self):
                print(self)
    ''')
    tree = ast.parse(got)
    (cls,) = tree.body
    assert isinstance(cls, ast.ClassDef)
    methods = {
        node.name: ast.unparse(node) for node in cls.body if isinstance(node, ast.FunctionDef)
    }
    assert "units = 3" in got  # class bodies are kept
    assert "self.units = _tfvarlint_unknown_" in methods["__init__"]
    assert "self.kernel = _tfvarlint_unknown_" in methods["__init__"]
    assert "self.bias = _tfvarlint_unknown_" in methods["__init__"]
    assert "super()" not in methods["__init__"] and "return" not in methods["__init__"]
    assert methods["call"].endswith("raise NotImplementedError")  # abstract stays abstract
    assert methods["empty"].endswith("pass")
    assert methods["value"].endswith("return _tfvarlint_unknown_")
    assert "yield _tfvarlint_unknown_" in methods["gen"]
    assert "print" not in methods["nothing"] and "return" not in methods["nothing"]


def test_internal_imports_point_to_skeletons_and_backends_to_tensorflow() -> None:
    got = _skeleton("""
        from keras.src import backend
        from keras.src.layers.layer import Layer
        from . import sibling
        import keras.src.ops as ops
        import numpy as np

        if backend.backend() == "tensorflow":
            from keras.src.backend.tensorflow.layer import TFLayer as BackendLayer
        elif backend.backend() == "jax":
            from keras.src.backend.jax.layer import JaxLayer as BackendLayer
        else:
            raise RuntimeError("no backend")
    """)
    assert "from keras._tfvarlint_skeleton import backend" in got
    assert "from keras._tfvarlint_skeleton.layers.layer import Layer" in got
    assert "from . import sibling" in got
    assert "import keras._tfvarlint_skeleton.ops as ops" in got
    assert "import numpy as np" in got
    assert "backend.tensorflow.layer import TFLayer as BackendLayer" in got
    assert "jax" not in got and "RuntimeError" not in got


_FAKE_KERAS = {
    "keras/__init__.py": "from keras import layers as layers\n",
    "keras/layers/__init__.py": (
        "from keras.src.layers.layer import Layer as Layer\n"
        "from keras.src.layers.layer import Dense as Dense\n"
        "from keras.src.layers.layer import make as make\n"
    ),
    "keras/_tf_keras/__init__.py": "",
    "keras/_tf_keras/keras/__init__.py": (
        "from keras._tf_keras.keras import layers as layers\n"
        "from keras.src.losses import Loss as Loss\n"
    ),
    "keras/_tf_keras/keras/layers/__init__.py": (
        "from keras.src.layers.layer import Layer as Layer\n"
        "from keras.src.layers.layer import Dense as Dense\n"
        "from keras.src.layers.layer import make as make\n"
    ),
    "keras/src/__init__.py": "",
    "keras/src/backend.py": "def backend():\n    return 'tensorflow'\n",
    "keras/src/layers/__init__.py": "",
    "keras/src/layers/layer.py": '''
"""Fake Keras internals with bodies astroid would follow."""
from keras.src import backend

if backend.backend() == "tensorflow":
    class BackendLayer:
        """TF backend layer."""

        def __init__(self):
            self.tf_ready = True
elif backend.backend() == "jax":
    from jax_layer_that_does_not_exist import BackendLayer


class Layer(BackendLayer):
    """Base layer."""

    def __init__(self, **kwargs):
        super().__init__()
        self.built = False
        self.kwargs = kwargs

    def add_weight(self, shape):
        """A weight."""
        self.weights_made = shape
        return 3

    def build(self, input_shape):
        """Build."""
        self.built = True

    def call(self, inputs):
        """Call."""
        raise NotImplementedError

    def get_config(self):
        """Config."""
        return {"kwargs": self.kwargs}


class Dense(Layer):
    """Dense."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def call(self, inputs):
        """Call."""
        return inputs


def make():
    """A number, as far as astroid can tell from the body."""
    return 3
''',
    "keras/src/losses.py": '''
"""Fake losses."""


class Loss:
    """Base loss."""

    def __init__(self, name=None):
        self.name = name

    def call(self, y_true, y_pred):
        """Call."""
        raise NotImplementedError
''',
    "tensorflow/__init__.py": '"""Fake TF: tf.keras is set at run time only."""\n',
}

_USER = '''"""User code."""
from tensorflow import keras


class Scale(keras.layers.Layer):
    """A layer."""

    def __init__(self):  # [super-init-not-called]
        self.size = 3

    def build(self, input_shape):
        """Build."""
        self.width = self.add_weight(shape=input_shape)

    def call(self, inputs):
        """Call."""
        return inputs * self.width * self.built * self.tf_ready

    def get_config(self, extra):  # [arguments-differ]
        """Config."""
        return {"extra": extra}


class NoCall(keras.Loss):  # [abstract-method]
    """Forgot call()."""


NUMBER = keras.layers.make()
print(NUMBER.nothing_here)  # astroid would read make()'s body: "int has no nothing_here"
print(keras.layers.Dens)  # [no-member]
print(keras.layers.Dense(3).units, Scale)
'''


def test_fake_keras_core_messages(tmp_path: Path) -> None:
    """Core messages about Keras classes stand; a Keras call infers as unknown.

    Natively (``import keras`` without the plugin) astroid infers ``make()`` from its body
    and reports ``NUMBER.nothing_here``; through the skeleton the call is unknown.
    """
    for name, text in _FAKE_KERAS.items():
        path = tmp_path / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "user.py").write_text(_USER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    env["PYLINTHOME"] = str(tmp_path / "home")  # a cold skeleton cache, then a warm one
    env.pop("TFVARLINT_NO_CACHE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(tmp_path / "site"), env.get("PYTHONPATH", "")])

    def lint(*options: str) -> set[tuple[int, str]]:
        proc = subprocess.run(
            [
                sys.executable, "-m", "pylint", "--rcfile=/dev/null", "--persistent=n",
                "--output-format=json2", "--disable=C,R", *options, "user.py",
            ],
            cwd=tmp_path, capture_output=True, text=True, env=env, check=False, timeout=300,
        )  # fmt: skip
        assert "Traceback" not in proc.stderr, proc.stderr
        return {(m["line"], m["symbol"]) for m in json.loads(proc.stdout)["messages"]}

    marked = {
        (n, symbol.strip())
        for n, line in enumerate(_USER.splitlines(), 1)
        if "# [" in line
        for symbol in line.split("# [", 1)[1].rstrip("]").split(",")
    }
    got = lint("--load-plugins=tfvarlint")
    assert got == marked, got
    assert list((tmp_path / "home" / "tfvarlint" / "skeletons").iterdir())
    assert lint("--load-plugins=tfvarlint") == marked  # the skeletons read from the cache
    # Augment off: astroid finds no tf.keras at all.
    assert (2, "no-name-in-module") in lint("--load-plugins=tfvarlint", "--tfvarlint-augment=n")
    native = _USER.replace("from tensorflow import keras", "import keras")
    (tmp_path / "user.py").write_text(native, encoding="utf-8")
    nothing_here = 1 + next(n for n, line in enumerate(_USER.splitlines()) if "nothing_h" in line)
    assert (nothing_here, "no-member") in lint()  # stock pylint follows make()'s body


@pytest.mark.parametrize("top", ["keras", "tf_keras"])
def test_api_modules_are_recognised(top: str) -> None:
    class _Module:
        def __init__(self, name: str) -> None:
            self.name = name

    assert ks.is_api_module(_Module(f"{top}.layers"))  # type: ignore[arg-type]
    assert not ks.is_api_module(_Module(f"{top}.src.layers"))  # type: ignore[arg-type]
    assert not ks.is_api_module(_Module(f"{top}._tfvarlint_skeleton.layers"))  # type: ignore[arg-type]
    assert not ks.is_api_module(_Module("numpy"))  # type: ignore[arg-type]


_CACHED = '''
class Dense(Layer):
    """Doc."""

    def __init__(self, units=..., **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def call(self, inputs):
        return ops.matmul(inputs, self.kernel)
'''


def _cache_files(directory: Path) -> list[Path]:
    """The cache's tree files (not its ``.last-pruned`` marker)."""
    return [p for p in directory.iterdir() if not p.name.startswith(".")]


def test_skeleton_cache_reads_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second skeleton of the same source comes from the cache file, equal to a new one."""
    made = ks.cached_skeleton_tree(_CACHED, tmp_path)
    assert ast.dump(made) == ast.dump(ks.skeleton_tree(_CACHED))
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
    assert len(_cache_files(tmp_path)) == 1

    def not_again(source: str) -> ast.Module:
        raise AssertionError("made again instead of read from the cache")

    monkeypatch.setattr(ks, "skeleton_tree", not_again)
    assert ast.dump(ks.cached_skeleton_tree(_CACHED, tmp_path)) == ast.dump(made)
    with pytest.raises(AssertionError, match="made again"):  # another source: not the old tree
        ks.cached_skeleton_tree(_CACHED.replace("units", "width"), tmp_path)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", b"\x80\x05K\x01.", __import__("pickle").dumps(os.system)],
    ids=["empty", "garbage", "not-a-tree", "code"],
)
def test_skeleton_cache_bad_file_is_made_again(tmp_path: Path, content: bytes) -> None:
    """A truncated, foreign or code-carrying cache file is never used: the tree is made again."""
    ks.cached_skeleton_tree(_CACHED, tmp_path)
    (cached,) = _cache_files(tmp_path)
    cached.write_bytes(content)
    fresh = ast.dump(ks.skeleton_tree(_CACHED))
    assert ast.dump(ks.cached_skeleton_tree(_CACHED, tmp_path)) == fresh
    assert ast.dump(ks.cached_skeleton_tree(_CACHED, tmp_path)) == fresh
    assert cached.read_bytes() != content  # written again, whole


def test_skeleton_cache_damaged_file_is_made_again(tmp_path: Path) -> None:
    """A cache file with bytes changed inside (a disk fault) is caught by its checksum, even
    where the changed pickle would still load as some tree."""
    fresh = ast.dump(ks.skeleton_tree(_CACHED))
    ks.cached_skeleton_tree(_CACHED, tmp_path)
    (cached,) = _cache_files(tmp_path)
    whole = cached.read_bytes()
    for at in range(len(whole) // 2, len(whole), max(1, len(whole) // 40)):
        damaged = bytearray(whole)
        damaged[at] ^= 0x01
        cached.write_bytes(bytes(damaged))
        assert ast.dump(ks.cached_skeleton_tree(_CACHED, tmp_path)) == fresh, at
        assert cached.read_bytes() == whole  # written again, whole


def test_skeleton_cache_unwritable_directory(tmp_path: Path) -> None:
    """A cache directory that cannot be made: the skeleton is made, nothing raised."""
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be", encoding="utf-8")
    tree = ks.cached_skeleton_tree(_CACHED, blocked / "skeletons")
    assert ast.dump(tree) == ast.dump(ks.skeleton_tree(_CACHED))


def test_skeleton_cache_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PYLINTHOME", str(tmp_path))
    monkeypatch.delenv("TFVARLINT_NO_CACHE", raising=False)
    assert ks.cache_directory() == tmp_path / "tfvarlint" / "skeletons"
    monkeypatch.setenv("TFVARLINT_NO_CACHE", "0")
    assert ks.cache_directory() == tmp_path / "tfvarlint" / "skeletons"
    monkeypatch.setenv("TFVARLINT_NO_CACHE", "1")
    assert ks.cache_directory() is None


def test_keras_decorators_are_opaque_and_meaningful_ones_kept() -> None:
    got = _skeleton('''
        @keras_export("keras.layers.Dense")
        class Dense(Layer):
            @property
            def units(self):
                return self._units

            @units.setter
            def units(self, value):
                self._units = value

            @traceback_utils.filter_traceback
            def call(self, inputs):
                return inputs

            @staticmethod
            def make():
                return 1

            @abc.abstractmethod
            def build(self, shape):
                pass

            @functools.lru_cache(maxsize=None)
            @tracking.no_automatic_dependency_tracking
            def cached(self):
                return 2
        ''')
    tree = ast.parse(got)
    cls = tree.body[0]
    assert isinstance(cls, ast.ClassDef)
    assert [ast.unparse(d) for d in cls.decorator_list] == ["_tfvarlint_decorator_"]
    decorators = {
        f.name + str(i): [ast.unparse(d) for d in f.decorator_list]
        for i, f in enumerate(cls.body)
        if isinstance(f, ast.FunctionDef)
    }
    assert decorators == {
        "units0": ["property"],
        "units1": ["units.setter"],
        "call2": ["_tfvarlint_decorator_"],
        "make3": ["staticmethod"],
        "build4": ["abc.abstractmethod"],
        "cached5": ["functools.lru_cache(maxsize=None)", "_tfvarlint_decorator_"],
    }


_ATTRIBUTES = '''
import abc

class Meta(type):
    def __init__(cls, name, bases, ns):
        cls.registry = {}

class Plain(Base):
    def __init__(self, units):
        self.units = units
        self.kernel, self.bias = None, None

    def build(me, shape):
        me.built = True

    @classmethod
    def make(cls):
        cls.made = True

    @staticmethod
    def helper(other):
        other.touched = True

    def __new__(cls):
        cls.fresh = True

    @tracking.no_automatic_dependency_tracking
    def _track(self):
        self._tracked = []

    @property
    def size(self):
        return self._size

    @size.setter
    def size(self, value):
        self._size = value

class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1
        self.b = 2

class Failure(Exception):
    def __init__(self, why):
        self.why = why

class UsesMeta(metaclass=abc.ABCMeta):
    def __init__(self):
        self.x = 1

def function(obj):
    obj.attr = 1

instance = Plain(1)
instance.later = 2
'''


def _where(node: object) -> str:
    from astroid import nodes  # pylint: disable=import-outside-toplevel

    scope = node.scope()  # type: ignore[attr-defined]
    return "<module>" if isinstance(scope, nodes.Module) else scope.name


def _attributes(module: object) -> dict[str, tuple[list, list]]:
    from astroid import nodes  # pylint: disable=import-outside-toplevel

    found = {}
    for cls in module.nodes_of_class(nodes.ClassDef):  # type: ignore[attr-defined]
        found[cls.name] = (
            sorted((k, sorted(_where(n) for n in v)) for k, v in cls.instance_attrs.items()),
            sorted(cls.locals),
        )
    return found


def test_instance_attributes_are_recorded_as_astroid_records_them() -> None:
    """The skeleton builder records ``self.x = ...`` of plain methods itself (without
    inferring ``self``): the same instance and class attributes as astroid's own build of
    the same skeleton, for plain, decorated, class and static methods, ``__new__``,
    metaclasses, ``__slots__`` and exceptions."""
    from astroid.builder import AstroidBuilder  # pylint: disable=import-outside-toplevel
    from astroid.manager import AstroidManager  # pylint: disable=import-outside-toplevel

    source = textwrap.dedent(_ATTRIBUTES)
    tree = ks.skeleton_tree(source)
    manager = AstroidManager()
    ours = ks._astroid_module(  # pylint: disable=protected-access
        manager, tree, source, "tfvarlint_attrs_ours", "/nowhere/tfvarlint_attrs_ours.py"
    )
    theirs = AstroidBuilder(manager).string_build(
        ast.unparse(tree), "tfvarlint_attrs_theirs", "/nowhere/tfvarlint_attrs_theirs.py"
    )
    got, expected = _attributes(ours), _attributes(theirs)
    assert got == expected
    assert [k for k, _ in got["Plain"][0]] == [
        "_size", "_tracked", "bias", "built", "kernel", "later", "units"
    ]
    assert "b" not in dict(got["Slotted"][0])
