"""Shared pytest set-up: the functional-output update switch, as in pylint's own suite."""

from __future__ import annotations

import os

# Crashes inside the plugin must fail tests, not be turned into a stderr line.
os.environ.setdefault("TFVARLINT_DEBUG", "1")


def pytest_addoption(parser):
    parser.addoption(
        "--update-functional-output",
        action="store_true",
        default=False,
        help="Rewrite the expected .txt of functional tests from the current output "
        "(review the diff before committing).",
    )
    parser.addoption(
        "--minimal-messages-config",
        action="store_true",
        default=False,
        help="Run functional tests with only the messages they expect enabled.",
    )
