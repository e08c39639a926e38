#!/usr/bin/env python3
"""Count core pylint's false TF/Keras messages on real code, with and without tfvarlint.

Measures what ``tfvarlint.augment`` changes (issue 9). Run it with a Python that has
TensorFlow, pylint and tfvarlint installed (otherwise nothing resolves either way)::

    /work/venv-tf/bin/python benchmarks/augment_counts.py \
        /work/.mirror/chenmoneygithub+keras-io/repo \
        --rev 274278c55b204acbf9438ae7130f3edff58a7e41 --limit 40

SOURCE is a directory of Python files (``examples/`` below it is used when present) or a
git directory (bare or not), read blob by blob at ``--rev`` (``examples/`` only when the tree
has one): third-party code is never committed, only this script. Files that import
TensorFlow are linted, sorted by path (``--limit`` keeps the first N), three times, each a
fresh ``python -m pylint`` with all default messages and no configuration file:

- ``stock``: pylint alone;
- ``plugin``: ``--load-plugins=tfvarlint`` (``tfvarlint-augment`` on by default);
- ``plugin-noaug``: the plugin with ``--tfvarlint-augment=n`` (isolates the augment's cost).

It reports the false-message kinds of issue 9 (E0401/E0611/E1101 about ``tensorflow.keras``,
W0201 for attributes set in ``build()``/``compile()``), every message symbol whose count
changes, the CPU and wall time of each run, and whether seeded real mistakes (a misspelt
``tf.keras.layers.Dens``, a missing ``tensorflow.keras`` submodule, an attribute first set in
``call()``) are still reported with the plugin. ``--json FILE`` writes all of it.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

RUNS = {
    "stock": [],
    "plugin": ["--load-plugins=tfvarlint"],
    "plugin-noaug": ["--load-plugins=tfvarlint", "--tfvarlint-augment=n"],
}
_TF_IMPORT = re.compile(r"^\s*(import tensorflow|from tensorflow[ .])", re.MULTILINE)
_ABOUT_TF_KERAS = re.compile(
    r"tensorflow\.keras|No name 'keras' in module 'tensorflow'|"
    r"Module 'tensorflow' has no 'keras' member"
)
_BUILDERS = {"build", "compile"}

SEED_NAME = "zz_seeded_mistakes.py"
SEED = '''"""Seeded real mistakes: each must still be reported with tfvarlint loaded."""
import tensorflow as tf
from tensorflow.keras import layerz  # E0611: no such module
import tensorflow.keras.nolayers  # E0401: no such submodule

x = tf.keras.layers.Dens(3)  # E1101: misspelt Dense


class Scale(tf.keras.layers.Layer):
    """A layer that sets an attribute first in call()."""

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1],))

    def call(self, inputs):
        self.last = inputs  # W0201: not build()
        return inputs * self.w


print(layerz, tf.keras.nolayers, x, Scale)
'''
# (symbol, line) the seeded file must still produce with the plugin.
SEED_EXPECT = [
    ("no-name-in-module", 3),
    ("import-error", 4),
    ("no-member", 6),
    ("attribute-defined-outside-init", 16),
]


def collect(source: Path, rev: str, out: Path) -> list[Path]:
    """Copy the TensorFlow-using example files of ``source`` into ``out``."""
    if (source / "HEAD").is_file() or (source / ".git").exists():
        root = out / "src"
        git = ["git", f"--git-dir={_git_dir(source)}"]
        listing = subprocess.run(
            [*git, "ls-tree", "-r", "--name-only", rev],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split("\n")
        wanted = [p for p in listing if p.endswith(".py")]
        if any(p.startswith("examples/") for p in wanted):
            wanted = [p for p in wanted if p.startswith("examples/")]
        for path in wanted:  # blob by blob: a snapshot may lack its large binary files
            blob = subprocess.run(
                [*git, "show", f"{rev}:{path}"], check=True, capture_output=True
            ).stdout
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
    else:
        root = source
    base = root / "examples" if (root / "examples").is_dir() else root
    return sorted(
        p
        for p in base.rglob("*.py")
        if _TF_IMPORT.search(p.read_text(encoding="utf-8", errors="replace"))
    )


def _git_dir(source: Path) -> Path:
    return source / ".git" if (source / ".git").exists() else source


def flatten(files: list[Path], root: Path, out: Path) -> list[Path]:
    """One directory, unique names, no packages: each example is a standalone script."""
    out.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in files:
        name = "_".join(path.relative_to(root).parts)
        target = out / name
        target.write_bytes(path.read_bytes())
        copied.append(target)
    seed = out / SEED_NAME
    seed.write_text(SEED, encoding="utf-8")
    return [*copied, seed]


def run_pylint(extra: list[str], files: list[Path], cwd: Path, jobs: int) -> tuple[list, dict]:
    rcfile = cwd / "empty.rc"
    rcfile.write_text("[MAIN]\n", encoding="utf-8")
    cmd = [
        sys.executable,
        "-m",
        "pylint",
        f"--rcfile={rcfile}",
        "--output-format=json2",
        "--reports=n",
        "--score=n",
        f"--jobs={jobs}",
        *extra,
        *[f.name for f in files],
    ]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", PYTHONDONTWRITEBYTECODE="1")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode & 1 or proc.returncode >= 32:  # fatal or usage error
        raise SystemExit(f"pylint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    if "Traceback" in proc.stderr:
        print(f"warning: traceback on stderr:\n{proc.stderr[-2000:]}", file=sys.stderr)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    messages = json.loads(proc.stdout)["messages"]
    return messages, {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}


def _builder_lines(path: Path, cache: dict[Path, set[int]]) -> set[int]:
    """Lines inside ``build``/``compile`` methods defined directly in a class."""
    if path not in cache:
        lines: set[int] = set()
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except SyntaxError:
            tree = ast.Module(body=[], type_ignores=[])
        for cls in ast.walk(tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for item in cls.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                    item.name in _BUILDERS
                ):
                    lines.update(range(item.lineno, (item.end_lineno or item.lineno) + 1))
        cache[path] = lines
    return cache[path]


def classify(messages: list[dict], cwd: Path) -> Counter:
    """Issue 9's kinds, plus every symbol."""
    kinds: Counter = Counter()
    cache: dict[Path, set[int]] = {}
    for msg in messages:
        if Path(msg["path"]).name == SEED_NAME:
            continue
        symbol, text = msg["symbol"], msg["message"]
        kinds[f"all:{symbol}"] += 1
        if symbol in ("import-error", "no-name-in-module", "no-member"):
            if _ABOUT_TF_KERAS.search(text):
                kinds[f"tf.keras:{symbol}"] += 1
        elif symbol == "attribute-defined-outside-init":
            where = (
                "build/compile"
                if msg["line"] in _builder_lines(cwd / msg["path"], cache)
                else "other"
            )
            kinds[f"W0201:{where}"] += 1
    return kinds


