"""The ``tfvarlint`` command: pylint with this plugin's messages only.

``tfvarlint ARGS`` runs ``pylint <defaults> --load-plugins=tfvarlint,tfvarlint.reporters.sarif
--tfvarlint-only=y ARGS``: every argument is passed to pylint untouched, in any spelling
pylint accepts (``--opt value``, ``--opt=value``, ``-j 2``). pylint reads the user's
configuration itself (pyproject.toml, pylintrc, setup.cfg, ``--rcfile``); after it has
applied the file and the command line, the plugin's ``load_configuration`` hook turns off
every message that is not tfvarlint's (:mod:`tfvarlint.only`), so disables of tfvarlint
messages stay in force and ``--enable=X`` on the command line still adds X.

The command itself consumes only ``-h``/``--help``, ``--version`` and ``--fix``/``--diff``
(:mod:`tfvarlint.fix`, when installed). ``--output-format=sarif[:FILE]`` is pylint's own
``FORMAT:FILE`` syntax with the short format name the command registers.

With no path it lints the Python files under ``.``, skipping virtual environments (any
directory holding ``pyvenv.cfg``, ``.venv``, ``venv``), ``.git``, build and cache folders and
what git ignores (:func:`default_paths`).

Exit status is pylint's bit mask (see :data:`USAGE`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path

PLUGINS = "tfvarlint,tfvarlint.reporters.sarif"

USAGE = """\
usage: tfvarlint [pylint options] [PATH ...]

Check Python files and directories for TensorFlow/Keras state (variables, layers,
optimizers, metrics) created on every call or trace. Runs pylint with only the
tfvarlint messages (E7301-E7305, W7306-W7307, F7399), plus fatal errors and
syntax errors.

PATH                      files or directories (searched recursively). Default: the
                          Python files under the current directory, except virtual
                          environments, .git, build/dist, caches and git-ignored paths

