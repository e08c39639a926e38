"""pylint output formats shipped with tfvarlint.

Use ``--output-format=tfvarlint.reporters.sarif.SarifReporter``.
"""
