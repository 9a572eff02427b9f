"""The screenshot software centres (AppStream metainfo) and the README show:
``python packaging/screenshot.py [OUT.png]`` (default docs/screenshots/window.png).

The real window, offscreen, on a 1280x720 screen (16:9, as software centres show screenshots),
in a home of its own: the bundled case on a day it is active, a writer in the United States
(so the letter is on US Letter paper), the Write tab with the letter and its preview.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "docs" / "screenshots" / "window.png"
SIZE = (1280, 720)
PROFILE = """name = "Jane Doe"
address = ["12 Elm Street", "Springfield, IL 62701"]
country = "United States"
"""

SHOOT = """
import sys
from datetime import date
from PySide6.QtWidgets import QApplication
from uaction_desktop.gui.main_window import MainWindow

app = QApplication(["uaction-desktop"])
app.setApplicationDisplayName("Urgent Action letters")
window = MainWindow(today=date(2018, 4, 2))  # a day the bundled case (UA 63/18) is active
window.resize(1280, 720)
window.show()
while not window.is_started:
    app.processEvents()
window.showWriter.trigger()
composer = window.composer
composer.ensure_composed()
composer.personalLine.setText("As a retired teacher, I think of her every day.")
composer.personalLine.setCursorPosition(0)
composer.refresh_preview()
for _ in range(100_000):  # the preview is rendered off the GUI thread
    app.processEvents()
    if composer.letterPreview.is_rendered() and not composer.previewTimer.isActive():
        break
for _ in range(50):
    app.processEvents()
window.grab().save(sys.argv[1])
window.close()
"""


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve() if argv else DEFAULT
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home:
        (Path(home) / "config").mkdir()
        (Path(home) / "config" / "profile.toml").write_text(PROFILE, encoding="utf-8")
        screen = Path(home) / "screen.json"
        size = {"name": "screen", "x": 0, "y": 0, "width": SIZE[0], "height": SIZE[1]}
        screen.write_text(json.dumps({"screens": [{**size, "logicalDpi": 96, "dpr": 1}]}))
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=f"offscreen:configfile={screen}",
            UACTION_HOME=home,
            PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        )
        subprocess.run([sys.executable, "-c", SHOOT, str(out)], env=env, check=True)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
