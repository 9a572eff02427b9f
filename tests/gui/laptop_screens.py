"""Run in a child process on an offscreen screen of a given size (tests/gui/test_fits_a_laptop.py):
open the window and every dialog as a user would, report every action button that is not on the
screen, and save a screenshot of each.

    python tests/gui/laptop_screens.py WIDTHxHEIGHT SHOTS_DIR
"""

from __future__ import annotations

import json
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QStatusBar, QWidget

from uaction_desktop.gui.app import create_window

shots = Path(sys.argv[2])
shots.mkdir(parents=True, exist_ok=True)
report: dict[str, list[str]] = {}


def settle(app: QApplication, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def in_scroll_area(widget: QWidget, top: QWidget) -> bool:
    """Reachable by scrolling: inside a scroll area's content (the area itself is checked)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            return parent.widget().isAncestorOf(widget)
        parent = parent.parentWidget()
    return False


def check(name: str, top: QWidget) -> None:
    app = QApplication.instance()
    settle(app)
    screen = top.screen().availableGeometry()
    problems = []
    frame = top.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"window {frame.getRect()} outside the screen {screen.getRect()}")
    widgets = top.findChildren(QAbstractButton) + top.findChildren(QScrollArea)
    widgets += top.findChildren(QStatusBar)
    for widget in widgets:
        if not widget.isVisible() or in_scroll_area(widget, top):
            continue
        if widget.objectName().startswith("qt_") or (not widget.isEnabled() and not widget.text()):
            continue
        rect = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
        if not screen.contains(rect):
            label = getattr(widget, "text", lambda: "")() or widget.objectName()
            problems.append(f"{type(widget).__name__} {label!r} at {rect.getRect()}")
    top.grab().save(str(shots / f"{name}.png"))
    report[name] = problems


def main() -> None:
    from uaction_desktop.gui.case_editor import CaseEditor
    from uaction_desktop.gui.log_panel import ReportDialog
    from uaction_desktop.gui.pack_dialog import PackDialog
    from uaction_desktop.gui.preferences import PreferencesDialog
    from uaction_desktop.profile import SenderProfile

    app, window = create_window(["uaction-desktop"])
    window.show()
    while not window.is_started:
        app.processEvents()
    check("window-case", window)
    window.showWriter.trigger()
    check("window-write", window)
    window.tabs.setCurrentIndex(2)
    check("window-log", window)
    # Saved on a big screen: restored inside this one.
    window.resize(2400, 1500)
    window.move(300, 200)
    window.close()
    settle(app)
    from uaction_desktop.gui.main_window import MainWindow

    again = MainWindow()
    again.show()
    while not again.is_started:
        app.processEvents()
    check("window-restored", again)

    profile = SenderProfile(
        name="Ayşe Kaya", address=("Bahnhofstraße 4", "10115 Berlin"), country="Germany"
    )
    from PySide6.QtWidgets import QMessageBox

    for kind in ("critical", "warning", "information", "question"):  # never block: record
        setattr(QMessageBox, kind, staticmethod(lambda *a, **k: report["messages"].append(a[2])))
    report["messages"] = []
    # A day on which the bundled case is active, so the pack has letters in it.
    pack = PackDialog(again.library, profile, date(2018, 4, 2), record=lambda actions: True)
    pack.show()
    check("pack-before", pack)
    pack.copies.setValue(2)
    with tempfile.TemporaryDirectory() as folder:
        worker = pack.build(Path(folder) / "pack.pdf")
        worker.wait(120_000)
        for _ in range(1000):
            app.processEvents()
            if pack.result is not None:
                break
        assert pack.result is not None, report["messages"]
        check("pack-after", pack)
    pack.close()

    preferences = PreferencesDialog(profile)
    preferences.show()
    check("preferences", preferences)
    preferences.close()

    for name, case in (
        ("case-editor-new", None),
        ("case-editor", again.library.entries(again.today)[0].case),
    ):
        editor = CaseEditor(case, again.paths.cases_dir, drafts_dir=again.paths.case_drafts_dir)
        editor.show()
        check(name, editor)
        editor.reject()

    lines = "\n".join(f"UA {n}/18: 2 letters, 1 email, to the officials named" for n in range(60))
    report_dialog = ReportDialog(lines, 60)
    report_dialog.show()
    check("log-report", report_dialog)
    report_dialog.close()
    again.close()
    print(json.dumps(report))


main()
