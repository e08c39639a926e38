"""The checkers a linter has, without pylint's sort.

``PyLinter.get_checkers()`` sorts every registered checker, and each comparison of the sort
formats both checkers' message tables into strings (``BaseChecker.__eq__``): about 3 ms a
call with pylint's 60-odd checkers, which was most of what registering tfvarlint cost
(three calls) and one more call per run to decide whether any core message is on. None of
tfvarlint's questions (is a checker of this class registered, which checkers are there)
depends on the order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.checkers import BaseChecker
    from pylint.lint import PyLinter


def checkers(linter: PyLinter) -> list[BaseChecker]:
    """Every checker registered on ``linter``, in no particular order."""
    table = getattr(linter, "_checkers", None)  # name -> checkers, as register_checker keeps it
    if isinstance(table, dict):
        return [checker for group in table.values() for checker in group]
    return linter.get_checkers()  # a pylint that keeps them otherwise: its sorted list
