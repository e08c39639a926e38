#!/usr/bin/env python3
"""Extract the non-keras.io part of the mixed speed corpus from fetched mirrors (issue 14).

Third-party code is never committed: this script copies the files, each as a standalone
file under a flat name, from git mirrors at pinned commits::

    python benchmarks/mixed_corpus.py --mirrors /work/.mirror --out /tmp/mixed
    python benchmarks/bench_tf.py ... --mixed /tmp/mixed --mixed-keras-io 20

The corpus: every fifth non-test module of ``keras/src/layers`` and of ``tf_keras/layers``
(sorted by path, the first 30 of each), and four small user projects (the files of
:data:`PROJECTS`). ``bench_tf.py`` adds the first ``--mixed-keras-io`` keras.io examples.
A mirror directory is ``<mirrors>/<owner>+<name>/repo`` (a bare repository, or a clone with
``.git``), as the ``fetch`` tool makes them.
"""

from __future__ import annotations

import argparse
import fnmatch
import subprocess
import sys
from pathlib import Path

# (repository, commit, globs, take every n-th file, at most this many)
PROJECTS: list[tuple[str, str, tuple[str, ...], int, int]] = [
    ("keras-team/keras", "3422977a5e38fb2f7709aaa9a08e47f0c43d0f60",
     ("keras/src/layers/*.py",), 5, 30),
    ("keras-team/tf-keras", "dd0a7237b9b24132dba3f491f3c84b0094ab796e",
     ("tf_keras/layers/*.py",), 5, 30),
    ("calmiLovesAI/Basic_CNNs_TensorFlow2", "f063c84451f12e904f9c91c51278be52afccb0c2",
     ("models/*.py",), 1, 0),
    ("Rishit-dagli/Perceiver", "ca449601bc25aa7ff8a4250a8f7bd618fcc286c4",
     ("perceiver/*.py",), 1, 0),
    ("CyberZHG/keras-self-attention", "f3bf21dbb1f3251b5417a8bb254dd91807b1aec5",
     ("keras_self_attention/*.py",), 1, 0),
    ("koshian2/OctConv-TFKeras", "6cf3501d9a3562547aea9360a863e2d3f4f4642d",
     ("oct_conv2d.py",), 1, 0),
]  # fmt: skip


def git_dir(mirrors: Path, repo: str) -> Path:
    """The git directory of ``repo``'s mirror."""
    base = mirrors / repo.replace("/", "+") / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def select(listing: list[str], globs: tuple[str, ...], step: int, limit: int) -> list[str]:
    """The sorted non-test ``.py`` paths matching ``globs`` (``*`` spans folders), thinned."""
    wanted = sorted(
        path
        for path in listing
        if any(fnmatch.fnmatch(path, pattern) for pattern in globs)
        and not path.endswith("_test.py")
        and not Path(path).name.startswith("test")
    )
    chosen = wanted[::step]
    return chosen[:limit] if limit else chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mirrors", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for repo, commit, globs, step, limit in PROJECTS:
        git = ["git", f"--git-dir={git_dir(args.mirrors, repo)}"]
        listing = subprocess.run(
            [*git, "ls-tree", "-r", "--name-only", commit],
            check=True, capture_output=True, text=True,
        ).stdout.splitlines()  # fmt: skip
        for path in select(listing, globs, step, limit):
            blob = subprocess.run(
                [*git, "show", f"{commit}:{path}"], check=True, capture_output=True
            ).stdout
            name = repo.split("/")[1] + "_" + path.replace("/", "_")
            (args.out / name).write_bytes(blob)
            count += 1
    print(f"{count} files in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
