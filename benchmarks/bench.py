#!/usr/bin/env python3
"""CPU cost of tfvarlint on a real corpus (a script, not a test).

Usage (corpus assembled as ``benchmarks/corpus.txt`` says; third-party code stays outside
the repository)::

    python benchmarks/bench.py --python /work/venv-lint/bin/python \\
        /work/corpus-bench/keras/keras/src/layers \\
        '/work/corpus-bench/transformers/transformers/**/modeling_tf_*.py'

Each PATH is a ``.py`` file, a directory (all ``.py`` files below it) or a glob (``**``
allowed). Every measurement is the CPU time (user + system) of the pylint child process,
read from ``resource.getrusage(RUSAGE_CHILDREN)``; each configuration runs ``--runs``
times, the configurations alternating round by round (the order rotates), and the
minimum is kept. Measured:

(a) plain pylint (its default checks) vs the same run with ``--load-plugins=tfvarlint``:
    the plugin's overhead in percent (target: at most 2%);
(b) the plugin alone (``--disable=all --enable=tfvarlint``) vs astroid's parse floor
    (``--disable=all --enable=syntax-error``: an always-silent message, since a bare
    ``--disable=all`` lints nothing): the ratio (target: at most 1.10);
(c) the plugin alone and the floor on growing subsets (``--sizes``, nested random samples
    of the corpus): CPU per file, and the plugin's own share, should stay flat (linear).

pylint runs with ``-j 1``, ``--persistent=n``, an empty rc file and a scratch working
directory, so no project configuration is picked up. A run that crashes (fatal, usage
error, or a ``tfvarlint: internal error`` line) stops the benchmark.
"""

from __future__ import annotations

import argparse
import fnmatch
import glob
import itertools
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PLUGIN_MESSAGE = re.compile(r": [EW]73\d\d: ")  # tfvarlint's message ids
FLOOR_MESSAGE = "syntax-error"  # emitted by the linter itself; silent on valid code

CONFIGS: dict[str, list[str]] = {
    "plain": [],
    "plugin": ["--load-plugins=tfvarlint"],
    "alone": ["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint"],
    "floor": ["--disable=all", f"--enable={FLOOR_MESSAGE}"],
}


@dataclass
class Sample:
    cpu: float
    messages: int


def collect(paths: list[str], exclude: list[str]) -> list[Path]:
    files: set[Path] = set()
    for raw in paths:
        if any(ch in raw for ch in "*?["):
            matches = [Path(m) for m in glob.glob(raw, recursive=True)]  # noqa: PTH207
        else:
            matches = [Path(raw)]
        for path in matches:
            if path.is_dir():
                files.update(p for p in path.rglob("*.py") if p.is_file())
            elif path.suffix == ".py" and path.is_file():
                files.add(path)
    kept = (p for p in files if not any(fnmatch.fnmatch(p.name, pat) for pat in exclude))
    return sorted(p.resolve() for p in kept)


def run_pylint(
    python: str, config: str, files: list[Path], scratch: Path, src: str | None = None
) -> Sample:
    """One pylint run of configuration ``config`` (see :data:`CONFIGS`)."""
    return run_args(python, CONFIGS[config], files, scratch, src, label=config)


def run_args(  # noqa: PLR0917
    python: str,
    extra: list[str],
    files: list[Path],
    scratch: Path,
    src: str | None = None,
    label: str = "",
    env_extra: dict[str, str] | None = None,
) -> Sample:
    """CPU time (user + system, ``RUSAGE_CHILDREN``) of one ``python -m pylint`` run.

    ``src``: put this directory first on ``PYTHONPATH`` (a checkout's ``src``), else the
    installed tfvarlint is used. ``env_extra``: more environment variables for the child.
    """
    cmd, env = child_run(python, extra, files, scratch, src, env_extra)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, cwd=scratch, env=env, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    check_run(proc, label)
    messages = len(PLUGIN_MESSAGE.findall(proc.stdout))
    return Sample(cpu, messages)


