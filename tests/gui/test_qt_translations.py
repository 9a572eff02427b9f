"""Qt's own words (standard buttons, file dialogs) follow the interface language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from uaction_desktop.gui.app import install_qt_translations


@pytest.mark.parametrize(
    ("language", "cancel"), [("de", "Abbrechen"), ("fr", "Annuler"), ("es", "Cancelar")]
)
def test_standard_buttons_are_in_the_interface_language(qtbot, language, cancel) -> None:
    app = QApplication.instance()
    try:
        assert install_qt_translations(app, language)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == cancel
    finally:
        install_qt_translations(app, "en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_pyside6_essentials_ships_the_three_qtbase_catalogs() -> None:
    from pathlib import Path

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for language in ("fr", "es", "de"):
        assert (folder / f"qtbase_{language}.qm").stat().st_size > 10_000
