"""A pylint plugin for the corpus run only: how much of a module tfvarlint understands.

Loaded next to tfvarlint (``--load-plugins=tfvarlint,tfvarlint_coverage`` with this
directory on ``PYTHONPATH``), it emits one ``I7390`` per module that imports TF/Keras:
the classes given a Keras/TF role and the traced bodies found. It never reports a defect;
``run.py`` sums it so that "no finding" can be told apart from "nothing understood".
"""

from __future__ import annotations

from typing import ClassVar

from astroid import nodes
from pylint.checkers import BaseChecker

from tfvarlint import knowledge as kb
from tfvarlint.classes import ClassModel
from tfvarlint.resolver import Resolver
from tfvarlint.traced import EntryPoints
from tfvarlint.names import imported_top_packages


class CoverageChecker(BaseChecker):
    """Counts what tfvarlint understands in each module."""

    name = "tfvarlint-coverage"
    msgs: ClassVar[dict[str, tuple[str, str, str]]] = {
        "I7390": (
            "tfvarlint-coverage classes=%d %s traced=%d",
            "tfvarlint-coverage",
            "Corpus statistics (not a defect).",
        )
    }

    def __init__(self, linter=None) -> None:
        super().__init__(linter)
        self._classes = ClassModel()
        self._entry_points = EntryPoints(self._classes, Resolver(self._classes))

    def visit_module(self, node: nodes.Module) -> None:
        """Emit one I7390 with the module's counts."""
        if not imported_top_packages(node) & kb.TF_TOP_PACKAGES:
            return
        roles: dict[str, int] = {}
        classes = 0
        for cls in node.nodes_of_class(nodes.ClassDef):
            found = self._classes.roles(cls)
            if found:
                classes += 1
                for role in found:
                    roles[role.value] = roles.get(role.value, 0) + 1
        traced = len(
            self._entry_points.traced_bodies(
                node, node.nodes_of_class(nodes.FunctionDef), node.nodes_of_class(nodes.Call)
            )
        )
        text = ",".join(f"{key}:{value}" for key, value in sorted(roles.items())) or "-"
        self.add_message("tfvarlint-coverage", node=node, args=(classes, text, traced))


def register(linter) -> None:
    """pylint plugin entry point."""
    linter.register_checker(CoverageChecker(linter))
