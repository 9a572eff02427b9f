"""A log on write-protected media (a locked USB stick, a read-only backup) can still be read."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.actionlog import Action, ActionLog, ActionLogError
from uaction_desktop.actionlog.errors import ErrorKind
from uaction_desktop.cli import main


@pytest.fixture
def stick(tmp_path: Path) -> Iterator[Path]:
    """An empty file system, to be remounted read-only by the test."""
    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a file system needs privileges this machine does not give")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


@pytest.fixture
def read_only_mount(stick: Path) -> Path:
    """A real file system mounted read-only, holding a log with one action (WAL mode)."""
    with ActionLog.open(stick / "actions.sqlite3") as log:
        log.add(Action(case_ua="63/18", channel="letter", sent_on=date(2018, 4, 2), count=4))
    subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
    return stick


def test_a_log_on_read_only_media_opens_for_reading(read_only_mount: Path) -> None:
    path = read_only_mount / "actions.sqlite3"
    with pytest.raises(ActionLogError):
        ActionLog.open(path)  # a normal open needs to write
    with ActionLog.open_for_reading(path) as log:
        assert log.read_only
        assert log.count() == 1 and log.actions()[0].count == 4
        with pytest.raises(ActionLogError) as caught:
            log.add(Action(case_ua="63/18", channel="email", sent_on=date(2018, 4, 2)))
        assert caught.value.kind is ErrorKind.READ_ONLY


def test_the_command_line_lists_a_read_only_log(
    read_only_mount: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = read_only_mount.parent / "home"
    (home / "data").mkdir(parents=True)
    (home / "data" / "actions.sqlite3").symlink_to(read_only_mount / "actions.sqlite3")
    monkeypatch.setenv("UACTION_HOME", str(home))
    assert main(["log", "list"]) == 0
    assert "63/18" in capsys.readouterr().out


def test_the_window_shows_a_read_only_log_and_says_so(qtbot, read_only_mount: Path) -> None:
    from uaction_desktop.gui.log_panel import LogPanel

    panel = LogPanel(
        read_only_mount / "actions.sqlite3",
        cases=lambda: [],
        signer=lambda: "",
        today=date(2018, 4, 2),
    )
    qtbot.addWidget(panel)
    panel.refresh()
    assert not panel.readOnlyNote.isHidden()
    assert "read-only" in panel.readOnlyNote.text()
    assert panel.model.rowCount() == 1
    panel.close_log()


@pytest.mark.parametrize("closed_once_first", [True, False])
def test_actions_still_in_the_wal_are_shown(
    tmp_path: Path, stick: Path, closed_once_first: bool
) -> None:
    """The app stopped without closing the log (a crash, a pulled stick): the latest actions
    are committed but only in the -wal file. (From the third review.)"""
    import shutil

    laptop = tmp_path / "laptop"
    laptop.mkdir()
    if closed_once_first:
        with ActionLog.open(laptop / "actions.sqlite3") as first:  # closing checkpoints
            first.add(Action(case_ua="63/18", channel="letter", sent_on=date(2018, 4, 1)))
    running = ActionLog.open(laptop / "actions.sqlite3")
    for count in (1, 2):
        running.add(Action(case_ua="63/18", channel="fax", sent_on=date(2018, 4, 2), count=count))
    assert (laptop / "actions.sqlite3-wal").stat().st_size > 0
    for name in ("actions.sqlite3", "actions.sqlite3-wal"):
        shutil.copy(laptop / name, stick / name)
    running.close()
    subprocess.run(["mount", "-o", "remount,ro", str(stick)], check=True)
    log = ActionLog.open_for_reading(stick / "actions.sqlite3")
    try:
        assert log.read_only
        assert log.count() == (3 if closed_once_first else 2)
        with pytest.raises(ActionLogError) as caught:
            log.add(Action(case_ua="63/18", channel="email", sent_on=date(2018, 4, 2)))
        assert caught.value.kind is ErrorKind.READ_ONLY
    finally:
        snapshot = log._snapshot
        log.close()
    assert snapshot is not None and not snapshot.exists()  # the private copy is gone
