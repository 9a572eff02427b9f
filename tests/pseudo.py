"""A pseudo-language built from the source: every message wrapped in ⟦...⟧, so a test can tell
text that went through the catalog from text that did not."""

from __future__ import annotations

import gettext
import io
import sys

from babel.messages.mofile import write_mo

from tests.conftest import REPO

OPEN, CLOSE = "⟦", "⟧"


def pseudo_translations() -> gettext.GNUTranslations:
    """The catalog of every message ``packaging/catalogs.py extract`` finds, each marked."""
    sys.path.insert(0, str(REPO / "packaging"))
    import catalogs

    template = catalogs.extract()
    for message in template:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            message.string = tuple(f"{OPEN}{one}{CLOSE}" for one in message.id)
        else:
            message.string = f"{OPEN}{message.id}{CLOSE}"
    buffer = io.BytesIO()
    write_mo(buffer, template)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
