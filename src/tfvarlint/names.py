"""Import-aware name resolution: what does a dotted name mean at this point?

Every question of the form "is this ``tf.Variable``?" goes through :func:`qualified_name`,
which follows the module's and the enclosing functions' imports with astroid's lexical
``lookup`` (no inference, so TensorFlow is never loaded), and :func:`canonical`, which folds
the spellings of one API into one name: ``tensorflow.keras.layers.Dense``,
``tf_keras.layers.Dense`` and ``keras.layers.Dense`` are all ``keras.layers.Dense``.

This module knows nothing about which names matter; that is :mod:`tfvarlint.knowledge`.
"""

from __future__ import annotations

from functools import lru_cache

from astroid import nodes

from tfvarlint.knowledge.spellings import (
    ERA_NAMESPACES,
    ERA_NOT_FOLDED,
    KERAS_SPELLINGS,
    REEXPORTED_MODULE_NAMES,
    TF_TOP_PACKAGES,
)

# A name bound by a plain assignment is followed this many times (``V = tf.Variable``).
_MAX_ALIAS_HOPS = 4


def dotted_parts(node: nodes.NodeNG) -> list[str] | None:
    """``tf.keras.layers.Dense`` -> ``["tf", "keras", "layers", "Dense"]``; None otherwise."""
    parts: list[str] = []
    while isinstance(node, nodes.Attribute):
        parts.append(node.attrname)
        node = node.expr
    if isinstance(node, nodes.Name):
        parts.append(node.name)
        parts.reverse()
        return parts
    return None


def head_name(node: nodes.NodeNG) -> nodes.Name | None:
    """The ``Name`` a dotted expression starts from (``tf`` in ``tf.keras.Model``)."""
    while isinstance(node, nodes.Attribute):
        node = node.expr
    return node if isinstance(node, nodes.Name) else None


def qualified_name(node: nodes.NodeNG) -> str | None:
    """The fully qualified name of a ``Name``/``Attribute`` expression, from imports.

    ``tf.keras.Model`` after ``import tensorflow as tf`` is ``tensorflow.keras.Model``; a
    class defined in the linted module is its ``qname()``; a name that is a parameter, a
    local value or unknown gives None. Nothing is inferred.
    """
    head = head_name(node)
    if head is None:
        return None
    parts = dotted_parts(node)
    assert parts is not None
    base = _bound_name(head, head.name, _MAX_ALIAS_HOPS)
    if base is None:
        return None
    return ".".join([base, *parts[1:]])


# Project-local names that stand for Keras (``keras = get_keras()`` compat shims), from the
# ``tfvarlint-keras-modules`` option: set by the checker for the run.
_PROJECT_KERAS: list[str] = []


def configure(keras_modules: frozenset[str] | tuple[str, ...]) -> None:
    """Set the project-local names that stand for Keras (and forget cached answers)."""
    modules = sorted(keras_modules, key=lambda name: (-len(name), name))
    if modules != _PROJECT_KERAS:
        _PROJECT_KERAS[:] = modules
        _RESOLVED.clear()
        _canonical.cache_clear()
        _OUTER_BOUND.clear()


def canonical(qname: str | None) -> str | None:
    """Fold the many spellings of one TF/Keras API into one name."""
    if not qname:
        return qname
    return _canonical(qname)


@lru_cache(maxsize=8192)
def _canonical(qname: str) -> str:
    """:func:`canonical` of a name (cached: a module spells the same few names many times)."""
    for prefix in _PROJECT_KERAS:
        if qname == prefix or qname.startswith(prefix + "."):
            qname = "keras" + qname[len(prefix) :]
            break
    for prefix, replacement in KERAS_SPELLINGS:
        if qname == prefix or qname.startswith(prefix + "."):
            qname = replacement + qname[len(prefix) :]
            break
    return _fold_era_submodule(qname)


