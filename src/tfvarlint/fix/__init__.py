"""``tfvarlint --fix`` / ``--diff``: move per-call state to where it belongs.

    tfvarlint --diff PATH...    print a unified diff of the safe fixes; write nothing
    tfvarlint --fix PATH...     rewrite the files in place, then lint what remains
    python -m tfvarlint.fix --diff PATH...   the same without the tfvarlint command

Every other option is passed to pylint (``--rcfile``, ``--tfvarlint-keras-version=2``,
``--disable=...``). The fixes are decided from the messages the lint reports (see
:mod:`tfvarlint.fix.rewrite` for which are fixed and how); a message without a safe fix is
left alone and the command says why.

Exit status: ``--diff`` exits 1 when it would change something, else as the lint does;
``--fix`` exits as the lint does on what remains (pylint's bit mask: 2 errors, 4 warnings,
1 fatal, 32 usage). 64: libcst is not installed.
"""

from __future__ import annotations

import difflib
import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path

NEEDS_LIBCST = "tfvarlint --fix needs libcst: pip install 'tfvarlint[fix]'"
EXIT_NO_LIBCST = 64
EXIT_USAGE = 32

USAGE = """\
usage: tfvarlint (--fix | --diff) [pylint options] [PATH ...]

--diff   print the safe fixes as a unified diff and write nothing; exit 1 when there is
         something to fix, else as the lint does
--fix    rewrite the files in place; exit as the lint does on what remains
Fixed: E7304/E7305 (built once in __init__/build or at module level), W7303 (moved into
build() with add_weight), E7301/E7302 (add_weight or a variable created once).
Messages without a safe fix are listed with the reason.
"""

# pylint options whose value may be the next argument (``--rcfile FILE``).
_VALUE_OPTIONS = frozenset(
    {
        "-f", "--output-format", "--rcfile", "--output", "-j", "--jobs", "-d", "--disable",
        "-e", "--enable", "--ignore", "--ignore-patterns", "--ignore-paths", "--init-hook",
        "--fail-under", "--fail-on", "--tfvarlint-keras-version", "--tfvarlint-follow-depth",
        "--tfvarlint-extra-variable-factories", "--tfvarlint-extra-traced-methods",
    }
)  # fmt: skip


def split_args(argv: Sequence[str]) -> tuple[str | None, list[str], list[str]]:
    """(``"fix"``/``"diff"``/None, pylint options, paths) of a command line."""
    mode: str | None = None
    options: list[str] = []
    paths: list[str] = []
    rest = iter(argv)
    for arg in rest:
        if arg == "--":
            paths.extend(rest)  # everything after "--" is a path
        elif arg in ("--fix", "--diff"):
            mode = "diff" if "diff" in (mode, arg[2:]) else "fix"
        elif not arg.startswith("-") or arg == "-":
            paths.append(arg)
        elif "=" not in arg and arg in _VALUE_OPTIONS:
            value = next(rest, None)
            options.append(arg if value is None else f"{arg}={value}")
        else:
            options.append(arg)
    return mode, options, paths


def _relative(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return path


def _diff(path: str, before: str, after: str) -> str:
    name = _relative(path)
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )
    )


def run(  # pylint: disable=too-many-locals
    mode: str, options: Sequence[str], paths: Sequence[str], out=None
) -> int:
    """Fix or diff ``paths``; returns the exit status."""
    # pylint: disable=import-outside-toplevel
    from tfvarlint.fix import lint as linting
    from tfvarlint.fix.rewrite import fix_source

    out = sys.stdout if out is None else out
    findings, status = linting.lint(options, paths)
    by_file: dict[str, list] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    changed = 0
    fixed = 0
    unfixed = []
    for path in sorted(by_file):
        source = Path(path).read_text(encoding="utf-8")
        try:
            outcome = fix_source(source, by_file[path])
        except Exception as exc:  # pylint: disable=broad-exception-caught
            # A fixer bug must never damage a file: leave it as it is and say so.
            print(f"{_relative(path)}: not fixed: internal error {exc!r}", file=sys.stderr)
            continue
        for report in outcome.reports:
            where = f"{_relative(path)}:{report.finding.line}:{report.finding.column}"
            label = f"{report.finding.msg_id} {report.finding.symbol}"
            if report.fixed:
                fixed += 1
                if mode == "fix":
                    print(f"{where}: {label}: fixed: {report.text}", file=out)
            else:
                unfixed.append(f"{where}: {label}: no safe fix: {report.text}")
        if outcome.source == source:
            continue
        changed += 1
        if mode == "diff":
            out.write(_diff(path, source, outcome.source))
        else:
            Path(path).write_text(outcome.source, encoding="utf-8")
    for line in unfixed:
        print(line, file=out)
    verb = "would fix" if mode == "diff" else "fixed"
    print(
        f"tfvarlint: {verb} {fixed} message(s) in {changed} file(s); "
        f"{len(unfixed)} without a safe fix",
        file=out,
    )
    out.flush()
    if mode == "diff":
        return 1 if changed else status
    if not changed:
        return status
    return linting.lint_and_print(options, paths)


def main(argv: Sequence[str] | None = None) -> int:
    """``tfvarlint --fix/--diff ARGS``: argv is the whole command line after the program."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        print(USAGE, end="")
        return 0
    mode, options, paths = split_args(argv)
    if mode is None:
        print(USAGE, end="", file=sys.stderr)
        return EXIT_USAGE
    if importlib.util.find_spec("libcst") is None:
        print(NEEDS_LIBCST, file=sys.stderr)
        return EXIT_NO_LIBCST
    return run(mode, options, paths)
