"""Keras's class hierarchies as one to three inherited classes each, so astroid walks them once.

A Keras layer has eight ancestors inside Keras and TensorFlow (``Dense`` -> ``Layer`` ->
``TFLayer`` -> ``KerasAutoTrackable`` -> ``AutoTrackable`` -> ``Trackable``, ``Operation``
-> ``KerasSaveable``), a model ten. astroid answers every question about a class (an
attribute, an instance attribute, its metaclass, "is it a ``type``?", "is it an enum?")
by walking its ancestors again, inferring each base on the way; pylint asks a user's Keras
subclass such questions hundreds of times, and astroid's brains ask each built class. On
ten keras.io examples that walk was the largest cost left of the augment.

So once a skeleton module is built (:mod:`tfvarlint.keras_skeleton`), each of its classes
with a deep enough hierarchy of Keras and TensorFlow classes keeps its own body, but its
bases become classes made here (one, or two or three where astroid would otherwise answer
differently: see :func:`_inherited_classes`) that hold what the hierarchy gives it: for
each name the definitions of the first class in the method resolution order that defines
it (what ``getattr`` and ``local_attr`` answer first), and for each instance attribute
every ancestor's assignments in astroid's order (what ``instance_attr`` answers). Its
ancestors are then those classes and ``object``: ``Dense`` has three instead of eight.
Definitions stay the real nodes: a message names the class a method is written in, as
before.

A hierarchy is left as it is where flattening could change an answer: a base astroid cannot
infer to one class, an ancestor from outside Keras and TensorFlow (``abc.ABC``,
``Exception``, ``typing.Generic``, ``enum.Enum``...), a metaclass, ``__slots__``, a class
decorator core checks read (a dataclass), or an order Python would reject. Not covered: a
user's class deriving from two flattened classes at once (a diamond over Keras's
hierarchy) finds the shared ancestors' names through the first, where Python's order could
reach an override in the second first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from astroid import nodes
from astroid.exceptions import AstroidError, InferenceError
from astroid.nodes.scoped_nodes.utils import builtin_lookup

from tfvarlint.keras_skeleton import MEANINGFUL_DECORATORS, build_skeleton
from tfvarlint.knowledge.spellings import KERAS_PACKAGES

# Where the original bases of a flattened class are kept (astroid nodes take attributes).
_ORIGINAL_BASES = "_tfvarlint_original_bases"
# A hierarchy is flattened from this many ancestors on (besides the class and ``object``):
# below it, the inherited class would be one more step, not one less.
_LEAST_ANCESTORS = 2
# The inherited class's name (astroid tells classes apart by line and qualified name).
_HOLDER_PREFIX = "_tfvarlint_bases_of_"


def build_flat_skeleton(modname: str) -> nodes.Module:
    """Failed-import hook: :func:`~tfvarlint.keras_skeleton.build_skeleton`, its classes
    flattened."""
    module = build_skeleton(modname)
    hierarchy = _Hierarchy()
    for node in module.body:
        if isinstance(node, nodes.ClassDef):
            flatten(node, hierarchy)
    return module


def flatten(cls: nodes.ClassDef, hierarchy: _Hierarchy | None = None) -> bool:
    """Replace the bases of ``cls`` by classes holding what they give; False where not.

    ``hierarchy``: what is known of the classes above, shared by the classes of a module.
    """
    if hasattr(cls, _ORIGINAL_BASES):
        return True
    hierarchy = hierarchy or _Hierarchy()
    try:
        bases, mro = hierarchy.bases(cls), hierarchy.mro(cls)
        if bases is None or mro is None:
            return False
        inherited = mro[1:-1]  # every order ends with ``object``
        if len(inherited) < _LEAST_ANCESTORS or not all(map(_flattenable, mro[:-1])):
            return False
        holders = _inherited_classes(cls, inherited, hierarchy.ancestors(cls))
    except (AstroidError, RecursionError):  # left as written: astroid answers as before
        return False
    cls.bases = [_base_naming(cls, holder) for holder in holders]
    setattr(cls, _ORIGINAL_BASES, bases)
    return True


def _inferring_to(holder: nodes.ClassDef) -> Callable[..., Iterator[nodes.ClassDef]]:
    def infer(
        _node: nodes.NodeNG, _context: object = None, **_: object
    ) -> Iterator[nodes.ClassDef]:
        yield holder

    return infer


def _inherited_classes(
    cls: nodes.ClassDef, mro: list[nodes.ClassDef], ancestors: list[nodes.ClassDef]
) -> list[nodes.ClassDef]:
    """The classes holding what the classes above ``cls`` give it.

    ``mro``: the method resolution order without ``cls`` and ``object`` (what
    ``local_attr`` follows), ``ancestors``: astroid's depth-first order, ``object``
    included (what ``getattr`` and ``methods`` follow). Names go to one class, the first
    base, except where astroid would answer otherwise:

    - a name its definer defines more than once (a property and its setter): astroid keeps
      the later definitions only from the module of the class it finds the first one in,
      so it goes to a class in the definer's module (the first base is in the module with
      most such names);
    - a name the depth-first order finds in ``object`` before its definer (``__reduce__``
      of Keras's ``KerasSaveable``): it goes to a later base, which ``getattr`` reaches
      after ``object`` and ``local_attr`` before it.

    Where the two orders find a name in two other classes (two of tf-keras's recurrent
    layers, for TensorFlow's private ``_lookup_dependency`` and ``_trackable_children``),
    the method resolution order wins, as in Python.
    """
    found = _definitions(mro, ancestors)
    several = Counter(module for values, module, behind in found.values() if len(values) > 1)
    home = several.most_common(1)[0][0] if several else cls.root()
    main = _holder(cls, home, "")
    others: dict[nodes.Module, nodes.ClassDef] = {}

    def other(module: nodes.Module) -> nodes.ClassDef:
        if module not in others:
            others[module] = _holder(cls, module, f"_{len(others) + 1}")
        return others[module]

    for name, (values, module, behind_object) in found.items():
        if len(values) > 1 and (behind_object or module is not home):
            holder = other(module)
        elif behind_object:
            holder = next(iter(others.values()), None) or other(module)
        else:
            holder = main
        holder.locals[name] = list(values)
    for klass in ancestors:
        for name, values in klass.instance_attrs.items():
            main.instance_attrs.setdefault(name, []).extend(values)
    return [main, *others.values()]


def _definitions(
    mro: list[nodes.ClassDef], ancestors: list[nodes.ClassDef]
) -> dict[str, tuple[list[nodes.NodeNG], nodes.Module, bool]]:
    """Each name: its first definitions in ``mro``, their module, whether the depth-first
    ``ancestors`` reach ``object`` first."""
    first: dict[str, nodes.ClassDef] = {}
    for klass in ancestors:
        for name in klass.locals:
            first.setdefault(name, klass)
    found: dict[str, tuple[list[nodes.NodeNG], nodes.Module, bool]] = {}
    for klass in mro:
        for name, values in klass.locals.items():
            if name not in found:
                behind_object = first[name].qname() == "builtins.object"
                found[name] = (values, klass.root(), behind_object)
    return found


def _holder(cls: nodes.ClassDef, parent: nodes.NodeNG, suffix: str) -> nodes.ClassDef:
    holder = nodes.ClassDef(
        name=f"{_HOLDER_PREFIX}{cls.name}{suffix}",
        lineno=cls.lineno,
        col_offset=cls.col_offset,
        parent=parent,
        end_lineno=cls.lineno,
        end_col_offset=cls.col_offset,
    )
    holder.postinit(bases=[], body=[], decorators=None)
    return holder


def _base_naming(cls: nodes.ClassDef, holder: nodes.ClassDef) -> nodes.Name:
    """A base of ``cls`` that infers to ``holder`` (no lookup: the holder is in no scope)."""
    base = nodes.Name(
        name=holder.name,
        lineno=cls.lineno,
        col_offset=cls.col_offset,
        parent=cls,
        end_lineno=cls.lineno,
        end_col_offset=cls.col_offset,
    )
    base._explicit_inference = _inferring_to(holder)  # pylint: disable=protected-access
    return base


def _flattenable(cls: nodes.ClassDef) -> bool:
    """A class of Keras's or TensorFlow's whose answers no metaclass, slots or class
    decorator changes."""
    if cls.root().name.split(".", 1)[0] not in KERAS_PACKAGES:
        return False
    if "__slots__" in cls.locals or "__metaclass__" in cls.locals:
        return False
    if cls.declared_metaclass() is not None:
        return False
    decorators = cls.decorators.nodes if cls.decorators is not None else ()
    return not any(_meaningful(node) for node in decorators)


def _meaningful(decorator: nodes.NodeNG) -> bool:
    func = decorator.func if isinstance(decorator, nodes.Call) else decorator
    if isinstance(func, nodes.Attribute):
        return func.attrname in MEANINGFUL_DECORATORS
    return isinstance(func, nodes.Name) and func.name in MEANINGFUL_DECORATORS


class _Hierarchy:
    """The classes above a class as written (a flattened class's original bases)."""

    def __init__(self) -> None:
        self.object: nodes.ClassDef = builtin_lookup("object")[1][0]  # type: ignore[assignment]
        self._bases: dict[nodes.ClassDef, list[nodes.ClassDef] | None] = {}
        self._mro: dict[nodes.ClassDef, list[nodes.ClassDef] | None] = {}
        self._ancestors: dict[nodes.ClassDef, list[nodes.ClassDef]] = {}

    def bases(self, cls: nodes.ClassDef) -> list[nodes.ClassDef] | None:
        """The classes ``cls`` is written to derive from; None where a base is not one class."""
        if cls in self._bases:
            return self._bases[cls]
        kept = getattr(cls, _ORIGINAL_BASES, None)
        found = kept if kept is not None else _inferred_bases(cls.bases)
        self._bases[cls] = found
        return found

    def mro(self, cls: nodes.ClassDef) -> list[nodes.ClassDef] | None:
        """C3 over the original bases; None where Python would reject it or a base is unknown."""
        if cls in self._mro:
            return self._mro[cls]
        self._mro[cls] = None  # a class among its own ancestors: no order
        bases = self.bases(cls)
        if bases is None:
            return None
        if not bases:
            found = [cls] if cls is self.object else [cls, self.object]
        else:
            sequences = [self.mro(base) for base in bases]
            found = None
            if all(seq is not None for seq in sequences):
                found = _c3([*(list(seq) for seq in sequences if seq), list(bases)])
                found = [cls, *found] if found is not None else None
        self._mro[cls] = found
        return found

    def ancestors(self, cls: nodes.ClassDef) -> list[nodes.ClassDef]:
        """``ClassDef.ancestors()`` as astroid walks it, over the original bases."""
        if cls in self._ancestors:
            return self._ancestors[cls]
        self._ancestors[cls] = []
        bases = self.bases(cls) or []
        if not bases:
            found = [] if cls is self.object else [self.object]
        else:
            found, seen = [], {cls}
            for base in bases:
                if base in seen:
                    continue
                seen.add(base)
                found.append(base)
                for grandpa in self.ancestors(base):
                    if grandpa is cls:
                        break
                    if grandpa not in seen:
                        seen.add(grandpa)
                        found.append(grandpa)
        self._ancestors[cls] = found
        return found


def _inferred_bases(bases: Iterable[nodes.NodeNG]) -> list[nodes.ClassDef] | None:
    found = []
    for base in bases:
        try:
            inferred = list(base.infer())
        except (InferenceError, RecursionError):
            return None
        if len(inferred) != 1 or not isinstance(inferred[0], nodes.ClassDef):
            return None
        found.append(inferred[0])
    return found


def _c3(sequences: list[list[nodes.ClassDef]]) -> list[nodes.ClassDef] | None:
    merged: list[nodes.ClassDef] = []
    while True:
        sequences = [seq for seq in sequences if seq]
        if not sequences:
            return merged
        for seq in sequences:
            head = seq[0]
            if not any(head in other[1:] for other in sequences):
                break
        else:
            return None
        merged.append(head)
        for seq in sequences:
            if seq[0] is head:
                del seq[0]
