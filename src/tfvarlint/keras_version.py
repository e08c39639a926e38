"""Which Keras major version a linted module runs under (``tfvarlint-keras-version``).

:func:`decide` answers with a :class:`KerasVersion`: the major version and, for messages,
where the answer came from. With ``auto`` the sources are tried in this order (see
``docs/keras-version.md``):

1. the option itself (``2`` or ``3``);
2. ``TF_USE_LEGACY_KERAS`` in pylint's environment, read as TensorFlow reads it: exactly
   ``1``, ``true`` or ``True`` selects Keras 2. Any other non-empty value (``0``, ``false``,
   and also ``yes`` or ``TRUE``, which TensorFlow 2.21 ignores) is an explicit "not legacy":
   ``tf.keras`` is Keras 3 on TensorFlow >= 2.16, so it overrides the *soft* signals below
   (a ``tf-keras`` dependency, ``os.environ.setdefault``), not the hard ones (the module
   imports ``tf_keras``, a pin that rules out TensorFlow 2.16+ or Keras 3, project code that
   assigns the variable, an installed Keras 2);
3. the module imports ``tf_keras``;
4. the project: its root is the first directory, walking up from the linted file, holding
   ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``Pipfile``, ``requirements*.txt``,
   ``environment.yml`` or ``.git``. Its declared dependencies are read in two tiers,
   required before optional (extras, dev groups, ``requirements-*.txt``); a ``setup.py``
   pin computed from version constants is evaluated (:mod:`tfvarlint.setup_ast`); if the
   root's files decide nothing, a pip-package directory below it (``pip_package/``,
   ``<pkg>/pip_package/``, ...) is read instead; and a bounded set of its Python files is
   searched for code that sets ``TF_USE_LEGACY_KERAS`` to ``1``;
5. the installed ``keras`` distribution's major version (package metadata, never imported);
6. Keras 3.

Nothing here imports TensorFlow or Keras, executes project code, or raises: an unreadable
or malformed file is skipped and the next source decides. Answers are cached per project
root and per directory; :func:`clear_cache` forgets them.
"""

from __future__ import annotations

import ast
import configparser
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from packaging.specifiers import SpecifierSet
    from packaging.version import Version

from tfvarlint.setup_ast import OPTIONAL as _OPTIONAL
from tfvarlint.setup_ast import REQUIRED as _REQUIRED
from tfvarlint.setup_ast import Found, SetupModule, read_text, real_path, setup_call_requirements
from tfvarlint.setup_ast import relative as _rel

if sys.version_info >= (3, 11):
    import tomllib
else:  # pylint's own dependency on Python 3.10
    import tomli as tomllib

ENV_VAR = "TF_USE_LEGACY_KERAS"
# What tensorflow/__init__.py and tensorflow/python/util/lazy_loader.py accept (TF 2.21):
# ``os.environ.get("TF_USE_LEGACY_KERAS") in ("true", "True", "1")``.
_TF_TRUE = frozenset(("1", "true", "True"))

OPTION_SOURCE = "the tfvarlint-keras-version option"
IMPORT_SOURCE = "the module imports tf_keras"
DEFAULT_SOURCE = "the default"

_MAX_WALK = 32  # directories walked up from the linted file to find the project root
_MAX_PACKAGE_DEPTH = 16  # __init__.py / conftest.py levels searched upward
_MAX_ROOT_MODULES = 16  # top-level packages and scripts of the root searched
_MAX_CODE_FILES = 64  # Python files searched for TF_USE_LEGACY_KERAS per project
_MAX_CODE_BYTES = 256 * 1024
_MAX_DEP_BYTES = 1024 * 1024

_TENSORFLOW = frozenset(
    (
        "tensorflow", "tensorflow-cpu", "tensorflow-gpu", "tensorflow-macos",
        "tensorflow-intel", "tensorflow-aarch64", "tensorflow-base", "intel-tensorflow",
        "tf-nightly", "tf-nightly-cpu", "tf-nightly-gpu", "tf-nightly-macos",
    )
)  # fmt: skip
_TF_KERAS = frozenset(("tf-keras", "tf-keras-nightly"))
_KERAS = "keras"
_TF_KERAS3 = (2, 16)  # TensorFlow 2.16 is the first whose tf.keras is Keras 3
_KERAS3 = (3,)



class KerasVersion(NamedTuple):
    """The Keras major version assumed for a module, and where that came from."""

    major: int
    source: str

    @property
    def keras3(self) -> bool:
        """Keras 3 semantics (anything but 2)."""
        return self.major != 2

    def describe(self) -> str:
        """Text for messages: ``Keras 3, from tensorflow>=2.16 in pyproject.toml``."""
        if self.source == DEFAULT_SOURCE:
            return f"Keras {self.major}, by default"
        return f"Keras {self.major}, from {self.source}"


