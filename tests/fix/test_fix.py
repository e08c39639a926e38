"""``tfvarlint --fix`` / ``--diff``: golden fixed files, a clean lint after the fix,
idempotence, and unsafe cases left alone with a reason.

The golden fixed files are made by the fixer (``python tests/fix/golden.py --update``) and
reviewed; this test fails when the fixer's output changes. That each golden file also runs
``ok`` under Keras 3 and tf-keras is checked by tests/runtime/test_fixed_runtime.py.
"""

from __future__ import annotations

import importlib.util
import io
import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import golden  # noqa: E402  pylint: disable=wrong-import-position

if importlib.util.find_spec("libcst") is None:
    if os.environ.get("CI"):
        pytest.fail("CI is set but libcst is not installed: pip install '.[fix]'", pytrace=False)
    pytest.skip("libcst not installed: pip install '.[fix]'", allow_module_level=True)

from tfvarlint import fix as fix_command  # noqa: E402  pylint: disable=wrong-import-position
from tfvarlint.fix import initial  # noqa: E402  pylint: disable=wrong-import-position
from tfvarlint.fix.lint import lint  # noqa: E402  pylint: disable=wrong-import-position
from tfvarlint.fix.rewrite import fix_source  # noqa: E402  pylint: disable=wrong-import-position

FIXABLE = golden.fixable()
IDS = [golden.key(f) for f in FIXABLE]
CHECKED = FIXABLE + golden.variable_fixtures()  # and those with E7301/E7302 too
CHECKED_IDS = [golden.key(f) for f in CHECKED]
GOLDEN_FILES = [f for f in CHECKED if golden.golden_for(f).is_file()]
GOLDEN_IDS = [golden.key(f) for f in GOLDEN_FILES]

# Fixable fixtures (by their messages) that --fix rightly leaves alone, and why.
LEFT_ALONE = {
    "creation_layer/creation_layer_sublayer_helper.py": "reached through a helper",
    # tf.compat.v1.layers.dense(x, 2) applies a layer to the call's input: no constructor to move
    "creation_layer/creation_layer_tf1_functional.py": "a value of the call",
    # a random generator's state is drawn per call: the fixer leaves it to a person
    "creation/creation_seed_generator.py": "random generator",
    "creation/creation_random_generator.py": "random generator",
}


def test_fixable_fixtures_are_found() -> None:
    strict = [f for f in FIXABLE if golden.kind(f) == "strict"]
    assert len(strict) >= 15, IDS
    assert "untracked/untracked_seed000_example1_lazy_call.py" in IDS


def test_at_least_80_percent_are_changed() -> None:
    """The issue's bar: --fix changes >= 80% of the fixtures whose messages it can fix."""
    for kind in ("strict", None):
        chosen = [f for f in FIXABLE if kind is None or golden.kind(f) == kind]
        changed = [f for f in chosen if golden.golden_for(f).is_file()]
        assert len(changed) >= 0.8 * len(chosen), (kind, len(changed), len(chosen))


def test_no_stray_golden_files() -> None:
    expected = {golden.golden_for(f) for f in GOLDEN_FILES}
    found = {p for p in golden.GOLDEN.rglob("*.py") if "_" not in p.name[:1]}
    assert found == expected


def test_golden_files_are_not_collected_as_fixtures() -> None:
    sys.path.insert(0, str(golden.ROOT / "tests" / "runtime"))
    import harness  # pylint: disable=import-outside-toplevel,import-error

    collected = {p.resolve() for p in harness.discover()}
    assert not any(golden.GOLDEN in p.parents for p in collected)
    assert golden.FUNCTIONAL not in golden.GOLDEN.parents


