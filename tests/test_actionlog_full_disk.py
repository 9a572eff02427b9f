"""A log on a full disk can still be listed, reported and exported; only writing says "full".

A real (small) file system is mounted and filled; the tests skip where mounting is not allowed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import REPO
from uaction_desktop.actionlog import Action, ActionLog, ActionLogError, ErrorKind
from uaction_desktop.cli import main


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a file system needs privileges this machine does not give")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def fill(folder: Path) -> None:
    """Use every free block of the file system holding ``folder``."""
    handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while os.write(handle, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        os.close(handle)
    stats = os.statvfs(folder)
    assert stats.f_bavail == 0


def the_home(disk: Path) -> Path:
    home = disk / "home"
    (home / "data").mkdir(parents=True)
    return home


def log_with_one_action(path: Path, close: bool = True) -> None:
    """One action; without ``close`` the writer dies holding it in the -wal (as a crash does)."""
    code = (
        "import os, sys; from datetime import date\n"
        "from uaction_desktop.actionlog import Action, ActionLog\n"
        "log = ActionLog.open(sys.argv[1])\n"
        "log.add(Action(case_ua='63/18', channel='letter', sent_on=date(2018, 4, 2), count=3))\n"
        "log.close() if sys.argv[2] == 'close' else os._exit(0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run(
        [sys.executable, "-c", code, str(path), "close" if close else "crash"], check=True, env=env
    )


def files_beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.mark.parametrize("state", ["closed", "crashed", "crashed, -shm lost"])
def test_a_full_disk_log_is_listed_reported_and_exported_elsewhere(
    state: str, small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    home = the_home(small_disk)
    path = home / "data" / "actions.sqlite3"
    log_with_one_action(path, close=state == "closed")
    if state == "crashed, -shm lost":
        path.with_name(path.name + "-shm").unlink()
    before = files_beside(path)
    fill(small_disk)
    monkeypatch.setenv("UACTION_HOME", str(home))
    assert main(["log", "list"]) == 0
    captured = capsys.readouterr()
    assert "63/18" in captured.out and "letter    3" in captured.out
    assert "The disk holding the action log is full" in captured.err
    assert "reading and exporting only" in captured.err
    assert main(["log", "report"]) == 0
    assert "Total: 3" in capsys.readouterr().out
    export = tmp_path / "rescued.json"
    assert main(["log", "export", "-o", str(export)]) == 0
    assert "Exported 1 action" in capsys.readouterr().out and export.is_file()
    assert files_beside(path) == before  # no stray -shm or -wal left
    assert main(["--today", "2018-04-03", "log", "add", "--case", "63/18", "--to", "1",
                 "--channel", "letter"]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "The disk holding the action log is full" in err
    assert "the last change was not saved" in err
    assert files_beside(path) == before


def test_open_for_reading_says_why_it_is_read_only(small_disk: Path) -> None:
    path = small_disk / "actions.sqlite3"
    log_with_one_action(path)
    fill(small_disk)
    with pytest.raises(ActionLogError) as caught, ActionLog.open(path) as log:
        log.add(Action(case_ua="63/18", channel="email", sent_on=date(2018, 4, 2)))
    assert caught.value.kind is ErrorKind.DISK_FULL
    with ActionLog.open_for_reading(path) as log:
        assert log.read_only and "full" in log.why_read_only
        assert log.count() == 1


def test_the_window_shows_a_full_disk_log_and_says_so(qtbot, small_disk: Path) -> None:
    from uaction_desktop.gui.log_panel import LogPanel

    path = small_disk / "actions.sqlite3"
    log_with_one_action(path)
    fill(small_disk)
    panel = LogPanel(path, cases=lambda: [], signer=lambda: "", today=date(2018, 4, 2))
    qtbot.addWidget(panel)
    panel.refresh()
    assert not panel.readOnlyNote.isHidden()
    assert "The disk holding the action log is full" in panel.readOnlyNote.text()
    assert panel.model.rowCount() == 1
    panel.close_log()
    assert files_beside(path) == ["actions.sqlite3", "filler"]
