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
from datetime import date
from functools import cache
from pathlib import Path

DOMAIN = "uaction"
DEFAULT = "en"

_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT


def locale_dir() -> Path:
    """Where the catalogs are (a checkout's, a wheel's or the bundle's resources)."""
    from uaction_desktop.resources import resource_path

    return resource_path("locale")


def normalize(code: str) -> str:
    """A supported language code from "fr", "fr_CA.UTF-8", "de-AT", or "" when not supported."""
    from uaction_desktop.languages import language_code

    return language_code(code)


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


def take_language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--lang fr`` (or ``--lang=fr``) anywhere before ``--``: its value and the other
    arguments. Read before the option parser is built, so that the help is in that language
    too; the value is checked by :func:`check_language_option`."""
    rest: list[str] = []
    value: str | None = None
    items = iter(argv)
    for arg in items:
        if arg == "--":
            rest += [arg, *items]
            break
        if arg == "--lang":
            value = next(items, "")
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            rest.append(arg)
    return value, rest


def check_language_option(value: str) -> str | None:
    """The problem with a ``--lang`` value, in one sentence, or None when it is one of ours."""
    from uaction_desktop.languages import APP_LANGUAGES

    if value in APP_LANGUAGES:
        return None
    return _("--lang: {value!r} is not one of {choices}").format(
        value=value, choices=", ".join(APP_LANGUAGES)
    )


# argparse's own words (usage, headings, its error messages) as Python 3.11-3.13 write them:
# listed here for the catalog; ``translate_argparse`` makes argparse look them up in it.
_ARGPARSE = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
)


def translate_argparse() -> None:
    """argparse calls ``gettext`` for its own words through its module globals: point them at
    this catalog (argparse is already imported by whoever parses options)."""
    import argparse

    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def language_at_start(argv: list[str]) -> list[str]:
    """Set the interface language for ``uaction`` and ``uaction-desktop``: ``--lang``, else
    the profile's ``language``, else the system locale's (``languages.effective_language``).
    Returns the arguments without ``--lang``; a ``--lang`` the app does not have raises
    ValueError with the sentence to show (in the language found without it)."""
    from uaction_desktop.languages import effective_language

    lang, rest = take_language_option(argv)
    if lang is None or check_language_option(lang):
        set_language(effective_language(_profile_for_language(rest)))
    translate_argparse()
    if lang is not None:
        if problem := check_language_option(lang):
            raise ValueError(problem)
        set_language(lang)
    return rest


def _profile_for_language(argv: list[str]) -> object | None:
    """The profile of ``--home`` (or $UACTION_HOME, or the usual place), read only for its
    language: nothing is moved aside here (the program reports a broken profile itself)."""
    from uaction_desktop.paths import app_paths
    from uaction_desktop.profile import ProfileError, load_profile

    home = None
    for index, arg in enumerate(argv):
        if arg == "--home" and index + 1 < len(argv):
            home = argv[index + 1]
        elif arg.startswith("--home="):
            home = arg.partition("=")[2]
        elif not arg.startswith("-"):
            break  # a command: its own options are not ours
    try:
        return load_profile(app_paths(home).profile_file)
    except (ProfileError, OSError, ValueError):
        return None


def pages_locale(profile_locale: str) -> str:
    """The Babel locale of the group's own printed pages (meeting pack cover, briefings,
    tally): the interface language's; in English, the profile's (en_US and en_GB write dates
    differently)."""
    return profile_locale if _language == DEFAULT else babel_locale()


def language_display_name(code: str) -> str:
    """ "fr" -> "French" / "français" / "francés" / "Französisch": a language named in a
    sentence of the interface (Babel's names; the English ones as languages.py words them)."""
    from uaction_desktop.languages import language_name

    if _language == DEFAULT:
        return language_name(code)
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code).get_language_name(babel_locale()) or code
    except (ValueError, UnknownLocaleError):
        return code


def or_list(items: list[str]) -> str:
    """ "A, B or C" as the interface language writes such a list."""
    if len(items) <= 1:
        return "".join(items)
    if _language == DEFAULT:
        return ", ".join(items[:-1]) + " or " + items[-1]
    from babel.lists import format_list

    return format_list(items, style="or", locale=babel_locale())


def asked_languages(names: tuple[str, ...] | list[str]) -> str:
    """ "Russian, English" as the interface language names them ("russe, anglais"): a case's
    languages are English names (the importer's, Babel's English); one Babel does not know is
    shown as written."""
    if _language == DEFAULT or not names:
        return ", ".join(names)
    from babel import Locale

    codes = _language_codes()
    own = Locale.parse(babel_locale()).languages
    return ", ".join(own.get(codes.get(name.casefold(), ""), name) for name in names)


@cache
def _language_codes() -> dict[str, str]:
    """Babel's English language names to their codes ("russian" -> "ru")."""
    from babel import Locale

    codes: dict[str, str] = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            codes.setdefault(name.casefold(), code)
    return codes
