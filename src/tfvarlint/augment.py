"""Make pylint's own checks right on TensorFlow/Keras code, the way pylint-django does for Django.

Two mechanisms, both switched off with ``tfvarlint-augment = no``:

1. **Where ``tensorflow.keras`` is.** TensorFlow creates ``tf.keras`` at import time (a lazy
   loader plus a ``__path__`` edit), so astroid, which reads source and never runs it, finds
   no ``keras`` in ``tensorflow`` and pylint reports ``import-error``, ``no-name-in-module``
   and ``no-member`` on every Keras use. An astroid failed-import hook answers
   ``tensorflow.keras[.x]`` with the package TensorFlow would load: ``keras._tf_keras.keras``
   for Keras 3, ``tf_keras.api._v2.keras`` for Keras 2 (``tf-keras``), decided like the
   checker's ``tfvarlint-keras-version`` (``tf.compat.v1.keras`` likewise; and
   ``tensorflow.compat.v1`` is found where TensorFlow puts it, ``tensorflow/_api/v2``). The
   hook runs only when astroid has already failed to find a ``tensorflow.*`` module, so a run
   that never touches TensorFlow pays nothing, and nothing is imported. Keras's internals
   are read as skeletons (:mod:`tfvarlint.keras_skeleton`: classes, signatures and instance
   attributes, no function bodies, TensorFlow's backend only), which is what core checks
   need of them, at a fraction of the cost of parsing and inferring all of Keras; each deep
   class hierarchy in them answers through one to three classes (:mod:`tfvarlint.keras_hierarchy`).
   Once astroid sees Keras, ``tf.keras.layers.Dens`` is a real ``no-member`` again.

2. **Keras idioms that core checks misread** (message suppression, as in pylint-django's
   ``augmentations``): attributes set in ``build()`` of a Layer/Model or ``compile()`` of a
   Model are not ``attribute-defined-outside-init``; the documented signatures of ``call``,
   ``build``, ``get_config``, ``train_step`` (and their siblings) are not
   ``arguments-differ``/``arguments-renamed`` against Keras's own base method; Keras base
   methods that raise ``NotImplementedError`` but need no override are not
   ``abstract-method``; Keras's own ancestors do not count towards ``too-many-ancestors``.
   Keras classes are recognised by :meth:`tfvarlint.classes.ClassModel.roles`
   (import-based, no inference). Everything else (an attribute first set in ``call``, a
   ``get_config`` that requires an argument, a project base class's signature) still warns.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from astroid import inference_tip, nodes, util
from astroid.exceptions import AstroidBuildingError, UseInferenceDefault
from astroid.manager import AstroidManager
from pylint.checkers import BaseChecker

from tfvarlint import keras_hierarchy, keras_skeleton, registered
from tfvarlint.classes import ClassModel
from tfvarlint.keras_version import uses_keras3
from tfvarlint.knowledge import Role
from tfvarlint.knowledge.spellings import (
    FUNCTIONAL_MODEL_MODULES as _FUNCTIONAL,
)
from tfvarlint.knowledge.spellings import KERAS_INTERNAL_PACKAGES as _KERAS_INTERNAL_PACKAGES
from tfvarlint.knowledge.spellings import KERAS_PACKAGES as _KERAS_PACKAGES
from tfvarlint.knowledge.spellings import KERAS_ROUTES as _KERAS_ROUTES
from tfvarlint.knowledge.spellings import TF_API_DIR as _TF_API_DIR
from tfvarlint.names import imported_top_packages, top_package

if TYPE_CHECKING:
    from pylint.lint import PyLinter

OPTION = "tfvarlint-augment"

# Methods where Keras documents that attributes are created, per role of the class.
_DEFINING_METHODS: dict[Role, frozenset[str]] = {
    Role.LAYER: frozenset({"build"}),
    Role.MODEL: frozenset({"build", "compile"}),
}


class _Sig:
    """A documented signature family: which role, how many positional parameters."""

    def __init__(self, roles: frozenset[Role], least: int, most: int | None, required: int | None):
        self.roles = roles
        self.least = least  # positional parameters after self, optional ones included
        self.most = most  # None: any number (or *args)
        self.required = required  # most parameters without a default; None: any


_ANY_ROLE = frozenset(Role)
# Documented overrides (keras.io "Making new layers and models via subclassing",
# "Customizing what happens in fit()"): call(inputs, training=None, mask=None, ...),
# build(input_shape) or Keras 3 build(x_shape, y_shape), get_config(), train_step(data) or
# JAX's train_step(state, data), compile(<your own arguments>), Loss.call(y_true, y_pred),
# compute_mask(inputs, mask=None), compute_output_shape(input_shape),
# Metric.update_state(y_true, y_pred, sample_weight=None), Metric.result().
_SIGNATURES: dict[str, _Sig] = {
    "call": _Sig(frozenset({Role.LAYER, Role.LOSS}), 1, None, None),
    "build": _Sig(frozenset({Role.LAYER}), 1, None, None),
    "get_config": _Sig(_ANY_ROLE, 0, None, 0),
    "compute_mask": _Sig(frozenset({Role.LAYER}), 1, 2, 1),
    "compute_output_shape": _Sig(frozenset({Role.LAYER}), 1, None, None),
    "train_step": _Sig(frozenset({Role.MODEL}), 1, 2, 2),
    "test_step": _Sig(frozenset({Role.MODEL}), 1, 2, 2),
    "predict_step": _Sig(frozenset({Role.MODEL}), 1, 2, 2),
    "compile": _Sig(frozenset({Role.MODEL}), 0, None, None),
    "update_state": _Sig(frozenset({Role.METRIC}), 1, None, None),
    "result": _Sig(frozenset({Role.METRIC}), 0, None, 0),
}
_SIGNATURE_MESSAGES = frozenset({"arguments-differ", "W0221", "arguments-renamed", "W0237"})
_OUTSIDE_INIT_MESSAGES = frozenset({"attribute-defined-outside-init", "W0201"})
_ABSTRACT_MESSAGES = frozenset({"abstract-method", "W0223"})
_ANCESTORS_MESSAGES = frozenset({"too-many-ancestors", "R0901"})
# Keras base methods that raise NotImplementedError because the user must write them: a
# class that does not is still reported.
_MUST_OVERRIDE = frozenset({"call", "update_state", "result", "update_step", "get_config"})


class AugmentOptions(BaseChecker):
    """Options of tfvarlint's corrections to core pylint messages on TF/Keras code."""

    # Same section as the checker's options; no messages, so pylint never walks it.
    name = "tfvarlint"
    msgs: ClassVar[dict[str, Any]] = {}
    options = (
        (
            OPTION,
            {
                "default": True,
                "type": "yn",
                "metavar": "<y or n>",
                "help": "Teach pylint where tensorflow.keras is (no false import-error, "
                "no-name-in-module, no-member) and Keras idioms (attributes set in "
                "build()/compile(), documented call/build/get_config/train_step "
                "signatures, Keras's own abstract methods and ancestors). 'no' leaves "
                "core pylint messages untouched.",
            },
        ),
    )


