"""Run the runtime fixtures, record them in observed.json, regenerate docs/runtime-matrix.md.

    python tests/runtime/matrix.py                 # run every fixture (2 workers), rewrite both
    python tests/runtime/matrix.py --stale         # run only fixtures changed since observed
    python tests/runtime/matrix.py --render-only   # no TensorFlow: rewrite the matrix only
    python tests/runtime/matrix.py seed0 layer_   # run the fixtures whose path contains these

Run it with the interpreter that has TensorFlow 2.21 and tf-keras 2.21 (``pip install
'.[runtime]'``); the fixtures run in subprocesses of that interpreter.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402  pylint: disable=wrong-import-position
import headers as hdr  # noqa: E402  pylint: disable=wrong-import-position


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("select", nargs="*", help="run only fixtures whose path contains one of these")
    parser.add_argument("--stale", action="store_true", help="run only fixtures not observed in their current form")
    parser.add_argument("--render-only", action="store_true", help="do not run anything")
    parser.add_argument("--jobs", type=int, default=harness.WORKERS)
    parser.add_argument("--python", default=sys.executable, help="interpreter with TensorFlow")
    args = parser.parse_args(argv)

    observed = harness.load_observed()
    fixtures = harness.discover()
    keys = {harness.fixture_key(f) for f in fixtures}
    observed["runs"] = {k: v for k, v in observed["runs"].items() if k in keys}

    if not args.render_only:
        chosen = fixtures
        if args.select:
            chosen = [f for f in chosen if any(s in harness.fixture_key(f) for s in args.select)]
        if args.stale:
            chosen = [
                f
                for f in chosen
                if observed["runs"].get(harness.fixture_key(f), {}).get("fingerprint")
                != harness.fingerprint(f)
            ]
        observed["versions"] = harness.library_versions(args.python)
        jobs = [(f, v) for f in chosen for v in harness.planned_versions(f)]
        print(f"running {len(jobs)} runs of {len(chosen)} fixtures with {args.jobs} workers", flush=True)
        fresh: dict[str, dict] = {
            harness.fixture_key(f): {"fingerprint": harness.fingerprint(f)} for f in chosen
        }
        for f in chosen:
            for v in hdr.VERSIONS:
                if v not in harness.planned_versions(f):
                    fresh[harness.fixture_key(f)][v] = harness.skipped_record()
        bad = 0
        start = time.monotonic()
        with ThreadPoolExecutor(args.jobs) as pool:
            futures = {pool.submit(harness.run, f, v, args.python): (f, v) for f, v in jobs}
            for done, future in enumerate(as_completed(futures), start=1):
                fixture, version = futures[future]
                key = harness.fixture_key(fixture)
                try:
                    result = future.result()
                except Exception as exc:  # pylint: disable=broad-exception-caught
                    # e.g. the fixture was renamed while waiting: report, keep going
                    bad += 1
                    print(f"[{done}/{len(jobs)}] BAD {key} {version}: harness error {exc!r}", flush=True)
                    continue
                record = harness.observe(result)
                fresh[key][version] = record
                if result.fingerprint != fresh[key]["fingerprint"]:
                    fresh[key]["fingerprint"] = "changed while running"
                try:
                    problems = harness.judge(hdr.parse_file(fixture), version, record)
                except (hdr.HeaderError, OSError) as exc:
                    problems = [f"header: {exc}"]
                if all(v in fresh[key] for v in hdr.VERSIONS):
                    observed["runs"][key] = fresh[key]
                    harness.save_observed(observed)  # keep what is done if interrupted
                bad += bool(problems)
                mark = "OK " if not problems else "BAD"
                print(
                    f"[{done}/{len(jobs)}] {mark} {key} {version}: {record['result']} "
                    f"({result.seconds:.1f} s) {'; '.join(problems)}",
                    flush=True,
                )
        wall = time.monotonic() - start
        harness.save_observed(observed)
        print(f"wall time: {wall:.1f} s for {len(jobs)} runs ({args.jobs} workers); {bad} disagree")

    harness.MATRIX_MD.parent.mkdir(parents=True, exist_ok=True)
    harness.MATRIX_MD.write_text(harness.render_matrix(observed), encoding="utf-8")
    print(f"wrote {harness.MATRIX_MD.relative_to(harness.REPO)}")
    return 1 if not args.render_only and bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
