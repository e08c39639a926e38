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
    """``"strict"``, ``"with W7306"`` or None (not a fixable fixture)."""
    messages = expected(fixture)
    if not messages:
        return None
    symbols = {symbol for symbol, _ in messages}
    if symbols <= STRICT:
        return "strict"
    lazy_lines = {line for symbol, line in messages if symbol == LAZY}
    rest = [(s, line) for s, line in messages if s not in STRICT]
    if all(s == UNTRACKED and line in lazy_lines for s, line in rest):
        return "with W7306"
    return None


def fixable() -> list[Path]:
    return [f for f in fixtures() if kind(f)]


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
    chosen = fixable()
    fixes: dict[str, list[str]] = {}
    for fixture in chosen:
        outcome = fix(fixture)
        if outcome.changed:
            fixes[key(fixture)] = descriptions(outcome)
        golden = golden_for(fixture)
        if outcome.changed:
            changed += 1
            if args.update:
                golden.parent.mkdir(parents=True, exist_ok=True)
                golden.write_text(outcome.source, encoding="utf-8")
        elif args.update and golden.exists():
            golden.unlink()
        state = "fixed" if outcome.changed else "NOT fixed"
        print(f"{key(fixture)} [{kind(fixture)}]: {state}")
        for report in outcome.reports:
            mark = "fixed" if report.fixed else "left"
            print(f"    l.{report.finding.line} {report.finding.symbol}: {mark}: {report.text}")
    if args.update:
        FIXES_JSON.write_text(json.dumps(fixes, indent=1) + "\n", encoding="utf-8")
    strict = [f for f in chosen if kind(f) == "strict"]
    strict_changed = sum(1 for f in strict if golden_for(f).exists())
    print(f"{changed} of {len(chosen)} fixable fixtures changed "
          f"({strict_changed} of {len(strict)} strict ones have a golden file)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