def _class_roles_finder() -> Callable[[nodes.ClassDef], frozenset[Role]]:
    """Keras/TF roles of a class, when no checker gave its class model (register())."""
    return ClassModel().roles


class _State:
    """What the augment keeps for one linter: class roles, the current module's Keras version."""

    def __init__(self) -> None:
        self._roles: Callable[[nodes.ClassDef], frozenset[Role]] | None = None
        self._shared: Callable[[nodes.ClassDef], frozenset[Role]] | None = None
        self._core_on: bool | None = None
        # (id of the module being linted, its Keras version under "auto"): the hook asks for
        # every failed ``tensorflow.keras`` import, hundreds of times a module, and deciding
        # reads the module's imports and its project's files
        self._keras3: tuple[int, bool] | None = None

    def core_messages_on(self, linter: PyLinter) -> bool:
        """Some message of core pylint (or another plugin) is on: the augment has work.

        With only tfvarlint's messages on (``tfvarlint`` CLI, ``--disable=all
        --enable=tfvarlint``) nothing the augment corrects can be reported, and resolving
        ``tf.keras``/``tf.compat`` would only make astroid read Keras and TensorFlow.
        Decided once per run, from the configuration (syntax and fatal errors do not count).
        """
        if self._core_on is None:
            self._core_on = any(
                linter.is_message_enabled(msgid)
                for checker in registered.checkers(linter)
                if checker.name not in {"main", AugmentOptions.name}
                for msgid in checker.msgs
            )
        return self._core_on

    def roles(self, cls: nodes.ClassDef) -> frozenset[Role]:
        """Keras/TF roles of ``cls`` (import-based, no inference)."""
        if self._roles is None:
            self._roles = _class_roles_finder()
        return self._roles(cls)

    def use_classes(self, classes: ClassModel) -> None:
        """Ask the checker's class model (one model for the run)."""
        self._shared = classes.roles
        self._roles = classes.roles

    def clear(self) -> None:
        """Drop what holds nodes (pylint's ``clear-cache-post-run``, editors, LSP servers)."""
        self._roles = self._shared
        self._core_on = None
        self._keras3 = None

    def keras3(self, linter: PyLinter) -> bool:
        """Keras 3 semantics for the module being linted (``tfvarlint-keras-version``), decided
        like the checker's (the project's declared dependencies included)."""
        choice = str(getattr(linter.config, "tfvarlint_keras_version", "auto"))
        if choice != "auto":
            return uses_keras3(choice, set())
        module = _current_module(linter)
        if self._keras3 is None or self._keras3[0] != id(module):
            if module is None:
                keras3 = uses_keras3(choice, frozenset())
            else:  # its imports tell ``import tf_keras``
                imported = frozenset(imported_top_packages(module))
                keras3 = uses_keras3(choice, imported, module.file)
            self._keras3 = (id(module), keras3)
        return self._keras3[1]


