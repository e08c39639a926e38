"""``python -m tfvarlint.fix --diff PATH...``: the same as ``tfvarlint --diff``."""

import sys

from tfvarlint.fix import main

sys.exit(main())
