"""Where the message pages are published: the one place that names the repository URL."""

from __future__ import annotations

from importlib import metadata

# The project's public repository (placeholder until the project is published: change it here).
REPOSITORY_URL = "https://github.com/tfvarlint/tfvarlint"


def _version() -> str:
    try:
        return metadata.version("tfvarlint")
    except metadata.PackageNotFoundError:
        return "0.1.0"


def message_url(symbol: str) -> str:
    """The message page of ``symbol`` for this version of tfvarlint."""
    return f"{REPOSITORY_URL}/blob/v{_version()}/docs/messages/{symbol}.md"
