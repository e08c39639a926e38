#!/usr/bin/env python3
"""Lint the assembled real-world corpus with tfvarlint; count findings and crashes.

    python benchmarks/corpus/run.py --corpus /work/corpus --out /tmp/corpus-run

Runs, per project of ``MANIFEST.txt`` (see ``assemble.py``), the issue's command::

    TFVARLINT_DEBUG=1 pylint --load-plugins=tfvarlint --disable=all \\
        --enable=tfvarlint,astroid-error,fatal -j 2 FILES...

(with ``--coverage``, also the corpus-only ``tfvarlint_coverage`` plugin of this directory,
to count the Keras/TF classes and traced bodies the plugin understood). Writes every
message to ``<out>/findings.txt`` and prints the tables of docs/real-world.md: findings per
message and per project, and crashes (``astroid-error``/``fatal`` messages, plugin
tracebacks or internal errors on stderr).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<id>[A-Z]\d{4}) (?P<symbol>[\w-]+): "
    r"(?P<msg>.*)$"
)
PLUGIN_IDS = re.compile(r"^[EWCRI]73\d\d$")
CRASH_SYMBOLS = {"astroid-error", "fatal", "parse-error"}


def lint(files: list[str], corpus: Path, coverage: bool, jobs: int) -> tuple[str, str]:
    """Run pylint with tfvarlint on ``files`` (relative to ``corpus``): stdout, stderr."""
    plugins = "tfvarlint,tfvarlint_coverage" if coverage else "tfvarlint"
    enable = "tfvarlint,astroid-error,fatal" + (",tfvarlint-coverage" if coverage else "")
    env = dict(os.environ, TFVARLINT_DEBUG="1")
    if coverage:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "pylint",
        f"--load-plugins={plugins}",
        "--disable=all",
        f"--enable={enable}",
        f"-j{jobs}",
        "--score=n",
        "--persistent=n",
        "--msg-template={path}:{line}:{column}: {msg_id} {symbol}: {msg}",
        *files,
    ]
    done = subprocess.run(command, cwd=corpus, env=env, capture_output=True, text=True, check=False)
    return done.stdout, done.stderr


@dataclass
class Tally:
    """What the runs found, per project and per message."""

    files: dict[str, int] = field(default_factory=dict)
    findings: list[str] = field(default_factory=list)
    per_message: Counter[str] = field(default_factory=Counter)
    per_project: dict[str, Counter[str]] = field(default_factory=dict)
    coverage: dict[str, Counter[str]] = field(default_factory=dict)
    crashes: list[str] = field(default_factory=list)

    def add(self, project: str, stdout: str, stderr: str) -> None:
        """Count one project's pylint output."""
        counts = self.per_project.setdefault(project, Counter())
        cover = self.coverage.setdefault(project, Counter())
        for raw in stdout.splitlines():
            match = LINE.match(raw)
            if not match:
                continue
            symbol = match["symbol"]
            if symbol == "tfvarlint-coverage":
                info = dict(item.split("=", 1) for item in match["msg"].split() if "=" in item)
                cover["modules"] += 1
                cover["classes"] += int(info["classes"])
                cover["traced"] += int(info["traced"])
                continue
            if symbol in CRASH_SYMBOLS:
                self.crashes.append(raw)
            elif not PLUGIN_IDS.match(match["id"]):
                continue  # e.g. W0012 on the corpus's own pylint pragmas
            self.findings.append(raw)
            counts[symbol] += 1
            self.per_message[f"{match['id']} {symbol}"] += 1
        self.crashes.extend(
            f"{project}: stderr: {line}"
            for line in stderr.splitlines()
            if "Traceback" in line or "tfvarlint: internal error" in line
        )

    def report(self, coverage: bool) -> None:
        """Print the markdown tables of docs/real-world.md."""
        symbols = sorted({symbol for counts in self.per_project.values() for symbol in counts})
        print("\n| project | files | " + "".join(f"{symbol} | " for symbol in symbols) + "total |")
        print("|---|---:|" + "---:|" * (len(symbols) + 1))
        for project, counts in self.per_project.items():
            cells = "".join(f"{counts.get(symbol, 0)} | " for symbol in symbols)
            print(f"| {project} | {self.files[project]} | {cells}{sum(counts.values())} |")
        print("\nper message:")
        for key, value in sorted(self.per_message.items()):
            print(f"  {key}: {value}")
        if coverage:
            print("\n| project | TF/Keras modules | classes with a role | traced bodies |")
            print("|---|---:|---:|---:|")
            for project, cover in self.coverage.items():
                print(
                    f"| {project} | {cover['modules']} | {cover['classes']} | {cover['traced']} |"
                )
        print(f"\ncrashes: {len(self.crashes)}")
        for crash in self.crashes:
            print(f"  {crash}")


def read_manifest(corpus: Path, only: list[str]) -> dict[str, list[str]]:
    """Files to lint per project, as paths relative to the corpus."""
    projects: dict[str, list[str]] = defaultdict(list)
    for row in (corpus / "MANIFEST.txt").read_text(encoding="utf-8").splitlines():
        project, role, _where, _pin, path = row.split("\t")
        if role == "lint" and (not only or project in only):
            projects[project].append(f"{project}/{path}")
    return projects


def main(argv: list[str] | None = None) -> int:
    """Lint every project of the corpus, print the tables, exit 1 on any crash."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--coverage", action="store_true")
    parser.add_argument("--only", action="append", default=[], metavar="PROJECT")
    args = parser.parse_args(argv)

    args.out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    for project, files in read_manifest(args.corpus, args.only).items():
        stdout, stderr = lint(files, args.corpus, args.coverage, args.jobs)
        (args.out / f"{project}.stderr").write_text(stderr, encoding="utf-8")
        tally.files[project] = len(files)
        tally.add(project, stdout, stderr)
        found = sum(tally.per_project[project].values())
        print(f"{project:14} {len(files):5} files  {found:4} findings", flush=True)
    (args.out / "findings.txt").write_text("\n".join(tally.findings) + "\n", encoding="utf-8")
    tally.report(args.coverage)
    return 1 if tally.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
