"""A test-only pylint plugin: make tfvarlint analyse every module, TF imports or not.

tfvarlint skips modules that import no TensorFlow/Keras (its cheap prefilter); for the
standard-library crawl this plugin, loaded after tfvarlint, makes every module look like it
imports TensorFlow, so all of the plugin's analysis runs on every file.
"""

from __future__ import annotations

from tfvarlint import checker


def register(_linter) -> None:
    original = checker.imported_top_packages
    if getattr(original, "forced", False):
        return

    def every_module(module):
        return original(module) | {"tensorflow"}

    every_module.forced = True  # type: ignore[attr-defined]
    checker.imported_top_packages = every_module
