"""Requirements of a ``setup.py`` read from its AST (for :mod:`tfvarlint.keras_version`).

Never executed. Literal lists, module-level names (also bound inside ``if``/``else``, ``try``
and ``with``; ``+=`` in every branch adds), ``+`` and ``*`` unpacking, ``**kwargs`` dicts, and
requirement strings computed from constants: ``"tensorflow>={},<{}".format(MIN, MAX)``,
f-strings, ``%`` and ``+``. A name may come from a version file the ``setup.py`` reads:
``exec(open(os.path.join(here, "pkg", "version.py")).read(), ns)`` then ``ns["MIN"]`` (or a
bare ``MIN`` after ``exec`` without a namespace), ``version.MIN``, ``from pkg.version import
MIN``. Only that file's module-level string constants are read.
"""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

REQUIRED, OPTIONAL = 0, 1  # dependency tiers
_NOT_VERSION_MODULES = frozenset(("setuptools", "distutils", "os", "sys", "pathlib", "datetime"))

Found = tuple[str, int, frozenset[str]]  # requirement, tier, version files it used
_MAX_VERSION_FILES = 4  # version files read per setup.py
_MAX_VERSION_BYTES = 64 * 1024


class SetupModule:
    """The names of a ``setup.py`` and the string constants of the version files it reads."""

    def __init__(self, directory: Path, root: Path) -> None:
        self.directory = directory
        self.root = root
        self.assigned: dict[str, ast.expr] = {}
        self.loaded: dict[str, str] = {}  # constants of the files read (exec / import)
        self.loaded_from: dict[str, str] = {}  # constant -> file (relative to the root)
        self.used_files: set[str] = set()  # files the last evaluated string took values from

    def read(self, tree: ast.Module) -> None:
        """Module-level bindings (also inside ``if``/``else``, ``try``, ``with``)."""
        self._bind(tree.body, 0)
        files: list[Path] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                files += self._python_files(node)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                files += self._module_files(node.module)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    files += self._module_files(alias.name)
        read = 0
        for file in dict.fromkeys(files):  # in order, once each; only existing files count
            if read < _MAX_VERSION_FILES and self._load(file):
                read += 1

    def _bind(self, body: list[ast.stmt], depth: int) -> None:
        for node in body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and (depth == 0 or target.id not in self.assigned):
                    self.assigned[target.id] = node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                if node.value is not None:
                    self.assigned[node.target.id] = node.value
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                previous = self.assigned.get(node.target.id)
                if previous is not None and isinstance(node.op, ast.Add):
                    # Every branch counts, like markers: ``+=`` in if/else adds both.
                    self.assigned[node.target.id] = ast.BinOp(previous, ast.Add(), node.value)
            elif depth < 4 and isinstance(node, (ast.If, ast.Try, ast.With)):
                for block in ("body", "orelse", "finalbody"):
                    self._bind(getattr(node, block, []), depth + 1)
                for handler in getattr(node, "handlers", []):
                    self._bind(handler.body, depth + 1)

    def _python_files(self, call: ast.Call) -> list[Path]:
        """``open(os.path.join(here, "pkg", "version.py"))``: the path's string parts."""
        parts = [
            arg.value
            for arg in call.args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        if not parts or not parts[-1].endswith(".py") or parts[-1].endswith("setup.py"):
            return []
        rel_path = Path(*[part for part in parts if part not in ("", ".")])
        return [base / rel_path for base in (self.directory, self.root)]

    def _module_files(self, module: str) -> list[Path]:
        if module.split(".", maxsplit=1)[0] in _NOT_VERSION_MODULES:
            return []
        rel_path = Path(*module.split(".")).with_suffix(".py")
        return [base / rel_path for base in (self.directory, self.root)]

    def _load(self, path: Path) -> bool:
        """Take the module-level string constants of ``path``; False if it is not read."""
        text = read_text(path, _MAX_VERSION_BYTES)
        if text is None:
            return False
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False
        where = relative(path.resolve(), self.root.resolve())
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
                if (
                    isinstance(target, ast.Name)
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and target.id not in self.loaded
                ):
                    self.loaded[target.id] = value.value
                    self.loaded_from[target.id] = where
        return True

    def resolve(self, node: ast.expr, depth: int = 0) -> ast.expr:
        """Follow module-level names to their bound expression."""
        while isinstance(node, ast.Name) and node.id in self.assigned and depth < 8:
            node = self.assigned[node.id]
            depth += 1
        return node

    def evaluate(self, node: ast.expr) -> tuple[str | None, frozenset[str]]:
        """:meth:`string`, and the version files its value came from."""
        self.used_files = set()
        value = self.string(node)
        return value, frozenset(self.used_files)

    def string(self, node: ast.expr, depth: int = 0) -> str | None:
        """The value of a string expression, or None if it is not computable here."""
        if depth > 8:
            return None
        if isinstance(node, ast.Name) and node.id not in self.assigned:
            return self._constant(node.id)  # exec(...) without a namespace binds globals
        node = self.resolve(node)
        if isinstance(node, ast.Constant):
            return node.value if isinstance(node.value, str) else None
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            key = node.slice.value  # ns["MIN_TF_VERSION"] of exec(..., ns)
            return self._constant(key) if isinstance(key, str) else None
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return self._constant(node.attr)  # version.MIN_TF_VERSION
        if isinstance(node, ast.JoinedStr):
            pieces = []
            for value in node.values:
                inner = value.value if isinstance(value, ast.FormattedValue) else value
                piece = self.string(inner, depth + 1)
                if piece is None or (isinstance(value, ast.FormattedValue) and value.format_spec):
                    return None
                pieces.append(piece)
            return "".join(pieces)
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            return self._binop(node, depth)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        ):
            return self._format(node, depth)
        return None

    def _constant(self, name: str) -> str | None:
        value = self.loaded.get(name)
        if value is not None:
            self.used_files.add(self.loaded_from[name])
        return value

    def _binop(self, node: ast.BinOp, depth: int) -> str | None:
        left = self.string(node.left, depth + 1)
        if left is None:
            return None
        if isinstance(node.op, ast.Add):
            right = self.string(node.right, depth + 1)
            return None if right is None else left + right
        operands = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        values = [self.string(operand, depth + 1) for operand in operands]
        if any(value is None for value in values):
            return None
        try:
            return left % tuple(values)
        except (TypeError, ValueError, KeyError):
            return None

    def _format(self, node: ast.Call, depth: int) -> str | None:
        assert isinstance(node.func, ast.Attribute)
        template = self.string(node.func.value, depth + 1)
        if template is None or any(isinstance(arg, ast.Starred) for arg in node.args):
            return None
        args = [self.string(arg, depth + 1) for arg in node.args]
        kwargs = {k.arg: self.string(k.value, depth + 1) for k in node.keywords if k.arg}
        if any(v is None for v in args) or any(v is None for v in kwargs.values()):
            return None
        if len(kwargs) != len(node.keywords):
            return None
        try:
            return template.format(*args, **kwargs)
        except (IndexError, KeyError, ValueError, AttributeError):
            return None