def _fold_era_submodule(qname: str) -> str:
    """``keras.layers.core.Dense`` -> ``keras.layers.Dense`` (see ``ERA_NAMESPACES``)."""
    for namespace in ERA_NAMESPACES:
        if qname.startswith(namespace + ".") and not qname.startswith(ERA_NOT_FOLDED):
            rest = qname[len(namespace) + 1 :].split(".")
            if len(rest) > 1 and rest[-1][:1].isupper() and all(
                part[:1].islower() or part[:1] == "_" for part in rest[:-1]
            ):
                return f"{namespace}.{rest[-1]}"
    return qname


def resolve(node: nodes.NodeNG) -> str | None:
    """:func:`canonical` of :func:`qualified_name`.

    Cached per node: the checker asks about the same call several times (traced contexts,
    creations, helpers), and trees do not change while pylint runs. A plain dict keyed by
    the node: an ``lru_cache`` entry is two more objects the garbage collector tracks (its
    link and its key tuple), thousands of them kept for the whole run.
    """
    try:
        return _RESOLVED[node]
    except KeyError:
        found = _RESOLVED[node] = canonical(qualified_name(node))
        return found


# :func:`resolve`'s answers, per node, for the run (:func:`clear_caches` forgets them).
_RESOLVED: dict[nodes.NodeNG, str | None] = {}


def top_package(qname: str | None) -> str | None:
    """``tensorflow`` for ``tensorflow.keras.layers.Dense``; None for None."""
    return qname.split(".", 1)[0] if qname else None


def is_tf_name(qname: str | None) -> bool:
    """True for names in TensorFlow, Keras, tf-keras or Sonnet."""
    return top_package(qname) in TF_TOP_PACKAGES


# Lookups of a name that a function's body reads but does not bind (``tf``, ``layers``,
# ``len`` in a method), shared by every read of that name in the body: see _lookup. Kept
# per function, then per name: a (function, name) key would be one more object for the
# garbage collector to track, for the whole run, per entry.
_OUTER_LOOKUPS: dict[nodes.FunctionDef, dict[str, tuple[nodes.NodeNG, list[nodes.NodeNG]]]] = {}
# What such a name is bound to (:func:`_bound_name`), per function, then (name, hops left):
# the answer depends only on the lookup's, which is the same for every read in the body.
_OUTER_BOUND: dict[nodes.FunctionDef, dict[tuple[str, int], str | None]] = {}
# Lookups of a name that every function at the top of a module reads alike (see
# _module_level_read): per module, then per name.
_MODULE_LOOKUPS: dict[nodes.Module, dict[str, tuple[nodes.NodeNG, list[nodes.NodeNG]]]] = {}


def clear_caches() -> None:
    """Forget every cached answer (the run is over: no tree is kept)."""
    _RESOLVED.clear()
    _canonical.cache_clear()
    _OUTER_LOOKUPS.clear()
    _OUTER_BOUND.clear()
    _MODULE_LOOKUPS.clear()
    _SCANS.clear()
    _DEFINITIONS.clear()


def _lookup(
    node: nodes.NodeNG, name: str, read: tuple[nodes.FunctionDef, str] | None
) -> tuple[nodes.NodeNG, list[nodes.NodeNG]]:
    """``node.lookup(name)``, the same answer for every read of ``name`` in one function body.

    Where a function binds no ``name`` (no local of that name), astroid finds it in the
    enclosing scopes, and which of their bindings it keeps does not depend on where in the
    body the read is: the read's line only filters bindings of its own frame, and the
    branches (``if``/``try``) it compares the read with all lie outside the function. So the
    answer is kept per (function, name) when the read is in the body (not a default,
    annotation or decorator, which astroid looks up from elsewhere) and no binding it could
    consider lies inside the function (a ``global`` statement's). ``read``: what
    :func:`_body_read` says of this read.
    """
    if read is None:
        return node.lookup(name)
    scope = read[0]
    known = _OUTER_LOOKUPS.get(scope)
    found = known.get(name) if known is not None else None
    if found is None:
        module = _module_level_read(scope, name)
        if module is not None:  # the module's lookup; kept for the body too (see above)
            found = _module_lookup(module, node, name)
            _OUTER_LOOKUPS.setdefault(scope, {})[name] = found
            return found
        found = node.lookup(name)
        if _bindings_outside(scope, name):
            _OUTER_LOOKUPS.setdefault(scope, {})[name] = found
    return found


