#!/usr/bin/env python3
"""What tfvarlint costs where users run it: with TensorFlow installed and without (issue 14).

A script, not a test. Third-party code is extracted into a scratch directory, never committed::

    python benchmarks/bench_tf.py --keras-io /work/.mirror/chenmoneygithub+keras-io/repo \\
        --tf-python /work/venv/bin/python --notf-python /work/venv-notf/bin/python \\
        --src src --json /tmp/bench_tf.json

keras.io examples are read from the pinned fork of ``benchmarks/corpus/sources.txt`` (the
``TensorFlow``-using ``examples/`` files sorted by path, as ``augment_counts.py`` takes them;
``--sizes`` takes the first N), each a standalone script in one flat directory. For every
size and environment, configurations alternate in pairs (the order rotates each round), and
each round gives one ratio to default pylint; the median, min and max of those ratios are
reported, so a busy machine (other jobs share the CPUs) moves both sides of a pair alike:

- ``plain``: default pylint (all default checkers, ``-j 1``, empty rc file);
- ``plugin``: ``--load-plugins=tfvarlint`` (augment on: the default);
- ``cold``: the plugin with its skeleton cache off (``TFVARLINT_NO_CACHE=1``): what a first
  run, or a run with Keras or tfvarlint just upgraded, pays (``plugin`` reads the cache that
  an untimed run wrote; the children's ``PYLINTHOME`` is a scratch directory);
- ``noaug``: the plugin with ``--tfvarlint-augment=n``;
- ``keras`` (with TensorFlow only): default pylint on the same files rewritten to
  ``import keras`` (:func:`rewrite_to_keras`): what being right about Keras costs natively.

``--package`` adds a non-TF package (a directory of ``.py`` files; default: the ``packaging``
distribution of the TF interpreter's site-packages, copied). Part (b) compares the plugin alone
(``--disable=all --enable=tfvarlint``) with astroid's parse floor (see ``bench.py``) on a mixed
corpus (``--mixed``: keras.io, Keras and tf-keras layers, small user projects).
CPU time is the child processes' user + system time (``RUSAGE_CHILDREN``).

``--instructions`` counts instructions instead (valgrind's callgrind, ``PYTHONHASHSEED=0``),
one run per configuration, the configurations of a corpus in parallel: a count does not move
with the machine's load, so it resolves differences of a percent that CPU-time pairs on a
shared machine cannot (their ratios spread by 20 % and more). It measures work, not time: the
garbage collector's walks over astroid's trees cost more time per instruction than the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# pylint: disable=wrong-import-position
from augment_counts import collect as collect_keras_io  # noqa: E402
from bench import (  # noqa: E402
    child_run,
    collect,
    count_instructions,
    describe_python,
    run_args,
    warm_up,
)

KERAS_IO_REV = "274278c55b204acbf9438ae7130f3edff58a7e41"  # benchmarks/corpus/sources.txt
CONFIGS: dict[str, list[str]] = {
    "plain": [],
    "plugin": ["--load-plugins=tfvarlint"],
    "cold": ["--load-plugins=tfvarlint"],
    "noaug": ["--load-plugins=tfvarlint", "--tfvarlint-augment=n"],
    "keras": [],  # on the ``import keras`` copies
    "alone": ["--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint"],
    "floor": ["--disable=all", "--enable=syntax-error"],
}
CONFIG_ENV: dict[str, dict[str, str]] = {"cold": {"TFVARLINT_NO_CACHE": "1"}}


def rewrite_to_keras(text: str) -> str:
    """``from tensorflow import keras`` / ``tf.keras.x`` / ``tensorflow.keras`` -> ``keras``."""
    out = re.sub(
        r"^(\s*)from tensorflow import keras\b", r"\1import keras", text, flags=re.MULTILINE
    )
    out = re.sub(r"^(\s*)from tensorflow\.keras\b", r"\1from keras", out, flags=re.MULTILINE)
    out = re.sub(r"^(\s*)import tensorflow\.keras\b", r"\1import keras", out, flags=re.MULTILINE)
    new = re.sub(r"\btf\.keras\.", "keras.", out)
    if new != out and not re.search(r"^import keras\s*$", new, flags=re.MULTILINE):
        new = re.sub(
            r"^(import tensorflow as tf\s*)$", r"\1\nimport keras", new, count=1, flags=re.MULTILINE
        )
    return new


def flat_copy(files: list[Path], root: Path, out: Path, keras: bool = False) -> list[Path]:
    """Copy ``files`` into ``out`` under unique flat names (optionally rewritten)."""
    out.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in files:
        target = out / "_".join(path.relative_to(root).parts)
        text = path.read_text(encoding="utf-8", errors="replace")
        target.write_text(rewrite_to_keras(text) if keras else text, encoding="utf-8")
        copied.append(target)
    return copied


def warm_cache(python: str, configs: dict[str, list[Path]], scratch: Path, src: str | None) -> None:
    """An untimed ``plugin`` run, where there is one: it writes the skeleton cache ``plugin``
    reads (``alone`` has core messages off: the augment builds no skeleton there)."""
    if "plugin" in configs:
        run_args(python, CONFIGS["plugin"], configs["plugin"], scratch, src, label="plugin")


def paired(  # noqa: PLR0917
    python: str,
    configs: dict[str, list[Path]],
    runs: int,
    scratch: Path,
    src: str | None,
    label: str,
) -> dict[str, list[float]]:
    """CPU seconds of each configuration, ``runs`` alternating rounds."""
    names = list(configs)
    cpu: dict[str, list[float]] = {name: [] for name in names}
    warm_cache(python, configs, scratch, src)
    for round_no in range(runs):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            sample = run_args(
                python, CONFIGS[name], configs[name], scratch, src, name, CONFIG_ENV.get(name)
            )
            cpu[name].append(sample.cpu)
            print(f"  [{label}] {round_no + 1}/{runs} {name:6} {sample.cpu:7.2f}s", file=sys.stderr)
    return cpu


def counted(  # noqa: PLR0917
    python: str,
    configs: dict[str, list[Path]],
    scratch: Path,
    src: str | None,
    label: str,
    base: str,
) -> dict[str, dict[str, float]]:
    """Instructions of one run of each configuration (callgrind; in parallel, one per CPU:
    a count does not depend on the load), and each count's ratio to ``base``'s."""
    warm_cache(python, configs, scratch, src)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = {
            name: pool.submit(
                count_instructions,
                *child_run(python, CONFIGS[name], files, scratch, src, CONFIG_ENV.get(name)),
                scratch,
                name,
            )
            for name, files in configs.items()
        }
        counts = {name: future.result() for name, future in futures.items()}
    for name, count in counts.items():
        print(f"  [{label}] {name:6} {count / 1e9:8.3f}G instructions", file=sys.stderr)
    return {
        name: {"instructions": count, "ratio": round(count / counts[base], 4)}
        for name, count in counts.items()
    }


def ratios(cpu: dict[str, list[float]], base: str) -> dict[str, dict[str, float]]:
    """Per configuration: median/min/max of the per-round ratio to ``base``, and its CPU."""
    out = {}
    for name, values in cpu.items():
        per_round = [value / ref for value, ref in zip(values, cpu[base], strict=True)]
        out[name] = {
            "median_ratio": round(statistics.median(per_round), 3),
            "min_ratio": round(min(per_round), 3),
            "max_ratio": round(max(per_round), 3),
            "median_cpu": round(statistics.median(values), 2),
        }
    return out


def default_package(python: str, scratch: Path) -> list[Path]:
    """A copy of the ``packaging`` distribution (pure Python, no TF) of ``python``."""
    import subprocess  # pylint: disable=import-outside-toplevel

    where = subprocess.run(
        [python, "-c", "import packaging, os; print(os.path.dirname(packaging.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    target = scratch / "pkg" / "packaging"
    shutil.copytree(where, target, ignore=shutil.ignore_patterns("__pycache__"))
    return sorted(target.rglob("*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--keras-io", type=Path, required=True, help="keras-io git directory")
    parser.add_argument("--rev", default=KERAS_IO_REV)
    parser.add_argument("--tf-python", default="/work/venv/bin/python")
    parser.add_argument("--notf-python", default="/work/venv-notf/bin/python")
    parser.add_argument("--envs", default="tf,notf", help="which environments")
    parser.add_argument("--src", help="a checkout's src/ to lint with (PYTHONPATH)")
    parser.add_argument("--sizes", default="1,10,40")
    parser.add_argument("--runs", type=int, default=5, help="alternating rounds (>= 5)")
    parser.add_argument("--keras-sizes", default="1,10", help="sizes with the keras config")
    parser.add_argument("--package", type=Path, help="non-TF package dir (default: packaging)")
    parser.add_argument("--no-package", action="store_true", help="skip the non-TF package")
    parser.add_argument(
        "--mixed", nargs="*", default=[], help="extra .py files/dirs/globs for part (b)"
    )
    parser.add_argument("--mixed-keras-io", type=int, default=40)
    parser.add_argument("--parts", default="ab", help="a: pylint pairs, b: alone vs floor")
    parser.add_argument(
        "--configs",
        default="plain,plugin,cold,noaug,keras",
        help="which configurations of part (a) (plain, the base of the ratios, always runs)",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind (one run per configuration) instead of CPU time",
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    src = str(Path(args.src).resolve()) if args.src else None
    pythons = {"tf": args.tf_python, "notf": args.notf_python}
    envs = [env for env in args.envs.split(",") if env]
    sizes = [int(size) for size in args.sizes.split(",") if size]
    keras_sizes = {int(size) for size in args.keras_sizes.split(",") if size}
    chosen = set(args.configs.split(","))
    result: dict = {
        "machine": f"{platform.machine()}, {platform.processor() or '?'}, {os.cpu_count()} CPUs",
        "environments": {env: describe_python(pythons[env]) for env in envs},
        "runs": 1 if args.instructions else args.runs,
        "measure": "instructions (callgrind)" if args.instructions else "CPU time",
    }
    print(json.dumps(result, indent=1), file=sys.stderr)
    for env in envs:
        warm_up(pythons[env], src)

    with tempfile.TemporaryDirectory(prefix="tfvarlint-bench-tf-") as tmp:
        scratch = Path(tmp)
        os.environ["PYLINTHOME"] = str(scratch / "pylinthome")  # the children's caches
        examples = collect_keras_io(args.keras_io.resolve(), args.rev, scratch / "git")
        root = scratch / "git" / "src"
        largest = max([*sizes, args.mixed_keras_io])
        plain = flat_copy(examples[:largest], root, scratch / "kio")
        rewritten = flat_copy(examples[:largest], root, scratch / "kio_keras", keras=True)
        package = collect([str(args.package)], []) if args.package else None
        if "a" in args.parts:
            for env in envs:
                corpora = [(f"keras-io {n}", plain[:n], rewritten[:n], n) for n in sizes]
                if not args.no_package:
                    pkg = package or default_package(pythons[env], scratch / env)
                    corpora.append((f"package {pkg[0].parent.name} ({len(pkg)})", pkg, None, 0))
                for name, files, keras_files, size in corpora:
                    configs = dict.fromkeys(("plain", "plugin", "cold", "noaug"), files)
                    if env == "tf" and keras_files and size in keras_sizes:
                        configs["keras"] = keras_files
                    configs = {k: v for k, v in configs.items() if k == "plain" or k in chosen}
                    label = f"{env} {name}"
                    if args.instructions:
                        row = counted(pythons[env], configs, scratch, src, label, "plain")
                    else:
                        cpu = paired(pythons[env], configs, args.runs, scratch, src, label)
                        row = ratios(cpu, "plain")
                    result.setdefault("a", {}).setdefault(env, {})[name] = row
                    print(f"(a) {env} {name}: " + json.dumps(row))
        if "b" in args.parts:
            mixed = plain[: args.mixed_keras_io] + collect(args.mixed, ["*_test.py"])
            for env in envs:
                configs = dict.fromkeys(("floor", "alone"), mixed)
                if args.instructions:
                    row = counted(pythons[env], configs, scratch, src, f"{env} mixed", "floor")
                else:
                    cpu = paired(pythons[env], configs, args.runs, scratch, src, f"{env} mixed")
                    row = ratios(cpu, "floor")
                result.setdefault("b", {})[env] = {"files": len(mixed), **row}
                print(f"(b) {env} mixed {len(mixed)} files: " + json.dumps(row))
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