def seeded(messages: list[dict]) -> dict[str, bool]:
    found = {(m["symbol"], m["line"]) for m in messages if Path(m["path"]).name == SEED_NAME}
    return {f"{symbol}@{line}": (symbol, line) in found for symbol, line in SEED_EXPECT}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("source", type=Path, help="directory of .py files, or a git directory")
    parser.add_argument("--rev", default="HEAD", help="git revision (git sources only)")
    parser.add_argument("--limit", type=int, default=0, help="lint only the first N files")
    parser.add_argument("--jobs", type=int, default=1, help="pylint --jobs")
    parser.add_argument("--runs", default=",".join(RUNS), help="which runs, comma-separated")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument(
        "--show", default="", help="print these symbols' messages of each run (comma-separated)"
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="augment-counts-") as tmp:
        tmpdir = Path(tmp)
        files = collect(options.source.resolve(), options.rev, tmpdir)
        if options.limit:
            files = files[: options.limit]
        if not files:
            raise SystemExit(f"no TensorFlow-using .py files under {options.source}")
        root = Path(os.path.commonpath([f.parent for f in files]))
        lint_dir = tmpdir / "lint"
        lint_files = flatten(files, root, lint_dir)
        results: dict = {"files": len(files), "runs": {}}
        for name in options.runs.split(","):
            messages, cost = run_pylint(RUNS[name], lint_files, lint_dir, options.jobs)
            results["runs"][name] = {
                **cost,
                "counts": dict(sorted(classify(messages, lint_dir).items())),
                "seeded_still_reported": seeded(messages),
            }
            print(f"{name}: {len(messages)} messages, {cost}", file=sys.stderr)
            for msg in messages:
                if msg["symbol"] in options.show.split(","):
                    print(
                        f"  {name} {msg['path']}:{msg['line']}: {msg['message']}", file=sys.stderr
                    )

    report(results)
    if options.json:
        options.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def report(results: dict) -> None:
    runs = results["runs"]
    names = list(runs)
    print(f"# {results['files']} files (+1 seeded file, not counted)\n")
    keys = sorted({k for r in runs.values() for k in r["counts"]})
    focus = [k for k in keys if not k.startswith("all:")]
    changed = [
        k
        for k in keys
        if k.startswith("all:") and len({runs[n]["counts"].get(k, 0) for n in names}) > 1
    ]
    header = "| count | " + " | ".join(names) + " |"
    rule = "|---|" + "---|" * len(names)
    for title, rows in (("issue 9 kinds", focus), ("symbols whose count changes", changed)):
        print(f"## {title}\n\n{header}\n{rule}")
        for key in rows:
            print(
                f"| {key} | " + " | ".join(str(runs[n]["counts"].get(key, 0)) for n in names) + " |"
            )
        print()
    print("## cost\n\n| run | cpu s | wall s |\n|---|---|---|")
    for name in names:
        print(f"| {name} | {runs[name]['cpu_s']} | {runs[name]['wall_s']} |")
    print("\n## seeded mistakes still reported\n")
    for name in names:
        print(f"- {name}: {runs[name]['seeded_still_reported']}")


if __name__ == "__main__":
    sys.exit(main())