def _module_lookup(
    module: nodes.Module, node: nodes.NodeNG, name: str
) -> tuple[nodes.NodeNG, list[nodes.NodeNG]]:
    known = _MODULE_LOOKUPS.get(module)
    found = known.get(name) if known is not None else None
    if found is None:
        found = node.lookup(name)
        _MODULE_LOOKUPS.setdefault(module, {})[name] = found
    return found


def _module_level_read(function: nodes.FunctionDef, name: str) -> nodes.Module | None:
    """The module, where every read of ``name`` in this function's body finds the same
    bindings as a read in any other such function of the module; else None.

    astroid resolves such a read in the module's scope (or the builtins), and what it keeps
    of the module's bindings depends on the read's place only through the statements that
    contain it (a ``try``/``if`` both are in, a loop or ``with`` around the read) and through
    bindings made inside functions (``global``). So: no enclosing function binds ``name``,
    the read's outermost statement is a ``def``/``class`` at the top of the module body
    (not in a block) that does not bind ``name`` itself, and every binding of ``name`` in
    the module is made at module level. Class scopes are skipped, as astroid skips them.
    """
    scope: nodes.NodeNG = function
    while True:
        parent = scope.parent
        if parent is None:
            return None
        outer = parent.scope()
        if isinstance(outer, nodes.Module):
            break
        if not isinstance(outer, nodes.ClassDef) and name in outer.locals:
            return None
        scope = outer
    if (
        parent is not outer
        or not isinstance(scope, (nodes.FunctionDef, nodes.ClassDef))
        or scope.name == name
    ):
        return None
    for binding in outer.locals.get(name, ()):
        if binding.parent is None or binding.parent.frame() is not outer:
            return None
    return outer


def _body_read(node: nodes.NodeNG, name: str) -> tuple[nodes.FunctionDef, str] | None:
    """(function, name) for a read of ``name`` in a function's body that binds no ``name``
    (not in a default, annotation or decorator); None for any other read."""
    scope = node.scope()
    if (
        not isinstance(scope, nodes.FunctionDef)  # a lambda, comprehension, class or module
        or name in scope.locals
        or name == "__class__"
        or node.statement() is scope
    ):
        return None
    return scope, name


def _bindings_outside(function: nodes.FunctionDef, name: str) -> bool:
    """No binding of ``name`` in the scopes enclosing ``function`` lies inside it."""
    outer = function.parent.scope() if function.parent else None
    while outer is not None:
        for stmt in outer.locals.get(name, ()):
            if is_inside(stmt, function):
                return False
        outer = outer.parent.scope() if outer.parent else None
    return True


def is_inside(node: nodes.NodeNG, container: nodes.NodeNG) -> bool:
    """``container`` is an ancestor of ``node``."""
    parent = node.parent
    while parent is not None:
        if parent is container:
            return True
        parent = parent.parent
    return False


def _bound_name(scope_node: nodes.NodeNG, name: str, hops: int) -> str | None:
    """What ``name`` is bound to, seen from ``scope_node``, as a qualified name."""
    read = _body_read(scope_node, name)
    bound = _OUTER_BOUND.get(read[0]) if read is not None else None
    if bound is not None and (name, hops) in bound:
        return bound[name, hops]
    try:
        _scope, assignments = _lookup(scope_node, name, read)
    except Exception:  # pylint: disable=broad-exception-caught  # odd trees must not crash pylint
        return None
    found = _binding_name(scope_node, name, hops, assignments)
    if read is not None and name in _OUTER_LOOKUPS.get(read[0], ()):
        # the lookup is the body's (see _lookup): so is its answer
        _OUTER_BOUND.setdefault(read[0], {})[name, hops] = found
    return found


