"""tfvarlint.keras_version: which Keras a linted module runs under, and where that came from.

Every test builds a small sample project under ``tmp_path`` (a ``.git`` directory at
``tmp_path`` bounds the upward walk, so nothing outside the test is read), lints-by-decision
a module inside it, and checks both the major version and the ``source`` text. The installed
``keras`` distribution is faked through ``importlib.metadata.version`` and
``importlib.util.find_spec``: absent unless a test says otherwise, so the answers do not depend
on the machine.
"""

from __future__ import annotations

import textwrap
from importlib import machinery, metadata, util
from pathlib import Path

import pytest

from tfvarlint import keras_version as kv
from tfvarlint.keras_version import KerasVersion, decide, uses_keras3

DEFAULT = KerasVersion(3, "the default")
REAL_VERSION = metadata.version
REAL_FIND_SPEC = util.find_spec


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    (tmp_path / ".git").mkdir()
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    install(monkeypatch, None)
    kv.clear_cache()
    yield
    kv.clear_cache()


def install(monkeypatch: pytest.MonkeyPatch, keras: str | None) -> None:
    """Fake the installed keras distribution (None: not installed)."""

    def version(name: str) -> str:
        if name != "keras":
            return REAL_VERSION(name)
        if keras is None:
            raise metadata.PackageNotFoundError(name)
        return keras

    def find_spec(name: str, package: str | None = None) -> machinery.ModuleSpec | None:
        if name != "keras":
            return REAL_FIND_SPEC(name, package)
        return None if keras is None else machinery.ModuleSpec("keras", None)

    monkeypatch.setattr(metadata, "version", version)
    monkeypatch.setattr(util, "find_spec", find_spec)
    kv.clear_cache()


def make(base: Path, files: dict[str, str], module: str = "pkg/mod.py") -> str:
    """Write ``files`` (and an empty ``module`` unless given) under ``base``; the module path."""
    for name, text in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    target = base / module
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("import tensorflow as tf\n", encoding="utf-8")
    return str(target)


def auto(module: str | None, imported=frozenset(), **env: str) -> KerasVersion:
    return decide("auto", module, imported, environ=env)


def project(tmp_path: Path, files: dict[str, str], module: str = "pkg/mod.py") -> str:
    return make(tmp_path / "proj", files, module)


# --------------------------------------------------------------------------- specifiers

SPECIFIERS = [
    ("tensorflow~=2.14.0", 2),
    ("tensorflow~=2.14", None),  # allows 2.21
    ("tensorflow<2.16", 2),
    ("tensorflow<2.16.0", 2),
    ("tensorflow<=2.15.1", 2),
    ("tensorflow==2.15.*", 2),
    ("tensorflow==2.15.1", 2),
    ("tensorflow==1.15", 2),
    ("tensorflow>=2.10,<2.16", 2),
    ("tensorflow>=2.10,<2.17", None),
    ("tensorflow<2.16.1", None),  # 2.16.0 is allowed
    ("tensorflow>=2.16", 3),
    ("tensorflow>=2.16.1", 3),
    ("tensorflow==2.16.10", 3),
    ("tensorflow~=2.17", 3),
    ("tensorflow>2.15.9,<2.16", 2),
    ("tensorflow>=2.10,!=2.16.*", None),
    ("tensorflow", None),
    ("tensorflow >= 2.16", 3),
    ("tensorflow >= 2.16.*", 3),  # invalid PEP 440, read leniently
    ("tensorflow[and-cuda]>=2.16", 3),
    ("tensorflow-cpu==2.15.1", 2),
    ("tensorflow-gpu<2.12", 2),
    ("tensorflow-macos<2.16; sys_platform == 'darwin'", 2),
    ("tf-nightly>=2.17.0.dev20240101", 3),
    ("tf-keras", 2),
    ("tf_keras>=2.16", 2),
    ("keras<3", 2),
    ("keras==2.15.0", 2),
    ("keras~=2.13", 2),
    ("keras<=3.0", None),
    ("keras>=3", 3),
    ("keras==3.*", 3),
    ("keras", None),
    ("keras-nlp>=0.6", None),
    ("tensorflow-addons<0.20", None),
]


@pytest.mark.parametrize(("line", "major"), SPECIFIERS)
def test_specifier(tmp_path: Path, line: str, major: int | None) -> None:
    module = project(tmp_path, {"requirements.txt": f"numpy\n{line}\n"})
    got = auto(module)
    if major is None:
        assert got == DEFAULT
    else:
        shown = line.split(";", maxsplit=1)[0].strip()
        assert got == KerasVersion(major, f"{shown} in requirements.txt")


