"""tfvarlint.only: what ``--tfvarlint-only`` keeps, on a linter with a stand-in checker (so
that the test does not depend on which messages the real checker defines)."""

from __future__ import annotations

from typing import Any, ClassVar

from pylint.checkers import BaseChecker
from pylint.lint import PyLinter

from tfvarlint import only


class _StandIn(BaseChecker):
    name = "tfvarlint"
    msgs: ClassVar[dict[str, Any]] = {
        "E7390": ("stand-in %s", "stand-in-error", "A tfvarlint error."),
        "W7391": ("stand-in %s", "stand-in-warning", "A tfvarlint warning."),
        "F7399": ("tfvarlint could not check this module: %s", "tfvarlint-internal-error", "Crash."),
    }


def _linter(*disabled: str, keep: tuple[str, ...] = ()) -> PyLinter:
    linter = PyLinter()
    linter.load_default_plugins()
    linter.register_checker(_StandIn(linter))
    only.register(linter)
    linter.config.tfvarlint_only = True
    linter.config.tfvarlint_only_keep = keep
    for name in disabled:
        linter.disable(name)
    return linter


def test_keeps_tfvarlint_fatal_and_syntax_error_only() -> None:
    linter = _linter()
    only.apply(linter)
    assert linter.is_message_enabled("stand-in-error") and linter.is_message_enabled("W7391")
    assert linter.is_message_enabled("syntax-error") and linter.is_message_enabled("F0001")
    for symbol in ("unused-import", "missing-module-docstring", "unknown-option-value", "import-error"):
        assert not linter.is_message_enabled(symbol), symbol


def test_user_disables_of_tfvarlint_messages_stay_but_internal_error_is_always_shown() -> None:
    linter = _linter("stand-in-warning", "tfvarlint-internal-error")
    only.apply(linter)
    assert not linter.is_message_enabled("stand-in-warning")
    assert linter.is_message_enabled("stand-in-error")
    assert linter.is_message_enabled("tfvarlint-internal-error")


def test_command_line_enables_are_kept_by_message_category_or_checker() -> None:
    linter = _linter(keep=("unused-import", "C", "design"))
    only.apply(linter)
    assert linter.is_message_enabled("unused-import")
    assert linter.is_message_enabled("missing-module-docstring")  # C
    assert linter.is_message_enabled("too-many-branches")  # the design checker
    assert not linter.is_message_enabled("undefined-variable")


def test_no_tfvarlint_message_left_on_turns_them_all_on() -> None:
    """disable=all with an enable list that does not name them: running the command means
    asking for them."""
    linter = _linter("all")
    only.apply(linter)
    assert linter.is_message_enabled("stand-in-error") and linter.is_message_enabled("W7391")


def test_off_when_the_option_is_off() -> None:
    linter = _linter()
    linter.config.tfvarlint_only = False
    only.apply(linter)
    assert linter.is_message_enabled("unused-import")
