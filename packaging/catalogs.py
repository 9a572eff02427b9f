"""The interface's translation catalogs, with Babel: ``python packaging/catalogs.py COMMAND``.

  extract  write resources/locale/uaction.pot from every ``_()``/``ngettext``/``pgettext``/``N_``
           in uaction_desktop/
  update   merge the template into each language's uaction.po (new strings come in empty,
           strings gone from the code are dropped)
  compile  write each uaction.mo from its uaction.po (the .mo files are committed, so a checkout,
           an editable install, a wheel and the bundle all have them without a build step)
  check    fail (exit 1) when a catalog lacks a translation, holds a fuzzy one, is not in step
           with the code, disagrees with a msgid's {placeholders}, or its .mo is stale
  all      extract, update, compile, check

The template carries no source locations: line numbers would change with every edit and make
every merge conflict. See CONTRIBUTING.md ("Translations").
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "resources" / "locale"
TEMPLATE = LOCALE / "uaction.pot"
LANGUAGES = ("fr", "es", "de")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "N_": None,
}
# No dates in the headers: running the tools again on unchanged code changes no file (and two
# branches' catalogs do not conflict on a timestamp).
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^}]*)?\}")


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "uaction.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def extract() -> Catalog:
    """The template, from the code as it is now."""
    catalog = Catalog(
        project="uaction-desktop", charset="utf-8", fuzzy=False, creation_date=FIXED_DATE
    )
    package = ROOT / "uaction_desktop"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message,
            None,
            [(f"uaction_desktop/{filename}", lineno)],
            auto_comments=comments,
            context=context,
        )
    return catalog


def _write_po(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, no_location=True, sort_output=True, omit_header=False)
    path.write_bytes(buffer.getvalue())


def read_catalog(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language)


def write_template() -> Catalog:
    template = extract()
    _write_po(template, TEMPLATE)
    return template


def update(template: Catalog) -> None:
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            catalog = read_catalog(path, language)
        else:
            catalog = Catalog(locale=language, project="uaction-desktop", charset="utf-8")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = catalog.revision_date = FIXED_DATE
        catalog.obsolete.clear()
        _write_po(catalog, path)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        mo_path(language).write_bytes(compiled(read_catalog(po_path(language), language)))


def _key(message: object) -> tuple[object, str | None]:
    ident = message.id  # type: ignore[attr-defined]
    return (ident if isinstance(ident, str) else tuple(ident), message.context)  # type: ignore[attr-defined]


def _texts(message: object) -> list[str]:
    value = message.string  # type: ignore[attr-defined]
    return list(value) if isinstance(value, list | tuple) else [value]


def _ids(message: object) -> list[str]:
    value = message.id  # type: ignore[attr-defined]
    return list(value) if isinstance(value, list | tuple) else [value]


def problems(language: str, template: Catalog | None = None) -> list[str]:
    """Everything wrong with one language's catalog, one sentence each."""
    template = template or extract()
    path = po_path(language)
    if not path.exists():
        return [f"{language}: {path} is missing"]
    catalog = read_catalog(path, language)
    found: list[str] = []
    wanted = {_key(m) for m in template if m.id}
    have = {_key(m): m for m in catalog if m.id}
    for key in sorted(wanted - have.keys(), key=str):
        found.append(f"{language}: not in the catalog (run update): {key[0]!r}")
    for key in sorted(have.keys() - wanted, key=str):
        found.append(f"{language}: no longer in the code (run update): {key[0]!r}")
    for key, message in have.items():
        if key not in wanted:
            continue
        texts = _texts(message)
        if message.fuzzy or not all(texts):
            found.append(f"{language}: untranslated or fuzzy: {key[0]!r}")
            continue
        names = set(_PLACEHOLDER.findall(" ".join(_ids(message))))
        for text in texts:
            if set(_PLACEHOLDER.findall(text)) != names:
                found.append(f"{language}: placeholders differ from the original: {key[0]!r}")
                break
    mo = mo_path(language)
    if not mo.exists():
        found.append(f"{language}: {mo} is missing (run compile)")
    else:
        with mo.open("rb") as file:
            on_disk = read_mo(file)
        if _mo_messages(on_disk) != _mo_messages(read_mo(io.BytesIO(compiled(catalog)))):
            found.append(f"{language}: {mo} is stale (run compile)")
    return found


def _mo_messages(catalog: Catalog) -> dict[object, object]:
    return {_key(m): tuple(_texts(m)) for m in catalog if m.id}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("extract", "update", "compile", "check", "all"))
    command = parser.parse_args(argv).command
    template = None
    if command in ("extract", "all"):
        template = write_template()
        print(f"{TEMPLATE.relative_to(ROOT)}: {len(template)} messages")
    if command in ("update", "all"):
        update(template or read_catalog(TEMPLATE))
    if command in ("compile", "all"):
        compile_all()
    if command in ("check", "all"):
        found = [p for language in LANGUAGES for p in problems(language, template)]
        for problem in found:
            print(problem)
        if found:
            return 1
        print("catalogs complete: " + ", ".join(LANGUAGES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
