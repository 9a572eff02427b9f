"""The case lookup: a command naming one case reads that case's files and looks at no other,
yet an added, removed, renamed, edited or broken file, or a damaged lookup, is never missed
(the whole library is read instead)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE
from tests.test_case_index import AN_HOUR_AGO, TODAY, case_text, write_case
from uaction_desktop import library
from uaction_desktop.case_lookup import LOOKUP_FILE
from uaction_desktop.library import CaseLibrary


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for number in range(1, 6):
        write_case(folder, f"c{number}.toml", case_text(f"{number}/24", f"Case {number}"))
    settle(folder)
    return folder


def settle(folder: Path) -> None:
    """The folder as it is an hour after its last change (a lookup never trusts a folder
    changed within the file system's time resolution of being listed)."""
    os.utime(folder, (AN_HOUR_AGO, AN_HOUR_AGO))


@pytest.fixture
def scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders listed (every file in them looked at)."""
    seen: list[str] = []
    real = library.scan_folder

    def counting(folder):
        seen.append(Path(folder).name)
        return real(folder)

    monkeypatch.setattr(library, "scan_folder", counting)
    return seen


def build(cases: Path, index: Path) -> None:
    CaseLibrary.load([cases], index_dir=index)
    assert (index / LOOKUP_FILE).is_file()


def find(cases: Path, index: Path, ua: str):
    """What a command naming ``ua`` gets: the lookup's answer, else the whole library's."""
    one = CaseLibrary.one_case(ua, [cases], None, index)
    if one is not None:
        return one.find(ua, TODAY), True
    return CaseLibrary.load([cases], index_dir=index).find(ua, TODAY), False


def test_one_case_is_found_reading_its_file_alone(cases, tmp_path, reads, scans) -> None:
    index = tmp_path / "index"
    build(cases, index)
    reads.clear(), scans.clear()
    entry, quick = find(cases, index, "UA 3/24")
    assert quick and reads == ["c3.toml"] and scans == []
    assert entry is not None and entry.case.title == "Case 3" and entry.ua == "3/24"


def test_an_edit_in_place_of_the_case_is_seen(cases, tmp_path) -> None:
    index = tmp_path / "index"
    build(cases, index)
    write_case(cases, "c3.toml", case_text("3/24", "Edited in place"))
    entry, quick = find(cases, index, "3/24")
    assert not quick and entry.case.title == "Edited in place"


def test_an_edit_keeping_size_and_time_is_read_as_it_is(cases, tmp_path) -> None:
    index = tmp_path / "index"
    build(cases, index)
    path = cases / "c3.toml"
    before = path.stat()
    path.write_text(case_text("3/24", "Case 9"), "utf-8")  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    entry, quick = find(cases, index, "3/24")
    assert quick and entry.case.title == "Case 9"  # the file itself is read
    path.write_text(case_text("8/24", "Case 3"), "utf-8")  # now another UA, same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert find(cases, index, "3/24") == (None, False)  # never another UA's case


@pytest.mark.parametrize("how", ["added", "follow-up", "renamed", "removed", "replaced"])
def test_a_change_to_the_folder_is_seen(cases, tmp_path, how) -> None:
    index = tmp_path / "index"
    build(cases, index)
    if how == "added":
        write_case(cases, "c9.toml", case_text("9/24", "New"))
    elif how == "follow-up":  # another document of UA 3/24: the newest is written from
        text = case_text("3/24", "Newer").replace(
            "format = 1", 'format = 1\nkind = "follow-up"\nupdate = 1', 1
        )
        write_case(cases, "c3-update.toml", text)
    elif how == "renamed":
        (cases / "c3.toml").rename(cases / "renamed.toml")
    elif how == "removed":
        (cases / "c3.toml").unlink()
    else:  # saved the way editors and this app save: a new file renamed over the old
        write_case(cases, "c3.new", case_text("3/24", "Replaced"))
        os.replace(cases / "c3.new", cases / "c3.toml")
    entry, quick = find(cases, index, "3/24")
    assert not quick
    expected = {
        "added": ("Case 3", "c3.toml"),
        "follow-up": ("Newer", "c3-update.toml"),
        "renamed": ("Case 3", "renamed.toml"),
        "removed": None,
        "replaced": ("Replaced", "c3.toml"),
    }[how]
    if expected is None:
        assert entry is None
    else:
        assert (entry.case.title, Path(entry.card.path).name) == expected
    settle(cases)
    CaseLibrary.load([cases], index_dir=index)  # the next listing writes the lookup again
    again, quick = find(cases, index, "3/24")
    assert quick == (expected is not None)
    assert (again is None) == (entry is None)


@pytest.mark.parametrize("how", ["follow-up", "renamed"])
def test_a_change_is_seen_where_the_folders_time_stays(cases, tmp_path, how) -> None:
    """As on a FAT file system under Windows, where a folder's time does not follow its
    entries: the names are counted and checksummed too."""
    index = tmp_path / "index"
    build(cases, index)
    before = cases.stat()
    if how == "follow-up":
        text = case_text("3/24", "Newer").replace(
            "format = 1", 'format = 1\nkind = "follow-up"\nupdate = 1', 1
        )
        write_case(cases, "c3-update.toml", text)
    else:
        (cases / "c3.toml").rename(cases / "c3-renamed.toml")
    os.utime(cases, ns=(before.st_atime_ns, before.st_mtime_ns))
    entry, quick = find(cases, index, "3/24")
    assert not quick
    expected = "c3-update.toml" if how == "follow-up" else "c3-renamed.toml"
    assert Path(entry.card.path).name == expected


def test_a_case_broken_in_place_is_said_when_read(cases, tmp_path) -> None:
    index = tmp_path / "index"
    build(cases, index)
    path = cases / "c3.toml"
    before = path.stat()
    path.write_text("format = 1\nua = [\n", "utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # even with the old time
    assert find(cases, index, "3/24") == (None, False)
    path.write_text("format = 1\nua = [\n", "utf-8")
    entry, quick = find(cases, index, "3/24")
    assert entry is None and not quick


def test_a_folder_changed_just_before_it_was_listed_is_not_trusted(cases, tmp_path) -> None:
    index = tmp_path / "index"
    os.utime(cases, None)  # changed this very moment
    build(cases, index)
    assert find(cases, index, "3/24")[1] is False
    settle(cases)
    CaseLibrary.load([cases], index_dir=index)  # nothing changed, but the lookup is redone
    assert find(cases, index, "3/24")[1] is True


def test_a_recently_written_case_file_is_not_trusted(cases, tmp_path) -> None:
    index = tmp_path / "index"
    (cases / "c3.toml").write_text(case_text("3/24", "Just written"), "utf-8")
    settle(cases)
    build(cases, index)
    entry, quick = find(cases, index, "3/24")
    assert not quick and entry.case.title == "Just written"


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(b"\x00\xff" * 40),
        lambda p: p.write_bytes(p.read_bytes().replace(b'"version": "', b'"version": "0.0-')),
        lambda p: p.write_bytes(p.read_bytes().replace(b"\n3/24\t3/24\t0\t", b"\n3/24\t3/24\tx\t")),
        lambda p: p.write_bytes(p.read_bytes().replace(b"c3.toml", b"c4.toml")),
        lambda p: p.unlink(),
    ],
    ids=["truncated", "garbage", "other-version", "bad-line", "wrong-file", "missing"],
)
def test_a_damaged_lookup_is_never_believed(cases, tmp_path, damage) -> None:
    index = tmp_path / "index"
    build(cases, index)
    damage(index / LOOKUP_FILE)
    entry, _ = find(cases, index, "3/24")
    assert entry is not None and entry.case.title == "Case 3"
    assert Path(entry.card.path).name == "c3.toml"
    CaseLibrary.load([cases], index_dir=index)  # the next listing puts it right
    assert find(cases, index, "3/24")[1] is True


def test_an_unknown_ua_asks_the_whole_library(cases, tmp_path) -> None:
    index = tmp_path / "index"
    build(cases, index)
    assert find(cases, index, "77/24") == (None, False)
    assert CaseLibrary.one_case("not a UA", [cases], None, index) is None


def test_a_users_copy_of_a_bundled_case_replaces_it(tmp_path) -> None:
    user = tmp_path / "cases"
    user.mkdir()
    text = BUNDLED_CASE.read_text("utf-8").replace("Akmaral", "Corrected", 1)
    write_case(user, "my-63-18.toml", text)
    settle(user)
    index = tmp_path / "index"
    CaseLibrary.load([user], bundled=BUNDLED_CASE.parent, index_dir=index)
    one = CaseLibrary.one_case("63/18", [user], BUNDLED_CASE.parent, index)
    assert one is not None
    entry = one.find("63/18", TODAY)
    assert entry is not None and not entry.bundled and entry.card.path.endswith("my-63-18.toml")


def test_show_log_add_and_pack_use_the_lookup_and_stay_correct(isolated_home: Path) -> None:
    folder = isolated_home / "data" / "cases"
    folder.mkdir(parents=True)
    write_case(folder, "a.toml", case_text("5/24", "Listed case"))
    settle(folder)
    env = dict(os.environ, UACTION_HOME=str(isolated_home), PYTHONPATH=str(BUNDLED_CASE.parents[1]))

    def uaction(*args: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "uaction_desktop.cli", "--today", "2024-07-02", *args]
        return subprocess.run(argv, env=env, capture_output=True, text=True)

    assert uaction("cases", "--all").returncode == 0  # builds the index and the lookup
    pack = str(isolated_home / "pack.pdf")
    code = (
        "import sys\n"
        "from uaction_desktop import library\n"
        "library.scan_folder = None  # listing a folder would fail\n"
        "from uaction_desktop.cli import main\n"
        "assert main(['--today', '2024-07-02', 'show', '5/24']) == 0\n"
        "assert main(['--today', '2024-07-02', 'log', 'add', '--case', '5/24', '--to', '1',"
        " '--channel', 'letter']) == 0\n"
        "assert 'uaction_desktop.actionlog' in sys.modules\n"
        f"assert main(['--today', '2024-07-02', 'pack', '--case', '5/24', '-o', {pack!r}]) == 0\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Listed case" in done.stdout and "Logged 1 letter" in done.stdout
    assert Path(pack).read_bytes().startswith(b"%PDF")
    write_case(folder, "a.toml", case_text("5/24", "Edited case"))  # in place, old time
    os.utime(folder / "a.toml", None)
    shown = uaction("show", "5/24")
    assert shown.returncode == 0 and "Edited case" in shown.stdout


def test_a_command_loads_only_what_it_needs(isolated_home: Path) -> None:
    code = (
        "import sys\n"
        "from uaction_desktop.cli import main\n"
        "assert main(['show', '63/18']) == 0\n"
        "heavy = ('reportlab', 'jinja2', 'babel', 'sqlite3', 'uaction_desktop.actionlog')\n"
        "loaded = [m for m in sys.modules if m.startswith(heavy)]\n"
        "assert not loaded, loaded\n"
    )
    env = dict(os.environ, UACTION_HOME=str(isolated_home), PYTHONPATH=str(BUNDLED_CASE.parents[1]))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_log_commands_channels_are_the_action_logs() -> None:
    from uaction_desktop.actionlog import ActionChannel
    from uaction_desktop.commands.log import CHANNELS
    from uaction_desktop.pdf.layouts import LAYOUTS
    from uaction_desktop.profile import LAYOUTS as LAYOUT_NAMES

    assert [c.value for c in ActionChannel] == CHANNELS
    assert sorted(LAYOUT_NAMES) == sorted(LAYOUTS)
