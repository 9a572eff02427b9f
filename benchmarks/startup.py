"""Start-up time: process start to the window shown with its cases listed.

Three programs, each in a fresh process, measured in the same run:
  empty  an empty PySide6 QMainWindow (the floor the goal is set against);
  parts  the parts the window is required to have, and nothing else: a QAbstractTableModel with
         column titles behind a QSortFilterProxyModel in a QTableView, a search field, and the
         bundled case file read with tomllib;
  app    uaction-desktop as ``uaction-desktop`` starts it (gui/app.py: the pre-Qt check, then
         create_window).
Each prints the moment its window (with the list) has been painted for the first time; ``app``
also the moment the rest of the first screen (the selected case's text) is in place.

An installed wheel carries compiled bytecode; a source checkout may not have it (and
PYTHONDONTWRITEBYTECODE may be set), so the warm-up run writes it for every program alike.

On a busy machine (2 cores shared with other work) one run says little: the programs run
interleaved, in an order that rotates every round (so a busy moment costs each alike and none
always runs first), many times; the median says what a start usually costs, the minimum what it
costs when nothing else is in the way. Both are reported, and ratios are taken median to median
and minimum to minimum.

``--compare DIR`` also times another checkout of the app (e.g. ``git archive OLD | tar -x -C
DIR``), with the same Python and Qt, in the same rounds: "start-up must not get slower" is
checked against it.

Run: python benchmarks/startup.py [--runs N] [--compare DIR]
Goal: app (list painted) / parts at most 1.3, by median and by minimum. (The earlier goal, 1.15x
an empty window, was below what the required parts alone cost.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASE_FILE = Path(__file__).resolve().parents[1] / "cases" / "ua-63-18-kazakhstan.toml"

# Prints the time just after the window's first paint. A window is painted in one pass, its
# children (the list) included; the mark is queued from the window's paint event, so it runs as
# soon as that pass is over (and before anything the program itself queued from the same event).
PAINTED = """
import time
def mark():  # the wall-clock time, and the CPU seconds the process has used so far
    return f"{time.time()} {time.process_time()}"
from PySide6.QtCore import QEvent, QObject, QTimer
class Painted(QObject):
    at = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and Painted.at is None:
            QTimer.singleShot(0, lambda: setattr(Painted, "at", mark()))
        return False
def show_and_paint(app, window):
    watcher = Painted(); window.installEventFilter(watcher)
    window.show()
    while Painted.at is None:
        app.processEvents()
    print(Painted.at)
"""

EMPTY = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1280, 820)
show_and_paint(app, w)
"""

PARTS = """
import tomllib
from PySide6.QtCore import QAbstractTableModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView, QVBoxLayout, QWidget
app = QApplication([])
with open(CASE_FILE, "rb") as f:
    case = tomllib.load(f)
COLUMNS = ("ua", "title", "country", "deadline")
class Cases(QAbstractTableModel):
    def rowCount(self, parent=None): return 1
    def columnCount(self, parent=None): return len(COLUMNS)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return str(case[COLUMNS[index.column()]])
    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title()
w = QMainWindow(); w.resize(1280, 820)
central = QWidget(); layout = QVBoxLayout(central)
search = QLineEdit(); table = QTableView(); layout.addWidget(search); layout.addWidget(table)
proxy = QSortFilterProxyModel(table); proxy.setSourceModel(Cases(table)); table.setModel(proxy)
w.setCentralWidget(central)
show_and_paint(app, w)
"""

APP = """
try:  # the check gui/app.py:main makes before Qt starts, where there is one
    from uaction_desktop.gui import preflight
    assert preflight.problem() is None
except ImportError:
    pass
from uaction_desktop.gui.app import create_window
app, w = create_window(["uaction-desktop"])
show_and_paint(app, w)
assert w.caseListPanel.model.rowCount() >= 1
while not w.is_started:
    app.processEvents()
print(mark())
"""


