"""tfvarlint.augment's decisions, on tiny fake ``tensorflow``/``keras``/``tf_keras`` packages.

Runs anywhere (no TensorFlow needed): the fakes have the layout TensorFlow 2.16+ routes
``tf.keras`` to (``keras._tf_keras.keras`` for Keras 3, ``tf_keras.api._v2.keras`` for
tf-keras), so these tests check which one is chosen and when, quickly; ``test_augment.py``
checks the same against the real packages. A fake ``keras`` Layer/Model/Metric also carries
the Keras idioms core checks misread, so the augment's suppressions (W0201, W0221, W0237,
W0223, R0901) are checked with and without ``tfvarlint-augment`` here too.
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

    def add_metric(self, value):
        """Not supported (Keras 3 raises): no override needed."""
        raise NotImplementedError(value)


class Dense(Layer):
    """Fake Dense."""

    def __init__(self, units):
        self.units = units
'''

_MODELS = '''
"""Fake Keras 3 models: Model has Keras's own ancestors (trainers, Layer)."""
from keras._tf_keras.keras.layers import Layer


class _Trainer1:
    """Fake trainer base."""


class _Trainer2(_Trainer1):
    """Fake trainer base."""


class _Trainer3(_Trainer2):
    """Fake trainer base."""


class Model(_Trainer3, Layer):
    """Fake Model."""

    def compile(self, optimizer="rmsprop", loss=None):
        """Compile."""
        return optimizer, loss

    def train_step(self, data):
        """One step."""
        return data
'''

_METRICS = '''
"""Fake Keras 3 metrics."""


class Metric:
    """Fake base metric."""

    def update_state(self, *args, **kwargs):
        """The user writes it."""
        raise NotImplementedError(args, kwargs)

    def result(self):
        """The user writes it."""
        raise NotImplementedError
'''

FAKES = {
    "tensorflow/__init__.py": '"""Fake TF: tf.keras is set at run time only."""\n',
    "keras/__init__.py": (
        '"""Fake Keras 3."""\n'
        "from keras._tf_keras.keras import Model as Model, layers as layers, metrics as metrics\n"
    ),
    "keras/_tf_keras/__init__.py": "",
    "keras/_tf_keras/keras/__init__.py": (
        "from keras._tf_keras.keras import layers as layers\n"
        "from keras._tf_keras.keras import metrics as metrics\n"
        "from keras._tf_keras.keras.models import Model as Model\n"
    ),
    "keras/_tf_keras/keras/layers/__init__.py": _LAYERS.format(which="Keras 3"),
    "keras/_tf_keras/keras/models/__init__.py": _MODELS,
    "keras/_tf_keras/keras/metrics/__init__.py": _METRICS,
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


# Keras idioms that core checks misread (augment.py part 2), on standalone ``keras`` so that
# stock pylint sees the Keras bases too (no tensorflow.keras routing involved). A trailing
# ``# <symbol>-`` marks a message stock pylint gives there and the augment drops;
# ``# <symbol>+`` one it keeps.
USER_IDIOMS = '''
"""Keras idioms and look-alikes."""
import keras


class Scale(keras.layers.Layer):  # abstract-method-
    """A layer: build() renames input_shape, call() drops *args/**kwargs."""

    def build(self, shape):  # arguments-renamed-
        """Build."""
        self.width = shape[-1]  # attribute-defined-outside-init-
        self._make_bias()

    def _make_bias(self):
        """Called by build()."""
        self.bias = 0.0  # attribute-defined-outside-init-

    def call(self, inputs, training=None):  # arguments-differ-
        """Call."""
        self.seen = inputs  # attribute-defined-outside-init+
        return inputs * self.width + self.bias, training

    def get_config(self, extra):  # arguments-differ+
        """A config that needs an argument Keras never passes."""
        return {"extra": extra}


class Net(keras.Model):  # abstract-method- too-many-ancestors-
    """A model: compile() sets attributes, train_step() renames data."""

    def compile(self, optimizer="sgd", loss=None):
        """Compile."""
        self.steps = 0  # attribute-defined-outside-init-
        return optimizer, loss

    def train_step(self, batch):  # arguments-renamed-
        """One step."""
        return batch


