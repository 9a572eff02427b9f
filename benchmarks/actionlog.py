"""Action-log speed on a log of 100,000 actions: totals per case and channel, one durable insert.

    python benchmarks/actionlog.py [--actions 100000] [--repeat 30] [--inserts 200] [--strict]

Goals: totals per case and channel in at most 50 ms; one insert, committed to disk
(WAL, synchronous=FULL), in at most 5 ms. Every figure is printed next to a floor measured in the
same run on the same file with plain sqlite3 (the same query, or the same INSERT + COMMIT), and
the ratio between them: the floor says what this machine and SQLite can do at best, the ratio
what the app adds. For inserts, an fsync of 4 KiB beside the log shows the disk's own floor.
Exit status 0, or with --strict 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from uaction_desktop.actionlog import Action, ActionChannel, ActionLog

CHANNEL_WEIGHTS = {
    ActionChannel.LETTER: 40,
    ActionChannel.EMAIL: 30,
    ActionChannel.FAX: 8,
    ActionChannel.PHONE: 7,
    ActionChannel.SOCIAL: 12,
    ActionChannel.OTHER: 3,
}
LETTER = (
    "Dear Prosecutor General,\n\nI am writing to urge you to immediately and unconditionally "
    "release Akmaral Tobylova and any others detained simply for peacefully exercising their "
    "human rights, and to terminate the criminal proceedings against her. "
) * 3


@dataclass(frozen=True)
class Figure:
    name: str
    samples: list[float]  # seconds
    floor: list[float] | None = None
    goal_ms: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples) * 1000

    @property
    def p95_ms(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] * 1000

    @property
    def floor_ms(self) -> float | None:
        return None if self.floor is None else statistics.median(self.floor) * 1000

    @property
    def meets_goal(self) -> bool:
        return self.goal_ms is None or self.median_ms <= self.goal_ms

    def row(self) -> str:
        floor = self.floor_ms
        floor_text = f"{floor:8.2f} ms" if floor is not None else f"{'-':>11}"
        ratio = f"{self.median_ms / floor:6.2f}x" if floor else f"{'-':>7}"
        goal = ""
        if self.goal_ms is not None:
            goal = f"<= {self.goal_ms:g} ms {'ok' if self.meets_goal else 'MISSED'}"
        return (
            f"{self.name:<34}{self.median_ms:8.2f} ms{self.p95_ms:8.2f} ms{floor_text}  {ratio}  "
            f"{goal}"
        ).rstrip()


def sample(function: Callable[[], object], repeat: int, warmup: int = 2) -> list[float]:
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def make_actions(count: int, cases: int, rng: random.Random) -> list[Action]:
    uas = [f"{n}/{year}" for year in (23, 24, 25, 26) for n in range(1, cases // 4 + 1)]
    channels = list(CHANNEL_WEIGHTS)
    weights = list(CHANNEL_WEIGHTS.values())
    start = date(2023, 1, 1)
    return [
        Action(
            case_ua=rng.choice(uas),
            case_index="EUR 57/8122/2018",
            official_id=rng.choice(("prosecutor-general", "ambassador", "minister")),
            official_title="Prosecutor General",
            official_name="Kairat Kozhamzharov",
            channel=rng.choices(channels, weights)[0],
            count=rng.choice((1, 1, 1, 1, 2, 3, 12)),
            sent_on=start + timedelta(days=rng.randrange(4 * 365)),
            signer="Group 42",
            note=rng.choice(("", "", "posted at the meeting", "no fax tone, sent later")),
            text=LETTER if rng.random() < 0.5 else "",
            reported_on=start + timedelta(days=rng.randrange(365)) if rng.random() < 0.3 else None,
        )
        for _ in range(count)
    ]


def raw_insert(conn: sqlite3.Connection) -> Callable[[], None]:
    """The floor for one insert: the same row shape, plain sqlite3, BEGIN IMMEDIATE + COMMIT."""
    columns = (
        "id, case_ua, case_index, official_id, official_title, official_name, channel, count, "
        "sent_on, signer, note, text_sent, reply_status, reply_on, reported_on"
    )

    def insert() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            f"INSERT INTO actions ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                "63/18",
                "EUR 57/8122/2018",
                "prosecutor-general",
                "Prosecutor General",
                "Kairat Kozhamzharov",
                "letter",
                1,
                "2026-11-28",
                "Group 42",
                "",
                LETTER,
                "none",
                None,
                None,
            ),
        )
        conn.execute("COMMIT")

    return insert


def fsync_floor(folder: Path, repeat: int) -> list[float]:
    path = folder / "fsync-probe"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    block = b"\0" * 4096
    times = []
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            os.pwrite(fd, block, 0)
            os.fsync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
        path.unlink()
    return times


def run(folder: Path, actions: int, cases: int, repeat: int, inserts: int, seed: int) -> bool:
    rng = random.Random(seed)
    db = folder / "actions.sqlite3"
    log = ActionLog.open(db)
    generated = make_actions(actions, cases, rng)
    start = time.perf_counter()
    log.merge(generated)
    built = time.perf_counter() - start
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("PRAGMA synchronous = FULL")
    size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(
        f"action log benchmark: {actions:,} actions over {len(log.cases_with_actions())} cases, "
        f"file {size_mb:.1f} MB, merged in one transaction in {built:.2f} s "
        f"({actions / built:,.0f} actions/s)"
    )

    def raw_query(sql: str) -> Callable[[], object]:
        return lambda: raw.execute(sql).fetchall()

    figures = [
        Figure(
            "totals per case and channel",
            sample(log.totals, repeat),
            sample(
                raw_query(
                    "SELECT case_ua, channel, count(*) FROM actions GROUP BY case_ua, channel"
                ),
                repeat,
            ),
            goal_ms=50,
        ),
        Figure(
            "actions per month by channel",
            sample(log.monthly, repeat),
            sample(
                raw_query(
                    "SELECT substr(sent_on, 1, 7), channel, count(*) FROM actions GROUP BY 1, 2"
                ),
                repeat,
            ),
        ),
        Figure(
            "cases with any action",
            sample(log.cases_with_actions, repeat),
            sample(raw_query("SELECT DISTINCT case_ua FROM actions"), repeat),
        ),
        Figure(
            "newest 100 actions (a list page)",
            sample(lambda: log.actions(limit=100), repeat),
            sample(
                raw_query("SELECT * FROM actions ORDER BY sent_on DESC, rowid DESC LIMIT 100"),
                repeat,
            ),
        ),
    ]
    # Inserts: the app's add() and the raw floor take turns, so both see the same disk weather.
    app_times: list[float] = []
    raw_times: list[float] = []
    floor_insert = raw_insert(raw)
    for n in range(inserts):
        action = Action(
            "63/18", ActionChannel.LETTER, date(2026, 11, 28), note=f"#{n}", text=LETTER
        )
        start = time.perf_counter()
        log.add(action)
        app_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        floor_insert()
        raw_times.append(time.perf_counter() - start)
    figures.append(Figure("one insert, durable commit", app_times, raw_times, goal_ms=5))
    figures.append(Figure("fsync of 4 KiB (the disk's floor)", fsync_floor(folder, inserts)))
    raw.close()
    log.close()

    print(f"{'figure':<34}{'median':>11}{'p95':>11}{'floor':>11}  {'ratio':>7}  goal")
    for figure in figures:
        print(figure.row())
    return all(f.meets_goal for f in figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=100_000)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=30, help="samples per query figure")
    parser.add_argument("--inserts", type=int, default=200, help="samples for the insert figure")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, help="where to build the log (default: a temp dir)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="actionlog-bench-", dir=args.dir) as work:
        ok = run(Path(work), args.actions, args.cases, args.repeat, args.inserts, args.seed)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
