"""The runtime harness's own parts, without TensorFlow: header parser, run_cases, judge."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import harness
import headers as hdr
import runtime_support


def test_header_parses_outcomes_substrings_reason() -> None:
    header = hdr.parse_text(
        "import tensorflow as tf\n"
        "# runtime: keras3=raises keras2=fails\n"
        "# runtime-raises: singleton\n"
        "# runtime-raises-keras2: could not be lifted out of a\n"
        "# runtime-reason: tf-keras lifts the initial value first\n"
    )
    assert header.outcomes == {"keras3": "raises", "keras2": "fails"}
    assert header.raises == {"keras3": "singleton", "keras2": "could not be lifted out of a"}
    assert header.reason == "tf-keras lifts the initial value first"


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("x = 1\n", "no '# runtime:"),
        ("# runtime: keras3=ok\n", "does not declare keras2"),
        ("# runtime: keras3=ok keras2=fine\n", "unknown outcome 'fine'"),
        ("# runtime: keras3=ok keras4=ok\n", "bad item 'keras4=ok'"),
        ("# runtime: keras3 ok keras2 ok\n", "bad item 'keras3'"),
        ("# runtime: keras3=raises keras2=ok\n", "needs '# runtime-raises:'"),
        ("# runtime: keras3=fails keras2=ok\n# runtime-raises: X\n", "needs '# runtime-reason"),
        ("# runtime: keras3=ok keras2=skip\n", "needs '# runtime-reason"),
        ("# runtime: keras3=ok keras2=ok\n# runtime-raises: X\n", "no version uses it"),
        ("# runtime: keras3=ok keras2=ok\n# runtime-raises-keras2: X\n", "given but keras2=ok"),
        ("# runtime: keras3=ok keras2=ok\n# runtime-raise: X\n", "unknown header key"),
        ("# runtime: keras3=ok keras2=ok\n# runtime: keras3=ok keras2=ok\n", "given twice"),
        ("# runtime: keras3=ok keras2=ok\n# runtime-reason:\n", "has no value"),
        ("# runtime: keras3=skip keras2=skip\n# runtime-reason: r\n", "never runs"),
        ("\n" * 15 + "# runtime: keras3=ok keras2=ok\n", "first 15 lines"),
    ],
)
def test_malformed_headers_are_rejected(text: str, complaint: str) -> None:
    with pytest.raises(hdr.HeaderError, match=None) as info:
        hdr.parse_text(text, where="f.py")
    assert complaint in str(info.value)


def _run_script(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    script = tmp_path / "cases.py"
    script.write_text(textwrap.dedent(body))
    return subprocess.run(
        [sys.executable, str(script)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(harness.RUNTIME_DIR)},
        check=False,
    )


CASES = """
    import runtime_support
    def case_a():
        {a}
    def case_b():
        {b}
    runtime_support.run_cases(case_a, case_b)
    print("returned")
