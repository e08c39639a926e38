"""Unit tests for :mod:`tfvarlint.guards` on small source strings.

Each case marks the creating call (or a helper's call site) with ``#@``; the traced body is
the outermost function or method around it. A guard must test state that the guarded code
changes: the created target, a flag the branch sets, or a flag Keras sets (``built``).
"""

from __future__ import annotations

import itertools
import textwrap

import astroid
import pytest
from astroid import nodes

from tfvarlint.guards import (
    clear_caches,
    is_guard_test,
    is_guarded,
)


def _creation(code: str) -> tuple[nodes.Call, nodes.FunctionDef]:
    """The call marked ``#@`` and the outermost function around it (the traced body)."""
    node = astroid.extract_node("import tensorflow as tf\n" + textwrap.dedent(code))
    if isinstance(node, (nodes.Assign, nodes.Return, nodes.Expr)):
        node = node.value
    call = node if isinstance(node, nodes.Call) else next(node.nodes_of_class(nodes.Call))
    body = call.scope()
    while not isinstance(body.parent, (nodes.Module, nodes.ClassDef)):
        body = body.parent.scope()
    return call, body


def _guarded(code: str, tensor_state: bool = False) -> bool:
    call, body = _creation(code)
    return is_guarded(call, body, tensor_state=tensor_state)


# --- guards (True) -------------------------------------------------------------------------

GUARDED = {
    "is None": """
        class M:
            def __call__(self, x):
                if self.w is None:
                    self.w = tf.Variable(1.0) #@
        """,
    "None is": """
        class M:
            def __call__(self, x):
                if None is self.w:
                    self.w = tf.Variable(1.0) #@
        """,
    "not hasattr": """
        class M:
            def __call__(self, x):
                if not hasattr(self, "w"):
                    self.w = tf.Variable(1.0) #@
        """,
    "hasattr else": """
        class M:
            def __call__(self, x):
                if hasattr(self, "w"):
                    pass
                else:
                    self.w = tf.Variable(1.0) #@
        """,
    "getattr is None": """
        class M:
            def __call__(self, x):
                if getattr(self, "w", None) is None:
                    self.w = tf.Variable(1.0) #@
        """,
    "key not in, any key": """
        class M:
            def __call__(self, x, name):
                if name + "_v" not in self._vars:
                    self._vars[name + "_v"] = tf.Variable(1.0) #@
        """,
    "not self.built": """
        class M:
            def __call__(self, x):
                if not self.built:
                    self.w = tf.Variable(1.0) #@
                    self.built = True
        """,
    "not self._initialized": """
        class M:
            def __call__(self, x):
                if not self._initialized:
                    self.w = tf.Variable(1.0) #@
                    self._initialized = True
        """,
    "module flag with global": """
        _ready = False
        def step(x):
            global _ready, _w
            if not _ready:
                _w = tf.Variable(1.0) #@
                _ready = True
        """,
    "module cache is None with global": """
        _w = None
        def step(x):
            global _w
            if _w is None:
                _w = tf.Variable(1.0) #@
        """,
    "module dict key": """
        CACHE = {}
        def step(x):
            if "w" not in CACHE:
                CACHE["w"] = tf.Variable(1.0) #@
        """,
    "conditional expression": """
        class M:
            def __call__(self, x):
                self.w = tf.Variable(1.0) if self.w is None else self.w #@
        """,
    "or expression for a layer": """
        class M:
            def __call__(self, x):
                self.dense = self.dense or tf.keras.layers.Dense(3) #@
        """,
    "try/except AttributeError": """
        class M:
            def __call__(self, x):
                try:
                    w = self.w
                except AttributeError:
                    self.w = tf.Variable(1.0) #@
        """,
    "try/except tuple with KeyError": """
        class M:
            def __call__(self, x):
                try:
                    w = self.slots["w"]
                except (KeyError, ValueError):
                    self.slots["w"] = tf.Variable(1.0) #@
        """,
    "guard inside a loop": """
        class M:
            def __call__(self, x):
                for name in ("a", "b"):
                    if name not in self._vars:
                        self._vars[name] = tf.Variable(1.0) #@
        """,
    "loop inside a guard": """
        class M:
            def __call__(self, x):
                if not self.slots:
                    for _ in range(3):
                        self.slots.append(tf.Variable(1.0)) #@
        """,
    "training and state test": """
        class M:
            def __call__(self, x, training=False):
                if training and self.w is None:
                    self.w = tf.Variable(1.0) #@
        """,
    "len of state == 0": """
        class M:
            def __call__(self, x):
                if len(self.slots) == 0:
                    self.slots["w"] = tf.Variable(1.0) #@
        """,
    "hasattr of a parameter, set in the branch": """
        def f(x, other):
            if not hasattr(other, "w"):
                other.w = tf.Variable(1.0) #@
        """,
    "parameter slot key": """
        def f(x, store, name):
            if name not in store.slots:
                store.slots[name] = tf.Variable(1.0) #@
        """,
    "None is parameter state": """
        def f(x, obj):
            if None is obj.w:
                obj.w = tf.Variable(1.0) #@
        """,
    "other instance name": """
        class M:
            def __call__(me, x):
                if me.w is None:
                    me.w = tf.Variable(1.0) #@
        """,
    "predicate method": """
        class M:
            def _needs_init(self):
                '''Docstring.'''
                return self._k is None
            def __call__(self, x):
                if self._needs_init():
                    self._k = tf.Variable(1.0) #@
        """,
    "negated predicate with another instance name": """
        class M:
            def _ready(me):
                return hasattr(me, "_k")
            def __call__(self, x):
                if not self._ready():
                    self._k = tf.Variable(1.0) #@
        """,
    "flag set by an inherited Keras method": """
        class A(tf.keras.layers.MultiHeadAttention):
            def call(self, query, value):
                if not self._built_from_signature:
                    self._build_from_signature(query=query, value=value)
                    self._gate = tf.keras.layers.Dense(3) #@
        """,
    "property predicate": """
        class M:
            @property
            def needs_init(self):
                return self._k is None
            def __call__(self, x):
                if self.needs_init:
                    self._k = tf.Variable(1.0) #@
        """,
    "flag set by a method the branch calls": """
        class M:
            def _mark(self):
                self._ready = True
            def __call__(self, x):
                if not self._ready:
                    self.w = tf.Variable(1.0) #@
                    self._mark()
        """,
    "not self.built (Keras sets it)": """
        class L:
            def call(self, x):
                if not self.built:
                    self.w = tf.Variable(1.0) #@
        """,
    "setdefault in the branch": """
        class M:
            def __call__(self, x, key):
                if key not in self._cache:
                    self._cache.setdefault(key, tf.Variable(1.0)) #@
        """,
    "setattr with a computed name": """
        class M:
            def __call__(self, x, name):
                if not hasattr(self, name):
                    setattr(self, name, tf.Variable(1.0)) #@
        """,
    "state replaced as a whole": """
        class M:
            def __call__(self, x):
                if self.state.w is None:
                    self.state = make_state(tf.Variable(1.0)) #@
        """,
    "nested function sees self": """
        class M:
            def call(self, x):
                def make():
                    if self.w is None:
                        self.w = tf.Variable(1.0) #@
                make()
        """,
}


