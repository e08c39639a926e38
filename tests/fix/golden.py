"""The fixable functional fixtures and their golden fixed files.

A fixture is *fixable* when every message its ``.txt`` expects is E7304, E7305 or W7303
("strict"), or also W7306 on a line that has a W7303 ("with W7306": the W7303 fix,
``add_weight`` in ``build()``, removes both). The golden fixed file of
``tests/functional/<path>`` is ``tests/fix/golden/<path>``: outside ``tests/functional``, so
neither the pylint functional tests nor the runtime harness collects it as a fixture.

    python tests/fix/golden.py            # list the fixable fixtures and what --fix does
    python tests/fix/golden.py --update   # rewrite the golden files from the fixer's output
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FUNCTIONAL = ROOT / "tests" / "functional"
GOLDEN = ROOT / "tests" / "fix" / "golden"
DEFAULT_RC = FUNCTIONAL / "tfvarlint.rc"
FIXES_JSON = ROOT / "tests" / "fix" / "fixes.json"
STRICT = frozenset({"keras-layer-created-in-call", "keras-stateful-object-created-in-call",
                    "tf-variable-lazily-created-in-call"})  # fmt: skip
LAZY = "tf-variable-lazily-created-in-call"
VARIABLE = frozenset({"tf-variable-created-in-call", "tf-variable-created-in-tf-function"})
UNTRACKED = "untracked-tf-variable"


def fixtures() -> list[Path]:
    """Every functional fixture (the runtime harness's discovery rule)."""
    found = []
    for path in FUNCTIONAL.rglob("*.py"):
        if any(part.startswith("_") for part in path.relative_to(FUNCTIONAL).parts):
            continue
        found.append(path)
    return sorted(found)


def expected(fixture: Path) -> list[tuple[str, int]]:
    txt = fixture.with_suffix(".txt")
    if not txt.is_file():
        return []
    out = []
    for line in txt.read_text(encoding="utf-8").splitlines():
        if line.strip():
            symbol, lineno = line.split(":", 2)[:2]
            out.append((symbol, int(lineno)))
    return out


def kind(fixture: Path) -> str | None:
    """``"strict"``, ``"with W7306"``, ``"variable"`` or None.

    ``"variable"``: the messages also include E7301/E7302 (a variable), which --fix fixes
    too when the initial value is known; not part of the issue's 80% bar, but each one that
    is fixed whole gets a golden file and a run as well.
    """
    messages = expected(fixture)
    if not messages:
        return None
    symbols = {symbol for symbol, _ in messages}
    lazy_lines = {line for symbol, line in messages if symbol == LAZY}
    rest = [(s, line) for s, line in messages if s not in STRICT | VARIABLE]
    if not all(s == UNTRACKED and line in lazy_lines for s, line in rest):
        return None
    if symbols & VARIABLE:
        return "variable"
    return "strict" if symbols <= STRICT else "with W7306"


def fixable() -> list[Path]:
    """The issue's fixable fixtures: messages only E7304/E7305/W7303 (+ W7306 on them)."""
    return [f for f in fixtures() if kind(f) in ("strict", "with W7306")]


def hides_helpers(fixture: Path) -> bool:
    """Linted with ``tfvarlint-follow-depth`` set: creations in helpers are hidden on purpose,
    so fixing what is reported leaves them, and a run of the result proves nothing."""
    rc = fixture.with_suffix(".rc")
    return rc.is_file() and "tfvarlint-follow-depth" in rc.read_text(encoding="utf-8")


def variable_fixtures() -> list[Path]:
    """Fixtures with E7301/E7302 (and otherwise fixable messages)."""
    return [f for f in fixtures() if kind(f) == "variable" and not hides_helpers(f)]


def wants_golden(fixture: Path, outcome) -> bool:
    """A golden file for every changed fixable fixture, and every whole-fixed variable one."""
    if kind(fixture) == "variable":
        return outcome.changed and all(r.fixed for r in outcome.reports)
    return outcome.changed


def key(fixture: Path) -> str:
    return fixture.relative_to(FUNCTIONAL).as_posix()


def golden_for(fixture: Path) -> Path:
    return GOLDEN / key(fixture)


def options_for(fixture: Path) -> list[str]:
    """The fixture's pylint options: its ``.rc`` beside it, else the functional tests' rc."""
    rc = fixture.with_suffix(".rc")
    return [f"--rcfile={rc if rc.is_file() else DEFAULT_RC}"]


def fix(fixture: Path, text: str | None = None, path: Path | None = None):
    """The fixer's Outcome on ``fixture`` (or on ``text`` written at ``path``)."""
    # pylint: disable=import-outside-toplevel
    from tfvarlint.fix.lint import lint
    from tfvarlint.fix.rewrite import fix_source

    os.environ.pop("TF_USE_LEGACY_KERAS", None)
    support = str(FUNCTIONAL / "_support")  # helperpkg & co., as the functional tests see them
    if support not in sys.path:
        sys.path.insert(0, support)
    target = path or fixture
    findings, _ = lint(options_for(fixture), [str(target)])
    source = text if text is not None else target.read_text(encoding="utf-8")
    return fix_source(source, findings)


def descriptions(outcome) -> list[str]:
    """What the fixer did, one line per fixed message (the runtime matrix shows these)."""
    return [f"l.{r.finding.line} {r.finding.msg_id}: {r.text}" for r in outcome.reports if r.fixed]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="rewrite the golden files")
    args = parser.parse_args(argv)
    changed = 0
    chosen = fixable() + variable_fixtures()
    fixes: dict[str, list[str]] = {}
    for fixture in chosen:
        outcome = fix(fixture)
        golden = golden_for(fixture)
        if wants_golden(fixture, outcome):
            fixes[key(fixture)] = descriptions(outcome)
            changed += 1
            if args.update:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_text(outcome.source, encoding="utf-8")
        elif args.update and golden.exists():
            golden.unlink()
        state = "fixed" if wants_golden(fixture, outcome) else "NOT fixed (whole)"
        print(f"{key(fixture)} [{kind(fixture)}]: {state}")
        for report in outcome.reports:
            mark = "fixed" if report.fixed else "left"
            print(f"    l.{report.finding.line} {report.finding.symbol}: {mark}: {report.text}")
    if args.update:
        FIXES_JSON.write_text(json.dumps(fixes, indent=1) + "\n", encoding="utf-8")
        for stray in GOLDEN.rglob("*.py"):
            if stray.relative_to(GOLDEN).as_posix() not in fixes:
                stray.unlink()  # a golden file of a fixture that no longer gets one
    for name in ("strict", "with W7306", "variable"):
        group = [f for f in chosen if kind(f) == name]
        have = sum(1 for f in group if key(f) in fixes)
        print(f"{name}: {have} of {len(group)} fixtures get a golden file")
    print(f"{changed} golden files of {len(chosen)} fixtures")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