Mark = tuple[float, float]  # (wall seconds since the process was started, CPU seconds used)


def measure(code: str, home: str, path: str = "", *, write_bytecode: bool = False) -> list[Mark]:
    """Each time the program prints: the seconds since its process was started, and the CPU
    seconds it had used by then; ``path`` is where it imports uaction_desktop from ("" for
    this checkout's PYTHONPATH)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", UACTION_HOME=home)
    if path:
        env["PYTHONPATH"] = path
    if write_bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    program = f"CASE_FILE = {str(CASE_FILE)!r}\n{PAINTED}\n{code}"
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, check=True
    )
    marks = []
    for line in out.stdout.splitlines():
        wall, cpu = line.split()
        marks.append((float(wall) - start, float(cpu)))
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="rounds (each runs every program)")
    parser.add_argument("--compare", metavar="DIR", help="another checkout of the app to time")
    args = parser.parse_args()
    programs: dict[str, tuple[str, str]] = {
        "empty": (EMPTY, ""),
        "parts": (PARTS, ""),
        "app": (APP, ""),
    }
    if args.compare:
        programs["compared"] = (APP, str(Path(args.compare).resolve()))
    names = list(programs)
    times: dict[str, list[list[Mark]]] = {name: [] for name in names}
    with tempfile.TemporaryDirectory() as root:
        homes = {name: os.path.join(root, name) for name in names}  # one app's cache each
        for name, (code, path) in programs.items():  # warm the file cache, write bytecode
            measure(code, homes[name], path, write_bytecode=True)
        for round_ in range(args.runs):
            order = names[round_ % len(names) :] + names[: round_ % len(names)]
            for name in order:
                code, path = programs[name]
                times[name].append(measure(code, homes[name], path))

    def stats(name: str, mark: int = 0) -> tuple[float, float, float]:
        """Wall-clock median and minimum, and median CPU seconds."""
        wall = [t[mark][0] for t in times[name]]
        cpu = [t[mark][1] for t in times[name]]
        return statistics.median(wall), min(wall), statistics.median(cpu)

    rows = [
        ("empty QMainWindow painted", stats("empty")),
        ("required parts only, list painted", stats("parts")),
        ("uaction-desktop, list painted", stats("app")),
        ("uaction-desktop, case text in view", stats("app", 1)),
    ]
    if args.compare:
        rows += [
            ("compared checkout, list painted", stats("compared")),
            ("compared checkout, case text in view", stats("compared", 1)),
        ]
    parts = stats("parts")
    print(f"{'':38s} {'wall median':>12s} {'wall min':>9s} {'CPU median':>11s}   ratios to parts")
    for label, row in rows:
        figures = "".join(f" {v * 1000:{w}.0f} ms" for v, w in zip(row, (9, 6, 8), strict=True))
        ratios = " / ".join(f"{v / p:.2f}" for v, p in zip(row, parts, strict=True))
        print(f"{label + ':':38s}{figures}   {ratios}")
    print(f"({args.runs} interleaved runs of each; ratios: wall median, wall min, CPU median)")
    app = stats("app")
    ratios = [a / p for a, p in zip(app, parts, strict=True)]
    verdict = "ok" if max(ratios) <= 1.3 else "MISSED"
    shown = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"goal: uaction-desktop list painted / required parts at most 1.3: {verdict} ({shown})")
    if args.compare:
        old, old_ready, ready = stats("compared"), stats("compared", 1), stats("app", 1)
        listed = ", ".join(f"{a / o:.2f}" for a, o in zip(app, old, strict=True))
        text = ", ".join(f"{a / o:.2f}" for a, o in zip(ready, old_ready, strict=True))
        print(f"this checkout / {args.compare} (1.00 = as fast; wall median, wall min, CPU):")
        print(f"  list painted {listed}; case text in view {text}")


if __name__ == "__main__":
    main()
