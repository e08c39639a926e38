"""The tfvarlint-* options (issue 6): each changes what is reported, and pyproject.toml works.

Every test lints the same code with and without the option and checks both answers, so
it fails if the option is ignored.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

HELPER = Path(__file__).resolve().parents[1] / "functional" / "helper"
SUPPORT = HELPER.parent / "_support"  # helperpkg, which the helper fixtures import
E7302 = "tf-variable-created-in-tf-function"


@pytest.fixture(autouse=True)
def _keras3(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    monkeypatch.syspath_prepend(str(SUPPORT))


def lint(path: Path, *options: str, tmp_path: Path) -> set[tuple[str, int]]:
    """(symbol, line) of every tfvarlint message on ``path``, in-process, no user config."""
    rcfile = tmp_path / "empty.rc"
    rcfile.write_text("[MAIN]\n", encoding="utf-8")
    reporter = CollectingReporter()
    Run(
        [
            f"--rcfile={rcfile}",
            "--load-plugins=tfvarlint",
            "--disable=all",
            "--enable=tfvarlint",
            "--persistent=n",
            *options,
            str(path),
        ],
        reporter=reporter,
        exit=False,
    )
    return {(message.symbol, message.line) for message in reporter.messages}


def test_extra_variable_factories(tmp_path: Path) -> None:
    source = HELPER / "helper_extra_factory.py"
    assert lint(source, tmp_path=tmp_path) == set()
    option = "--tfvarlint-extra-variable-factories=helperpkg.helperpkg_factory.make_weight"
    assert lint(source, option, tmp_path=tmp_path) == {(E7302, 17), (E7302, 22)}


def test_extra_variable_factories_other_name_is_not_a_factory(tmp_path: Path) -> None:
    source = HELPER / "helper_extra_factory.py"
    option = "--tfvarlint-extra-variable-factories=helperpkg.helperpkg_util.make_weight"
    assert lint(source, option, tmp_path=tmp_path) == set()


def test_extra_traced_methods(tmp_path: Path) -> None:
    source = HELPER / "helper_extra_traced.py"
    assert lint(source, tmp_path=tmp_path) == set()
    # Scaled.forward (a Keras layer, through the framework base) is traced; Plain.forward is not.
    assert lint(source, "--tfvarlint-extra-traced-methods=forward", tmp_path=tmp_path) == {
        (E7302, 16)
    }


def test_extra_traced_methods_of_an_external_framework_base(tmp_path: Path) -> None:
    source = tmp_path / "uses_framework.py"
    source.write_text(
        textwrap.dedent(
            """\
            import tensorflow as tf
            import someframework


            class Block(someframework.Module):
                def forward(self, x):
                    return x * tf.Variable(1.0)


            class NotFramework(object):
                def forward(self, x):
                    return x * tf.Variable(1.0)
            """
        ),
        encoding="utf-8",
    )
    assert lint(source, tmp_path=tmp_path) == set()
    assert lint(source, "--tfvarlint-extra-traced-methods=forward", tmp_path=tmp_path) == {
        (E7302, 7)
    }


@pytest.mark.parametrize(
    ("depth", "lines"),
    [
        (None, {32, 37, 42, 47}),  # default: 3
        ("0", {32}),
        ("1", {32, 37}),
        ("3", {32, 37, 42, 47}),
        ("4", {32, 37, 42, 47, 52}),
    ],
)
def test_follow_depth(tmp_path: Path, depth: str | None, lines: set[int]) -> None:
    options = [] if depth is None else [f"--tfvarlint-follow-depth={depth}"]
    found = lint(HELPER / "helper_depth.py", *options, tmp_path=tmp_path)
    assert found == {(E7302, line) for line in lines}


def test_follow_depth_results_do_not_depend_on_visit_order(tmp_path: Path) -> None:
    """A helper first met deep in a chain (little depth left) is followed fully later."""
    source = tmp_path / "order.py"
    source.write_text(
        textwrap.dedent(
            """\
            import tensorflow as tf


            def make0():
                return tf.Variable(1.0)


            def make1():
                return make0()


            def make2():
                return make1()


            @tf.function
            def deep(x):
                return x * make2()


            @tf.function
            def shallow(x):
                return x * make1()
            """
        ),
        encoding="utf-8",
    )
    assert lint(source, "--tfvarlint-follow-depth=2", tmp_path=tmp_path) == {(E7302, 23)}


PYPROJECT = """\
[tool.pylint.main]
load-plugins = ["tfvarlint"]
persistent = false

[tool.pylint."messages control"]
disable = ["all"]
enable = ["tfvarlint"]
"""
TFVARLINT_SECTION = """
[tool.pylint.tfvarlint]
tfvarlint-extra-variable-factories = ["proj.util.make_weight"]
tfvarlint-extra-traced-methods = ["forward"]
tfvarlint-follow-depth = 1
"""
PROJECT = {
    "proj/__init__.py": "from proj.util import make_weight\n",
    "proj/util.py": """\
        import tensorflow as tf

        _CONSTRUCTORS = {"variable": tf.Variable}


        def make_weight():
            return _CONSTRUCTORS["variable"](0.0)
        """,
    "proj/model.py": """\
        import tensorflow as tf

        from proj import make_weight


        def level1():
            return tf.Variable(1.0)


        def level2():
            return level1()


        @tf.function
        def uses_factory(x):
            return x * make_weight()


        @tf.function
        def two_deep(x):
            return x * level2()


        class Block(tf.keras.layers.Layer):
            def forward(self, x):
                return x * tf.Variable(1.0)
        """,
}


def _lint_project(root: Path, with_section: bool) -> set[str]:
    root.mkdir()
    (root / "pyproject.toml").write_text(
        PYPROJECT + (TFVARLINT_SECTION if with_section else ""), encoding="utf-8"
    )
    for name, text in PROJECT.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "TF_USE_LEGACY_KERAS"}
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--msg-template={path}:{line}:{symbol}", "proj"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "tfvarlint: internal error" not in result.stderr, result.stderr
    return {line for line in result.stdout.splitlines() if line.startswith("proj")}


def test_pyproject_tfvarlint_section(tmp_path: Path) -> None:
    model = os.path.join("proj", "model.py")
    without = _lint_project(tmp_path / "plain", with_section=False)
    assert without == {f"{model}:21:{E7302}"}  # only the two-deep helper (default depth 3)
    configured = _lint_project(tmp_path / "configured", with_section=True)
    assert configured == {
        f"{model}:16:{E7302}",  # tfvarlint-extra-variable-factories (through the re-export)
        f"{model}:26:{E7302}",  # tfvarlint-extra-traced-methods
    }  # and tfvarlint-follow-depth = 1: two_deep (line 21) is no longer reported


def test_keras_modules(tmp_path: Path) -> None:
    source = HELPER.parent / "spelling" / "spelling_project_keras_module.py"
    assert lint(source, tmp_path=tmp_path) == set()
    option = "--tfvarlint-keras-modules=spelling_project_keras_module.keras"
    assert lint(source, option, tmp_path=tmp_path) == {("keras-layer-created-in-call", 20)}
    other = "--tfvarlint-keras-modules=spelling_project_keras_module.other"
    assert lint(source, other, tmp_path=tmp_path) == set()
