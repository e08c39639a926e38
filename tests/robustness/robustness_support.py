"""Running pylint with tfvarlint and telling a plugin crash from astroid's own failures.

A *crash* is a traceback through tfvarlint's code, a ``tfvarlint: internal error`` line on
stderr, or an ``astroid-error``/``fatal`` message that disappears when the plugin is not
loaded. An ``astroid-error``/``fatal`` that stays without the plugin is astroid's (or
pylint's) own failure: it is reported apart, never blamed on the plugin.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from pylint.lint import Run, pylinter
from pylint.reporters import CollectingReporter

import tfvarlint

PLUGIN = "tfvarlint"
CRASH_SYMBOLS = frozenset({"astroid-error", "fatal"})
INTERNAL_ERROR = "tfvarlint: internal error"
# Only the plugin's messages and the two that report crashes.
ONLY_PLUGIN = ["--disable=all", f"--enable={PLUGIN},astroid-error,fatal"]
# The same run without the plugin (its messages are unknown then).
ONLY_CRASHES = ["--disable=all", "--enable=astroid-error,fatal"]
_CRASH_FILE = re.compile(r"(/\S*pylint-crash-\S+\.txt)")


@dataclass(frozen=True)
class Message:
    path: str
    line: int
    symbol: str
    text: str

    def key(self) -> tuple[str, int, str, str]:
        return (self.path, self.line, self.symbol, self.text)


@dataclass
class Outcome:
    messages: list[Message]
    stderr: str
    crash_reports: list[str] = field(default_factory=list)  # tracebacks pylint caught

    def crash_messages(self) -> list[Message]:
        return [m for m in self.messages if m.symbol in CRASH_SYMBOLS]

    def plugin_tracebacks(self) -> list[str]:
        texts = [*self.crash_reports, self.stderr]
        return [text for text in texts if "Traceback" in text and _through_plugin(text)]


_FRAME = re.compile(r'^\s*File "([^"]+)"', re.MULTILINE)
PLUGIN_DIR = str(Path(tfvarlint.__file__).resolve().parent)


def _through_plugin(text: str) -> bool:
    """An exception raised in tfvarlint's code: the innermost frame of some traceback in
    ``text`` (chained ones included) is in the plugin. One that only passes through the
    plugin (an augmentation wrapping a pylint checker) is judged by the rerun instead."""
    for part in re.split(r"\n(?=Traceback \(most recent call last\))", text):
        frames = _FRAME.findall(part)
        if frames and str(Path(frames[-1]).resolve()).startswith(PLUGIN_DIR + os.sep):
            return True
    return False


def debug_env() -> dict[str, str]:
    """The environment for a pylint subprocess: plugin crashes raise (TFVARLINT_DEBUG=1)."""
    env = dict(os.environ)
    env["TFVARLINT_DEBUG"] = "1"
    return env


def run_subprocess(
    files: Sequence[Path | str],
    *,
    plugin: bool = True,
    jobs: int = 1,
    extra: Sequence[str] = (),
    cwd: Path,
    plugins: Sequence[str] = (),
    pythonpath: Sequence[Path] = (),
    rcfile: Path | None = None,
    timeout: float = 3000,
) -> Outcome:
    """``python -m pylint`` on files, in ``cwd`` (no project config picked up), json2 output."""
    if rcfile is None:
        rcfile = cwd / "empty.rc"
        rcfile.write_text("", encoding="utf-8")
    load = [PLUGIN, *plugins] if plugin else []
    cmd = [
        sys.executable, "-m", "pylint", f"--rcfile={rcfile}", "--persistent=n",
        "--output-format=json2", f"--jobs={jobs}", "--score=n", "--reports=n",
    ]  # fmt: skip
    if load:
        cmd.append(f"--load-plugins={','.join(load)}")
    env = debug_env()
    env["PYLINTHOME"] = str(cwd / "pylinthome")
    if pythonpath:
        env["PYTHONPATH"] = os.pathsep.join(
            [*map(str, pythonpath), *filter(None, [env.get("PYTHONPATH")])]
        )
    proc = subprocess.run(
        [*cmd, *extra, *map(str, files)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip
    if proc.returncode & 32:  # usage error: the run itself is wrong
        raise AssertionError(f"pylint usage error:\n{proc.stdout}\n{proc.stderr}")
    try:
        payload = json.loads(proc.stdout or "{}")
    except json.JSONDecodeError as exc:
        raise AssertionError(
            f"pylint printed no JSON:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
        ) from exc
    messages = [
        Message(item["path"], item["line"], item["symbol"], item["message"])
        for item in payload.get("messages", [])
    ]
    reports = []
    for message in messages:
        match = _CRASH_FILE.search(message.text)
        if match and Path(match.group(1)).is_file():
            reports.append(Path(match.group(1)).read_text(encoding="utf-8", errors="replace"))
    return Outcome(messages, proc.stderr, reports)


def run_in_process(
    paths: Sequence[Path | str], args: Sequence[str] = ONLY_PLUGIN, *, plugin: bool = True
) -> Outcome:
    """pylint's API, in this process (with the plugin); caught crashes keep their traceback."""
    reports: list[str] = []

    def capture(ex: Exception, _filepath: str, _crash_file_path: str) -> Path:
        reports.append("".join(traceback.format_exception(ex)))
        return Path("in-process-crash-report.txt")

    reporter = CollectingReporter()
    with mock.patch.object(pylinter, "prepare_crash_report", capture):
        Run(
            ["--rcfile=/dev/null", "--persistent=n",
             *([f"--load-plugins={PLUGIN}"] if plugin else []), *args, *map(str, paths)],
            reporter=reporter,
            exit=False,
        )  # fmt: skip
    messages = [Message(m.path, m.line, m.symbol, m.msg) for m in reporter.messages]
    return Outcome(messages, "", reports)


def plugin_crashes(
    outcome: Outcome,
    rerun_without_plugin,
) -> tuple[list[str], list[Message]]:
    """(plugin crashes, astroid's own failures) of a run.

    ``rerun_without_plugin(paths)`` lints the given files again without the plugin and
    returns its :class:`Outcome`; it is called only when the run reported a crash message.
    """
    crashes = [f"traceback through tfvarlint:\n{tb}" for tb in outcome.plugin_tracebacks()]
    crashes += [
        f"stderr: {line}" for line in outcome.stderr.splitlines() if INTERNAL_ERROR in line
    ]
    suspects = outcome.crash_messages()
    astroid_own: list[Message] = []
    if suspects:
        paths = sorted({m.path for m in suspects})
        baseline = rerun_without_plugin(paths)
        still = {(m.path, m.symbol) for m in baseline.crash_messages()}
        for message in suspects:
            if (message.path, message.symbol) in still:
                astroid_own.append(message)
            else:
                crashes.append(
                    f"{message.symbol} only with the plugin: {message.path}: {message.text}\n"
                    + "\n".join(outcome.crash_reports)
                )
    return crashes, astroid_own
