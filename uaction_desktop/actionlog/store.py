"""The action log itself: one SQLite file, the only place actions are kept.

Every change is one ``BEGIN IMMEDIATE`` transaction committed with ``synchronous = FULL`` in WAL
mode, so when a method returns the action is on disk, a crash at any moment loses nothing that
was reported as saved, and several programs may write at once (each waits up to the busy
timeout for the others). Environment problems surface as :class:`ActionLogError` sentences.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from uaction_desktop.actionlog import exchange
from uaction_desktop.actionlog.action import Action, ActionChannel, ActionFilter, Tally
from uaction_desktop.actionlog.errors import (
    ActionLogError,
    ErrorKind,
    database_error,
    disk_full,
    file_error,
)
from uaction_desktop.actionlog.report import report_text, ua_sort_key
from uaction_desktop.actionlog.schema import (
    SCHEMA_VERSION,
    backup_files,
    check_identity,
    migrate,
    read_version,
)
from uaction_desktop.atomic import fsync_folder, write_bytes_atomic
from uaction_desktop.i18n import _

BUSY_TIMEOUT_S = 10.0  # how long to wait for another writer before saying "busy"

_COLUMNS = (
    "id",
    "case_ua",
    "case_index",
    "official_id",
    "official_title",
    "official_name",
    "channel",
    "count",
    "sent_on",
    "signer",
    "note",
    "text_sent",
    "reply_status",
    "reply_on",
    "reported_on",
    "changed_at",
)
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM actions"
_INSERT = f"INSERT INTO actions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
_UPDATE = f"UPDATE actions SET {', '.join(f'{c} = ?' for c in _COLUMNS[1:])} WHERE id = ?"


def _now() -> datetime:
    """When a change is recorded: UTC, to the second (what the exchange file carries)."""
    return datetime.now(UTC).replace(microsecond=0)


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _to_row(a: Action) -> tuple[Any, ...]:
    return (
        a.id,
        a.case_ua,
        a.case_index,
        a.official_id,
        a.official_title,
        a.official_name,
        a.channel.value,
        a.count,
        a.sent_on.isoformat(),
        a.signer,
        a.note,
        a.text,
        a.reply.value,
        _iso(a.reply_on),
        _iso(a.reported_on),
        a.changed_at.isoformat(timespec="seconds") if a.changed_at else None,
    )


def _from_row(row: tuple[Any, ...], path: Path) -> Action:
    """An Action from a row; a row no valid action could have written means a damaged file."""
    r = dict(zip(_COLUMNS, row, strict=True))
    try:
        return _action(r)
    except (ValueError, TypeError) as exc:
        raise ActionLogError(
            ErrorKind.CORRUPT,
            _(
                "The action log {path} holds an entry that cannot be read ({id}: {problem}). "
                "Another program may have changed it; restore a backup copy if you have one."
            ).format(path=path, id=r["id"], problem=exc),
            path,
        ) from exc


def _action(r: dict[str, Any]) -> Action:
    return Action(
        id=r["id"],
        case_ua=r["case_ua"],
        case_index=r["case_index"],
        official_id=r["official_id"],
        official_title=r["official_title"],
        official_name=r["official_name"],
        channel=ActionChannel(r["channel"]),
        count=r["count"],
        sent_on=date.fromisoformat(r["sent_on"]),
        signer=r["signer"],
        note=r["note"],
        text=r["text_sent"],
        reply=r["reply_status"],
        reply_on=_date(r["reply_on"]),
        reported_on=_date(r["reported_on"]),
        changed_at=datetime.fromisoformat(r["changed_at"]) if r["changed_at"] else None,
    )


def _where(where: ActionFilter | None) -> tuple[str, list[Any]]:
    if where is None:
        return "", []
    clauses: list[str] = []
    params: list[Any] = []
    if where.case_ua is not None:
        clauses.append("case_ua = ?")
        params.append(where.case_ua)
    if where.channel is not None:
        clauses.append("channel = ?")
        params.append(ActionChannel(where.channel).value)
    if where.since is not None:
        clauses.append("sent_on >= ?")
        params.append(where.since.isoformat())
    if where.until is not None:
        clauses.append("sent_on <= ?")
        params.append(where.until.isoformat())
    if where.reported is True:
        clauses.append("reported_on IS NOT NULL")
    elif where.reported is False:
        clauses.append("reported_on IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class Conflict:
    """An imported action whose id is already in the log with different data; ours was kept."""

    ours: Action
    theirs: Action

    @property
    def fields(self) -> tuple[str, ...]:
        return self.ours.differences(self.theirs)


@dataclass(frozen=True)
class ImportResult:
    added: int = 0
    unchanged: int = 0
    conflicts: tuple[Conflict, ...] = ()
    updated: int = 0  # ours, with a report date or a reply that only theirs had


def _read_only_mount(folder: Path) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (os.access says "writable"
    to root even there)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs on Windows
        return False


@contextlib.contextmanager
def _guard(path: Path) -> Iterator[None]:
    """Turn SQLite's environment failures into sentences; let bugs through untouched."""
    try:
        yield
    except sqlite3.Error as exc:
        friendly = database_error(exc, path)
        if friendly is None:
            raise
        raise friendly from exc


