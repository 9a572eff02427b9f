"""Problems with the action log that the user can do something about, as sentences.

The split (qutebrowser's): an environment problem (the file is locked, read-only, damaged, or
the disk is full) becomes an :class:`ActionLogError` whose message is shown as it is; anything
else is a bug and propagates unchanged, so it is never hidden behind a friendly sentence.
"""

from __future__ import annotations

import enum
import errno
import os
import sqlite3
from pathlib import Path

from uaction_desktop.i18n import N_, gettext


class ErrorKind(enum.StrEnum):
    """What went wrong, for a caller that reacts differently (e.g. offers "try again")."""

    LOCKED = "locked"
    READ_ONLY = "read-only"
    DISK_FULL = "disk-full"
    IO = "io"
    CORRUPT = "corrupt"
    NOT_AN_ACTION_LOG = "not-an-action-log"
    NEWER_SCHEMA = "newer-schema"
    OLDER_SCHEMA = "older-schema"
    CANNOT_OPEN = "cannot-open"
    MISSING = "missing"
    NO_SUCH_ACTION = "no-such-action"
    DUPLICATE = "duplicate"
    BAD_FILE = "bad-file"


class ActionLogError(Exception):
    """An action-log problem for the user; ``str(error)`` is the sentence to show."""

    def __init__(self, kind: ErrorKind, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.path = path


_DB_MESSAGES = {
    ErrorKind.LOCKED: N_(
        "The action log is busy: another program (perhaps a second copy of uaction) is using "
        "it. Close that program and try again. ({path})"
    ),
    ErrorKind.READ_ONLY: N_(
        "The action log cannot be changed because the file or its folder is read-only "
        "({path}). Check its permissions, or copy it somewhere you can write to."
    ),
    ErrorKind.DISK_FULL: N_(
        "The disk holding the action log is full ({path}). Free some space and try again; "
        "the last change was not saved."
    ),
    ErrorKind.IO: N_(
        "The action log could not be read or written: the disk reported an error, or it is "
        "full ({path}). The last change was not saved."
    ),
    ErrorKind.CORRUPT: N_(
        "The action log file is damaged and cannot be read ({path}). Move it aside to start a "
        "new log, or restore a backup copy."
    ),
    ErrorKind.CANNOT_OPEN: N_(
        "The action log cannot be opened ({path}). Check that its folder exists and that you "
        "may write to it."
    ),
}

# SQLite primary result codes (the low byte of an extended code) that come from the
# environment rather than from our own SQL.
_SQLITE_KINDS = {
    3: ErrorKind.READ_ONLY,  # SQLITE_PERM
    5: ErrorKind.LOCKED,  # SQLITE_BUSY
    6: ErrorKind.LOCKED,  # SQLITE_LOCKED
    8: ErrorKind.READ_ONLY,  # SQLITE_READONLY
    10: ErrorKind.IO,  # SQLITE_IOERR
    11: ErrorKind.CORRUPT,  # SQLITE_CORRUPT
    13: ErrorKind.DISK_FULL,  # SQLITE_FULL
    14: ErrorKind.CANNOT_OPEN,  # SQLITE_CANTOPEN
    15: ErrorKind.LOCKED,  # SQLITE_PROTOCOL (a lock race that did not settle)
    22: ErrorKind.IO,  # SQLITE_NOLFS
    26: ErrorKind.CORRUPT,  # SQLITE_NOTADB
}


def disk_full(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has no room left for a new page (SQLite
    needs a few kilobytes even to read a WAL log: its -shm index)."""
    try:
        info = os.statvfs(folder)
    except (AttributeError, OSError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def database_error(exc: BaseException, path: Path) -> ActionLogError | None:
    """The user-facing error for a SQLite failure, or None when it looks like a bug."""
    if not isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        return None
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    kind = _SQLITE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
    if kind is None:
        return None
    if kind is ErrorKind.IO and disk_full(path.parent):  # SQLite says "I/O error" for -shm
        kind = ErrorKind.DISK_FULL
    return ActionLogError(kind, gettext(_DB_MESSAGES[kind]).format(path=path), path)


def file_error(exc: OSError, path: Path, doing: str) -> ActionLogError:
    """A sentence for a failed file operation; ``doing`` is e.g. "write" or "read"."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        kind, reason = ErrorKind.DISK_FULL, gettext("the disk is full")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        kind = ErrorKind.READ_ONLY
        reason = gettext("permission denied (the file or folder is read-only)")
    elif exc.errno == errno.ENOENT:
        kind, reason = ErrorKind.MISSING, gettext("no such file or folder")
    else:
        kind = ErrorKind.IO
    return ActionLogError(kind, _file_sentence(doing).format(path=path, reason=reason), path)


def _file_sentence(doing: str) -> str:
    """Whole sentences per operation, so each language can word them its own way."""
    match doing:
        case "read":
            return gettext("Cannot read {path}: {reason}.")
        case "write":
            return gettext("Cannot write {path}: {reason}.")
        case "create the folder":
            return gettext("Cannot create the folder {path}: {reason}.")
        case "write a backup copy of":
            return gettext("Cannot write a backup copy of {path}: {reason}.")
        case "delete the backup copy":
            return gettext("Cannot delete the backup copy {path}: {reason}.")
    return "Cannot " + doing + " {path}: {reason}."