class _Evidence(NamedTuple):
    major: int
    source: str
    # An explicit non-legacy TF_USE_LEGACY_KERAS in the environment overrides soft evidence:
    # a tf-keras dependency (tf.keras is Keras 2 only with the variable set) and
    # os.environ.setdefault (which keeps an existing value).
    soft: bool = False


@dataclass
class _Dep:
    name: str  # canonical distribution name
    alternatives: tuple[SpecifierSet, ...]  #, any one of which may hold; () = any version
    text: str  # as written, for messages
    where: str  # file, relative to the project root
    tier: int


@dataclass
class _Project:
    root: Path
    required: list[_Evidence] = field(default_factory=list)  # K2 first, then K3
    optional: list[_Evidence] = field(default_factory=list)
    code: _Evidence | None = None


_PROJECTS: dict[Path, _Project] = {}
_ROOTS: dict[Path, Path | None] = {}
_PACKAGE_CODE: dict[tuple[Path, Path | None], _Evidence | None] = {}
_MODULE_CODE: dict[Path, _Evidence | None] = {}
_REAL_DIRS: dict[str, str] = {}


def clear_cache() -> None:
    """Forget every project, directory and installed-version answer."""
    _PROJECTS.clear()
    _ROOTS.clear()
    _PACKAGE_CODE.clear()
    _MODULE_CODE.clear()
    _REAL_DIRS.clear()
    _installed_keras.cache_clear()


def uses_keras3(
    choice: str, imported: set[str] | frozenset[str], module_file: str | None = None
) -> bool:
    """The ``tfvarlint-keras-version`` decision as a bool (drop-in for the checker's)."""
    return decide(choice, module_file, imported).keras3


def decide(
    option: str,
    module_file: str | None,
    imported: set[str] | frozenset[str],
    environ: Mapping[str, str] = os.environ,
    keras2_api: str | None = None,
) -> KerasVersion:
    """The Keras version ``module_file`` runs under; never raises.

    ``keras2_api``: a Keras-2-only API the module uses (:mod:`tfvarlint.keras2_api`); the
    module cannot run under Keras 3, so it decides like an import of ``tf_keras``.
    """
    option = str(option).strip()
    if option in ("2", "3"):
        return KerasVersion(int(option), OPTION_SOURCE)
    try:
        return _decide_auto(module_file, imported, environ, keras2_api)
    except Exception:  # pylint: disable=broad-exception-caught  # never crash pylint
        return _installed_or_default()


def _decide_auto(
    module_file: str | None,
    imported: Iterable[str],
    environ: Mapping[str, str],
    keras2_api: str | None = None,
) -> KerasVersion:
    env = environ.get(ENV_VAR)
    if env is not None and env in _TF_TRUE:
        return KerasVersion(2, f"{ENV_VAR}={env} in the environment")
    env_off = env is not None and env.strip() != ""
    if any(name == "tf_keras" or name.startswith("tf_keras.") for name in imported):
        return KerasVersion(2, IMPORT_SOURCE)
    if keras2_api:
        return KerasVersion(2, f"the module's use of {keras2_api}, which Keras 3 does not have")
    evidence = [e for e in _project_evidence(module_file) if not (env_off and e.soft)]
    env_source = f"{ENV_VAR}={env} in the environment"
    if evidence:
        first = evidence[0]
        if env_off and first.major == 3:
            return KerasVersion(3, env_source)
        return KerasVersion(first.major, first.source)
    installed = _installed_keras()
    if installed is not None and (installed[0] == 2 or not env_off):
        return KerasVersion(installed[0], f"the installed keras {installed[1]}")
    if env_off:
        return KerasVersion(3, env_source)
    return KerasVersion(3, DEFAULT_SOURCE)


def _installed_or_default() -> KerasVersion:
    try:
        installed = _installed_keras()
    except Exception:  # pylint: disable=broad-exception-caught  # never crash pylint
        installed = None
    if installed is not None:
        return KerasVersion(installed[0], f"the installed keras {installed[1]}")
    return KerasVersion(3, DEFAULT_SOURCE)