def _current_module(linter: PyLinter) -> nodes.Module | None:
    """The module pylint is checking (from astroid's cache), if known."""
    return AstroidManager().astroid_cache.get(getattr(linter, "current_name", None) or "")


# Per linter, keyed by id(): a PyLinter is a BaseChecker, whose __hash__/__eq__ format its
# messages (about 0.2 ms a lookup in a WeakKeyDictionary, thousands of lookups a run). The
# weak reference tells a live linter from a dead one whose id was reused.
_STATES: dict[int, tuple[weakref.ReferenceType[PyLinter], _State]] = {}


def _state(linter: PyLinter) -> _State:
    entry = _STATES.get(id(linter))
    if entry is not None and entry[0]() is linter:
        return entry[1]
    state = _State()
    key = id(linter)
    _STATES[key] = (weakref.ref(linter, lambda _ref: _STATES.pop(key, None)), state)
    return state


def clear_caches(linter: PyLinter | None = None) -> None:
    """Forget the node caches of ``linter`` (of every linter when None); for ``close()``."""
    for ref, state in list(_STATES.values()):
        if linter is None or ref() is linter:
            state.clear()


def _augment_on(linter: PyLinter) -> bool:
    """``tfvarlint-augment`` of this linter (on when the option is not known yet)."""
    return bool(getattr(linter.config, "tfvarlint_augment", True))


class _Hooks:
    """astroid's hooks and transforms are process-global: which linter they answer for."""

    installed = False
    linter: weakref.ReferenceType[PyLinter] | None = None

    @classmethod
    def enabled(cls) -> PyLinter | None:
        """The last registered linter, while it lives, ``tfvarlint-augment`` is on and some
        core message is on (:meth:`_State.core_messages_on`)."""
        linter = cls.linter() if cls.linter is not None else None
        if linter is None or not _augment_on(linter):
            return None
        return linter if _state(linter).core_messages_on(linter) else None


def register(linter: PyLinter, classes: ClassModel | None = None) -> None:
    """Install the import hook (once per process) and the message suppressions.

    ``classes``: the checker's class model, so both ask one model (and clear it together).
    """
    if not any(isinstance(c, AugmentOptions) for c in registered.checkers(linter)):
        linter.register_checker(AugmentOptions(linter))
    _Hooks.linter = weakref.ref(linter)
    if classes is not None:
        _state(linter).use_classes(classes)
    if not _Hooks.installed:
        manager = AstroidManager()
        manager.register_failed_import_hook(_tensorflow_keras_hook)
        manager.register_failed_import_hook(keras_hierarchy.build_flat_skeleton)
        manager.register_transform(
            nodes.Module, keras_skeleton.redirect_api_imports, _keras_api_module
        )
        manager.register_transform(nodes.Call, inference_tip(_infer_keras_call), _keras_call)
        _Hooks.installed = True
    _install_suppressions(linter)


