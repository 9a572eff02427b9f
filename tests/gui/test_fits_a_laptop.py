"""On a 1280x720 and a 1366x768 screen, the window (fresh and restored from a bigger screen) and
every dialog open on the screen with every action button on it (tests/gui/laptop_screens.py,
run in a child process whose offscreen screen has that size)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

SCRIPT = Path(__file__).with_name("laptop_screens.py")
SEEN = (
    "window-case",
    "window-write",
    "window-log",
    "window-restored",
    "pack-before",
    "pack-after",
    "preferences",
    "case-editor-new",
    "case-editor",
    "log-report",
)


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768)])
def test_window_and_dialogs_fit_the_screen(tmp_path: Path, width: int, height: int) -> None:
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "UACTION_HOME": str(tmp_path / "home"),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
    }
    shots = tmp_path / "shots"
    done = subprocess.run(
        [sys.executable, str(SCRIPT), f"{width}x{height}", str(shots)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report.pop("messages") == []
    assert tuple(report) == SEEN
    assert {name: problems for name, problems in report.items() if problems} == {}
    for name in SEEN:
        assert (shots / f"{name}.png").stat().st_size > 1000