@cache
def _installed_keras() -> tuple[int, str] | None:
    """(major, version) of the installed ``keras`` distribution, from its metadata."""
    # Imported here: importlib.metadata (with csv, email, zipfile) is about 30 ms a process,
    # paid only by a run that lints TF code with no declared Keras version, and only where a
    # ``keras`` module can be imported at all (finding it reads cached directory listings).
    from importlib import util  # pylint: disable=import-outside-toplevel

    try:
        if util.find_spec("keras") is None:
            return None
    except (ImportError, ValueError):
        return None
    from importlib import metadata  # pylint: disable=import-outside-toplevel

    try:
        version = metadata.version("keras")
        return int(version.split(".", 1)[0]), version
    except (metadata.PackageNotFoundError, ValueError, TypeError, AttributeError):
        return None


# --------------------------------------------------------------------------- the project


def _project_evidence(module_file: str | None) -> list[_Evidence]:
    """Evidence in decision order: required K2, code, required K3, optional K2, optional K3."""
    if not module_file:
        return []
    path = real_path(module_file, _REAL_DIRS)
    root = _find_root(path.parent)
    project = _project(root) if root is not None else None
    code = _module_code(path, root) or _package_code(path.parent, root)
    if project is not None:
        code = code or project.code
    out: list[_Evidence] = []
    required = project.required if project is not None else []
    out.extend(e for e in required if e.major == 2)
    if code is not None:
        out.append(code)
    out.extend(e for e in required if e.major != 2)
    if project is not None:
        out.extend(project.optional)
    return out


_MARKER_FILES = frozenset(
    ("pyproject.toml", "setup.cfg", "setup.py", "Pipfile", "environment.yml", "environment.yaml")
)


def _is_marker(name: str) -> bool:
    return (
        name in _MARKER_FILES
        or name == ".git"
        or (name.startswith("requirements") and name.endswith(".txt"))
    )


def _names(directory: Path) -> list[str]:
    """The sorted entry names of ``directory`` ([] when it cannot be listed)."""
    try:
        return sorted(entry.name for entry in directory.iterdir())
    except OSError:
        return []


def _find_root(start: Path) -> Path | None:
    """The first directory from ``start`` up holding a project file or ``.git``."""
    seen: list[Path] = []
    directory = start
    root: Path | None = None
    for _ in range(_MAX_WALK):
        if directory in _ROOTS:
            root = _ROOTS[directory]
            break
        seen.append(directory)
        names = _names(directory)
        if any(_is_marker(name) for name in names):
            root = directory
            break
        if directory.parent == directory:
            break
        directory = directory.parent
    for directory in seen:
        _ROOTS[directory] = root
    return root


def _project(root: Path) -> _Project:
    project = _PROJECTS.get(root)
    if project is None:
        project = _read_project(root)
        _PROJECTS[root] = project
    return project


def _read_project(root: Path) -> _Project:
    project = _Project(root)
    deps: list[_Dep] = []
    for reader in (_pyproject_deps, _pipfile_deps, _setup_cfg_deps, _setup_py_deps,
                   _requirements_deps, _environment_deps):  # fmt: skip
        deps.extend(_read_safely(reader, root))
    project.required = _classify([d for d in deps if d.tier == _REQUIRED])
    project.optional = _classify([d for d in deps if d.tier == _OPTIONAL])
    if not project.required and not project.optional:
        # The root's files say nothing: the pip package may be built from a subdirectory.
        deps = []
        for directory in _packaging_dirs(root):
            deps.extend(_read_safely(lambda _, d=directory: _setup_py_deps(root, d), root))
            for reader in (_setup_cfg_deps, _pyproject_deps):
                prefix = _rel(directory, root)
                for dep in _read_safely(reader, directory):
                    dep.where = f"{prefix}/{dep.where}"
                    deps.append(dep)
        project.required = _classify([d for d in deps if d.tier == _REQUIRED])
        project.optional = _classify([d for d in deps if d.tier == _OPTIONAL])
    project.code = _scan_files(_root_modules(root), root)
    return project


def _read_safely(reader: Any, directory: Path) -> list[_Dep]:
    try:
        return list(reader(directory))
    except Exception:  # pylint: disable=broad-exception-caught  # malformed: skip file
        return []


# Directories a pip package is built from when its setup.py is not at the project root:
# tensorflow/hub's tensorflow_hub/pip_package/, tensorflow/text's oss_scripts/pip_package/,
# tensorflow/tensorflow's tensorflow/tools/pip_package/.
_PACKAGING_DIRS = (
    "pip_package", "pip_pkg", "build_pip_pkg", "build_pip_package", "pip_packages", "build_deps"
)  # fmt: skip
_PACKAGING_FILES = ("setup.py", "setup.cfg", "pyproject.toml")
_SKIPPED_DIRS = frozenset(("node_modules", "venv", "site-packages", "build", "dist", "__pycache__"))
_MAX_PACKAGING_PARENTS = 32  # top-level directories whose packaging subdirectories are tried
_MAX_PACKAGING_DIRS = 4


