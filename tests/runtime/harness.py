"""The runtime harness: find fixtures, run them under Keras 3 and Keras 2, judge, render.

Standard library only (plus ``tfvarlint`` for message ids): everything except ``run`` works
without TensorFlow, so the header, observation and matrix-staleness tests are cheap.

    matrix = render_matrix(headers, expected .txt files, observed.json)
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import headers as hdr

RUNTIME_DIR = Path(__file__).resolve().parent
REPO = RUNTIME_DIR.parent.parent
FUNCTIONAL_DIR = REPO / "tests" / "functional"
SUPPORT_DIR = FUNCTIONAL_DIR / "_support"  # project packages the fixtures import
OBSERVED_JSON = RUNTIME_DIR / "observed.json"
MATRIX_MD = REPO / "docs" / "runtime-matrix.md"
TIMEOUT = 240
WORKERS = 2
MIXED_EXIT_CODE = 3  # runtime_support.MIXED_EXIT_CODE
_CASE_PREFIX = "--- case "  # runtime_support.CASE_PREFIX
EXCERPT_CHARS = 3000
FIRST_LINE_CHARS = 300
VERSION_ENV = {"keras3": None, "keras2": "1"}  # value of TF_USE_LEGACY_KERAS
VERSION_TITLE = {"keras3": "Keras 3", "keras2": "Keras 2 (tf-keras)"}


# --- fixtures -----------------------------------------------------------------------------


def fixture_key(path: Path) -> str:
    return path.relative_to(FUNCTIONAL_DIR).as_posix()


def discover() -> list[Path]:
    """Every runtime fixture: ``tests/functional/**/*.py`` except ``_``-prefixed helpers."""
    found = []
    for path in FUNCTIONAL_DIR.rglob("*.py"):
        parts = path.relative_to(FUNCTIONAL_DIR).parts
        if any(part.startswith("_") for part in parts):
            continue  # _drivers/, __init__.py, __pycache__
        found.append(path)
    return sorted(found, key=fixture_key)


def driver_for(fixture: Path) -> Path | None:
    """The companion driver ``<dir>/_drivers/<name>.py`` of a verbatim fixture, if any."""
    driver = fixture.parent / "_drivers" / fixture.name
    return driver if driver.is_file() else None


def script_for(fixture: Path) -> Path:
    return driver_for(fixture) or fixture


def planned_versions(fixture: Path) -> list[str]:
    """Versions to run: all but those the header declares ``skip`` (all if it is malformed)."""
    try:
        header = hdr.parse_file(fixture)
    except hdr.HeaderError:
        return list(hdr.VERSIONS)
    return [v for v in hdr.VERSIONS if header.outcomes[v] != "skip"]


def fingerprint(fixture: Path) -> str:
    """sha256 of what runs: the fixture and its driver."""
    digest = hashlib.sha256(fixture.read_bytes())
    driver = driver_for(fixture)
    if driver is not None:
        digest.update(b"\0driver\0" + driver.read_bytes())
    return digest.hexdigest()[:16]


# --- running ------------------------------------------------------------------------------


@dataclass
class Run:
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str
    seconds: float
    tmpdir: str
    fingerprint: str = ""  # of the fixture and driver as they were when the run started


def environment(version: str, tmpdir: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("TF_USE_LEGACY_KERAS", None)
    if VERSION_ENV[version] is not None:
        env["TF_USE_LEGACY_KERAS"] = VERSION_ENV[version]
    env["PYTHONPATH"] = os.pathsep.join([str(RUNTIME_DIR), str(SUPPORT_DIR)])
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    env["CUDA_VISIBLE_DEVICES"] = ""
    env["KERAS_HOME"] = tmpdir
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run(fixture: Path, version: str, python: str = sys.executable, timeout: int = TIMEOUT) -> Run:
    """Run the fixture's driver (or the fixture) in a fresh temp dir under ``version``."""
    tmpdir = tempfile.mkdtemp(prefix="tfvarlint-rt-")
    print_ = fingerprint(fixture)
    start = time.monotonic()
    try:
        proc = subprocess.run(
            [python, str(script_for(fixture))],
            cwd=tmpdir,
            env=environment(version, tmpdir),
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            check=False,
        )
        returncode, stdout, stderr = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        returncode = None
        stdout = _text(exc.stdout)
        stderr = _text(exc.stderr)
    finally:
        seconds = time.monotonic() - start
        shutil.rmtree(tmpdir, ignore_errors=True)
    return Run(returncode, stdout, stderr, seconds, tmpdir, print_)