def test_tf_keras_with_tensorflow_from_2_16_is_keras2(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tensorflow>=2.16\ntf-keras>=2.16\n"})
    assert auto(module) == KerasVersion(2, "tf-keras>=2.16 in requirements.txt")


def test_pin_below_2_16_beats_tf_keras_in_the_source(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tf-keras\ntensorflow<2.16\n"})
    assert auto(module) == KerasVersion(2, "tensorflow<2.16 in requirements.txt")


# --------------------------------------------------------------------------- file formats


def test_pyproject_project_dependencies(tmp_path: Path) -> None:
    module = project(tmp_path, {"pyproject.toml": """
        [project]
        name = "x"
        dependencies = ["numpy", "tensorflow>=2.16,<2.22"]
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16,<2.22 in pyproject.toml")


@pytest.mark.parametrize(
    "table",
    [
        '[project.optional-dependencies]\nlegacy = ["tf-keras"]',
        '[dependency-groups]\ndev = ["tf-keras", {include-group = "x"}]',
        '[tool.pdm.dev-dependencies]\ntest = ["tf-keras"]',
        '[tool.hatch.envs.default]\ndependencies = ["tf-keras"]',
        '[tool.hatch.envs.test]\nextra-dependencies = ["tf-keras"]',
        '[tool.poetry.group.dev.dependencies]\ntf-keras = "^2.16"',
        '[tool.poetry.dev-dependencies]\ntf-keras = "*"',
    ],
)
def test_pyproject_optional_tables(tmp_path: Path, table: str) -> None:
    module = project(tmp_path, {"pyproject.toml": f'[project]\nname = "x"\n{table}\n'})
    got = auto(module)
    assert got.major == 2
    assert got.source.startswith("tf-keras") and got.source.endswith(" in pyproject.toml")


@pytest.mark.parametrize(
    ("constraint", "major"),
    [
        ('"~2.14"', 2),  # Poetry tilde: >=2.14,<2.15
        ('"^2.14"', None),  # Poetry caret: >=2.14,<3
        ('"^2.16"', 3),
        ('"2.15.*"', 2),
        ('"2.15.1"', 2),
        ('">=2.12,<2.16"', 2),
        ('">= 2.12 < 2.16"', 2),
        ('"~2.14 || ~2.15"', 2),
        ('"~2.15 || ^2.16"', None),
        ('{version = "~2.15", extras = ["and-cuda"]}', 2),
        ('[{version = "~2.15", platform = "linux"}, {version = "~2.14", platform = "darwin"}]', 2),
        ('"*"', None),
    ],
)
def test_poetry_constraints(tmp_path: Path, constraint: str, major: int | None) -> None:
    module = project(tmp_path, {"pyproject.toml": f"""
        [tool.poetry.dependencies]
        python = "^3.10"
        tensorflow = {constraint}
        """})  # fmt: skip
    got = auto(module)
    assert got == DEFAULT if major is None else got.major == major
    if major is not None:
        assert got.source.startswith('tensorflow = "') and got.source.endswith("pyproject.toml")


def test_poetry_optional_dependency_is_optional_tier(tmp_path: Path) -> None:
    module = project(tmp_path, {"pyproject.toml": """
        [tool.poetry.dependencies]
        tensorflow = "^2.16"
        tf-keras = {version = "^2.16", optional = true}
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, 'tensorflow = "^2.16" in pyproject.toml')


def test_setuptools_dynamic_file(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "pyproject.toml": """
            [project]
            name = "x"
            dynamic = ["dependencies"]
            [tool.setuptools.dynamic]
            dependencies = {file = ["deps/main.txt"]}
            """,
        "deps/main.txt": "tensorflow==2.15.1\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow==2.15.1 in deps/main.txt")


def test_pipfile(tmp_path: Path) -> None:
    module = project(tmp_path, {"Pipfile": """
        [packages]
        numpy = "*"
        tensorflow = "==2.14.1"
        [dev-packages]
        keras = ">=3"
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, 'tensorflow = "==2.14.1" in Pipfile')


def test_setup_cfg(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.cfg": """
        [metadata]
        name = x
        [options]
        install_requires =
            numpy
            tensorflow>=2.16  # comment
        [options.extras_require]
        legacy = tf-keras
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in setup.cfg")


def test_setup_cfg_extras(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.cfg": """
        [options]
        install_requires = numpy
        [options.extras_require]
        tf =
            tensorflow~=2.13.0
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow~=2.13.0 in setup.cfg")


def test_setup_py_literal_names_and_sums_never_executed(tmp_path: Path) -> None:
    sentinel = tmp_path / "EXECUTED"
    module = project(tmp_path, {"setup.py": f"""
        from pathlib import Path
        Path({str(sentinel)!r}).write_text("ran")
        from setuptools import setup
        BASE = ["numpy"]
        TF = ["tensorflow>=2.16"]
        setup(name="x", install_requires=BASE + TF, extras_require={{"dev": ["pytest"]}})
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in setup.py")
    assert not sentinel.exists()


def test_setup_py_kwargs_dict(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        import setuptools
        KW = dict(name="x")
        ARGS = {"install_requires": ["numpy"], "extras_require": {"tf": ["tf-keras"]}}
        setuptools.setup(**ARGS)
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tf-keras in setup.py")


def test_setup_py_opaque_value_falls_back_to_text(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        from setuptools import setup
        def reqs():
            return ["numpy", 'tensorflow<2.16; python_version>"3.8"']
        setup(name="x", install_requires=reqs())
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow<2.16 in setup.py")


def test_setup_py_python2_syntax_falls_back_to_text(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        print "legacy"
        setup(install_requires=['tensorflow-gpu==1.15.0'])
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow-gpu==1.15.0 in setup.py")


def test_setup_py_resolved_values_ignore_other_strings(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        from setuptools import setup
        NOTE = "tf-keras"
        setup(name="x", install_requires=["tensorflow>=2.16"])
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in setup.py")


# tensorflow/addons (d208d75): setup.py exec()s tensorflow_addons/version.py into a dict and
# builds its TensorFlow extras with str.format from INCLUSIVE_MIN/EXCLUSIVE_MAX_TF_VERSION.
ADDONS_SETUP = """
    import os
    from pathlib import Path
    from setuptools import setup

    def get_project_name_version():
        version = {}
        base_dir = os.path.dirname(os.path.abspath(__file__))
        with open(os.path.join(base_dir, "pkg", "version.py")) as fp:
            exec(fp.read(), version)
        return "pkg", version

    project_name, version = get_project_name_version()
    inclusive_min_tf_version = version["INCLUSIVE_MIN_TF_VERSION"]
    exclusive_max_tf_version = version["EXCLUSIVE_MAX_TF_VERSION"]
    setup(
        name=project_name,
        install_requires=Path("requirements.txt").read_text().splitlines(),
        extras_require={
            "tensorflow": [
                "tensorflow>={},<{}".format(inclusive_min_tf_version, exclusive_max_tf_version)
            ],
        },
    )
    """


def test_setup_py_format_from_version_file_constants(tmp_path: Path) -> None:
    sentinel = tmp_path / "EXECUTED"
    module = project(tmp_path, {
        "setup.py": ADDONS_SETUP,
        "requirements.txt": "typeguard>=2.7,<3.0.0\npackaging\n",
        "pkg/version.py": f"""
            from pathlib import Path
            Path({str(sentinel)!r}).write_text("ran")
            INCLUSIVE_MIN_TF_VERSION = "2.13.0"
            EXCLUSIVE_MAX_TF_VERSION = "2.16.0"
            __version__ = "0.23.0"
            """,
    })  # fmt: skip
    assert auto(module) == KerasVersion(
        2, "tensorflow>=2.13.0,<2.16.0 in setup.py (values from pkg/version.py)"
    )
    assert not sentinel.exists()


@pytest.mark.parametrize(
    ("reads", "requirement"),
    [
        # exec() without a namespace binds the file's names as globals of setup.py
        (
            "exec(open('pkg/version.py').read())",
            'f"tensorflow>={MIN_TF_VERSION},<{MAX_TF_VERSION}"',
        ),
        (
            "from pkg.version import MIN_TF_VERSION, MAX_TF_VERSION",
            '"tensorflow>=%s,<%s" % (MIN_TF_VERSION, MAX_TF_VERSION)',
        ),
        (
            "import pkg.version as version",
            '"tensorflow>=" + version.MIN_TF_VERSION + ",<" + version.MAX_TF_VERSION',
        ),
        (
            "ns = {}\nexec(open('pkg/version.py').read(), ns)",
            '"tensorflow>={lo},<{hi}".format(lo=ns["MIN_TF_VERSION"], hi=ns["MAX_TF_VERSION"])',
        ),
    ],
)
def test_setup_py_computed_requirement_forms(tmp_path: Path, reads: str, requirement: str) -> None:
    text = f"from setuptools import setup\n{reads}\nsetup(install_requires=[{requirement}])\n"
    module = project(tmp_path, {
        "setup.py": text,
        "pkg/version.py": 'MIN_TF_VERSION = "2.12"\nMAX_TF_VERSION = "2.16"\n',
    })  # fmt: skip
    assert auto(module) == KerasVersion(
        2, "tensorflow>=2.12,<2.16 in setup.py (values from pkg/version.py)"
    )


def test_setup_py_constants_of_setup_itself(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        from setuptools import setup
        TF_MIN = "2.16"
        setup(install_requires=[f"tensorflow>={TF_MIN}", "numpy"])
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in setup.py")


def test_setup_py_uncomputable_requirement_decides_nothing(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "setup.py": """
            from setuptools import setup
            import pkg.version as v
            setup(install_requires=["tensorflow>={}".format(v.lookup("MIN"))],
                  extras_require={"tf": ["tensorflow<{}".format(MISSING)]})
            """,
        "pkg/version.py": "def lookup(name):\n    return '2.10'\n",
    })  # fmt: skip
    assert auto(module) == DEFAULT


def test_setup_py_missing_or_huge_version_file(tmp_path: Path) -> None:
    text = (
        "from setuptools import setup\nexec(open('pkg/version.py').read())\n"
        "setup(install_requires=[f'tensorflow<{MAX_TF}'])\n"
    )
    assert auto(project(tmp_path, {"setup.py": text})) == DEFAULT
    kv.clear_cache()
    huge = 'MAX_TF = "2.16"\n' + "# padding\n" * 10_000
    assert auto(project(tmp_path, {"setup.py": text, "pkg/version.py": huge})) == DEFAULT


# tensorflow/hub (26c94f6): REQUIRED_PACKAGES += [...] in both branches of an if/else.
def test_setup_py_augmented_lists_in_both_branches(tmp_path: Path) -> None:
    module = project(tmp_path, {"setup.py": """
        import os
        from setuptools import setup
        REQUIRED_PACKAGES = ['numpy >= 1.12.0', 'protobuf >= 3.19.6']
        if os.environ.get('TENSORFLOW_VERSION', '').endswith('tf-nightly'):
            REQUIRED_PACKAGES += ['tf-keras-nightly']
        else:
            REQUIRED_PACKAGES += ['tf-keras >= 2.14.1']
        setup(name='x', install_requires=REQUIRED_PACKAGES)
        """})  # fmt: skip
    # Both branches count; the release requirement explains the answer before the nightly one.
    assert auto(module) == KerasVersion(2, "tf-keras >= 2.14.1 in setup.py")


def test_requirements_lines(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": """
        # comment: tensorflow<2.16
        --index-url https://example.org/simple
        -e git+https://example.org/x.git#egg=x
        numpy==1.26 \\
            --hash=sha256:abc
        tensorflow==2.15.0 --hash=sha256:def  # pinned
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow==2.15.0 in requirements.txt")


def test_requirements_include_one_level(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "requirements.txt": "-r ci/first.txt\n",
        "ci/first.txt": "-r second.txt\nnumpy\n",
        "ci/second.txt": "tensorflow<2.16\n",
        "requirements/gpu.in": "keras>=3\n",
    })  # fmt: skip
    # first.txt is read through one -r; second.txt only through two, which is not followed:
    # the requirements/ folder's keras>=3 decides.
    assert auto(module) == KerasVersion(3, "keras>=3 in requirements/gpu.in")


def test_requirements_include_is_read(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "requirements.txt": "-r ci/pins.txt\n",
        "ci/pins.txt": "tensorflow~=2.14.0\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow~=2.14.0 in ci/pins.txt")


def test_requirements_variants_are_optional(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "requirements.txt": "tensorflow>=2.16\n",
        "requirements-legacy.txt": "tf-keras\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in requirements.txt")
    kv.clear_cache()
    (tmp_path / "proj" / "requirements.txt").write_text("numpy\n", encoding="utf-8")
    assert auto(module) == KerasVersion(2, "tf-keras in requirements-legacy.txt")


@pytest.mark.parametrize(
    ("entry", "major"),
    [
        ("tensorflow=2.14", 2),  # conda's fuzzy =: 2.14.*
        ("tensorflow=2.15.0=cpu_py310h1234", 2),
        ("conda-forge::tensorflow>=2.16", 3),
        ("tensorflow 2.15.*", 2),
        ("tensorflow-base==2.16.1", 3),
        ('"keras<3"', 2),
        ("tensorflow>=2.10,<2.17", None),
        ("tensorflow", None),
    ],
)
def test_environment_yml_conda(tmp_path: Path, entry: str, major: int | None) -> None:
    module = project(tmp_path, {"environment.yml": f"""
        name: env
        channels:
          - conda-forge
        dependencies:
          - python=3.10
          - {entry}  # a comment
        """})  # fmt: skip
    got = auto(module)
    assert got == DEFAULT if major is None else got.major == major
    if major is not None:
        assert got.source.endswith(" in environment.yml")


def test_environment_yml_pip_section_unindented(tmp_path: Path) -> None:
    module = project(tmp_path, {"environment.yml": """
        name: env
        dependencies:
        - python=3.10
        - pip
        - pip:
          - numpy
          - tf-keras==2.16.0
        variables:
          FOO: tensorflow>=2.16
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tf-keras==2.16.0 in environment.yml")


def test_environment_yaml_flow_list(tmp_path: Path) -> None:
    module = project(tmp_path, {"environment.yaml": "dependencies: [python, 'keras>=3']\n"})
    assert auto(module) == KerasVersion(3, "keras>=3 in environment.yaml")


# --------------------------------------------------------------------------- tiers


def test_required_beats_optional(tmp_path: Path) -> None:
    module = project(tmp_path, {"pyproject.toml": """
        [project]
        name = "x"
        dependencies = ["tensorflow>=2.16"]
        [project.optional-dependencies]
        legacy = ["tf-keras"]
        """})  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in pyproject.toml")


def test_optional_decides_when_required_is_silent(tmp_path: Path) -> None:
    module = project(tmp_path, {"pyproject.toml": """
        [project]
        name = "x"
        dependencies = ["numpy"]
        [project.optional-dependencies]
        tf = ["tensorflow>=2.16", "tf-keras"]
        """})  # fmt: skip
    assert auto(module) == KerasVersion(2, "tf-keras in pyproject.toml")


def test_sources_across_files(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "pyproject.toml": '[project]\nname = "x"\ndependencies = ["keras>=3"]\n',
        "requirements.txt": "tensorflow==2.15.1\n",
    })  # fmt: skip
    # Keras 2 evidence of the tier wins over Keras 3 evidence, wherever it is.
    assert auto(module) == KerasVersion(2, "tensorflow==2.15.1 in requirements.txt")


# --------------------------------------------------------------------------- project code

SETS = [
    ('import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\n', "set"),
    ("import os\nos.environ['TF_USE_LEGACY_KERAS'] = 'true'\n", "set"),
    ('from os import environ\nenviron["TF_USE_LEGACY_KERAS"] = "True"\n', "set"),
    ('import os\nos.environ.update({"TF_USE_LEGACY_KERAS": "1"})\n', "set"),
    ('import os\nos.environ.update(TF_USE_LEGACY_KERAS="1")\n', "set"),
    ('import os\nos.environ.setdefault("TF_USE_LEGACY_KERAS", "1")\n', "set (setdefault)"),
    ('print "py2"\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\n', "set"),  # text fallback
]


@pytest.mark.parametrize(("code", "how"), SETS)
def test_package_init_sets_the_variable(tmp_path: Path, code: str, how: str) -> None:
    module = project(tmp_path, {"setup.py": "", "pkg/__init__.py": code})
    assert auto(module) == KerasVersion(2, f"TF_USE_LEGACY_KERAS {how} in pkg/__init__.py")


@pytest.mark.parametrize(
    "code",
    [
        'import os\nos.putenv("TF_USE_LEGACY_KERAS", "1")\n',  # never reaches os.environ
        'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "0"\n',
        'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "yes"\n',  # TF ignores "yes"
        'import os\nprint(os.environ.get("TF_USE_LEGACY_KERAS"))\n',
        '# os.environ["TF_USE_LEGACY_KERAS"] = "1"\n',
    ],
)
def test_code_that_does_not_select_keras2(tmp_path: Path, code: str) -> None:
    module = project(tmp_path, {"setup.py": "", "pkg/__init__.py": code})
    assert auto(module) == DEFAULT


@pytest.mark.parametrize(
    "where",
    ["pkg/sub/mod.py", "pkg/__init__.py", "train.py", "conftest.py", "pkg/conftest.py",
     "src/other/__init__.py"],
)  # fmt: skip
def test_where_project_code_is_searched(tmp_path: Path, where: str) -> None:
    code = 'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\n'
    module = project(
        tmp_path, {"setup.cfg": "", "pkg/__init__.py": "", "pkg/sub/__init__.py": "", where: code},
        module="pkg/sub/mod.py",
    )  # fmt: skip
    assert auto(module) == KerasVersion(2, f"TF_USE_LEGACY_KERAS set in {where}")


def test_code_outside_the_searched_files_is_not_read(tmp_path: Path) -> None:
    code = 'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\n'
    module = project(tmp_path, {"setup.cfg": "", "tools/deep/script.py": code})
    assert auto(module) == DEFAULT


def test_project_code_beats_required_keras3(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "requirements.txt": "tensorflow>=2.16\n",
        "pkg/__init__.py": 'import os\nos.environ["TF_USE_LEGACY_KERAS"] = "1"\n',
    })  # fmt: skip
    assert auto(module) == KerasVersion(2, "TF_USE_LEGACY_KERAS set in pkg/__init__.py")


# --------------------------------------------------------------------------- precedence


def test_option_beats_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, "2.15.0")
    module = project(tmp_path, {"requirements.txt": "tf-keras\n"})
    env = {"TF_USE_LEGACY_KERAS": "1"}
    assert decide("3", module, {"tf_keras"}, env) == KerasVersion(
        3, "the tfvarlint-keras-version option"
    )
    install(monkeypatch, "3.15.1")
    module3 = make(tmp_path / "other", {"requirements.txt": "keras>=3\n"})
    assert decide("2", module3, set(), {}) == KerasVersion(2, "the tfvarlint-keras-version option")


@pytest.mark.parametrize("value", ["1", "true", "True"])
def test_environment_beats_import_and_project(tmp_path: Path, value: str) -> None:
    module = project(tmp_path, {"requirements.txt": "keras>=3\n"})
    expected = KerasVersion(2, f"TF_USE_LEGACY_KERAS={value} in the environment")
    assert auto(module, {"tf_keras"}, TF_USE_LEGACY_KERAS=value) == expected


def test_real_environment_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    module = project(tmp_path, {"requirements.txt": "keras>=3\n"})
    monkeypatch.setenv("TF_USE_LEGACY_KERAS", "1")
    assert decide("auto", module, set()).source == "TF_USE_LEGACY_KERAS=1 in the environment"


def test_import_beats_project(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "keras>=3\ntensorflow>=2.16\n"})
    assert auto(module, {"tf_keras"}) == KerasVersion(2, "the module imports tf_keras")
    assert auto(module, {"tf_keras.layers"}) == KerasVersion(2, "the module imports tf_keras")
    assert auto(module, {"tensorflow"}) == KerasVersion(3, "keras>=3 in requirements.txt")


def test_project_beats_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install(monkeypatch, "3.15.1")
    module = project(tmp_path, {"requirements.txt": "tensorflow<2.16\n"})
    assert auto(module) == KerasVersion(2, "tensorflow<2.16 in requirements.txt")
    install(monkeypatch, "2.15.0")
    module = make(tmp_path / "other", {"requirements.txt": "keras>=3\n"})
    assert auto(module) == KerasVersion(3, "keras>=3 in requirements.txt")


@pytest.mark.parametrize(("version", "major"), [("3.15.1", 3), ("2.15.0", 2), ("2.4.3", 2)])
def test_installed_beats_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str, major: int
) -> None:
    install(monkeypatch, version)
    module = project(tmp_path, {"requirements.txt": "numpy\n"})
    assert auto(module) == KerasVersion(major, f"the installed keras {version}")
    assert auto(None) == KerasVersion(major, f"the installed keras {version}")


def test_default_without_anything(tmp_path: Path) -> None:
    assert auto(project(tmp_path, {})) == DEFAULT
    assert auto(None) == DEFAULT


# --------------------------------------------------------------------------- TF_USE_LEGACY_KERAS=0


@pytest.mark.parametrize("value", ["0", "false", "yes", "TRUE"])  # TF reads all as "not legacy"
def test_explicit_non_legacy_value_overrides_soft_evidence(tmp_path: Path, value: str) -> None:
    module = project(tmp_path, {
        "requirements.txt": "tensorflow>=2.16\ntf-keras\n",
        "pkg/__init__.py": 'import os\nos.environ.setdefault("TF_USE_LEGACY_KERAS", "1")\n',
    })  # fmt: skip
    expected = KerasVersion(3, f"TF_USE_LEGACY_KERAS={value} in the environment")
    assert auto(module, TF_USE_LEGACY_KERAS=value) == expected
    assert auto(module).major == 2  # the same project without the explicit value


@pytest.mark.parametrize(
    ("files", "imported", "source"),
    [
        ({"requirements.txt": "tensorflow<2.16\n"}, (), "tensorflow<2.16 in requirements.txt"),
        ({"requirements.txt": "keras<3\n"}, (), "keras<3 in requirements.txt"),
        ({"requirements.txt": "tf-keras\n"}, ("tf_keras",), "the module imports tf_keras"),
        ({"setup.py": "", "pkg/__init__.py": SETS[0][0]}, (),
         "TF_USE_LEGACY_KERAS set in pkg/__init__.py"),
    ],
)  # fmt: skip
def test_explicit_non_legacy_value_keeps_hard_evidence(
    tmp_path: Path, files: dict[str, str], imported: tuple[str, ...], source: str
) -> None:
    module = project(tmp_path, files)
    assert auto(module, set(imported), TF_USE_LEGACY_KERAS="0") == KerasVersion(2, source)


def test_explicit_non_legacy_value_and_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = project(tmp_path, {})
    zero = KerasVersion(3, "TF_USE_LEGACY_KERAS=0 in the environment")
    assert auto(module, TF_USE_LEGACY_KERAS="0") == zero
    install(monkeypatch, "3.15.1")
    assert auto(module, TF_USE_LEGACY_KERAS="0") == zero
    install(monkeypatch, "2.15.0")  # TF <= 2.15 ignores the variable
    assert auto(module, TF_USE_LEGACY_KERAS="0") == KerasVersion(2, "the installed keras 2.15.0")


def test_empty_value_is_unset(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tf-keras\n"})
    assert auto(module, TF_USE_LEGACY_KERAS="") == KerasVersion(2, "tf-keras in requirements.txt")


# --------------------------------------------------------------------------- the project root


def test_walk_stops_at_the_first_project_directory(tmp_path: Path) -> None:
    outer = tmp_path / "proj"
    make(outer, {"pyproject.toml": '[project]\nname = "x"\ndependencies = ["tf-keras"]\n'})
    inner = make(outer / "examples" / "demo", {"requirements.txt": "matplotlib\n"}, "run.py")
    assert auto(inner) == DEFAULT
    deep = make(outer, {}, "pkg/a/b/c/mod.py")
    assert auto(deep) == KerasVersion(2, "tf-keras in pyproject.toml")


def test_git_directory_is_a_root(tmp_path: Path) -> None:
    outer = tmp_path / "proj"
    make(outer, {"requirements.txt": "tf-keras\n"})
    (outer / "vendor" / "lib" / ".git").mkdir(parents=True)
    assert auto(make(outer / "vendor" / "lib", {}, "mod.py")) == DEFAULT


# ------------------------------------------------------------------- packaging subdirectories

HUB_SETUP = """
    from setuptools import setup
    with open('tensorflow_hub/version.py') as in_file:
        exec(in_file.read())
    REQUIRED_PACKAGES = ['numpy >= 1.12.0', 'protobuf >= 3.19.6']
    REQUIRED_PACKAGES += ['tf-keras >= 2.14.1']
    setup(name='tensorflow-hub', version=__version__, install_requires=REQUIRED_PACKAGES)
    """


def test_setup_py_in_a_pip_package_subdirectory(tmp_path: Path) -> None:
    # tmp_path (its .git) is the checkout root; nothing at the root declares anything.
    module = make(tmp_path, {
        "tensorflow_hub/pip_package/setup.py": HUB_SETUP,
        "tensorflow_hub/version.py": '__version__ = "0.17.0.dev"\n',
        "README.md": "hub\n",
    }, "tensorflow_hub/keras_layer.py")  # fmt: skip
    expected = KerasVersion(2, "tf-keras >= 2.14.1 in tensorflow_hub/pip_package/setup.py")
    assert auto(module) == expected
    assert auto(make(tmp_path, {}, "examples/colab_utils.py")) == expected


@pytest.mark.parametrize(
    "where",
    [
        "pip_package/setup.py",
        "build_pip_pkg/setup.py",
        "oss_scripts/pip_package/setup.py",  # tensorflow/text
        "tensorflow/tools/pip_package/setup.py",  # tensorflow/tensorflow
        "tools/pip_package/setup.py",
    ],
)
def test_packaging_directories_searched(tmp_path: Path, where: str) -> None:
    text = "from setuptools import setup\nsetup(install_requires=['tensorflow<2.16'])\n"
    module = make(tmp_path, {where: text})
    assert auto(module) == KerasVersion(2, f"tensorflow<2.16 in {where}")


def test_setup_cfg_and_pyproject_in_a_packaging_directory(tmp_path: Path) -> None:
    module = make(tmp_path, {
        "pkg/pip_package/setup.cfg": "[options]\ninstall_requires =\n    keras>=3\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(3, "keras>=3 in pkg/pip_package/setup.cfg")
    kv.clear_cache()
    (tmp_path / "pkg/pip_package/setup.cfg").unlink()
    make(tmp_path, {"pkg/pip_package/pyproject.toml": '[project]\ndependencies = ["tf-keras"]\n'})
    assert auto(module) == KerasVersion(2, "tf-keras in pkg/pip_package/pyproject.toml")


def test_root_declaration_beats_packaging_directory(tmp_path: Path) -> None:
    module = make(tmp_path, {
        "requirements.txt": "tensorflow>=2.16\n",
        "pkg/pip_package/setup.py": "setup(install_requires=['tf-keras'])\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(3, "tensorflow>=2.16 in requirements.txt")


def test_other_subdirectories_are_not_searched(tmp_path: Path) -> None:
    module = make(tmp_path, {
        "docs/requirements.txt": "tensorflow==2.0.0\n",
        "third_party/lib/setup.py": "setup(install_requires=['tf-keras'])\n",
        "a/b/pip_package/setup.py": "setup(install_requires=['tf-keras'])\n",  # too deep
        ".hidden/pip_package/setup.py": "setup(install_requires=['tf-keras'])\n",
    })  # fmt: skip
    assert auto(module) == DEFAULT


def test_packaging_directories_read_once_per_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []
    real = kv._packaging_dirs

    def counting(root: Path) -> list[Path]:
        calls.append(root)
        return real(root)

    monkeypatch.setattr(kv, "_packaging_dirs", counting)
    first = make(tmp_path, {"pip_package/setup.py": "setup(install_requires=['tf-keras'])\n"})
    second = make(tmp_path, {}, "pkg/sub/other.py")
    assert auto(first).major == 2
    assert auto(second).major == 2
    assert calls == [tmp_path]


# --------------------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "broken",
    [
        {"pyproject.toml": "[project\ndependencies = ["},
        {"pyproject.toml": '[project]\ndependencies = "tensorflow<2.16"\n'},
        {"pyproject.toml": "[tool.poetry.dependencies]\ntensorflow = 3\nkeras = [1, {}]\n"},
        {"pyproject.toml": '[tool.poetry.dependencies]\ntensorflow = "^^^"\n'},
        {"pyproject.toml": '[tool.hatch.envs]\ndefault = "x"\n'},
        {"setup.cfg": "no section header\n[options\n"},
        {"setup.cfg": "[options]\ninstall_requires = tensorflow<<<2\n"},
        {"setup.py": "setup(install_requires=[1, None, f'x{y}'], extras_require=[])\n"},
        {"setup.py": "x = (" * 200 + ")" * 200 + "\n"},
        {"Pipfile": "[packages]\ntensorflow = {path = '.'}\nkeras = '>>3'\n"},
        {"environment.yml": "dependencies:\n  - [weird\n  - pip:\n  - {a: b}\n  -\n"},
        {"requirements.txt": "\x00\x01\xff binary junk\n-r\n-r missing.txt\n===\n"},
        {"requirements.txt": "tensorflow @ https://example.org/tf.whl\nhttps://x/y.whl\n"},
        {"pkg/__init__.py": "TF_USE_LEGACY_KERAS\x00(((\n"},
    ],
)
def test_malformed_files_are_skipped(tmp_path: Path, broken: dict[str, str]) -> None:
    assert auto(project(tmp_path, broken)) == DEFAULT


def test_malformed_file_lets_the_next_source_decide(tmp_path: Path) -> None:
    module = project(tmp_path, {
        "pyproject.toml": "[project\n",
        "setup.cfg": "[broken",
        "requirements.txt": "tensorflow~=2.14.0\n",
    })  # fmt: skip
    assert auto(module) == KerasVersion(2, "tensorflow~=2.14.0 in requirements.txt")


def test_unreadable_and_odd_paths_never_raise(tmp_path: Path) -> None:
    (tmp_path / "proj" / "requirements.txt").mkdir(parents=True)  # a directory, not a file
    assert auto(str(tmp_path / "proj" / "missing" / "mod.py")) == DEFAULT
    assert auto("") == DEFAULT
    assert auto("\x00bad") == DEFAULT


def test_huge_file_is_not_read(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tf-keras\n" + "numpy\n" * 200_000})
    assert auto(module) == DEFAULT


def test_internal_error_falls_back_to_installed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(kv, "_project_evidence", boom)
    install(monkeypatch, "2.15.0")
    assert auto(project(tmp_path, {})) == KerasVersion(2, "the installed keras 2.15.0")


# --------------------------------------------------------------------------- caching


def test_cached_per_root_until_clear_cache(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tensorflow>=2.16\n"})
    sibling = make(tmp_path / "proj", {}, "pkg/other.py")
    elsewhere = make(tmp_path / "second", {"requirements.txt": "tensorflow>=2.16\n"})
    assert auto(module).major == 3
    (tmp_path / "proj" / "requirements.txt").write_text("tensorflow<2.16\n", encoding="utf-8")
    (tmp_path / "second" / "requirements.txt").write_text("tf-keras\n", encoding="utf-8")
    # Same root: the cached answer, also for another module of the project.
    assert auto(module).major == 3
    assert auto(sibling).major == 3
    # Another root is read when first asked about.
    assert auto(elsewhere) == KerasVersion(2, "tf-keras in requirements.txt")
    kv.clear_cache()
    assert auto(module) == KerasVersion(2, "tensorflow<2.16 in requirements.txt")
    assert auto(sibling).major == 2


def test_clear_cache_forgets_the_installed_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = project(tmp_path, {})
    install(monkeypatch, "2.15.0")
    assert auto(module).major == 2
    install(monkeypatch, "3.15.1")  # clears the cache
    assert auto(module).major == 3


# --------------------------------------------------------------------------- API


def test_uses_keras3_is_the_checkers_signature(tmp_path: Path) -> None:
    module = project(tmp_path, {"requirements.txt": "tf-keras\n"})
    assert uses_keras3("3", set()) is True
    assert uses_keras3("2", frozenset()) is False
    assert uses_keras3("auto", {"tf_keras"}) is False
    assert uses_keras3("auto", set()) is True
    assert uses_keras3("auto", set(), module) is False
    assert uses_keras3("auto", set(), module_file=module) is False


def test_describe_and_keras3() -> None:
    assert KerasVersion(3, "tensorflow>=2.16 in pyproject.toml").describe() == (
        "Keras 3, from tensorflow>=2.16 in pyproject.toml"
    )
    assert DEFAULT.describe() == "Keras 3, by default"
    assert KerasVersion(2, "x").keras3 is False
    assert KerasVersion(3, "x").keras3 is True


def test_this_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """tfvarlint's own pyproject: no TensorFlow required, tf-keras in the runtime extra."""
    root = Path(__file__).resolve().parents[2]
    got = auto(str(root / "src" / "tfvarlint" / "checker.py"))
    assert got == KerasVersion(2, "tf-keras==2.21.0 in pyproject.toml")


def test_no_importable_keras_reads_no_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where no ``keras`` module can be imported, the distributions' metadata is not read
    (importing ``importlib.metadata`` is about 30 ms a process), and the answer is the same."""
    calls: list[str] = []

    def version(name: str) -> str:
        calls.append(name)
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", version)
    monkeypatch.setattr(util, "find_spec", lambda name, package=None: None)
    kv.clear_cache()
    assert kv._installed_keras() is None  # pylint: disable=protected-access
    assert not calls


def test_read_text_reads_like_open(tmp_path: Path) -> None:
    """setup_ast.read_text: universal newlines as open() gives them, the size limit, and
    ``mentioning`` (None for a file without that name, which is then never decoded)."""
    from tfvarlint.setup_ast import read_text  # pylint: disable=import-outside-toplevel

    crlf = tmp_path / "requirements.txt"
    crlf.write_bytes(b"tensorflow<2.16\r\nnumpy\rscipy\n")
    assert read_text(crlf, 1000) == "tensorflow<2.16\nnumpy\nscipy\n"
    assert read_text(crlf, 10) is None
    assert read_text(crlf, 1000, mentioning="numpy") == "tensorflow<2.16\nnumpy\nscipy\n"
    assert read_text(crlf, 1000, mentioning="TF_USE_LEGACY_KERAS") is None
    assert read_text(tmp_path, 1000) is None  # a directory
    assert read_text(tmp_path / "missing.txt", 1000) is None


def test_crlf_requirements_decide(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_bytes(b"numpy\r\ntensorflow==2.15.1\r\n")
    module = tmp_path / "train.py"
    module.write_text("import tensorflow as tf\n")
    assert kv.decide("auto", str(module), {"tensorflow"}) == KerasVersion(
        2, "tensorflow==2.15.1 in requirements.txt"
    )


def test_a_symlinked_module_belongs_to_its_targets_project(tmp_path: Path) -> None:
    """The module's real path decides its project, as Path.resolve() gives it."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "requirements.txt").write_text("tensorflow==2.15.1\n")
    (project / "train.py").write_text("import tensorflow as tf\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "train.py"
    try:
        link.symlink_to(project / "train.py")
    except OSError:
        pytest.skip("no symlinks here")
    kv.clear_cache()
    assert kv.decide("auto", str(link), {"tensorflow"}).major == 2
    linked_dir = tmp_path / "linked"
    linked_dir.symlink_to(project, target_is_directory=True)
    kv.clear_cache()
    assert kv.decide("auto", str(linked_dir / "train.py"), {"tensorflow"}).major == 2
