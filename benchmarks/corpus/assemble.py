#!/usr/bin/env python3
"""Assemble the real-world corpus from the pinned sources in ``sources.txt``.

Third-party code is never committed; this script rebuilds it on demand::

    python benchmarks/corpus/assemble.py --mirrors /work/.mirror --out /work/corpus

``git`` sources are read from local git snapshots (bare or not) found as
``<mirrors>/<owner>+<name>/repo`` or ``<mirrors>/<owner>/<name>`` (or given with
``--repo owner/name=PATH``), at the pinned commit; the commit must be present.
``wheel`` sources are downloaded with ``pip download --no-deps <dist>==<ver>`` into
``--wheels`` (skipped when the file is already there) and checked against the pinned sha256.
Selected ``.py`` files are copied to ``<out>/<project>/<path>``, with the ``__init__.py`` of
every package above them (so that imports, relative ones included, resolve as in the real
project) and the repository's dependency declarations; each git project's directory gets an
empty ``.git`` directory, the checkout root the plugin's Keras version decision walks up to;
``MANIFEST.txt`` lists every copied file with its source and its role (``lint``:
selected, ``support``: a package ``__init__.py`` copied only for resolution).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Dependency declarations copied with the code (never linted), so that the plugin decides the
# Keras version from the project's declared setup as it does in the real checkout.
DECLARATIONS = re.compile(
    r"(^|/)(pyproject\.toml|setup\.cfg|setup\.py|requirements[^/]*\.txt|environment[^/]*\.ya?ml"
    r"|Pipfile)$"
)


@dataclass
class Source:
    """One line of sources.txt."""

    kind: str  # "git" or "wheel"
    project: str
    where: str  # owner/repo, or dist==version
    pin: str  # commit, or wheel sha256
    includes: list[str]
    excludes: list[str]


def read_sources(path: Path) -> list[Source]:
    """Parse sources.txt."""
    sources = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        kind, project, where, pin, *globs = line.split()
        if kind not in ("git", "wheel"):
            raise SystemExit(f"unknown source kind {kind!r} in: {raw}")
        includes = [glob for glob in globs if not glob.startswith("!")]
        excludes = [glob[1:] for glob in globs if glob.startswith("!")]
        sources.append(Source(kind, project, where, pin, includes, excludes))
    return sources


def _glob_regex(glob: str) -> re.Pattern[str]:
    """``**`` matches any number of directories (including none), ``*`` one name part."""
    out = ""
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif glob.startswith("**", i):
            out += ".*"
            i += 2
        elif glob[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(glob[i])
            i += 1
    return re.compile(out + r"\Z")


def selected(path: str, source: Source) -> bool:
    """Is this path of the source one to lint?"""
    if not path.endswith(".py"):
        return False

    def matches(glob: str) -> bool:
        return bool(_glob_regex(glob).match(path)) or fnmatch.fnmatch(path, glob)

    return any(map(matches, source.includes)) and not any(map(matches, source.excludes))


def find_repo(repo: str, mirrors: list[Path], overrides: dict[str, Path]) -> Path:
    """The local snapshot of ``owner/name``."""
    if repo in overrides:
        return overrides[repo]
    owner, name = repo.split("/")
    for root in mirrors:
        for candidate in (root / f"{owner}+{name}" / "repo", root / owner / name, root / name):
            if candidate.exists():
                return candidate
    raise SystemExit(f"no local snapshot of {repo}: fetch it, or pass --repo {repo}=PATH")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={_git_dir(repo)}", *args], check=True, capture_output=True
    ).stdout


def _git_dir(repo: Path) -> Path:
    return repo / ".git" if (repo / ".git").exists() else repo


def with_packages(available: set[str], chosen: list[str]) -> list[str]:
    """The ``__init__.py`` files of the packages above the chosen files (not chosen)."""
    wanted = set(chosen)
    support = set()
    for path in chosen:
        parts = path.split("/")[:-1]
        for i in range(1, len(parts) + 1):
            init = "/".join([*parts[:i], "__init__.py"])
            if init in available and init not in wanted:
                support.add(init)
    return sorted(support)


def copy_git(source: Source, repo: Path, out: Path) -> tuple[list[str], list[str]]:
    """Copy the selected files (and their packages' __init__.py, and the repository's
    dependency declarations) at the pinned commit."""
    try:
        _git(repo, "cat-file", "-e", f"{source.pin}^{{commit}}")
    except subprocess.CalledProcessError:
        raise SystemExit(f"{source.where}: commit {source.pin} is not in {repo}") from None
    listing = _git(repo, "ls-tree", "-r", "-z", "--name-only", source.pin).decode()
    paths = sorted(filter(None, listing.split("\0")))
    chosen = [path for path in paths if selected(path, source)]
    support = with_packages(set(paths), chosen)
    taken = set(chosen) | set(support)
    support += [path for path in paths if DECLARATIONS.search(path) and path not in taken]
    for path in chosen + support:
        target = out / source.project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_git(repo, "show", f"{source.pin}:{path}"))
    # The checkout's root, as the plugin finds it in a real clone (an empty .git directory):
    # without it a project with no declaration file at its root (tensorflow/hub builds its pip
    # package from tensorflow_hub/pip_package/) would have no root, and the walk would go on up.
    (out / source.project / ".git").mkdir(parents=True, exist_ok=True)
    return chosen, support


def fetch_wheel(source: Source, wheels: Path) -> Path:
    """The pinned wheel, downloaded with pip unless already there, sha256 checked."""
    dist, version = source.where.split("==")
    stem = re.sub(r"[-_.]+", "_", dist).lower()
    wheels.mkdir(parents=True, exist_ok=True)

    def existing() -> list[Path]:
        return [
            path
            for path in wheels.glob("*.whl")
            if re.sub(r"[-_.]+", "_", path.name.split("-")[0]).lower() == stem
            and path.name.split("-")[1] == version
        ]

    if not existing():
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "-q",
                "--no-deps",
                source.where,
                "-d",
                str(wheels),
            ],
            check=True,
        )
    found = existing()
    if not found:
        raise SystemExit(f"pip did not download a wheel of {source.where}")
    wheel = found[0]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != source.pin:
        raise SystemExit(f"{wheel.name}: sha256 {digest} is not the pinned {source.pin}")
    return wheel


def copy_wheel(source: Source, wheel: Path, out: Path) -> tuple[list[str], list[str]]:
    """Copy the selected files (and their packages' __init__.py) out of the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        paths = sorted(archive.namelist())
        chosen = [path for path in paths if selected(path, source)]
        support = with_packages(set(paths), chosen)
        for path in chosen + support:
            target = out / source.project / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(path))
    return chosen, support


