#!/usr/bin/env python3
"""Run tfvarlint on the extracted real-bug benchmark; report found / missed and fixed-clean.

    python benchmarks/realbugs/run.py [--out /tmp/realbugs] [--python /work/venv-notf/bin/python]

For every case of ``cases.toml`` extracted by ``extract.py``, runs pylint with the plugin
of this checkout (``PYTHONPATH=<checkout>/src``), as the functional tests do::

    pylint --rcfile=tests/functional/tfvarlint.rc --load-plugins=tfvarlint \\
        --disable=all --enable=tfvarlint <case path>

from the root of the extracted version (so the project's imports and declared setup are
seen as in the real project), together with the case's ``lint_with`` files (other files of
the same version in the same pylint run, as a project-wide lint does); only the messages in
the case file count. A case is **found** when a message of one of its expected
symbols is reported within ``--near`` lines of one of its lines; its fixed version (when the
case has a fixing commit) is **clean** when no tfvarlint message is reported inside the
case's scope (the function or method, by qualified name, that held the defect) in the fixed
file. Detection is judged on the cases that misbehave on current TF/Keras; cases marked
``current = false`` are counted apart (a finding there would be a false alarm on current
TF/Keras). Prints one row per case and the totals; ``--json`` writes them for docs.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract import read_cases

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent.parent
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<id>[A-Z]\d{4}) (?P<symbol>[\w-]+): (?P<msg>.*)$"
)
PLUGIN_IDS = re.compile(r"^[EWCRI]73\d\d$")


def lint(python: str, root: Path, path: str, others: list[str]) -> tuple[list[dict], str]:
    """tfvarlint's messages on ``root/path`` (and stderr), linted with ``others`` in one run."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(CHECKOUT / "src"), env.get("PYTHONPATH")])
    )
    command = [
        python,
        "-m",
        "pylint",
        f"--rcfile={CHECKOUT / 'tests' / 'functional' / 'tfvarlint.rc'}",
        "--load-plugins=tfvarlint",
        "--disable=all",
        "--enable=tfvarlint",
        "--score=n",
        "--persistent=n",
        "--msg-template={path}:{line}:{column}: {msg_id} {symbol}: {msg}",
        path,
        *others,
    ]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    messages = []
    for raw in done.stdout.splitlines():
        match = LINE.match(raw)
        if (
            match
            and PLUGIN_IDS.match(match["id"])
            and os.path.normpath(match["path"]) == os.path.normpath(path)
        ):
            messages.append(
                {"line": int(match["line"]), "symbol": match["symbol"], "msg": match["msg"]}
            )
    return messages, done.stderr


def scope_range(source: str, qualname: str) -> tuple[int, int] | None:
    """First and last line of the function/method ``qualname`` (``Class.method``, ``f``)."""
    tree = ast.parse(source)

    def walk(node: ast.AST, prefix: str):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if name == qualname:
                    first = min(
                        [child.lineno] + [d.lineno for d in getattr(child, "decorator_list", [])]
                    )
                    return first, child.end_lineno
                found = walk(child, name + ".")
                if found:
                    return found
        return None

    return walk(tree, "")


