"""tfvarlint: a pylint plugin for TensorFlow/Keras state created on every call or trace.

Load it with ``pylint --load-plugins=tfvarlint`` or ``load-plugins = ["tfvarlint"]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__version__ = "0.1.0"


def register(linter: PyLinter) -> None:
    """Called by pylint when the plugin is loaded."""
    # pylint: disable=import-outside-toplevel
    from tfvarlint import augment
    from tfvarlint.checker import TfVarLintChecker

    checker = TfVarLintChecker(linter)
    linter.register_checker(checker)
    # core pylint right on TF/Keras code (option tfvarlint-augment), on the checker's classes
    augment.register(linter, checker.classes)
