"""Run the tfvarlint messages through pylint's Python API and collect them.

The fixer decides from the same analysis the messages come from: it lints the files,
then rewrites at the reported positions. pylint runs in this process, so astroid's module
cache is cleared before every run (a file rewritten since the last run is parsed again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_DEFAULTS = ("--score=n", "--reports=n", "--persistent=n", "--recursive=y")
_ONLY_THIS_PLUGIN = ("--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint")


@dataclass(frozen=True)
class Finding:  # pylint: disable=too-many-instance-attributes  # pylint's message fields
    """One tfvarlint message, as pylint reported it."""

    path: str  # absolute
    symbol: str
    msg_id: str
    line: int
    column: int
    end_line: int | None
    end_column: int | None
    obj: str
    msg: str

    def where(self, root: Path | None = None) -> str:
        """``path:line:column`` of the message."""
        path = Path(self.path)
        if root is not None and path.is_relative_to(root):
            path = path.relative_to(root)
        return f"{path}:{self.line}:{self.column}"


def config_disables(options: Sequence[str]) -> list[str]:
    """Messages the user's configuration file disables by name.

    ``--disable=all --enable=tfvarlint`` on the command line would otherwise re-enable a
    tfvarlint message that the configuration turned off (as in the ``tfvarlint`` command).
    """
    # pylint: disable=import-outside-toplevel
    from pylint.config import find_default_config_files
    from pylint.config.config_file_parser import _RawConfParser

    given = [o.split("=", 1)[1] for o in options if o.startswith("--rcfile=")]
    candidates = [Path(given[-1])] if given else list(find_default_config_files())[:1]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            settings = _RawConfParser.parse_config_file(candidate, verbose=False)[0]
        except Exception:  # pylint: disable=broad-exception-caught
            break  # pylint reports a broken configuration file itself
        named = (part.strip() for part in str(settings.get("disable", "")).split(","))
        return [name for name in named if name and name.lower() not in {"all", "tfvarlint"}]
    return []


def pylint_args(options: Sequence[str], paths: Sequence[str]) -> list[str]:
    """The pylint command line: only tfvarlint's messages, the user's options after."""
    args = [*_DEFAULTS, *_ONLY_THIS_PLUGIN]
    disables = config_disables(options)
    if disables:
        args.append("--disable=" + ",".join(disables))
    args += [*options, "--", *(paths or ["."])]
    return args


def _collecting_reporter():
    from pylint.reporters import BaseReporter  # pylint: disable=import-outside-toplevel

    class CollectingReporter(BaseReporter):
        """Keeps every message; prints nothing."""

        name = "tfvarlint-fix-collect"

        def __init__(self) -> None:
            super().__init__()
            self.findings: list[Finding] = []

        def handle_message(self, msg) -> None:
            self.findings.append(
                Finding(
                    path=str(Path(msg.abspath).resolve()),
                    symbol=msg.symbol,
                    msg_id=msg.msg_id,
                    line=msg.line,
                    column=msg.column,
                    end_line=msg.end_line,
                    end_column=msg.end_column,
                    obj=msg.obj,
                    msg=msg.msg,
                )
            )

        def _display(self, layout) -> None:
            """No report output."""

        def display_reports(self, layout) -> None:
            """No report output."""

    return CollectingReporter()


def _clear_astroid_cache() -> None:
    import astroid  # pylint: disable=import-outside-toplevel

    astroid.MANAGER.clear_cache()


def lint(options: Sequence[str], paths: Sequence[str]) -> tuple[list[Finding], int]:
    """Lint ``paths``; returns the findings and pylint's exit status (bit mask)."""
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel

    _clear_astroid_cache()
    reporter = _collecting_reporter()
    try:
        result = Run(pylint_args(options, paths), reporter=reporter, exit=False)
    except SystemExit as done:  # usage errors exit even with exit=False
        code = done.code
        return reporter.findings, code if isinstance(code, int) else 32
    return reporter.findings, int(result.linter.msg_status)


def lint_and_print(options: Sequence[str], paths: Sequence[str]) -> int:
    """Lint ``paths`` with pylint's own reporter (what remains after ``--fix``)."""
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel

    _clear_astroid_cache()
    try:
        result = Run(pylint_args(options, paths), exit=False)
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else 32
    return int(result.linter.msg_status)
