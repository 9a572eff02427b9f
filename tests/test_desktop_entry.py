"""The menu entry (``uaction-desktop --install-desktop-entry``), the .desktop file and the AppStream
metainfo, checked with the freedesktop tools where they are installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from uaction_desktop import desktop_entry

VALIDATE = shutil.which("desktop-file-validate")
APPSTREAM = shutil.which("appstreamcli")
needs_validate = pytest.mark.skipif(
    VALIDATE is None, reason="desktop-file-validate (Debian: desktop-file-utils) not installed"
)


def env_for(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}


@pytest.mark.parametrize(
    "command",
    [
        ["/home/jane/.venv/bin/uaction-desktop"],
        ["/opt/Urgent Action/uaction-desktop"],  # a space: quoted
        ["/usr/bin/python3", "-m", "uaction_desktop"],
        ['/tmp/odd "name" $HOME 100%/uaction-desktop'],
    ],
)
def test_install_writes_entry_and_icon_that_validate_and_remove_takes_them(tmp_path, command):
    env = env_for(tmp_path)
    paths = desktop_entry.install(command, env)
    share = tmp_path / "share"
    assert paths.desktop_file == share / "applications" / "uaction-desktop.desktop"
    assert paths.icon == share / "icons" / "hicolor" / "scalable" / "apps" / "uaction-desktop.svg"
    assert paths.icon.read_bytes() == (REPO / "resources/icons/uaction-desktop.svg").read_bytes()
    lines = paths.desktop_file.read_text(encoding="utf-8").splitlines()
    (exec_line,) = [line for line in lines if line.startswith("Exec=")]
    assert parse_exec(exec_line.removeprefix("Exec=")) == command
    assert "Icon=uaction-desktop" in lines
    if VALIDATE:
        checked = subprocess.run(
            [VALIDATE, str(paths.desktop_file)], capture_output=True, text=True
        )
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    assert desktop_entry.remove(env) == [paths.desktop_file, paths.icon]
    assert not paths.desktop_file.exists() and not paths.icon.exists()
    assert desktop_entry.remove(env) == []


def parse_exec(value: str) -> list[str]:
    """The Exec value read back as the Desktop Entry spec says a launcher reads it."""
    value = value.replace("\\\\", "\\")  # the string-value escape
    arguments, current, quoted, i = [], "", False, 0
    while i < len(value):
        char = value[i]
        if quoted and char == "\\" and i + 1 < len(value):
            current += value[i + 1]
            i += 2
            continue
        if char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            arguments.append(current)
            current = ""
        else:
            current += char
        i += 1
    arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def test_command_line_options_install_and_remove_without_a_window(tmp_path):
    env = {**env_for(tmp_path), "DISPLAY": ":97"}  # Qt would abort here: it is never started
    env.pop("QT_QPA_PLATFORM", None)
    run = [sys.executable, "-m", "uaction_desktop.gui.app"]
    added = subprocess.run(
        [*run, "--install-desktop-entry"], env=env, capture_output=True, text=True
    )
    assert added.returncode == 0, added.stderr
    entry = tmp_path / "share" / "applications" / "uaction-desktop.desktop"
    assert str(entry) in added.stdout
    text = entry.read_text(encoding="utf-8")
    assert f"Exec={sys.executable} -m uaction_desktop" in text  # this very interpreter
    gone = subprocess.run([*run, "--remove-desktop-entry"], env=env, capture_output=True, text=True)
    assert gone.returncode == 0 and not entry.exists()


@needs_validate
def test_the_shipped_desktop_file_validates() -> None:
    checked = subprocess.run(
        [VALIDATE, str(REPO / "resources" / "uaction-desktop.desktop")],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout


@pytest.mark.skipif(APPSTREAM is None, reason="appstreamcli (Debian: appstream) not installed")
def test_the_metainfo_validates() -> None:
    # The id is the .desktop file's name, which Qt and the menu entries already use; AppStream
    # prefers reverse-DNS ids, which the project (with no domain of its own) cannot have.
    checked = subprocess.run(
        [
            APPSTREAM,
            "validate",
            "--no-net",
            "--override=cid-desktopapp-is-not-rdns=info",
            str(REPO / "resources" / "uaction-desktop.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout


SCREENSHOT = REPO / "docs" / "screenshots" / "window.png"
METAINFO = REPO / "resources" / "uaction-desktop.metainfo.xml"


def test_the_screenshot_is_kept_for_the_metainfo() -> None:
    from PIL import Image

    with Image.open(SCREENSHOT) as image:
        assert image.size == (1280, 720)  # 16:9, as software centres show screenshots
    assert "docs/screenshots/window.png" in METAINFO.read_text(encoding="utf-8")


@pytest.mark.skipif(APPSTREAM is None, reason="appstreamcli (Debian: appstream) not installed")
def test_the_screenshot_block_the_metainfo_suggests_validates(tmp_path: Path) -> None:
    """The block to add once the project has a public home: valid AppStream as written."""
    text = METAINFO.read_text(encoding="utf-8")
    block = text[text.index("<screenshots>") : text.index("</screenshots>") + len("</screenshots>")]
    block = block.replace("https://HOME/", "https://example.org/uaction-desktop/")
    filled = text.replace("<categories>", block + "\n  <categories>", 1)
    path = tmp_path / "uaction-desktop.metainfo.xml"
    path.write_text(filled, encoding="utf-8")
    checked = subprocess.run(
        [APPSTREAM, "validate", "--no-net", "--override=cid-desktopapp-is-not-rdns=info", path],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout
    assert "screenshot" not in checked.stdout.lower(), checked.stdout  # no note about it either


def test_the_screenshot_script_makes_a_window_picture(tmp_path: Path) -> None:
    from PIL import Image

    out = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "screenshot.py"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    with Image.open(out) as image:
        assert image.size == (1280, 720)
        low, high = image.convert("L").getextrema()
        assert low < 60 and high > 200  # text on a light window, not a blank frame
