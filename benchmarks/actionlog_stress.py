"""Kill action-log writers with SIGKILL at random moments: nothing reported as saved may be lost.

    python benchmarks/actionlog_stress.py [--trials 200] [--seed N] [--keep DIR]

Each trial starts real processes and kills them at a random moment (POSIX only):

- cli:     ``python -m uaction_desktop log add ...``; success is the ``id: ...`` line it prints
           after the commit.
- loop:    a writer adding actions one after another, printing each id after its commit.
- pair:    two such writers on the same file at once, each killed at its own moment.
- migrate: ``log add`` on a fresh copy of a first-schema-version log, so the kill may land in
           the backup copy or the upgrade transaction; every first-version row must survive.

After every trial, with a plain sqlite3 connection (not the app's code): ``PRAGMA
integrity_check`` must say ok and every id a process reported must be in the file. Exit status
0 when all trials pass. A short run of this is tests/test_actionlog_stress.py.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
V1_SQL = REPO / "tests" / "fixtures" / "actionlog" / "schema-v1.sql"
KINDS = ("cli", "loop", "pair", "migrate")
TODAY = "2026-11-28"
_CLI_ID = re.compile(r"^id: ([0-9a-f-]{36})$", re.MULTILINE)
_LOOP_ID = re.compile(r"^saved ([0-9a-f-]{36})$", re.MULTILINE)


@dataclass
class Outcome:
    """What the trials saw. ``missing`` and ``damaged`` must stay empty."""

    trials: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    killed: int = 0  # processes still running when the kill came
    finished: int = 0  # processes that had already exited by themselves
    reported: int = 0  # ids reported as saved, all of which must be in the file
    missing: list[str] = field(default_factory=list)
    damaged: list[str] = field(default_factory=list)
    v1_logs_checked: int = 0
    upgraded_before_kill: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.missing and not self.damaged

    def summary(self) -> str:
        kinds = ", ".join(f"{self.kinds[k]} {k}" for k in KINDS)
        return "\n".join(
            [
                f"{self.trials} trials ({kinds}) in {self.seconds:.1f} s",
                f"processes: {self.killed} killed mid-run, {self.finished} finished first",
                f"actions reported saved: {self.reported}; missing: {len(self.missing)}",
                f"integrity_check: {'ok after every trial' if not self.damaged else self.damaged}",
                f"first-version logs: {self.v1_logs_checked} checked, every row kept: "
                f"{'yes' if not self.missing else 'NO'}; {self.upgraded_before_kill} had been "
                "upgraded when the kill came",
                "PASS" if self.ok else "FAIL",
            ]
        )


def child_env(home: Path) -> dict[str, str]:
    paths = [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths), "UACTION_HOME": str(home)}


def cli_command(note: str) -> list[str]:
    return [
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
        note,
    ]


def loop_command(db: Path, count: int | None = None) -> list[str]:
    limit = [] if count is None else ["--count", str(count)]
    return [sys.executable, str(Path(__file__).resolve()), "--writer", str(db), *limit]


def writer(db: Path, count: int | None) -> int:
    """The child's loop: add, then print the id, forever (or ``count`` times)."""
    from uaction_desktop.actionlog import Action, ActionChannel, ActionLog

    with ActionLog.open(db) as log:
        done = 0
        while count is None or done < count:
            action = Action(
                "63/18", ActionChannel.EMAIL, date.today(), note=f"pid {os.getpid()} #{done}"
            )
            log.add(action)  # returns once committed with synchronous=FULL
            print(f"saved {action.id}", flush=True)
            done += 1
    return 0


def run_and_kill(
    commands: list[list[str]], env: dict[str, str], delays: list[float], outcome: Outcome
) -> str:
    """Start the processes together, SIGKILL each after its delay; their combined stdout."""
    procs = [
        subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for c in commands
    ]
    start = time.monotonic()
    for proc, delay in sorted(zip(procs, delays, strict=True), key=lambda p: p[1]):
        time.sleep(max(0.0, start + delay - time.monotonic()))
        if proc.poll() is None:
            proc.kill()
            outcome.killed += 1
        else:
            outcome.finished += 1
    return "".join(proc.communicate(timeout=60)[0] for proc in procs)


def check_file(db: Path, expected: set[str], trial: int, outcome: Outcome) -> set[str]:
    """Integrity and presence, checked with plain sqlite3; returns the ids in the file."""
    conn = sqlite3.connect(db)  # opening recovers the WAL as any later reader would
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        present = {row[0] for row in conn.execute("SELECT id FROM actions")}
    finally:
        conn.close()
    if result != ["ok"]:
        outcome.damaged.append(f"trial {trial}: {result[:3]}")
    outcome.missing += [f"trial {trial}: {i}" for i in sorted(expected - present)]
    return present