def _packaging_dirs(root: Path) -> list[Path]:
    """``<root>/N``, ``<root>/D/N``, ``<root>/D/tools/N`` (N in _PACKAGING_DIRS) with a setup file.

    Only existence checks on fixed names (no listing below the root's own directory).
    """
    tops = [
        root / name
        for name in _names(root)
        if not name.startswith(".") and name not in _SKIPPED_DIRS and (root / name).is_dir()
    ][:_MAX_PACKAGING_PARENTS]
    found: list[Path] = []
    for top in [root, *tops]:
        for base in (top, top / "tools"):
            for name in _PACKAGING_DIRS:
                directory = base / name
                if directory in found or not directory.is_dir():
                    continue
                if any((directory / file).is_file() for file in _PACKAGING_FILES):
                    found.append(directory)
                    if len(found) >= _MAX_PACKAGING_DIRS:
                        return found
    return found


def _classify(deps: list[_Dep]) -> list[_Evidence]:
    """Keras 2 evidence (hard before soft), then Keras 3 evidence, of one tier."""
    hard2: list[_Evidence] = []
    soft2: list[_Evidence] = []
    three: list[_Evidence] = []
    for dep in deps:
        source = f"{dep.text} in {dep.where}"
        if dep.name in _TF_KERAS:
            soft2.append(_Evidence(2, source, soft=True))
            continue
        if dep.name == _KERAS:
            cut = _KERAS3
        elif dep.name in _TENSORFLOW:
            cut = _TF_KERAS3
        else:
            continue
        below, above = _allowed_sides(dep.alternatives, cut)
        if below and not above:
            hard2.append(_Evidence(2, source))
        elif above and not below:
            three.append(_Evidence(3, source))
    return _release_first(hard2) + _release_first(soft2) + _release_first(three)


def _release_first(evidence: list[_Evidence]) -> list[_Evidence]:
    """A release requirement explains a decision better than a nightly one next to it."""
    return sorted(evidence, key=lambda e: "nightly" in e.source.split(" in ", 1)[0])


# --------------------------------------------------------------------------- specifiers


def _allowed_sides(
    alternatives: tuple[SpecifierSet, ...], cut: tuple[int, ...]
) -> tuple[bool, bool]:
    """Whether the specifiers allow some version below ``cut`` / some version from it on."""
    if not alternatives:
        return True, True
    below = above = False
    for spec in alternatives:
        for probe in _probes(spec):
            if not spec.contains(probe, prereleases=True):
                continue
            if probe.release >= cut:
                above = True
            else:
                below = True
    return below, above


_GRID: list[Version] = []


def _probes(spec: SpecifierSet) -> list[Version]:
    """Versions that land in every interval a specifier set can allow (for TF/Keras)."""
    # packaging is imported where a declared dependency is read, not by every pylint run
    # (about 20 ms a process).
    from packaging.version import (  # pylint: disable=import-outside-toplevel
        InvalidVersion,
        Version,
    )

    if not _GRID:
        _GRID.extend(
            Version(f"{major}.{minor}.{micro}")
            for major in range(5)
            for minor in range(41)
            for micro in (0, 1)
        )
    probes = list(_GRID)
    for item in spec:
        text = item.version.removesuffix(".*")
        try:
            version = Version(text)
        except InvalidVersion:
            continue
        release = list(version.release)
        probes.append(version)
        bumps = [
            [*release[:-1], release[-1] + 1],
            [*release, 1],
            [release[0], (release[1] if len(release) > 1 else 0) + 1, 0],
            [release[0] + 1, 0, 0],
            [*release, 0, 1],
        ]
        probes.extend(Version(".".join(map(str, bump))) for bump in bumps)
    return probes


def _specifier_set(text: str) -> SpecifierSet | None:
    from packaging.specifiers import (  # pylint: disable=import-outside-toplevel
        InvalidSpecifier,
        SpecifierSet,
    )

    text = text.strip().strip("()").strip()
    try:
        return SpecifierSet(text)
    except InvalidSpecifier:
        pass
    # Lenient: ">= 2.16.*" (a wildcard on an ordering operator) and spaces inside.
    cleaned = re.sub(r"(?<=[<>=!~])\s+", "", text)
    cleaned = re.sub(r"(?<![=!])(?P<op>[<>]=?|~=)(?P<v>[^,\s]+?)\.\*", r"\g<op>\g<v>", cleaned)
    try:
        return SpecifierSet(cleaned)
    except InvalidSpecifier:
        return None


