"""Which language the app speaks and writes: the profile's choice, else the system locale's.

One function, :func:`effective_language`, decides it for both the interface and the default
letter language, so a French desktop gets French menus and French letters alike. No Qt and no
Babel here: this runs at start-up.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

from uaction_desktop.model import FRAME_LANGUAGES

# The languages the app is written in (interface and letter frame).
APP_LANGUAGES = FRAME_LANGUAGES
DEFAULT_LANGUAGE = "en"

# Each language's own name for itself, for pickers and messages.
NATIVE_NAMES = {"en": "English", "fr": "Français", "es": "Español", "de": "Deutsch"}
ENGLISH_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}

# ISO 639-1: the two-letter codes a case file's `language` and translation tables may use.
_ISO_639_1_TEXT = """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
"""
ISO_639_1 = frozenset(_ISO_639_1_TEXT.split())


def language_code(text: str) -> str:
    """ "fr", "FR", "fr_CA.UTF-8", "de-AT" -> the app language it names; "" when none."""
    code = re.split(r"[_.@-]", text.strip(), maxsplit=1)[0].lower()
    return code if code in APP_LANGUAGES else ""


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The app language the system locale asks for, as gettext reads it ($LANGUAGE, then
    $LC_ALL, $LC_MESSAGES, $LANG: the first one set), or "en" where it names none of them."""
    env = os.environ if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(variable, "").strip()
        if not value:
            continue
        for part in value.split(":"):  # $LANGUAGE is a list: "fr_CA:fr:en"
            code = language_code(part)
            if code:
                return code
        if variable != "LANGUAGE":  # "C" or "ja_JP" set here decides: English
            return DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def effective_language(profile: object, environ: Mapping[str, str] | None = None) -> str:
    """The profile's language ("en", "fr", "es" or "de"), else the system locale's, else
    English. A value the app does not know ("it", a typo) is treated as not set."""
    chosen = language_code(str(getattr(profile, "language", "") or ""))
    return chosen or system_language(environ)


def language_name(code: str) -> str:
    """ "fr" -> "French", "nl" -> "Dutch" (English names: for messages on the command line);
    a code nobody knows as written."""
    if code in ENGLISH_NAMES:
        return ENGLISH_NAMES[code]
    from babel import Locale  # only for a message about another language

    return Locale("en").languages.get(code, code)