class ActionLog:
    """The member's log of actions. Open with :meth:`open`; use as a context manager."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        read_only: bool,
        snapshot: Path | None = None,
    ) -> None:
        self._conn = conn
        self._depth = 0
        self.path = path
        self.read_only = read_only
        self._snapshot = snapshot  # a private copy being read (see _connect_read_only)
        self.why_read_only = ""  # for the user, when open_for_reading fell back to reading

    # -- opening and closing

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        busy_timeout: float | None = None,
    ) -> ActionLog:
        """Open (creating or upgrading as needed) the log at ``path``.

        ``read_only`` opens an existing log without ever writing to it (nor upgrading it).
        ``busy_timeout`` (seconds, default :data:`BUSY_TIMEOUT_S`) is how long to wait for
        another program's write before giving up with a "busy" error.
        """
        path = Path(path)
        if busy_timeout is None:
            busy_timeout = BUSY_TIMEOUT_S
        if read_only and not path.is_file():
            raise ActionLogError(
                ErrorKind.MISSING, _("There is no action log at {path}.").format(path=path), path
            )
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise file_error(exc, path.parent, "create the folder") from exc
        is_new = not path.exists()
        conn: sqlite3.Connection | None = None
        snapshot: Path | None = None
        strays = [] if read_only else _missing_companions(path)
        try:
            with _guard(path):
                if read_only:
                    conn, snapshot = cls._connect_read_only(path, busy_timeout)
                else:
                    conn = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None)
                version = check_identity(conn, path)
                if read_only:
                    if version < SCHEMA_VERSION:
                        raise ActionLogError(
                            ErrorKind.OLDER_SCHEMA,
                            f"The action log {path} is from an older version of uaction and "
                            "must be upgraded before it can be read; open it once normally.",
                            path,
                        )
                else:
                    cls._configure(conn, busy_timeout)
                    try:
                        migrate(conn, path)
                    except OSError as exc:
                        raise file_error(exc, path, "write a backup copy of") from exc
                    if is_new:
                        fsync_folder(path.parent)  # so the new file's name survives a crash
            return cls(conn, path, read_only, snapshot)
        except BaseException:
            if conn is not None:
                conn.close()
            if snapshot is not None:
                shutil.rmtree(snapshot, ignore_errors=True)
            if strays and disk_full(path.parent):  # no one can have started on them since
                _remove_empty(strays)
            raise

    @classmethod
    def open_for_reading(cls, path: str | Path) -> ActionLog:
        """Open normally if possible, else read-only: a log on a write-protected stick, a
        restored read-only backup or a full disk can still be looked at and exported.
        ``read_only`` says which it got, and ``why_read_only`` why, in words."""
        path = Path(path)
        full = path.is_file() and disk_full(path.parent)
        if not full:
            strays = _missing_companions(path)
            try:
                return cls.open(path)
            except ActionLogError as exc:
                kinds = (ErrorKind.CANNOT_OPEN, ErrorKind.READ_ONLY, ErrorKind.IO)
                if exc.kind not in (*kinds, ErrorKind.DISK_FULL) or not path.is_file():
                    raise
                _remove_empty(strays)  # what the failed open left behind
                full = exc.kind is ErrorKind.DISK_FULL or disk_full(path.parent)
        log = cls.open(path, read_only=True)
        log.why_read_only = (
            _(
                "The disk holding the action log is full ({path}): it is open for reading and "
                "exporting only; free some space to log new actions."
            ).format(path=path)
            if full
            else _(
                "The action log is read-only here ({path}): it is open for reading only."
            ).format(path=path)
        )
        return log

    @staticmethod
    def _connect_read_only(
        path: Path, busy_timeout: float
    ) -> tuple[sqlite3.Connection, Path | None]:
        """A read-only connection, and the private copy it reads if it needed one.

        A log in WAL mode needs its -shm file, which a read-only folder cannot hold. There no
        one can be writing: a log with no -wal left is opened as immutable; one whose recent
        actions are still in its -wal (the app stopped without closing it) is read in
        exclusive locking mode (the WAL index kept in memory) or, failing that, copied with
        the -wal to a private folder and read there, so that every action is seen. A full
        disk is treated the same: no -shm can be made there either."""
        uri = f"{path.resolve().as_uri()}?mode=ro"
        strays = _missing_companions(path.resolve())
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn, None
        except sqlite3.OperationalError:
            conn.close()
            real = path.resolve()
            folder = real.parent  # where SQLite keeps the -wal and -shm files
            writable = os.access(folder, os.W_OK) and not _read_only_mount(folder)
            if writable and not disk_full(folder):
                raise
            _remove_empty(strays)
        wal = real.with_name(real.name + "-wal")
        if not (wal.is_file() and wal.stat().st_size > 0):
            immutable = sqlite3.connect(
                uri + "&immutable=1", uri=True, timeout=busy_timeout, isolation_level=None
            )
            return immutable, None
        try:
            return ActionLog._connect_exclusive(uri, busy_timeout), None
        except sqlite3.OperationalError:
            pass  # an older SQLite: read a private copy instead
        snapshot = Path(tempfile.mkdtemp(prefix="uaction-log-"))
        try:
            copy = snapshot / real.name
            shutil.copyfile(real, copy)
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            conn = sqlite3.connect(copy, timeout=busy_timeout, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")  # a copy: writing to it would be lost
            return conn, snapshot
        except BaseException:
            shutil.rmtree(snapshot, ignore_errors=True)
            raise

    @staticmethod
    def _connect_exclusive(uri: str, busy_timeout: float) -> sqlite3.Connection:
        """Read a WAL log, its -wal included, without creating a -shm file: in exclusive
        locking mode SQLite keeps the WAL index in memory (for a read-only folder or a full
        disk, where no one else can be writing anyway)."""
        conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout, isolation_level=None)
        try:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _configure(conn: sqlite3.Connection, busy_timeout: float) -> None:
        # Switching a brand-new file to WAL needs an exclusive lock, and SQLite reports a
        # competing opener as "locked" at once, without its busy handler: so wait here.
        deadline = time.monotonic() + busy_timeout
        while conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                conn.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        conn.execute("PRAGMA synchronous = FULL")  # a commit returns only once it is on disk
        conn.execute("PRAGMA secure_delete = ON")  # deleted actions do not linger in the file

    def close(self) -> None:
        self._conn.close()
        if self._snapshot is not None:
            shutil.rmtree(self._snapshot, ignore_errors=True)
            self._snapshot = None

    def __enter__(self) -> ActionLog:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        with _guard(self.path):
            return read_version(self._conn)

    # -- transactions

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: commits when the block ends, rolls back if it raises.

        Nested blocks become savepoints, so the GUI can group several calls (say, deleting a
        selection) into one change.
        """
        depth = self._depth
        with _guard(self.path):
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT level{depth}")
        self._depth = depth + 1
        try:
            with _guard(self.path):
                yield
        except BaseException:
            self._depth = depth
            self._rollback(depth)
            raise
        self._depth = depth
        with _guard(self.path):
            try:
                self._conn.execute("COMMIT" if depth == 0 else f"RELEASE level{depth}")
            except sqlite3.Error:
                self._rollback(depth)
                raise

    def _rollback(self, depth: int) -> None:
        if not self._conn.in_transaction:
            return  # SQLite already rolled back (it does so itself after e.g. a full disk)
        # A failing rollback must not hide the error that caused it.
        with contextlib.suppress(sqlite3.Error):
            if depth == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO level{depth}")
                self._conn.execute(f"RELEASE level{depth}")

    def _fetch(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with _guard(self.path):
            return self._conn.execute(sql, tuple(params)).fetchall()

    # -- single actions

    def add(self, action: Action) -> Action:
        """Store a new action (or put back a deleted one: its id is kept)."""
        with self.transaction():
            if self._get(action.id) is not None:
                raise ActionLogError(
                    ErrorKind.DUPLICATE,
                    f"An action with id {action.id} is already in the log.",
                    self.path,
                )
            if action.changed_at is None:
                action = replace(action, changed_at=_now())
            self._conn.execute(_INSERT, _to_row(action))
        return action

    def update(self, action: Action) -> Action:
        """Replace the stored action that has this id; returns the previous version (for undo)."""
        action = replace(action, changed_at=_now())
        with self.transaction():
            previous = self._require(action.id)
            self._conn.execute(_UPDATE, (*_to_row(action)[1:], action.id))
        return previous

    def delete(self, action_id: str) -> Action:
        """Remove an action; returns it, so that ``add(returned)`` undoes the deletion."""
        with self.transaction():
            previous = self._require(action_id)
            self._conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))
        return previous

    def get(self, action_id: str) -> Action | None:
        with _guard(self.path):
            return self._get(action_id)

    def _get(self, action_id: str) -> Action | None:
        row = self._conn.execute(f"{_SELECT} WHERE id = ?", (action_id,)).fetchone()
        return None if row is None else _from_row(row, self.path)

    def _require(self, action_id: str) -> Action:
        found = self._get(action_id)
        if found is None:
            raise ActionLogError(
                ErrorKind.NO_SUCH_ACTION,
                _("That action is no longer in the log (it may have been deleted)."),
                self.path,
            )
        return found

    def mark_reported(self, action_ids: Iterable[str], on: date | None) -> list[str]:
        """Record that these actions were reported on ``on``; ``None`` clears the mark.

        Only actions whose mark actually changes are touched, and their ids are returned, so
        ``mark_reported(returned, None)`` undoes exactly this call.
        """
        now = _now().isoformat(timespec="seconds")
        if on is None:
            sql = (
                "UPDATE actions SET reported_on = NULL, changed_at = ? "
                "WHERE id = ? AND reported_on IS NOT NULL"
            )
            params: tuple[Any, ...] = (now,)
        else:
            sql = (
                "UPDATE actions SET reported_on = ?, changed_at = ? "
                "WHERE id = ? AND reported_on IS NULL"
            )
            params = (on.isoformat(), now)
        changed: list[str] = []
        with self.transaction():
            for action_id in dict.fromkeys(action_ids):
                if self._conn.execute(sql, (*params, action_id)).rowcount:
                    changed.append(action_id)
        return changed

    # -- queries

    def actions(
        self,
        where: ActionFilter | None = None,
        *,
        newest_first: bool = True,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Action]:
        clause, params = _where(where)
        order = "DESC" if newest_first else "ASC"
        sql = f"{_SELECT}{clause} ORDER BY sent_on {order}, rowid {order}"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [limit, offset]
        return [_from_row(row, self.path) for row in self._fetch(sql, params)]

    def count(self, where: ActionFilter | None = None) -> int:
        """How many log entries match (not the sum of their counts: see :meth:`totals`)."""
        clause, params = _where(where)
        return int(self._fetch(f"SELECT count(*) FROM actions{clause}", params)[0][0])

    def totals(self, where: ActionFilter | None = None) -> dict[str, Tally]:
        """Per case UA, the sums of ``count`` by channel; cases in UA order (year, number)."""
        clause, params = _where(where)
        rows = self._fetch(
            f"SELECT case_ua, channel, sum(count), count(*) FROM actions{clause} "
            "GROUP BY case_ua, channel",
            params,
        )
        tallies = _tallies(rows)
        return {ua: tallies[ua] for ua in sorted(tallies, key=ua_sort_key)}

    def monthly(self, where: ActionFilter | None = None) -> dict[str, Tally]:
        """Per month ("2026-11"), the sums of ``count`` by channel, for a chart.

        Months without actions between the first and the last are included, empty, so a chart
        shows the gaps.
        """
        clause, params = _where(where)
        rows = self._fetch(
            "SELECT substr(sent_on, 1, 7) AS month, channel, sum(count), count(*) "
            f"FROM actions{clause} GROUP BY month, channel",
            params,
        )
        tallies = _tallies(rows)
        if not tallies:
            return {}
        months = sorted(tallies)
        return {m: tallies.get(m, Tally({}, 0)) for m in _month_range(months[0], months[-1])}

    def cases_with_actions(self) -> set[str]:
        """UAs with at least one action (the case list marks active cases not yet acted on)."""
        return {row[0] for row in self._fetch("SELECT DISTINCT case_ua FROM actions")}

    def report_text(
        self, where: ActionFilter | None = None, references: Mapping[str, str] | None = None
    ) -> str:
        """The text to paste into the organisation's report form, for a case or a period."""
        chosen = self.actions(where, newest_first=False)
        since = where.since if where else None
        until = where.until if where else None
        return report_text(chosen, references, since, until)

    def integrity_problems(self) -> list[str]:
        """What SQLite's full integrity check finds; empty when the file is sound."""
        rows = self._fetch("PRAGMA integrity_check")
        problems = [str(row[0]) for row in rows]
        return [] if problems == ["ok"] else problems

    def backups(self) -> list[Path]:
        """The copies written before schema upgrades, oldest first."""
        return backup_files(self.path)

    # -- exchange

    def export_json(self, path: str | Path, where: ActionFilter | None = None) -> int:
        """Write the exchange file (atomically); returns the number of actions in it."""
        chosen = self.actions(where, newest_first=False)
        _write(Path(path), exchange.dumps(chosen).encode("utf-8"))
        return len(chosen)

    def export_csv(self, path: str | Path, where: ActionFilter | None = None) -> int:
        """Write a CSV table, UTF-8 with a BOM so spreadsheets detect the encoding."""
        chosen = self.actions(where, newest_first=False)
        _write(Path(path), ("\ufeff" + exchange.csv_text(chosen)).encode("utf-8"))
        return len(chosen)

    def import_json(self, path: str | Path) -> ImportResult:
        """Merge an exchange file: all of it, or (if any record is bad) none of it."""
        return self.merge(exchange.read_file(Path(path)))

    def merge(self, actions: Iterable[Action]) -> ImportResult:
        """Add the actions whose ids are new; identical ones change nothing; a report date or a
        reply only theirs has is filled in (:meth:`Action.merged_with`); other differences are
        conflicts and leave ours in place. One transaction, so a crash merges nothing."""
        added = unchanged = updated = 0
        conflicts: list[Conflict] = []
        with self.transaction():
            for theirs in actions:
                ours = self._get(theirs.id)
                if ours is None:
                    self._conn.execute(_INSERT, _to_row(theirs))
                    added += 1
                elif ours == theirs:
                    unchanged += 1
                elif (merged := ours.merged_with(theirs)) is None:
                    conflicts.append(Conflict(ours, theirs))
                elif merged == ours:
                    unchanged += 1
                else:
                    self._conn.execute(_UPDATE, (*_to_row(merged)[1:], merged.id))
                    updated += 1
        return ImportResult(added, unchanged, tuple(conflicts), updated)

    # -- erasing

    def erase(self) -> int:
        """Delete every action, then compact the file and remove upgrade backups, so that no
        trace of the log is left on disk. Returns the number of actions deleted."""
        with self.transaction():
            erased = self._conn.execute("DELETE FROM actions").rowcount
        with _guard(self.path):
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        for backup in self.backups():
            try:
                backup.unlink()
            except FileNotFoundError:
                pass
            except OSError as exc:
                raise file_error(exc, backup, "delete the backup copy") from exc
        return erased


