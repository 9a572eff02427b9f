"""File names from save dialogs: a name typed without its extension gets it.

Not every platform's dialog adds the filter's extension, and a file called ``meeting`` is one
nobody can open by double-clicking.
"""

from __future__ import annotations


def with_suffix(path: str, suffix: str) -> str:
    """``path`` ending in ``suffix`` (".pdf", ".csv"...), added if it is missing."""
    return path if path.lower().endswith(suffix.lower()) else path + suffix
