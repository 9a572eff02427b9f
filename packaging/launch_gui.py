"""Entry point of the bundle's ``uaction-desktop`` program (PyInstaller needs a script)."""

import sys

from uaction_desktop.gui.app import main

sys.exit(main())
