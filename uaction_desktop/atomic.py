"""Atomic file writes: a temp file beside the target, flushed to disk, then ``os.replace``.

A crash or a full disk mid-write leaves the previous file exactly as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from uaction_desktop.bounded import special_kind


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, make_parents: bool = False
) -> None:
    """Replace ``path`` with ``data`` or, on any error, leave it exactly as it was.

    A symlink is followed (the file it points to is updated), an existing file keeps its
    permissions, and a file the user may not write is refused as an ordinary open would be."""
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        info = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
    else:
        mode = info.st_mode & 0o7777
        kind = special_kind(info.st_mode)
        if kind is not None:  # as root, os.replace would swap /dev/null for a file
            raise NotAFileToReplace(f"{kind}, not a file that can be replaced", str(target))
        if not os.access(target, os.W_OK):
            raise PermissionError(13, "Permission denied (the file is read-only)", str(target))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_folder(target.parent)


class NotAFileToReplace(OSError):
    """The target is a device, a FIFO, a folder or a socket: never replaced by a file."""

    def __init__(self, message: str, filename: str) -> None:
        super().__init__(errno.EINVAL, message, filename)


def _read_umask() -> int:
    # Read once, at import (one thread): os.umask can only be read by setting it.
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _read_umask()


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, make_parents: bool = False
) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), make_parents=make_parents)


def fsync_folder(directory: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
