"""Files that are not nice Python: the plugin must stay silent, never crash.

Syntax errors, empty files, non-UTF-8 files (declared and undeclared), an unknown coding,
a binary file named ``.py``, very deep nesting (statements, expressions, lambdas, nested
functions, class hierarchies, helper chains, attribute chains) and very long files. Each is
linted by a pylint subprocess with the plugin; a crash is what ``robustness_support`` says.
Where the file is valid, the expected messages are checked too, so that a plugin which
silently gave up would fail.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from robustness_support import ONLY_CRASHES, ONLY_PLUGIN, Outcome, plugin_crashes, run_subprocess

LAYER_HEAD = "import tensorflow as tf\n\n\n"


def _lint(tmp_path: Path, files: dict[str, bytes | str]) -> Outcome:
    src = tmp_path / "src"
    src.mkdir()
    paths = []
    for name, content in files.items():
        path = src / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        paths.append(path)
    outcome = run_subprocess(paths, extra=ONLY_PLUGIN, cwd=tmp_path)
    crashes, astroid_own = plugin_crashes(
        outcome, lambda p: run_subprocess(p, plugin=False, extra=ONLY_CRASHES, cwd=tmp_path)
    )
    for message in astroid_own:
        print(f"astroid's own failure: {message.path}: {message.symbol}: {message.text[:200]}")
    assert not crashes, "\n\n".join(crashes)
    return outcome


def _symbols(outcome: Outcome, name: str) -> Counter[str]:
    return Counter(m.symbol for m in outcome.messages if Path(m.path).name == name)


def test_broken_and_empty_files(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096)
    files: dict[str, bytes | str] = {
        "syntax_error.py": LAYER_HEAD
        + "class A(tf.keras.layers.Layer):\n    def call(self, x)\n        return tf.Variable(x)\n",
        "unclosed.py": LAYER_HEAD + "x = tf.Variable((1,\n",
        "bad_indent.py": LAYER_HEAD + "def f():\nreturn tf.Variable(1)\n",
        "empty.py": "",
        "only_comment.py": "# nothing here\n",
        "only_bom.py": b"\xef\xbb\xbf",
        "only_newlines.py": "\n" * 1000,
        "latin1_declared.py": b"# -*- coding: latin-1 -*-\nimport tensorflow as tf\n"
        b"class A(tf.keras.layers.Layer):\n    def call(self, x):\n"
        b"        s = '\xe9t\xe9'\n        return tf.Variable(x)\n",
        "undeclared_latin1.py": b"import tensorflow as tf\ns = '\xe9\xff\xfe'\n",
        "unknown_coding.py": b"# coding: klingon\nimport tensorflow as tf\n",
        "binary.py": b"\x00\x01\x02PK\x03\x04" + noise,
        "nul_in_source.py": b"import tensorflow as tf\nx = 1\x00\n",
        "utf16.py": "import tensorflow as tf\nv = tf.Variable(1)\n".encode("utf-16"),
        "py2_print.py": LAYER_HEAD + "print 'hello'\n",
        "tabs_and_spaces.py": LAYER_HEAD + "if True:\n\tx = 1\n        y = 2\n",
    }
    outcome = _lint(tmp_path, files)
    # The one valid file with a defect is still checked.
    assert _symbols(outcome, "latin1_declared.py")["tf-variable-created-in-call"] == 1


def _deep_ifs(depth: int) -> str:
    lines = [LAYER_HEAD, "class Deep(tf.keras.layers.Layer):", "    def call(self, x):"]
    pad = "        "
    for level in range(depth):
        lines.append(f"{pad}if x > {level}:")
        pad += " "
    lines.append(f"{pad}self.w = tf.Variable(x)")
    return "\n".join(lines) + "\n"


def _deep_expression(depth: int) -> str:
    return LAYER_HEAD + (
        "class E(tf.keras.layers.Layer):\n    def call(self, x):\n"
        f"        return {'(' * depth}tf.Variable(x){')' * depth}\n"
    )


def _deep_calls(depth: int) -> str:
    return LAYER_HEAD + (
        "@tf.function\ndef f(x):\n"
        f"    return {'tf.identity(' * depth}tf.Variable(x){')' * depth}\n"
    )


def _deep_lambdas(depth: int) -> str:
    return LAYER_HEAD + (
        "@tf.function\ndef f(x):\n"
        f"    return {'(lambda: ' * depth}tf.Variable(x){')()' * depth}\n"
    )


def _deep_defs(depth: int) -> str:
    lines = [LAYER_HEAD, "@tf.function", "def f0(x):"]
    pad = "    "
    for level in range(1, depth):
        lines += [f"{pad}def f{level}(x):"]
        pad += "    "
    lines.append(f"{pad}return tf.Variable(x)")
    for level in range(depth - 1, 0, -1):
        pad = pad[:-4]
        lines.append(f"{pad}return f{level}(x)")
    return "\n".join(lines) + "\n"


def _class_chain(depth: int) -> str:
    lines = [LAYER_HEAD, "class C0(tf.keras.layers.Layer):", "    pass"]
    lines += [f"class C{i}(C{i - 1}):\n    pass" for i in range(1, depth)]
    lines += [
        f"class Top(C{depth - 1}):",
        "    def call(self, x):",
        "        return tf.Variable(x)",
        "",
        "class Cycle1(Cycle2):",
        "    def call(self, x):",
        "        return tf.Variable(x)",
        "class Cycle2(Cycle1, tf.keras.layers.Layer):",
        "    pass",
    ]
    return "\n".join(lines) + "\n"


def _helper_chain(depth: int) -> str:
    lines = [LAYER_HEAD]
    lines += [f"def h{i}(x):\n    return h{i + 1}(x)\n" for i in range(depth)]
    lines += [f"def h{depth}(x):\n    return h0(x) + tf.Variable(x)\n"]
    lines += ["@tf.function", "def f(x):", "    return h0(x)"]
    return "\n".join(lines) + "\n"


def _attribute_chain(depth: int) -> str:
    chain = ".".join(f"a{i}" for i in range(depth))
    return LAYER_HEAD + f"@tf.function\ndef f(x):\n    return tf.{chain}.Variable(x)\n"


def test_very_deep_nesting(tmp_path: Path) -> None:
    files: dict[str, bytes | str] = {
        "deep_ifs.py": _deep_ifs(95),  # CPython allows 100 indentation levels
        "deep_expression.py": _deep_expression(180),  # and 200 nested parentheses
        "deep_calls.py": _deep_calls(90),
        "deep_lambdas.py": _deep_lambdas(60),
        "deep_defs.py": _deep_defs(45),
        "class_chain.py": _class_chain(400),
        "helper_chain.py": _helper_chain(400),
        "attribute_chain.py": _attribute_chain(2000),
    }
    outcome = _lint(tmp_path, files)
    assert _symbols(outcome, "class_chain.py")["tf-variable-created-in-call"] >= 1
    assert _symbols(outcome, "deep_ifs.py")["tf-variable-created-in-call"] == 1


def test_very_long_files(tmp_path: Path) -> None:
    classes = 1500
    layers = [LAYER_HEAD]
    layers += [
        f"class L{i}(tf.keras.layers.Layer):\n"
        "    def build(self, shape):\n        self.k = self.add_weight(shape=(1,))\n\n"
        "    def call(self, x):\n        if self.w is None:\n"
        "            self.w = tf.Variable(x)\n"
        f"        return x * self.k + tf.Variable({i})\n"
        for i in range(classes)
    ]
    body = "\n".join(f"    y{i} = tf.identity(x) + {i}" for i in range(20000))
    long_function = LAYER_HEAD + f"@tf.function\ndef f(x):\n{body}\n    return tf.Variable(x)\n"
    long_line = LAYER_HEAD + "X = [" + ", ".join(str(i) for i in range(100000)) + "]\n"
    outcome = _lint(
        tmp_path,
        {"many_layers.py": "\n".join(layers), "long_function.py": long_function,
         "long_line.py": long_line},
    )  # fmt: skip
    counts = _symbols(outcome, "many_layers.py")
    assert counts["tf-variable-created-in-call"] == classes
    assert counts["tf-variable-lazily-created-in-call"] == classes
    assert _symbols(outcome, "long_function.py")["tf-variable-created-in-tf-function"] == 1


@pytest.mark.parametrize("name", ["__init__.py", "setup.py", "conftest.py"])
def test_odd_names(tmp_path: Path, name: str) -> None:
    outcome = _lint(tmp_path, {name: LAYER_HEAD + "@tf.function\ndef f():\n    tf.Variable(1)\n"})
    assert _symbols(outcome, name)["tf-variable-created-in-tf-function"] == 1