# --- 1. tensorflow.keras -------------------------------------------------------------------


def _tensorflow_keras_hook(modname: str) -> nodes.Module:
    """astroid failed-import hook: the module TensorFlow's import-time routing would load.

    ``tensorflow.keras[.x]`` (and ``tf.compat.v1/v2.keras``) is the Keras TensorFlow loads;
    another ``tensorflow.x`` that astroid cannot find is tried under ``tensorflow._api.v2``.
    """
    if not modname.startswith("tensorflow."):
        raise AstroidBuildingError(modname=modname)
    linter = _Hooks.enabled()
    if linter is None:
        raise AstroidBuildingError(modname=modname)
    manager = AstroidManager()
    for prefix, route, alias in _KERAS_ROUTES:
        if modname == prefix or modname.startswith(prefix + "."):
            rest = alias + modname[len(prefix) :]
            for target in route[0] if _state(linter).keras3(linter) else route[1]:
                try:
                    return manager.ast_from_module_name(target + rest)
                except AstroidBuildingError:
                    continue
            raise AstroidBuildingError(modname=modname)
    if not modname.startswith(_TF_API_DIR):
        try:
            return manager.ast_from_module_name(_TF_API_DIR + modname[len("tensorflow.") :])
        except AstroidBuildingError:
            pass
    raise AstroidBuildingError(modname=modname)


def _keras_api_module(module: nodes.Module) -> bool:
    """A Keras API module built while the augment is on: its internals are read as skeletons."""
    return keras_skeleton.is_api_module(module) and _Hooks.enabled() is not None


def _callee_name(node: nodes.Call) -> str | None:
    func = node.func
    return func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)


def _keras_call(node: nodes.Call) -> bool:
    """``x.load_data()`` or ``Model(inputs, outputs)``: one predicate for both inference tips,
    because astroid asks every transform's predicate of every call in every module it builds
    (TensorFlow's own included: about 23,000 calls for one keras.io example)."""
    func = node.func  # _callee_name inlined: one Python call per call node, not two
    name = func.attrname if isinstance(func, nodes.Attribute) else getattr(func, "name", None)
    if name == "load_data":
        return True
    return name == "Model" and (
        len(node.args) >= 2 or {k.arg for k in node.keywords or ()} >= {"inputs", "outputs"}
    )


def _infer_keras_call(node: nodes.Call, context: Any = None) -> Any:
    if _callee_name(node) == "load_data":
        return _infer_keras_dataset(node, context)
    return _infer_functional_model(node, context)


def _infer_keras_dataset(node: nodes.Call, context: Any = None) -> Any:
    """``keras.datasets.<x>.load_data()`` gives NumPy arrays astroid cannot model.

    Left to astroid, Keras's ``np.load(...)["x_train"]`` infers as the function
    ``numpy.array``, and every ``x_train.reshape`` becomes a false ``no-member``.
    """
    if _Hooks.enabled() is not None:
        for value in node.func.infer(context):
            name = value.root().name if isinstance(value, nodes.FunctionDef) else ""
            if top_package(name) in _KERAS_INTERNAL_PACKAGES and ".datasets." in name:
                return iter([util.Uninferable])
    raise UseInferenceDefault


def _infer_functional_model(node: nodes.Call, context: Any = None) -> Any:
    """``keras.Model(inputs, outputs)`` -> a ``Functional`` instance (``input_shape``, ...)."""
    if _Hooks.enabled() is not None:
        for value in node.func.infer(context):
            root = value.root().name if isinstance(value, nodes.ClassDef) else ""
            module = keras_skeleton.real_name(root)
            if value.name == "Model" and module in _FUNCTIONAL:
                target = _FUNCTIONAL[module]
                if root != module:  # Model is the skeleton's: so is Functional
                    target = keras_skeleton.skeleton_name(target) or target
                functional = AstroidManager().ast_from_module_name(target)
                for cls in functional.locals.get("Functional", ()):
                    if isinstance(cls, nodes.ClassDef):
                        return iter([cls.instantiate_class()])
    raise UseInferenceDefault