class Deep1(keras.Model):  # abstract-method- too-many-ancestors-
    """Project hierarchy: 0 own ancestors."""


class Deep2(Deep1):  # abstract-method- too-many-ancestors-
    """1 own ancestor."""


class Deep3(Deep2):  # abstract-method- too-many-ancestors-
    """2 own ancestors."""


class Deep4(Deep3):  # abstract-method- too-many-ancestors-
    """3 own ancestors: max-parents."""


class Deep5(Deep4):  # abstract-method- too-many-ancestors+
    """4 own ancestors: over max-parents."""


class Mean(keras.metrics.Metric):  # abstract-method+
    """A metric: update_state() has the documented signature, result() is missing."""

    def update_state(self, y_true, y_pred, sample_weight=None):  # arguments-differ-
        """Update."""
        return y_true, y_pred, sample_weight


class Plain:
    """Not Keras: everything stays."""

    def build(self, shape):
        """Build."""
        self.width = shape  # attribute-defined-outside-init+


class Base:
    """A project base class."""

    def call(self, inputs, *args):
        """Call."""
        return inputs, args


class Child(Base):
    """Not Keras: its base's signature is the project's."""

    def call(self, inputs):  # arguments-differ+
        """Call."""
        return inputs


print(Scale, Net, Deep5, Mean, Plain, Child)
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
    (tmp_path / "user_idioms.py").write_text(USER_IDIOMS, encoding="utf-8")
    return tmp_path


def lint(
    tree: Path,
    *options: str,
    env: dict[str, str] | None = None,
    files: tuple[str, ...] = ("user.py", "user_legacy.py"),
) -> list[tuple[str, int, str, str]]:
    environ = {k: v for k, v in os.environ.items() if k != "TF_USE_LEGACY_KERAS"}
    # The fakes first; the caller's PYTHONPATH kept, so the tfvarlint under test is the one run.
    environ["PYTHONPATH"] = os.pathsep.join(
        [str(tree / "site"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
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


IDIOMS = ("user_idioms.py",)
IDIOM_OPTIONS = ("--enable=abstract-method,too-many-ancestors", "--max-parents=3")


def _marked(*signs: str) -> list[tuple[int, str]]:
    """(line, symbol) of the ``# <symbol><sign>`` marks of USER_IDIOMS."""
    return sorted(
        (number, mark[:-1])
        for number, text in enumerate(USER_IDIOMS.splitlines(), start=1)
        if "  # " in text
        for mark in text.rsplit("  # ", 1)[1].split()
        if mark[-1] in signs and mark[:-1].replace("-", "").isalpha()
    )


def _idiom_messages(tree: Path, *options: str) -> list[tuple[int, str]]:
    """(line, symbol) of the messages on USER_IDIOMS, each once (pylint may repeat one)."""
    return sorted(
        {
            (line, symbol)
            for _, line, symbol, _ in lint(tree, *IDIOM_OPTIONS, *options, files=IDIOMS)
        }
    )


def test_idioms_fixture_covers_every_suppression() -> None:
    symbols = {symbol for _, symbol in _marked("-")}
    assert symbols == {
        "attribute-defined-outside-init",  # W0201
        "arguments-differ",  # W0221
        "arguments-renamed",  # W0237
        "abstract-method",  # W0223
        "too-many-ancestors",  # R0901
    }
    assert {symbol for _, symbol in _marked("+")} == symbols - {"arguments-renamed"}


def test_core_messages_on_keras_idioms_without_augment(tree: Path) -> None:
    """Stock pylint, and the plugin with ``tfvarlint-augment=n``, give every marked message."""
    stock = _idiom_messages(tree)
    assert stock == _marked("-", "+")
    assert _idiom_messages(tree, "--load-plugins=tfvarlint", "--tfvarlint-augment=n") == stock


def test_augment_drops_keras_idioms_only(tree: Path) -> None:
    """W0201/W0221/W0237/W0223/R0901 on Keras idioms go; the look-alikes stay."""
    assert _idiom_messages(tree, "--load-plugins=tfvarlint") == _marked("+")


def test_augment_drops_keras_idioms_in_parallel_jobs(tree: Path) -> None:
    assert _idiom_messages(tree, "--load-plugins=tfvarlint", "--jobs=2") == _marked("+")