@pytest.mark.parametrize("case", GUARDED)
def test_guarded(case: str) -> None:
    assert _guarded(GUARDED[case])


@pytest.mark.parametrize("case", [case for case in GUARDED if "or expression" not in case])
def test_guarded_variable(case: str) -> None:
    """The same guards hold when the created state is a variable (except ``or``, below)."""
    assert _guarded(GUARDED[case], tensor_state=True)


# --- not guards (False) --------------------------------------------------------------------

NOT_GUARDED = {
    "unconditional": """
        class M:
            def __call__(self, x):
                self.w = tf.Variable(1.0) #@
        """,
    "if training": """
        class L:
            def call(self, x, training=None):
                if training:
                    v = tf.Variable(1.0) #@
        """,
    "if not training": """
        class L:
            def call(self, x, training=None):
                if not training:
                    v = tf.Variable(1.0) #@
        """,
    "tensor shape test": """
        def f(x):
            if x.shape[0] > 1:
                v = tf.Variable(1.0) #@
        """,
    "for loop": """
        def f(x):
            for _ in range(3):
                v = tf.Variable(1.0) #@
        """,
    "while loop": """
        def f(x):
            while x is None:
                v = tf.Variable(1.0) #@
        """,
    "local None test": """
        def f(x):
            w = None
            if w is None:
                w = tf.Variable(1.0) #@
        """,
    "parameter None test": """
        def f(x, w=None):
            if w is None:
                w = tf.Variable(1.0) #@
        """,
    "local dict key": """
        def f(x):
            cache = {}
            if "w" not in cache:
                cache["w"] = tf.Variable(1.0) #@
        """,
    "or with a non-state test": """
        class M:
            def __call__(self, x, training=False):
                if self.w is None or training:
                    self.w = tf.Variable(1.0) #@
        """,
    "hasattr of a parameter the branch does not set": """
        def f(x, other):
            if not hasattr(other, "w"):
                v = tf.Variable(1.0) #@
        """,
    "configuration attribute (set once in __init__)": """
        class L:
            def __init__(self, causal):
                self.causal = causal
            def call(self, x):
                if not self.causal:
                    norm = tf.keras.layers.BatchNormalization() #@
        """,
    "None test of state the branch does not change": """
        class M:
            def __call__(self, x):
                if self.initializer is None:
                    self.w = tf.Variable(1.0) #@
        """,
    "None test, created value only returned": """
        class M:
            def __call__(self, x):
                if self.w is None:
                    return tf.Variable(1.0) #@
        """,
    "flag tested but another flag set": """
        class M:
            def __call__(self, x):
                if not self._initialized:
                    self.w = tf.Variable(1.0) #@
                    self._ready = True
        """,
    "try reads other state": """
        class M:
            def __call__(self, x):
                try:
                    w = self.other
                except AttributeError:
                    self.w = tf.Variable(1.0) #@
        """,
    "or with a configuration attribute": """
        class M:
            def __call__(self, x):
                self.dense = self.default or tf.keras.layers.Dense(3) #@
        """,
    "predicate on configuration": """
        class M:
            def _enabled(self):
                return self.enabled is None
            def __call__(self, x):
                if self._enabled():
                    self.w = tf.Variable(1.0) #@
        """,
    "property predicate on configuration": """
        class M:
            @property
            def enabled(self):
                return not self.causal
            def __call__(self, x):
                if self.enabled:
                    self._k = tf.Variable(1.0) #@
        """,
    "predicate of an unknown base class (not looked up)": """
        class M(Base):
            def __call__(self, x):
                if self._needs_init():
                    self.w = tf.Variable(1.0) #@
        """,
    "self method called in the branch does not set the state": """
        class M:
            def _log(self):
                self.calls = 1
            def __call__(self, x):
                if self.w is None:
                    self._log()
                    v = tf.Variable(1.0) #@
        """,
    "except ValueError": """
        class M:
            def __call__(self, x):
                try:
                    w = self.w
                except ValueError:
                    self.w = tf.Variable(1.0) #@
        """,
    "bare except": """
        class M:
            def __call__(self, x):
                try:
                    w = self.w
                except:
                    self.w = tf.Variable(1.0) #@
        """,
    "creation in the guard's own test": """
        class M:
            def __call__(self, x):
                if tf.Variable(1.0) is None: #@
                    pass
        """,
    "state compared by order": """
        class M:
            def __call__(self, x):
                if self.count > 3:
                    self.w = tf.Variable(1.0) #@
        """,
}