def _text(data: bytes | str | None) -> str:
    if data is None:
        return ""
    return data if isinstance(data, str) else data.decode("utf-8", "replace")


# --- observing ----------------------------------------------------------------------------

_NOISE = re.compile(
    r"^([IWEF]\d{4} \d\d:\d\d:\d+\.\d+\s|WARNING: All log messages before absl"
    r"|\s*[\^~]+\s*$)"
)
_FRAME = re.compile(r'^\s+File "')
_SITE = re.compile(r"\S*?/(site|dist)-packages/")
_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")
_AUTOGRAPH = re.compile(r"__autograph_generated_file\w+")
_TMP = re.compile(r"/tmp/tfvarlint-rt-\w+")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def normalize(text: str, tmpdir: str = "") -> str:
    text = _ANSI.sub("", text)
    if tmpdir:
        text = text.replace(tmpdir, "<tmp>")
    text = _TMP.sub("<tmp>", text)
    text = text.replace(str(REPO), "<repo>")
    text = _SITE.sub("<site-packages>/", text)
    text = _AUTOGRAPH.sub("__autograph_generated_file", text)
    return _ADDRESS.sub("0x?", text)


def filtered_stderr(stderr: str) -> list[str]:
    """stderr without TF/absl log noise, traceback frame lines and their source lines."""
    kept: list[str] = []
    lines = stderr.splitlines()
    skip_source = False
    for line in lines:
        if _NOISE.match(line):
            continue
        if _FRAME.match(line):
            skip_source = True
            continue
        if skip_source and line[:1].isspace():
            skip_source = False
            continue
        skip_source = False
        kept.append(line.rstrip())
    return kept


_INNER_ERROR = re.compile(r"^\s+[A-Za-z_][\w.]*(Error|Exception|Exit)\w*: \S")
_KERAS3_WRAPPER = re.compile(r"^(?P<type>[\w.]+): Exception encountered when calling (?P<where>\S+)\.$")
_CASES = re.compile(r"^runtime_support\.CasesRaised: all (?P<n>\d+) cases raised")


def _headline(first: str, rest: list[str]) -> str:
    """The meaningful first line of an exception whose message starts with ``first``.

    Unwraps TensorFlow's ``X: in user code:`` (the wrapped error's line), Keras 3's
    ``X: Exception encountered when calling L.call().`` (the next line) and
    ``runtime_support.CasesRaised`` (the first case's error).
    """
    if first.endswith("in user code:"):
        inner = [line.strip() for line in rest if _INNER_ERROR.match(line)]
        return inner[-1] if inner else first
    wrapped = _KERAS3_WRAPPER.match(first)
    if wrapped:
        following = [line.strip() for line in rest if line.strip()]
        if following:
            return f"{wrapped['type']}: {following[0]} (in {wrapped['where']})"
        return first
    cases = _CASES.match(first)
    if cases:
        for index, line in enumerate(rest):
            if line.startswith(_CASE_PREFIX):
                case_first = line[len(_CASE_PREFIX) :].split(": ", 1)[-1]
                inner = _headline(case_first, rest[index + 1 :])
                return f"CasesRaised (all {cases['n']} cases), first: {inner}"
    return first