def _binding_name(
    scope_node: nodes.NodeNG, name: str, hops: int, assignments: list[nodes.NodeNG]
) -> str | None:
    """The qualified name the bindings astroid found for ``name`` give (imports first)."""
    found: list[str] = []
    for stmt in assignments:
        qname = _qualified_binding(stmt, name, hops)
        if qname is not None:
            found.append(qname)
    if not assignments:
        star = _star_imported(scope_node, name)
        if star is not None:
            found.append(star)
    if not found:
        return None
    # ``try: import tensorflow as tf / except ImportError: tf = None``: the import wins.
    for qname in found:
        if is_tf_name(qname):
            return qname
    return found[0]


def _qualified_binding(stmt: nodes.NodeNG, name: str, hops: int) -> str | None:
    if isinstance(stmt, nodes.Import):
        for modname, alias in stmt.names:
            if alias == name:
                return modname
            if alias is None and modname.split(".", 1)[0] == name:
                return name
        return None
    if isinstance(stmt, nodes.ImportFrom):
        module = stmt.modname
        if stmt.level:
            try:
                module = stmt.root().relative_to_absolute_name(stmt.modname, stmt.level)
            except Exception:  # pylint: disable=broad-exception-caught  # beyond top level
                return None
        for original, alias in stmt.names:
            if original == "*" and name in _star_names(module):
                return f"{module}.{name}"
            if (alias or original) == name and original != "*":
                if original in REEXPORTED_MODULE_NAMES and hops > 0 and not is_tf_name(module):
                    reexported = _reexported_tf_module(stmt, original, hops - 1)
                    if reexported is not None:
                        return reexported
                return f"{module}.{original}" if module else original
        return None
    if isinstance(stmt, (nodes.ClassDef, nodes.FunctionDef)):
        return stmt.qname()
    if isinstance(stmt, nodes.AssignName) and _PROJECT_KERAS:
        local = f"{stmt.root().name}.{name}"
        if local in _PROJECT_KERAS or name in _PROJECT_KERAS:
            return local if local in _PROJECT_KERAS else name
    if isinstance(stmt, nodes.AssignName) and hops > 0:
        parent = stmt.parent
        if (
            isinstance(parent, nodes.Assign)
            and len(parent.targets) == 1
            and parent.targets[0] is stmt
            and isinstance(parent.value, (nodes.Name, nodes.Attribute))
        ):
            head = head_name(parent.value)
            parts = dotted_parts(parent.value)
            if (
                head is None
                or parts is None
                or (head.name == name and head.scope() is stmt.scope())
            ):
                return None
            base = _bound_name(head, head.name, hops - 1)
            return ".".join([base, *parts[1:]]) if base else None
    return None


def _star_names(module: str) -> frozenset[str]:
    """Names ``from <module> import *`` binds that tfvarlint knows (TF/Keras modules only)."""
    from tfvarlint.knowledge import star_exports  # pylint: disable=import-outside-toplevel

    folded = canonical(module)
    return star_exports(folded) if is_tf_name(folded) else frozenset()


def _star_imported(scope_node: nodes.NodeNG, name: str) -> str | None:
    """``from tensorflow.keras.layers import *`` then ``Dense``: a name no statement binds
    (astroid cannot read TensorFlow's lazily built namespaces), found in the table."""
    try:
        module = scope_node.root()
    except Exception:  # pylint: disable=broad-exception-caught
        return None
    for stmt in module.body:
        if (
            isinstance(stmt, nodes.ImportFrom)
            and not stmt.level
            and any(original == "*" for original, _ in stmt.names)
            and name in _star_names(stmt.modname)
        ):
            return f"{stmt.modname}.{name}"
    return None


