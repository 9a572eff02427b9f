"""Where ``--output`` may write: a file, or standard output for text.

``-`` (and ``/dev/stdout``, which is standard output under another name) sends text to
standard output, as pipes expect. A PDF is never written to a terminal or a pipe by accident,
and no device, FIFO or folder is ever replaced by a file (see :mod:`uaction_desktop.atomic`).
"""

from __future__ import annotations

import os
from pathlib import Path

from uaction_desktop.bounded import special_kind

_STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})


def is_stdout(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path) in _STDOUT_NAMES


def output_problem(path: Path, what: str = "file") -> str:
    """Why ``path`` cannot take a new ``what`` (a sentence end), or "" when it can."""
    try:
        info = os.stat(path)
    except FileNotFoundError:  # a new file (a missing folder is said when writing)
        return ""
    except OSError as exc:
        return f"cannot be written ({exc.strerror or exc})"
    kind = special_kind(info.st_mode)
    if kind is None:
        return ""
    example = _EXAMPLES.get(what, "out.txt")
    return f"it is {kind}, not a file; give a {what} name such as {example}"


_EXAMPLES = {"file": "letter.pdf", "meeting pack": "pack.pdf", "export": "log.json"}
