"""Runtime proof of ``tfvarlint --fix``: every golden fixed file (tests/fix/golden/) runs ok.

Cheap (no TensorFlow): ``tests/fix/observed_fixed.json`` holds a run of every golden file in
its current form, under each version its fixture runs under, and every such run was ``ok``.

Under TensorFlow 2.21 + tf-keras 2.21: each golden file's driver runs under Keras 3 and
Keras 2 and must be ``ok`` (no error, no ``SILENT:`` line). Without TensorFlow these skip,
except when ``CI`` is set. Refresh with ``python tests/runtime/fixed.py``.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import fixed
import harness
import headers as hdr
from test_runtime import _tensorflow_missing

GOLDEN = fixed.discover()
IDS = [fixed.golden_key(g) for g in GOLDEN]
REFRESH = "run `python tests/runtime/fixed.py` with TensorFlow installed"


def test_golden_files_exist() -> None:
    assert len(GOLDEN) >= 15, IDS
    assert "untracked/untracked_seed000_example1_lazy_call.py" in IDS


@pytest.mark.parametrize("golden", GOLDEN, ids=IDS)
def test_golden_observation_is_current_and_ok(golden: Path) -> None:
    key = fixed.golden_key(golden)
    entry = fixed.load_observed()["runs"].get(key)
    assert entry is not None, f"{key} was never run: {REFRESH}"
    assert entry.get("fingerprint") == fixed.fingerprint(golden), f"{key} changed: {REFRESH}"
    problems = [p for v in hdr.VERSIONS for p in fixed.judge(entry.get(v), v, golden)]
    assert not problems, f"{key}: " + "; ".join(problems)


RUN_PARAMS = [(g, v) for g in GOLDEN for v in hdr.VERSIONS]
RUN_IDS = [f"{fixed.golden_key(g)}-{v}" for g, v in RUN_PARAMS]


@pytest.fixture(scope="session")
def golden_runs(request: pytest.FixtureRequest):
    """Launch every selected run up front on 2 workers; map (golden, version) -> Future."""
    reason = _tensorflow_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    selected = [
        (item.callspec.params["golden"], item.callspec.params["version"])
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_golden_at_runtime"
    ]
    with ThreadPoolExecutor(harness.WORKERS) as pool:
        futures = {
            (g, v): pool.submit(fixed.run, g, v)
            for g, v in selected
            if v in fixed.planned_versions(g)
        }
        yield futures
        for future in futures.values():
            future.cancel()


@pytest.mark.parametrize(("golden", "version"), RUN_PARAMS, ids=RUN_IDS)
def test_golden_at_runtime(golden: Path, version: str, golden_runs) -> None:
    if version not in fixed.planned_versions(golden):
        pytest.skip(f"the fixture is not run under {version}")
    result = golden_runs[(golden, version)].result()
    record = harness.observe(result)
    problems = fixed.judge(record, version, golden)
    tail = "\n".join(harness.filtered_stderr(result.stderr)[-25:])
    assert not problems, (
        "; ".join(problems) + f"\n--- stdout:\n{result.stdout[-2000:]}\n--- stderr:\n{tail}"
    )
