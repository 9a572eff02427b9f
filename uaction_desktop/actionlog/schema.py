"""The action log's tables, and the numbered steps that bring any older file up to date.

``PRAGMA user_version`` holds the schema version and ``PRAGMA application_id`` marks the file as
ours. A file is upgraded in one transaction, after a backup copy of it has been written beside
it, so a crash or a failed step leaves the old file (and the copy) intact. A file from a newer
version is never touched.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from uaction_desktop.actionlog.errors import ActionLogError, ErrorKind
from uaction_desktop.atomic import fsync_folder

APPLICATION_ID = 0x55414354  # "UACT"


@dataclass(frozen=True)
class Migration:
    """One upgrade step: from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "Create the actions table, with indexes that answer totals per case and per month "
        "from the index alone.",
        (
            f"PRAGMA application_id = {APPLICATION_ID}",
            """
            CREATE TABLE actions (
                id TEXT NOT NULL PRIMARY KEY,
                case_ua TEXT NOT NULL,
                case_index TEXT NOT NULL DEFAULT '',
                official_id TEXT NOT NULL DEFAULT '',
                official_title TEXT NOT NULL DEFAULT '',
                official_name TEXT NOT NULL DEFAULT '',
                channel TEXT NOT NULL
                    CHECK (channel IN ('letter', 'email', 'fax', 'phone', 'social', 'other')),
                count INTEGER NOT NULL CHECK (count >= 1),
                sent_on TEXT NOT NULL
                    CHECK (sent_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                signer TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                text_sent TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX actions_by_case ON actions (case_ua, channel, sent_on, count)",
            "CREATE INDEX actions_by_date ON actions (sent_on, channel, count)",
        ),
    ),
    Migration(
        2,
        "Track replies from officials and when each action was reported to the organisation.",
        (
            """
            ALTER TABLE actions ADD COLUMN reply_status TEXT NOT NULL DEFAULT 'none'
                CHECK (reply_status IN ('none', 'replied', 'unsatisfactory', 'not-expected'))
            """,
            "ALTER TABLE actions ADD COLUMN reply_on TEXT",
            "ALTER TABLE actions ADD COLUMN reported_on TEXT",
            "CREATE INDEX actions_unreported ON actions (sent_on) WHERE reported_on IS NULL",
        ),
    ),
    Migration(
        3,
        "Record when each action was last changed (UTC), so merging members' logs can tell a "
        "later report mark or reply from an earlier one a correction took back.",
        ("ALTER TABLE actions ADD COLUMN changed_at TEXT",),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def read_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_identity(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, after making sure it is an action log this version can read."""
    # One statement, so one snapshot: another program may be creating the file right now, and
    # separate reads could see its version before and its tables after the creation.
    app_id, version, tables = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id), "
        "(SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    if app_id not in (0, APPLICATION_ID) or (version == 0 and tables > 0):
        raise ActionLogError(
            ErrorKind.NOT_AN_ACTION_LOG,
            f"{path} is a database, but not a uaction action log; it was left untouched.",
            path,
        )
    if version > SCHEMA_VERSION:
        raise ActionLogError(
            ErrorKind.NEWER_SCHEMA,
            f"The action log {path} was written by a newer version of uaction (schema "
            f"{version}; this version reads up to {SCHEMA_VERSION}). Update uaction to use it; "
            "the file was left untouched.",
            path,
        )
    return version


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    up_to: int = SCHEMA_VERSION,
    backup: Callable[[Path, int], Path] | None = None,
) -> list[Migration]:
    """Bring the file to version ``up_to``; returns the steps applied (none if it was current).

    The write lock is taken first and the version read again under it, so two programs opening
    an old file at once upgrade it once. ``conn`` must be in autocommit mode.
    """
    if read_version(conn) >= up_to:
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = check_identity(conn, path)
        pending = [m for m in MIGRATIONS if version < m.version <= up_to]
        if version > 0 and pending:
            (backup or backup_copy)(path, version)
        for step in pending:
            for statement in step.statements:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return pending


BACKUP_GLOB = "{stem}.backup-schema*.sqlite3"


def backup_copy(path: Path, version: int) -> Path:
    """A consistent copy of the log, taken before an upgrade, named after its schema version.

    It is read through a second, read-only connection: the caller holds the write lock, so the
    copy is exactly what the upgrade starts from (the WAL included, which a file copy would miss).
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-schema{version}-{stamp}.sqlite3")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.stem}.backup-schema{version}-{stamp}-{number}.sqlite3")
    partial = target.with_name(f".{target.name}.partial")
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(partial)
        try:
            source.backup(copy)
        finally:
            copy.close()
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
        fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    finally:
        source.close()
    return target


def backup_files(path: Path) -> list[Path]:
    """The upgrade copies kept beside the log (they hold its data too: erase removes them)."""
    return sorted(path.parent.glob(BACKUP_GLOB.format(stem=path.stem)))