@pytest.mark.parametrize("fixture", CHECKED, ids=CHECKED_IDS)
def test_fixer_output_equals_golden(fixture: Path) -> None:
    outcome = golden.fix(fixture)
    key = golden.key(fixture)
    target = golden.golden_for(fixture)
    if key in LEFT_ALONE:
        assert not outcome.changed and not target.exists()
        assert outcome.reports and all(not r.fixed for r in outcome.reports)
        assert all(LEFT_ALONE[key] in r.text for r in outcome.reports), outcome.reports
        return
    if golden.kind(fixture) == "variable" and not target.exists():
        # not fixed whole: what is left says why
        assert not golden.wants_golden(fixture, outcome), f"{key} is now fixed whole: --update"
        assert all(r.text for r in outcome.reports if not r.fixed)
        return
    assert outcome.changed, f"--fix no longer changes {key}: {outcome.reports}"
    assert target.is_file(), f"no golden file for {key}: run tests/fix/golden.py --update"
    assert outcome.source == target.read_text(encoding="utf-8"), (
        f"the fixer's output for {key} differs from {target}: review and run "
        "`python tests/fix/golden.py --update`"
    )
    assert all(r.fixed for r in outcome.reports), [r.text for r in outcome.reports if not r.fixed]
    recorded = json.loads(golden.FIXES_JSON.read_text(encoding="utf-8")).get(key)
    assert recorded == golden.descriptions(outcome), "tests/fix/fixes.json is stale"


@pytest.mark.parametrize("fixture", GOLDEN_FILES, ids=GOLDEN_IDS)
def test_golden_file_lints_clean_and_fixing_again_changes_nothing(fixture: Path) -> None:
    fixed = golden.golden_for(fixture)
    findings, status = lint(golden.options_for(fixture), [str(fixed)])
    assert findings == [] and status == 0, [f"{f.line}: {f.symbol}" for f in findings]
    text = fixed.read_text(encoding="utf-8")
    again = fix_source(text, findings)
    assert again.source == text and not again.reports


def test_original_fixtures_still_have_their_messages() -> None:
    """The golden files did not replace the fixtures: each still shows its defect."""
    for fixture in GOLDEN_FILES[:3]:
        findings, _ = lint(golden.options_for(fixture), [str(fixture)])
        assert findings


# --- unsafe cases: nothing rewritten, a reason given ----------------------------------------

UNSAFE = {
    "config_from_call_args": (
        '''
        import tensorflow as tf


        class Projection(tf.keras.layers.Layer):
            def call(self, inputs, units=4):
                return tf.keras.layers.Dense(units)(inputs)
        ''',
        "comes from 'units', a value of the call",
    ),
    "value_depends_on_inputs": (
        '''
        import tensorflow as tf


        class Scale(tf.keras.layers.Layer):
            def call(self, inputs):
                scale = tf.Variable(tf.ones_like(inputs))
                return inputs * scale
        ''',
        "depend on the call's input 'inputs'",
    ),
    "config_computed_in_call": (
        '''
        import tensorflow as tf


        @tf.function
        def step(x):
            width = int(x.shape[-1]) * 2
            return tf.keras.layers.Dense(width)(x)
        ''',
        "comes from 'width'",
    ),
    "loss_variable": (
        '''
        import tensorflow as tf


        class MyLoss(tf.keras.losses.Loss):
            def call(self, y_true, y_pred):
                w = tf.Variable(1.0)
                return tf.reduce_mean(tf.square(y_true - y_pred)) * w
        ''',
        "a Loss is not a Layer",
    ),
    "unrecognised_initial_value": (
        '''
        import tensorflow as tf


        class Table(tf.keras.layers.Layer):
            def call(self, inputs):
                if not hasattr(self, "table"):
                    self.table = tf.Variable(tf.eye(4) * 2.0)
                return inputs @ self.table
        ''',
        "is not a recognised form",
    ),
}


def _write(tmp_path: Path, name: str, code: str) -> Path:
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(code).lstrip(), encoding="utf-8")
    return path


def _fix(path: Path):
    findings, _ = lint([f"--rcfile={golden.DEFAULT_RC}"], [str(path)])
    return findings, fix_source(path.read_text(encoding="utf-8"), findings)


@pytest.mark.parametrize("name", sorted(UNSAFE))
def test_unsafe_case_is_left_alone_with_a_reason(name: str, tmp_path: Path) -> None:
    code, reason = UNSAFE[name]
    path = _write(tmp_path, name, code)
    findings, outcome = _fix(path)
    assert findings, "the case must be a real finding"
    assert outcome.source == path.read_text(encoding="utf-8")
    assert any(reason in r.text for r in outcome.reports), [r.text for r in outcome.reports]


