"""A draft belongs to the document it was written from: an update to the case (new requests)
is shown with its own suggested text, and the earlier draft is offered, never lost."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.drafts import DraftStore
from uaction_desktop.gui.composer import Composer
from uaction_desktop.library import CaseLibrary
from uaction_desktop.profile import SenderProfile

TODAY = date(2026, 11, 20)
MINE = "Please free the teacher at once; I wrote this myself after our meeting."
FIRST = """format = 1
ua = "301/26"
title = "Teacher held after a school strike"
country = "Norland"
issued = 2026-10-01
deadline = 2027-01-15
summary = "Ana Sample was detained after her school went on strike."
asks = ["Calling on them to release Ana Sample immediately;"]

[[people]]
name = "Ana Sample"

[[officials]]
id = "minister"
title = "Minister of Education"
name = "Olav Placeholder"
address = ["Ministry Street 4", "0100 Norcity"]
salutation = "Dear Minister"

[[officials]]
id = "governor"
title = "Governor"
name = "Berit Stand-in"
address = ["Governor's Office", "0200 Southtown"]
salutation = "Dear Governor"
"""
UPDATE = (
    FIRST.replace('title = "Teacher', 'kind = "follow-up"\nupdate = 1\ntitle = "Teacher')
    .replace("issued = 2026-10-01", "issued = 2026-11-10")
    .replace(
        "Calling on them to release Ana Sample immediately;",
        "Urging them to let Ana Sample see a doctor of her choice;",
    )
)
OTHER = (
    FIRST.replace('ua = "301/26"', 'ua = "302/26"')
    .replace("Ana Sample", "Ben Example")
    .replace("Teacher held after a school strike", "Farmer held over a land dispute")
)


def library(folder: Path) -> CaseLibrary:
    return CaseLibrary.load([folder])


def entry_for(folder: Path, ua: str):
    return next(e for e in library(folder).entries(TODAY) if e.ua == ua)


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "ua-301-26.toml").write_text(FIRST, encoding="utf-8")
    (folder / "ua-302-26.toml").write_text(OTHER, encoding="utf-8")
    return folder


def composer_on(qtbot, drafts: Path, entry, profile: SenderProfile) -> Composer:
    widget = Composer(DraftStore(drafts), profile, lambda p: None)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_entry(entry, TODAY)
    widget.ensure_composed()
    return widget


WRITERS = [
    SenderProfile(name="Jane Doe", address=("12 Elm Street", "Leeds LS1 4AB")),
    SenderProfile(name="Lena Beispiel", address=("Hauptstraße 3", "10115 Berlin"), country="DE"),
]


@pytest.mark.parametrize("writer", WRITERS, ids=["leeds", "berlin"])
def test_an_update_shows_its_own_text_and_offers_the_earlier_draft(
    qtbot, tmp_path: Path, cases: Path, writer: SenderProfile
) -> None:
    drafts = tmp_path / "drafts"
    first = composer_on(qtbot, drafts, entry_for(cases, "301/26"), writer)
    assert "release Ana Sample" in first.letterBody.toPlainText()
    first.letterBody.setPlainText(MINE)
    first.save_draft()
    first.close()

    (cases / "ua-301-26-update-1.toml").write_text(UPDATE, encoding="utf-8")
    entry = entry_for(cases, "301/26")
    assert entry.card.update == 1
    second = composer_on(qtbot, drafts, entry, writer)
    body = " ".join(second.letterBody.toPlainText().split())
    assert MINE not in body, "the earlier draft must not be imposed on the update"
    assert "see a doctor of her choice" in body
    assert second.earlierDraftBar.isVisibleTo(second)
    assert "another document of UA 301/26" in second.earlierDraftText.text()

    # Leaving the update untouched keeps the earlier draft where it was.
    second.save_draft()
    second.set_entry(entry_for(cases, "302/26"), TODAY)
    second.ensure_composed()
    assert not second.earlierDraftBar.isVisibleTo(second), "another case has no such draft"
    assert DraftStore(drafts).load("301/26", "minister").body == MINE

    second.set_entry(entry_for(cases, "301/26"), TODAY)
    second.ensure_composed()
    qtbot.mouseClick(second.useEarlierDraft, qtbot_left())
    assert second.letterBody.toPlainText() == MINE
    assert not second.earlierDraftBar.isVisibleTo(second)
    kept = DraftStore(drafts).load("301/26", "minister", "301/26#1")
    assert kept is not None and kept.body == MINE and kept.document == "301/26#1"

    third = composer_on(qtbot, drafts, entry_for(cases, "301/26"), writer)  # a restart
    assert third.letterBody.toPlainText() == MINE
    assert "restored" in third.draftState.text()
    assert not third.earlierDraftBar.isVisibleTo(third)


def test_an_earlier_personal_line_alone_comes_back_around_the_updated_text(
    qtbot, tmp_path: Path, cases: Path
) -> None:
    drafts = tmp_path / "drafts"
    first = composer_on(qtbot, drafts, entry_for(cases, "301/26"), WRITERS[0])
    first.personalLine.setText("Our group has written to you before.")
    first.save_draft()
    first.close()
    (cases / "ua-301-26-update-1.toml").write_text(UPDATE, encoding="utf-8")

    second = composer_on(qtbot, drafts, entry_for(cases, "301/26"), WRITERS[0])
    assert second.personalLine.text() == ""
    assert second.earlierDraftBar.isVisibleTo(second)
    qtbot.mouseClick(second.useEarlierDraft, qtbot_left())
    body = " ".join(second.letterBody.toPlainText().split())
    assert "Our group has written to you before." in body
    assert "see a doctor of her choice" in body, "the update's own requests"
    assert second.personalLine.text() == "Our group has written to you before."


def test_a_discarded_earlier_draft_is_gone_and_no_longer_offered(
    qtbot, tmp_path: Path, cases: Path
) -> None:
    drafts = tmp_path / "drafts"
    first = composer_on(qtbot, drafts, entry_for(cases, "301/26"), WRITERS[0])
    first.letterBody.setPlainText(MINE)
    first.save_draft()
    first.close()
    (cases / "ua-301-26-update-1.toml").write_text(UPDATE, encoding="utf-8")

    second = composer_on(qtbot, drafts, entry_for(cases, "301/26"), WRITERS[0])
    qtbot.mouseClick(second.discardEarlierDraft, qtbot_left())
    assert not second.earlierDraftBar.isVisibleTo(second)
    assert "see a doctor of her choice" in " ".join(second.letterBody.toPlainText().split())
    assert DraftStore(drafts).letters() == []
    third = composer_on(qtbot, drafts, entry_for(cases, "301/26"), WRITERS[0])
    assert not third.earlierDraftBar.isVisibleTo(third)


def test_a_draft_saved_before_documents_were_told_apart_is_the_first_documents(
    tmp_path: Path,
) -> None:
    store = DraftStore(tmp_path)
    store.save("301/26", "minister", "placeholder")  # the file name the old version used
    (path,) = tmp_path.glob("*.json")
    old = {  # what version 2 wrote: no document
        "version": 2,
        "ua": "301/26",
        "official": "minister",
        "body": MINE,
        "personal_line": "",
        "saved_at": "2026-10-05T18:30:00",
    }
    path.write_text(json.dumps(old), encoding="utf-8")
    draft = store.load("301/26", "minister")
    assert draft is not None and draft.body == MINE and draft.document == "301/26"
    assert store.load("301/26", "minister", "301/26#1") is None
    assert store.earlier("301/26", "minister", "301/26#1") == draft
    assert store.earlier("301/26", "minister", "301/26") is None
    assert [d.body for d in store.letters()] == [MINE]


def test_the_newest_draft_of_another_document_is_offered(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save("301/26", "minister", "from the first document")
    (first,) = tmp_path.glob("*.json")
    data = json.loads(first.read_text("utf-8"))
    first.write_text(json.dumps({**data, "saved_at": "2026-10-05T18:30:00"}), encoding="utf-8")
    store.save("301/26", "minister", "from the first update", document="301/26#1")
    store.save("301/26", "governor", "to someone else", document="301/26#1")
    store.save("302/26", "minister", "another case", document="302/26#1")
    assert store.earlier("301/26", "minister", "301/26#2").body == "from the first update"
    assert store.earlier("301/26", "minister", "301/26#1").body == "from the first document"
    assert len(store.letters()) == 4


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