def build_v1(db: Path) -> list[tuple]:
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    try:
        conn.executescript(V1_SQL.read_text(encoding="utf-8"))
        return conn.execute("SELECT * FROM actions ORDER BY id").fetchall()
    finally:
        conn.close()


def migrate_trial(work: Path, trial: int, delay: float, outcome: Outcome) -> None:
    home = work / f"v1-{trial}"
    db = home / "data" / "actions.sqlite3"
    v1_rows = build_v1(db)
    out = run_and_kill([cli_command(f"trial {trial}")], child_env(home), [delay], outcome)
    reported = set(_CLI_ID.findall(out))
    outcome.reported += len(reported)
    v1_ids = {row[0] for row in v1_rows}
    check_file(db, v1_ids | reported, trial, outcome)
    conn = sqlite3.connect(db)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        kept = conn.execute(
            "SELECT id, case_ua, case_index, official_id, official_title, official_name, "
            "channel, count, sent_on, signer, note, text_sent FROM actions ORDER BY id"
        ).fetchall()
    finally:
        conn.close()
    kept = [row for row in kept if row[0] in v1_ids]
    if kept != v1_rows:
        outcome.missing.append(f"trial {trial}: first-version rows changed")
    outcome.upgraded_before_kill += version == 2
    outcome.v1_logs_checked += 1
    shutil.rmtree(home)


def timed_cli_run(home: Path) -> float:
    start = time.monotonic()
    subprocess.run(cli_command("calibration"), env=child_env(home), check=True, capture_output=True)
    return time.monotonic() - start


def run_trials(
    work: Path,
    trials: int,
    seed: int,
    progress: Callable[[str], None] | None = None,
) -> Outcome:
    """Run the trials in ``work`` (which must exist); the kinds take turns."""
    rng = random.Random(seed)
    outcome = Outcome()
    home = work / "home"
    db = home / "data" / "actions.sqlite3"
    env = child_env(home)
    started = time.monotonic()
    # How long one `log add` takes here. Kill moments are drawn from its second half and a
    # little beyond: the first half is Python starting up, where a kill proves nothing.
    cli_seconds = timed_cli_run(home)
    v1_home = work / "v1-calibration"
    build_v1(v1_home / "data" / "actions.sqlite3")
    migrate_seconds = timed_cli_run(v1_home)
    shutil.rmtree(v1_home)
    expected = check_file(db, set(), 0, outcome)
    for trial in range(1, trials + 1):
        kind = KINDS[(trial - 1) % len(KINDS)]
        outcome.kinds[kind] += 1
        if kind == "migrate":
            migrate_trial(work, trial, rng.uniform(0.5, 1.2) * migrate_seconds, outcome)
        else:
            writers = 2 if kind == "pair" else 1
            if kind == "cli":
                commands = [cli_command(f"trial {trial}")]
                delays = [rng.uniform(0.5, 1.2) * cli_seconds]
            else:
                commands = [loop_command(db) for _ in range(writers)]
                delays = [rng.uniform(0, cli_seconds + 0.4) for _ in range(writers)]
            out = run_and_kill(commands, env, delays, outcome)
            reported = set((_CLI_ID if kind == "cli" else _LOOP_ID).findall(out))
            outcome.reported += len(reported)
            expected |= reported
            check_file(db, expected, trial, outcome)
        outcome.trials += 1
        if progress and (trial % 20 == 0 or trial == trials):
            progress(f"  {trial}/{trials} trials, {outcome.reported} actions reported saved")
    outcome.seconds = time.monotonic() - started
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200, help="how many (default 200)")
    parser.add_argument("--seed", type=int, help="for the kill moments (default: random)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it")
    parser.add_argument("--writer", type=Path, metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.writer:
        return writer(args.writer, args.count)
    if os.name != "posix":
        print("needs POSIX signals (SIGKILL)", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.randrange(1_000_000)
    print(f"actionlog stress: {args.trials} trials, seed {seed}", flush=True)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        outcome = run_trials(args.keep, args.trials, seed, print)
    else:
        with tempfile.TemporaryDirectory(prefix="actionlog-stress-") as work:
            outcome = run_trials(Path(work), args.trials, seed, print)
    print(outcome.summary())
    for line in (outcome.missing + outcome.damaged)[:20]:
        print(f"  {line}")
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
