"""``python -m tfvarlint``: the same as the ``tfvarlint`` command."""

import sys

from tfvarlint.cli import main

sys.exit(main())
