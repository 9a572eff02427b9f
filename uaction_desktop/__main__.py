"""``python -m uaction_desktop``: the window with no arguments, the command line with any."""

from __future__ import annotations

import sys


def main() -> int:
    if len(sys.argv) > 1:
        from uaction_desktop.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from uaction_desktop.gui.app import main as gui_main

    return gui_main()


if __name__ == "__main__":
    sys.exit(main())
