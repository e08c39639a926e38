"""Shared pytest set-up: the functional-output update switch, as in pylint's own suite."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

# Crashes inside the plugin must fail tests, not be turned into a stderr line.
os.environ.setdefault("TFVARLINT_DEBUG", "1")
# pylint's home (and tfvarlint's skeleton cache in it) is the run's own: no state from
# earlier runs or the user's cache; subprocess pylint runs inherit it.
if "PYLINTHOME" not in os.environ:
    os.environ["PYLINTHOME"] = tempfile.mkdtemp(prefix="tfvarlint-tests-home-")
    atexit.register(shutil.rmtree, os.environ["PYLINTHOME"], ignore_errors=True)


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