def _reexported_tf_module(stmt: nodes.ImportFrom, original: str, hops: int) -> str | None:
    """``from .modeling_utils import keras`` where that project module imports keras."""
    module = _import_project_module(stmt, stmt.modname)
    if module is None:
        return None
    for binding in module.locals.get(original, []):
        if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
            qname = _qualified_binding(binding, original, hops)
            if is_tf_name(qname):
                return qname
    return None


def _reexported_tops(stmt: nodes.ImportFrom) -> set[str]:
    """Top packages a project module binds the TF-module names imported here to.

    transformers' ``from ...modeling_tf_utils import keras`` is tf_keras (that module tries
    ``import tf_keras as keras`` first and refuses Keras 3): the importer is Keras 2 code.
    """
    names = [original for original, _ in stmt.names if original in REEXPORTED_MODULE_NAMES]
    if not names or (not stmt.level and is_tf_name(stmt.modname)):
        return set()
    module = _import_project_module(stmt, stmt.modname)
    if module is None:
        return set()
    tops: set[str] = set()
    for original in names:
        for binding in module.locals.get(original, []):
            if isinstance(binding, (nodes.Import, nodes.ImportFrom)):
                top = top_package(_qualified_binding(binding, original, 0))
                if top in TF_TOP_PACKAGES:
                    tops.add(top)
    return tops


def import_statements(module: nodes.Module) -> tuple[nodes.Import | nodes.ImportFrom, ...]:
    """The import statements of the module's scopes (module, classes, functions).

    Walks scopes only (their ``locals``), not every node, so it is cheap on any file; once
    per module (the Keras-version decision and the call-row filter ask again).
    """
    return _scan(module)[0]


def renaming_bindings(module: nodes.Module) -> frozenset[str] | None:
    """Names the module binds to something named otherwise: ``import x as y``, ``from m
    import a as b`` and ``y = x.z`` (any import, to be safe). Only such a name's qualified
    name (:func:`qualified_name`) can end in another name than its own; None when project
    modules stand for Keras (``tfvarlint-keras-modules``: any name may then be Keras).
    """
    return None if _PROJECT_KERAS else _scan(module)[1]


_SCANS: dict[nodes.Module, tuple[tuple[nodes.Import | nodes.ImportFrom, ...], frozenset[str]]] = {}


def _scan(
    module: nodes.Module,
) -> tuple[tuple[nodes.Import | nodes.ImportFrom, ...], frozenset[str]]:
    """The module's import statements and renaming names, from one walk of its scopes."""
    found = _SCANS.get(module)
    if found is not None:
        return found
    imports: dict[int, nodes.Import | nodes.ImportFrom] = {}
    renaming: set[str] = set()
    stack: list[nodes.LocalsDictNodeNG] = [module]
    seen: set[int] = set()
    while stack:
        scope = stack.pop()
        if id(scope) in seen:
            continue
        seen.add(id(scope))
        for name, bound in scope.locals.items():
            for stmt in bound:
                if isinstance(stmt, (nodes.Import, nodes.ImportFrom)):
                    imports.setdefault(id(stmt), stmt)  # one statement may bind several names
                    renaming.add(name)
                elif isinstance(stmt, (nodes.ClassDef, nodes.FunctionDef)):
                    stack.append(stmt)
                elif (
                    isinstance(stmt, nodes.AssignName)
                    and isinstance(stmt.parent, nodes.Assign)
                    and isinstance(stmt.parent.value, (nodes.Name, nodes.Attribute))
                ):
                    renaming.add(name)
    found = _SCANS[module] = (tuple(imports.values()), frozenset(renaming))
    return found


def imported_top_packages(module: nodes.Module) -> set[str]:
    """Top-level packages imported anywhere in the module's scopes (module, classes, functions)."""
    found: set[str] = set()
    for stmt in import_statements(module):
        if isinstance(stmt, nodes.Import):
            found.update(modname.split(".", 1)[0] for modname, _ in stmt.names)
        else:
            if not stmt.level and stmt.modname:
                found.add(stmt.modname.split(".", 1)[0])
            found.update(_reexported_tops(stmt))
    return found


