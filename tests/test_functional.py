"""pylint functional tests: ``tests/functional/**/name.py`` with ``# [symbol]`` marks.

Each fixture's expected messages are in ``name.txt`` beside it. Fixtures run with
``tests/functional/tfvarlint.rc`` (plugin loaded, only its messages, Keras version
auto: 2 where the fixture imports tf_keras, else 3) unless a
``name.rc`` beside them says otherwise.

Directories are by concern: ``entry*/`` (what makes a body traced), ``creation*/`` (what
is created), ``guard/``, ``helper/``, ``spelling/``, ``untracked/``, ``lossvar/``,
``controlflow/``; each holds at most pylint's 40 fixtures (its default limit). Files under
``_``-prefixed directories are support code, not tests: the project packages the fixtures
import (``_support/``, put on ``sys.path``) and runtime drivers (``<dir>/_drivers/``).
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
SUPPORT_DIR = FUNCTIONAL_DIR / "_support"


def functional_tests() -> list[FunctionalTestFile]:
    """pylint's discovery (which checks the layout), without the ``_``-prefixed support code."""
    return [
        test
        for test in get_functional_test_files_from_directory(FUNCTIONAL_DIR)
        if not any(
            part.startswith("_")
            for part in Path(test.source).relative_to(FUNCTIONAL_DIR).parent.parts
        )
    ]


TESTS = functional_tests()


def test_there_are_functional_tests() -> None:
    assert len(TESTS) >= 40
    assert not any(
        "/_" in "/" + Path(test.source).relative_to(FUNCTIONAL_DIR).as_posix() for test in TESTS
    )


@pytest.mark.parametrize("test_file", TESTS, ids=[test.base for test in TESTS])
def test_functional(
    test_file: FunctionalTestFile, pytestconfig: pytest.Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lint_module_test, "PYLINTRC", DEFAULT_RC)
    monkeypatch.syspath_prepend(str(SUPPORT_DIR))
    monkeypatch.delenv("TF_USE_LEGACY_KERAS", raising=False)
    if pytestconfig.getoption("update_functional_output"):
        lint_test: LintModuleTest = LintModuleOutputUpdate(test_file, pytestconfig)
    else:
        lint_test = LintModuleTest(test_file, pytestconfig)
    lint_test.setUp()
    lint_test.runTest()