@pytest.mark.parametrize("code", NOT_GUARDED.values(), ids=NOT_GUARDED.keys())
def test_not_guarded(code: str) -> None:
    assert not _guarded(code)
    assert not _guarded(code, tensor_state=True)


# --- truth and equality tests of a variable: guards only when the state is not the variable --

TRUTHINESS = {
    "or expression": """
        class M:
            def __call__(self, x):
                self.w = self.w or tf.Variable(1.0) #@
        """,
    "global or expression": """
        _w = None
        def step(x):
            global _w
            _w = _w or tf.Variable(1.0) #@
        """,
    "if not self.w": """
        class M:
            def __call__(self, x):
                if not self.w:
                    self.w = tf.Variable(1.0) #@
        """,
    "if not getattr(self, 'w', None)": """
        class M:
            def __call__(self, x):
                if not getattr(self, "w", None):
                    self.w = tf.Variable(1.0) #@
        """,
    "if not P.w of a parameter": """
        def f(x, obj):
            if not obj.w:
                obj.w = tf.Variable(1.0) #@
        """,
    "self.w == None": """
        class M:
            def __call__(self, x):
                if self.w == None:
                    self.w = tf.Variable(1.0) #@
        """,
    "parameter state != None": """
        def f(x, obj):
            if obj.w != None:
                pass
            else:
                obj.w = tf.Variable(1.0) #@
        """,
    "parameter state == 0": """
        def f(x, obj):
            if obj.w == 0:
                obj.w = tf.Variable(1.0) #@
        """,
    "getattr == None": """
        class M:
            def __call__(self, x):
                if getattr(self, "w", None) == None:
                    self.w = tf.Variable(1.0) #@
        """,
    "if self.w else": """
        class M:
            def __call__(self, x):
                if self.w:
                    pass
                else:
                    self.w = tf.Variable(1.0) #@
        """,
}