def _tallies(rows: list[tuple[Any, ...]]) -> dict[str, Tally]:
    """Group (key, channel, sum of counts, entries) rows into one Tally per key."""
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    out: dict[str, Tally] = {}
    for key, group in grouped.items():
        by_channel = {ActionChannel(r[1]): int(r[2]) for r in group}
        counts = {c: by_channel[c] for c in ActionChannel if c in by_channel}
        out[key] = Tally(counts=counts, actions=sum(int(r[3]) for r in group))
    return out


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while (current := f"{year:04d}-{month:02d}") <= last:
        months.append(current)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _missing_companions(path: Path, suffixes: tuple[str, ...] = ("-wal", "-shm")) -> list[Path]:
    """SQLite's companion files of ``path`` that do not exist yet (an open may create them)."""
    return [p for p in (path.with_name(path.name + s) for s in suffixes) if not p.exists()]


def _remove_empty(paths: Iterable[Path]) -> None:
    """Remove companion files a failed open created, if they hold nothing (a -shm index is
    never data: a -shm of a few bytes on a full disk is all a failed open leaves)."""
    for companion in paths:
        with contextlib.suppress(OSError):
            if companion.name.endswith("-shm") or companion.stat().st_size == 0:
                companion.unlink()


def _write(path: Path, data: bytes) -> None:
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        raise file_error(exc, path, "write") from exc
