"""A SARIF 2.1.0 reporter for pylint, for code scanning (GitHub, Azure DevOps, ...).

Loading the plugin makes the format available to plain pylint::

    pylint --load-plugins=tfvarlint --output-format=tfvarlint-sarif:tfvarlint.sarif src/

The name is ``tfvarlint-sarif`` so that it can never clash with a ``sarif`` format pylint
may ship one day. The ``tfvarlint`` command (and ``--load-plugins=tfvarlint.reporters.sarif``)
also registers the short name ``sarif``, unless pylint already has a format of that name.
The class path ``tfvarlint.reporters.sarif.SarifReporter`` works as well.

The log has one run whose ``tool.driver`` is pylint, the program that ran: core pylint
messages (and those of other plugins) are pylint's rules. tfvarlint is a
``tool.extensions`` entry holding tfvarlint's rules; its results point to it through
``rule.toolComponent``. Each rule carries its short and full description, the help text
and ``helpUri`` (tfvarlint's message page for the installed version, pylint's message page
for pylint's own messages).

Positions: pylint lines are 1-based and columns 0-based; SARIF regions are 1-based on both,
with an exclusive end column, so columns are shifted by one. File locations are relative,
percent-encoded URIs under ``uriBaseId`` ``%SRCROOT%`` (the working directory: run from
the repository root, as code scanning expects), or absolute ``file://`` URIs for files
outside it. ``partialFingerprints`` identify a result by rule, file, enclosing object and
the text of its line (not the line number), so an alert survives edits above it.
"""

from __future__ import annotations

import json
import linecache
import os
from collections import Counter
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from pylint.constants import MSG_TYPES
from pylint.reporters import BaseReporter

from tfvarlint.docs_url import REPOSITORY_URL, message_url

if TYPE_CHECKING:
    from pylint.lint import PyLinter
    from pylint.message import Message, MessageDefinition
    from pylint.reporters.ureports.nodes import Section

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "tfvarlintResultKey/v1"
PYLINT_URI = "https://pylint.readthedocs.io/"
PYLINT_MESSAGE_PAGE = (
    "https://pylint.readthedocs.io/en/stable/user_guide/messages/{category}/{symbol}.html"
)
_LEVELS = {"F": "error", "E": "error", "W": "warning", "C": "note", "R": "note", "I": "note"}


def _level(msg_id: str) -> str:
    return _LEVELS.get(msg_id[:1], "warning")


def _version(distribution: str) -> str | None:
    from importlib import metadata  # pylint: disable=import-outside-toplevel

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def relative_uri(path: str) -> str:
    """A relative path as a percent-encoded URI reference (``a b.py`` → ``a%20b.py``)."""
    return quote(PurePath(path).as_posix(), safe="/")


def _component(name: str, distribution: str, uri: str, rules: list) -> dict[str, Any]:
    """A SARIF toolComponent: the driver (pylint) or an extension (tfvarlint)."""
    version = _version(distribution)
    return {
        "name": name,
        "informationUri": uri,
        **({"version": version} if version else {}),
        "rules": rules,
    }


