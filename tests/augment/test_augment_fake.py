"""tfvarlint.augment's decisions, on tiny fake ``tensorflow``/``keras``/``tf_keras`` packages.

Runs anywhere (no TensorFlow needed): the fakes have the layout TensorFlow 2.16+ routes
``tf.keras`` to (``keras._tf_keras.keras`` for Keras 3, ``tf_keras.api._v2.keras`` for
tf-keras), so these tests check which one is chosen and when, quickly; ``test_augment.py``
checks the same against the real packages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from astroid.exceptions import AstroidBuildingError

from tfvarlint import augment

_LAYERS = '''
"""Fake {which} layers."""


class Layer:
    """Fake base layer."""

    def build(self, input_shape):
        """Build."""
        return input_shape

    def call(self, inputs, *args, **kwargs):
        """Call."""
        return inputs, args, kwargs

    def get_config(self):
        """Config."""
        return {{}}


class Dense(Layer):
    """Fake Dense."""

    def __init__(self, units):
        self.units = units
'''

FAKES = {
    "tensorflow/__init__.py": '"""Fake TF: tf.keras is set at run time only."""\n',
    "keras/__init__.py": '"""Fake Keras 3."""\n',
    "keras/_tf_keras/__init__.py": "",
    "keras/_tf_keras/keras/__init__.py": "from keras._tf_keras.keras import layers as layers\n",
    "keras/_tf_keras/keras/layers/__init__.py": _LAYERS.format(which="Keras 3"),
    "tf_keras/__init__.py": '"""Fake tf-keras."""\n',
    "tf_keras/api/__init__.py": "",
    "tf_keras/api/_v2/__init__.py": "",
    "tf_keras/api/_v2/keras/__init__.py": "from tf_keras.api._v2.keras import layers as layers\n",
    "tf_keras/api/_v2/keras/layers/__init__.py": _LAYERS.format(which="tf-keras"),
    "tf_keras/api/_v1/__init__.py": "",
    "tf_keras/api/_v1/keras/__init__.py": "from tf_keras.api._v1.keras import layers as layers\n",
    "tf_keras/api/_v1/keras/layers/__init__.py": _LAYERS.format(which="tf-keras v1"),
    "tensorflow/_api/__init__.py": "",
    "tensorflow/_api/v2/__init__.py": "",
    "tensorflow/_api/v2/compat/__init__.py": "",
    "tensorflow/_api/v2/compat/v1/__init__.py": '"""Fake tf.compat.v1."""\n\nplaceholder = None\n',
}

USER_V1 = '''"""TF1-style user code."""
import tensorflow.compat.v1 as tf1

print(tf1.placeholder, tf1.keras.layers.Dense, tf1.keras.layers.Dens)
'''

USER = '''
"""User code."""
import tensorflow as tf
from tensorflow.keras.layers import Layer
from tensorflow import keras


class Scale(Layer):
    """A layer."""

    def build(self, input_shape):
        """Build."""
        self.width = input_shape[-1]

    def call(self, inputs):
        """Call."""
        self.seen = inputs
        return inputs * self.width


print(tf.keras.layers.Dense(3), tf.keras.layers.Dens(3), keras.layers.Dense(1), Scale)
'''


@pytest.fixture(name="tree")
def fixture_tree(tmp_path: Path) -> Path:
    for name, text in FAKES.items():
        path = tmp_path / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "user.py").write_text(USER, encoding="utf-8")
    (tmp_path / "user_legacy.py").write_text("import tf_keras\n" + USER, encoding="utf-8")
    (tmp_path / "user_v1.py").write_text(USER_V1, encoding="utf-8")
    return tmp_path


def lint(
    tree: Path,
    *options: str,
    env: dict[str, str] | None = None,
    files: tuple[str, ...] = ("user.py", "user_legacy.py"),
) -> list[tuple[str, int, str, str]]:
    environ = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    environ["PYTHONPATH"] = str(tree / "site")
    environ.update(env or {})
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pylint",
            "--rcfile=/dev/null",
            "--output-format=json2",
            "--disable=all",
            "--enable=import-error,no-name-in-module,no-member,attribute-defined-outside-init,"
            "arguments-differ,arguments-renamed",
            *options,
            *files,
        ],
        cwd=tree,
        capture_output=True,
        text=True,
        env=environ,
        check=False,
        timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return sorted(
        (m["path"], m["line"] - (m["path"] == "user_legacy.py"), m["symbol"], m["message"])
        for m in json.loads(proc.stdout)["messages"]
    )


def _typo(module: str) -> str:
    return f"Module '{module}.layers' has no 'Dens' member; maybe 'Dense'?"


K3, K2 = "keras._tf_keras.keras", "tf_keras.api._v2.keras"


def test_keras3_unless_the_module_imports_tf_keras(tree: Path) -> None:
    assert lint(tree, "--load-plugins=tfvarlint") == [
        (
            "user.py",
            17,
            "attribute-defined-outside-init",
            "Attribute 'seen' defined outside __init__",
        ),
        ("user.py", 21, "no-member", _typo(K3)),
        (
            "user_legacy.py",
            17,
            "attribute-defined-outside-init",
            "Attribute 'seen' defined outside __init__",
        ),
        ("user_legacy.py", 21, "no-member", _typo(K2)),
    ]


@pytest.mark.parametrize(
    ("options", "env"),
    [((), {"TF_USE_LEGACY_KERAS": "1"}), (("--tfvarlint-keras-version=2",), {})],
)
def test_tf_keras_when_legacy_is_asked_for(tree: Path, options: tuple[str, ...], env: dict) -> None:
    found = [
        m for m in lint(tree, "--load-plugins=tfvarlint", *options, env=env) if m[2] == "no-member"
    ]
    assert [m[3] for m in found] == [_typo(K2), _typo(K2)]


def test_keras_version_3_wins_over_import(tree: Path) -> None:
    found = lint(tree, "--load-plugins=tfvarlint", "--tfvarlint-keras-version=3")
    assert [m[3] for m in found if m[2] == "no-member"] == [_typo(K3), _typo(K3)]


def test_without_plugin_or_with_augment_off_stock_messages(tree: Path) -> None:
    stock = lint(tree)
    assert lint(tree, "--load-plugins=tfvarlint", "--tfvarlint-augment=n") == stock
    symbols = {(path, line, symbol) for path, line, symbol, _ in stock}
    assert ("user.py", 4, "import-error") in symbols  # from tensorflow.keras.layers import
    assert ("user.py", 5, "no-name-in-module") in symbols  # from tensorflow import keras
    assert ("user.py", 13, "attribute-defined-outside-init") in symbols  # in build()
    assert ("user.py", 21, "no-member") in symbols  # tf.keras


@pytest.mark.parametrize(
    ("env", "module"), [({}, K3), ({"TF_USE_LEGACY_KERAS": "1"}, "tf_keras.api._v1.keras")]
)
def test_compat_v1_and_its_keras(tree: Path, env: dict[str, str], module: str) -> None:
    """``import tensorflow.compat.v1`` is found in tensorflow/_api/v2; its keras is routed."""
    files = ("user_v1.py",)
    assert lint(tree, "--load-plugins=tfvarlint", env=env, files=files) == [
        ("user_v1.py", 4, "no-member", _typo(module))
    ]
    stock = {(m[1], m[2]) for m in lint(tree, env=env, files=files)}
    assert stock == {(2, "import-error"), (2, "no-name-in-module")}


def test_hook_answers_nothing_but_tensorflow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Other failed imports are refused before anything else is looked at (no cost)."""

    def fail() -> None:
        raise AssertionError("the hook looked further than the module name")

    monkeypatch.setattr(augment._Hooks, "enabled", fail)  # pylint: disable=protected-access
    for name in ("numpy", "keras", "tensorflowx", "tensorflow_addons.layers", "tf_keras"):
        with pytest.raises(AstroidBuildingError):
            augment._tensorflow_keras_hook(name)  # pylint: disable=protected-access


def test_option_is_documented() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=tfvarlint", "--help"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    text = " ".join(proc.stdout.split())
    assert "--tfvarlint-augment <y or n>" in text
    assert "Teach pylint where tensorflow.keras is" in text
    assert textwrap.dedent("(default: True)") in text.split("--tfvarlint-augment", 1)[1][:600]


def test_parallel_jobs_give_the_same_messages(tree: Path) -> None:
    """Workers re-register the plugin: hook and suppressions work there too, once."""
    assert lint(tree, "--load-plugins=tfvarlint", "--jobs=2") == lint(
        tree, "--load-plugins=tfvarlint"
    )