def child_run(  # noqa: PLR0917
    python: str,
    extra: list[str],
    files: list[Path],
    scratch: Path,
    src: str | None = None,
    env_extra: dict[str, str] | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The command and environment of one child: ``python -m pylint -j 1`` with an empty rc
    file, no persistence and ``extra`` options; see :func:`child_env` for ``src``."""
    rcfile = scratch / "empty.rc"
    if not rcfile.exists():
        rcfile.write_text("", encoding="utf-8")
    cmd = [
        python, "-m", "pylint", "-j", "1", f"--rcfile={rcfile}", "--persistent=n",
        "--reports=n", "--score=n", *extra, *map(str, files),
    ]  # fmt: skip
    return cmd, {**child_env(src), **(env_extra or {})}


def check_run(proc: subprocess.CompletedProcess[str], label: str) -> None:
    """Stop the benchmark where pylint crashed (fatal or error exit bits, an internal error)."""
    if proc.returncode & (1 | 32) or "tfvarlint: internal error" in proc.stderr:
        sys.exit(f"pylint {label} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")


_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count_instructions(cmd: list[str], env: dict[str, str], scratch: Path, label: str) -> int:
    """Instructions the child run ``cmd`` (from :func:`child_run`) executes, counted by
    valgrind's callgrind.

    Unlike CPU time, the count does not move with the machine's load or clock: the same
    interpreter, files and hash seed (``PYTHONHASHSEED=0``) give the same count within a
    fraction of a percent, so one run per configuration is enough (about 50x slower than a
    plain run). It counts work, not time: memory-bound work such as the garbage collector's
    walks over astroid's trees takes more time per instruction than the average.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("--instructions needs valgrind (Debian: apt-get install valgrind)")
    counted = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd]
    env = {**env, "PYTHONHASHSEED": "0"}
    proc = subprocess.run(
        counted, cwd=scratch, env=env, capture_output=True, text=True, check=False
    )
    check_run(proc, label)
    found = _COLLECTED.findall(proc.stderr)
    if not found:
        sys.exit(f"valgrind printed no instruction count for {label}:\n{proc.stderr[-3000:]}")
    return int(found[-1])


def child_env(src: str | None = None) -> dict[str, str]:
    """The environment of a pylint child: bytecode caching on, as in a user's install.

    ``PYTHONDONTWRITEBYTECODE`` (set in some sandboxes) would make every child compile
    tfvarlint's sources again, a fixed cost per process that an installed plugin (whose
    ``.pyc`` files pip writes) never pays; :func:`warm_up` writes them once beforehand.
    """
    env = {**os.environ, "TFVARLINT_DEBUG": "0", "TF_CPP_MIN_LOG_LEVEL": "2"}
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if src:
        env["PYTHONPATH"] = src
    return env


def warm_up(python: str, src: str | None = None) -> None:
    """Import the plugin once, so that its bytecode is cached before anything is timed."""
    subprocess.run(
        [python, "-c", "import tfvarlint, tfvarlint.checker, tfvarlint.cli"],
        env=child_env(src), capture_output=True, check=False,
    )  # fmt: skip


def measure(  # noqa: PLR0917
    python: str, configs: list[str], files: list[Path], runs: int, scratch: Path, label: str
) -> dict[str, list[Sample]]:
    samples: dict[str, list[Sample]] = {config: [] for config in configs}
    for round_no in range(runs):
        shift = round_no % len(configs)
        for config in configs[shift:] + configs[:shift]:
            sample = run_pylint(python, config, files, scratch)
            samples[config].append(sample)
            print(
                f"  [{label}] run {round_no + 1}/{runs} {config:6} {sample.cpu:8.2f}s cpu "
                f"{sample.messages} tfvarlint messages",
                file=sys.stderr,
                flush=True,
            )
    return samples


def best(samples: list[Sample]) -> float:
    return min(sample.cpu for sample in samples)


