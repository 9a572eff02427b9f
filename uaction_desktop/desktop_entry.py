"""Put the app in the desktop menu (and take it out again): the ``.desktop`` file and the icon,
written into the user's XDG folders (``uaction-desktop --install-desktop-entry``).

pip cannot do this: a wheel has nowhere to put menu entries. The entry runs the very command that
installed it (the venv's script, or the bundle's program), by absolute path, so it works without
the venv being activated.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from uaction_desktop.atomic import write_bytes_atomic, write_text_atomic
from uaction_desktop.resources import resource_path

APP_ID = "uaction-desktop"
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


@dataclass(frozen=True)
class EntryPaths:
    desktop_file: Path
    icon: Path


def entry_paths(env: dict[str, str] | None = None) -> EntryPaths:
    """Where the menu entry and the icon go: ``$XDG_DATA_HOME`` (default ``~/.local/share``)."""
    env = dict(os.environ) if env is None else env
    data_home = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return EntryPaths(
        desktop_file=data_home / "applications" / f"{APP_ID}.desktop",
        icon=data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    )


def launcher_command() -> list[str]:
    """The command that starts this very installation's window."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith(APP_ID) and script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "uaction_desktop"]


def exec_line(command: list[str]) -> str:
    """The ``Exec`` value for ``command``, quoted and escaped as the Desktop Entry spec says."""
    parts = []
    for argument in command:
        if _RESERVED.search(argument):
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
        parts.append(argument.replace("%", "%%"))
    return " ".join(parts).replace("\\", "\\\\")  # the string-value escape comes on top


def desktop_file_text(command: list[str]) -> str:
    template = resource_path(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_line(command)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def install(command: list[str] | None = None, env: dict[str, str] | None = None) -> EntryPaths:
    paths = entry_paths(env)
    write_text_atomic(
        paths.desktop_file, desktop_file_text(command or launcher_command()), make_parents=True
    )
    write_bytes_atomic(
        paths.icon, resource_path("icons", f"{APP_ID}.svg").read_bytes(), make_parents=True
    )
    _refresh(paths)
    return paths


def remove(env: dict[str, str] | None = None) -> list[Path]:
    """Delete the entry and the icon; returns what was there."""
    paths = entry_paths(env)
    removed = []
    for path in (paths.desktop_file, paths.icon):
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh(paths)
    return removed


def _refresh(paths: EntryPaths) -> None:
    """Menus watch these folders; the caches are refreshed too where the tools exist."""
    tools = (
        ("update-desktop-database", "-q", paths.desktop_file.parent),
        ("gtk-update-icon-cache", "-q", "-t", paths.icon.parents[2]),
    )
    for tool, *args in tools:
        found = shutil.which(tool)
        if found and Path(args[-1]).is_dir():
            subprocess.run([found, *map(str, args)], capture_output=True, timeout=30, check=False)
