"""`uaction-desktop --lang es` shows the window in Spanish (and French, German): the real
catalogs, not the pseudo-language."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from tests.conftest import REPO
from uaction_desktop import i18n

EXPECTED = {
    "fr": (["&Fichier", "É&dition", "&Affichage", "&Journal", "&Aide"], "&Dossier", "AU"),
    "es": (["&Archivo", "&Editar", "&Ver", "&Registro", "A&yuda"], "&Caso", "AU"),
    "de": (["&Datei", "&Bearbeiten", "&Ansicht", "&Protokoll", "&Hilfe"], "&Fall", "UA"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_window_speaks_the_chosen_language(make_window, language: str) -> None:
    menus, case_tab, ua = EXPECTED[language]
    i18n.language_at_start(["--lang", language])
    window = make_window()
    assert [a.text() for a in window.menuBar().actions()] == menus
    assert window.tabs.tabText(0) == case_tab
    model = window.caseListPanel.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == ua
    assert window.windowTitle().endswith(i18n._("Urgent Action letters"))
    assert i18n._("Urgent Action letters") != "Urgent Action letters"


def test_the_program_starts_in_spanish(isolated_home) -> None:
    """The installed entry point's own path: --lang read before the options and the window."""
    done = subprocess.run(
        [sys.executable, "-m", "uaction_desktop.gui.app", "--lang", "es", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stderr
    assert "la ventana se abrió con 1 caso(s) en la lista" in done.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "uaction_desktop.gui.app", "--lang", "it"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert bad.returncode == 2
    assert "--lang: 'it' is not one of en, fr, es, de" in bad.stderr


def test_the_case_view_shows_the_translation_in_the_readers_language(make_window) -> None:
    """A Spanish volunteer reads the bundled case's Spanish title and appeal points, told that
    they are a translation; in English the case's own text, with no such note."""
    from tests.conftest import BUNDLED_CASE
    from uaction_desktop.casefile import load_case_file

    case = load_case_file(BUNDLED_CASE).case
    spanish = case.text("es")
    assert spanish is not None
    i18n.language_at_start(["--lang", "es"])
    window = make_window()
    shown = window.caseView.toPlainText()
    assert spanish.title in shown and spanish.asks[0] in shown
    assert case.title not in shown and case.asks[0] not in shown
    assert "el texto original del caso está en inglés" in shown
    assert case.details.split()[0] in shown  # what the translation lacks stays the case's own
    i18n.set_language("en")
    english = make_window().caseView.toPlainText()
    assert case.title in english and spanish.title not in english
    assert "translation" not in english
