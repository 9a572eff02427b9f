"""The documented caps: roster rows, roster size, officials per case. Each a plain message."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE
from uaction_desktop.casefile import MAX_OFFICIALS, load_case_file
from uaction_desktop.pack import roster as roster_module
from uaction_desktop.pack.roster import MAX_FILE_BYTES, MAX_SIGNERS, RosterError, load_roster


def roster_of(rows: int) -> str:
    return "name,address\n" + "".join(f'Member {n},"{n} Main St\nTown"\n' for n in range(rows))


def test_a_roster_of_the_most_signers_is_read(tmp_path: Path) -> None:
    path = tmp_path / "members.csv"
    path.write_text(roster_of(MAX_SIGNERS), "utf-8")
    assert len(load_roster(path).signers) == MAX_SIGNERS


def test_a_roster_of_100000_rows_stops_at_the_cap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = [0]
    real = roster_module._signer

    def counted(*args):
        made[0] += 1
        return real(*args)

    monkeypatch.setattr(roster_module, "_signer", counted)
    path = tmp_path / "members.csv"
    path.write_text(roster_of(100_000)[: MAX_FILE_BYTES - 10].rsplit("\n", 2)[0] + "\n", "utf-8")
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    assert str(caught.value) == (
        f"{path}, line {2 * MAX_SIGNERS + 2}: more than {MAX_SIGNERS} signers; a pack is for "
        "one meeting (split the roster into several packs)"
    )
    assert made[0] == MAX_SIGNERS  # no row past the cap was even looked at


def test_a_roster_is_read_with_a_size_cap_and_never_from_a_device(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    for path, fragment in (
        (big, "more than the 2 MB allowed"),
        (fifo, "a pipe"),
        ("/dev/zero", "a device"),
    ):
        with pytest.raises(RosterError, match=fragment):
            load_roster(path)


def case_with_officials(tmp_path: Path, count: int) -> Path:
    text = BUNDLED_CASE.read_text("utf-8")
    head, _officials = text.split("[[officials]]", 1)
    officials = "".join(
        f'[[officials]]\nid="o{n}"\ntitle="Minister"\naddress=["{n} Palace Rd"]\nsalutation="Sir"\n'
        for n in range(count)
    )
    path = tmp_path / f"many-{count}.toml"
    path.write_text(head + officials, "utf-8")
    return path


def test_officials_per_case_are_capped_with_a_message_naming_the_line(tmp_path: Path) -> None:
    assert load_case_file(case_with_officials(tmp_path, MAX_OFFICIALS)).case is not None
    result = load_case_file(case_with_officials(tmp_path, 10_000))
    assert result.case is None
    (problem,) = [p for p in result.problems if "officials" in str(p)]
    assert f"has 10,000 officials; a case may have at most {MAX_OFFICIALS}" in str(problem)
    assert problem.line is not None