# --- 2. message suppressions ---------------------------------------------------------------

# A suppression rule: (state of the linter, visited node, msgid, message node, message args).
Filter = Callable[[_State, nodes.NodeNG, str, Any, Any], bool]


def _install_suppressions(linter: PyLinter) -> None:
    # pylint: disable=import-outside-toplevel
    from pylint.checkers.classes.class_checker import ClassChecker
    from pylint.checkers.design_analysis import MisdesignChecker

    for checker in registered.checkers(linter):
        if isinstance(checker, MisdesignChecker):
            _suppress(linter, checker, "visit_classdef", _ANCESTORS_MESSAGES, _keras_ancestry)
        if not isinstance(checker, ClassChecker):
            continue
        _suppress(linter, checker, "leave_classdef", _OUTSIDE_INIT_MESSAGES, _set_in_keras_builder)
        _suppress(linter, checker, "visit_classdef", _ABSTRACT_MESSAGES, _keras_optional_abstract)
        for method in ("visit_functiondef", "visit_asyncfunctiondef"):
            _suppress(linter, checker, method, _SIGNATURE_MESSAGES, _documented_keras_signature)


def _suppress(
    linter: PyLinter, checker: BaseChecker, method: str, messages: frozenset[str], test: Filter
) -> None:
    """Wrap ``checker.method`` so that ``messages`` it emits are dropped when ``test`` says so.

    A local equivalent of ``pylint_plugin_utils.suppress_message``, decided per message:
    ``test(visited_node, msgid, message_node, args)``. The wrapper keeps the method's
    ``checks_msgs`` (``functools.wraps``), so pylint still skips it when its messages are off.
    """
    original = getattr(checker, method, None)
    if original is None or getattr(original, "_tfvarlint_suppresses", None) is not None:
        if original is not None:
            original._tfvarlint_suppresses.append((messages, test))  # pylint: disable=protected-access
        return
    rules: list[tuple[frozenset[str], Filter]] = [(messages, test)]

    @functools.wraps(original)
    def wrapper(node: nodes.NodeNG) -> None:
        if not _augment_on(linter):
            original(node)
            return
        shadowed = "add_message" in vars(linter)  # another wrapper's, kept as it was
        add_message = linter.add_message

        def filtered(msgid: str, *args: Any, **kwargs: Any) -> None:
            message_node = kwargs.get("node", args[1] if len(args) > 1 else None)
            message_args = kwargs.get("args", args[2] if len(args) > 2 else None)
            for names, rule in rules:
                if msgid in names and _safe(
                    functools.partial(rule, _state(linter), node, msgid, message_node, message_args)
                ):
                    return
            add_message(msgid, *args, **kwargs)

        linter.add_message = filtered  # type: ignore[method-assign]
        try:
            original(node)
        finally:
            if shadowed:
                linter.add_message = add_message  # type: ignore[method-assign]
            else:
                del linter.add_message  # back to the class's method

    wrapper._tfvarlint_suppresses = rules  # type: ignore[attr-defined]  # pylint: disable=protected-access
    setattr(checker, method, wrapper)


def _safe(decide: Callable[[], Any]) -> bool:
    """A suppression that fails keeps the message (and never breaks pylint)."""
    try:
        return bool(decide())
    except Exception:  # pylint: disable=broad-exception-caught
        return False


def _set_in_keras_builder(
    state: _State, cls: nodes.NodeNG, _msgid: str, _node: Any, attr: Any
) -> bool:
    """W0201: the attribute is set in build()/compile() (or a method they call) of this class."""
    if not isinstance(cls, nodes.ClassDef) or not isinstance(attr, str):
        return False
    roles = state.roles(cls)
    builders = frozenset().union(*(_DEFINING_METHODS.get(role, frozenset()) for role in roles))
    if not builders:
        return False
    root = cls.root()
    for assign in cls.instance_attrs.get(attr, ()):
        if assign.root() is not root:
            continue
        frame = assign.frame()
        if not isinstance(frame, nodes.FunctionDef) or frame.parent is not cls:
            continue
        if frame.name in builders or _called_from(frame.name, cls, builders):
            return True
    return False