@pytest.mark.parametrize("code", TRUTHINESS.values(), ids=TRUTHINESS.keys())
def test_truth_test_of_the_variable_itself(code: str) -> None:
    """A variable's truth value (and ``variable == x``) is a tensor once it exists: AutoGraph
    traces both branches; ``variable == None`` raises (guard_not_equality_of_variable.py)."""
    assert _guarded(code)  # a guard for Python objects (a layer, a list)
    assert not _guarded(code, tensor_state=True)  # no guard for the variable


def test_truth_test_of_a_container_still_guards_a_variable() -> None:
    code = """
        class M:
            def __call__(self, x):
                if not self.scales:
                    self.scales = [tf.Variable(1.0) for _ in range(3)] #@
        """
    assert _guarded(code, tensor_state=True)


# --- is_guard_test on conditions directly --------------------------------------------------


def _test_of(code: str) -> tuple[nodes.NodeNG, nodes.FunctionDef]:
    """The test of the ``if`` marked ``#@`` and its function."""
    node = astroid.extract_node(textwrap.dedent(code))
    assert isinstance(node, nodes.If)
    return node.test, node.scope()


CHANGED = frozenset({"self.w", "self.b", "self._vars", "self._initialized"})


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("self.w is None", True),
        ("None is self.w", True),
        ("self.w == None", True),
        ("self.w is not None", True),
        ("getattr(self, 'w', None) is None", True),
        ("hasattr(self, 'w')", True),
        ("not hasattr(self, 'w')", True),
        ("key not in self._vars", True),
        ("self._vars.get(key) is None", True),
        ("self._other.get(key) is None", False),
        ("key in self._vars", True),
        ("not self.built", True),
        ("not self._initialized", True),
        ("len(self._vars) == 0", True),
        ("training and self.w is None", True),
        ("self.w is None and self.b is None", True),
        ("not (self.w is None)", True),
        ("self.causal", False),
        ("not self.causal", False),
        ("self.cfg is None", False),
        ("not hasattr(self, 'cfg')", False),
        ("key not in self._other", False),
        ("training", False),
        ("not training", False),
        ("x.shape[0] > 1", False),
        ("key is None", False),
        ("key not in cache", False),
        ("self.w is None or training", False),
        ("hasattr(x, 'w')", False),
        ("self.count > 3", False),
        ("self", False),
    ],
)
def test_is_guard_test(condition: str, expected: bool) -> None:
    test, body = _test_of(
        f"""
        class M:
            def __call__(self, x, key, training=False):
                cache = {{}}
                if {condition}: #@
                    pass
        """
    )
    assert is_guard_test(test, body, CHANGED) is expected


def test_an_existence_test_needs_the_guarded_code_to_change_that_state() -> None:
    test, body = _test_of(
        """
        class M:
            def __call__(self, x):
                if self.w is None: #@
                    pass
        """
    )
    assert not is_guard_test(test, body)
    assert not is_guard_test(test, body, frozenset({"self.b"}))
    assert is_guard_test(test, body, frozenset({"self.w"}))
    assert not is_guard_test(test, body, frozenset({"self.w.x"}))  # below it: w exists


def test_plain_truthiness_needs_the_body_to_set_that_state() -> None:
    test, body = _test_of(
        """
        class M:
            def __call__(self, x):
                if self.ready: #@
                    pass
        """
    )
    assert not is_guard_test(test, body)
    assert not is_guard_test(test, body, frozenset({"self.other"}))
    assert is_guard_test(test, body, frozenset({"self.ready"}))
    assert not is_guard_test(test, body, frozenset({"self.ready"}), frozenset({"self.ready"}))


