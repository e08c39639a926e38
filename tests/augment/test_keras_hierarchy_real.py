"""Flattened Keras hierarchies answer as the real ones (issue 14), with TensorFlow installed.

:mod:`tfvarlint.keras_hierarchy` gives each deep Keras class one set of inherited classes
instead of its eight or ten ancestors. ``hierarchy_answers.py`` asks astroid and pylint's
class helpers about every class the public Keras 3 and tf-keras API modules export (each
attribute's ``getattr``, ``local_attr``, ``igetattr`` on the class and on an instance, each
instance attribute's ``instance_attr``, methods, abstract methods, metaclass, slots...),
once with the hierarchies flattened and once as written; the answers must be the same.

The one difference allowed is where astroid contradicts itself: a name its depth-first
``getattr`` finds in one ancestor and its method resolution order (``local_attr``) in
another, neither of them ``object``; the flattened class answers by the method resolution
order, as Python does (two tf-keras recurrent layers, two private TensorFlow methods).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from test_augment import _require

HERE = Path(__file__).resolve().parent
_ASKS = ("getattr ", "igetattr ", "instance ", "local_attr ")


def _answers(tmp_path: Path, *options: str) -> dict[str, dict[str, object]]:
    out = tmp_path / f"answers{'-'.join(options)}.json"
    env = {**os.environ, "PYLINTHOME": str(tmp_path / "home")}
    proc = subprocess.run(
        [sys.executable, str(HERE / "hierarchy_answers.py"), str(out), *options],
        capture_output=True, text=True, env=env, check=False, timeout=900,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def _contradicted(answers: dict[str, object]) -> set[str]:
    """Names whose first ``getattr`` definition is not their ``local_attr`` one, and not
    ``object``'s (which the flattened class answers as astroid does)."""
    names = set()
    for key, value in answers.items():
        if key.startswith("getattr ") and ":builtins:" not in str(value):
            name = key.split(" ", 1)[1]
            local = answers.get(f"local_attr {name}")
            if isinstance(local, list) and local and local[0] != value:
                names.add(name)
    return names


def test_flattened_classes_answer_as_written(tmp_path: Path) -> None:
    _require("tensorflow")
    _require("tf_keras")
    with ThreadPoolExecutor(2) as pool:
        flat_job = pool.submit(_answers, tmp_path)
        real_job = pool.submit(_answers, tmp_path, "--real")
        flat, real = flat_job.result(), real_job.result()
    assert flat.keys() == real.keys()
    assert len(real) > 400  # every public class of Keras 3 and tf-keras, not a few
    flattened = [name for name in real if flat[name]["ancestors"] < real[name]["ancestors"]]
    assert any(name.endswith(".layers.core.dense.Dense") for name in flattened)
    assert len(flattened) > len(real) / 2
    differences = []
    for cls, answers in real.items():
        contradicted = _contradicted(answers)
        for key, value in answers.items():
            if key == "ancestors":
                continue
            got = flat[cls].get(key)
            name = key.split(" ", 1)[1] if key.startswith(_ASKS) else None
            if name in contradicted:
                if key.startswith("getattr "):  # the method resolution order's, as in Python
                    local = answers[f"local_attr {name}"]
                    assert isinstance(local, list)
                    assert got == local[0], (cls, key)
                continue
            if key == "methods" and contradicted:  # holds the contradicted names' methods
                continue
            if got != value:
                differences.append((cls, key, value, got))
    assert not differences, differences[:20]
