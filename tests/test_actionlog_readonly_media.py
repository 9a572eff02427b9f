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
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    """A real file system mounted read-only, holding a log with one action (WAL mode)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("mounting a file system needs privileges this machine does not give")
    try:
        with ActionLog.open(folder / "actions.sqlite3") as log:
            log.add(Action(case_ua="63/18", channel="letter", sent_on=date(2018, 4, 2), count=4))
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


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