# --- Project-local definitions ------------------------------------------------------------

_THIRD_PARTY_DIRS = ("site-packages", "dist-packages")


def is_project_module(module: nodes.Module) -> bool:
    """A module of the linted code: not TensorFlow/Keras, not installed, not stdlib."""
    from astroid.modutils import is_stdlib_module  # pylint: disable=import-outside-toplevel

    if top_package(module.name) in TF_TOP_PACKAGES:
        return False
    path = module.file or ""
    if any(part in path for part in _THIRD_PARTY_DIRS):
        return False
    try:
        return not is_stdlib_module(module.name)
    except Exception:  # pylint: disable=broad-exception-caught
        return True


@lru_cache(maxsize=1024)
def _installed_package(top: str | None) -> bool:
    """A top-level package of the standard library or installed in site-packages.

    Decided from where the package lives, before any of it is parsed: building numpy's or
    absl's modules only to learn they are not the project's was most of the plugin's time
    in an environment that has them installed.
    """
    from astroid.manager import AstroidManager  # pylint: disable=import-outside-toplevel
    from astroid.modutils import is_stdlib_module  # pylint: disable=import-outside-toplevel

    if not top:
        return False
    try:
        if is_stdlib_module(top):
            return True
        spec = AstroidManager().file_from_module_name(top, None)
    except Exception:  # pylint: disable=broad-exception-caught  # not importable: not installed
        return False
    location = spec.location or ""
    return any(part in location for part in _THIRD_PARTY_DIRS)


_DEFINITION_HOPS = 3
# :func:`project_definition`'s answers for the default hops, per node, for the run.
_DEFINITIONS: dict[nodes.NodeNG, nodes.ClassDef | nodes.FunctionDef | None] = {}


def project_definition(
    node: nodes.NodeNG, hops: int = _DEFINITION_HOPS
) -> nodes.ClassDef | nodes.FunctionDef | None:
    """The class or function of the linted project that a dotted expression names.

    Follows imports by loading the imported *project* module with astroid (never a
    TensorFlow, third-party or standard-library one); gives None for anything else.
    Cached per node for the default ``hops``: a call's callee is asked about by the
    creation rules, then by helper following.
    """
    if hops != _DEFINITION_HOPS:
        return _project_definition(node, hops)
    try:
        return _DEFINITIONS[node]
    except KeyError:
        found = _DEFINITIONS[node] = _project_definition(node, hops)
        return found


def _project_definition(
    node: nodes.NodeNG, hops: int
) -> nodes.ClassDef | nodes.FunctionDef | None:
    parts = dotted_parts(node)
    head = head_name(node)
    if not parts or head is None or hops < 0:
        return None
    try:  # the lookup :func:`qualified_name` made of the same head, where it was shared
        _scope, assignments = _lookup(head, head.name, _body_read(head, head.name))
    except Exception:  # pylint: disable=broad-exception-caught
        return None
    root = head.root()
    for stmt in reversed(assignments):
        if stmt.root() is not root:
            continue  # astroid's last resort, the builtins module: ``range``, ``print``
        found = _definition_from(stmt, head.name, parts[1:], hops)
        if found is not None:
            return found
    return None