def test_not_state_is_no_guard_when_the_state_holds_the_variable() -> None:
    test, body = _test_of(
        """
        class M:
            def __call__(self, x):
                if not self.w: #@
                    pass
        """
    )
    changed = frozenset({"self.w"})
    assert is_guard_test(test, body, changed)
    assert not is_guard_test(test, body, changed, tensor_targets=frozenset({"self.w"}))
    assert is_guard_test(test, body, changed, tensor_targets=frozenset({"self.b"}))


def test_global_name_is_state_but_local_name_is_not() -> None:
    module = astroid.parse(
        textwrap.dedent(
            """
            _w = None

            def uses_global():
                if _w is None:
                    pass

            def uses_local():
                _w = None
                if _w is None:
                    pass
            """
        )
    )
    global_fn, local_fn = module.body[1], module.body[2]
    changed = frozenset({"_w"})
    assert is_guard_test(global_fn.body[0].test, global_fn, changed)
    assert not is_guard_test(local_fn.body[1].test, local_fn, changed)


def test_static_method_has_no_self_state() -> None:
    test, body = _test_of(
        """
        class M:
            @staticmethod
            def make(self):
                if self.w is None: #@
                    pass
        """
    )
    # ``self`` is an ordinary parameter of a static method: a parameter, whose attribute
    # is state only when the guarded code sets it; the Keras flag ``built`` is not its own.
    assert not is_guard_test(test, body)
    assert is_guard_test(test, body, frozenset({"self.w"}))


# --- one state-key family: every owner x every idiom, at depth 0 and depth 1 ----------------
#
# ``O`` is the owner: the instance (``self``), a module-level object (``STATE``), or a
# parameter (``obj``). ``CREATE`` is a direct creation (depth 0) or the call site of a helper
# that creates (depth 1): both are judged by the same ``is_guarded``.

OWNER_PREAMBLES = {
    "self": (
        """
        class M:
            def _needs_init(self):
                return self.w is None

            def _build(self):
                self.w = make_var()

            def _mark_ready(self):
                self.ready = True

            def __call__(self, x):
        """,
        "self",
        8,
    ),
    "module": (
        """
        class Holder:
            w = None

        STATE = Holder()

        def step(x):
        """,
        "STATE",
        4,
    ),
    "parameter": (
        """
        def step(x, obj):
        """,
        "obj",
        4,
    ),
}

# idiom -> (guarded code, owners for which it guards); ``VALUE_TESTS`` guard no variable
# stored in the tested state (the comparison is a tensor op once it exists).
IDIOMS = {
    "is None": ("if O.w is None:\n    O.w = CREATE #@", {"self", "module", "parameter"}),
    "None is": ("if None is O.w:\n    O.w = CREATE #@", {"self", "module", "parameter"}),
    "== None": ("if O.w == None:\n    O.w = CREATE #@", {"self", "module", "parameter"}),
    "== 0": ("if O.w == 0:\n    O.w = CREATE #@", {"self", "module", "parameter"}),
    "not hasattr": (
        'if not hasattr(O, "w"):\n    O.w = CREATE #@',
        {"self", "module", "parameter"},
    ),
    "getattr is None": (
        'if getattr(O, "w", None) is None:\n    O.w = CREATE #@',
        {"self", "module", "parameter"},
    ),
    "get is None": (
        'if O.slots.get("w") is None:\n    O.slots["w"] = CREATE #@',
        {"self", "module", "parameter"},
    ),
    "key not in": (
        'if "w" not in O.slots:\n    O.slots["w"] = CREATE #@',
        {"self", "module", "parameter"},
    ),
    "try/except AttributeError": (
        "try:\n    w = O.w\nexcept AttributeError:\n    O.w = CREATE #@",
        {"self", "module", "parameter"},
    ),
    "flag set in the branch": (
        "if not O.ready:\n    O.w = CREATE #@\n    O.ready = True",
        {"self", "module", "parameter"},
    ),
    # Keras sets ``built`` on the instance; on another object nothing says who sets it.
    "not built (Keras flag)": ("if not O.built:\n    O.w = CREATE #@", {"self"}),
    # Methods are looked up by name in the class of ``self`` only, never inferred.
    "predicate method": ("if O._needs_init():\n    O.w = CREATE #@", {"self"}),
    "flag set by an own method": (
        "if not O.ready:\n    O.w = CREATE #@\n    O._mark_ready()",
        {"self"},
    ),
    # not guards: the test reads state that the guarded code never changes
    "configuration attribute": ("if not O.causal:\n    O.w = CREATE #@", set()),
    "None test of other state": ("if O.cfg is None:\n    O.w = CREATE #@", set()),
    "key not in, other container": (
        'if "w" not in O.other:\n    O.slots["w"] = CREATE #@',
        set(),
    ),
    "try reads other state": (
        "try:\n    w = O.other\nexcept AttributeError:\n    O.w = CREATE #@",
        set(),
    ),
    "flag tested, branch sets nothing": ("if not O.ready:\n    v = CREATE #@", set()),
}

