"""The action log core, on real SQLite files: values, queries, exchange, upgrades, failures."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from uaction_desktop.actionlog import (
    MAX_COUNT,
    SCHEMA_VERSION,
    Action,
    ActionChannel,
    ActionFilter,
    ActionLog,
    ActionLogError,
    ErrorKind,
    ReplyStatus,
    Tally,
    action_to_record,
)
from uaction_desktop.actionlog.schema import APPLICATION_ID, MIGRATIONS, migrate
from uaction_desktop.paths import app_paths

V1_SQL = Path(__file__).resolve().parent / "fixtures" / "actionlog" / "schema-v1.sql"
V1_IDS = [
    "0b7c6a52-8f47-4c55-9d0e-3f1f8e2a6a01",
    "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5",
    "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
    "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
    "4b5c6d7e-8f9a-4b1c-8d2e-3f4a5b6c7d8e",
]
D = date.fromisoformat


def make(**changes: object) -> Action:
    """An action for UA 63/18 with every field filled in; ``changes`` override any of them."""
    base = Action(
        case_ua="63/18",
        case_index="EUR 57/8122/2018",
        official_id="prosecutor-general",
        official_title="Prosecutor General",
        official_name="Kairat Kozhamzharov",
        channel=ActionChannel.LETTER,
        count=1,
        sent_on=D("2026-11-20"),
        signer="Jane Doe",
        note="",
        text="Dear Prosecutor General,\n\nRelease Akmaral Tobylova.",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


@pytest.fixture
def log_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "actions.sqlite3"


@pytest.fixture
def log(log_path: Path) -> Iterator[ActionLog]:
    with ActionLog.open(log_path) as opened:
        yield opened


def build_v1(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    conn.close()
    return path


def raw(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# -- the Action value


def test_an_action_gets_a_fresh_uuid_and_coerces_text_enums() -> None:
    first, second = make(), make()
    assert first.id != second.id
    coerced = make(channel="fax", reply="replied", reply_on=D("2026-11-25"))
    assert coerced.channel is ActionChannel.FAX
    assert coerced.reply is ReplyStatus.REPLIED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"id": "not-a-uuid"}, "id: 'not-a-uuid' is not a UUID"),
        ({"id": "0B7C6A52-8F47-4C55-9D0E-3F1F8E2A6A01"}, "lower-case"),
        ({"case_ua": "UA 63/18"}, "case_ua: 'UA 63/18' is not a UA number"),
        ({"count": 0}, "count: must be between 1 and"),
        ({"count": True}, "count: must be a whole number"),
        ({"count": 2.0}, "count: must be a whole number"),
        ({"sent_on": datetime(2026, 11, 20, 10, 0)}, "sent_on: must be a date"),
        ({"sent_on": "2026-11-20"}, "sent_on: must be a date"),
        ({"reply_on": D("2026-11-21")}, "reply_on: there is no reply to date"),
        ({"channel": "pigeon"}, "channel: 'pigeon' is not one of letter, email"),
        ({"note": None}, "note: must be text"),
    ],
)
def test_an_invalid_action_cannot_be_made(changes: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make(**changes)


def test_channel_words_read_naturally() -> None:
    assert ActionChannel.LETTER.describe(1) == "1 letter"
    assert ActionChannel.FAX.describe(3) == "3 faxes"
    assert ActionChannel.PHONE.describe(2) == "2 phone calls"
    assert ActionChannel.SOCIAL.label == "Social media posts"
    assert make(official_title="", official_name="").official_display == "prosecutor-general"


# -- storage basics


def test_a_new_log_has_the_current_schema_in_wal_mode(log: ActionLog, log_path: Path) -> None:
    assert log.schema_version == SCHEMA_VERSION == MIGRATIONS[-1].version
    assert raw(log_path, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert raw(log_path, "PRAGMA journal_mode") == [("wal",)]
    assert log.integrity_problems() == []
    assert log.backups() == []  # nothing to back up when the file is new


def test_the_standard_location_respects_uaction_home(isolated_home: Path) -> None:
    path = app_paths().action_log_file
    assert path.is_relative_to(isolated_home)
    with ActionLog.open(path) as log:
        log.add(make())
    assert path.is_file()


def test_every_field_survives_a_round_trip_through_the_file(log_path: Path) -> None:
    full = make(
        channel=ActionChannel.OTHER,
        count=12,
        official_title="Генеральный прокурор",
        official_name="Қайрат Қожамжаров",
        note='line one\nline two, "quoted"; 100% \u0000-free',
        reply=ReplyStatus.UNSATISFACTORY,
        reply_on=D("2026-11-27"),
        reported_on=D("2026-11-28"),
    )
    with ActionLog.open(log_path) as log:
        stored = log.add(full)
    assert stored == full and stored.changed_at is not None  # stamped when recorded
    with ActionLog.open(log_path) as reopened:
        again = reopened.get(full.id)
        assert again == full and again.changed_at == stored.changed_at
        assert reopened.get("00000000-0000-4000-8000-000000000000") is None


def test_adding_the_same_id_twice_is_refused(log: ActionLog) -> None:
    action = log.add(make())
    with pytest.raises(ActionLogError) as caught:
        log.add(replace(action, note="again"))
    assert caught.value.kind is ErrorKind.DUPLICATE
    assert log.get(action.id) == action


def test_update_returns_the_previous_version_for_undo(log: ActionLog) -> None:
    before = log.add(make())
    after = replace(before, reply=ReplyStatus.REPLIED, reply_on=D("2026-11-26"), count=2)
    assert log.update(after) == before
    assert log.get(before.id) == after
    log.update(before)  # undo
    assert log.get(before.id) == before
    with pytest.raises(ActionLogError) as caught:
        log.update(make())
    assert caught.value.kind is ErrorKind.NO_SUCH_ACTION


def test_delete_can_be_undone_with_the_same_uuid(log: ActionLog) -> None:
    kept, gone = log.add(make()), log.add(make(channel="email"))
    deleted = log.delete(gone.id)
    assert deleted == gone
    assert [a.id for a in log.actions()] == [kept.id]
    log.add(deleted)
    assert log.get(gone.id) == gone
    with pytest.raises(ActionLogError) as caught:
        log.delete("00000000-0000-4000-8000-000000000000")
    assert caught.value.kind is ErrorKind.NO_SUCH_ACTION


def test_a_failing_transaction_leaves_no_trace(log: ActionLog) -> None:
    first = make()
    with pytest.raises(RuntimeError), log.transaction():
        log.add(first)
        log.add(make())
        raise RuntimeError("the user's disk vanished, say")
    assert log.count() == 0
    assert log.get(first.id) is None


def test_nested_transactions_roll_back_only_the_inner_part(log: ActionLog) -> None:
    outer, inner = make(), make()
    with log.transaction():
        log.add(outer)
        with pytest.raises(ActionLogError), log.transaction():
            log.add(inner)
            log.add(inner)  # duplicate: the inner block fails
    assert log.get(outer.id) == outer
    assert log.get(inner.id) is None
    with log.transaction():  # and the log is usable afterwards
        log.add(inner)
    assert log.count() == 2


# -- queries


@pytest.fixture
def filled(log: ActionLog) -> ActionLog:
    rows = [
        make(sent_on=D("2026-09-02"), channel="email", count=1),
        make(sent_on=D("2026-11-20"), channel="letter", count=3),
        make(sent_on=D("2026-11-21"), channel="letter", count=2, reported_on=D("2026-11-22")),
        make(sent_on=D("2026-11-25"), channel="fax", count=1, official_id="ambassador"),
        make(case_ua="7/19", case_index="", sent_on=D("2026-08-31"), channel="phone", count=4),
        make(case_ua="101/18", case_index="", sent_on=D("2026-11-01"), channel="social"),
    ]
    log.merge(rows)
    return log


def test_list_filters_combine_and_dates_are_inclusive(filled: ActionLog) -> None:
    def dates(**kw: object) -> list[str]:
        return [a.sent_on.isoformat() for a in filled.actions(ActionFilter(**kw))]  # type: ignore[arg-type]

    assert dates() == [
        "2026-11-25",
        "2026-11-21",
        "2026-11-20",
        "2026-11-01",
        "2026-09-02",
        "2026-08-31",
    ]
    assert dates(case_ua="63/18", channel=ActionChannel.LETTER) == ["2026-11-21", "2026-11-20"]
    assert dates(since=D("2026-11-01"), until=D("2026-11-21")) == [
        "2026-11-21",
        "2026-11-20",
        "2026-11-01",
    ]
    assert dates(reported=True) == ["2026-11-21"]
    assert len(dates(reported=False)) == 5
    oldest = filled.actions(newest_first=False, limit=2, offset=1)
    assert [a.sent_on.isoformat() for a in oldest] == ["2026-09-02", "2026-11-01"]
    assert filled.count(ActionFilter(case_ua="63/18")) == 4


def test_totals_add_up_counts_per_case_and_channel(filled: ActionLog) -> None:
    totals = filled.totals()
    assert list(totals) == ["63/18", "101/18", "7/19"]  # by year, then number
    case = totals["63/18"]
    assert case == Tally(
        counts={ActionChannel.LETTER: 5, ActionChannel.EMAIL: 1, ActionChannel.FAX: 1},
        actions=4,
    )
    assert list(case.counts) == [ActionChannel.LETTER, ActionChannel.EMAIL, ActionChannel.FAX]
    assert case.total == 7
    unreported = filled.totals(ActionFilter(reported=False))["63/18"]
    assert unreported.counts[ActionChannel.LETTER] == 3
    assert filled.totals(ActionFilter(case_ua="1/99")) == {}


def test_monthly_totals_include_the_empty_months_between(filled: ActionLog) -> None:
    months = filled.monthly()
    assert list(months) == ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert months["2026-10"] == Tally({}, 0)
    assert months["2026-11"].counts == {
        ActionChannel.LETTER: 5,
        ActionChannel.FAX: 1,
        ActionChannel.SOCIAL: 1,
    }
    assert filled.monthly(ActionFilter(case_ua="nothing")) == {}


def test_monthly_totals_cross_a_year_boundary(log: ActionLog) -> None:
    log.merge([make(sent_on=D("2025-11-30")), make(sent_on=D("2026-02-01"))])
    assert list(log.monthly()) == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_cases_with_actions(filled: ActionLog) -> None:
    assert filled.cases_with_actions() == {"63/18", "7/19", "101/18"}


def test_mark_reported_returns_what_changed_so_it_can_be_undone(filled: ActionLog) -> None:
    ids = [a.id for a in filled.actions(ActionFilter(case_ua="63/18"))]
    already = filled.actions(ActionFilter(reported=True))[0]
    changed = filled.mark_reported([*ids, ids[0]], D("2026-11-28"))
    assert sorted(changed) == sorted(set(ids) - {already.id})
    assert filled.get(already.id).reported_on == D("2026-11-22")  # kept its own date
    assert filled.count(ActionFilter(case_ua="63/18", reported=False)) == 0
    assert sorted(filled.mark_reported(changed, None)) == sorted(changed)  # undo
    assert filled.count(ActionFilter(case_ua="63/18", reported=False)) == 3
    assert filled.get(already.id).reported_on == D("2026-11-22")


def test_report_text_for_one_case(filled: ActionLog) -> None:
    text = filled.report_text(ActionFilter(case_ua="63/18"), {"63/18": "UA 63.18"})
    assert text == (
        "UA 63/18 (EUR 57/8122/2018)\n"
        "Report reference: UA 63.18\n"
        "Letters: 5\n"
        "Emails: 1\n"
        "Faxes: 1\n"
        "Total: 7 (4 log entries)\n"
        "Dates: 2026-09-02 to 2026-11-25 (4 days)\n"
        "Sent to: Prosecutor General Kairat Kozhamzharov (7)\n"
    )


def test_report_text_for_a_period_covers_every_case(filled: ActionLog) -> None:
    text = filled.report_text(ActionFilter(since=D("2026-08-01"), until=D("2026-09-30")))
    assert text.startswith("Actions from 2026-08-01 to 2026-09-30\n\nUA 63/18 (EUR 57/8122/2018)\n")
    assert "Phone calls: 4\n" in text
    assert "UA 63/18 (EUR 57/8122/2018)\nEmails: 1\n" in text
    assert "Date: 2026-09-02\n" in text
    assert text.endswith("All cases: 5 sent for 2 cases\n")
    empty = filled.report_text(ActionFilter(since=D("2030-01-01")))
    assert empty == "Actions from 2030-01-01 to today\n\nNo actions logged.\n"


# -- exchange files


def test_csv_export_opens_cleanly_in_a_spreadsheet(filled: ActionLog, tmp_path: Path) -> None:
    filled.add(make(note='=HYPERLINK("http://x")', signer="Zoë Ærø", sent_on=D("2026-12-01")))
    out = tmp_path / "out" / "log.csv"
    with pytest.raises(ActionLogError, match=r"Cannot write .*log\.csv: no such file or folder"):
        filled.export_csv(out)  # a folder that does not exist is not made up
    out.parent.mkdir()
    assert filled.export_csv(out) == 7
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 7
    assert rows[0]["date"] == "2026-08-31"  # oldest first
    last = rows[-1]
    assert last["signer"] == "Zoë Ærø"
    assert last["note"] == '\'=HYPERLINK("http://x")'  # shown as text, never run
    assert last["text"] == "Dear Prosecutor General,\n\nRelease Akmaral Tobylova."
    assert last["reported"] == ""
    assert [p.name for p in out.parent.iterdir()] == ["log.csv"]  # no temp file left


def test_json_export_then_import_into_another_log(filled: ActionLog, tmp_path: Path) -> None:
    out = tmp_path / "member.json"
    assert filled.export_json(out, ActionFilter(case_ua="63/18")) == 4
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "uaction-action-log"
    assert document["version"] == 2
    # When each version was recorded, in UTC (null: merged from an export that did not say).
    assert all(r["changed"] is None or r["changed"].endswith("+00:00") for r in document["actions"])
    assert [r["date"] for r in document["actions"]] == sorted(
        r["date"] for r in document["actions"]
    )
    with ActionLog.open(tmp_path / "coordinator.sqlite3") as other:
        first = other.import_json(out)
        assert (first.added, first.unchanged, first.conflicts) == (4, 0, ())
        again = other.import_json(out)
        assert (again.added, again.unchanged, again.conflicts) == (0, 4, ())
        assert other.count() == 4
        assert sorted(other.actions(), key=lambda a: a.id) == sorted(
            filled.actions(ActionFilter(case_ua="63/18")), key=lambda a: a.id
        )


def test_an_import_never_overwrites_a_different_version(log: ActionLog, tmp_path: Path) -> None:
    ours = log.add(make(note="ours"))
    theirs = replace(ours, note="theirs", count=5)
    other = tmp_path / "other.sqlite3"
    with ActionLog.open(other) as member:
        member.add(theirs)
        member.add(make(channel="phone"))
        member.export_json(tmp_path / "member.json")
    result = log.import_json(tmp_path / "member.json")
    assert (result.added, result.unchanged) == (1, 0)
    [conflict] = result.conflicts
    assert (conflict.ours, conflict.theirs) == (ours, theirs)
    assert conflict.fields == ("count", "note")
    assert log.get(ours.id) == ours
    log.update(conflict.theirs)  # what a "take theirs" button would do
    assert log.get(ours.id) == theirs


def _resend(tmp_path: Path, actions: list) -> Path:
    """A member's log holding these versions, exported for the coordinator."""
    member_file = tmp_path / f"member-{len(list(tmp_path.iterdir()))}.sqlite3"
    with ActionLog.open(member_file) as member:
        for action in actions:
            member.add(action)
        out = member_file.with_suffix(".json")
        member.export_json(out)
    return out


