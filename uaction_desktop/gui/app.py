"""Start the desktop app: ``uaction-desktop`` or ``python -m uaction_desktop``.

The options are read, and the display and Qt's libraries checked (gui/preflight.py), before
anything from Qt is imported: ``--help``, ``--version`` and the menu-entry options never open a
window, and a machine that cannot show one gets one line saying why instead of a core dump.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from uaction_desktop import __version__
from uaction_desktop.i18n import _, current_language, language_at_start
from uaction_desktop.languages import APP_LANGUAGES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from uaction_desktop.gui.main_window import MainWindow

PROG = "uaction-desktop"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "The Urgent Action letters window: compose, print and log appeals, offline. "
            "Everything it does is also available without a window: see `uaction --help`."
        ),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help=_("portable mode: keep settings, cases and logs in DIR")
    )
    parser.add_argument(  # read before parsing (i18n.language_at_start), listed for the help
        "--lang",
        choices=APP_LANGUAGES,
        help=_("the window's language (default: the profile's language, else the system's)"),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "open the window, wait until the case list is shown, close it and exit "
            "(0 if all went well): checks that an installation works on this machine"
        ),
    )
    entry = parser.add_mutually_exclusive_group()
    entry.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help=_("add the app to the desktop menu (your XDG folders), then exit"),
    )
    entry.add_argument(
        "--remove-desktop-entry",
        action="store_true",
        help=_("take the app out of the desktop menu again, then exit"),
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        argv = language_at_start(list(sys.argv[1:] if argv is None else argv))
    except ValueError as problem:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    args = build_parser().parse_args(argv)
    if args.install_desktop_entry or args.remove_desktop_entry:
        return _desktop_entry(install=args.install_desktop_entry)
    if args.home is not None:
        os.environ["UACTION_HOME"] = args.home

    from uaction_desktop.gui import preflight

    problem = preflight.problem()
    if problem is not None:
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 1

    try:
        app, window = create_window(sys.argv[:1])
    except ImportError as error:
        if "PySide6" in str(error) and "No module" in str(error):
            raise
        print(f"{PROG}: {preflight.import_problem(error)}", file=sys.stderr)
        return 1
    if args.self_test:
        window.started.connect(lambda: _close_after_start(app, window))
    window.show()
    return app.exec()


def _close_after_start(app: QApplication, window: MainWindow) -> None:
    from uaction_desktop.drafts import DraftStore

    rows = window.caseListPanel.model.rowCount()
    drafts = len(DraftStore(window.paths.drafts_dir).letters())
    print(
        _(
            "{PROG} {__version__}: the window opened with {rows} case(s) listed "
            "and {drafts} letter draft(s) kept"
        ).format(PROG=PROG, __version__=__version__, rows=rows, drafts=drafts)
    )
    window.close()
    app.quit()


def _desktop_entry(*, install: bool) -> int:
    from uaction_desktop import desktop_entry

    try:
        if install:
            paths = desktop_entry.install()
            print(
                _("Added to the menu: {desktop_file} (icon {icon})").format(
                    desktop_file=paths.desktop_file, icon=paths.icon
                )
            )
        else:
            removed = desktop_entry.remove()
            if removed:
                print(_("Removed: {paths}").format(paths=", ".join(map(str, removed))))
            else:
                print(_("No menu entry."))
    except OSError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    return 0


def create_window(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """The application and its main window, not yet shown (``benchmarks/startup.py`` times
    exactly this, then the first paint)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from uaction_desktop.gui.main_window import MainWindow
    from uaction_desktop.resources import resource_path

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("uaction-desktop")
    app.setApplicationDisplayName(_("Urgent Action letters"))
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("uaction-desktop")
    app.setWindowIcon(QIcon(str(resource_path("icons", "uaction-desktop.svg"))))
    install_qt_translations(app, current_language())
    return app, MainWindow()


def install_qt_translations(app: QApplication, language: str) -> bool:
    """Qt's own words (the standard buttons, file and print dialogs) in ``language``, from the
    qtbase catalog PySide6 ships (the bundle keeps fr, es and de). True if one was loaded."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for old in app.findChildren(QTranslator, "qtbaseTranslator"):
        app.removeTranslator(old)
        old.deleteLater()
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return False
    translator = QTranslator(app)
    translator.setObjectName("qtbaseTranslator")
    import PySide6

    folders = (  # Qt's own idea of it, then beside PySide6 (the bundle's layout)
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        os.path.join(os.path.dirname(PySide6.__file__), "Qt", "translations"),
    )
    if not any(translator.load(f"qtbase_{language}", folder) for folder in folders):
        translator.deleteLater()
        return False
    app.installTranslator(translator)
    return True


if __name__ == "__main__":
    sys.exit(main())
