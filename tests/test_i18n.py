"""The interface in four languages: catalogs complete and compiled, plural forms, dates, the
language choice (--lang, profile, system), and no user-visible literal left outside ``_()``.

The window itself is walked in a pseudo-language by tests/gui/test_every_string_translated.py.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date as babel_format_date

from tests.conftest import REPO
from uaction_desktop import cli, i18n

sys.path.insert(0, str(REPO / "packaging"))
import catalogs

PACKAGE = REPO / "uaction_desktop"


@pytest.mark.parametrize("language", catalogs.LANGUAGES)
def test_each_catalog_is_complete_and_its_mo_up_to_date(language: str) -> None:
    assert catalogs.problems(language) == []


def test_the_check_finds_a_missing_translation_and_a_stale_mo(tmp_path, monkeypatch) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE, locale)
    monkeypatch.setattr(catalogs, "LOCALE", locale)
    po = catalogs.po_path("de")
    text = po.read_text(encoding="utf-8")
    blanked = text.replace('msgstr "Frist"', 'msgstr ""', 1)
    assert blanked != text
    po.write_text(blanked, encoding="utf-8")
    found = catalogs.problems("de")
    assert "de: untranslated or fuzzy: 'Deadline'" in found
    assert any("is stale" in problem for problem in found)  # the .mo still says "Frist"
    catalogs.compile_all()
    assert catalogs.problems("de") == ["de: untranslated or fuzzy: 'Deadline'"]


def test_the_check_finds_a_translation_that_drops_a_placeholder(tmp_path, monkeypatch) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE, locale)
    monkeypatch.setattr(catalogs, "LOCALE", locale)
    po = catalogs.po_path("fr")
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('"Fax : {fax}"', '"Fax : {numero}"', 1), encoding="utf-8")
    catalogs.compile_all()
    assert catalogs.problems("fr") == ["fr: placeholders differ from the original: 'Fax: {fax}'"]


@pytest.mark.parametrize(
    ("language", "counts"),
    [
        ("fr", {0: "0 dossier", 1: "1 dossier", 2: "2 dossiers", 1_000_000: "1000000 dossiers"}),
        ("es", {0: "0 casos", 1: "1 caso", 2: "2 casos", 1_000_000: "1000000 casos"}),
        ("de", {0: "0 Fälle", 1: "1 Fall", 2: "2 Fälle"}),
        ("en", {0: "0 cases", 1: "1 case", 2: "2 cases"}),
    ],
)
def test_plural_forms_follow_each_language(language: str, counts: dict[int, str]) -> None:
    """French counts zero as singular; CLDR gives French and Spanish a third form for
    millions, which the catalogs fill with the plural."""
    assert i18n.set_language(language) == language
    for n, expected in counts.items():
        assert i18n.ngettext("{count} case", "{count} cases", n).format(count=n) == expected


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
def test_long_dates_are_written_as_babel_writes_them(language: str) -> None:
    """The first screen's dates are made without loading Babel; they must agree with it."""
    i18n.set_language(language)
    for month in range(1, 13):
        for day in (1, 8, 31 if month in (1, 3, 12) else 28):
            when = date(2026, month, day)
            expected = babel_format_date(when, "long", locale=i18n.babel_locale())
            assert i18n.format_date(when, "long") == expected


def test_a_missing_catalog_falls_back_to_english(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(i18n, "locale_dir", lambda: tmp_path)
    assert i18n.set_language("de") == "en"
    assert i18n._("Deadline") == "Deadline"


def test_the_lang_option_is_taken_out_wherever_it_is() -> None:
    take = i18n.take_language_option
    assert take(["--lang", "fr", "cases"]) == ("fr", ["cases"])
    assert take(["cases", "--lang=de", "--all"]) == ("de", ["cases", "--all"])
    assert take(["show", "--", "--lang", "es"]) == (None, ["show", "--", "--lang", "es"])
    assert take(["cases"]) == (None, ["cases"])


def test_the_language_is_the_option_else_the_profile_else_the_system(
    isolated_home: Path, monkeypatch
) -> None:
    i18n.language_at_start(["cases"])
    assert i18n.current_language() == "en"  # the tests' system locale is C
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    i18n.language_at_start(["cases"])
    assert i18n.current_language() == "es"
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "profile.toml").write_text('language = "de"\n', encoding="utf-8")
    from uaction_desktop.paths import app_paths

    profile_file = app_paths().profile_file
    profile_file.parent.mkdir(parents=True, exist_ok=True)
    profile_file.write_text('language = "de"\n', encoding="utf-8")
    i18n.language_at_start(["cases"])
    assert i18n.current_language() == "de"
    assert i18n.language_at_start(["--lang", "fr", "cases"]) == ["cases"]
    assert i18n.current_language() == "fr"
    with pytest.raises(ValueError, match="--lang: 'it' ist keiner der Werte en, fr, es, de"):
        i18n.language_at_start(["--lang", "it"])  # said in the profile's language