def main(argv: list[str] | None = None) -> int:  # pylint: disable=too-many-locals
    """Assemble the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--sources", type=Path, default=HERE / "sources.txt")
    parser.add_argument(
        "--mirrors",
        type=Path,
        action="append",
        default=[],
        help="directory holding fetched git snapshots (repeatable)",
    )
    parser.add_argument(
        "--repo",
        action="append",
        default=[],
        metavar="OWNER/NAME=PATH",
        help="explicit path of one repository's snapshot",
    )
    parser.add_argument("--wheels", type=Path, default=Path("/tmp/tfvarlint-wheels"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", action="append", default=[], metavar="PROJECT")
    args = parser.parse_args(argv)

    overrides = {}
    for item in args.repo:
        name, _, path = item.partition("=")
        overrides[name] = Path(path)
    mirrors = args.mirrors or [Path("/work/.mirror")]
    manifest = []
    for source in read_sources(args.sources):
        if args.only and source.project not in args.only:
            continue
        target = args.out / source.project
        if target.exists():
            shutil.rmtree(target)
        if source.kind == "git":
            files, support = copy_git(source, find_repo(source.where, mirrors, overrides), args.out)
        else:
            files, support = copy_wheel(source, fetch_wheel(source, args.wheels), args.out)
        print(
            f"{source.project:14} {len(files):5} files (+{len(support)} package __init__ and"
            " dependency files)"
            f"  ({source.where} @ {source.pin[:12]})"
        )
        for role, paths in (("lint", files), ("support", support)):
            manifest += [
                f"{source.project}\t{role}\t{source.where}\t{source.pin}\t{path}" for path in paths
            ]
    (args.out / "MANIFEST.txt").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    linted = sum(1 for line in manifest if "\tlint\t" in line)
    print(f"{'total':14} {linted:5} files to lint -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
