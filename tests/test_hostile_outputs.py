"""``--output`` never replaces a device, a FIFO or a folder; ``-`` is standard output for text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from uaction_desktop.atomic import NotAFileToReplace, write_bytes_atomic
from uaction_desktop.cli import main

DAY = ["--today", "2018-04-02"]


def special_outputs(tmp_path: Path) -> list[tuple[Path, str]]:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.pdf"
    folder.mkdir()
    link = tmp_path / "link.pdf"
    link.symlink_to(fifo)
    return [(fifo, "a pipe (FIFO)"), (folder, "a folder"), (link, "a pipe (FIFO)")]


@pytest.mark.parametrize(
    "command",
    [
        ["letter", "63/18", "--to", "1", "-o"],
        ["letter", "63/18", "--to", "1", "--text", "-o"],
        ["pack", "-o"],
        ["log", "export", "-o"],
    ],
)
def test_special_files_are_refused_and_left_alone(
    command: list[str], tmp_path: Path, capsys
) -> None:
    outputs = tmp_path / "outputs"
    outputs.mkdir()
    for path, kind in special_outputs(outputs):
        assert main([*DAY, *command, str(path)]) == 1, path
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"cannot write {path}: it is {kind}, not a file" in err
    assert sorted(p.name for p in outputs.iterdir()) == ["folder.pdf", "link.pdf", "pipe.pdf"]
    assert (outputs / "pipe.pdf").is_fifo() and not any((outputs / "folder.pdf").iterdir())


def test_atomic_writes_never_replace_a_device(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (Path("/dev/null"), fifo, tmp_path):
        with pytest.raises(NotAFileToReplace, match="not a file that can be replaced"):
            write_bytes_atomic(target, b"%PDF-")
    assert Path("/dev/null").is_char_device() and fifo.is_fifo()


def _uaction(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "UACTION_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "uaction_desktop.cli", *DAY, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("name", ["-", "/dev/stdout"])
def test_dash_and_dev_stdout_are_standard_output_for_text(name: str, isolated_home: Path) -> None:
    letter = _uaction("letter", "63/18", "--to", "1", "--text", "-o", name, home=isolated_home)
    assert letter.returncode == 0 and "Kozhamzharov" in letter.stdout, letter.stderr
    export = _uaction("log", "export", "-o", name, home=isolated_home)
    assert export.returncode == 0, export.stderr
    assert json.loads(export.stdout)["actions"] == []
    assert "Exported 0 actions to standard output" in export.stderr
    pdf = _uaction("letter", "63/18", "--to", "1", "-o", name, home=isolated_home)
    assert pdf.returncode == 2 and "not sent to standard output" in pdf.stderr
    assert pdf.stdout == ""
    pack = _uaction("pack", "-o", name, home=isolated_home)
    assert pack.returncode == 2 and "a meeting pack is a PDF" in pack.stderr
