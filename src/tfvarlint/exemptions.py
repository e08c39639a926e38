"""The one list of reasons a creation in a traced body is fine (or only lazily made).

Each exemption is a small function of ``(site, body, creation)``: ``site`` is the call in
``body`` that creates (a direct creation) or that reaches a helper which creates (the
helper's call site); the same list is applied to both, at every depth of helper following.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING

from astroid import nodes

from tfvarlint import knowledge as kb
from tfvarlint.guards import is_guarded
from tfvarlint.knowledge import Creates
from tfvarlint.names import resolve

if TYPE_CHECKING:
    from tfvarlint.creations import Creation
    from tfvarlint.resolver import Body, Resolver


class Verdict(int, Enum):
    """What an exemption makes of a creation (the strongest one wins)."""

    NONE = 0  # created on every call or trace
    GUARDED = 1  # created once, lazily (behind an existence guard, in a run-once method)
    EXEMPT = 2  # not a creation of state at all here (a creator scope decides; a TF1 store)


Exemption = Callable[["nodes.Call", "Body", "Creation", "Resolver"], Verdict]


def state_guard(site: nodes.Call, body: Body, creation: Creation, _resolver: Resolver) -> Verdict:
    """Behind a test of the state it creates (``if self.w is None:``, ``if P.w is None:``)."""
    if is_guarded(site, body, tensor_state=creation.creates is Creates.VARIABLE):
        return Verdict.GUARDED
    return Verdict.NONE


def run_once(_site: nodes.Call, body: Body, _creation: Creation, _resolver: Resolver) -> Verdict:
    """In a method that runs once per object (``@snt.once``)."""
    return Verdict.GUARDED if decorated_with(body, kb.RUN_ONCE_DECORATORS) else Verdict.NONE


def tf1_variable_store(
    _site: nodes.Call, body: Body, creation: Creation, _resolver: Resolver
) -> Verdict:
    """``get_variable`` in a method of tf-keras's TF1 shim (``track_tf1_style_variables``):
    the shim's store creates it on the first call and reuses it after."""
    origin = creation.origin
    if (
        origin is not None
        and resolve(origin.func) in kb.GET_OR_CREATE_VARIABLES
        and decorated_with(body, kb.TF1_VARIABLE_STORE_DECORATORS)
    ):
        return Verdict.EXEMPT
    return Verdict.NONE


def creator_scope(site: nodes.Call, body: Body, creation: Creation, resolver: Resolver) -> Verdict:
    """Inside ``with tf.variable_creator_scope(creator):`` whose creator does not pass the
    creation on: it decides what is made (tf-keras's tests return constants). A creator
    that calls its ``next_creator`` still makes a variable on every trace
    (exemption/exemption_creator_scope.py)."""
    del creation  # any state: a metric's or a layer's variables go through the creator too
    parent = site.parent
    while parent is not None and parent is not body:
        if isinstance(parent, nodes.With):
            for item, _ in parent.items:
                if (
                    isinstance(item, nodes.Call)
                    and resolve(item.func) in kb.VARIABLE_CREATOR_SCOPES
                    and not _passes_through(item, resolver)
                ):
                    return Verdict.EXEMPT
        parent = parent.parent
    return Verdict.NONE


EXEMPTIONS: tuple[Exemption, ...] = (state_guard, run_once, tf1_variable_store, creator_scope)


def verdict(site: nodes.Call, body: Body, creation: Creation, resolver: Resolver) -> Verdict:
    """The strongest verdict of every exemption."""
    best = Verdict.NONE
    for exemption in EXEMPTIONS:
        best = max(best, exemption(site, body, creation, resolver))
        if best is Verdict.EXEMPT:
            break
    return best


def _passes_through(scope_call: nodes.Call, resolver: Resolver) -> bool:
    """Every creator given to the scope calls its first parameter (``next_creator``)."""
    args = scope_call.args[:1] or [
        keyword.value for keyword in scope_call.keywords or () if keyword.arg == "creator"
    ]
    creators = [body for arg in args for body in resolver.callables(arg, scope_call)]
    if not creators:
        return False  # unknown creator: it may return anything; say nothing
    return all(_calls_first_parameter(creator) for creator in creators)


def _calls_first_parameter(creator: Body) -> bool:
    params = [*(creator.args.posonlyargs or []), *(creator.args.args or [])]
    if not params:
        return False
    first = params[0].name
    inner = [creator.body] if isinstance(creator, nodes.Lambda) else creator.body
    return any(
        isinstance(call.func, nodes.Name) and call.func.name == first
        for stmt in inner
        for call in stmt.nodes_of_class(nodes.Call)
    )


def decorated_with(func: Body, names: frozenset[str]) -> bool:
    """Is this function decorated with one of these (canonical) names?"""
    if not isinstance(func, nodes.FunctionDef) or not func.decorators:
        return False
    return any(
        resolve(d.func if isinstance(d, nodes.Call) else d) in names for d in func.decorators.nodes
    )