def describe_python(python: str) -> str:
    code = (
        "import importlib.metadata as m, platform\n"
        "def v(d):\n"
        "    try: return m.version(d)\n"
        "    except m.PackageNotFoundError: return 'absent'\n"
        "print(platform.python_version(), *(f'{d}={v(d)}' for d in "
        "('pylint','astroid','tensorflow','keras','tf-keras','tfvarlint')))"
    )
    out = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return "Python " + out.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("paths", nargs="+", help=".py files, directories or globs")
    parser.add_argument("--python", default=sys.executable, help="interpreter with pylint")
    parser.add_argument(
        "--exclude", action="append", default=[], help="file-name glob to leave out (repeatable)"
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per configuration (>= 5)")
    parser.add_argument("--sizes", default="100,200,400", help="subset sizes for (c)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the subset sampling")
    parser.add_argument("--parts", default="abc", help="which of a, b, c to run")
    parser.add_argument(
        "--a-files",
        type=int,
        default=0,
        help="lint only this many files (a nested random sample) in (a), whose full pylint "
        "runs are the slow part; 0: the whole corpus",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    files = collect(args.paths, args.exclude)
    if not files:
        parser.error("no .py file found")
    order = list(files)
    random.Random(args.seed).shuffle(order)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    lines = sum(len(f.read_bytes().splitlines()) for f in files)
    env = describe_python(args.python)
    print(f"corpus: {len(files)} files, {lines} lines; {env}; {platform.machine()}")
    result: dict[str, object] = {"files": len(files), "lines": lines, "environment": env}

    warm_up(args.python)
    with tempfile.TemporaryDirectory(prefix="tfvarlint-bench-") as tmp:
        scratch = Path(tmp)
        (scratch / "empty.rc").write_text("", encoding="utf-8")
        if "a" in args.parts:
            a_files = sorted(order[: args.a_files]) if args.a_files else files
            got = measure(args.python, ["plain", "plugin"], a_files, args.runs, scratch, "a")
            plain, plugin = best(got["plain"]), best(got["plugin"])
            overhead = 100.0 * (plugin - plain) / plain
            result["a"] = {
                "files": len(a_files), "plain": plain, "plugin": plugin,
                "overhead_percent": overhead,
            }  # fmt: skip
            print(
                f"(a) {len(a_files)} files: plain pylint {plain:.2f}s, "
                f"with tfvarlint {plugin:.2f}s: "
                f"overhead {overhead:+.1f}% (target <= 2%)"
            )
        if "b" in args.parts:
            got = measure(args.python, ["alone", "floor"], files, args.runs, scratch, "b")
            alone, floor = best(got["alone"]), best(got["floor"])
            result["b"] = {"alone": alone, "floor": floor, "ratio": alone / floor}
            print(
                f"(b) tfvarlint alone {alone:.2f}s, parse floor {floor:.2f}s: "
                f"ratio {alone / floor:.3f}x (target <= 1.10x); "
                f"{got['alone'][0].messages} tfvarlint messages"
            )
        if "c" in args.parts:
            growth = []
            for size in sizes:
                subset = sorted(order[:size])
                got = measure(
                    args.python, ["alone", "floor"], subset, args.runs, scratch, f"c{size}"
                )
                alone, floor = best(got["alone"]), best(got["floor"])
                n_lines = sum(len(f.read_bytes().splitlines()) for f in subset)
                growth.append(
                    {"files": len(subset), "lines": n_lines, "alone": alone, "floor": floor}
                )
                print(
                    f"(c) {len(subset):4} files {n_lines:7} lines: alone {alone:7.2f}s "
                    f"({1000 * alone / len(subset):6.1f} ms/file), floor {floor:7.2f}s, "
                    f"plugin share {alone - floor:6.2f}s "
                    f"({1000 * (alone - floor) / len(subset):5.1f} ms/file), "
                    f"ratio {alone / floor:.3f}x"
                )
            result["c"] = growth
            # pylint's start-up is a fixed cost: linear growth shows as a steady marginal
            # cost per added file (and per added line) between the sizes.
            for small, big in itertools.pairwise(growth):
                added, added_lines = big["files"] - small["files"], big["lines"] - small["lines"]
                for config in ("alone", "floor"):
                    delta = big[config] - small[config]
                    print(
                        f"(c) {small['files']}->{big['files']} files, {config:5}: "
                        f"+{delta:.2f}s, {1000 * delta / added:.1f} ms/file, "
                        f"{1000 * delta / max(added_lines, 1) * 1000:.0f} us/kline"
                    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