LATER = timedelta(hours=1)


def test_a_resent_log_with_reports_and_replies_updates_without_conflicts(
    log: ActionLog, tmp_path: Path
) -> None:
    first, second, third = make(note="a"), make(note="b"), make(note="c")
    assert log.import_json(_resend(tmp_path, [first, second, third])).added == 3
    ours = {a.id: a for a in log.actions()}
    # The member then marks one reported and records a reply on another (later, of course).
    later = [
        replace(ours[first.id], reported_on=date(2026, 11, 20)),
        replace(ours[second.id], reply=ReplyStatus.REPLIED, reply_on=date(2026, 11, 25)),
        ours[third.id],
    ]
    later[0] = replace(later[0], changed_at=later[0].changed_at + LATER)
    later[1] = replace(later[1], changed_at=later[1].changed_at + LATER)
    result = log.import_json(_resend(tmp_path, later))
    assert (result.added, result.updated, result.unchanged, result.conflicts) == (0, 2, 1, ())
    assert log.get(first.id).reported_on == date(2026, 11, 20)
    assert (log.get(second.id).reply, log.get(second.id).reply_on) == (
        ReplyStatus.REPLIED,
        date(2026, 11, 25),
    )
    # The older file again: what we know is never taken back.
    again = log.import_json(_resend(tmp_path, [first, second, third]))
    assert (again.updated, again.unchanged, again.conflicts) == (0, 3, ())
    assert log.get(first.id).reported_on == date(2026, 11, 20)


