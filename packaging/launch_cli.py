"""Entry point of the bundle's ``uaction`` program (PyInstaller needs a script)."""

import sys

from uaction_desktop.cli import main

sys.exit(main())
