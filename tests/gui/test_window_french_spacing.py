"""The French and German window as the user trial read it: a tab whose accent was cut off
until it was chosen ("Ecrire" / "Écrire"), and a form label whose French space before the
colon doubled the one a problem line adds ("Numéro d'AU  : ...")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QStyle

from uaction_desktop import i18n
from uaction_desktop.gui.case_editor import CaseEditor
from uaction_desktop.gui.main_window import WRITE_TAB


def test_the_write_tab_reads_the_same_and_is_not_clipped_before_it_is_chosen(make_window):
    i18n.language_at_start(["--lang", "fr"])
    try:
        window = make_window()
        before = window.tabs.tabText(WRITE_TAB)
        window.showWriter.trigger()
        after = window.tabs.tabText(WRITE_TAB)
    finally:
        i18n.set_language("en")
    assert before == after == "É&crire"
    bar = window.tabs.tabBar()
    # Fusion draws a tab not chosen 2 px lower, clipped where its text starts: the capital's
    # accent fell outside. With no shift, chosen or not, the text is drawn whole.
    shift = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabShiftVertical, None, bar)
    assert shift == 0


def test_a_french_field_label_has_one_space_before_a_problems_colon(
    qtbot, isolated_home: Path
) -> None:
    i18n.language_at_start(["--lang", "fr"])
    try:
        editor = CaseEditor(None, isolated_home / "cases", ())
        qtbot.addWidget(editor)
        where = editor.describe_path("ua")
        name = editor.fields["ua"].widget.accessibleName()
    finally:
        i18n.set_language("en")
    assert where == name == "Numéro d'AU"