def test_a_correction_is_not_undone_by_an_older_copy(log: ActionLog, tmp_path: Path) -> None:
    """From the third review: a reply logged on the wrong action and set back, or a report
    mark undone, must not come back from a file exported before the correction."""
    sent = log.add(make())
    log.update(replace(sent, reply=ReplyStatus.REPLIED, reply_on=date(2026, 11, 25)))
    log.mark_reported([sent.id], date(2026, 11, 26))
    wrong = log.get(sent.id)  # what a member's export made now holds
    exported = _resend(tmp_path, [wrong])
    time.sleep(1.1)  # the corrections come after the export (times are to the second)
    log.mark_reported([sent.id], None)
    log.update(replace(log.get(sent.id), reply=ReplyStatus.NONE, reply_on=None))
    result = log.import_json(exported)
    assert len(result.conflicts) == 1 and result.updated == 0
    now = log.get(sent.id)
    assert (now.reply, now.reported_on) == (ReplyStatus.NONE, None)


def test_merge_takes_later_facts_only() -> None:
    stamp = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    base = replace(make(), changed_at=stamp)
    reported = replace(base, reported_on=date(2026, 11, 20), changed_at=stamp + LATER)
    replied = replace(
        base,
        reply=ReplyStatus.UNSATISFACTORY,
        reply_on=date(2026, 11, 22),
        changed_at=stamp + 2 * LATER,
    )
    assert base.merged_with(reported) == reported
    assert reported.merged_with(base) == reported  # theirs lacks the mark: nothing taken back
    assert reported.merged_with(replied) == replace(
        reported, reply=ReplyStatus.UNSATISFACTORY, reply_on=date(2026, 11, 22)
    )
    earlier_mark = replace(base, reported_on=date(2026, 11, 2), changed_at=stamp + 2 * LATER)
    assert reported.merged_with(earlier_mark).reported_on == date(2026, 11, 2)
    assert replied.merged_with(reported) is None  # older and adds a mark: ask
    unknown_time = replace(reported, changed_at=None)  # from an export made before version 2
    assert base.merged_with(unknown_time) is None


