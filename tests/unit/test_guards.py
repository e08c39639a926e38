"""Unit tests for :mod:`tfvarlint.guards` on small source strings (issue 3, item 7).

Each case marks the creating call with ``#@``; the traced body is the outermost function
or method around it.
"""

from __future__ import annotations

import textwrap

import astroid
import pytest
from astroid import nodes

from tfvarlint.guards import is_guard_test, is_guarded


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
    "hasattr of another object": """
        def f(x, other):
            if not hasattr(other, "w"):
                other.w = tf.Variable(1.0) #@
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


# --- truth tests of a variable: guards only when the state is not the variable itself ---

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
    """A variable's truth value is a tensor once it exists: AutoGraph traces both branches."""
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


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ("self.w is None", True),
        ("self.w is not None", True),
        ("getattr(self, 'w', None) is None", True),
        ("hasattr(self, 'w')", True),
        ("not hasattr(self, 'w')", True),
        ("key not in self._vars", True),
        ("key in self._vars", True),
        ("not self.built", True),
        ("not self._initialized", True),
        ("len(self._vars) == 0", True),
        ("training and self.w is None", True),
        ("self.w is None and self.b is None", True),
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
    assert is_guard_test(test, body) is expected


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
    assert is_guard_test(test, body)
    assert not is_guard_test(test, body, tensor_targets=frozenset({"self.w"}))
    assert is_guard_test(test, body, tensor_targets=frozenset({"self.b"}))


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
    assert is_guard_test(global_fn.body[0].test, global_fn)
    assert not is_guard_test(local_fn.body[1].test, local_fn)


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
    # ``self`` is an ordinary parameter of a static method: a local, not state.
    assert not is_guard_test(test, body)
