"""Reading a file from outside with a size cap checked before reading.

A path given by a user or found in a folder may be a device (``/dev/zero`` never ends), a FIFO
(opening one waits for a writer) or a file far larger than anything the app reads. Here the
path is opened without waiting, must be a regular file, and is read only up to its cap.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class TooLargeOrSpecial(OSError):
    """Not read: ``message`` says why (not a regular file, or over the cap), for the user;
    ``kind`` is what a special file is, ``size`` the bytes seen of one too large (callers with
    their own wording use these)."""

    def __init__(
        self, message: str, *, kind: str | None = None, size: int = 0, growing: bool = False
    ) -> None:
        super().__init__(message)
        self.message = message
        self.strerror = message  # callers that print ``exc.strerror or exc`` say the same
        self.kind = kind
        self.size = size
        self.growing = growing  # it grew past the cap while it was read


def describe_size(count: int) -> str:
    if count >= 1_048_576:
        return f"{count / 1_048_576:.1f} MB".replace(".0 MB", " MB")
    if count >= 1024:
        return f"{count / 1024:.0f} KB"
    from uaction_desktop.i18n import ngettext

    return ngettext("{count} byte", "{count} bytes", count).format(count=count)


def special_kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    from uaction_desktop.i18n import _

    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISFIFO(mode):
        return _("a pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a regular file")


def read_bytes_bounded(path: str | Path, most: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``most`` bytes; else
    :class:`TooLargeOrSpecial` (or the OSError of opening it)."""
    from uaction_desktop.i18n import _

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        kind = special_kind(info.st_mode)
        if kind is not None:
            raise TooLargeOrSpecial(
                _("{kind}, not a file that can be read").format(kind=kind), kind=kind
            )
        if info.st_size > most:
            raise TooLargeOrSpecial(
                _("{size}, more than the {most} allowed").format(
                    size=describe_size(info.st_size), most=describe_size(most)
                ),
                size=info.st_size,
            )
        chunks: list[bytes] = []
        left = most + 1  # a file growing while read is still stopped at the cap
        while left > 0 and (chunk := os.read(handle, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > most:
            raise TooLargeOrSpecial(
                _("more than the {most} allowed").format(most=describe_size(most)),
                size=len(data),
                growing=True,
            )
        return data
    finally:
        os.close(handle)