def test_helper_in_another_module_is_left_alone() -> None:
    fixture = golden.FUNCTIONAL / "helper" / "helper_guarded_call.py"
    outcome = golden.fix(fixture)
    assert not outcome.changed
    texts = [r.text for r in outcome.reports]
    assert any("through a helper in another module" in t for t in texts), texts


def test_seed004_incorrect_loss_says_why() -> None:
    outcome = golden.fix(golden.FUNCTIONAL / "lossvar" / "lossvar_seed004_incorrect_loss.py")
    assert not outcome.changed
    assert "make it a weight of the model" in outcome.reports[0].text


# --- E7301 / E7302 fixes ----------------------------------------------------------------------

SAFE = {
    "module_tf_function_variable": (
        '''
        import tensorflow as tf


        @tf.function
        def affine(x):
            bias = tf.Variable(5.0)  # a comment that stays
            return x + bias
        ''',
        ["affine_bias = tf.Variable(5.0)", "bias = affine_bias  # a comment that stays"],
    ),
    "layer_call_variable": (
        '''
        import tensorflow as tf


        class Scale(tf.keras.layers.Layer):
            def call(self, inputs):
                scale = tf.Variable(tf.random.normal([3]), name="scale")
                return inputs * scale
        ''',
        [
            "        self.scale = self.add_weight(\n"
            "            shape=(3,),\n"
            "            initializer=tf.keras.initializers.RandomNormal(stddev=1.0),\n"
            "            name=\"scale\",\n"
            "        )\n",
            "scale = self.scale",
            "def __init__(self, *args, **kwargs):",
        ],
    ),
    "layer_built_from_input_shape": (
        '''
        import tensorflow as tf


        class Head(tf.keras.layers.Layer):
            def call(self, inputs):
                return tf.keras.layers.Dense(inputs.shape[-1])(inputs)
        ''',
        ["def build(self, input_shape):", "self.dense = tf.keras.layers.Dense(input_shape[-1])"],
    ),
    "comprehension_over_static_range": (
        '''
        import tensorflow as tf


        class Heads(tf.keras.layers.Layer):
            def __init__(self, count, **kwargs):
                super().__init__(**kwargs)
                self.count = count

            def call(self, inputs):
                return [tf.keras.layers.Dense(i + 1)(inputs) for i in range(self.count)]
        ''',
        [
            "self.denses = [tf.keras.layers.Dense(i + 1) for i in range(self.count)]",
            "self.denses[i](inputs) for i in range(self.count)",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SAFE))
def test_safe_fix(name: str, tmp_path: Path) -> None:
    code, expected_lines = SAFE[name]
    path = _write(tmp_path, name, code)
    findings, outcome = _fix(path)
    assert findings and outcome.changed, [r.text for r in outcome.reports]
    for line in expected_lines:
        assert line in outcome.source, outcome.source
    path.write_text(outcome.source, encoding="utf-8")
    remaining, _ = lint([f"--rcfile={golden.DEFAULT_RC}"], [str(path)])
    assert remaining == [], [f"{f.line}: {f.symbol}" for f in remaining]


def test_random_normal_keeps_tensorflow_defaults() -> None:
    import libcst as cst  # pylint: disable=import-outside-toplevel

    call = cst.parse_expression("tf.Variable(tf.random.normal([10, 10]), name='w')")
    weight = initial.convert(call, "keras")
    assert weight.initializer == "keras.initializers.RandomNormal(stddev=1.0)"
    call = cst.parse_expression("tf.Variable(lambda: tf.random.uniform([2], maxval=3))")
    assert initial.convert(call, "keras").initializer == (
        "keras.initializers.RandomUniform(minval=0.0, maxval=3.0)"
    )
    call = cst.parse_expression("tf.Variable(0, trainable=False)")
    weight = initial.convert(call, "keras")
    assert (weight.shape, weight.initializer, weight.dtype) == ("()", '"zeros"', '"int32"')


# --- the command --------------------------------------------------------------------------------


def _copy(tmp_path: Path, key: str) -> Path:
    source = golden.FUNCTIONAL / key
    target = tmp_path / Path(key).name
    shutil.copy(source, target)
    return target


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = _copy(tmp_path, "creation_layer/creation_layer_sublayer_in_call.py")
    before = path.read_text(encoding="utf-8")
    out = io.StringIO()
    status = fix_command.run("diff", [f"--rcfile={golden.DEFAULT_RC}"], [str(path)], out=out)
    assert status == 1
    assert path.read_text(encoding="utf-8") == before
    assert "+        self.dense = tf.keras.layers.Dense(self.units)" in out.getvalue()


def test_fix_writes_then_second_fix_changes_nothing(tmp_path: Path) -> None:
    path = _copy(tmp_path, "creation/creation_optimizer_train_step.py")
    options = [f"--rcfile={golden.DEFAULT_RC}"]
    assert fix_command.run("fix", options, [str(path)], out=io.StringIO()) == 0
    fixed = path.read_text(encoding="utf-8")
    assert "self.train_step_optimizer = tf.keras.optimizers.Adam(0.01)" in fixed
    out = io.StringIO()
    assert fix_command.run("fix", options, [str(path)], out=out) == 0
    assert path.read_text(encoding="utf-8") == fixed
    assert "fixed 0 message(s) in 0 file(s)" in out.getvalue()


def test_diff_without_fixes_exits_as_the_lint(tmp_path: Path) -> None:
    path = _copy(tmp_path, "lossvar/lossvar_seed004_incorrect_loss.py")
    out = io.StringIO()
    status = fix_command.run("diff", [f"--rcfile={golden.DEFAULT_RC}"], [str(path)], out=out)
    assert status == 2  # pylint's bit for an error message: nothing to fix, E7301 remains
    assert "no safe fix: a Loss is not a Layer" in out.getvalue()


def test_main_parses_fix_diff_and_passes_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(fix_command, "run", lambda *a: calls.append(a) or 0)
    assert fix_command.main(["--diff", "--rcfile", "x.rc", "src", "-j", "2", "b.py"]) == 0
    assert calls == [("diff", ["--rcfile=x.rc", "-j=2"], ["src", "b.py"])]
    assert fix_command.main(["src"]) == fix_command.EXIT_USAGE
    assert fix_command.split_args(["--fix", "a.py", "--", "-b.py", "--diff"]) == (
        "fix", [], ["a.py", "-b.py", "--diff"]
    )
    assert fix_command.split_args(["--fix", "--diff", "-j"])[0] == "diff"  # as ruff: diff wins


def test_missing_libcst_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "libcst" else real(name, *a)
    )
    assert fix_command.main(["--fix", "x.py"]) == fix_command.EXIT_NO_LIBCST
    assert "tfvarlint --fix needs libcst: pip install 'tfvarlint[fix]'" in capsys.readouterr().err


