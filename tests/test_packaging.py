"""The plugin as users load it: from pyproject, by checker name, and without TensorFlow."""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path

import pytest

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


# ---- packaging metadata and the distributions ------------------------------------------

def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _require(module: str):
    """A test-extra tool: skipped outside CI when missing, a failure in CI."""
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module)


def test_project_urls_use_the_one_repository_placeholder() -> None:
    from tfvarlint.docs_url import REPOSITORY_URL, message_url

    urls = _pyproject()["project"]["urls"]
    assert {"Homepage", "Source", "Issues", "Changelog", "Documentation"} <= set(urls)
    for name, url in urls.items():
        assert url == REPOSITORY_URL or url.startswith(REPOSITORY_URL + "/"), (name, url)
    assert message_url("tf-variable-created-in-call") == (
        f"{REPOSITORY_URL}/blob/v{_pyproject()['project']['version']}"
        "/docs/messages/tf-variable-created-in-call.md"
    )


def test_one_version_everywhere() -> None:
    import tfvarlint

    version = _pyproject()["project"]["version"]
    assert tfvarlint.__version__ == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{version}]" in changelog and "## [Unreleased]" in changelog


def test_license_and_build_requirements() -> None:
    project = _pyproject()
    assert project["project"]["license"] == "MIT"  # an SPDX expression, not a table
    assert project["project"]["license-files"] == ["LICENSE"]
    assert "the tfvarlint authors" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["build-system"]["requires"] == ["setuptools>=77"]  # first with SPDX
    assert (ROOT / "src" / "tfvarlint" / "py.typed").is_file()


def test_classifiers_are_known_to_pypi() -> None:
    known = _require("trove_classifiers").classifiers
    classifiers = _pyproject()["project"]["classifiers"]
    assert [c for c in classifiers if c not in known] == []
    versions = {c.rsplit(" :: ", 1)[1] for c in classifiers if c.startswith("Programming Language :: Python :: 3.")}
    assert min(versions, key=lambda v: tuple(map(int, v.split(".")))) == "3.10"  # requires-python
    assert "Typing :: Typed" in classifiers


def _copy_checkout(dest: Path) -> Path:
    """The files a clone would have (tracked, plus untracked not ignored), as on disk."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if listed.returncode != 0:
        pytest.skip("needs a git checkout of tfvarlint")
    for name in filter(None, listed.stdout.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    return dest


def _no_pythonpath() -> dict[str, str]:
    drop = ("PYTHONPATH", "TF_USE_LEGACY_KERAS", "PYTHONDONTWRITEBYTECODE")  # the last: a build warning
    return {k: v for k, v in os.environ.items() if k not in drop}


@pytest.fixture(scope="module")
def distributions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    _require("build")
    source = _copy_checkout(tmp_path_factory.mktemp("source"))
    dist = source / "dist"
    built = subprocess.run(
        [sys.executable, "-W", "default", "-m", "build", "--outdir", str(dist), str(source)],
        capture_output=True, text=True, env=_no_pythonpath(), timeout=900, check=False,
    )
    output = built.stdout + built.stderr
    assert built.returncode == 0, output
    noise = [line for line in output.splitlines() if re.search(r"deprecat|warning", line, re.I)]
    assert noise == [], "\n".join(noise)
    [wheel] = dist.glob("*.whl")
    [sdist] = dist.glob("*.tar.gz")
    return {"wheel": wheel, "sdist": sdist}


@pytest.mark.slow
def test_twine_check_strict(distributions: dict[str, Path]) -> None:
    _require("twine")
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, distributions.values())],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("PASSED") == 2, done.stdout


@pytest.mark.slow
def test_wheel_contents(distributions: dict[str, Path]) -> None:
    with zipfile.ZipFile(distributions["wheel"]) as wheel:
        names = set(wheel.namelist())
        [metadata_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = wheel.read(metadata_name).decode()
    assert "tfvarlint/py.typed" in names and "tfvarlint/docs_url.py" in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata
    assert "Project-URL: Source, " in metadata and "Requires-Python: >=3.10" in metadata
    assert "Classifier: Typing :: Typed" in metadata
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.slow
def test_sdist_contents(distributions: dict[str, Path]) -> None:
    """No test files without their fixtures: the sdist holds no tests at all."""
    with tarfile.open(distributions["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "src/tfvarlint/py.typed"} <= names
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]
    assert "docs/messages/tf-variable-created-in-call.md" in names


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_lints_an_example(distributions: dict[str, Path], tmp_path: Path) -> None:
    from tfvarlint.docs_url import message_url

    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    bin_dir = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin")
    env = _no_pythonpath()
    installed = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         str(distributions["wheel"])],
        capture_output=True, text=True, env=env, timeout=900, check=False,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    example = EXAMPLES / "bad_layer_in_tf_function.py"
    shutil.copy2(example, tmp_path / example.name)
    result = subprocess.run(
        [str(bin_dir / "tfvarlint"), example.name],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{example.name}:9:12: E7302" in result.stdout
    # the installed package knows where its message pages are (help texts link to them)
    help_msg = subprocess.run(
        [str(bin_dir / "pylint"), "--load-plugins=tfvarlint", "--help-msg=E7301"],
        cwd=tmp_path, capture_output=True, text=True, env=env, check=False,
    )
    # pylint wraps help text at 79 columns, long words included: compare without whitespace
    assert message_url("tf-variable-created-in-call") in "".join(help_msg.stdout.split()), help_msg.stdout
