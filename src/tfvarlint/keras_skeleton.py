"""Keras's internals as the augment shows them to astroid: classes and signatures, no bodies.

Once astroid knows where ``tf.keras`` is (:mod:`tfvarlint.augment`), every inference of a
Keras name builds the module that defines it, and building a Keras class builds its whole
hierarchy (``Model`` -> the trainers of every backend, ``Layer`` -> ``Operation``, tracking,
saving, ...): about 100 modules, 2-3 s of CPU in a pylint run that lints one keras.io example.
Core pylint checks need much less of Keras: which names exist (``import-error``,
``no-name-in-module``, ``no-member``), which classes, bases, methods, signatures, abstract
methods and instance attributes there are (``arguments-differ``, ``abstract-method``,
``no-member`` on ``self.add_weight``). None of them needs the bodies of Keras's functions.

So, with the augment on, Keras's public API modules (``keras._tf_keras.keras.layers``,
``keras.callbacks``, ``tf_keras.api._v2.keras.layers``, ...) keep their names and their
re-exports, but their imports from the internal packages (``keras.src``, ``tf_keras.src``)
point to a **skeleton** of the same module (:func:`redirect_api_imports`), which
:func:`build_skeleton` builds from the installed source with every function body reduced to
``pass`` plus one ``self.<attribute> = <unknown>`` line for each instance attribute the body
sets (a body that starts with ``raise`` keeps that ``raise``: astroid and pylint read it as an
abstract method). Class bodies, decorators, signatures and module-level code are unchanged.
A call to a Keras function or method then infers as unknown instead of a guess (astroid would
otherwise follow Keras's code through every backend), so no core check gets a false lead
from it. Nothing is imported.

Making a skeleton means parsing the whole real module (Keras's ``layers/layer.py`` is 80 kB),
most of what building one costs; the reduced ``ast`` tree depends only on that source and on
this code, so it is kept in pylint's cache directory (``PYLINTHOME``, under ``tfvarlint/``),
one file per source content (:func:`cached_skeleton_tree`), and read back by an unpickler that
makes nothing but ``ast`` nodes. ``TFVARLINT_NO_CACHE=1`` turns the cache off; a directory that
cannot be written leaves every skeleton built as if there were none.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

from astroid import nodes
from astroid.builder import AstroidBuilder
from astroid.exceptions import AstroidBuildingError
from astroid.manager import AstroidManager
from astroid.rebuilder import TreeRebuilder

from tfvarlint.knowledge import spellings
from tfvarlint.knowledge.spellings import KERAS_INTERNAL_PACKAGES

# Keras's public API packages and the internal package their names come from.
INTERNAL_PACKAGES = KERAS_INTERNAL_PACKAGES
# A name no file has: astroid fails to find it and asks the augment's failed-import hook.
_SKELETON_PART = "_tfvarlint_skeleton"
_UNKNOWN = "_tfvarlint_unknown_"
# Keras 3 picks its backend at import time; through ``tf.keras`` it is TensorFlow.
_TF_BACKEND = "tensorflow"


def skeleton_name(modname: str) -> str | None:
    """``keras.src.layers.layer`` -> ``keras._tfvarlint_skeleton.layers.layer``; else None."""
    for top, internal in INTERNAL_PACKAGES.items():
        if modname == internal or modname.startswith(internal + "."):
            return f"{top}.{_SKELETON_PART}{modname[len(internal) :]}"
    return None


def real_name(modname: str) -> str:
    """The installed module a skeleton stands for (any other name is returned as it is)."""
    for top, internal in INTERNAL_PACKAGES.items():
        prefix = f"{top}.{_SKELETON_PART}"
        if modname == prefix or modname.startswith(prefix + "."):
            return internal + modname[len(prefix) :]
    return modname


def is_api_module(module: nodes.Module) -> bool:
    """A public Keras API module (``keras.layers``, ``keras._tf_keras.keras``, ``tf_keras``)."""
    top = module.name.split(".", 1)[0]
    return (
        top in INTERNAL_PACKAGES
        and skeleton_name(module.name) is None
        and (real_name(module.name) == module.name)
    )


def redirect_api_imports(module: nodes.Module) -> nodes.Module:
    """astroid transform: an API module's ``from keras.src.x import Y`` reads the skeleton."""
    for node in module.nodes_of_class(nodes.ImportFrom):
        if node.level:
            continue
        target = skeleton_name(node.modname)
        if target is not None:
            node.modname = target
    return module


