"""The ``tfvarlint`` command: pylint with this plugin's messages only.

``tfvarlint PATH...`` runs pylint with ``--load-plugins=tfvarlint --disable=all
--enable=tfvarlint``. pylint itself reads the user's configuration (pyproject.toml,
pylintrc, setup.cfg, ``--rcfile``): this plugin's options (``tfvarlint-keras-version``,
...) apply, and messages that configuration disables by name stay disabled. Every other
pylint option is passed through, including ``--output-format`` (``github``, ``json2``,
``parseable``, ...) and the extra format ``sarif`` (SARIF 2.1.0, :mod:`tfvarlint.reporters.sarif`).

Exit status is pylint's bit mask: 0 when clean, 2 for errors (E73xx), 4 for warnings
(W73xx), 1 when a file could not be parsed or found, 32 for a usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

SARIF_REPORTER = "tfvarlint.reporters.sarif.SarifReporter"

USAGE = """\
usage: tfvarlint [options] [PATH ...]

Check Python files and directories for TensorFlow/Keras state (variables, layers,
optimizers, metrics) created on every call or trace. Runs pylint with only the
tfvarlint messages (E7301-E7305, W7306-W7307).

PATH                      files or directories (searched recursively); default: .

options:
  -h, --help              show this help and exit
  --version               show the tfvarlint and pylint versions and exit
  -f, --output-format=FMT text (default), colorized, parseable, github, json, json2,
                          msvs, sarif (SARIF 2.1.0 for code scanning), or a reporter
                          class path; FMT:FILE writes to FILE, comma-separated for several
  --rcfile=FILE           read this configuration file instead of searching for one
  --tfvarlint-keras-version=<auto|2|3>
                          Keras major version your code runs under (default: auto)
  --disable=MSG,...       turn off some of the messages (ids or symbols)

Any other pylint option is passed to pylint (see `pylint --help`). Configuration is
read the way pylint reads it: [tool.pylint.*] in pyproject.toml, pylintrc, setup.cfg.
Messages disabled there, or inline with `# pylint: disable=SYMBOL`, stay disabled.

exit status: 0 no findings; otherwise pylint's bit mask: 1 fatal (unparsable or missing
file), 2 error messages, 4 warning messages, 32 usage error.
Message pages: docs/messages/<symbol>.md in the tfvarlint repository.
"""

# Options whose value may follow as the next argument (``-f json``).
_VALUE_OPTIONS = frozenset(
    {
        "-f",
        "--output-format",
        "--rcfile",
        "--output",
        "-j",
        "--jobs",
        "-d",
        "--disable",
        "-e",
        "--enable",
        "--ignore",
        "--ignore-patterns",
        "--ignore-paths",
        "--init-hook",
        "--fail-under",
        "--fail-on",
        "--tfvarlint-keras-version",
        "--tfvarlint-follow-depth",
        "--tfvarlint-extra-variable-factories",
        "--tfvarlint-extra-traced-methods",
    }
)

_DEFAULTS = ("--score=n", "--reports=n", "--persistent=n", "--recursive=y")
_ONLY_THIS_PLUGIN = ("--load-plugins=tfvarlint", "--disable=all", "--enable=tfvarlint")


def _rewrite_formats(value: str) -> str:
    """``sarif`` (alone or in a comma list, with or without ``:FILE``) → the reporter class."""
    parts = []
    for part in value.split(","):
        name, sep, target = part.partition(":")
        if name.strip().lower() == "sarif":
            name = SARIF_REPORTER
        parts.append(f"{name}{sep}{target}")
    return ",".join(parts)


def _split_user_args(argv: Sequence[str]) -> tuple[list[str], list[str], str | None]:
    """Options (with ``sarif`` rewritten), paths, and the ``--rcfile`` given, if any."""
    options: list[str] = []
    paths: list[str] = []
    rcfile: str | None = None
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            paths.extend(args[i + 1 :])
            break
        if not arg.startswith("-") or arg == "-":
            paths.append(arg)
            i += 1
            continue
        name, eq, value = arg.partition("=")
        if not eq and name in _VALUE_OPTIONS and i + 1 < len(args):
            value = args[i + 1]
            i += 1
        elif not eq:
            options.append(arg)
            i += 1
            continue
        if name in ("-f", "--output-format"):
            value = _rewrite_formats(value)
        if name == "--rcfile":
            rcfile = value
        options.append(f"{name}={value}")
        i += 1
    return options, paths, rcfile


def _config_disables(rcfile: str | None) -> list[str]:
    """Messages the user's configuration disables by name (pylint reads the rest itself).

    ``--disable=all --enable=tfvarlint`` on the command line would otherwise re-enable a
    tfvarlint message that the configuration file turned off, since pylint applies the
    command line after the file.
    """
    # pylint: disable=import-outside-toplevel
    from pylint.config import find_default_config_files
    from pylint.config.config_file_parser import _RawConfParser

    path = Path(rcfile) if rcfile else next(find_default_config_files(), None)
    if path is None or not path.is_file():
        return []
    try:
        data, _ = _RawConfParser.parse_config_file(path, verbose=False)
    except Exception:  # pylint: disable=broad-exception-caught
        return []  # pylint reports a broken configuration file itself
    names = [name.strip() for name in str(data.get("disable", "")).split(",")]
    return [name for name in names if name and name.lower() not in ("all", "tfvarlint")]


def pylint_args(argv: Sequence[str]) -> list[str]:
    """The pylint command line that ``tfvarlint ARGV`` runs."""
    options, paths, rcfile = _split_user_args(argv)
    disables = _config_disables(rcfile)
    return [
        *_DEFAULTS,
        *_ONLY_THIS_PLUGIN,
        *([f"--disable={','.join(disables)}"] if disables else []),
        *options,
        "--",
        *(paths or ["."]),
    ]


def _version() -> str:
    # pylint: disable=import-outside-toplevel
    from importlib import metadata

    from tfvarlint import __version__

    return f"tfvarlint {__version__} (pylint {metadata.version('pylint')})"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if "-h" in argv or "--help" in argv:
        print(USAGE, end="")
        return 0
    if "--version" in argv:
        print(_version())
        return 0
    from pylint.lint import Run  # pylint: disable=import-outside-toplevel

    try:
        Run(pylint_args(argv))
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        return code if isinstance(code, int) else 1
    return 0  # pragma: no cover - Run always exits


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