_NAME_RE = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pep508(text: str, where: str, tier: int) -> _Dep | None:
    """A PEP 508 requirement string; lenient about spacing, ignores markers and URLs."""
    from packaging.requirements import (  # pylint: disable=import-outside-toplevel
        InvalidRequirement,
        Requirement,
    )

    text = text.strip()
    shown = text.split(";", 1)[0].strip()
    if not shown:
        return None
    try:
        req = Requirement(text)
        spec = req.specifier
        name = req.name
    except InvalidRequirement:
        match = _NAME_RE.match(shown)
        if match is None:
            return None
        name = match.group(1)
        rest = match.group(3).split("@", 1)[0]
        spec = _specifier_set(rest) if rest.strip() else _specifier_set("")
        if spec is None:
            return None
    alternatives = (spec,) if spec else ()
    return _Dep(_canonical(name), alternatives, shown, where, tier)


def _poetry_constraint(constraint: str) -> tuple[SpecifierSet, ...] | None:
    """Poetry's ``^2.14``/``~2.14``/``2.14.*``/``>=2.14,<2.16``/``a || b`` as SpecifierSets."""
    alternatives = []
    for alternative in constraint.split("||"):
        parts = []
        for op, version in re.findall(
            r"(\^|~=|~|==|!=|<=|>=|<|>|=)?\s*(\*|[0-9][0-9A-Za-z.*+!-]*)", alternative
        ):
            if version == "*":
                continue
            numbers = [int(n) for n in re.findall(r"\d+", version.split("*")[0])[:3]] or [0]
            if op == "^":
                first = next((i for i, n in enumerate(numbers) if n), len(numbers) - 1)
                upper = [*numbers[:first], numbers[first] + 1]
                parts += [f">={version}", f"<{'.'.join(map(str, upper))}"]
            elif op == "~":
                upper = [numbers[0] + 1] if len(numbers) == 1 else [numbers[0], numbers[1] + 1]
                parts += [f">={version}", f"<{'.'.join(map(str, upper))}"]
            elif op in ("", "="):
                parts.append(f"=={version}")
            else:
                parts.append(f"{op}{version}")
        spec = _specifier_set(",".join(parts))
        if spec is None:
            return None
        if not spec:
            return ()  # one alternative allows any version
        alternatives.append(spec)
    return tuple(alternatives)


def _conda_spec(entry: str, where: str, tier: int) -> _Dep | None:
    """A conda MatchSpec (``tensorflow=2.14``, ``tensorflow 2.14.*``, ``c::keras>=3``)."""
    entry = re.sub(r"^[\w.-]+::", "", entry.strip())
    match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(.*)$", entry)
    if match is None:
        return None
    name, rest = match.group(1), match.group(2).strip()
    alternatives = []
    if rest:
        if rest.startswith("=") and not rest.startswith("=="):
            version = rest[1:].split("=", 1)[0].strip()  # "=2.14.0=build" drops the build
            rest = version if "*" in version else f"{version}.*"
        rest = rest.split()[0] if " " in rest and not re.search(r"[<>=!,|]\s", rest) else rest
        for alternative in rest.split("|"):
            parts = []
            for raw in alternative.split(","):
                part = raw.strip()
                if part and part[0].isdigit():
                    part = f"=={part}"
                parts.append(re.sub(r"(?<=\d)\*$", ".*", part))
            spec = _specifier_set(",".join(parts))
            if spec is None:
                return None
            alternatives.append(spec)
    if any(not spec for spec in alternatives):
        alternatives = []
    return _Dep(_canonical(name), tuple(alternatives), entry, where, tier)


# --------------------------------------------------------------------------- dependency files


def _read_text(path: Path, limit: int = _MAX_DEP_BYTES) -> str | None:
    return read_text(path, limit)


def _load_toml(path: Path) -> dict[str, Any] | None:
    text = _read_text(path)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def _table(data: Any, *keys: str) -> dict[str, Any]:
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, dict) else {}


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, list):
        yield from (item for item in value if isinstance(item, str))


