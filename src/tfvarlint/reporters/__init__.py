"""pylint output formats shipped with tfvarlint.

``--load-plugins=tfvarlint`` registers ``--output-format=tfvarlint-sarif`` (SARIF 2.1.0,
:mod:`tfvarlint.reporters.sarif`); the ``tfvarlint`` command also accepts ``sarif``.
"""
