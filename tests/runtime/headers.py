"""Parse the ``# runtime:`` header of a runtime fixture (format: tests/runtime/README.md).

Standard library only: the header test runs without TensorFlow.

    # runtime: keras3=<outcome> keras2=<outcome>
    # runtime-raises: <substring>            (every version that raises/fails)
    # runtime-raises-keras3: <substring>     (per-version override)
    # runtime-raises-keras2: <substring>
    # runtime-reason: <one line>
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

VERSIONS = ("keras3", "keras2")
OUTCOMES = ("raises", "silent", "ok", "fails", "skip")
ERROR_OUTCOMES = frozenset({"raises", "fails"})
HEADER_LINES = 15

_LINE = re.compile(r"^#\s*runtime(?P<key>-[a-z0-9-]+)?\s*:(?P<value>.*)$")
_KEYS = ("", "-raises", "-raises-keras3", "-raises-keras2", "-reason")


class HeaderError(ValueError):
    """A fixture's runtime header is missing or malformed."""


@dataclass(frozen=True)
class Header:
    """What a fixture declares: per-version outcome, expected error substring, reason."""

    outcomes: dict[str, str]
    raises: dict[str, str] = field(default_factory=dict)
    reason: str | None = None

    def expected_substring(self, version: str) -> str | None:
        return self.raises.get(version)


def parse_text(text: str, where: str = "<fixture>") -> Header:
    """Parse the header in the first 15 lines of ``text``; raise ``HeaderError`` if bad."""
    found: dict[str, str] = {}
    for number, line in enumerate(text.splitlines()[:HEADER_LINES], start=1):
        match = _LINE.match(line.strip())
        if not match:
            continue
        key = match.group("key") or ""
        value = match.group("value").strip()
        if key not in _KEYS:
            raise HeaderError(
                f"{where}:{number}: unknown header key '# runtime{key}:' "
                f"(known: {', '.join('runtime' + k for k in _KEYS)})"
            )
        if key in found:
            raise HeaderError(f"{where}:{number}: '# runtime{key}:' given twice")
        if not value:
            raise HeaderError(f"{where}:{number}: '# runtime{key}:' has no value")
        found[key] = value

    if "" not in found:
        raise HeaderError(
            f"{where}: no '# runtime: keras3=<outcome> keras2=<outcome>' line in the first "
            f"{HEADER_LINES} lines"
        )
    outcomes: dict[str, str] = {}
    for item in found[""].split():
        version, sep, outcome = item.partition("=")
        if not sep or version not in VERSIONS:
            raise HeaderError(
                f"{where}: bad item '{item}' in '# runtime:' (expected keras3=<outcome> "
                "keras2=<outcome>)"
            )
        if outcome not in OUTCOMES:
            raise HeaderError(
                f"{where}: unknown outcome '{outcome}' for {version} (one of {', '.join(OUTCOMES)})"
            )
        if version in outcomes:
            raise HeaderError(f"{where}: {version} given twice in '# runtime:'")
        outcomes[version] = outcome
    missing = [v for v in VERSIONS if v not in outcomes]
    if missing:
        raise HeaderError(f"{where}: '# runtime:' does not declare {', '.join(missing)}")

    raises: dict[str, str] = {}
    for version in VERSIONS:
        specific = found.get(f"-raises-{version}")
        if specific is not None and outcomes[version] not in ERROR_OUTCOMES:
            raise HeaderError(
                f"{where}: '# runtime-raises-{version}:' given but {version}={outcomes[version]}"
            )
        substring = specific or (
            found.get("-raises") if outcomes[version] in ERROR_OUTCOMES else None
        )
        if outcomes[version] in ERROR_OUTCOMES and not substring:
            raise HeaderError(
                f"{where}: {version}={outcomes[version]} needs '# runtime-raises:' or "
                f"'# runtime-raises-{version}:' (a substring of the real error text)"
            )
        if substring:
            raises[version] = substring
    if "-raises" in found and not any(
        outcomes[v] in ERROR_OUTCOMES and f"-raises-{v}" not in found for v in VERSIONS
    ):
        raise HeaderError(f"{where}: '# runtime-raises:' given but no version uses it")

    reason = found.get("-reason")
    for version in VERSIONS:
        if outcomes[version] in ("fails", "skip") and not reason:
            raise HeaderError(
                f"{where}: {version}={outcomes[version]} needs '# runtime-reason: <why>'"
            )
    if all(outcomes[v] == "skip" for v in VERSIONS):
        raise HeaderError(f"{where}: both versions are 'skip'; the fixture never runs")
    return Header(outcomes=outcomes, raises=raises, reason=reason)


def parse_file(path: str | Path) -> Header:
    path = Path(path)
    return parse_text(path.read_text(encoding="utf-8"), where=str(path))