def _pyproject_deps(root: Path) -> Iterator[_Dep]:
    data = _load_toml(root / "pyproject.toml")
    if data is None:
        return
    where = "pyproject.toml"
    project = _table(data, "project")
    for text in _strings(project.get("dependencies")):
        if (dep := _pep508(text, where, _REQUIRED)) is not None:
            yield dep
    groups = [*_table(project, "optional-dependencies").values(),
              *_table(data, "dependency-groups").values(),
              *_table(data, "tool", "pdm", "dev-dependencies").values()]  # fmt: skip
    groups += [
        env.get(key)
        for env in _table(data, "tool", "hatch", "envs").values()
        if isinstance(env, dict)
        for key in ("dependencies", "extra-dependencies")
    ]
    for group in groups:
        for text in _strings(group):
            if (dep := _pep508(text, where, _OPTIONAL)) is not None:
                yield dep
    poetry = _table(data, "tool", "poetry")
    yield from _poetry_table(_table(poetry, "dependencies"), where, _REQUIRED)
    yield from _poetry_table(_table(poetry, "dev-dependencies"), where, _OPTIONAL)
    for group in _table(poetry, "group").values():
        yield from _poetry_table(_table(group, "dependencies"), where, _OPTIONAL)
    yield from _dynamic_files(root, _table(data, "tool", "setuptools", "dynamic"))


def _dynamic_files(root: Path, dynamic: dict[str, Any]) -> Iterator[_Dep]:
    """``[tool.setuptools.dynamic]`` ``{file = [...]}`` requirement files not read anyway."""
    entries: list[tuple[Any, int]] = [(dynamic.get("dependencies"), _REQUIRED)]
    extras = dynamic.get("optional-dependencies")
    if isinstance(extras, dict):
        entries += [(entry, _OPTIONAL) for entry in extras.values()]
    for entry, tier in entries:
        files = entry.get("file") if isinstance(entry, dict) else None
        for name in [files] if isinstance(files, str) else _strings(files):
            path = (root / name).resolve()
            if path.parent == root and path.name.startswith("requirements"):
                continue  # a root requirements file: read by _requirements_deps
            yield from _requirements_file(path, root, tier, include=True)


def _poetry_table(table: dict[str, Any], where: str, tier: int) -> Iterator[_Dep]:
    """``name = "^2.14"``, ``name = {version = "..."}`` or a list of those (by marker)."""
    for name, value in table.items():
        if name == "python":
            continue
        items = value if isinstance(value, list) else [value]
        dicts = [item for item in items if isinstance(item, dict)]
        dep_tier = _OPTIONAL if any(item.get("optional") is True for item in dicts) else tier
        constraints = [item.get("version", "*") if isinstance(item, dict) else item
                       for item in items]  # fmt: skip
        shown = [c for c in constraints if isinstance(c, str)]
        alternatives: list[Any] = []
        for constraint in shown:
            parsed = _poetry_constraint(constraint)
            if not parsed:  # any version (or unreadable): no constraint
                alternatives = []
                break
            alternatives.extend(parsed)
        text = f'{name} = "{" || ".join(shown)}"' if shown else name
        yield _Dep(_canonical(name), tuple(alternatives), text, where, dep_tier)


def _pipfile_deps(root: Path) -> Iterator[_Dep]:
    data = _load_toml(root / "Pipfile")
    if data is None:
        return
    for key, tier in (("packages", _REQUIRED), ("dev-packages", _OPTIONAL)):
        for name, value in _table(data, key).items():
            version = value.get("version", "*") if isinstance(value, dict) else value
            if not isinstance(version, str):
                continue
            spec = None if version.strip() == "*" else _specifier_set(version)
            alternatives = (spec,) if spec else ()
            yield _Dep(_canonical(name), alternatives, f'{name} = "{version}"', "Pipfile", tier)


def _setup_cfg_deps(root: Path) -> Iterator[_Dep]:
    text = _read_text(root / "setup.cfg")
    if text is None:
        return
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return
    values: list[tuple[str, int]] = []
    if parser.has_section("options"):
        for key, tier in (("install_requires", _REQUIRED), ("tests_require", _OPTIONAL)):
            values.append((parser.get("options", key, fallback=""), tier))
    if parser.has_section("options.extras_require"):
        values += [(value, _OPTIONAL) for _, value in parser.items("options.extras_require")]
    for value, tier in values:
        for raw in value.splitlines():
            line = raw.split(" #", 1)[0].strip()
            if line.startswith(("#", "file:")):
                continue
            if line and (dep := _pep508(line, "setup.cfg", tier)) is not None:
                yield dep


_SETUP_STRING = re.compile(
    r"""(["'])\s*((?:tensorflow|tf-nightly|tf[-_]keras|keras|intel-tensorflow)"""
    r"""[A-Za-z0-9_.-]*\s*(?:\[[^\]"']*\])?\s*(?:[<>=!~][^"';]*)?)\s*(?:;(?:(?!\1)[^\n])*)?\1"""
)


