"""The interface's language: every string the window and ``uaction`` show goes through here.

Stdlib gettext over the compiled catalogs in ``resources/locale/<lang>/LC_MESSAGES/uaction.mo``
(made from the ``.po`` files by ``python packaging/catalogs.py compile``). No Qt and no Babel at
import: start-up only pays for opening one small file. Letter text to officials is not in these
catalogs (it has its own per-language wording); this is the interface only.

Strings built at import time (module constants) must be marked with ``N_`` and translated where
they are shown, or they would stay in the language of the moment the module was imported.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path

DOMAIN = "uaction"
LANGUAGES = ("en", "fr", "es", "de")
# Each language in its own name: someone who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
DEFAULT = "en"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT


def locale_dir() -> Path:
    """Where the catalogs are (a checkout's, a wheel's or the bundle's resources)."""
    from uaction_desktop.resources import resource_path

    return resource_path("locale")


def normalize(code: str) -> str:
    """A supported language code from "fr", "fr_CA.UTF-8", "de-AT", or "" when not supported."""
    base = code.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else ""


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the system asks for ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG, as gettext
    reads them), if the app has it; else English. "C" and "POSIX" mean English."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "")
        if not value:
            continue
        for code in value.split(":"):
            found = normalize(code)
            if found:
                return found
        if variable != "LANGUAGE":
            return DEFAULT  # set, to a language the app does not have: English, like gettext
    return DEFAULT


def set_language(code: str) -> str:
    """Use ``code``'s catalog from now on; returns the language in use (English when the
    catalog is missing or unreadable: the interface still works, in English)."""
    global _translations, _language
    language = normalize(code) or DEFAULT
    translations: _gettext.NullTranslations = _gettext.NullTranslations()
    if language != DEFAULT:
        path = locale_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
        try:
            with open(path, "rb") as file:
                translations = _gettext.GNUTranslations(file)
        except (OSError, ValueError):
            language = DEFAULT
    _translations, _language = translations, language
    return language


def use_translations(translations: _gettext.NullTranslations, code: str) -> None:
    """Install a catalog read elsewhere (the tests' pseudo-language)."""
    global _translations, _language
    _translations, _language = translations, code


def current_language() -> str:
    return _language


def gettext(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _translations.npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for the catalog without translating it now (module constants)."""
    return message


_ = gettext


def babel_locale() -> str:
    """The Babel locale dates and numbers are written in, for the interface ("8 June 2018":
    English day-first, as the window always wrote it)."""
    return "en_GB" if _language == "en" else _language


# CLDR's month names and long date patterns for the four languages (tests/test_i18n.py checks
# them against Babel): the case view writes dates on the first screen, and Babel costs start-up.
_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
_LONG = {"en": "{d} {m} {y}", "fr": "{d} {m} {y}", "es": "{d} de {m} de {y}", "de": "{d}. {m} {y}"}


def format_date(value: date, format: str = "medium") -> str:
    """A date as the interface language writes it: "long" is "8 June 2018" / "8 juin 2018" /
    "8 de junio de 2018" / "8. Juni 2018" without loading Babel; other formats use Babel."""
    if format == "long" and _language in _LONG:
        month = _MONTHS[_language].split()[value.month - 1]
        return _LONG[_language].format(d=value.day, m=month, y=value.year)
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=format, locale=babel_locale())


def format_datetime(value: object, format: str = "medium") -> str:
    """A date and time as the interface language writes them."""
    from babel.dates import format_datetime as babel_format_datetime

    return babel_format_datetime(value, format=format, locale=babel_locale())  # type: ignore[arg-type]


def format_time(value: object, format: str = "medium") -> str:
    from babel.dates import format_time as babel_format_time

    return babel_format_time(value, format=format, locale=babel_locale())  # type: ignore[arg-type]


def format_month(year: int, month: int) -> str:
    """ "Dec 2026" / "déc. 2026" / "Dez. 2026": a month in a chart's label."""
    from datetime import date

    from babel.dates import format_skeleton

    return format_skeleton("yMMM", date(year, month, 1), locale=babel_locale())


def format_number(value: float) -> str:
    """A number as the interface language writes it ("1,234" / "1 234" / "1.234")."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale())
