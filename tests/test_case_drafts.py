"""The case editor's autosave files: one per session, offered back to the next session."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from uaction_desktop.case_drafts import NEW_CASE, CaseFormStore, target_for_copy, target_for_file


def test_a_session_sees_other_sessions_work_not_its_own(tmp_path: Path) -> None:
    first = CaseFormStore(tmp_path, NEW_CASE)
    first.save({"ua": "12/24", "deadline": date(2024, 3, 15)}, "UA 12/24: Held")
    second = CaseFormStore(tmp_path, NEW_CASE)
    assert first.others() == []
    [offered] = second.others()
    assert offered.path == first.path
    assert offered.label == "UA 12/24: Held"
    assert offered.data == {"ua": "12/24", "deadline": "2024-03-15"}  # dates as ISO text
    assert second.path != first.path


def test_targets_are_kept_apart(tmp_path: Path) -> None:
    mine = tmp_path / "cases" / "ua-1-24.toml"
    CaseFormStore(tmp_path, target_for_file(mine)).save({"ua": "1/24"}, "")
    CaseFormStore(tmp_path, target_for_copy("63/18")).save({"ua": "63/18"}, "")
    assert CaseFormStore(tmp_path, NEW_CASE).others() == []
    assert [f.data["ua"] for f in CaseFormStore(tmp_path, target_for_copy("63/18")).others()] == [
        "63/18"
    ]
    assert [f.data["ua"] for f in CaseFormStore(tmp_path, target_for_file(mine)).others()] == [
        "1/24"
    ]


def test_newest_first_and_unreadable_files_are_skipped_but_kept(tmp_path: Path) -> None:
    old = CaseFormStore(tmp_path, NEW_CASE)
    old.save({"title": "old"}, "")
    record = json.loads(old.path.read_text("utf-8"))
    record["saved_at"] = "2020-01-01T10:00:00"
    old.path.write_text(json.dumps(record), "utf-8")
    new = CaseFormStore(tmp_path, NEW_CASE)
    new.save({"title": "new"}, "")
    broken = tmp_path / (old.path.name.split("--")[0] + "--broken.json")
    broken.write_text("{not json", "utf-8")
    other = CaseFormStore(tmp_path, NEW_CASE).others()
    assert [f.data["title"] for f in other] == ["new", "old"]
    assert broken.exists()


def test_discard_and_remove(tmp_path: Path) -> None:
    a = CaseFormStore(tmp_path, NEW_CASE)
    a.save({"title": "a"}, "")
    b = CaseFormStore(tmp_path, NEW_CASE)
    b.save({"title": "b"}, "")
    a.discard()
    assert not a.path.exists()
    CaseFormStore.remove(CaseFormStore(tmp_path, NEW_CASE).others())
    assert list(tmp_path.iterdir()) == []
