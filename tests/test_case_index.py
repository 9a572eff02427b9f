"""The case index: a start reads only the case files that changed, and never trusts the cache
over the files (an edited, added, removed, renamed or broken file is seen at the next start; a
truncated, foreign or unreadable cache is rebuilt)."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE, FIXTURES
from uaction_desktop.case_index import CARDS_FILE, FILES_FILE, SEARCH_FILE
from uaction_desktop.library import CaseLibrary, CaseUnavailable

TODAY = date(2024, 7, 2)
TESTLAND = FIXTURES / "cases" / "valid" / "ua-101-24-testland.toml"
AN_HOUR_AGO = time.time() - 3600
NAMES = ["Amaru", "Bogdan", "Chiara", "Dilnoza", "Emeka"]


def case_text(ua: str, title: str) -> str:
    text = TESTLAND.read_text("utf-8").replace('ua = "UA 101/24"', f'ua = "{ua}"')
    assert f'ua = "{ua}"' in text
    return text.replace("Journalist held incommunicado", title, 1)


def write_case(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    os.utime(path, (AN_HOUR_AGO, AN_HOUR_AGO))  # as files are: not written this very second
    return path


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for number in range(1, 6):
        write_case(
            folder, f"c{number}.toml", case_text(f"{number}/24", f"Case of {NAMES[number - 1]}")
        )
    return folder


def load(cases: Path, index: Path) -> CaseLibrary:
    return CaseLibrary.load([cases], index_dir=index)


def titles(library: CaseLibrary) -> dict[str, str]:
    return {e.ua: e.card.title for e in library.entries(TODAY)}


def test_second_start_reads_no_file_and_lists_the_same(cases, tmp_path, reads) -> None:
    index = tmp_path / "cache" / "case-index"
    first = titles(load(cases, index))
    assert sorted(reads) == [f"c{n}.toml" for n in range(1, 6)]
    assert all((index / part).is_file() for part in (FILES_FILE, CARDS_FILE, SEARCH_FILE))
    reads.clear()
    again = load(cases, index)
    assert titles(again) == first
    assert reads == []
    assert [e.ua for e in again.search("chiara", TODAY)] == ["3/24"]
    assert reads == []  # the search text comes from the index too


def test_only_the_edited_added_and_removed_files_count(cases, tmp_path, reads) -> None:
    index = tmp_path / "index"
    load(cases, index)
    reads.clear()
    write_case(cases, "c2.toml", case_text("2/24", "Edited title"))
    write_case(cases, "c9.toml", case_text("9/24", "Added case"))
    (cases / "c4.toml").unlink()
    library = load(cases, index)
    assert sorted(reads) == ["c2.toml", "c9.toml"]
    assert titles(library) == {
        "1/24": "Case of Amaru",
        "2/24": "Edited title",
        "3/24": "Case of Chiara",
        "5/24": "Case of Emeka",
        "9/24": "Added case",
    }
    assert [e.ua for e in library.search("added", TODAY)] == ["9/24"]
    reads.clear()
    assert titles(load(cases, index)) == titles(library) and reads == []


def test_an_edit_that_keeps_the_size_is_seen(cases, tmp_path) -> None:
    index = tmp_path / "index"
    load(cases, index)
    path = cases / "c1.toml"
    before = path.stat().st_size
    write_case(cases, "c1.toml", case_text("1/24", "Case of AMARU"))
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before
    assert titles(load(cases, index))["1/24"] == "Case of AMARU"


def test_a_renamed_file_is_listed_under_its_new_name(cases, tmp_path) -> None:
    index = tmp_path / "index"
    load(cases, index)
    (cases / "c3.toml").rename(cases / "renamed.toml")
    entry = load(cases, index).find("3/24", TODAY)
    assert entry is not None and entry.card.path == str(cases / "renamed.toml")
    assert entry.case.title == "Case of Chiara"


def test_a_broken_file_is_a_problem_with_its_line_at_every_start(cases, tmp_path, reads) -> None:
    index = tmp_path / "index"
    shutil.copy(FIXTURES / "cases" / "broken" / "syntax-error.toml", cases / "broken.toml")
    os.utime(cases / "broken.toml", (AN_HOUR_AGO, AN_HOUR_AGO))
    first = [str(p) for p in load(cases, index).problems]
    reads.clear()
    second = [str(p) for p in load(cases, index).problems]
    assert reads == []
    assert first == second and len(first) == 1
    assert first[0].startswith(f"{cases / 'broken.toml'}:")  # file:line
    assert load(cases, index).problems[0].line is not None


def test_a_broken_file_made_good_is_listed_and_a_good_one_broken_is_a_problem(
    cases, tmp_path
) -> None:
    index = tmp_path / "index"
    write_case(cases, "c5.toml", "format = 1\nua = \n")
    assert "5/24" not in titles(load(cases, index))
    write_case(cases, "c5.toml", case_text("5/24", "Fixed"))
    write_case(cases, "c1.toml", case_text("1/24", "Broken") + "\nstray = 1\n")
    library = load(cases, index)
    assert titles(library)["5/24"] == "Fixed"
    assert "1/24" not in titles(library)
    (problem,) = library.problems
    assert (
        problem.file.endswith("c1.toml") and problem.field.endswith("stray") and problem.line == 55
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # truncated
        lambda p: p.write_bytes(b"\x00\xff" * 40),  # not JSON
        lambda p: p.write_text(json.dumps({"app": "another program", "files": {}})),
        lambda p: p.write_text(json.dumps([1, 2, 3])),
        lambda p: p.write_text(  # this app's header, nonsense inside
            json.dumps({**json.loads(p.read_text()), "files": {"x": [1]}})
        ),
        lambda p: p.write_text(p.read_text().replace('"version": "', '"version": "0.0.0-old')),
    ],
    ids=["truncated", "garbage", "foreign", "not-a-table", "bad-records", "other-version"],
)
def test_a_damaged_or_foreign_index_is_rebuilt_from_the_files(cases, tmp_path, damage) -> None:
    index = tmp_path / "index"
    expected = titles(load(cases, index))
    for part in (FILES_FILE, CARDS_FILE, SEARCH_FILE):
        damage(index / part)
    library = load(cases, index)
    assert titles(library) == expected and library.problems == []
    assert [e.ua for e in library.search("DILNOZA", TODAY)] == ["4/24"]
    for part in (FILES_FILE, CARDS_FILE, SEARCH_FILE):
        assert len(json.loads((index / part).read_text("utf-8"))["files"]) == 5, part


def test_a_damaged_card_in_a_valid_index_is_read_from_its_file(cases, tmp_path) -> None:
    index = tmp_path / "index"
    load(cases, index)
    data = json.loads((index / CARDS_FILE).read_text("utf-8"))
    record = data["files"][str(cases / "c2.toml")]
    record[2][5] = "not a date"  # the card's issue date
    (index / CARDS_FILE).write_text(json.dumps(data), "utf-8")
    assert titles(load(cases, index))["2/24"] == "Case of Bogdan"


def test_an_unreadable_or_unwritable_cache_folder_is_no_problem(cases, tmp_path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", "utf-8")
    library = load(cases, blocked / "index")  # cannot be made: nothing is kept, all is read
    assert len(titles(library)) == 5 and library.problems == []
    index = tmp_path / "index"
    index.mkdir()
    (index / FILES_FILE).mkdir()  # a folder where the file should be
    assert len(titles(load(cases, index))) == 5


def test_a_file_changed_since_the_list_was_made_is_said_when_opened(cases, tmp_path) -> None:
    library = load(cases, tmp_path / "index")
    (entry,) = [e for e in library.entries(TODAY) if e.ua == "2/24"]
    write_case(cases, "c2.toml", "format = 1\nua = [\n")
    with pytest.raises(CaseUnavailable, match=r"c2\.toml:"):
        entry.case  # noqa: B018


def test_the_full_case_is_read_only_when_opened(cases, tmp_path, reads) -> None:
    index = tmp_path / "index"
    load(cases, index)
    reads.clear()
    library = load(cases, index)
    entries = library.entries(TODAY)
    assert reads == []
    assert entries[0].case.officials  # the whole case, from its file
    assert entries[0].case.summary


def test_the_bundled_case_is_indexed_with_the_users(tmp_path) -> None:
    index = tmp_path / "index"
    for _ in range(2):
        library = CaseLibrary.load(
            [tmp_path / "none"], bundled=BUNDLED_CASE.parent, index_dir=index
        )
        (entry,) = library.entries(TODAY)
        assert entry.ua == "63/18" and entry.bundled


def test_listing_needs_neither_babel_jinja_nor_the_importer(isolated_home: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from uaction_desktop.cli import main\n"
        "assert main(['cases', '--all', '--json']) == 0\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('babel', 'jinja2')"
        " or m.startswith('uaction_desktop.importer')]\n"
        "assert not loaded, loaded\n"
    )
    env = dict(os.environ, UACTION_HOME=str(isolated_home), PYTHONPATH=str(BUNDLED_CASE.parents[1]))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    (listed,) = json.loads(done.stdout)
    assert listed["ua"] == "63/18" and listed["people"][0]["name"] == "Akmaral Tobylova"
    assert "officials" not in listed and "background" not in listed  # show --json has them
