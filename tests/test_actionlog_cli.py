"""``uaction log ...`` end to end: real SQLite files under UACTION_HOME, output as users see it."""

from __future__ import annotations

import io
import json
import os
import re
import resource
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from uaction_desktop.actionlog import Action, ActionChannel, ActionLog
from uaction_desktop.actionlog import store as actionlog_store
from uaction_desktop.cli import main
from uaction_desktop.paths import app_paths

TODAY = "2026-11-28"  # UA 63/18's deadline (2018-06-08) is long past: logging must still work
REPO = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["--today", TODAY, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def add(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    """Log an action for UA 63/18 and return its id."""
    code, out, err = run(capsys, "log", "add", "--case", "63/18", *extra)
    assert code == 0, err
    match = re.search(r"^id: ([0-9a-f-]{36})$", out, re.MULTILINE)
    assert match, out
    return match.group(1)


def listed(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    code, out, err = run(capsys, "log", "list", "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def log_file() -> Path:
    return app_paths().action_log_file


class FakeTerminal(io.StringIO):
    """Standard input as a terminal with the user's answer typed in."""

    def isatty(self) -> bool:
        return True


# -- log add


def test_add_snapshots_the_case_and_official_and_lists_as_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    action_id = add(
        capsys,
        "--to",
        "prosecutor-general",
        "--channel",
        "letter",
        "--count",
        "3",
        "--date",
        "2026-11-20",
        "--note",
        "posted at the meeting",
        "--signer",
        "Group 42",
    )
    [record] = listed(capsys)
    assert record["id"] == action_id
    assert {k: record[k] for k in ("case", "official", "channel", "count", "date", "note")} == {
        "case": "63/18",
        "official": "prosecutor-general",
        "channel": "letter",
        "count": 3,
        "date": "2026-11-20",
        "note": "posted at the meeting",
    }
    assert record["official_title"] == "Prosecutor General"
    assert record["official_name"] == "Kairat Kozhamzharov"
    assert record["case_index"] == "EUR 57/8122/2018"
    assert record["signer"] == "Group 42"
    assert record["reported"] is None


def test_add_takes_the_officials_position_and_any_way_of_writing_the_ua(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(
        capsys, "log", "add", "--case", "UA 63.18", "--to", "2", "--channel", "email"
    )
    assert code == 0
    assert out.startswith(
        f"Logged 1 email to Ambassador Erzhan Kazykhanov for UA 63/18 on {TODAY}.\n"
    )
    [record] = listed(capsys)
    assert (record["official"], record["date"], record["count"]) == ("ambassador", TODAY, 1)


def test_add_is_on_disk_when_the_command_returns(capsys: pytest.CaptureFixture[str]) -> None:
    action_id = add(capsys, "--to", "1", "--channel", "fax")
    conn = sqlite3.connect(log_file())  # a fresh reader, as another program would be
    try:
        assert conn.execute(
            "SELECT channel FROM actions WHERE id = ?", (action_id,)
        ).fetchall() == [("fax",)]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--case", "1/99", "--to", "1", "--channel", "fax"], 1, "no case UA 1/99"),
        (["--case", "nonsense", "--to", "1", "--channel", "fax"], 1, "'nonsense' is not a UA"),
        (
            ["--case", "63/18", "--to", "governor", "--channel", "fax"],
            1,
            "UA 63/18 has no official 'governor'; choose one of: 1 (prosecutor-general), "
            "2 (ambassador)",
        ),
        (["--case", "63/18", "--to", "3", "--channel", "fax"], 1, "has no official '3'"),
        (["--case", "63/18", "--to", "1", "--channel", "pigeon"], 2, "invalid choice: 'pigeon'"),
        (["--case", "63/18", "--to", "1", "--channel", "fax", "--count", "0"], 2, "1 or more"),
        (["--case", "63/18", "--to", "1", "--channel", "fax", "--count", "x"], 2, "whole number"),
        (["--case", "63/18", "--to", "1", "--channel", "fax", "--date", "28.11."], 2, "a date"),
        (
            ["--case", "63/18", "--to", "1", "--channel", "fax", "--date", "2027-01-01"],
            1,
            "--date 2027-01-01 is after today (2026-11-28)",
        ),
        (["--to", "1", "--channel", "fax"], 2, "the following arguments are required: --case"),
    ],
)
def test_bad_input_to_add_is_one_line_and_stores_nothing(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    got, _, err = run(capsys, "log", "add", *argv)
    assert got == code
    assert message in err
    assert err.count("\n") == 1 and err.startswith("uaction: ")
    assert "Traceback" not in err
    assert listed(capsys) == []


def test_log_without_an_action_shows_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "log")
    assert code == 2
    for word in ("add", "list", "report", "export", "import", "erase"):
        assert word in err


# -- log list and report


@pytest.fixture
def three(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [
        add(capsys, "--to", "1", "--channel", "letter", "--count", "3", "--date", "2026-11-20"),
        add(capsys, "--to", "2", "--channel", "email", "--date", "2026-11-21", "--note", "a\nb"),
        add(capsys, "--to", "1", "--channel", "fax", "--date", "2026-11-25"),
    ]


def test_list_as_text_newest_first(capsys: pytest.CaptureFixture[str], three: list[str]) -> None:
    code, out, _ = run(capsys, "log", "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2026-11-25  UA 63/18    fax       1  Prosecutor General Kairat Kozhamzharov"
    assert lines[1].endswith("Ambassador Erzhan Kazykhanov  - a b")
    assert lines[-1] == "3 entries, 5 sent."
    _, out, _ = run(capsys, "log", "list", "--channel", "email")
    assert out.splitlines()[-1] == "1 entry, 1 sent."
    _, out, _ = run(capsys, "log", "list", "--case", "7/19")
    assert out == "No actions match.\n"
    assert [r["id"] for r in listed(capsys, "--since", "2026-11-21", "--until", "2026-11-21")] == [
        three[1]
    ]


def test_list_on_a_new_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "log", "list") == (0, "No actions logged yet.\n", "")


def test_report_then_mark_reported(capsys: pytest.CaptureFixture[str], three: list[str]) -> None:
    code, out, _ = run(capsys, "log", "report", "63/18")
    assert code == 0
    assert out == (
        "UA 63/18 (EUR 57/8122/2018)\n"
        "Report reference: UA 63.18\n"
        "Letters: 3\n"
        "Emails: 1\n"
        "Faxes: 1\n"
        "Total: 5 (3 log entries)\n"
        "Dates: 2026-11-20, 2026-11-21, 2026-11-25\n"
        "Sent to: Ambassador Erzhan Kazykhanov (1); Prosecutor General Kairat Kozhamzharov (4)\n"
    )
    code, out, err = run(
        capsys, "log", "report", "63/18", "--since", "2026-11-21", "--mark-reported"
    )
    assert code == 0
    assert out.startswith("Actions from 2026-11-21 to today\n\nUA 63/18")
    assert err == f"Marked 2 of 2 as reported on {TODAY}.\n"
    assert [r["id"] for r in listed(capsys, "--unreported")] == [three[0]]
    reported = {r["id"]: r["reported"] for r in listed(capsys)}
    assert reported == {three[0]: None, three[1]: TODAY, three[2]: TODAY}


def test_report_for_a_case_with_no_actions(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "log", "report", "63/18") == (0, "No actions logged.\n", "")


# -- export and import: two members and a coordinator


def test_members_logs_merge_without_double_counting(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, no_network: list
) -> None:
    alice, bob, coordinator = (str(tmp_path / name) for name in ("alice", "bob", "coord"))

    def as_(home: str, *argv: str) -> tuple[int, str, str]:
        return run(capsys, "--home", home, *argv)

    base = ["log", "add", "--case", "63/18", "--to", "1", "--channel"]
    assert as_(alice, *base, "letter", "--count", "2")[0] == 0
    assert as_(alice, "log", "add", "--case", "63/18", "--to", "2", "--channel", "email")[0] == 0
    assert as_(bob, *base, "fax")[0] == 0
    a_file, b_file = tmp_path / "alice.json", tmp_path / "bob.json"
    assert as_(alice, "log", "export", "--output", str(a_file)) == (
        0,
        f"Exported 2 actions to {a_file} (JSON).\n",
        "",
    )
    assert as_(bob, "log", "export", "-o", str(b_file))[0] == 0
    code, out, err = as_(coordinator, "log", "import", str(a_file), str(b_file))
    assert (code, err) == (0, "")
    assert out == (
        f"{a_file}: 2 added, 0 already in the log, 0 conflicts\n"
        f"{b_file}: 1 added, 0 already in the log, 0 conflicts\n"
    )
    code, out, _ = as_(coordinator, "log", "import", str(a_file), str(b_file))
    assert code == 0
    assert "0 added, 2 already in the log" in out and "0 added, 1 already in the log" in out
    _, report, _ = as_(coordinator, "log", "report", "63/18")
    assert "Letters: 2\nEmails: 1\nFaxes: 1\nTotal: 4 (3 log entries)\n" in report
    # Bob logs one more and imports Alice's file: his own stays, hers are added once.
    assert as_(bob, "log", "import", str(a_file))[0] == 0
    assert as_(bob, "log", "import", str(a_file))[1].startswith(f"{a_file}: 0 added, 2 already")
    assert no_network == []


def test_an_import_conflict_keeps_ours_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    action_id = add(capsys, "--to", "1", "--channel", "letter", "--note", "ours")
    exported = tmp_path / "mine.json"
    assert run(capsys, "log", "export", "-o", str(exported))[0] == 0
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["actions"][0]["note"] = "theirs"
    exported.write_text(json.dumps(document), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "log", "import", str(broken), str(exported))
    assert code == 1
    assert err.startswith(f"uaction: {broken} cannot be imported, nothing was changed: not JSON")
    assert out == (
        f"{exported}: 0 added, 0 already in the log, 1 conflict\n"
        f"  conflict: {action_id} (UA 63/18, {TODAY}) differs in note; your version was kept\n"
    )
    assert [r["note"] for r in listed(capsys)] == ["ours"]


def test_export_csv_by_suffix_is_written_atomically(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, three: list[str]
) -> None:
    out_file = tmp_path / "exports" / "log.csv"
    out_file.parent.mkdir()
    out_file.write_text("previous content")
    code, out, _ = run(capsys, "log", "export", "--output", str(out_file), "--case", "63/18")
    assert (code, out) == (0, f"Exported 3 actions to {out_file} (CSV).\n")
    text = out_file.read_bytes().decode("utf-8")
    assert text.startswith("\ufeffid,date,case,")
    assert text.count("\r\n") == 4  # the header and three rows
    assert ',"a\nb",' in text  # the note's own line break stays inside its quoted cell
    assert sorted(p.name for p in out_file.parent.iterdir()) == ["log.csv"]
    code, _, _ = run(capsys, "log", "export", "-o", str(tmp_path / "x.txt"), "--format", "csv")
    assert (tmp_path / "x.txt").read_bytes().startswith(b"\xef\xbb\xbfid,")


def test_export_to_a_missing_folder_is_a_sentence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "log", "export", "-o", str(tmp_path / "no" / "such" / "x.json"))
    assert code == 1
    assert err == f"uaction: Cannot write {tmp_path}/no/such/x.json: no such file or folder.\n"


# -- erase


def test_erase_refuses_without_yes_when_not_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, three: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("yes\n"))
    code, _, err = run(capsys, "log", "erase")
    assert code == 2
    assert "not run from a terminal; add --yes" in err
    assert len(listed(capsys)) == 3


def test_erase_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, three: list[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeTerminal("no\n"))
    code, _, err = run(capsys, "log", "erase")
    assert code == 1
    assert err == (
        f"Erase all 3 actions from {log_file()}? This cannot be undone. Type 'yes' to confirm: "
        "Nothing was erased.\n"
    )
    assert len(listed(capsys)) == 3
    monkeypatch.setattr(sys, "stdin", FakeTerminal("yes\n"))
    code, out, _ = run(capsys, "log", "erase")
    assert (code, out) == (0, f"Erased 3 actions from {log_file()}.\n")
    assert listed(capsys) == []


def test_erase_without_a_log_creates_none(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "log", "erase", "--yes")
    assert (code, out) == (0, f"There is no action log to erase ({log_file()}).\n")
    assert not log_file().exists()


def test_erase_with_yes_also_removes_upgrade_backups(capsys: pytest.CaptureFixture[str]) -> None:
    sql = (REPO / "tests" / "fixtures" / "actionlog" / "schema-v1.sql").read_text(encoding="utf-8")
    log_file().parent.mkdir(parents=True)
    conn = sqlite3.connect(log_file())
    conn.executescript(sql)
    conn.close()
    assert len(listed(capsys)) == 5  # upgraded on first use, with a backup copy
    code, out, _ = run(capsys, "log", "erase", "--yes")
    assert (code, out) == (0, f"Erased 5 actions and 1 backup copy from {log_file()}.\n")
    assert sorted(p.name for p in log_file().parent.iterdir()) == ["actions.sqlite3"]


# -- the log file in trouble: one sentence, exit 1


def test_a_newer_log_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    add(capsys, "--to", "1", "--channel", "fax")
    conn = sqlite3.connect(log_file())
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, _, err = run(capsys, "log", "list")
    assert code == 1
    assert "written by a newer version of uaction (schema 99" in err
    assert err.count("\n") == 1


def test_a_corrupt_log_is_a_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    log_file().parent.mkdir(parents=True)
    log_file().write_bytes(os.urandom(8192))
    for argv in (["list"], ["add", "--case", "63/18", "--to", "1", "--channel", "fax"]):
        code, _, err = run(capsys, "log", *argv)
        assert code == 1
        assert err == (
            f"uaction: The action log file is damaged and cannot be read ({log_file()}). "
            "Move it aside to start a new log, or restore a backup copy.\n"
        )


def test_a_busy_log_is_a_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    add(capsys, "--to", "1", "--channel", "fax")
    monkeypatch.setattr(actionlog_store, "BUSY_TIMEOUT_S", 0.2)
    other = sqlite3.connect(log_file(), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(
            capsys, "log", "add", "--case", "63/18", "--to", "1", "--channel", "fax"
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (code, out) == (1, "")
    assert err.startswith("uaction: The action log is busy: another program")
    assert len(listed(capsys)) == 1


def _limit_file_size() -> None:
    """In the child: files may not grow past 16 KiB, and writing past it fails (no signal)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))


@pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="needs POSIX file-size limits")
def test_a_disk_that_fills_up_is_a_sentence_and_loses_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A real write failure from the kernel (EFBIG through RLIMIT_FSIZE, the nearest thing
    to a full disk that needs no special mount). SQLite calls it an I/O error."""
    add(capsys, "--to", "1", "--channel", "fax")
    with ActionLog.open(log_file()) as log:  # make the file bigger than the limit
        log.merge(
            Action("63/18", ActionChannel.LETTER, date(2026, 11, 1), note="x" * 4000)
            for _ in range(10)
        )
    env = {**os.environ, "UACTION_HOME": str(log_file().parent.parent)}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "uaction_desktop",
            "--today",
            TODAY,
            "log",
            "add",
            "--case",
            "63/18",
            "--to",
            "1",
            "--channel",
            "letter",
            "--note",
            "y" * 20000,
        ],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limit_file_size,  # the limit must be set in the child, before exec
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert re.fullmatch(
        r"uaction: The (disk holding the action log is full|action log could not be read or "
        r"written: the disk reported an error, or it is full) \(.*\)[^\n]*\n",
        done.stderr,
    ), done.stderr
    with ActionLog.open(log_file()) as log:
        assert log.count() == 11
        assert log.integrity_problems() == []


def test_impossible_actions_are_refused(isolated_home, capsys) -> None:
    from uaction_desktop.cli import main

    fax = ["--today", "2018-04-02", "log", "add", "--case", "63/18", "--to", "Ambassador"]
    assert main([*fax, "--channel", "fax"]) == 1
    assert "has no fax number" in capsys.readouterr().err
    early = ["--today", "2018-04-02", "log", "add", "--case", "63/18", "--to", "1"]
    assert main([*early, "--channel", "letter", "--date", "2018-01-01"]) == 1
    assert "before UA 63/18 was issued (2018-03-27)" in capsys.readouterr().err
    assert main([*fax, "--channel", "other", "--signer", "Group 42"]) == 0
    capsys.readouterr()
    assert main(["log", "list"]) == 0
    assert "(signed: Group 42)" in capsys.readouterr().out