def _setup_py_deps(root: Path, directory: Path | None = None) -> Iterator[_Dep]:
    """``install_requires``/``extras_require`` of ``setup.py``, by AST (never executed).

    ``directory`` (default: ``root``) holds the ``setup.py``; ``where`` is relative to the
    root. Requirements computed from constants are evaluated (:mod:`tfvarlint.setup_ast`); one
    that took a value from a version file is shown as ``setup.py (values from pkg/version.py)``.

    A value the AST cannot resolve (a function call, a file read) falls back to the text:
    every string literal in the file that is a TensorFlow/Keras requirement, as optional.
    """
    path = (root if directory is None else directory) / "setup.py"
    text = _read_text(path)
    if text is None:
        return
    where = _rel(path, root)
    found: list[Found] = []
    try:
        tree = ast.parse(text)
        setup = SetupModule(path.parent, root)
        setup.read(tree)
        complete = setup_call_requirements(tree, setup, found)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        complete = False
    seen = {line.strip() for line, _, _ in found}
    for line, tier, files in found:
        shown = f"{where} (values from {', '.join(sorted(files))})" if files else where
        if (dep := _pep508(line, shown, tier)) is not None:
            yield dep
    if not complete:
        yield from _setup_text_deps(text, where, seen)


def _setup_text_deps(text: str, where: str, seen: set[str]) -> Iterator[_Dep]:
    """Every TensorFlow/Keras requirement literal of a setup.py text not in ``seen``."""
    for match in _SETUP_STRING.finditer(text):
        line = match.group(2).strip()
        if line not in seen and (dep := _pep508(line, where, _OPTIONAL)) is not None:
            seen.add(line)
            yield dep


def _requirements_deps(root: Path) -> Iterator[_Dep]:
    """``requirements*.txt``/``.in`` at the root and ``requirements/*.txt``/``.in``.

    Only ``requirements.txt`` and ``requirements.in`` are required; the others (``-dev``,
    ``-gpu``, the ``requirements/`` folder) are optional.
    """
    files: list[Path] = []
    for directory in (root, root / "requirements"):
        names = _names(directory)
        files += [
            directory / name
            for name in names
            if name.endswith((".txt", ".in"))
            and (directory != root or name.startswith("requirements"))
        ]
    for path in files:
        tier = _REQUIRED if path.parent == root and path.stem == "requirements" else _OPTIONAL
        yield from _requirements_file(path, root, tier, include=True)


def _requirements_file(path: Path, root: Path, tier: int, *, include: bool) -> Iterator[_Dep]:
    text = _read_text(path)
    if text is None:
        return
    where = _rel(path, root)
    for line in _logical_lines(text):
        option = re.match(r"^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)", line)
        if option is not None:
            if include:  # one level of -r/-c includes
                yield from _requirements_file(
                    (path.parent / option.group(1)).resolve(), root, tier, include=False
                )
            continue
        if line.startswith("-") or "://" in line.split("@", 1)[0]:
            continue  # -e, --index-url, bare URLs
        requirement = re.split(r"\s+--\S", line, maxsplit=1)[0]  # --hash=... options
        if (dep := _pep508(requirement, where, tier)) is not None:
            yield dep


def _logical_lines(text: str) -> Iterator[str]:
    joined = re.sub(r"\\\r?\n", " ", text)
    for raw in joined.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).strip()
        if line:
            yield line


def _environment_deps(root: Path) -> Iterator[_Dep]:
    """``environment.yml``: conda entries and the ``pip:`` list (the simple YAML list form)."""
    for name in ("environment.yml", "environment.yaml"):
        text = _read_text(root / name)
        if text is not None:
            yield from _environment_file(text, root / name, root)


def _environment_file(text: str, path: Path, root: Path) -> Iterator[_Dep]:
    where = _rel(path, root)
    in_deps = False
    pip_indent: int | None = None
    for raw in text.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip())
        if indent == 0 and not line.startswith("-"):
            key, _, value = line.partition(":")
            in_deps = key.strip() == "dependencies"
            pip_indent = None
            if in_deps and value.strip().startswith("["):
                for entry in value.strip().strip("[]").split(","):
                    if (dep := _conda_spec(_unquote(entry), where, _REQUIRED)) is not None:
                        yield dep
                in_deps = False
            continue
        if not in_deps:
            continue
        item = re.match(r"^(\s*)-\s*(.*)$", line)
        if item is None:
            continue
        item_indent, entry = len(item.group(1)), _unquote(item.group(2))
        if pip_indent is not None and item_indent <= pip_indent:
            pip_indent = None
        if pip_indent is None and re.match(r"^pip\s*:", entry):
            pip_indent = item_indent
            continue
        if pip_indent is not None:
            yield from _pip_entry(entry, path, root)
        elif (dep := _conda_spec(entry, where, _REQUIRED)) is not None:
            yield dep


