"""tfvarlint: a pylint plugin for TensorFlow/Keras state created on every call or trace.

Load it with ``pylint --load-plugins=tfvarlint`` or ``load-plugins = ["tfvarlint"]``.
Loading it also makes the SARIF 2.1.0 output format available as
``--output-format=tfvarlint-sarif`` (:mod:`tfvarlint.reporters.sarif`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__version__ = "0.1.0"


def register(linter: PyLinter) -> None:
    """Called by pylint when the plugin is loaded."""
    # pylint: disable=import-outside-toplevel
    from tfvarlint import augment, only
    from tfvarlint.checker import TfVarLintChecker
    from tfvarlint.reporters.sarif import SarifReporter

    checker = TfVarLintChecker(linter)
    linter.register_checker(checker)
    # core pylint right on TF/Keras code (option tfvarlint-augment), on the checker's classes
    augment.register(linter, checker.classes)
    only.register(linter)  # --tfvarlint-only, set by the tfvarlint command
    linter.register_reporter(SarifReporter)  # --output-format=tfvarlint-sarif


def load_configuration(linter: PyLinter) -> None:
    """Called by pylint once the configuration file and the command line are applied."""
    from tfvarlint import only  # pylint: disable=import-outside-toplevel

    only.refuse_bad_values(linter)  # exit status 32, like an unknown option
    only.apply(linter)  # --tfvarlint-only, set by the tfvarlint command