def test_messages_the_configuration_disables_are_not_fixed(tmp_path: Path) -> None:
    path = _copy(tmp_path, "creation_layer/creation_layer_sublayer_in_call.py")
    rc = tmp_path / "pylintrc"
    rc.write_text(
        "[MAIN]\nload-plugins=tfvarlint\n[MESSAGES CONTROL]\ndisable=keras-layer-created-in-call\n",
        encoding="utf-8",
    )
    findings, _ = lint([f"--rcfile={rc}"], [str(path)])
    assert findings == []


def test_readme_text_shows_the_real_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/fix.md's README text is what --diff really prints on the two seed examples."""
    text = (golden.ROOT / "docs" / "fix.md").read_text(encoding="utf-8")
    readme = text.split("## For the README", 1)[1]
    shown = readme.split("```diff\n", 1)[1].split("```\n", 1)[0]
    monkeypatch.chdir(golden.ROOT)
    out = io.StringIO()
    paths = ["examples/bad_lazy_variable_in_call.py", "examples/bad_loss_variable_in_call.py"]
    assert fix_command.run("diff", [f"--rcfile={golden.DEFAULT_RC}"], paths, out=out) == 1

    def lines(block: str) -> list[str]:
        return [line.rstrip() for line in block.strip().splitlines()]

    assert lines(shown) == lines(out.getvalue())
