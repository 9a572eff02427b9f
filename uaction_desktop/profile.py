"""The sender profile: who is writing, from where, and how they like to sign off.

Stored as TOML in the config folder and written atomically. Command-line flags and the window
override single fields without touching the file.
"""

from __future__ import annotations

import contextlib
import re
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.bounded import TooLargeOrSpecial, read_bytes_bounded
from uaction_desktop.i18n import N_, _

LAYOUTS = ("a4-din-b", "letter-no10")
LAYOUT_LABELS = {  # as people choose paper: by sheet and envelope
    "a4-din-b": N_("A4, DL/C5 window envelope"),
    "letter-no10": N_("US Letter, No. 10 window envelope"),
}


@dataclass(frozen=True)
class SenderProfile:
    name: str = ""
    address: tuple[str, ...] = ()
    email: str = ""
    country: str = ""  # the country the writer writes from
    group: str = ""  # e.g. "Amnesty International Group 42, Springfield"
    closing: str = ""  # "" means the layout's usual phrase
    layout: str = ""  # "" means the paper of the writer's country (see ``paper``)
    locale: str = ""  # e.g. "en_GB"; "" means derived from the layout
    language: str = ""  # "en", "fr", "es", "de"; "" follows the system (languages.py)

    @property
    def paper(self) -> str:
        """The layout letters are printed on: the one chosen, else the country's usual paper."""
        if self.layout:
            return self.layout
        from uaction_desktop.paper import paper_for_country

        return paper_for_country(self.country)

    @property
    def is_complete(self) -> bool:
        return bool(self.name.strip()) and bool(self.address)

    def effective_locale(self, layout: str | None = None) -> str:
        """The locale dates are written in: the profile's if the app has it (a well-formed
        but unknown one such as "xx_YY" falls back), else the layout's usual one."""
        if self.locale:
            from babel import localedata  # loaded by then: dates are formatted with Babel

            try:
                if localedata.exists(self.locale):
                    return self.locale
            except (ValueError, OSError):  # not even a well-formed name ("../x", "British")
                pass
        return "en_US" if (layout or self.paper) == "letter-no10" else "en_GB"

    def effective_closing(self, layout: str | None = None) -> str:
        if self.closing:
            return self.closing
        return "Sincerely," if (layout or self.paper) == "letter-no10" else "Yours sincerely,"

    def with_overrides(self, **changes: Any) -> SenderProfile:
        clean = {k: v for k, v in changes.items() if v not in (None, (), [])}
        if "address" in clean:
            clean["address"] = tuple(clean["address"])
        return replace(self, **clean)


class ProfileError(Exception):
    """The profile file exists but cannot be used; the message is for the user."""


MAX_FILE_BYTES = 256 * 1024  # a profile is a few lines


def _read(path: Path) -> dict[str, Any]:
    """The profile's TOML table; any failure to read or parse it is a :class:`ProfileError`."""
    try:
        text = read_bytes_bounded(path, MAX_FILE_BYTES).decode("utf-8")
        return tomllib.loads(text)
    except TooLargeOrSpecial as exc:
        raise ProfileError(_unreadable(path, _("it is {what}").format(what=exc.message))) from exc
    except RecursionError as exc:
        raise ProfileError(_unreadable(path, _("nested too deeply"))) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(_unreadable(path, str(exc))) from exc
    except ValueError as exc:  # not UTF-8, or a number of thousands of digits
        utf8 = isinstance(exc, UnicodeDecodeError)
        reason = _("not UTF-8 text") if utf8 else _("a number is too long")
        raise ProfileError(_unreadable(path, reason)) from exc
    except OSError as exc:
        raise ProfileError(_unreadable(path, str(exc.strerror or exc))) from exc


def _unreadable(path: Path, reason: str) -> str:
    return _("{path}: cannot read the sender profile: {reason}").format(path=path, reason=reason)


# Versions from before the paper followed the writer's country wrote ``layout = "a4-din-b"``
# into every profile, chosen or not. Files written now say whether the paper was chosen
# (``layout_chosen``), so a file with A4 and without that marker is an earlier version's
# default, not the writer's choice.
OLD_DEFAULT_LAYOUT = "a4-din-b"
CHOSEN_MARKER = "layout_chosen"


def load_profile(path: Path) -> SenderProfile:
    if not path.exists():
        return SenderProfile()
    return _profile(_read(path), path)