def _pip_entry(entry: str, path: Path, root: Path) -> Iterator[_Dep]:
    """One item of an environment file's ``pip:`` list."""
    option = re.match(r"^(?:-r|--requirement)\s+(\S+)", entry)
    if option is not None:
        yield from _requirements_file(
            (path.parent / option.group(1)).resolve(), root, _REQUIRED, include=False
        )
    elif not entry.startswith("-") and (dep := _pep508(entry, _rel(path, root), _REQUIRED)):
        yield dep


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


# --------------------------------------------------------------------------- project code


def _root_modules(root: Path) -> list[Path]:
    """Top-level packages' ``__init__.py`` (also under ``src/``) and scripts of the root."""
    files: list[Path] = []
    for directory in (root, root / "src"):
        names = _names(directory)
        packages = [directory / n / "__init__.py" for n in names if (directory / n).is_dir()]
        files += [p for p in packages if p.is_file()][:_MAX_ROOT_MODULES]
        if directory == root:
            files += [root / n for n in names if n.endswith(".py")][:_MAX_ROOT_MODULES]
    return files[:_MAX_CODE_FILES]


def _module_code(path: Path, root: Path | None) -> _Evidence | None:
    if path not in _MODULE_CODE:
        _MODULE_CODE[path] = _scan_files([path], root)
    return _MODULE_CODE[path]


def _package_code(directory: Path, root: Path | None) -> _Evidence | None:
    """``__init__.py`` of the enclosing packages and ``conftest.py`` up to the root."""
    key = (directory, root)
    if key in _PACKAGE_CODE:
        return _PACKAGE_CODE[key]
    files: list[Path] = []
    in_package = True
    for _ in range(_MAX_PACKAGE_DEPTH):
        init = directory / "__init__.py"
        in_package = in_package and init.is_file()
        if in_package:
            files.append(init)
        files.append(directory / "conftest.py")
        if directory in (root, directory.parent):
            break
        if not in_package and root is None:
            break
        directory = directory.parent
    found = _scan_files(files, root)
    _PACKAGE_CODE[key] = found
    return found


def _scan_files(files: Iterable[Path], root: Path | None) -> _Evidence | None:
    """The first of ``files`` that sets TF_USE_LEGACY_KERAS to a value TF reads as legacy."""
    for count, path in enumerate(files):
        if count >= _MAX_CODE_FILES:
            break
        text = read_text(path, _MAX_CODE_BYTES, mentioning=ENV_VAR)
        if text is None:
            continue
        found = _env_setting(text)
        if found is not None:
            where = _rel(path, root) if root is not None else path.name
            how = "set (setdefault)" if found else "set"
            return _Evidence(2, f"{ENV_VAR} {how} in {where}", soft=found)
    return None


def _env_setting(text: str) -> bool | None:
    """None: the code never sets the variable to 1; False: it assigns it; True: setdefault."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _env_setting_text(text)
    soft: bool | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            if any(_is_env_subscript(t) for t in node.targets) and _is_true(node.value):
                return False
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            func = node.func
            if not _is_environ(func.value):
                continue
            if func.attr == "setdefault" and len(node.args) == 2:
                if _is_name(node.args[0]) and _is_true(node.args[1]):
                    soft = True
            elif func.attr == "update" and _update_sets(node):
                return False
    return soft


def _update_sets(node: ast.Call) -> bool:
    for keyword in node.keywords:
        if keyword.arg == ENV_VAR and _is_true(keyword.value):
            return True
    for arg in node.args:
        if isinstance(arg, ast.Dict):
            for key, value in zip(arg.keys, arg.values, strict=True):
                if key is not None and _is_name(key) and _is_true(value):
                    return True
    return False


def _env_setting_text(text: str) -> bool | None:
    value = r"""\s*["'](?:1|true|True)["']"""
    if re.search(rf"""\[\s*["']{ENV_VAR}["']\s*\]\s*={value}""", text):
        return False
    if re.search(rf"""setdefault\(\s*["']{ENV_VAR}["']\s*,{value}""", text):
        return True
    return None


def _is_environ(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "environ") or (
        isinstance(node, ast.Name) and node.id == "environ"
    )


def _is_env_subscript(node: ast.expr) -> bool:
    return isinstance(node, ast.Subscript) and _is_environ(node.value) and _is_name(node.slice)


def _is_name(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value == ENV_VAR


def _is_true(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and (
        node.value in _TF_TRUE
    )
