"""The case lookup: which files hold one UA's documents, found without looking at every file.

A command that names one case (``show``, ``letter``, ``log add``) would otherwise stat every
file of the library and read the index's whole file table (about 40 ms for 10,000 files on a
busy machine, a third of the command). The lookup, written with the index, is one line per
usable case file (UA, document key, size, modification time, path) below a header that holds
each cases folder's identity and modification time as they were seen before the folder was
listed. A lookup answers only when nothing says it could be wrong:

- every folder is the same folder (device, inode) with the same entries (counted and their
  names checksummed) and the same modification time (a file replaced the way editors and this
  app save changes it), and that time was well before it was listed (a change within the
  file system's time resolution is not trusted);
- every file it names for the UA has the same size and time (in ns), and reads as a case
  with the same document key (checked by the caller, who reads the file anyway).

Otherwise, or when it names no file for the UA, the caller falls back to the whole library.
What it cannot see: another file of the folder edited in place (same name, the folder's time
unchanged) so that it becomes a document of this UA; the next listing or window sees it.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
import zlib
from pathlib import Path
from typing import NamedTuple

LOOKUP_FILE = "lookup.txt"
_END = b"#end\n"  # the last line: a lookup cut short is never read as a shorter library
# A folder or file changed within this of being looked at may change again unseen.
RACY_NS = 2_000_000_000


class FolderStamp(NamedTuple):
    """A cases folder as seen just before it was listed (None fields: it was not there)."""

    path: str
    device: int | None
    inode: int | None
    mtime_ns: int | None
    names: str | None  # how many entries it holds, and a checksum of their names
    seen_ns: int

    @property
    def racy(self) -> bool:
        return self.mtime_ns is not None and self.mtime_ns >= self.seen_ns - RACY_NS


def folder_stamp(folder: Path | str) -> FolderStamp:
    path = os.fspath(folder)
    seen = time.time_ns()
    try:
        info = os.stat(path)
        names = _names(path)
    except OSError:
        return FolderStamp(path, None, None, None, None, seen)
    return FolderStamp(path, info.st_dev, info.st_ino, info.st_mtime_ns, names, seen)


def _names(folder: str) -> str:
    """The folder's entries, as a count and a checksum of their names in the order listed:
    a file added, removed or renamed is seen even where a folder's time does not change with
    its entries (FAT file systems on Windows). Listing names is cheap (2 ms for 10,000); it
    is looking at each file that is not. Any other change (an editor's swap file, the same
    names listed in another order) only sends the command to the whole library."""
    names = os.listdir(folder)
    joined = "\n".join(names).encode("utf-8", "surrogateescape")
    return f"{len(names)}:{zlib.crc32(joined):08x}"


class Entry(NamedTuple):
    """One line of the lookup: a usable case file as the index last saw it."""

    ua: str
    key: str
    bundled: bool
    size: int
    mtime_ns: int
    path: str


def lookup_bytes(folders: list[FolderStamp], entries: list[Entry], header: dict) -> bytes:
    """The lookup's text: a JSON header line, then one tab-separated line per entry (the path
    JSON-quoted, so no file name can break a line; UAs and keys are plain ASCII)."""
    head = {
        **header,
        "written_ns": time.time_ns(),
        "folders": [list(f) for f in folders],
        "entries": len(entries),
    }
    lines = [json.dumps(head)]
    for e in entries:
        lines.append(
            f"{e.ua}\t{e.key}\t{int(e.bundled)}\t{e.size}\t{e.mtime_ns}\t{json.dumps(e.path)}"
        )
    return ("\n".join(lines) + "\n").encode("ascii") + _END


def find(index_dir: Path, folders: list[Path], uas: list[str], header: dict) -> list[Entry] | None:
    """The files the lookup names for the UAs, each checked against the file system (size and
    time); None when the lookup cannot be trusted or names no file for one of them."""
    try:
        data = (index_dir / LOOKUP_FILE).read_bytes()
    except OSError:
        return None
    held = _head(data[: data.find(b"\n")], header)
    if held is None or not data.endswith(b"\n" + _END):
        return None
    written_ns, stored, count = held
    if data.count(b"\n") != count + 2:
        return None  # lines lost or added: not what was written
    if [f.path for f in stored] != [os.fspath(f) for f in folders]:
        return None
    for held in stored:
        now = folder_stamp(held.path)
        if held.racy or now[1:5] != held[1:5]:
            return None
    found: list[Entry] = []
    for ua in dict.fromkeys(uas):
        entries = _entries_for(data, ua)
        if entries is None:  # a damaged line: the next listing writes the lookup again
            remove(index_dir)
        if not entries:
            return None  # not there, or not said how: the whole library says
        if not all(_unchanged(entry, written_ns) for entry in entries):
            return None
        found += entries
    return found


def _entries_for(data: bytes, ua: str) -> list[Entry] | None:
    needle = b"\n" + ua.encode("ascii", "replace") + b"\t"
    entries: list[Entry] = []
    at = data.find(needle)
    while at >= 0:
        end = data.find(b"\n", at + 1)
        if end < 0:
            return None  # a truncated last line
        try:
            found, key, bundled, size, mtime, path = data[at + 1 : end].decode().split("\t")
            name = json.loads(path)
            if found != ua or bundled not in ("0", "1") or not isinstance(name, str):
                return None
            entries.append(Entry(found, key, bundled == "1", int(size), int(mtime), name))
        except (ValueError, UnicodeDecodeError):
            return None
        at = data.find(needle, end)
    return entries


def _unchanged(entry: Entry, written_ns: int) -> bool:
    try:
        info = os.stat(entry.path)
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode)
        and info.st_size == entry.size
        and info.st_mtime_ns == entry.mtime_ns
        and entry.mtime_ns < written_ns - RACY_NS
    )


def current(index_dir: Path, folders: list[FolderStamp], header: dict) -> bool:
    """Whether the lookup kept in ``index_dir`` is this app's, written for these folders as
    they are now, each seen well after it last changed (else it is written again)."""
    try:
        with open(index_dir / LOOKUP_FILE, "rb") as file:
            held = _head(file.readline(), header)
            file.seek(-len(_END) - 1, os.SEEK_END)
            complete = file.read() == b"\n" + _END
    except OSError:
        return False
    if held is None or not complete:
        return False
    stored = held[1]
    if any(f.racy for f in stored) or any(f.racy for f in folders):
        return False
    return [f[:5] for f in stored] == [f[:5] for f in folders]


def _head(line: bytes, header: dict) -> tuple[int, list[FolderStamp], int] | None:
    """The header line's write time, folders and entry count, if it is this app's lookup."""
    try:
        head = json.loads(line)
        if not isinstance(head, dict) or any(head.get(k) != v for k, v in header.items()):
            return None
        folders = [FolderStamp(*f) for f in head["folders"]]
        if not all(isinstance(f.path, str) and isinstance(f.seen_ns, int) for f in folders):
            return None
        return int(head["written_ns"]), folders, int(head["entries"])
    except (ValueError, TypeError, KeyError):
        return None


def remove(index_dir: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(index_dir / LOOKUP_FILE)
