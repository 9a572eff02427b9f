"""Start-up time: process start to the window shown with its cases listed.

Floor: an empty PySide6 QMainWindow shown in a fresh process, measured in the same run.
Run: python benchmarks/startup.py [--runs N]
Goal: ratio at most 1.15.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

EMPTY = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820); w.show(); app.processEvents()
print(time.time())
"""

APP = """
import time
from PySide6.QtWidgets import QApplication
app = QApplication([])
from uaction_desktop.gui.main_window import MainWindow
w = MainWindow(); w.show(); app.processEvents()
assert w.caseListPanel.model.rowCount() >= 1
print(time.time())
"""


def measure(code: str, home: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UACTION_HOME=home)
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        measure(APP, home)  # warm the file cache and bytecode for both
        measure(EMPTY, home)
        empty = [measure(EMPTY, home) for _ in range(runs)]
        app = [measure(APP, home) for _ in range(runs)]
    floor, ours = statistics.median(empty), statistics.median(app)
    print(f"empty QMainWindow shown:       {floor * 1000:7.1f} ms (median of {runs})")
    print(f"uaction-desktop with cases:    {ours * 1000:7.1f} ms (median of {runs})")
    print(f"ratio: {ours / floor:.2f} (goal: at most 1.15)")


if __name__ == "__main__":
    main()
