"""The plugin as users load it: from pyproject, by checker name, and without TensorFlow."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SYMBOLS = {
    "E7301": "tf-variable-created-in-call",
    "E7302": "tf-variable-created-in-tf-function",
    "W7303": "tf-variable-lazily-created-in-call",
    "E7304": "keras-layer-created-in-call",
    "E7305": "keras-stateful-object-created-in-call",
    "W7306": "untracked-tf-variable",
    "W7307": "trainable-variable-in-loss",
}

# Makes tensorflow/keras/tf_keras unimportable, as on a machine where they are not
# installed, then lints with the plugin and checks TensorFlow was never imported.
_WITHOUT_TF = textwrap.dedent(
    """
    import sys
    import importlib.abc

    class NoTensorFlow(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("tensorflow", "keras", "tf_keras"):
                raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
            return None

    sys.meta_path.insert(0, NoTensorFlow())
    from pylint.lint import Run
    Run(["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint",
         "--persistent=n", "--score=n", sys.argv[1]], exit=False)
    leaked = sorted(m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras", "tf_keras"))
    print("IMPORTED:", leaked)
    """
)


def _pylint(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pylint", "--persistent=n", "--score=n", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_reports_without_tensorflow_and_never_imports_it() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WITHOUT_TF, str(EXAMPLES / "bad_loss_variable_in_call.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "E7301" in result.stdout, result.stdout + result.stderr
    assert "IMPORTED: []" in result.stdout
    assert "Traceback" not in result.stderr


def test_load_plugins_from_user_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.pylint.main]\nload-plugins = ["tfvarlint"]\n')
    (tmp_path / "model.py").write_text(
        (EXAMPLES / "bad_loss_variable_in_call.py").read_text(encoding="utf-8")
    )
    result = _pylint("--disable=all", "--enable=tf-variable-created-in-call", "model.py", cwd=tmp_path)
    assert "model.py:12:17: E7301" in result.stdout, result.stdout + result.stderr
    assert result.returncode != 0


def test_enable_by_checker_name_turns_on_all_seven_messages(tmp_path: Path) -> None:
    result = _pylint(
        "--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint", "--list-msgs-enabled",
        cwd=tmp_path,
    )
    enabled = result.stdout.split("Disabled messages:")[0]
    for msgid, symbol in SYMBOLS.items():
        assert f"{symbol} ({msgid})" in enabled, enabled
    assert "unused-import" not in enabled


def test_bad_input_gives_pylint_messages_not_tracebacks(tmp_path: Path) -> None:
    (tmp_path / "broken.py").write_text("import tensorflow as tf\ndef f(:\n")
    (tmp_path / "empty.py").write_text("")
    (tmp_path / "plain.py").write_text("class Layer:\n    def call(self):\n        return 1\n")
    result = _pylint(
        "--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint,syntax-error",
        "broken.py", "empty.py", "plain.py", cwd=tmp_path,
    )
    assert "broken.py:2:" in result.stdout and "syntax-error" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    assert "tfvarlint: internal error" not in result.stderr
