#!/usr/bin/env python3
"""Extract the buggy and fixed file versions of the real-bug benchmark from local git mirrors.

    python benchmarks/realbugs/extract.py [--mirrors /work/.mirror] [--out /tmp/realbugs]

For every case of ``cases.toml`` the repository's snapshot is looked up as
``<mirrors>/<owner>+<name>/repo`` (bare, or a checkout with ``.git``) or
``<mirrors>/<owner>/<name>``. At the buggy commit (and at the fixing commit, when the case
has one) the repository's Python files and its dependency declarations (``pyproject.toml``,
``setup.cfg``, ``setup.py``, ``requirements*.txt``, ``environment.yml``, ...) are written to
``<out>/<case id>/buggy/`` and ``<out>/<case id>/fixed/``, so that imports and the project's
declared setup resolve as in the real project. Third-party code is never committed: the
output directory must be outside the repository. ``MANIFEST.tsv`` in ``<out>`` lists what
was extracted.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
MAX_BYTES = 1_000_000
DECLARATIONS = re.compile(
    r"(^|/)(pyproject\.toml|setup\.cfg|setup\.py|requirements[^/]*\.txt|environment[^/]*\.ya?ml"
    r"|Pipfile|poetry\.lock|tox\.ini|\.python-version)$"
)


def read_cases(path: Path) -> list[dict]:
    """The cases of cases.toml, checked for the keys every case needs."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cases = data.get("case", [])
    needed = ("id", "repo", "buggy", "path", "lines", "expect", "scope", "description")
    seen = set()
    for case in cases:
        missing = [key for key in needed if key not in case]
        if missing:
            raise SystemExit(f"case {case.get('id', '?')}: missing {', '.join(missing)}")
        if case["id"] in seen:
            raise SystemExit(f"duplicate case id {case['id']}")
        seen.add(case["id"])
    return cases


def find_git_dir(repo: str, mirrors: list[Path]) -> Path:
    """The git directory of the local snapshot of ``owner/name``."""
    owner, name = repo.split("/")
    for root in mirrors:
        for candidate in (root / f"{owner}+{name}" / "repo", root / owner / name):
            if (candidate / ".git").is_dir():
                return candidate / ".git"
            if (candidate / "HEAD").is_file():
                return candidate
    raise SystemExit(f"no local snapshot of {repo} under {', '.join(map(str, mirrors))}")


def git(git_dir: Path, *args: str) -> bytes:
    return subprocess.run(
        ["git", f"--git-dir={git_dir}", *args], check=True, capture_output=True
    ).stdout


def wanted(path: str) -> bool:
    return path.endswith(".py") or bool(DECLARATIONS.search(path))


def extract_version(git_dir: Path, commit: str, target: Path) -> int:
    """Write the wanted files of ``commit`` under ``target``; return how many."""
    listing = git(git_dir, "ls-tree", "-r", "-z", "-l", commit).decode("utf-8", "replace")
    paths = []
    for entry in filter(None, listing.split("\0")):
        meta, path = entry.split("\t", 1)
        _mode, kind, _sha, size = meta.split()
        if kind == "blob" and size.isdigit() and int(size) <= MAX_BYTES and wanted(path):
            paths.append(path)
    if not paths:
        return 0
    # One `git cat-file --batch` for all blobs of the version.
    request = "".join(f"{commit}:{path}\n" for path in paths).encode()
    done = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input=request,
        check=True,
        capture_output=True,
    )
    data = done.stdout
    offset = 0
    for path in paths:
        header_end = data.index(b"\n", offset)
        header = data[offset:header_end].split()
        offset = header_end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        blob = data[offset : offset + size]
        offset += size + 1
        out = target / path
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(blob)
    return len(paths)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--cases", type=Path, default=HERE / "cases.toml")
    parser.add_argument("--mirrors", type=Path, action="append", default=[])
    parser.add_argument("--out", type=Path, default=Path("/tmp/realbugs"))
    parser.add_argument("--only", action="append", default=[], metavar="CASE_ID")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out == REPO_ROOT or REPO_ROOT in out.parents:
        raise SystemExit(f"--out {out} is inside the repository: third-party code stays outside")
    mirrors = args.mirrors or [Path("/work/.mirror")]
    manifest = []
    for case in read_cases(args.cases):
        if args.only and case["id"] not in args.only:
            continue
        git_dir = find_git_dir(case["repo"], mirrors)
        for version in ("buggy", "fixed"):
            commit = case.get(version)
            target = out / case["id"] / version
            if not commit:
                continue
            try:
                git(git_dir, "cat-file", "-e", f"{commit}^{{commit}}")
            except subprocess.CalledProcessError:
                raise SystemExit(f"{case['id']}: commit {commit} is not in {git_dir}") from None
            path = case.get(f"{version}_path", case["path"])
            lint_with = case.get("lint_with", [])
            if version == "fixed":
                lint_with = case.get("fixed_lint_with", lint_with)
            for needed in (path, *lint_with):
                try:
                    git(git_dir, "cat-file", "-e", f"{commit}:{needed}")
                except subprocess.CalledProcessError:
                    raise SystemExit(f"{case['id']}: {needed} is not in {commit}") from None
            if target.exists():
                subprocess.run(["rm", "-rf", str(target)], check=True)
            count = extract_version(git_dir, commit, target)
            manifest.append(f"{case['id']}\t{version}\t{case['repo']}\t{commit}\t{path}\t{count}")
        print(f"{case['id']:40} {case['repo']}", flush=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / "MANIFEST.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    print(f"{len(manifest)} file versions -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
