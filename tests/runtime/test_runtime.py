"""Runtime oracle: every functional fixture does, under real TensorFlow, what its header says.

Cheap tests (no TensorFlow): every fixture has a well-formed ``# runtime:`` header whose
claim fits its expected messages; ``observed.json`` holds a current observation of every
fixture that agrees with its header; ``docs/runtime-matrix.md`` is what those files give.

Runtime tests (TensorFlow 2.21 + tf-keras 2.21): each fixture (or its ``_drivers/``
companion) runs in a subprocess under Keras 3 and under Keras 2 (``TF_USE_LEGACY_KERAS=1``),
two at a time, and must behave as declared. Without TensorFlow they skip with a reason,
except when ``CI`` is set, where missing TensorFlow is a failure.

Refresh the observations and the matrix with ``python tests/runtime/matrix.py``.
"""

from __future__ import annotations

import importlib.util
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import harness
import headers as hdr

FIXTURES = harness.discover()
IDS = [harness.fixture_key(f) for f in FIXTURES]
REFRESH = "run `python tests/runtime/matrix.py --stale` with TensorFlow installed"


def test_fixtures_are_discovered() -> None:
    keys = set(IDS)
    assert {
        "untracked/untracked_seed000_example1_lazy_call.py",
        "lossvar/lossvar_seed004_incorrect_loss.py",
        "lossvar/lossvar_seed004_complex_loss.py",
    } <= keys
    assert not any("/_" in key or key.startswith("_") for key in keys)


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_header_is_well_formed(fixture: Path) -> None:
    try:
        hdr.parse_file(fixture)
    except hdr.HeaderError as exc:
        pytest.fail(str(exc), pytrace=False)


def _error_messages(fixture: Path) -> list[str]:
    ids = harness._message_ids()  # pylint: disable=protected-access
    return [
        f"{ids.get(symbol, '?')} {symbol}"
        for symbol, _ in harness.expected_messages(fixture)
        if ids.get(symbol, "?").startswith("E")
    ]


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_claim_fits_messages(fixture: Path) -> None:
    """An error message is backed by a failure or a measured defect; anything else by a reason."""
    try:
        header = hdr.parse_file(fixture)
    except hdr.HeaderError:
        pytest.skip("malformed header (test_header_is_well_formed fails)")
    outcomes = header.outcomes
    errors = _error_messages(fixture)
    if errors:
        assert any(o in ("raises", "silent") for o in outcomes.values()), (
            f"{fixture.name} expects {', '.join(errors)} but declares {outcomes}: an error "
            "message needs a 'raises' or 'silent' run under at least one Keras version"
        )
    elif not harness.expected_messages(fixture):
        assert all(o in ("ok", "skip") for o in outcomes.values()) or header.reason, (
            f"{fixture.name} expects no message but declares {outcomes} without "
            "'# runtime-reason:'"
        )


@pytest.mark.parametrize("fixture", FIXTURES, ids=IDS)
def test_observation_is_current(fixture: Path) -> None:
    """observed.json has a run of this very fixture (and driver) that agrees with the header."""
    key = harness.fixture_key(fixture)
    entry = harness.load_observed()["runs"].get(key)
    assert entry is not None, f"{key} was never observed: {REFRESH}"
    assert entry.get("fingerprint") == harness.fingerprint(fixture), (
        f"{key} changed since it was observed: {REFRESH}"
    )
    try:
        header = hdr.parse_file(fixture)
    except hdr.HeaderError:
        pytest.skip("malformed header (test_header_is_well_formed fails)")
    problems = [p for v in hdr.VERSIONS for p in harness.judge(header, v, entry.get(v))]
    assert not problems, f"{key}: " + "; ".join(problems)


def test_observed_json_has_no_stale_entries() -> None:
    extra = set(harness.load_observed()["runs"]) - set(IDS)
    assert not extra, f"observed.json has runs of removed fixtures {sorted(extra)}: {REFRESH}"


def test_matrix_is_current() -> None:
    expected = harness.render_matrix()
    actual = harness.MATRIX_MD.read_text(encoding="utf-8") if harness.MATRIX_MD.is_file() else ""
    assert actual == expected, (
        "docs/runtime-matrix.md is stale: run `python tests/runtime/matrix.py --render-only` "
        "(or without the flag, to re-run the fixtures)"
    )


# --- under real TensorFlow ----------------------------------------------------------------


def _tensorflow_missing() -> str | None:
    missing = [m for m in ("tensorflow", "tf_keras") if importlib.util.find_spec(m) is None]
    if missing:
        return (
            f"{' and '.join(missing)} not installed: the runtime suite needs "
            "`pip install '.[runtime]'` (tensorflow==2.21.0, tf-keras==2.21.0)"
        )
    return None


RUN_PARAMS = [(f, v) for f in FIXTURES for v in hdr.VERSIONS]
RUN_IDS = [f"{harness.fixture_key(f)}-{v}" for f, v in RUN_PARAMS]


@pytest.fixture(scope="session")
def runtime_runs(request: pytest.FixtureRequest):
    """Launch every selected run up front on 2 workers; map (fixture, version) -> Future."""
    reason = _tensorflow_missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}", pytrace=False)
        pytest.skip(reason)
    selected = [
        (item.callspec.params["fixture"], item.callspec.params["version"])
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_fixture_at_runtime"
    ]
    with ThreadPoolExecutor(harness.WORKERS) as pool:
        futures = {
            (f, v): pool.submit(harness.run, f, v)
            for f, v in selected
            if v in harness.planned_versions(f)
        }
        yield futures
        for future in futures.values():
            future.cancel()


@pytest.mark.parametrize(("fixture", "version"), RUN_PARAMS, ids=RUN_IDS)
def test_fixture_at_runtime(fixture: Path, version: str, runtime_runs) -> None:
    try:
        header = hdr.parse_file(fixture)
    except hdr.HeaderError as exc:
        future = runtime_runs.get((fixture, version))
        if future is not None:
            future.cancel()
        pytest.fail(f"malformed header: {exc}", pytrace=False)
    if header.outcomes[version] == "skip":
        pytest.skip(f"declared skip under {version}: {header.reason}")
    result = runtime_runs[(fixture, version)].result()
    record = harness.observe(result)
    problems = harness.judge(header, version, record)
    tail = "\n".join(harness.filtered_stderr(result.stderr)[-25:])
    assert not problems, (
        "; ".join(problems) + f"\n--- stdout:\n{result.stdout[-2000:]}\n--- stderr (filtered):\n{tail}"
    )
    committed = harness.load_observed()["runs"].get(harness.fixture_key(fixture), {})
    if committed.get("fingerprint") == harness.fingerprint(fixture):
        assert committed.get(version, {}).get("result") == record["result"], (
            f"observed.json says {committed.get(version, {}).get('result')} but this run was "
            f"{record['result']}: {REFRESH}"
        )