def load_and_upgrade(path: Path) -> tuple[SenderProfile, str]:
    """The profile; an earlier version's file is upgraded once (saved with the marker) and, if
    that changes the paper letters go on, the sentence that tells the writer so."""
    if not path.exists():
        return SenderProfile(), ""
    data = _read(path)
    profile = _profile(data, path)
    if CHOSEN_MARKER in data:
        return profile, ""
    note = ""
    if data.get("layout") == OLD_DEFAULT_LAYOUT and profile.paper != OLD_DEFAULT_LAYOUT:
        note = (
            f"Letters now go on {LAYOUT_LABELS[profile.paper]} paper, the usual one where you "
            f"write from ({profile.country}): earlier versions put A4 in every profile. To keep "
            "A4, choose it in Preferences or with `uaction profile --layout a4-din-b`."
        )
    with contextlib.suppress(OSError):  # read-only: the same upgrade, in memory, next time
        save_profile(path, profile)
    return profile, note


def _profile(data: dict[str, Any], path: Path) -> SenderProfile:
    known = {f.name for f in fields(SenderProfile)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            continue  # a newer version's field: keep reading, never fail on it
        if key == "address":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ProfileError(_("{path}: address must be a list of lines").format(path=path))
            values[key] = tuple(value)
        elif isinstance(value, str):
            values[key] = value
        else:
            raise ProfileError(_("{path}: {key} must be text").format(path=path, key=key))
    if "locale" in values:
        values["locale"] = _locale(values["locale"], path)
    if values.get("layout") == OLD_DEFAULT_LAYOUT and data.get(CHOSEN_MARKER) is not True:
        values["layout"] = ""  # an earlier version's default: the paper of the writer's country
    profile = SenderProfile(**values)
    if profile.layout and profile.layout not in LAYOUTS:
        profile = replace(profile, layout="")  # an unknown paper: the country's usual one
    return profile


def _locale(value: str, path: Path) -> str:
    """ "en-gb", "en_GB.UTF-8" (as $LANG writes it) -> "en_GB". Never an error: a locale the
    app does not have is kept in the file and dates fall back to the layout's (see
    :meth:`SenderProfile.effective_locale`), so a typo here cannot lose the whole profile."""
    text = re.split(r"[.@]", value.strip(), maxsplit=1)[0].replace("-", "_")
    if not text:
        return ""
    parts = text.split("_")
    parts[0] = parts[0].lower()
    parts[1:] = [p.title() if len(p) == 4 else p.upper() for p in parts[1:]]
    return "_".join(parts)


def save_profile(path: Path, profile: SenderProfile) -> Path | None:
    """Write the profile. Settings this version does not know (from a newer one) are kept; a
    file that cannot be read is not overwritten but moved aside, and its new name returned."""
    import tomli_w  # only when writing: not needed to start the app

    kept: dict[str, Any] = {}
    moved: Path | None = None
    if path.exists():
        try:
            load_profile(path)
            kept = _read(path)
        except ProfileError:
            moved = set_aside(path)
    data = {key: value for key, value in kept.items() if key not in _FIELDS}
    data.update(asdict(profile))
    data["address"] = list(profile.address)
    data[CHOSEN_MARKER] = bool(profile.layout)
    write_text_atomic(path, tomli_w.dumps(data), make_parents=True)
    return moved


_FIELDS = {f.name for f in fields(SenderProfile)}


def set_aside(path: Path) -> Path:
    """Rename an unusable profile to ``profile.unreadable-<time>.toml`` (never over another)
    so that it is kept for the user to look at, and return the new name."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
    moved = path.with_name(f"{path.stem}.unreadable-{stamp}.toml")
    number = 1
    while moved.exists() or moved.is_symlink():
        number += 1
        moved = path.with_name(f"{path.stem}.unreadable-{stamp}-{number}.toml")
    path.replace(moved)
    return moved


def load_or_set_aside(path: Path) -> tuple[SenderProfile, str]:
    """The profile, or (when it cannot be used) the defaults and a sentence saying where the
    unusable file was moved: one broken file must not stop every command."""
    try:
        return load_and_upgrade(path)
    except ProfileError as exc:
        try:
            moved = set_aside(path)
        except OSError as move_error:
            return SenderProfile(), (
                f"{exc}; it could not be moved aside ({move_error.strerror or move_error}), "
                "so the defaults are used"
            )
        return SenderProfile(), f"{exc}; it was moved to {moved} and the defaults are used"