"""


def test_run_cases_all_raise(tmp_path: Path) -> None:
    proc = _run_script(
        tmp_path, CASES.format(a="raise ValueError('boom A')", b="raise KeyError('boom B')")
    )
    assert proc.returncode == 1
    record = harness.observe(harness.Run(proc.returncode, proc.stdout, proc.stderr, 0.0, ""))
    assert record["first_line"] == "CasesRaised (all 2 cases), first: ValueError: boom A"
    both = hdr.parse_text("# runtime: keras3=raises keras2=ok\n# runtime-raises: boom\n")
    assert harness.judge(both, "keras3", record) == []
    only_a = hdr.parse_text("# runtime: keras3=raises keras2=ok\n# runtime-raises: boom A\n")
    assert "case_b" in harness.judge(only_a, "keras3", record)[0]


def test_every_case_of_many_is_checked(tmp_path: Path) -> None:
    long = "x" * 1500
    raises = "raise ValueError('singleton {}'.format(%r))" % long
    body = "import runtime_support\n"
    for index in range(9):
        error = "raise ValueError('other')" if index == 0 else raises
        body += f"def case_{index}():\n    {error}\n"
    body += "runtime_support.run_cases(" + ", ".join(f"case_{i}" for i in range(9)) + ")\n"
    proc = _run_script(tmp_path, body)
    record = harness.observe(harness.Run(proc.returncode, proc.stdout, proc.stderr, 0.0, ""))
    header = hdr.parse_text("# runtime: keras3=raises keras2=ok\n# runtime-raises: singleton\n")
    problems = harness.judge(header, "keras3", record)
    assert problems and "case_0" in problems[0] and "case_1" not in problems[0]


def test_run_cases_mixed_exits_3(tmp_path: Path) -> None:
    proc = _run_script(tmp_path, CASES.format(a="raise ValueError('boom A')", b="pass"))
    assert proc.returncode == runtime_support.MIXED_EXIT_CODE
    assert "case case_b did not raise" in proc.stderr
    record = harness.observe(harness.Run(proc.returncode, proc.stdout, proc.stderr, 0.0, ""))
    header = hdr.parse_text("# runtime: keras3=raises keras2=ok\n# runtime-raises: boom\n")
    assert harness.judge(header, "keras3", record)  # never taken as 'raises'


def test_run_cases_none_raise_returns(tmp_path: Path) -> None:
    proc = _run_script(tmp_path, CASES.format(a="pass", b="runtime_support.silent('grew')"))
    assert proc.returncode == 0 and "returned" in proc.stdout
    record = harness.observe(harness.Run(proc.returncode, proc.stdout, proc.stderr, 0.0, ""))
    assert record == {"returncode": 0, "result": "silent", "silent": ["SILENT: grew"]}


@pytest.mark.parametrize(
    ("declared", "record", "agrees"),
    [
        ("ok", {"result": "ok"}, True),
        ("ok", {"result": "silent", "silent": ["SILENT: x"]}, False),
        ("silent", {"result": "ok"}, False),
        ("silent", {"result": "silent", "silent": ["SILENT: x"]}, True),
        ("raises", {"result": "error", "error": "ValueError: singleton", "first_line": ""}, True),
        ("raises", {"result": "error", "error": "ValueError: other", "first_line": ""}, False),
        ("raises", {"result": "ok"}, False),
        ("raises", {"result": "timeout", "error": "singleton"}, False),
        ("ok", None, False),
    ],
)
def test_judge(declared: str, record: dict | None, agrees: bool) -> None:
    extra = "# runtime-raises: singleton\n" if declared == "raises" else ""
    header = hdr.parse_text(f"# runtime: keras3={declared} keras2=ok\n{extra}")
    assert (harness.judge(header, "keras3", record) == []) is agrees


def test_first_line_of_wrapped_error() -> None:
    stderr = textwrap.dedent(
        """\
        I0000 00:00:1795519528.343748   14584 cudart_stub.cc:31] noise
        Traceback (most recent call last):
          File "x.py", line 3, in <module>
            model.fit(x)
        ValueError: in user code:

            File "y.py", line 9, in call  *
                w = tf.Variable(1.0)

            ValueError: tf.function only supports singleton tf.Variables created on the first call.
        """
    )
    assert harness.exception_first_line(stderr) == (
        "ValueError: tf.function only supports singleton tf.Variables created on the first call."
    )
    assert "noise" not in "\n".join(harness.filtered_stderr(stderr))
    assert "tf.Variable(1.0)" not in "\n".join(harness.filtered_stderr(stderr))


def test_first_line_of_keras3_wrapped_error() -> None:
    stderr = (
        "Traceback (most recent call last):\n"
        '  File "x.py", line 3, in <module>\n'
        "ValueError: Exception encountered when calling Loss.call().\n\n"
        "\x1b[1mCould not be lifted out of a `tf.function`.\x1b[0m\n\n"
        "Arguments received by Loss.call():\n"
    )
    assert harness.exception_first_line(stderr) == (
        "ValueError: Could not be lifted out of a `tf.function`. (in Loss.call())"
    )


def test_load_definitions_skips_module_level_code(tmp_path: Path) -> None:
    fixture = tmp_path / "fixture.py"
    fixture.write_text("import os\nclass A:\n    x = os.sep\nraise SystemExit('ran')\n")
    namespace = runtime_support.load_definitions(fixture)
    assert namespace["A"].x == namespace["os"].sep
