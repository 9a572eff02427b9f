"""Where the user's files live. Every location the app writes to comes from here.

Normally platformdirs decides. ``UACTION_HOME=DIR`` (or ``--home DIR``) is portable mode, for a
USB stick and for tests: everything then lives below that one folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "uaction-desktop"
HOME_ENV = "UACTION_HOME"
CASE_DRAFTS_FOLDER = "case-drafts"  # beside the cases folder: the case editor's unsaved work


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    cases_dir: Path
    log_dir: Path
    cache_dir: Path  # derived data only (the case index): deleting it is always safe

    @property
    def profile_file(self) -> Path:
        return self.config_dir / "profile.toml"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def action_log_file(self) -> Path:
        return self.data_dir / "actions.sqlite3"

    @property
    def drafts_dir(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def case_index_dir(self) -> Path:
        return self.cache_dir / "case-index"

    @property
    def case_drafts_dir(self) -> Path:
        return self.cases_dir.parent / CASE_DRAFTS_FOLDER


def app_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """The app's folders: ``home`` if given, else ``$UACTION_HOME``, else the platform's own."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        data = root / "data"
        return AppPaths(
            config_dir=root / "config",
            data_dir=data,
            cases_dir=data / "cases",
            log_dir=root / "logs",
            cache_dir=root / "cache",
        )
    import platformdirs  # not needed (nor loaded) in portable mode

    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return AppPaths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=data,
        cases_dir=data / "cases",
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )
