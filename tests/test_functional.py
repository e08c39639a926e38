"""pylint functional tests: ``tests/functional/**/name.py`` with ``# [symbol]`` marks.

Each fixture's expected messages are in ``name.txt`` beside it. Fixtures run with
``tests/functional/tfvarlint.rc`` (plugin loaded, only its messages, Keras version
auto: 2 where the fixture imports tf_keras, else 3) unless a
``name.rc`` beside them says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pylint.testutils import LintModuleTest
from pylint.testutils import lint_module_test
from pylint.testutils.functional import (
    FunctionalTestFile,
    LintModuleOutputUpdate,
    get_functional_test_files_from_directory,
)

FUNCTIONAL_DIR = Path(__file__).parent / "functional"
DEFAULT_RC = FUNCTIONAL_DIR / "tfvarlint.rc"
TESTS = get_functional_test_files_from_directory(FUNCTIONAL_DIR, max_file_per_directory=60)


def test_there_are_functional_tests() -> None:
    assert len(TESTS) >= 40


@pytest.mark.parametrize("test_file", TESTS, ids=[test.base for test in TESTS])
def test_functional(
    test_file: FunctionalTestFile, pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint_module_test, "PYLINTRC", DEFAULT_RC)
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    if pytestconfig.getoption("update_functional_output"):
        lint_test: LintModuleTest = LintModuleOutputUpdate(test_file, pytestconfig)
    else:
        lint_test = LintModuleTest(test_file, pytestconfig)
    lint_test.setUp()
    lint_test.runTest()