def _called_from(name: str, cls: nodes.ClassDef, builders: frozenset[str]) -> bool:
    """``self.<name>(...)`` is called directly in one of ``builders`` of ``cls``."""
    for builder in builders:
        for method in cls.locals.get(builder, ()):
            if not isinstance(method, nodes.FunctionDef) or not method.args.args:
                continue
            self_name = method.args.args[0].name
            for call in method.nodes_of_class(nodes.Call):
                func = call.func
                if (
                    isinstance(func, nodes.Attribute)
                    and func.attrname == name
                    and isinstance(func.expr, nodes.Name)
                    and func.expr.name == self_name
                ):
                    return True
    return False


def _documented_keras_signature(
    state: _State, func: nodes.NodeNG, _msgid: str, _node: Any, _args: Any
) -> bool:
    """W0221/W0237 on a documented override of Keras's own method."""
    if not isinstance(func, nodes.FunctionDef) or not isinstance(func.parent, nodes.ClassDef):
        return False
    sig = _SIGNATURES.get(func.name)
    cls = func.parent
    if sig is None or not state.roles(cls) & sig.roles:
        return False
    if not _overrides_keras(cls, func.name):
        return False
    args = func.args
    positional = [*args.posonlyargs, *args.args][1:]  # without self
    required = len(positional) - len(args.defaults)
    if args.vararg is None and len(positional) < sig.least:
        return False
    if sig.most is not None and len(positional) > sig.most:
        return False
    if sig.required is not None and required > sig.required:
        return False
    # A keyword-only parameter without a default is never passed by Keras.
    return func.name == "call" or all(d is not None for d in args.kw_defaults)


def _overrides_keras(cls: nodes.ClassDef, name: str) -> bool:
    """The method ``name`` that ``cls`` overrides is Keras's (or TensorFlow's) own."""
    for ancestor in cls.local_attr_ancestors(name):
        return top_package(ancestor.root().name) in _KERAS_PACKAGES
    return False


def _keras_optional_abstract(
    state: _State, cls: nodes.NodeNG, _msgid: str, _node: Any, args: Any
) -> bool:
    """W0223 for a Keras base method that raises NotImplementedError but needs no override.

    Keras 3's ``Layer.add_metric`` raises to say "not supported"; its backend-specific
    trainers (astroid cannot know which backend runs) hold abstract ``fit``. The methods a
    user must write (``call``, ``update_state``, ...) are still reported.
    """
    if not isinstance(cls, nodes.ClassDef) or not isinstance(args, tuple) or not args:
        return False
    name = args[0]
    roles = state.roles(cls)
    if not roles:
        return False
    # A Model with its own train_step is driven by fit() alone (keras.io's GAN examples); a
    # class with its own __call__ never reaches call() (keras.io's contrastive losses).
    own = _own_methods(cls) if name == "call" else set()
    no_call = "__call__" in own or (Role.MODEL in roles and "train_step" in own)
    if name in _MUST_OVERRIDE and not no_call:
        return False
    for ancestor in cls.local_attr_ancestors(name):
        return top_package(ancestor.root().name) in _KERAS_PACKAGES
    return False


def _own_methods(cls: nodes.ClassDef) -> set[str]:
    """Methods defined by ``cls`` or by its project (non-Keras) ancestors."""
    names = set(cls.locals)
    for ancestor in cls.ancestors():
        if top_package(ancestor.root().name) not in _KERAS_PACKAGES:
            names.update(ancestor.locals)
    return names


def _keras_ancestry(state: _State, cls: nodes.NodeNG, _msgid: str, _node: Any, args: Any) -> bool:
    """R0901 on a Keras class whose own (non-Keras) ancestors are within ``max-parents``.

    A Keras Model already has about ten ancestors inside Keras and TensorFlow, which the
    user cannot change; a deep hierarchy of the project's own classes is still reported.
    """
    if not isinstance(cls, nodes.ClassDef) or not state.roles(cls):
        return False
    limit = args[1] if isinstance(args, tuple) and len(args) == 2 else None
    if not isinstance(limit, int):
        return False
    own = [
        ancestor
        for ancestor in cls.ancestors()
        if top_package(ancestor.root().name) not in _KERAS_PACKAGES
        and ancestor.root().name != "builtins"
    ]
    return len(own) <= limit
