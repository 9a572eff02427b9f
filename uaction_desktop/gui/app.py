"""Start the desktop app: ``uaction-desktop`` or ``python -m uaction_desktop``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from uaction_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from uaction_desktop.gui.main_window import MainWindow


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if "--version" in args:
        print(f"uaction-desktop {__version__}")
        return 0
    if "--home" in args:
        import os

        position = args.index("--home")
        if position + 1 >= len(args):
            print("uaction-desktop: --home needs a folder", file=sys.stderr)
            return 2
        os.environ["UACTION_HOME"] = args[position + 1]

    app, window = create_window(sys.argv[:1])
    window.show()
    return app.exec()


def create_window(argv: list[str]) -> tuple[QApplication, MainWindow]:
    """The application and its main window, not yet shown (``benchmarks/startup.py`` times
    exactly this, then the first paint)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from uaction_desktop.gui.main_window import MainWindow
    from uaction_desktop.resources import resource_path

    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName("uaction-desktop")
    app.setApplicationDisplayName("Urgent Action letters")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("uaction-desktop")
    app.setWindowIcon(QIcon(str(resource_path("icons", "uaction-desktop.svg"))))
    return app, MainWindow()


if __name__ == "__main__":
    sys.exit(main())