options of the command:
  -h, --help              show this help and exit (`pylint --help` for pylint's options)
  --version               show the tfvarlint and pylint versions and exit
  --fix, --diff           rewrite the reported code, or show the rewrite (needs
                          `pip install "tfvarlint[fix]"`, where available)

Every other option is pylint's and is passed to pylint as given, for example:
  -f, --output-format=FMT text (default), colorized, parseable, github, json, json2,
                          msvs, sarif (SARIF 2.1.0 for code scanning; also
                          tfvarlint-sarif), or a reporter class path; FMT:FILE writes
                          to FILE, comma-separated for several
  --rcfile=FILE           read this configuration file instead of searching for one
  --disable=MSG,...       turn off some tfvarlint messages (ids or symbols)
  --enable=MSG,...        also report these pylint messages
  --tfvarlint-keras-version=<auto|2|3>, --tfvarlint-follow-depth=N, ...
                          tfvarlint's options (docs/configuration.md)

Configuration is read the way pylint reads it: [tool.pylint.*] in pyproject.toml,
pylintrc, setup.cfg. Messages disabled there, or inline with `# pylint: disable=SYMBOL`,
stay disabled; disables naming other plugins' messages are ignored.

exit status: pylint's bit mask, OR-ed: 0 nothing reported; 1 fatal message (a file
could not be read, tfvarlint-internal-error); 2 error message (E7301-E7305, and
syntax-error: a file that does not parse exits 2); 4 warning message (W7306, W7307);
8 refactor; 16 convention (only with --enable); 32 usage error (bad option or value).
"""

# Always skipped when the command searches "." itself (no PATH given).
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "build",
        "dist",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        "node_modules",
        ".eggs",
        "site-packages",
    }
)
_DEFAULTS = ("--score=n", "--reports=n", "--persistent=n", "--recursive=y")
# pylint reports a disable naming a message it does not know (another plugin's, not
# loaded here) as unknown-option-value, a warning: the command must not fail on it.
_QUIET = ("--disable=unknown-option-value,useless-option-value",)


# ---- no PATH: what "." means ------------------------------------------------------------


def _skipped_dir(path: Path) -> bool:
    name = path.name
    return (
        name in SKIPPED_DIRS
        or name.endswith(".egg-info")
        or (path / "pyvenv.cfg").is_file()
        or (path / "conda-meta").is_dir()
    )


def _git_ignored(root: Path, paths: list[Path]) -> set[Path]:
    """Which of ``paths`` git ignores (``git check-ignore``), or ``./.gitignore`` says to."""
    if not paths:
        return set()
    git = shutil.which("git")
    if git is None:
        return _gitignore_fallback(root, paths)
    try:
        done = subprocess.run(
            [git, "check-ignore", "--stdin", "-z"],
            cwd=root,
            input="\0".join(str(p.relative_to(root)) for p in paths) + "\0",
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return set()
    if done.returncode not in (0, 1):  # 128: not a git work tree
        return _gitignore_fallback(root, paths)
    return {root / name for name in done.stdout.split("\0") if name}


def _gitignore_fallback(root: Path, paths: list[Path]) -> set[Path]:
    """Outside git: the simple patterns of ``./.gitignore`` (no negation, no ``**``)."""
    try:
        lines = (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    patterns = [ln.strip() for ln in lines if ln.strip() and not ln.startswith(("#", "!"))]
    ignored = set()
    for path in paths:
        relative = path.relative_to(root).as_posix()
        for line in patterns:
            pattern = line.strip("/")
            if line.endswith("/") and not path.is_dir():
                continue
            target = relative if "/" in pattern else path.name
            if fnmatch(target, pattern):
                ignored.add(path)
                break
    return ignored


def default_paths(root: Path) -> list[str]:
    """The Python files under ``root`` that ``tfvarlint`` with no PATH lints.

    Directories are searched level by level, so that one ``git check-ignore`` per level
    prunes ignored directories before they are entered.
    """
    files: list[Path] = []
    level = [root]
    while level:
        subdirs: list[Path] = []
        for directory in level:
            try:
                entries = sorted(directory.iterdir())
            except OSError:
                continue
            for entry in entries:
                if entry.is_dir() and not entry.is_symlink():
                    if not _skipped_dir(entry):
                        subdirs.append(entry)
                elif entry.suffix in (".py", ".pyi") and entry.is_file():
                    files.append(entry)
        ignored = _git_ignored(root, subdirs)
        level = [d for d in subdirs if d not in ignored]
    ignored = _git_ignored(root, files)
    return [str(f.relative_to(root)) for f in files if f not in ignored]


# ---- reading argv without re-implementing pylint's parser -------------------------------


def _option_table(plugins: Iterable[str]) -> dict[str, bool]:
    """``--name``/``-x`` → whether it takes a value, from pylint's and the plugins' options."""
    # pylint: disable=import-outside-toplevel
    from pylint.config.utils import PREPROCESSABLE_OPTIONS
    from pylint.lint import PyLinter

    linter = PyLinter()
    linter.load_default_plugins()
    linter.load_plugin_modules(["tfvarlint", *plugins])
    table: dict[str, bool] = {
        name: takes for name, (takes, *_rest) in PREPROCESSABLE_OPTIONS.items()
    }
    table["--help-msg"] = True
    for provider in linter.get_checkers():
        for name, optdict in getattr(provider, "options", ()):
            takes = ("type" in optdict or "metavar" in optdict) and optdict.get("action") not in (
                "store_true",
                "store_false",
                "count",
            )
            table[f"--{name}"] = bool(takes)
            if optdict.get("short"):
                table[f"-{optdict['short']}"] = bool(takes)
    return table


class _ArgvReader:
    """Answers two questions about pylint arguments: any PATH given? which --enable values?"""

    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self._table: dict[str, bool] | None = None

    def _takes_value(self, option: str, following: str) -> bool:
        if self._table is None:
            self._table = _option_table(self._plugins())
        if option in self._table:
            return self._table[option]
        if option.startswith("--"):  # argparse accepts unambiguous prefixes
            answers = {takes for name, takes in self._table.items() if name.startswith(option)}
            if len(answers) == 1:
                return answers.pop()
        return not Path(following).exists()  # unknown (another plugin's): a path is a path

    def _plugins(self) -> list[str]:
        plugins = []
        for i, arg in enumerate(self.argv):
            if arg.startswith("--load-plugins="):
                plugins += arg.partition("=")[2].split(",")
            elif arg == "--load-plugins" and i + 1 < len(self.argv):
                plugins += self.argv[i + 1].split(",")
        return [p.strip() for p in plugins if p.strip()]

    def has_paths(self) -> bool:
        """Whether ARGV names a file or directory (a positional argument of pylint)."""
        argv, i = self.argv, 0
        while i < len(argv):
            arg = argv[i]
            if arg == "--":
                return i + 1 < len(argv)
            if arg == "-" or not arg.startswith("-"):
                return True
            bare_long = arg.startswith("--") and "=" not in arg
            bare_short = len(arg) == 2 and arg[0] == "-"
            if (bare_long or bare_short) and i + 1 < len(argv) and not argv[i + 1].startswith("-"):
                i += 2 if self._takes_value(arg, argv[i + 1]) else 1
                continue
            i += 1
        return False

    def enabled_names(self) -> list[str]:
        """The values of ``--enable``/``-e``, in any spelling."""
        names: list[str] = []
        argv = self.argv
        for i, arg in enumerate(argv):
            if arg == "--":
                break
            value = None
            if arg in ("--enable", "-e") and i + 1 < len(argv):
                value = argv[i + 1]
            elif arg.startswith("--enable="):
                value = arg.partition("=")[2]
            elif arg.startswith("-e") and not arg.startswith("--") and len(arg) > 2:
                value = arg[2:].lstrip("=")
            if value:
                names += [name.strip() for name in value.split(",") if name.strip()]
        return names


def pylint_args(argv: Sequence[str], cwd: Path | None = None) -> list[str]:
    """The pylint command line that ``tfvarlint ARGV`` runs (ARGV itself is untouched)."""
    reader = _ArgvReader(argv)
    keep = reader.enabled_names()
    args = [
        *_DEFAULTS,
        f"--load-plugins={PLUGINS}",
        "--tfvarlint-only=y",
        *([f"--tfvarlint-only-keep={','.join(keep)}"] if keep else []),
        *_QUIET,
        *argv,
    ]
    if not reader.has_paths():
        args += ["--", *default_paths(cwd or Path.cwd())]  # maybe none: see main()
    return args


# ---- the command ------------------------------------------------------------------------


def _version() -> str:
    # pylint: disable=import-outside-toplevel
    from importlib import metadata

    from tfvarlint import __version__

    return f"tfvarlint {__version__} (pylint {metadata.version('pylint')})"


def _fix(argv: list[str]) -> int:
    """``--fix``/``--diff``: handed to :mod:`tfvarlint.fix` when it is installed."""
    import importlib  # pylint: disable=import-outside-toplevel

    try:
        fix = importlib.import_module("tfvarlint.fix")
    except ModuleNotFoundError as missing:
        if missing.name and missing.name.startswith("tfvarlint"):
            print("tfvarlint: --fix and --diff are not available in this version", file=sys.stderr)
        else:
            print(
                f'tfvarlint: --fix and --diff need {missing.name}: pip install "tfvarlint[fix]"',
                file=sys.stderr,
            )
        return 32
    return int(fix.main(argv) or 0)


class _PipeClosed(BaseException):
    """The reader of stdout went away (``tfvarlint | head``): stop, quietly.

    A BaseException, so that neither a checker's nor pylint's ``except Exception`` turns
    it into an internal-error message or a crash report.
    """


class _PipeGuard:
    """stdout, raising :class:`_PipeClosed` instead of ``BrokenPipeError``."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write to stdout, or stop the run when its reader is gone."""
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise _PipeClosed from None

    def flush(self) -> None:
        """Flush stdout, or stop the run when its reader is gone."""
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise _PipeClosed from None

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "_stream":
            raise AttributeError(name)
        return getattr(self._stream, name)

    def __reduce__(self):
        # pylint -j N sends the linter (and its reporter's stream) to worker processes,
        # which never write to it: they get their own stdout.
        return (_process_stdout, ())


def _process_stdout():
    return sys.stdout


def _silence_stdout() -> None:
    """After a broken pipe: no second error when the interpreter flushes stdout at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        print(USAGE, end="")
        return 0
    if "--version" in argv:
        print(_version())
        return 0
    if "--fix" in argv or "--diff" in argv:
        return _fix(argv)
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel

    args = pylint_args(argv)
    if args[-1] == "--":
        print("tfvarlint: no Python files to check under .", file=sys.stderr)
        return 0
    stdout = sys.stdout
    sys.stdout = _PipeGuard(stdout)  # type: ignore[assignment]
    from tfvarlint import only  # pylint: disable=import-outside-toplevel

    only.start()
    try:
        Run(args)
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if code == 2 and not only.configured():
            # argparse refused an option value ("invalid choice") and exits 2, which the
            # bit mask reads as "error messages found": it is a usage error.
            return 32
        return code if isinstance(code, int) else 1
    except (_PipeClosed, BrokenPipeError):
        _silence_stdout()
        return 1
    finally:
        sys.stdout = stdout
    return 0  # pragma: no cover - Run always exits


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
