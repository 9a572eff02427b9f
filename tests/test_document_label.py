"""An update or a closure says so wherever a case is shown: `uaction show`, the case view."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.cli import main
from uaction_desktop.library import CaseLibrary

VALID = Path(__file__).resolve().parent / "fixtures" / "cases" / "valid"


def user_cases(home: Path, *names: str) -> Path:
    folder = home / "data" / "cases"
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(VALID / name, folder / name)
    return folder


def show_first_line(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["--today", "2024-07-02", *argv, "show", "101/24"]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_show_names_the_update(capsys, isolated_home: Path) -> None:
    user_cases(isolated_home, "ua-101-24-testland.toml", "ua-101-24-testland-fu1.toml")
    assert show_first_line(capsys).startswith("UA 101/24 · update 1")
    assert "101/24 · mise à jour 1" in show_first_line(capsys, "--lang", "fr")  # "AU 101/24"


def test_show_names_the_closure_and_not_a_first_appeal(capsys, isolated_home: Path) -> None:
    folder = user_cases(isolated_home, "ua-101-24-testland.toml")
    line = show_first_line(capsys)
    assert line.startswith("UA 101/24") and "·" not in line
    (folder / "ua-101-24-testland.toml").unlink()  # only the closure notice is at hand
    shutil.copy(VALID / "ua-101-24-testland-closure.toml", folder)
    assert "101/24 · Abschluss" in show_first_line(capsys, "--lang", "de")
    assert show_first_line(capsys).startswith("UA 101/24 · closure")


def test_case_view_header_names_the_update(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    from uaction_desktop import i18n
    from uaction_desktop.gui.case_view import case_html

    shutil.copy(VALID / "ua-101-24-testland-fu1.toml", tmp_path)
    library = CaseLibrary.load([tmp_path])
    entry = library.find("101/24", date(2024, 7, 2))
    html = case_html(entry, date(2024, 7, 2))
    assert "UA 101/24 · update 1" in html
    i18n.set_language("es")
    assert "AU 101/24 · actualización 1" in case_html(entry, date(2024, 7, 2))