def judge(case: dict, out: Path, python: str, near: int) -> dict:
    """Lint one case's buggy and fixed versions."""
    result = {
        "id": case["id"],
        "repo": case["repo"],
        "expect": case["expect"],
        "lines": case["lines"],
    }
    buggy_root = out / case["id"] / "buggy"
    if not (buggy_root / case["path"]).exists():
        result["error"] = "not extracted (run extract.py)"
        return result
    lint_with = case.get("lint_with", [])
    missing = [p for p in lint_with if not (buggy_root / p).exists()]
    if missing:
        result["error"] = f"lint_with files not extracted: {', '.join(missing)}"
        return result
    messages, stderr = lint(python, buggy_root, case["path"], lint_with)
    hits = [
        m
        for m in messages
        if m["symbol"] in case["expect"]
        and any(abs(m["line"] - line) <= near for line in case["lines"])
    ]
    result["found"] = bool(hits)
    result["hits"] = hits
    result["buggy_messages"] = messages
    if "Traceback" in stderr or "internal error" in stderr:
        result["crash"] = stderr[-2000:]
    if case.get("fixed"):
        path = case.get("fixed_path", case["path"])
        fixed_root = out / case["id"] / "fixed"
        fixed_with = case.get("fixed_lint_with", lint_with)
        missing = [p for p in fixed_with if not (fixed_root / p).exists()]
        if missing:
            result["error"] = f"lint_with files not in the fixed version: {', '.join(missing)}"
            return result
        fixed_messages, stderr = lint(python, fixed_root, path, fixed_with)
        qualname = case.get("fixed_scope", case["scope"])
        span = scope_range(
            (fixed_root / path).read_text(encoding="utf-8", errors="replace"), qualname
        )
        if span is None:
            # The fix removed the scope (e.g. a helper deleted): the whole file must be free
            # of the expected messages.
            inside = [m for m in fixed_messages if m["symbol"] in case["expect"]]
        else:
            inside = [m for m in fixed_messages if span[0] <= m["line"] <= span[1]]
        # Lines of the fixed file that still hold another, separately listed defect.
        other = set(case.get("fixed_other_lines", []))
        inside = [m for m in inside if m["line"] not in other]
        result["fixed_clean"] = not inside
        result["fixed_in_scope"] = inside
        result["fixed_messages"] = fixed_messages
        if "Traceback" in stderr or "internal error" in stderr:
            result["crash_fixed"] = stderr[-2000:]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--cases", type=Path, default=HERE / "cases.toml")
    parser.add_argument("--out", type=Path, default=Path("/tmp/realbugs"))
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter with pylint installed"
    )
    parser.add_argument("--near", type=int, default=3, help="line tolerance for 'found'")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--only", action="append", default=[], metavar="CASE_ID")
    parser.add_argument("--json", type=Path, help="write the per-case results here")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every message")
    args = parser.parse_args(argv)
    cases = [c for c in read_cases(args.cases) if not args.only or c["id"] in args.only]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda c: judge(c, args.out, args.python, args.near), cases))
    fixed_total = fixed_clean = crashes = errors = 0
    print(f"{'case':44} {'expected':34} {'buggy':7} fixed")
    for case, result in zip(cases, results, strict=True):
        if "error" in result:
            errors += 1
            print(f"{case['id']:44} ERROR: {result['error']}")
            continue
        result["current"] = case.get("current", True)
        crashes += ("crash" in result) + ("crash_fixed" in result)
        fixed = "-"
        if "fixed_clean" in result:
            fixed_total += 1
            fixed_clean += result["fixed_clean"]
            fixed = "clean" if result["fixed_clean"] else "NOT CLEAN"
        expected = ",".join(case["expect"])
        if result["current"]:
            verdict = "found" if result["found"] else "MISSED"
        else:
            # Harmless on current TF/Keras: a finding would be a false alarm there.
            verdict = "FLAGGED" if result["found"] else "quiet"
        print(f"{case['id']:44} {expected:34} {verdict:7} {fixed}")
        if args.verbose or result["found"] != result["current"]:
            for m in result["buggy_messages"]:
                print(f"      buggy {m['line']}: {m['symbol']}")
        if args.verbose or result.get("fixed_in_scope"):
            for m in result.get("fixed_in_scope", []):
                print(f"      fixed {m['line']}: {m['symbol']}: {m['msg'][:100]}")
        for key in ("crash", "crash_fixed"):
            if key in result:
                print(f"      {key}: {result[key].splitlines()[-1]}")
    judged = [r for r in results if "error" not in r]
    current = [r for r in judged if r["current"]]
    past = [r for r in judged if not r["current"]]
    found_current = sum(r["found"] for r in current)
    found_all = sum(r["found"] for r in judged)
    flagged_past = sum(r["found"] for r in past)
    print()
    print(f"cases: {len(judged)} ({len(current)} current, {len(past)} not current)")
    if current:
        print(
            f"found (current cases, the benchmark's figure): {found_current}/{len(current)} "
            f"({100 * found_current / len(current):.0f}%)"
        )
    if judged:
        print(
            f"found (all cases, current or not): {found_all}/{len(judged)} "
            f"({100 * found_all / len(judged):.0f}%)"
        )
    if past:
        print(f"not current (harmless on current TF/Keras): {flagged_past}/{len(past)} flagged")
    if fixed_total:
        print(
            f"fixed versions clean: {fixed_clean}/{fixed_total} "
            f"({100 * fixed_clean / fixed_total:.0f}%)"
        )
    print(f"crashes: {crashes}")
    if errors:
        print(f"errors: {errors}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    ok = (
        current
        and not errors
        and found_current == len(current)
        and not flagged_past
        and fixed_clean == fixed_total
        and not crashes
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