def build_skeleton(modname: str) -> nodes.Module:
    """Failed-import hook: the skeleton module ``modname`` (see :func:`skeleton_name`)."""
    real = real_name(modname)
    if real == modname:
        raise AstroidBuildingError(modname=modname)
    manager = AstroidManager()
    cached = manager.astroid_cache.get(modname)
    if cached is not None:  # asked again without the cache (a package importing itself)
        return cached
    try:
        found = manager.file_from_module_name(real, None)
    except AstroidBuildingError:
        raise
    except Exception as exc:  # pylint: disable=broad-exception-caught  # odd installs
        raise AstroidBuildingError(modname=modname) from exc
    location = found.location
    if found.submodule_search_locations and not location:
        raise AstroidBuildingError(modname=modname)  # a namespace package: not Keras's layout
    if not location or not location.endswith(".py"):
        return manager.ast_from_module_name(real)
    try:
        source = Path(location).read_text(encoding="utf-8")
        tree = cached_skeleton_tree(source)
    except (OSError, SyntaxError, UnicodeDecodeError, ValueError, RecursionError):
        return manager.ast_from_module_name(real)
    return _astroid_module(manager, tree, source, modname, location)


def skeleton_source(source: str) -> str:
    """``source`` with function bodies reduced and internal imports pointing to skeletons."""
    return ast.unparse(skeleton_tree(source))


def skeleton_tree(source: str) -> ast.Module:
    """The ``ast`` tree of :func:`skeleton_source` (the real module's line numbers)."""
    return ast.fix_missing_locations(_Skeleton().visit(ast.parse(source)))


def cached_skeleton_tree(source: str, directory: Path | None = None) -> ast.Module:
    """:func:`skeleton_tree` of ``source``, from the cache where an earlier run made it.

    ``directory``: the cache (default :func:`cache_directory`; None there: no cache). See
    :mod:`tfvarlint.skeleton_cache`, imported only here: a run that builds no skeleton
    (no TensorFlow installed, or only tfvarlint's messages on) never imports its
    ``hashlib`` and ``pickle``.
    """
    directory = directory if directory is not None else cache_directory()
    if directory is None:
        return skeleton_tree(source)
    from tfvarlint import skeleton_cache  # pylint: disable=import-outside-toplevel

    return skeleton_cache.cached_tree(source, directory, skeleton_tree, _TREE_SOURCES)


def cache_directory() -> Path | None:
    """Where skeleton trees are kept: ``<PYLINTHOME>/tfvarlint/skeletons``, as pylint finds
    its home (``PYLINTHOME``, else the user cache directory); None with ``TFVARLINT_NO_CACHE``."""
    if os.environ.get("TFVARLINT_NO_CACHE", "") not in {"", "0"}:
        return None
    home = os.environ.get("PYLINTHOME")
    if not home:
        from pylint.constants import DEFAULT_PYLINT_HOME  # pylint: disable=import-outside-toplevel

        home = DEFAULT_PYLINT_HOME
    return Path(home) / "tfvarlint" / "skeletons"


# What makes a skeleton tree, besides the source: this code and the spellings it uses.
_TREE_SOURCES = (__file__, spellings.__file__)


def _astroid_module(
    manager: AstroidManager, tree: ast.Module, source: str, modname: str, path: str
) -> nodes.Module:
    """The astroid module of ``tree``, as ``string_build`` makes it from ``ast.unparse(tree)``.

    astroid's own steps (``AstroidBuilder._data_build`` without its ``ast.parse``, then
    ``_post_build``: the cache, ``from x import *``, instance attributes, transforms), so
    the skeleton is neither unparsed nor parsed again. Where an astroid version lacks them,
    the text is built instead.
    """
    builder = AstroidBuilder(manager)
    post_build = getattr(builder, "_post_build", None)
    if post_build is None:
        return builder.string_build(ast.unparse(tree), modname, path)
    rebuilder = TreeRebuilder(manager, source)
    file = os.path.abspath(path)  # noqa: PTH100  # the file name astroid's builder gives
    module = rebuilder.visit_module(tree, modname, file, Path(path).stem == "__init__")
    module.file_bytes = source.encode("utf-8")
    delayed = getattr(rebuilder, "_delayed_assattr", None)
    if isinstance(delayed, list):
        delayed[:] = [node for node in delayed if not _set_on_own_instance(node)]
    return post_build(module, rebuilder, "utf-8")


