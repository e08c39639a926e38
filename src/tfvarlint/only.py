"""``--tfvarlint-only``: keep only tfvarlint's messages, after pylint has read every option.

The ``tfvarlint`` command passes ``--tfvarlint-only=y``. pylint calls the plugin's
``load_configuration`` hook once it has applied the configuration file and the command
line (see :func:`tfvarlint.load_configuration`), and :func:`apply` then turns off every
enabled message that is not tfvarlint's, keeping

- fatal messages (``F``: a file that cannot be read, a plugin crash such as
  ``tfvarlint-internal-error``) and ``syntax-error``, so a broken file is never clean;
- what the command line enabled by name (``--enable=unused-import``), which the command
  passes on in ``--tfvarlint-only-keep``.

The user's own disables of tfvarlint messages (configuration file, ``--disable``, inline
``# pylint: disable=``) therefore stay in force: nothing is re-read or re-enabled, with one
exception: when the configuration leaves *no* tfvarlint message on (``disable=all`` with
an ``enable`` list that does not name them), the command turns them all on, since running
it means asking for them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, ClassVar

from pylint.checkers import BaseChecker
from pylint.constants import MSG_TYPES

from tfvarlint import registered

if TYPE_CHECKING:
    from pylint.lint import PyLinter

CHECKER_NAME = "tfvarlint"
INTERNAL_ERROR = "tfvarlint-internal-error"  # F7399, a checker message: always shown
KEPT_SYMBOLS = frozenset({"syntax-error", INTERNAL_ERROR})


class OnlyOptions(BaseChecker):
    """Hidden options of the ``tfvarlint`` command (no messages, so pylint never walks it)."""

    name = CHECKER_NAME
    msgs: ClassVar[dict[str, Any]] = {}
    options = (
        (
            "tfvarlint-only",
            {
                "default": False,
                "type": "yn",
                "metavar": "<y or n>",
                "hide": True,
                "help": "Report only tfvarlint's messages, fatal messages and syntax errors "
                "(the tfvarlint command sets it).",
            },
        ),
        (
            "tfvarlint-only-keep",
            {
                "default": (),
                "type": "csv",
                "metavar": "<msg ids>",
                "hide": True,
                "help": "With tfvarlint-only: other messages to keep (what the command "
                "line enabled).",
            },
        ),
    )


def register(linter: PyLinter) -> None:
    """Register the options once per linter."""
    if not any(isinstance(c, OnlyOptions) for c in registered.checkers(linter)):
        linter.register_checker(OnlyOptions(linter))


def _own_message_ids(linter: PyLinter) -> set[str]:
    return {
        msgid
        for checker in registered.checkers(linter)
        if checker.name == CHECKER_NAME
        for msgid in checker.msgs
    }


def _kept_ids(linter: PyLinter, names: list[str]) -> set[str]:
    """Message ids named by ``names``: messages, categories (``W``) or checker names."""
    kept: set[str] = set()
    checkers = registered.checkers(linter)
    for name in names:
        if name.upper() in MSG_TYPES:
            kept.update(d.msgid for d in linter.msgs_store.messages if d.msgid[0] == name.upper())
            continue
        named = [c for c in checkers if c.name == name.lower()]
        if named:
            kept.update(msgid for checker in named for msgid in checker.msgs)
            continue
        try:
            definitions = linter.msgs_store.get_message_definitions(name)
        except Exception:  # pylint: disable=broad-exception-caught
            continue  # a checker or category name, or unknown: pylint reported it already
        kept.update(definition.msgid for definition in definitions)
    return kept


class _Progress:
    """Whether pylint got as far as the plugin's ``load_configuration`` in this process."""

    configured = False


def configured() -> bool:
    """True once pylint has parsed the configuration file and the command line."""
    return _Progress.configured


def start() -> None:
    """A new pylint run begins (the command may run pylint more than once per process)."""
    _Progress.configured = False


def refuse_bad_values(linter: PyLinter) -> None:
    """A usage error (exit status 32, as pylint's for an unknown option) for option values
    pylint's own types accept but tfvarlint cannot use."""
    depth = getattr(linter.config, "tfvarlint_follow_depth", 0)
    if isinstance(depth, int) and depth < 0:
        print(
            f"pylint: error: argument --tfvarlint-follow-depth: must be 0 or more, got {depth}",
            file=sys.stderr,
        )
        sys.exit(32)


def apply(linter: PyLinter) -> None:
    """Disable what ``--tfvarlint-only`` does not keep (no-op when the option is off)."""
    _Progress.configured = True
    config = linter.config
    if not getattr(config, "tfvarlint_only", False):
        return
    own = _own_message_ids(linter)
    if own and not any(linter.is_message_enabled(msgid) for msgid in own):
        for msgid in sorted(own):
            linter.enable(msgid)
    kept = own | _kept_ids(linter, list(getattr(config, "tfvarlint_only_keep", ()) or ()))
    for definition in linter.msgs_store.messages:
        if definition.symbol == INTERNAL_ERROR:
            linter.enable(definition.msgid)
            continue
        if (
            definition.msgid in kept
            or definition.msgid.startswith("F")
            or definition.symbol in KEPT_SYMBOLS
        ):
            continue
        if linter.is_message_enabled(definition.msgid):
            linter.disable(definition.msgid)
