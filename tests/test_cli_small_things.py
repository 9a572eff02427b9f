"""Small things found while trying the app as a new user (issue 11, item 8): each printed a
confusing message, wrote the wrong thing or ignored what the window does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from uaction_desktop.actionlog import ActionLog
from uaction_desktop.cli import main

ACTIVE = ("--today", "2018-04-02")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_more_cases(isolated_home: Path) -> None:
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    for path in (FIXTURES / "window").glob("*.toml"):
        shutil.copy(path, folder)


def test_cases_query_searches_like_the_window(capsys, two_more_cases) -> None:
    code, out, _ = run(capsys, *ACTIVE, "cases", "poem")
    assert code == 0 and out.startswith("UA 71/18") and len(out.splitlines()) == 1
    code, out, _ = run(capsys, *ACTIVE, "cases", "Tobylova")
    assert out.startswith("UA 63/18")
    code, out, _ = run(capsys, *ACTIVE, "cases", "Al-Harbi", "Saudi")  # every word
    assert out.startswith("UA 72/18") and len(out.splitlines()) == 1
    code, out, _ = run(capsys, "cases", "tobylova")  # expired today: found, as in the window
    assert out.startswith("UA 63/18") and "expired" in out
    code, out, _ = run(capsys, *ACTIVE, "cases", "nobody")
    assert (code, out) == (0, 'No case matches "nobody".\n')


def test_a_pdf_channel_refuses_a_txt_output_with_a_hint(capsys, tmp_path: Path) -> None:
    """Before: the PDF was written into letter.txt."""
    target = tmp_path / "letter.txt"
    code, _, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "-o", str(target))
    assert code == 2 and not target.exists()
    assert "letter.pdf" in err and "--text" in err and len(err.splitlines()) == 1


def test_an_empty_output_is_a_plain_message(capsys) -> None:
    """Before: "cannot write .: Device or resource busy"."""
    code, _, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "--output", "")
    assert code == 2 and "needs a file name" in err
    code, _, err = run(capsys, *ACTIVE, "pack", "--case", "63/18", "--output", "")
    assert code == 2 and "needs a file name" in err


def test_negative_copies_is_a_plain_message(capsys, tmp_path: Path) -> None:
    """Before: "'-3' is not a whole number"."""
    code, _, err = run(capsys, *ACTIVE, "pack", "--copies", "-3", "-o", str(tmp_path / "p.pdf"))
    assert code == 2 and "--copies: must be 1 or more" in err


def test_log_add_records_the_signer_from_the_profile(capsys, isolated_home: Path) -> None:
    assert main(["profile", "--name", "Jane Doe"]) == 0
    code, _, _ = run(
        capsys, *ACTIVE, "log", "add", "--case", "63/18", "--to", "1", "--channel", "letter"
    )
    assert code == 0
    code, _, _ = run(
        capsys,
        *ACTIVE,
        "log",
        "add",
        "--case",
        "63/18",
        "--to",
        "2",
        "--channel",
        "email",
        "--signer",
        "Group 42",
    )
    with ActionLog.open(isolated_home / "data" / "actions.sqlite3", read_only=True) as log:
        signers = sorted(a.signer for a in log.actions())
    assert signers == ["Group 42", "Jane Doe"]


def test_log_import_of_a_csv_points_to_the_json_export(capsys, tmp_path: Path) -> None:
    exported = tmp_path / "mine.csv"
    assert main([*ACTIVE, "log", "add", "--case", "63/18", "--to", "1", "--channel", "letter"]) == 0
    assert main(["log", "export", "--output", str(exported)]) == 0
    capsys.readouterr()
    code, _, err = run(capsys, "log", "import", str(exported))
    assert code == 1
    assert "CSV" in err and "uaction log export --output FILE.json" in err