def setup_call_requirements(tree: ast.Module, setup: SetupModule, found: list[Found]) -> bool:
    """Append (requirement, tier) of every ``setup(...)`` call; False if some value is opaque."""
    complete = True
    calls = 0
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name != "setup":
            continue
        calls += 1
        keywords: list[tuple[str, ast.expr]] = []
        for keyword in node.keywords:
            if keyword.arg is not None:
                keywords.append((keyword.arg, keyword.value))
                continue
            mapping = setup.resolve(keyword.value)
            if isinstance(mapping, ast.Dict):
                keywords += [
                    (key.value, value)
                    for key, value in zip(mapping.keys, mapping.values, strict=True)
                    if isinstance(key, ast.Constant) and isinstance(key.value, str)
                ]
            else:
                complete = False
        for arg, value in keywords:
            if arg == "install_requires":
                complete &= _string_list(value, setup, REQUIRED, found, 0)
            elif arg == "tests_require":
                complete &= _string_list(value, setup, OPTIONAL, found, 0)
            elif arg == "extras_require":
                mapping = setup.resolve(value)
                if isinstance(mapping, ast.Dict):
                    for item in mapping.values:
                        complete &= _string_list(item, setup, OPTIONAL, found, 0)
                else:
                    complete = False
    return complete and calls > 0


def _string_list(
    node: ast.expr, setup: SetupModule, tier: int, found: list[Found], depth: int
) -> bool:
    if depth > 8:
        return False
    node = setup.resolve(node)
    # A sum of lists (a sum of strings is one requirement, below).
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and setup.string(node) is None:
        left = _string_list(node.left, setup, tier, found, depth + 1)
        return _string_list(node.right, setup, tier, found, depth + 1) and left
    if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        value, files = setup.evaluate(node)
        if value is not None:
            found.extend((line, tier, files) for line in value.splitlines() if line.strip())
            return True
        return False
    complete = True
    for element in node.elts:
        if isinstance(element, ast.Starred):
            complete &= _string_list(element.value, setup, tier, found, depth + 1)
            continue
        value, files = setup.evaluate(element)
        if value is not None:
            found.append((value, tier, files))
        else:
            complete = False
    return complete


def read_text(path: Path, limit: int, mentioning: str | None = None) -> str | None:
    """The text of a regular file of at most ``limit`` bytes (None otherwise, never raises).

    ``mentioning``: None also for a file whose bytes do not contain it (not decoded: the
    Keras-version decision reads every linted module only to look for one name).
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # noqa: PTH116  # one stat, no Path
            return None
        with open(path, "rb") as stream:  # noqa: PTH123  # bytes, read once
            data = stream.read(limit + 1)
    except OSError:
        return None
    if len(data) > limit or (mentioning is not None and mentioning.encode() not in data):
        return None
    text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text  # as open()


def real_path(file: str, real_dirs: dict[str, str]) -> Path:
    """``Path(file).resolve()``, each directory resolved once (``real_dirs`` keeps them):
    ``realpath`` is an ``lstat`` and some Python per path component, for every linted
    module. os.path, not pathlib: the point is to do less per module."""
    directory, name = os.path.split(os.path.abspath(file))  # noqa: PTH100
    real = real_dirs.get(directory)
    if real is None:
        real = real_dirs[directory] = os.path.realpath(directory)
    path = os.path.join(real, name)  # noqa: PTH118
    return Path(os.path.realpath(path) if os.path.islink(path) else path)  # noqa: PTH114


def relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root``, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()
