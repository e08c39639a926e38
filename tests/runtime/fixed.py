"""Runtime proof of ``tfvarlint --fix``: every golden fixed file runs ``ok`` under both Kerases.

The golden fixed file of a functional fixture (``tests/fix/golden/<path>``, made by the
fixer: tests/fix/golden.py) keeps the fixture's driver (``if __name__ == "__main__":``), or
is run through the fixture's ``_drivers/<name>.py`` companion (staged in a temp dir next to
a copy of the golden file, since a driver finds its fixture beside itself). After the fix
the driver must print no ``SILENT:`` line and raise nothing, under Keras 3 and tf-keras,
except for a version the fixture's header declares ``skip``.

    python tests/runtime/fixed.py                # run every golden file, rewrite both files
    python tests/runtime/fixed.py --render-only  # only rewrite docs/runtime-matrix.md
    python tests/runtime/fixed.py seed/ layer_   # run the golden files whose path has these

Results go to ``tests/fix/observed_fixed.json`` (as ``observed.json``: per golden file, its
fingerprint and one record per version) and to the "Fixed by --fix" section of
``docs/runtime-matrix.md`` (``harness.render_matrix`` appends :func:`render_section`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402  pylint: disable=wrong-import-position
import headers as hdr  # noqa: E402  pylint: disable=wrong-import-position

GOLDEN_DIR = harness.REPO / "tests" / "fix" / "golden"
OBSERVED_FIXED = harness.REPO / "tests" / "fix" / "observed_fixed.json"
FIXES_JSON = harness.REPO / "tests" / "fix" / "fixes.json"


def discover() -> list[Path]:
    """Every golden fixed file (``_``-prefixed helpers skipped, as for fixtures)."""
    if not GOLDEN_DIR.is_dir():
        return []
    found = [
        path
        for path in GOLDEN_DIR.rglob("*.py")
        if not any(p.startswith("_") for p in path.relative_to(GOLDEN_DIR).parts)
    ]
    return sorted(found, key=golden_key)


def golden_key(path: Path) -> str:
    return path.relative_to(GOLDEN_DIR).as_posix()


def fixture_of(golden: Path) -> Path:
    return harness.FUNCTIONAL_DIR / golden_key(golden)


def planned_versions(golden: Path) -> list[str]:
    """The versions the original fixture runs under (its header's non-``skip`` ones)."""
    return harness.planned_versions(fixture_of(golden))


def fingerprint(golden: Path) -> str:
    digest = hashlib.sha256(golden.read_bytes())
    driver = harness.driver_for(fixture_of(golden))
    if driver is not None:
        digest.update(b"\0driver\0" + driver.read_bytes())
    return digest.hexdigest()[:16]


def run(golden: Path, version: str, python: str = sys.executable) -> harness.Run:
    """Run the golden file (through the fixture's driver, if it has one) under ``version``.

    The golden file is staged in a temp dir with what the fixture finds beside it: the
    fixture's ``_drivers/`` companion (a driver finds its fixture next to itself) and the
    packages of the fixture's directory (``helperpkg/``), linked.
    """
    fixture = fixture_of(golden)
    driver = harness.driver_for(fixture)
    stage = Path(tempfile.mkdtemp(prefix="tfvarlint-fixed-"))
    try:
        shutil.copy(golden, stage / golden.name)
        if driver is not None:
            (stage / "_drivers").mkdir()
            for sibling in driver.parent.glob("*.py"):
                shutil.copy(sibling, stage / "_drivers" / sibling.name)
        for package in fixture.parent.iterdir():
            if (package / "__init__.py").is_file() and not package.name.startswith("_"):
                (stage / package.name).symlink_to(package, target_is_directory=True)
        # harness.run finds <dir>/_drivers/<name>.py next to the file it is given
        result = harness.run(stage / golden.name, version, python)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    result.fingerprint = fingerprint(golden)
    return result


def judge(record: dict | None, version: str, golden: Path) -> list[str]:
    """What is wrong with a run of a golden file ([] = it ran ok, or was rightly skipped)."""
    if version not in planned_versions(golden):
        return [] if record is None or record.get("result") == "skipped" else [
            f"{version}: the fixture skips it, but it was run"
        ]
    if record is None:
        return [f"{version}: no observation"]
    if record.get("result") == "ok":
        return []
    detail = record.get("first_line") or "; ".join(record.get("silent", [])) or "(no output)"
    return [f"{version}: observed {record.get('result')}: {detail}"]


def load_observed(path: Path = OBSERVED_FIXED) -> dict:
    if not path.is_file():
        return {"versions": {}, "runs": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_observed(data: dict, path: Path = OBSERVED_FIXED) -> None:
    data["runs"] = dict(sorted(data["runs"].items()))
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_section(observed: dict | None = None) -> list[str]:
    """The "Fixed by --fix" section of docs/runtime-matrix.md (no lines without golden files)."""
    goldens = discover()
    if not goldens:
        return []
    observed = load_observed() if observed is None else observed
    runs = observed.get("runs", {})
    descriptions = _fix_descriptions()
    agree = 0
    rows = []
    for golden in goldens:
        key = golden_key(golden)
        entry = runs.get(key, {})
        current = entry.get("fingerprint") == fingerprint(golden)
        cells = []
        for version in hdr.VERSIONS:
            record = entry.get(version) if current else None
            if version not in planned_versions(golden):
                cells.append("skip")
                continue
            if record is None:
                cells.append("not observed")
                continue
            problems = judge(record, version, golden)
            agree += not problems
            text = "**ok**" if not problems else f"✗ {'; '.join(problems)}"
            cells.append(_cell(text[:400]))
        fixes = "<br>".join(_cell(f) for f in descriptions.get(key, []))
        link = f"[{golden.stem}](../tests/fix/golden/{key})"
        original = f"[fixture](../tests/functional/{key})"
        rows.append(f"| {link} ({original}) | {fixes} | {cells[0]} | {cells[1]} |")
    planned = sum(len(planned_versions(g)) for g in goldens)
    return [
        "## Fixed by `tfvarlint --fix`",
        "",
        "Each fixable fixture (expected messages only E7304, E7305, W7303, or W7306 on a W7303",
        "line) that `--fix` changes, and each fixture with E7301/E7302 messages that `--fix`",
        "fixes whole, has a golden fixed file in `tests/fix/golden/` (tests/fix/golden.py).",
        "Its run, with the fixture's own driver, must be **ok** (no error, no `SILENT:` line)",
        "under both versions. Generated by `python tests/runtime/fixed.py` from",
        "`tests/fix/observed_fixed.json` and `tests/fix/fixes.json`.",
        "",
        f"{len(goldens)} golden files; {agree} of {planned} runs ok.",
        "",
        f"| golden fixed file | what `--fix` did | {harness.VERSION_TITLE['keras3']} "
        f"| {harness.VERSION_TITLE['keras2']} |",
        "|---|---|---|---|",
        *rows,
        "",
    ]


def _fix_descriptions() -> dict[str, list[str]]:
    """What the fixer did to each golden file's fixture (tests/fix/golden.py writes it)."""
    if not FIXES_JSON.is_file():
        return {}
    return json.loads(FIXES_JSON.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("select", nargs="*", help="run only golden files whose path has one of these")
    parser.add_argument("--render-only", action="store_true", help="do not run anything")
    parser.add_argument("--stale", action="store_true", help="run only golden files not observed as they are")
    parser.add_argument("--jobs", type=int, default=harness.WORKERS)
    parser.add_argument("--python", default=sys.executable, help="interpreter with TensorFlow")
    args = parser.parse_args(argv)
    observed = load_observed()
    goldens = discover()
    keys = {golden_key(g) for g in goldens}
    observed["runs"] = {k: v for k, v in observed["runs"].items() if k in keys}
    bad = 0
    if not args.render_only:
        chosen = [g for g in goldens if not args.select or any(s in golden_key(g) for s in args.select)]
        if args.stale:
            chosen = [
                g for g in chosen
                if observed["runs"].get(golden_key(g), {}).get("fingerprint") != fingerprint(g)
            ]
        observed["versions"] = harness.library_versions(args.python)
        fresh = {
            golden_key(g): {"fingerprint": fingerprint(g)}
            for g in chosen
        }
        for golden in chosen:
            for version in hdr.VERSIONS:
                if version not in planned_versions(golden):
                    fresh[golden_key(golden)][version] = harness.skipped_record()
        jobs = [(g, v) for g in chosen for v in planned_versions(g)]
        print(f"running {len(jobs)} runs of {len(chosen)} golden files", flush=True)
        with ThreadPoolExecutor(args.jobs) as pool:
            futures = {pool.submit(run, g, v, args.python): (g, v) for g, v in jobs}
            for done, future in enumerate(as_completed(futures), start=1):
                golden, version = futures[future]
                record = harness.observe(future.result())
                fresh[golden_key(golden)][version] = record
                problems = judge(record, version, golden)
                bad += bool(problems)
                mark = "OK " if not problems else "BAD"
                print(f"[{done}/{len(jobs)}] {mark} {golden_key(golden)} {version}: "
                      f"{record['result']} {'; '.join(problems)}", flush=True)  # fmt: skip
        observed["runs"].update(fresh)
        save_observed(observed)
    harness.MATRIX_MD.write_text(harness.render_matrix(), encoding="utf-8")
    print(f"wrote {harness.MATRIX_MD.relative_to(harness.REPO)}; {bad} runs not ok")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