def _set_on_own_instance(node: nodes.AssignAttr) -> bool:
    """Record ``self.x = <unknown>`` of a skeleton's plain method as astroid would; False
    where astroid must decide (it then infers ``self``, as for any module).

    astroid's builder infers the target of every ``self.x = ...`` to learn whose instance
    attribute it is, and inferring ``self`` asks whether its class is a metaclass and
    whether it has ``__slots__``: both infer the class's whole hierarchy. In a skeleton
    the answer is known from the tree for almost every such line: the first parameter of
    an undecorated method of a class that defines no ``__slots__`` and has no base spelled
    like a metaclass (``type``, ``...Meta...``) is an instance of that class (the
    skeleton's bodies bind nothing else); a method whose decorators are all Keras's (made
    opaque, see :func:`_decorators`) is a plain method to astroid too. Everything else is
    left to astroid.
    """
    expr, func = node.expr, node.scope()
    if not isinstance(expr, nodes.Name) or not isinstance(func, nodes.FunctionDef):
        return False
    cls = func.parent
    if (
        (func.decorators is not None and not _opaque_only(func.decorators))
        or not isinstance(cls, nodes.ClassDef)
        or "__slots__" in cls.locals
        or cls.name == "type"
        or any(_may_be_metaclass(base) for base in cls.bases)
    ):
        return False
    params = func.args.posonlyargs + func.args.args
    if not params or params[0].name != expr.name or func.type != "method":
        return False
    values = cls.instance_attrs.setdefault(node.attrname, [])
    if node not in values:
        values.append(node)
    return True


def _opaque_only(decorators: nodes.Decorators) -> bool:
    return all(
        isinstance(node, nodes.Name) and node.name == _OPAQUE_DECORATOR for node in decorators.nodes
    )


def _may_be_metaclass(base: nodes.NodeNG) -> bool:
    name = base.attrname if isinstance(base, nodes.Attribute) else getattr(base, "name", "")
    return name == "type" or "Meta" in name


class _Skeleton(ast.NodeTransformer):
    """Reduce function bodies; redirect absolute imports of the internal packages."""

    # pylint: disable=invalid-name  # ast.NodeTransformer's visit_<NodeClass> names

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        """A function: its reduced body, its Keras decorators opaque."""
        node.body = _reduced_body(node)
        node.decorator_list = _decorators(node.decorator_list)
        return node

    def visit_AsyncFunctionDef(self, node: ast.AsyncFunctionDef) -> ast.AsyncFunctionDef:
        """An async function: its reduced body, its Keras decorators opaque."""
        node.body = _reduced_body(node)
        node.decorator_list = _decorators(node.decorator_list)
        return node

    def visit_ClassDef(self, node: ast.ClassDef) -> ast.ClassDef:
        """A class: its Keras decorators opaque, its body visited."""
        node.decorator_list = _decorators(node.decorator_list)
        self.generic_visit(node)
        return node

    def visit_If(self, node: ast.If) -> ast.AST | list[ast.stmt]:
        """``if backend() == "jax": ...``: only TensorFlow's branch (what ``tf.keras`` runs)."""
        backend = _backend_test(node.test)
        if backend is None:
            return self.generic_visit(node)
        kept: list[ast.stmt] = []
        for stmt in node.body if backend == _TF_BACKEND else node.orelse:
            visited = self.visit(stmt)
            kept.extend(visited if isinstance(visited, list) else [visited] if visited else [])
        return kept

    def visit_ImportFrom(self, node: ast.ImportFrom) -> ast.ImportFrom:
        """``from keras.src.x import y``: from the skeleton."""
        target = skeleton_name(node.module or "") if not node.level else None
        if target is not None:
            node.module = target
        return node

    def visit_Import(self, node: ast.Import) -> ast.Import:
        """``import keras.src.x as y``: the skeleton."""
        for alias in node.names:
            target = skeleton_name(alias.name)
            if target is not None and alias.asname:  # ``import keras.src.x`` binds ``keras``
                alias.name = target
        return node


# Decorators core checks read for what they are (properties, abstract methods, descriptors,
# overloads, context managers, dataclasses, caches), by the last part of their name.
MEANINGFUL_DECORATORS = frozenset(
    (
        "property", "setter", "getter", "deleter", "cached_property", "staticmethod",
        "classmethod", "abstractmethod", "abstractproperty", "abstractclassmethod",
        "abstractstaticmethod", "overload", "override", "final", "contextmanager",
        "asynccontextmanager", "dataclass", "total_ordering", "wraps", "lru_cache", "cache",
        "singledispatch", "singledispatchmethod", "deprecated",
    )
)  # fmt: skip
# What every other decorator becomes: a name bound nowhere, which astroid gives up on at once.
_OPAQUE_DECORATOR = "_tfvarlint_decorator_"


