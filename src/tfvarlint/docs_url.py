"""Where tfvarlint's documentation lives on the web: the one place to change the URL.

``REPOSITORY_URL`` is a placeholder until the project has a public home. It is defined
here once; ``pyproject.toml``'s ``[project.urls]`` repeats it as a literal (a build cannot
import the package) and ``tests/test_packaging.py`` checks that the two agree. The docs
and examples say ``<repository URL>`` where a user must substitute it.

Message pages are linked at the tag of the installed version (``v0.1.0``), so that a help
text always describes the code that printed it.
"""

from __future__ import annotations

import sys
from functools import cache

REPOSITORY_URL = "https://github.com/tfvarlint/tfvarlint"
MESSAGE_PAGE = "{repository}/blob/v{version}/docs/messages/{symbol}.md"


@cache
def _version() -> str:
    # The package is imported before any of its modules: its __version__ is always there
    # (read through sys.modules, so that this module does not import its own package).
    return str(sys.modules[__package__ or "tfvarlint"].__version__)


def message_url(symbol: str) -> str:
    """The web page of message ``symbol`` (e.g. ``tf-variable-created-in-call``)."""
    return MESSAGE_PAGE.format(repository=REPOSITORY_URL, version=_version(), symbol=symbol)


def messages_index_url() -> str:
    """The index of every tfvarlint message."""
    return f"{REPOSITORY_URL}/blob/v{_version()}/docs/messages/README.md"
