"""Inputs written to break things: each ends in one clear sentence, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import BUNDLED_CASE
from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.casefile import load_case_file
from uaction_desktop.cli import main
from uaction_desktop.library import CaseLibrary
from uaction_desktop.model import normalize_ua


def test_a_deeply_nested_case_file_is_a_problem_and_the_others_load(tmp_path: Path) -> None:
    (tmp_path / "deep.toml").write_text("a = " + "[" * 500 + "]" * 500 + "\n", "utf-8")
    result = load_case_file(tmp_path / "deep.toml")
    assert result.case is None
    assert "nested too deeply" in str(result.problems[0])
    library = CaseLibrary.load([tmp_path], bundled=BUNDLED_CASE.parent)
    assert [e.ua for e in library.entries(library.documents[0].issued)] == ["63/18"]


def test_non_ascii_digits_are_not_a_ua_number() -> None:
    assert normalize_ua("٦٣/١٨") is None
    assert normalize_ua("63/18") == "63/18"


def test_odd_command_line_values_are_one_line(isolated_home: Path, tmp_path: Path, capsys):
    day = ["--today", "2018-04-02"]
    cases = [
        ([*day, "letter", "63/18", "--to", "²", "--text"], 1, "no official '²'"),
        ([*day, "letter", "63/18", "--to", "9" * 5000, "--text"], 1, "no official"),
        (
            [
                *day,
                "log",
                "add",
                "--case",
                "63/18",
                "--to",
                "1",
                "--channel",
                "letter",
                "--count",
                "1000001",
            ],
            2,
            "at most 1,000,000",
        ),
        ([*day, "pack", "--copies", "501", "-o", str(tmp_path / "p.pdf")], 2, "at most 500"),
        (
            [*day, "letter", "63/18", "--to", "1", "--personal-line", "caf\udce9", "--text"],
            2,
            "not valid text",
        ),
    ]
    for argv, code, fragment in cases:
        assert main(argv) == code, argv
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and fragment in err, err
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    assert main(["log", "import", str(deep)]) == 1
    assert "nested too deeply" in capsys.readouterr().err


def test_atomic_writes_keep_permissions_and_follow_links(tmp_path: Path) -> None:
    shared = tmp_path / "shared.txt"
    shared.write_text("v1", "utf-8")
    os.chmod(shared, 0o644)
    write_text_atomic(shared, "v2")
    assert (shared.stat().st_mode & 0o777, shared.read_text("utf-8")) == (0o644, "v2")
    link = tmp_path / "link.txt"
    link.symlink_to(shared)
    write_text_atomic(link, "v3")
    assert link.is_symlink() and shared.read_text("utf-8") == "v3"