def _decorators(decorators: list[ast.expr]) -> list[ast.expr]:
    """Keras's own decorators (``@keras_export(...)``, ``@traceback_utils.filter_traceback``,
    ``@tracking.no_automatic_dependency_tracking``, ...) as one opaque name each.

    They register or wrap without changing what core checks see, yet core checks infer every
    decorator of every method of every Keras ancestor of a user's class (abstract methods,
    method types, dataclass detection), and inferring them builds Keras's registration and
    tracking modules and ``namex``. A decorated function stays decorated (typecheck skips
    some checks of decorated callees), and the meaningful ones are kept as written.
    """
    return [
        decorator
        if _last_name(decorator.func if isinstance(decorator, ast.Call) else decorator)
        in MEANINGFUL_DECORATORS
        else ast.copy_location(ast.Name(_OPAQUE_DECORATOR, ast.Load()), decorator)
        for decorator in decorators
    ]


def _last_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _backend_test(test: ast.expr) -> str | None:
    """``"jax"`` for ``backend() == "jax"`` or ``backend.backend() == "jax"``; else None."""
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.left, ast.Call)
        and not test.left.args
        and isinstance(test.comparators[0], ast.Constant)
        and isinstance(test.comparators[0].value, str)
    ):
        return None
    func = test.left.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return test.comparators[0].value if name == "backend" else None


def _reduced_body(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """The body as core checks see it, with what it computes replaced by the unknown value.

    Kept: a leading ``raise`` (the whole body then: an abstract method) or ``pass`` (astroid
    reads a ``pass``-first method as abstract), one ``self.<attribute> = <unknown>`` per
    instance attribute set, ``yield <unknown>`` in a generator and ``return <unknown>`` where
    a value is returned (a bare ``return`` where only those are): so ``abstract-method``,
    ``super-init-not-called``, ``assignment-from-no-return`` and ``no-member`` on instances
    read the skeleton as they read the real code, and a call infers as unknown.
    """
    docstring, body = [], func.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        docstring, body = body[:1], body[1:]
    if not body:
        return docstring or [ast.Pass()]
    if isinstance(body[0], ast.Raise):
        return [body[0]]
    reduced: list[ast.stmt] = [ast.Pass()] if isinstance(body[0], ast.Pass) else []
    params = [*func.args.posonlyargs, *func.args.args]
    instance = params[0].arg if params else None
    seen: set[str] = set()
    yields = value_return = bare_return = False
    for node in _own_statements(body):
        value = getattr(node, "value", None)
        if isinstance(value, (ast.Yield, ast.YieldFrom)):
            yields = True
        if isinstance(node, ast.Return):
            value_return = value_return or node.value is not None
            bare_return = bare_return or node.value is None
        for attr in _instance_attributes(node, instance):
            if attr not in seen:
                seen.add(attr)
                reduced.append(
                    ast.Assign(
                        targets=[ast.Attribute(ast.Name(instance, ast.Load()), attr, ast.Store())],
                        value=_unknown(),
                    )
                )
    if yields:
        reduced.append(ast.Expr(ast.Yield(_unknown())))
    if value_return:
        reduced.append(ast.Return(_unknown()))
    elif bare_return:
        reduced.append(ast.Return(None))
    return reduced or [ast.Expr(ast.Constant(...))]


def _unknown() -> ast.Name:
    return ast.Name(_UNKNOWN, ast.Load())


_BLOCKS = ("body", "orelse", "finalbody", "handlers", "cases")
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _own_statements(body: list[ast.stmt]) -> list[ast.AST]:
    """The statements of ``body`` and of its blocks, not those of nested functions or classes.

    Statements only (expressions are most of a tree, and walking them is most of the
    cost): a ``yield`` is found where Keras writes it, as a statement or an assigned value.
    """
    found: list[ast.AST] = []
    todo: list[ast.AST] = list(body)
    while todo:
        node = todo.pop()
        found.append(node)
        if isinstance(node, _SCOPES):
            continue
        for block in _BLOCKS:
            todo.extend(getattr(node, block, ()))
    return found


def _instance_attributes(node: ast.AST, instance: str | None) -> list[str]:
    """``x`` for ``self.x = ...`` / ``self.x += ...`` / ``self.x: T = ...`` (also unpacked)."""
    if instance is None:
        return []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    else:
        return []
    return [
        part.attr
        for target in targets
        for part in ast.walk(target)
        if isinstance(part, ast.Attribute)
        and isinstance(part.value, ast.Name)
        and part.value.id == instance
    ]