def exception_first_line(stderr: str) -> str:
    """First line of the final exception (after the last ``Traceback``), else last line."""
    lines = _ANSI.sub("", stderr).splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent")]
    if starts:
        rest = lines[starts[-1] + 1 :]
        for index, line in enumerate(rest):
            if line.strip() and not line[:1].isspace() and not _NOISE.match(line):
                return _headline(line.strip(), rest[index + 1 :])
    kept = [line for line in filtered_stderr(stderr) if line.strip()]
    return kept[-1].strip() if kept else ""


def error_excerpt(stderr: str, tmpdir: str = "") -> str:
    """Filtered stderr: the final exception whole (up to 12000 characters) and up to
    EXCERPT_CHARS characters before it."""
    lines = filtered_stderr(stderr)
    starts = [i for i, line in enumerate(lines) if line.startswith("Traceback (most recent")]
    cut = starts[-1] if starts else len(lines)
    before = normalize("\n".join(lines[:cut]), tmpdir)[-EXCERPT_CHARS:]
    final = normalize("\n".join(lines[cut:]), tmpdir)[:12000]
    return f"{before}\n{final}" if before else final


def _cap(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def observe(result: Run) -> dict:
    """The JSON record of one run: result class, error first line/excerpt, SILENT lines."""
    silent = [
        normalize(line.strip(), result.tmpdir)
        for line in result.stdout.splitlines()
        if line.startswith("SILENT:")
    ]
    record: dict = {"returncode": result.returncode}
    if result.returncode is None:
        record["result"] = "timeout"
    elif result.returncode == 0:
        record["result"] = "silent" if silent else "ok"
    elif result.returncode == MIXED_EXIT_CODE:
        record["result"] = "mixed"
    else:
        record["result"] = "error"
    if record["result"] in ("error", "mixed", "timeout"):
        if result.returncode is None:
            first = f"timed out after {TIMEOUT} s"
        elif result.returncode < 0:
            first = f"killed by signal {-result.returncode}"
        else:
            first = exception_first_line(result.stderr)
        record["first_line"] = _cap(normalize(first, result.tmpdir), FIRST_LINE_CHARS)
        record["error"] = error_excerpt(result.stderr, result.tmpdir)
    if silent:
        record["silent"] = silent
    return record


def skipped_record() -> dict:
    return {"result": "skipped"}


# --- judging ------------------------------------------------------------------------------

_CASES_RAISED = "CasesRaised: "


def _case_blocks(error: str) -> list[str]:
    """Per-case blocks of a ``runtime_support.CasesRaised`` final error, else []."""
    position = error.rfind(_CASES_RAISED)
    if position < 0:
        return []
    tail = error[position:]
    return [block for block in tail.split("\n" + _CASE_PREFIX)[1:]]


def judge(header: hdr.Header, version: str, record: dict | None) -> list[str]:
    """What is wrong with ``record`` given the header's claim for ``version`` ([] = agrees)."""
    declared = header.outcomes[version]
    if record is None:
        return [f"{version}: no observation"]
    result = record.get("result")
    if declared == "skip":
        return [] if result == "skipped" else [f"{version}: declared skip, but it was run"]
    if result == "skipped":
        return [f"{version}: declared {declared}, but not run"]
    detail = record.get("first_line") or "; ".join(record.get("silent", [])) or "(no output)"
    if declared == "ok":
        if result == "ok":
            return []
        return [f"{version}: declared ok, observed {result}: {detail}"]
    if declared == "silent":
        if result == "silent":
            return []
        if result == "ok":
            return [f"{version}: declared silent, but the driver printed no 'SILENT:' line"]
        return [f"{version}: declared silent, observed {result}: {detail}"]
    # raises / fails
    if result != "error":
        return [f"{version}: declared {declared}, observed {result}: {detail}"]
    substring = header.expected_substring(version) or ""
    error = record.get("error", "")
    blocks = _case_blocks(error)
    if blocks:
        missing = [b.split(":", 1)[0] for b in blocks if substring not in b]
        if missing:
            return [
                f"{version}: cases {', '.join(missing)} raised without {substring!r}: "
                f"{record.get('first_line', '')}"
            ]
        return []
    if substring not in error:
        return [f"{version}: error text lacks {substring!r}; got: {record.get('first_line', '')}"]
    return []


# --- observed.json ------------------------------------------------------------------------


def load_observed(path: Path = OBSERVED_JSON) -> dict:
    if not path.is_file():
        return {"versions": {}, "runs": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def save_observed(data: dict, path: Path = OBSERVED_JSON) -> None:
    data["runs"] = dict(sorted(data["runs"].items()))
    partial = path.with_suffix(".json.partial")
    partial.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(partial, path)  # readers never see a half-written file


def library_versions(python: str = sys.executable) -> dict[str, str]:
    code = (
        "import json, importlib.metadata as m\n"
        "out = {}\n"
        "for name in ('tensorflow', 'keras', 'tf-keras'):\n"
        "    try: out[name] = m.version(name)\n"
        "    except m.PackageNotFoundError: out[name] = 'absent'\n"
        "print(json.dumps(out))\n"
    )
    proc = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


# --- expected messages --------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _message_ids() -> dict[str, str]:
    """symbol -> message id, from the plugin's checker(s)."""
    import tfvarlint.checker as checker  # pylint: disable=import-outside-toplevel

    ids: dict[str, str] = {}
    for value in vars(checker).values():
        msgs = getattr(value, "msgs", None)
        if isinstance(value, type) and isinstance(msgs, dict):
            for msgid, spec in msgs.items():
                ids[spec[1]] = msgid
    return ids


def expected_messages(fixture: Path) -> list[tuple[str, int]]:
    """(symbol, line) of each message in the fixture's expected ``.txt`` (none if absent)."""
    txt = fixture.with_suffix(".txt")
    if not txt.is_file():
        return []
    out = []
    for line in txt.read_text(encoding="utf-8").splitlines():
        if line.strip():
            symbol, lineno = line.split(":", 2)[:2]
            out.append((symbol, int(lineno)))
    return out


def lint_options(fixture: Path) -> str:
    """The fixture's ``.rc`` tfvarlint options that differ from the shared rc, if any."""
    rc = fixture.with_suffix(".rc")
    if not rc.is_file():
        return ""
    options = [
        line.strip().replace("tfvarlint-", "")
        for line in rc.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("tfvarlint-") and not line.strip().endswith("=auto")
    ]
    return ", ".join(options)


# --- the matrix ---------------------------------------------------------------------------


_MODULE_PREFIX = re.compile(r"^(\w+\.)+(?=\w+: )")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _outcome_cell(header: hdr.Header, version: str, record: dict | None) -> str:
    declared = header.outcomes[version]
    problems = judge(header, version, record)
    if declared == "skip":
        text = "skip"
    elif record is None:
        text = f"{declared} (not observed)"
    elif declared in hdr.ERROR_OUTCOMES and record.get("result") == "error":
        first = _MODULE_PREFIX.sub("", record.get("first_line", ""))
        text = f"**{declared}**: `` {_cap(first, 160)} ``"
    elif declared == "silent" and record.get("result") == "silent":
        text = f"**silent**: {_cap(record['silent'][0][len('SILENT:'):].strip(), 160)}"
    else:
        text = declared
    if problems and record is not None:
        text += f" ✗ observed {record.get('result')}"
    return _cell(text)


def render_matrix(observed: dict | None = None) -> str:
    observed = load_observed() if observed is None else observed
    runs = observed.get("runs", {})
    ids = _message_ids()
    fixtures = discover()
    versions = observed.get("versions", {})
    lines = [
        "# Runtime matrix",
        "",
        "What every functional fixture really does under TensorFlow "
        f"{versions.get('tensorflow', '?')} with Keras 3 ({versions.get('keras', '?')}) and "
        f"with tf-keras {versions.get('tf-keras', '?')} (Keras 2, `TF_USE_LEGACY_KERAS=1`).",
        "",
        "Generated by `python tests/runtime/matrix.py` (with TensorFlow installed) from the",
        "fixtures' `# runtime:` headers, their expected `.txt` messages and the runs recorded in",
        "`tests/runtime/observed.json`; `tests/runtime/test_runtime.py` fails when this file is",
        "stale. Do not edit it by hand. Outcomes (tests/runtime/README.md): **raises** = fails",
        "with the mistake's own error (first line shown), **silent** = runs but is wrong (what",
        "the driver measured), **ok** = runs correctly, **fails** = fails for a reason no rule",
        "covers, skip = not run under that version. ✗ marks an observation that contradicts the",
        "header.",
        "",
    ]
    counts: dict[str, dict[str, int]] = {v: {} for v in hdr.VERSIONS}
    tally = {"agree": 0, "disagree": 0, "not observed": 0}
    rows_by_dir: dict[str, list[str]] = {}
    bad_headers = []
    for fixture in fixtures:
        key = fixture_key(fixture)
        try:
            header = hdr.parse_file(fixture)
        except hdr.HeaderError as exc:
            bad_headers.append(f"- `{key}`: {_cell(str(exc).replace(str(REPO) + '/', ''))}")
            continue
        entry = runs.get(key, {})
        if entry.get("fingerprint") != fingerprint(fixture):
            entry = {}  # observed on another version of the fixture: not evidence
        messages = [
            f"{ids.get(symbol, '?')} {symbol} (l.{line})"
            for symbol, line in expected_messages(fixture)
        ]
        messages_text = "<br>".join(messages) if messages else "none"
        options = lint_options(fixture)
        if options:
            messages_text += f" [lint: {options}]"
        cells = []
        for version in hdr.VERSIONS:
            declared = header.outcomes[version]
            counts[version][declared] = counts[version].get(declared, 0) + 1
            record = entry.get(version)
            if record is None:
                tally["not observed"] += 1
            else:
                tally["disagree" if judge(header, version, record) else "agree"] += 1
            cells.append(_outcome_cell(header, version, record))
        link = f"[{fixture.stem}](../tests/functional/{key})"
        reason = _cell(header.reason or "")
        rows_by_dir.setdefault(fixture.parent.relative_to(FUNCTIONAL_DIR).as_posix(), []).append(
            f"| {link} | {_cell(messages_text)} | {cells[0]} | {cells[1]} | {reason} |"
        )
    total = sum(len(rows) for rows in rows_by_dir.values())
    lines.append(
        f"{total} fixtures with a valid header; of their runs, {tally['agree']} agree with "
        f"the header, {tally['disagree']} disagree (✗), {tally['not observed']} are not "
        "observed in the fixture's current form. Declared outcomes:"
    )
    lines.append("")
    lines.append("| | " + " | ".join(o for o in hdr.OUTCOMES) + " |")
    lines.append("|---|" + "---|" * len(hdr.OUTCOMES))
    for version in hdr.VERSIONS:
        lines.append(
            f"| {VERSION_TITLE[version]} | "
            + " | ".join(str(counts[version].get(o, 0)) for o in hdr.OUTCOMES)
            + " |"
        )
    lines.append("")
    if bad_headers:
        lines += ["## Fixtures with a malformed header", ""] + bad_headers + [""]
    for directory, rows in sorted(rows_by_dir.items()):
        lines += [
            f"## {directory}",
            "",
            f"| fixture | messages | {VERSION_TITLE['keras3']} | {VERSION_TITLE['keras2']} "
            "| reason |",
            "|---|---|---|---|---|",
            *rows,
            "",
        ]
    import fixed  # pylint: disable=import-outside-toplevel  # golden files of --fix

    lines += fixed.render_section()
    return "\n".join(lines)
