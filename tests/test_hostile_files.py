"""Hostile files read by the log and the profile: one sentence each, never a traceback.

Every file is generated here, a few kilobytes at most.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

from uaction_desktop.cli import main
from uaction_desktop.profile import ProfileError, load_profile

DAY = ["--today", "2018-04-02"]


def export_of(**fields: object) -> str:
    record = {
        "id": str(uuid.uuid4()),
        "case": "63/18",
        "channel": "letter",
        "count": 1,
        "date": "2018-04-01",
        **fields,
    }
    return json.dumps({"format": "uaction-action-log", "version": 2, "actions": [record]})


HOSTILE_EXPORTS = {
    "a 5,000-digit number": (
        '{"format": "uaction-action-log", "version": 2, "actions": [{"count": '
        + "9" * 5000
        + "}]}",
        "thousands of digits long",
    ),
    "a change before year 1 in UTC": (
        export_of(changed="0001-01-01T00:00:00+14:00"),
        "actions[0].changed: '0001-01-01T00:00:00+14:00' is not a time",
    ),
    "a change after year 9999 in UTC": (
        export_of(changed="9999-12-31T23:59:59-14:00"),
        "actions[0].changed: '9999-12-31T23:59:59-14:00' is not a time",
    ),
    "a 4,000-digit count": (export_of(count=int("9" * 4000)), "not 9999999999999999999…"),
    "a 4,000-digit version": (
        '{"format": "uaction-action-log", "version": ' + "9" * 4000 + ', "actions": []}',
        "format 99999999999…",
    ),
}


@pytest.mark.parametrize("name", HOSTILE_EXPORTS)
def test_a_hostile_export_is_one_sentence(name: str, tmp_path: Path, capsys) -> None:
    text, fragment = HOSTILE_EXPORTS[name]
    path = tmp_path / "theirs.json"
    path.write_text(text, "utf-8")
    assert main(["log", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and fragment in err and len(err) < 400, err


def test_log_import_reads_no_device_no_fifo_and_nothing_over_its_cap(
    tmp_path: Path, capsys
) -> None:
    from uaction_desktop.actionlog.exchange import MAX_FILE_BYTES

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    big = tmp_path / "big.json"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    for path, fragment in (
        ("/dev/zero", "a device"),
        (str(fifo), "a pipe (FIFO)"),
        (str(big), "more than the 32 MB allowed"),
    ):
        assert main(["log", "import", path]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and fragment in err, err


HOSTILE_PROFILES = {
    "a deep array": "address = " + "[" * 2000 + "]" * 2000 + "\n",
    "a huge integer": "name = " + "9" * 5000 + "\n",
    "not UTF-8": 'name = "Zo\xeb"\n',
    "a bad type": "name = 3\n",
}


@pytest.mark.parametrize("name", HOSTILE_PROFILES)
def test_a_profile_that_cannot_be_read_is_moved_aside_and_repaired(
    name: str, isolated_home: Path, capsys
) -> None:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    profile = config / "profile.toml"
    profile.write_bytes(HOSTILE_PROFILES[name].encode("latin-1"))
    with pytest.raises(ProfileError):
        load_profile(profile)
    assert main([*DAY, "letter", "63/18", "--to", "1", "--text"]) == 0
    captured = capsys.readouterr()
    assert "Kozhamzharov" in captured.out
    first = captured.err.splitlines()[0]
    assert "moved to" in first and "defaults are used" in first and "Traceback" not in first
    kept = sorted(config.glob("profile.unreadable-*.toml"))
    assert len(kept) == 1 and kept[0].read_bytes() == HOSTILE_PROFILES[name].encode("latin-1")
    profile.write_bytes(HOSTILE_PROFILES[name].encode("latin-1"))  # broken again: repair it
    assert main(["profile", "--name", "Ama Mensah"]) == 0
    assert load_profile(profile).name == "Ama Mensah"
    assert len(list(config.glob("profile.unreadable-*.toml"))) == 2  # never over the first


def test_a_profile_that_is_a_fifo_is_not_waited_for(isolated_home: Path, capsys) -> None:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    os.mkfifo(config / "profile.toml")
    with pytest.raises(ProfileError, match="a pipe"):
        load_profile(config / "profile.toml")