class SarifReporter(BaseReporter):
    """Writes one SARIF 2.1.0 log (one run) with every message, at the end of the run."""

    name = "tfvarlint-sarif"
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
        rules: dict[bool, list[dict[str, Any]]] = {False: [], True: []}  # tfvarlint's?
        index: dict[str, tuple[bool, int]] = {}
        seen: Counter[str] = Counter()
        results = []
        for msg in self.messages:
            if msg.msg_id not in index:
                definition = self._definition(msg.msg_id)
                own = self._is_tfvarlint(msg, definition)
                index[msg.msg_id] = (own, len(rules[own]))
                rules[own].append(self._rule(msg, definition, own=own))
            own, rule_index = index[msg.msg_id]
            results.append(self._result(msg, own=own, rule_index=rule_index, seen=seen))
        run: dict[str, Any] = {
            "tool": {
                "driver": _component("pylint", "pylint", PYLINT_URI, rules[False]),
                "extensions": [_component("tfvarlint", "tfvarlint", REPOSITORY_URL, rules[True])],
            },
            "originalUriBaseIds": {SRCROOT: {"uri": self._root.as_uri() + "/"}},
            "results": results,
        }
        return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}

    def _is_tfvarlint(self, msg: Message, definition: MessageDefinition | None) -> bool:
        if definition is not None:
            return definition.checker_name == "tfvarlint"
        return msg.msg_id[1:3] == "73"

    def _checker_module(self, definition: MessageDefinition) -> str:
        linter = getattr(self, "linter", None)
        for checker in linter.get_checkers() if linter is not None else ():
            if checker.name == definition.checker_name and definition.msgid in checker.msgs:
                return type(checker).__module__
        return ""

    def _help_uri(self, msg: Message, definition: MessageDefinition | None, *, own: bool) -> str:
        if own:
            return message_url(msg.symbol)
        if definition is not None and self._checker_module(definition).startswith("pylint."):
            category = MSG_TYPES.get(msg.msg_id[:1], "warning")
            return PYLINT_MESSAGE_PAGE.format(category=category, symbol=msg.symbol)
        return ""

    def _rule(
        self, msg: Message, definition: MessageDefinition | None, *, own: bool
    ) -> dict[str, Any]:
        rule: dict[str, Any] = {
            "id": msg.msg_id,
            "name": msg.symbol,
            "defaultConfiguration": {"level": _level(msg.msg_id)},
            "properties": {"tags": [msg.category]},
        }
        description = " ".join(((definition.description if definition else "") or "").split())
        first_sentence = description.split(". ", 1)[0].rstrip(".")
        rule["shortDescription"] = {"text": first_sentence or msg.symbol}
        rule["fullDescription"] = {"text": description or msg.symbol}
        if description:
            rule["help"] = {"text": description}
        help_uri = self._help_uri(msg, definition, own=own)
        if help_uri:
            rule["helpUri"] = help_uri
        return rule

    def _definition(self, msg_id: str) -> MessageDefinition | None:
        linter = getattr(self, "linter", None)
        if linter is None:
            return None
        try:
            return linter.msgs_store.get_message_definitions(msg_id)[0]
        except Exception:  # pylint: disable=broad-exception-caught
            return None

    def _result(
        self, msg: Message, *, own: bool, rule_index: int, seen: Counter[str]
    ) -> dict[str, Any]:
        region: dict[str, int] = {"startLine": max(msg.line, 1)}
        if msg.column is not None and msg.line > 0:
            region["startColumn"] = msg.column + 1
        if msg.end_line is not None and msg.end_line >= region["startLine"]:
            region["endLine"] = msg.end_line
            if msg.end_column is not None:
                region["endColumn"] = msg.end_column + 1
        artifact = self._artifact(msg)
        result: dict[str, Any] = {"ruleId": msg.msg_id}
        if own:
            result["rule"] = {"id": msg.msg_id, "index": rule_index, "toolComponent": {"index": 0}}
        else:
            result["ruleIndex"] = rule_index
        result.update(
            {
                "level": _level(msg.msg_id),
                "message": {"text": f"{msg.msg} ({msg.symbol})"},
                "locations": [
                    {
                        "physicalLocation": {"artifactLocation": artifact, "region": region},
                        **(
                            {
                                "logicalLocations": [
                                    {"fullyQualifiedName": f"{msg.module}.{msg.obj}"}
                                ]
                            }
                            if msg.obj
                            else {}
                        ),
                    }
                ],
                "partialFingerprints": {FINGERPRINT: self._fingerprint(msg, artifact, seen)},
            }
        )
        return result

    @staticmethod
    def _fingerprint(msg: Message, artifact: dict[str, str], seen: Counter[str]) -> str:
        """Rule, file, enclosing object, the line's text, and which such occurrence it is."""
        line = linecache.getline(msg.abspath or msg.path, msg.line) if msg.line > 0 else ""
        key = "\0".join((msg.msg_id, artifact["uri"], msg.obj or "", " ".join(line.split())))
        seen[key] += 1
        # imported here: registering the plugin imports this module in every run, and
        # hashlib (OpenSSL) costs about 3 ms a process to import; only SARIF output needs it
        import hashlib  # pylint: disable=import-outside-toplevel

        return hashlib.sha256(f"{key}\0{seen[key]}".encode()).hexdigest()

    def _artifact(self, msg: Message) -> dict[str, str]:
        path = Path(msg.abspath or msg.path)
        if not path.is_absolute():
            path = self._root / path
        try:
            relative = os.path.relpath(path, self._root)
        except ValueError:  # another drive on Windows
            relative = None
        if relative is not None and not relative.startswith(".."):
            return {"uri": relative_uri(relative), "uriBaseId": SRCROOT}
        return {"uri": path.as_uri()}


class ShortNameSarifReporter(SarifReporter):
    """The same reporter under the short name ``sarif``."""

    name = "sarif"


def register(linter: PyLinter) -> None:
    """Loaded as a plugin: ``--output-format=sarif``, unless pylint has its own ``sarif``."""
    linter.register_reporter(SarifReporter)
    registered = getattr(linter, "_reporters", {})
    if "sarif" not in registered or registered["sarif"] is ShortNameSarifReporter:
        linter.register_reporter(ShortNameSarifReporter)