VALUE_TESTS = frozenset({"== None", "== 0"})

DEPTHS = {0: "tf.Variable(1.0)", 1: "make_var()"}


def _owner_case(owner: str, idiom: str, depth: int) -> str:
    preamble, spelling, indent = OWNER_PREAMBLES[owner]
    code = IDIOMS[idiom][0].replace("O.", f"{spelling}.").replace("O,", f"{spelling},")
    code = code.replace("CREATE", DEPTHS[depth])
    helper = "def make_var():\n    return tf.Variable(1.0)\n"
    return helper + textwrap.dedent(preamble) + textwrap.indent(code, " " * indent) + "\n"


@pytest.mark.parametrize(
    ("owner", "idiom", "depth"),
    list(itertools.product(OWNER_PREAMBLES, IDIOMS, DEPTHS)),
)
def test_owner_idiom_depth(owner: str, idiom: str, depth: int) -> None:
    code = _owner_case(owner, idiom, depth)
    call, body = _creation(code)
    assert call.as_string() == DEPTHS[depth], code  # the marked node is the creation
    expected = owner in IDIOMS[idiom][1]
    assert is_guarded(call, body) is expected, code
    strict = expected and idiom not in VALUE_TESTS
    assert is_guarded(call, body, tensor_state=True) is strict, code


@pytest.mark.parametrize("depth", DEPTHS)
def test_branch_calling_an_own_method_that_assigns_the_state(depth: int) -> None:
    """``if self.w is None: self._build()``: ``_build`` assigns ``self.w`` (one level)."""
    code = f"""
        def make_var():
            return tf.Variable(1.0)

        class M:
            def _build(self):
                self.w = make_var()

            def _other(self):
                self.v = make_var()

            def __call__(self, x):
                if self.w is None:
                    self._build()
                    {"self.b = tf.Variable(1.0)" if depth == 0 else "self._build()"} #@
                if self.w is None:
                    self._other()
        """
    call, body = _creation(code)
    assert is_guarded(call, body)
    second = body.body[1].body[0].value  # ``self._other()`` under ``if self.w is None``
    assert not is_guarded(second, body)


def test_methods_of_a_project_base_class_are_followed() -> None:
    code = """
        class Base:
            def _needs_init(self):
                return self._k is None

            def _build(self):
                self._built_from_signature = True

        class Child(Base):
            def call(self, x):
                if not self._built_from_signature:
                    self._build() #@
                if self._needs_init():
                    self._k = tf.Variable(1.0)
        """
    call, body = _creation(code)
    assert is_guarded(call, body)
    creation = body.body[1].body[0].value
    assert is_guarded(creation, body, tensor_state=True)


def test_methods_are_followed_one_level_only() -> None:
    code = """
        class M:
            def _build(self):
                self._really_build()

            def _really_build(self):
                self.w = 1

            def __call__(self, x):
                if self.w is None:
                    v = tf.Variable(1.0) #@
                    self._build()
        """
    call, body = _creation(code)
    assert not is_guarded(call, body)


# --- API contracts ---------------------------------------------------------------------------

ALL_CASES = {**GUARDED, **NOT_GUARDED, **TRUTHINESS} | {
    f"{owner}/{idiom}/{depth}": _owner_case(owner, idiom, depth)
    for owner, idiom, depth in itertools.product(OWNER_PREAMBLES, IDIOMS, DEPTHS)
}


@pytest.mark.parametrize("code", ALL_CASES.values(), ids=ALL_CASES.keys())
def test_tensor_state_never_guards_more(code: str) -> None:
    """``tensor_state=True`` is the stricter question: it never guards more."""
    call, body = _creation(code)
    strict = is_guarded(call, body, tensor_state=True)
    assert not strict or is_guarded(call, body)


def test_clear_caches_keeps_answers() -> None:
    call, body = _creation(GUARDED["is None"])
    assert is_guarded(call, body)
    clear_caches()
    assert is_guarded(call, body)
    clear_caches()
