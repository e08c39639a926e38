"""Helpers imported by runtime fixture drivers (the harness puts this directory on PYTHONPATH).

Only the standard library is imported here: TensorFlow is imported by the fixtures.

- ``run_cases(*fns)``: run several cases that share one outcome (see tests/runtime/README.md).
- ``silent(what)``: print the ``SILENT: <what>`` line a ``silent`` driver prints when it
  really observes the defect.
- ``load_definitions(path)``: for the verbatim seed fixtures, whose module-level code runs
  on import: execute only the fixture's imports and class/function definitions.
"""

from __future__ import annotations

import ast
import sys
import traceback
import types
from pathlib import Path
from typing import Any, Callable

#: Exit code of ``run_cases`` when some cases raised and others did not. The harness never
#: accepts it as ``raises`` or ``fails``.
MIXED_EXIT_CODE = 3

#: Prefix of each case's block in the message of ``CasesRaised``.
CASE_PREFIX = "--- case "


class CasesRaised(Exception):
    """Every case given to ``run_cases`` raised; the message holds each case's error."""


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def run_cases(*fns: Callable[[], Any]) -> None:
    """Run every case; raise ``CasesRaised`` only if every case raised.

    - No case raised: return normally (the fixture's outcome is ``ok`` or ``silent``, decided
      by what the cases printed).
    - Every case raised: raise one ``CasesRaised`` whose message has one block per case,
      ``--- case <name>: <ExcType>: <message>`` (the harness checks the expected substring
      in every block).
    - Some raised, some did not: print ``case <name> did not raise`` for each case that did
      not, and exit with code 3, which the harness never takes as ``raises``.
    """
    if not fns:
        raise ValueError("run_cases() needs at least one case")
    errors: dict[str, BaseException] = {}
    clean: list[str] = []
    for fn in fns:
        name = getattr(fn, "__name__", repr(fn))
        try:
            fn()
        except Exception as exc:  # pylint: disable=broad-exception-caught
            errors[name] = exc
        else:
            clean.append(name)
    if not errors:
        return
    if clean:
        for name in clean:
            print(f"case {name} did not raise", file=sys.stderr)
        for name, exc in errors.items():
            print(f"case {name} raised:", file=sys.stderr)
            traceback.print_exception(exc, file=sys.stderr)
        sys.stderr.flush()
        sys.exit(MIXED_EXIT_CODE)
    blocks = [f"{CASE_PREFIX}{name}: {_describe(exc)}" for name, exc in errors.items()]
    summary = f"all {len(errors)} cases raised; " + ", ".join(
        f"{name}: {type(exc).__name__}" for name, exc in errors.items()
    )
    raise CasesRaised(summary + "\n" + "\n".join(blocks))


def silent(what: str) -> None:
    """Report an observed silent defect: print ``SILENT: <what>`` on stdout."""
    print(f"SILENT: {what}", flush=True)


_KEPT_NODES = (ast.Import, ast.ImportFrom, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def load_definitions(path: str | Path, module_name: str | None = None) -> dict[str, Any]:
    """Execute only the imports and class/function definitions of the file at ``path``.

    The module-level statements that *use* the definitions (building a model, ``fit``,
    ``save_weights``) are dropped, so a driver can drive the classes itself. The code is
    compiled with the fixture's real file name and line numbers, so tracebacks and
    TensorFlow's source lookups (autograph) point into the fixture.
    Returns the namespace the definitions were executed in.
    """
    path = Path(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    tree.body = [node for node in tree.body if isinstance(node, _KEPT_NODES)]
    name = module_name or f"fixture_{path.stem}"
    # A registered module object gives the classes defined here an importable
    # ``__module__`` (autograph and pickling look it up).
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    namespace = module.__dict__
    exec(compile(tree, str(path), "exec"), namespace)  # pylint: disable=exec-used
    return namespace