def test_the_command_line_speaks_the_chosen_language(capsys) -> None:
    assert cli.main(["--lang", "fr", "--today", "2018-04-02", "cases", "--all"]) == 0
    out = capsys.readouterr().out
    assert "AU 63/18" in out and "encore 67 jours" in out
    with pytest.raises(SystemExit):
        cli.main(["--lang", "de", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: uaction")
    assert "Optionen:" in out and "zeigt diese Hilfe an und beendet sich" in out
    assert "listet Fälle auf (die aktiven, außer mit --all)" in out
    assert cli.main(["--lang", "es", "show", "99/99"]) == 1
    assert "no hay ningún caso AU 99/99" in capsys.readouterr().err
    assert cli.main(["--lang", "xx", "cases"]) == 2
    assert "--lang: 'xx' is not one of en, fr, es, de" in capsys.readouterr().err


# -- no user-visible literal outside _()

# Calls whose text arguments the user reads: Qt's setters and widgets, argparse's help,
# messages printed or raised for the user.
SHOWN = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "showMessage", "addAction", "addMenu", "addTab", "insertTab", "setTabText", "addRow",
    "setTitle", "setHeaderLabels", "setHorizontalHeaderLabels", "setLabelText", "addItem",
    "setSuffix", "setPrefix", "setAccessibleName", "QLabel", "QPushButton", "QCheckBox",
    "QRadioButton", "QGroupBox", "QAction", "QMessageBox", "warning", "information",
    "question", "critical", "about", "getSaveFileName", "getOpenFileName", "print",
    "UserError", "ValueError", "_action", "_put_tab",
}  # fmt: skip
HELP_KEYWORDS = {"help", "description", "epilog"}
PROSE = re.compile(r"[A-Za-z]{2,}")
FILES = [
    *sorted((PACKAGE / "gui").glob("*.py")),
    *sorted((PACKAGE / "commands").glob("*.py")),
    PACKAGE / "cli.py",
]
NOT_SHOWN = {"preflight.py"}  # says why Qt cannot start, before any catalog could matter


PROGRAM_PREFIX = re.compile(r"^(uaction|uaction-desktop): $")


def _is_prose(text: str) -> bool:
    """Words a person reads: not an identifier ("newCase", "letter-no10") nor the program's
    name before a message."""
    if not PROSE.search(text) or PROGRAM_PREFIX.match(text):
        return False
    return " " in text.strip() or text.lstrip("&")[:1].isupper()


def _prose(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return _is_prose(node.value)
    if isinstance(node, ast.JoinedStr):
        return _is_prose("".join(v.value for v in node.values if isinstance(v, ast.Constant)))
    if isinstance(node, ast.IfExp):
        return _prose(node.body) or _prose(node.orelse)
    if isinstance(node, ast.BinOp):
        return _prose(node.left) or _prose(node.right)
    return False


def _name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        if isinstance(func.value, ast.Name) and func.value.id in ("log", "logger", "logging"):
            return ""  # the developer's log, not the user's
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def unwrapped_literals(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        arguments: list[ast.expr] = []
        if name in ("add_argument", "add_parser", "ArgumentParser", "_Parser"):
            arguments = [k.value for k in node.keywords if k.arg in HELP_KEYWORDS]
        elif name in SHOWN:
            arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        for argument in arguments:
            if _prose(argument):
                found.append(f"{path.relative_to(REPO)}:{argument.lineno}: {name}(...)")
    return found


def test_no_user_visible_literal_is_left_outside_the_catalog() -> None:
    found = [
        line for path in FILES if path.name not in NOT_SHOWN for line in unwrapped_literals(path)
    ]
    assert found == []


def test_the_static_check_finds_an_unwrapped_literal(tmp_path: Path) -> None:
    sample = REPO / "tests" / "_unwrapped_sample.py"
    sample.write_text(
        'label.setText("Plain English")\n'
        'label.setText(_("Wrapped"))\n'
        'print(f"Saved {path}")\n'
        'log.warning("for the developer: %s", 1)\n'
        'parser.add_argument("--x", help="no wrap")\n',
        encoding="utf-8",
    )
    try:
        found = unwrapped_literals(sample)
    finally:
        sample.unlink()
    assert [line.split(": ", 1)[1] for line in found] == [
        "setText(...)",
        "print(...)",
        "add_argument(...)",
    ]
