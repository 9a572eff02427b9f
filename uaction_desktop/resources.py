"""Locate bundled files (templates, fonts, icons, cases) in a source checkout or an installed wheel.

A wheel carries them under ``uaction_desktop/_data``; a checkout (and an editable install) keeps
them at the repository's top level. Both are read through this one module.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _data_root() -> Path:
    installed = _PACKAGE_DIR / "_data"
    if (installed / "resources").is_dir():
        return installed
    return _PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return _data_root().joinpath("resources", *parts)


def bundled_cases_dir() -> Path:
    """The folder of case files shipped with the app."""
    return _data_root() / "cases"
