"""Inputs written to break things: each ends in one clear sentence, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import BUNDLED_CASE
from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.casefile import load_case_file, parse_case_text
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


def _user_cases(home: Path) -> Path:
    folder = home / "data" / "cases"
    folder.mkdir(parents=True, exist_ok=True)
    text = BUNDLED_CASE.read_text("utf-8").replace('ua = "63/18"', 'ua = "64/18"')
    (folder / "good.toml").write_text(text, "utf-8")
    return folder


def test_a_500_part_dotted_key_or_a_4301_digit_number_is_one_files_problem(
    isolated_home: Path, capsys
) -> None:
    """Issue 15.1: each of these 1 KB files stopped every command with a traceback."""
    folder = _user_cases(isolated_home)
    (folder / "dotted.toml").write_text("format = 1\n" + ".".join(["k"] * 500) + " = 1\n")
    (folder / "digits.toml").write_text("format = 1\n\nupdate = " + "7" * 4301 + "\n")
    library = CaseLibrary.standard(folder)
    assert sorted(e.ua for e in library.entries(library.documents[0].issued)) == ["63/18", "64/18"]
    problems = {Path(p.file).name: p for p in library.problems}
    assert set(problems) == {"dotted.toml", "digits.toml"}
    assert (problems["dotted.toml"].field, problems["dotted.toml"].line) == ("k", 2)
    assert (problems["digits.toml"].field, problems["digits.toml"].line) == ("update", 3)
    day = ["--today", "2018-04-02"]
    for argv in (["cases", "--all"], ["show", "64/18"], ["letter", "63/18", "--to", "1", "--text"]):
        assert main([*day, *argv]) == 0, argv
    err = capsys.readouterr().err
    assert "dotted.toml:2: k: nested more than" in err
    assert "digits.toml:3: update: a number of more than 4,000 digits" in err


def test_links_and_special_files_in_the_cases_folder_are_judged_one_by_one(
    isolated_home: Path,
) -> None:
    """Issue 15.3: one symlink loop hid every user case, with no problem reported."""
    folder = _user_cases(isolated_home)
    os.symlink(folder / "loop-b.toml", folder / "loop-a.toml")
    os.symlink(folder / "loop-a.toml", folder / "loop-b.toml")
    os.symlink(folder / "gone.toml", folder / "dangling.toml")
    os.mkfifo(folder / "pipe.toml")  # reading it would wait forever
    os.symlink(folder / "good.toml", folder / "linked.toml")  # a link to a case is read
    library = CaseLibrary.standard(folder)
    found = {Path(p.file).name: p.message for p in library.problems}
    assert "loop" in found.pop("loop-a.toml") and "loop" in found.pop("loop-b.toml")
    assert "link to nothing" in found.pop("dangling.toml")
    assert "not a regular file" in found.pop("pipe.toml")
    assert list(found) == ["linked.toml"] and "also in" in found["linked.toml"]  # same UA twice
    assert sorted(e.ua for e in library.entries(library.documents[0].issued)) == ["63/18", "64/18"]


def test_a_case_file_that_becomes_a_pipe_is_never_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    (problem,) = load_case_file(tmp_path / "pipe.toml").problems
    assert "not a regular file" in problem.message


def test_nesting_too_deep_for_the_toml_reader_names_its_line_and_key() -> None:
    """The RecursionError from tomllib carries no position; the problem still points at it."""
    for text, key, line in (
        ("format = 1\nasks = " + "[" * 2000 + "]" * 2000 + "\n", "asks", 2),
        ("format = 1\n\nx = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n", "x", 3),
        ("format = 1\na = [\n" + "[\n" * 3000 + "]\n" * 3001, "a", 2),
    ):
        (problem,) = parse_case_text(text, "deep.toml").problems
        assert (problem.field, problem.line) == (key, line)
        assert "nested too deeply" in problem.message


def test_case_files_are_read_by_the_shared_bounded_reader_in_their_own_words(
    tmp_path: Path,
) -> None:
    from uaction_desktop.casefile import MAX_FILE_BYTES

    huge = tmp_path / "huge.toml"
    with huge.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    (tmp_path / "folder.toml").mkdir()
    for path, message in (
        ("/dev/zero", "not a regular file; only regular files are read"),
        (tmp_path / "folder.toml", "not a regular file; only regular files are read"),
        (huge, "file is 1,000,001 bytes; case files are at most 1 MB"),
        (tmp_path / "absent.toml", "cannot read the file: No such file or directory"),
    ):
        (problem,) = load_case_file(path).problems
        assert problem.message == message, path
