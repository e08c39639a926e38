"""A SARIF 2.1.0 reporter for pylint, for code scanning (GitHub, Azure DevOps, ...).

Use it with plain pylint::

    pylint --load-plugins=tfvarlint \\
        --output-format=tfvarlint.reporters.sarif.SarifReporter:tfvarlint.sarif src/

or ``pylint --load-plugins=tfvarlint,tfvarlint.reporters.sarif --output-format=sarif``
(loading this module as a plugin registers the short name), or through the ``tfvarlint``
command as ``--output-format=sarif:tfvarlint.sarif``. It
reports every message pylint emits (not only tfvarlint's); each distinct message becomes
a SARIF rule carrying the message's help text.

Positions: pylint lines are 1-based and columns 0-based; SARIF regions are 1-based on both,
with an exclusive end column, so columns are shifted by one. File locations are relative
to the working directory under ``uriBaseId`` ``%SRCROOT%`` (run from the repository root,
as code scanning expects), or absolute ``file://`` URIs for files outside it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from pylint.reporters import BaseReporter

if TYPE_CHECKING:
    from pylint.lint import PyLinter
    from pylint.message import Message
    from pylint.reporters.ureports.nodes import Section

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVELS = {"F": "error", "E": "error", "W": "warning", "C": "note", "R": "note", "I": "note"}


def _level(msg_id: str) -> str:
    return _LEVELS.get(msg_id[:1], "warning")


def _version(distribution: str) -> str | None:
    from importlib import metadata  # pylint: disable=import-outside-toplevel

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


class SarifReporter(BaseReporter):
    """Writes one SARIF 2.1.0 log (one run) with every message, at the end of the run."""

    name = "sarif"
    extension = "sarif"

    def __init__(self, output=None) -> None:
        super().__init__(output)
        self._root = Path.cwd()

    def display_reports(self, layout: Section) -> None:
        """No text reports in a SARIF log."""

    def _display(self, layout: Section) -> None:
        """Nothing to display: the log is written by :meth:`display_messages`."""

    def display_messages(self, layout: Section | None) -> None:
        print(json.dumps(self.sarif_log(), indent=2), file=self.out)

    # ---- building the log -------------------------------------------------------------

    def sarif_log(self) -> dict[str, Any]:
        """The whole SARIF log as a JSON-ready dict."""
        rules: list[dict[str, Any]] = []
        rule_index: dict[str, int] = {}
        results = []
        for msg in self.messages:
            if msg.msg_id not in rule_index:
                rule_index[msg.msg_id] = len(rules)
                rules.append(self._rule(msg))
            results.append(self._result(msg, rule_index[msg.msg_id]))
        driver: dict[str, Any] = {"name": "tfvarlint", "rules": rules}
        version = _version("tfvarlint")
        if version:
            driver["version"] = version
        pylint_version = _version("pylint")
        run: dict[str, Any] = {
            "tool": {
                "driver": driver,
                "extensions": [
                    {"name": "pylint", **({"version": pylint_version} if pylint_version else {})}
                ],
            },
            "originalUriBaseIds": {SRCROOT: {"uri": self._root.as_uri() + "/"}},
            "results": results,
        }
        return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}

    def _rule(self, msg: Message) -> dict[str, Any]:
        rule: dict[str, Any] = {
            "id": msg.msg_id,
            "name": msg.symbol,
            "defaultConfiguration": {"level": _level(msg.msg_id)},
            "properties": {"tags": [msg.category]},
        }
        definition = self._definition(msg.msg_id)
        if definition is not None:
            description = " ".join((definition.description or "").split())
            first_sentence = description.split(". ", 1)[0].rstrip(".")
            rule["shortDescription"] = {"text": first_sentence or msg.symbol}
            if description:
                rule["fullDescription"] = {"text": description}
                rule["help"] = {"text": description}
        else:
            rule["shortDescription"] = {"text": msg.symbol}
        return rule

    def _definition(self, msg_id: str):
        linter = getattr(self, "linter", None)
        if linter is None:
            return None
        try:
            return linter.msgs_store.get_message_definitions(msg_id)[0]
        except Exception:  # pylint: disable=broad-exception-caught
            return None

    def _result(self, msg: Message, index: int) -> dict[str, Any]:
        region: dict[str, int] = {"startLine": max(msg.line, 1)}
        if msg.column is not None and msg.line > 0:
            region["startColumn"] = msg.column + 1
        if msg.end_line is not None and msg.end_line >= region["startLine"]:
            region["endLine"] = msg.end_line
            if msg.end_column is not None:
                region["endColumn"] = msg.end_column + 1
        return {
            "ruleId": msg.msg_id,
            "ruleIndex": index,
            "level": _level(msg.msg_id),
            "message": {"text": f"{msg.msg} ({msg.symbol})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": self._artifact(msg),
                        "region": region,
                    },
                    **(
                        {"logicalLocations": [{"fullyQualifiedName": f"{msg.module}.{msg.obj}"}]}
                        if msg.obj
                        else {}
                    ),
                }
            ],
        }

    def _artifact(self, msg: Message) -> dict[str, str]:
        path = Path(msg.abspath or msg.path)
        if not path.is_absolute():
            path = self._root / path
        try:
            relative = os.path.relpath(path, self._root)
        except ValueError:  # another drive on Windows
            relative = None
        if relative is not None and not relative.startswith(".."):
            return {"uri": PurePath(relative).as_posix(), "uriBaseId": SRCROOT}
        return {"uri": path.as_uri()}


def register(linter: PyLinter) -> None:
    """Lets pylint find the format as ``--output-format=sarif`` when this module is loaded."""
    linter.register_reporter(SarifReporter)
