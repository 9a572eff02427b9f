"""The case library: bundled plus user cases, derived status, duplicates, broken files, search."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.library import CaseLibrary, matches
from uaction_desktop.model import CaseKind, CaseStatus
from uaction_desktop.resources import bundled_cases_dir

REPO = Path(__file__).resolve().parent.parent
BUNDLED_CASE = REPO / "cases" / "ua-63-18-kazakhstan.toml"
CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
ACTIVE_DAY = date(2018, 4, 2)
TODAY = date(2026, 11, 28)


@pytest.fixture
def user_cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    return folder


def test_bundled_cases_dir_is_the_repository_cases_folder() -> None:
    assert bundled_cases_dir().resolve() == (REPO / "cases").resolve()


def test_standard_library_has_the_bundled_case(user_cases: Path) -> None:
    library = CaseLibrary.standard(user_cases)
    assert library.problems == []
    (entry,) = library.entries(TODAY)
    assert entry.ua == "63/18"
    assert entry.bundled is True
    assert entry.closure is None
    assert entry.documents == (entry.card,)
    assert entry.case.path == entry.card.path and entry.case.officials  # read when opened


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (date(2018, 3, 27), CaseStatus.ACTIVE),
        (ACTIVE_DAY, CaseStatus.ACTIVE),
        (date(2018, 6, 8), CaseStatus.ACTIVE),  # the deadline day itself
        (date(2018, 6, 9), CaseStatus.EXPIRED),
        (TODAY, CaseStatus.EXPIRED),
    ],
)
def test_status_is_derived_from_the_date(user_cases: Path, today: date, status: str) -> None:
    (entry,) = CaseLibrary.standard(user_cases).entries(today)
    assert entry.status is status


def test_missing_user_folder_is_simply_empty(tmp_path: Path) -> None:
    library = CaseLibrary.standard(tmp_path / "does-not-exist")
    assert [e.ua for e in library.entries(TODAY)] == ["63/18"]
    assert library.problems == []


def test_a_broken_file_never_stops_the_others(user_cases: Path) -> None:
    shutil.copy(CASES / "broken" / "many-problems.toml", user_cases / "a-broken.toml")
    shutil.copy(CASES / "broken" / "syntax-error.toml", user_cases / "b-syntax.toml")
    (user_cases / "c-latin1.toml").write_bytes("title = 'Café'".encode("latin-1"))
    shutil.copy(CASES / "valid" / "ua-101-24-testland.toml", user_cases / "d-good.toml")
    (user_cases / "notes.txt").write_text("not a case file", encoding="utf-8")
    (user_cases / "folder.toml").mkdir()  # a folder with a case-file name is skipped
    library = CaseLibrary.standard(user_cases)
    assert sorted(e.ua for e in library.entries(TODAY)) == ["101/24", "63/18"]
    files = {Path(p.file).name for p in library.problems}
    assert files == {"a-broken.toml", "b-syntax.toml", "c-latin1.toml"}
    assert len([p for p in library.problems if p.file.endswith("a-broken.toml")]) == 12


def test_the_same_ua_in_two_user_files_is_reported(user_cases: Path) -> None:
    shutil.copy(BUNDLED_CASE, user_cases / "a-63-18.toml")
    shutil.copy(BUNDLED_CASE, user_cases / "b-63-18.toml")
    library = CaseLibrary.standard(user_cases)
    assert len(library.entries(TODAY)) == 1
    (duplicate,) = library.problems
    assert duplicate.file == str(user_cases / "b-63-18.toml")
    assert duplicate.field == "ua"
    assert "UA 63/18 is also in" in duplicate.message
    assert "a-63-18.toml" in duplicate.message
    assert "ignored" in duplicate.message


def test_a_users_copy_replaces_the_bundled_case(user_cases: Path) -> None:
    text = BUNDLED_CASE.read_text("utf-8").replace(
        'title = "Woman detained for reading opposition website"',
        'title = "Corrected title"',
    )
    (user_cases / "my-copy-of-63-18.toml").write_text(text, "utf-8")
    library = CaseLibrary.standard(user_cases)
    assert library.problems == []
    (entry,) = library.entries(TODAY)
    assert entry.case.title == "Corrected title"
    assert not entry.bundled


def test_follow_up_is_the_document_to_write_from(user_cases: Path) -> None:
    for name in ("ua-101-24-testland.toml", "ua-101-24-testland-fu1.toml"):
        shutil.copy(CASES / "valid" / name, user_cases / name)
    library = CaseLibrary.load([user_cases])
    (entry,) = library.entries(date(2024, 7, 2))
    assert entry.case.kind is CaseKind.FOLLOW_UP
    assert entry.case.title == "Journalist moved to a prison far from home"
    assert entry.status is CaseStatus.ACTIVE  # the follow-up's deadline counts
    assert [d.kind for d in entry.documents] == [CaseKind.INITIAL, CaseKind.FOLLOW_UP]
    assert entry.bundled is False
    (entry,) = library.entries(date(2024, 8, 27))
    assert entry.status is CaseStatus.EXPIRED


def test_a_closure_notice_closes_the_ua(user_cases: Path) -> None:
    for path in (CASES / "valid").glob("*.toml"):
        shutil.copy(path, user_cases / path.name)
    library = CaseLibrary.load([user_cases])
    assert library.problems == []
    (entry,) = library.entries(date(2024, 7, 2))  # before the deadline, yet closed
    assert entry.status is CaseStatus.CLOSED
    assert entry.closure is not None and entry.closure.kind is CaseKind.CLOSURE
    assert entry.case.kind is CaseKind.FOLLOW_UP
    assert len(entry.documents) == 3


def small_case(ua: str, deadline: str | None, kind: str = "initial") -> str:
    """A minimal valid case file; a closure notice when ``kind`` says so."""
    text = f'format = 1\nua = "{ua}"\nkind = "{kind}"\ntitle = "Case {ua}"\n'
    text += 'country = "Testland"\nissued = 2024-01-01\nsummary = "S."\n'
    if kind != "closure":
        text += f'deadline = {deadline}\nasks = ["Urging them to act;"]\n'
        text += '[[officials]]\nid = "x"\nname = "X"\nfax = "1"\nsalutation = "Dear X"\n'
    return text


def test_entries_most_urgent_first(tmp_path: Path) -> None:
    files = {
        "1/24": small_case("1/24", "2024-06-30"),
        "2/24": small_case("2/24", "2024-06-10"),
        "3/24": small_case("3/24", "2024-05-01"),
        "4/24": small_case("4/24", "2024-03-01"),
        "5/24": small_case("5/24", None, kind="closure"),
        "6/24": small_case("6/24", "2024-06-01"),  # due today: active
    }
    for ua, text in files.items():
        (tmp_path / f"{ua.replace('/', '-')}.toml").write_text(text, encoding="utf-8")
    library = CaseLibrary.load([tmp_path])
    assert library.problems == [], [str(p) for p in library.problems]
    entries = library.entries(date(2024, 6, 1))
    assert [(e.ua, e.status) for e in entries] == [
        ("6/24", CaseStatus.ACTIVE),
        ("2/24", CaseStatus.ACTIVE),
        ("1/24", CaseStatus.ACTIVE),
        ("3/24", CaseStatus.EXPIRED),  # the most recently expired first
        ("4/24", CaseStatus.EXPIRED),
        ("5/24", CaseStatus.CLOSED),
    ]


@pytest.mark.parametrize("query", ["63/18", "63.18", "UA 63/18", "ua 63.18", "UA63/18", "63-18"])
def test_find_by_any_written_form_of_the_ua(user_cases: Path, query: str) -> None:
    library = CaseLibrary.standard(user_cases)
    entry = library.find(query, TODAY)
    assert entry is not None and entry.ua == "63/18"
    assert [e.ua for e in library.search(query, TODAY)] == ["63/18"]


def test_find_unknown_or_nonsense(user_cases: Path) -> None:
    library = CaseLibrary.standard(user_cases)
    assert library.find("64/18", TODAY) is None
    assert library.find("Tobylova", TODAY) is None


@pytest.mark.parametrize(
    "query",
    [
        "Tobylova",
        "tobylova",
        "AKMARAL TOBYLOVA",
        "Kazakhstan",
        "kazakhstan",
        "opposition website",
        "Website Opposition",  # words in any order
        "woman detained",
        "EUR 57/8122/2018",
        "Democratic Choice",  # text of the case
        "Kozhamzharov",  # an official
        "",
    ],
)
def test_search_matches(user_cases: Path, query: str) -> None:
    library = CaseLibrary.standard(user_cases)
    assert [e.ua for e in library.search(query, TODAY)] == ["63/18"]


@pytest.mark.parametrize("query", ["Belarus", "64/18", "Tobylova Belarus", "63/19", "zzz"])
def test_search_misses(user_cases: Path, query: str) -> None:
    assert CaseLibrary.standard(user_cases).search(query, TODAY) == []


def test_search_over_several_cases(user_cases: Path) -> None:
    shutil.copy(CASES / "valid" / "ua-101-24-testland.toml", user_cases / "t.toml")
    library = CaseLibrary.standard(user_cases)
    assert [e.ua for e in library.search("Testland", TODAY)] == ["101/24"]
    assert [e.ua for e in library.search("101.24", TODAY)] == ["101/24"]
    assert sorted(e.ua for e in library.search("detained", TODAY)) == ["63/18"]
    assert sorted(e.ua for e in library.search("journalist", TODAY)) == ["101/24"]
    entry = library.find("101/24", TODAY)
    assert entry is not None
    assert matches(entry.case, "maria example")


def test_search_ignores_accents_as_people_type_names(user_cases: Path) -> None:
    """From the fresh-eyes trial: "Sebnem" did not find "Şebnem"."""
    text = (CASES / "valid" / "ua-101-24-testland.toml").read_text("utf-8")
    text = text.replace("Maria Example", "Şebnem Korur Fincancı")
    (user_cases / "t.toml").write_text(text, "utf-8")
    library = CaseLibrary.standard(user_cases)
    assert "Şebnem" in text
    for query in ("Sebnem", "şebnem", "Fincanci", "SEBNEM KORUR"):
        assert [e.ua for e in library.search(query, TODAY)] == ["101/24"], query
    assert [e.ua for e in library.search("Kazakstan", TODAY)] == []  # accents, not spelling