def _definition_from(
    stmt: nodes.NodeNG, name: str, rest: list[str], hops: int
) -> nodes.ClassDef | nodes.FunctionDef | None:
    if isinstance(stmt, (nodes.ClassDef, nodes.FunctionDef)):
        return stmt if not rest else None
    if isinstance(stmt, nodes.AssignName) and hops > 0 and not rest:
        # ``MakeInner = Inner``: an alias of a project class or function.
        value = single_binding_of(stmt)
        if isinstance(value, (nodes.Name, nodes.Attribute)) and not (
            isinstance(value, nodes.Name) and value.name == name
        ):
            return project_definition(value, hops - 1)
        return None
    if isinstance(stmt, nodes.ImportFrom):
        for original, alias in stmt.names:
            if (alias or original) == name and original != "*":
                module = _import_project_module(stmt, stmt.modname)
                if module is None:
                    return None
                found = _member(module, [original, *rest], hops)
                if found is None and rest:
                    # ``from pkg import util`` then ``util.make()``: a submodule.
                    submodule = _import_project_module(
                        stmt, f"{stmt.modname}.{original}" if stmt.modname else original
                    )
                    if submodule is not None:
                        found = _member(submodule, rest, hops)
                return found
        return None
    if isinstance(stmt, nodes.Import):
        for modname, alias in stmt.names:
            if alias == name:
                dotted = modname
            elif alias is None and modname.split(".", 1)[0] == name:
                dotted = name
            else:
                continue
            # ``import pkg.util`` then ``pkg.util.make()``: take the longest module prefix.
            candidates = [dotted, *(".".join([dotted, *rest[:i]]) for i in range(1, len(rest)))]
            for depth in range(len(candidates) - 1, -1, -1):
                module = _import_project_module(stmt, candidates[depth])
                if module is not None:
                    return _member(module, rest[depth:], hops)
        return None
    return None


def _import_project_module(stmt: nodes.NodeNG, modname: str) -> nodes.Module | None:
    level = getattr(stmt, "level", None)
    if not level and (
        top_package(modname) in TF_TOP_PACKAGES or _installed_package(top_package(modname))
    ):
        return None
    try:
        module = stmt.do_import_module(modname)
    except Exception:  # pylint: disable=broad-exception-caught  # unresolvable import
        return None
    return module if is_project_module(module) else None


def _member(
    module: nodes.Module, path: list[str], hops: int
) -> nodes.ClassDef | nodes.FunctionDef | None:
    if len(path) != 1:
        return None
    bound = module.locals.get(path[0], [])
    for stmt in reversed(bound):
        if isinstance(stmt, (nodes.ClassDef, nodes.FunctionDef)):
            return stmt
        if isinstance(stmt, nodes.ImportFrom) and hops > 0:  # re-exported from a package
            return _definition_from(stmt, path[0], [], hops - 1)
    return None


def instance_name(node: nodes.NodeNG) -> str | None:
    """The instance parameter's name (``self``) of the method that holds ``node``, if any.

    Code in a function or lambda nested in a method sees the method's ``self``.
    Static methods and plain functions have none.
    """
    func = node if isinstance(node, (nodes.FunctionDef, nodes.Lambda)) else node.scope()
    while isinstance(func, (nodes.FunctionDef, nodes.Lambda)):
        if isinstance(func, nodes.FunctionDef) and isinstance(func.parent, nodes.ClassDef):
            decorators = func.decorators.nodes if func.decorators else []
            if any(
                isinstance(d, nodes.Name) and d.name in ("staticmethod", "classmethod")
                for d in decorators
            ):
                return None
            args = func.args.posonlyargs + func.args.args
            return args[0].name if args else None
        func = func.parent.scope() if func.parent else None
    return None


def single_binding_of(target: nodes.AssignName) -> nodes.NodeNG | None:
    """The value a plain assignment ``target = <value>`` gives (chained targets allowed)."""
    assign = target.parent
    return assign.value if isinstance(assign, nodes.Assign) else None


def single_binding(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the one plain assignment that binds a name where it is read.

    ``ds = tf.data.Dataset.range(3)``, ``loss = make_loss(w)``, ``step = partial(f, 2)``: the
    name's lexical lookup finds exactly one binding, ``name = <value>`` (chained targets
    allowed, unpacking not). ``x = x`` and anything else give None.
    """
    try:
        _scope, assignments = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-exception-caught  # odd trees must not crash pylint
        return None
    if len(assignments) != 1 or not isinstance(assignments[0], nodes.AssignName):
        return None
    value = single_binding_of(assignments[0])
    if value is None:
        return None
    if isinstance(value, nodes.Name) and value.name == name.name:
        return None
    return value