def test_real_disagreements_are_still_conflicts(log: ActionLog, tmp_path: Path) -> None:
    ours = log.add(make(reply=ReplyStatus.REPLIED, reply_on=date(2026, 11, 25)))
    other_reply = replace(ours, reply=ReplyStatus.UNSATISFACTORY)
    reported_and_recounted = replace(ours, reported_on=date(2026, 11, 20), count=3)
    assert ours.merged_with(other_reply) is None
    assert ours.merged_with(reported_and_recounted) is None
    result = log.import_json(_resend(tmp_path, [reported_and_recounted]))
    [conflict] = result.conflicts
    assert conflict.fields == ("count", "reported_on")
    assert log.get(ours.id) == ours


def exchange_file(tmp_path: Path, records: list[dict], **top: object) -> Path:
    document = {"format": "uaction-action-log", "version": 1, "actions": records, **top}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_file_with_one_bad_record_imports_nothing(log: ActionLog, tmp_path: Path) -> None:
    good = action_to_record(make())
    bad = {**action_to_record(make()), "count": 0, "colour": "red"}
    missing = {"id": make().id, "case": "63/18"}
    wrong_date = {**action_to_record(make()), "date": "20/11/2026"}
    path = exchange_file(tmp_path, [good, bad, missing, wrong_date])
    with pytest.raises(ActionLogError) as caught:
        log.import_json(path)
    message = str(caught.value)
    assert caught.value.kind is ErrorKind.BAD_FILE
    assert message.startswith(f"{path} cannot be imported, nothing was changed: ")
    assert "actions[1].colour: unknown field" in message
    assert "actions[2].channel: is required" in message
    assert "actions[3].date: '20/11/2026' is not a date" in message
    assert log.count() == 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe not utf-8", "not UTF-8 text"),
        (b"id,date\n1,2\n", "not JSON (line 1, column 1"),
        (b'{"format": "something-else"}', "not a uaction action-log export"),
        (b'{"format": "uaction-action-log", "version": "1"}', "version: must be a whole"),
        (b'{"format": "uaction-action-log", "version": 1}', "actions: must be a list"),
        (b'{"format": "uaction-action-log", "version": 3, "actions": []}', "newer version"),
    ],
)
def test_files_that_are_not_exports_are_refused(
    log: ActionLog, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(ActionLogError, match=re.escape(expected)) as caught:
        log.import_json(path)
    assert caught.value.path == path


def test_a_bom_from_a_text_editor_is_tolerated(log: ActionLog, tmp_path: Path) -> None:
    path = exchange_file(tmp_path, [action_to_record(make())])
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert log.import_json(path).added == 1


def test_importing_a_missing_file_is_a_sentence(log: ActionLog, tmp_path: Path) -> None:
    with pytest.raises(ActionLogError, match=r"Cannot read .*nope\.json: no such file"):
        log.import_json(tmp_path / "nope.json")


def test_exporting_into_a_file_where_a_folder_is_is_a_sentence(
    log: ActionLog, tmp_path: Path
) -> None:
    (tmp_path / "taken").mkdir()
    with pytest.raises(ActionLogError, match=r"Cannot write .*taken"):
        log.export_json(tmp_path / "taken")


@pytest.mark.parametrize("where", ["note", "signer", "official_name"])
def test_json_escapes_of_invalid_unicode_are_refused(
    log: ActionLog, tmp_path: Path, where: str
) -> None:
    record = action_to_record(make())
    path = tmp_path / "in.json"
    document = {"format": "uaction-action-log", "version": 1, "actions": [record]}
    text = json.dumps(document).replace(f'"{where}": "', f'"{where}": "\\ud800', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActionLogError, match=f"{where}: contains characters that are not valid"):
        log.import_json(path)
    assert log.count() == 0


texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
dates = st.dates(min_value=date(1973, 1, 1), max_value=date(2100, 12, 31))
actions = st.builds(
    Action,
    case_ua=st.builds(
        lambda n, y: f"{n}/{y}", st.integers(1, 9999), st.sampled_from(["18", "2019"])
    ),
    channel=st.sampled_from(ActionChannel),
    sent_on=dates,
    count=st.integers(1, MAX_COUNT),
    case_index=texts,
    official_id=texts,
    official_title=texts,
    official_name=texts,
    signer=texts,
    note=texts,
    text=texts,
    reply=st.just(ReplyStatus.NONE),
    reported_on=st.none() | dates,
)


@given(st.lists(actions, max_size=5))
@settings(max_examples=60, deadline=None)
def test_any_actions_survive_the_file_and_the_exchange_format(
    tmp_path_factory: pytest.TempPathFactory, batch: list[Action]
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    with ActionLog.open(folder / "a.sqlite3") as log:
        log.merge(batch)
        stored = sorted(log.actions(), key=lambda a: a.id)
        assert stored == sorted(batch, key=lambda a: a.id)
        log.export_json(folder / "x.json")
    with ActionLog.open(folder / "b.sqlite3") as other:
        assert other.import_json(folder / "x.json").added == len(batch)
        assert sorted(other.actions(), key=lambda a: a.id) == stored
        assert other.import_json(folder / "x.json").unchanged == len(batch)


# -- erasing


def test_erase_leaves_no_trace_of_the_actions(log_path: Path) -> None:
    secret = "a very private note 7f3a9c"
    build_v1(log_path)
    with ActionLog.open(log_path) as log:
        log.add(make(note=secret))
        assert len(log.backups()) == 1
        assert log.erase() == 6
        assert log.count() == 0
        assert log.backups() == []
    leftovers = [p for p in log_path.parent.iterdir() if p.is_file()]
    for path in leftovers:
        data = path.read_bytes()
        assert secret.encode() not in data, path
        assert b"Akmaral" not in data, path


# -- schema upgrades


def test_a_first_version_log_is_upgraded_with_every_row_kept(log_path: Path) -> None:
    build_v1(log_path)
    before = raw(log_path, "SELECT * FROM actions ORDER BY id")
    assert [r[0] for r in before] == V1_IDS
    with ActionLog.open(log_path) as log:
        assert log.schema_version == SCHEMA_VERSION
        upgraded = sorted(log.actions(), key=lambda a: a.id)
        [backup] = log.backups()
    assert [a.id for a in upgraded] == V1_IDS
    for row, action in zip(before, upgraded, strict=True):
        assert (
            action.id,
            action.case_ua,
            action.case_index,
            action.official_id,
            action.official_title,
            action.official_name,
            action.channel.value,
            action.count,
            action.sent_on.isoformat(),
            action.signer,
            action.note,
            action.text,
        ) == row
        assert (action.reply, action.reply_on, action.reported_on) == (ReplyStatus.NONE, None, None)
    # The copy taken before the upgrade is the first-version file, complete.
    assert backup.name.startswith("actions.backup-schema1-")
    assert raw(backup, "PRAGMA user_version") == [(1,)]
    assert raw(backup, "SELECT * FROM actions ORDER BY id") == before
    assert raw(backup, "PRAGMA integrity_check") == [("ok",)]
    # Opening again upgrades nothing and copies nothing.
    with ActionLog.open(log_path) as again:
        assert len(again.backups()) == 1


def test_the_first_migration_step_matches_the_frozen_first_version(tmp_path: Path) -> None:
    """The v1 fixture is a faithful first-version file: same tables, columns and indexes."""

    def shape(path: Path) -> list[tuple]:
        conn = sqlite3.connect(path)
        try:
            columns = conn.execute("SELECT * FROM pragma_table_info('actions')").fetchall()
            indexes = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
            ).fetchall()
            ids = conn.execute("PRAGMA application_id").fetchall()
            return [*columns, *(" ".join(str(i).split()) for i in indexes), *ids]
        finally:
            conn.close()

    fresh = tmp_path / "fresh.sqlite3"
    conn = sqlite3.connect(fresh, isolation_level=None)
    applied = migrate(conn, fresh, up_to=1)
    conn.close()
    assert [m.version for m in applied] == [1]
    assert shape(fresh) == shape(build_v1(tmp_path / "v1.sqlite3"))
    assert raw(fresh, "PRAGMA user_version") == [(1,)]


def test_a_failing_upgrade_step_leaves_the_old_file_as_it_was(log_path: Path) -> None:
    build_v1(log_path)
    conn = sqlite3.connect(log_path)
    conn.execute("ALTER TABLE actions ADD COLUMN reported_on TEXT")  # step 2 will now clash
    conn.commit()
    conn.close()
    before = raw(log_path, "SELECT * FROM actions ORDER BY id")
    with pytest.raises(sqlite3.OperationalError, match="duplicate column"):
        ActionLog.open(log_path)  # a bug, not an environment problem: not dressed up
    assert raw(log_path, "PRAGMA user_version") == [(1,)]
    assert raw(log_path, "SELECT * FROM actions ORDER BY id") == before
    columns = [r[1] for r in raw(log_path, "SELECT * FROM pragma_table_info('actions')")]
    assert "reply_status" not in columns


def test_a_log_from_a_newer_version_is_refused_and_untouched(log_path: Path) -> None:
    with ActionLog.open(log_path) as log:
        log.add(make())
    conn = sqlite3.connect(log_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = log_path.read_bytes()
    with pytest.raises(ActionLogError) as caught:
        ActionLog.open(log_path)
    assert caught.value.kind is ErrorKind.NEWER_SCHEMA
    assert f"schema {SCHEMA_VERSION + 1}; this version reads up to {SCHEMA_VERSION}" in str(
        caught.value
    )
    assert log_path.read_bytes() == before


def test_another_programs_database_is_not_taken_over(log_path: Path) -> None:
    log_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(log_path)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    with pytest.raises(ActionLogError, match="not a uaction action log") as caught:
        ActionLog.open(log_path)
    assert caught.value.kind is ErrorKind.NOT_AN_ACTION_LOG
    assert raw(log_path, "SELECT name FROM sqlite_master") == [("bookmarks",)]


def test_read_only_opening_an_old_log_asks_for_an_upgrade(log_path: Path) -> None:
    build_v1(log_path)
    with pytest.raises(ActionLogError) as caught:
        ActionLog.open(log_path, read_only=True)
    assert caught.value.kind is ErrorKind.OLDER_SCHEMA
    assert raw(log_path, "PRAGMA user_version") == [(1,)]
    with pytest.raises(ActionLogError) as missing:
        ActionLog.open(log_path.with_name("none.sqlite3"), read_only=True)
    assert missing.value.kind is ErrorKind.MISSING


# -- the environment failing: each is a sentence, never a traceback


def test_random_bytes_are_reported_as_a_damaged_file(log_path: Path) -> None:
    log_path.parent.mkdir(parents=True)
    log_path.write_bytes(os.urandom(3 * 4096))
    with pytest.raises(ActionLogError) as caught:
        ActionLog.open(log_path)
    assert caught.value.kind is ErrorKind.CORRUPT
    assert str(caught.value).startswith("The action log file is damaged and cannot be read (")
    assert str(log_path) in str(caught.value)


def test_damaged_pages_inside_a_real_log_are_reported(log_path: Path) -> None:
    with ActionLog.open(log_path) as log:
        log.merge(make(note="x" * 300) for _ in range(200))
    data = bytearray(log_path.read_bytes())
    assert len(data) > 6 * 4096
    data[2 * 4096 : 6 * 4096] = bytes(range(256)) * 64  # pages 3 to 6: garbage
    log_path.write_bytes(bytes(data))
    # Opening, reading or the integrity check notices, depending on which pages were hit.
    with pytest.raises(ActionLogError) as caught, ActionLog.open(log_path) as log:
        log.actions()
        if log.integrity_problems():
            raise ActionLogError(ErrorKind.CORRUPT, "integrity check failed")
    assert caught.value.kind is ErrorKind.CORRUPT


def test_a_row_no_action_could_have_written_is_reported_not_raised(log_path: Path) -> None:
    with ActionLog.open(log_path) as log:
        log.merge([make(case_ua="12/98"), make()])
    conn = sqlite3.connect(log_path)
    conn.execute("UPDATE actions SET case_ua = 'rubbish' WHERE case_ua = '63/18'")
    conn.commit()
    conn.close()
    with ActionLog.open(log_path) as log:
        with pytest.raises(ActionLogError, match="holds an entry that cannot be read") as caught:
            log.actions()
        assert caught.value.kind is ErrorKind.CORRUPT
        assert list(log.totals()) == ["12/98", "rubbish"]  # summaries still work


def test_writing_through_a_read_only_connection_is_a_sentence(log_path: Path) -> None:
    """SQLite's own read-only mode: works as root too (root ignores file permissions)."""
    with ActionLog.open(log_path) as log:
        kept = log.add(make())
    with ActionLog.open(log_path, read_only=True) as log:
        assert log.get(kept.id) == kept  # reading works
        with pytest.raises(ActionLogError) as caught:
            log.add(make())
        with pytest.raises(ActionLogError):
            log.mark_reported([kept.id], D("2026-11-28"))
    assert caught.value.kind is ErrorKind.READ_ONLY
    assert "read-only" in str(caught.value)
    assert raw(log_path, "SELECT count(*) FROM actions") == [(1,)]


@pytest.fixture
def unwritable(log_path: Path) -> Iterator[str]:
    """Make the log file really unwritable: chattr +i where allowed (even root cannot write
    then), else chmod for a non-root user. Skips when neither can take effect here."""
    with ActionLog.open(log_path) as log:
        log.add(make())
    if shutil.which("chattr"):
        done = subprocess.run(["chattr", "+i", str(log_path)], capture_output=True)
        if done.returncode == 0:
            try:
                yield "chattr +i"
            finally:
                subprocess.run(["chattr", "-i", str(log_path)], check=True)
            return
    if os.geteuid() == 0:
        pytest.skip("running as root without chattr: file permissions would not apply")
    log_path.chmod(0o444)
    try:
        yield "chmod 444"
    finally:
        log_path.chmod(0o644)


def test_a_log_file_that_cannot_be_written_is_a_sentence(log_path: Path, unwritable: str) -> None:
    with ActionLog.open(log_path) as log:  # SQLite falls back to reading only
        assert log.count() == 1
        with pytest.raises(ActionLogError) as caught:
            log.add(make())
    assert caught.value.kind is ErrorKind.READ_ONLY, unwritable
    assert str(caught.value).startswith("The action log cannot be changed because the file")


def test_a_log_held_by_another_writer_is_busy_then_free(log_path: Path) -> None:
    with ActionLog.open(log_path, busy_timeout=0.2) as log:
        other = sqlite3.connect(log_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(ActionLogError) as caught:
                log.add(make())
            assert log.count() == 0  # reading still works in WAL mode
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert caught.value.kind is ErrorKind.LOCKED
        assert "another program" in str(caught.value)
        log.add(make())  # free again: nothing stuck
        assert log.count() == 1


def test_a_log_locked_exclusively_cannot_even_be_opened(log_path: Path) -> None:
    with ActionLog.open(log_path) as log:
        log.add(make())
    holder = sqlite3.connect(log_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE actions SET note = note")
    holder.execute("COMMIT")  # the exclusive lock is kept until the connection closes
    try:
        with pytest.raises(ActionLogError) as caught:
            ActionLog.open(log_path, busy_timeout=0.2)
        assert caught.value.kind is ErrorKind.LOCKED
    finally:
        holder.close()
    with ActionLog.open(log_path) as log:
        assert log.count() == 1


def test_a_full_database_is_a_sentence_and_keeps_what_was_saved(log_path: Path) -> None:
    """SQLite's SQLITE_FULL, provoked by capping the page count (a real full disk is
    exercised through the command line in test_actionlog_cli.py)."""
    with ActionLog.open(log_path) as log:
        kept = log.add(make())
        pages = raw(log_path, "PRAGMA page_count")[0][0]
        # The cap is per connection, and there is (rightly) no public way to set it.
        log._conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(ActionLogError) as caught:
            log.merge(make(text="x" * 5000) for _ in range(50))
        assert caught.value.kind is ErrorKind.DISK_FULL
        assert "full" in str(caught.value)
        assert log.actions() == [kept]
        assert log.integrity_problems() == []


def test_a_folder_that_cannot_be_created_is_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ActionLogError, match="Cannot create the folder"):
        ActionLog.open(blocker / "data" / "actions.sqlite3")


def test_the_core_does_not_load_qt() -> None:
    script = (
        "import sys, uaction_desktop.actionlog, uaction_desktop.commands.log\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_an_export_with_one_id_twice_is_refused_whole(log: ActionLog, tmp_path: Path) -> None:
    same = "0b7c6a52-8f47-4c55-9d0e-3f1f8e2a6a01"
    record = {"id": same, "case": "63/18", "channel": "letter", "date": "2018-04-02"}
    path = exchange_file(tmp_path, [{**record, "count": 12}, {**record, "count": 1}])
    with pytest.raises(ActionLogError, match=r"actions\[1\]\.id: the same id as actions\[0\]"):
        log.import_json(path)
    assert log.count() == 0
