"""``uaction-desktop`` before any window: --help and --version, and the check that names what is
missing (no display, Qt's xcb libraries) in one line instead of Qt's core dump."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from uaction_desktop import __version__
from uaction_desktop.gui import preflight
from uaction_desktop.gui.preflight import Library

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def run_app(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    environment.pop("WAYLAND_DISPLAY", None)
    environment.update(env)
    code = (
        "import sys\nfrom uaction_desktop.gui.app import main\n"
        "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as e:\n    code = e.code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was started'\nsys.exit(code)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=environment, capture_output=True, text=True
    )


@pytest.mark.parametrize("display", [{}, {"DISPLAY": ":97"}])
def test_help_and_version_never_start_qt(display) -> None:
    shown = run_app("--help", **display)
    assert shown.returncode == 0, shown.stderr
    assert "--install-desktop-entry" in shown.stdout and "--home" in shown.stdout
    version = run_app("--version", **display)
    assert version.returncode == 0 and version.stdout.strip() == f"uaction-desktop {__version__}"
    wrong = run_app("--no-such-option", **display)
    assert wrong.returncode == 2 and "unrecognized arguments" in wrong.stderr


def test_the_command_line_help_and_version_too() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"} | {"DISPLAY": ":97"}
    for args in (["--help"], ["--version"]):
        done = subprocess.run(
            [sys.executable, "-m", "uaction_desktop.cli", *args],
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0 and done.stdout, done.stderr


@linux_only
def test_no_display_is_one_line_and_exit_1() -> None:
    done = run_app()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("uaction-desktop: no display")


@linux_only
def test_an_unreachable_x_display_or_missing_libraries_are_one_line_not_a_core_dump() -> None:
    done = run_app(DISPLAY=":97")
    assert done.returncode == 1, done.stderr  # Qt itself would abort: 134 (SIGABRT)
    assert done.stderr.count("\n") == 1
    assert re.match(
        r"uaction-desktop: (Qt cannot open a window: missing lib|cannot connect to the X display)",
        done.stderr,
    )


@linux_only
def test_missing_libraries_are_named_with_the_packages(monkeypatch) -> None:
    absent = (
        Library("libuaction-absent.so.7", "libuaction-absent7", "uaction-absent"),
        Library("libuaction-gone.so.1", "libuaction-gone1", "uaction-absent"),
    )
    monkeypatch.setattr(preflight, "XCB_LIBRARIES", absent)
    message = preflight.problem({"DISPLAY": ":97"})
    assert message is not None
    assert "missing libuaction-absent.so.7, libuaction-gone.so.1;" in message
    assert "sudo apt install libuaction-absent7 libuaction-gone1`" in message
    assert "sudo dnf install uaction-absent` (Fedora)" in message  # each package once
    assert preflight.problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":97"}) is None


def test_qt_failing_to_load_a_library_is_named_with_its_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert preflight.import_problem(error) == (
        "Qt cannot open a window: missing libEGL.so.1; install them with "
        "`sudo apt install libegl1` (Debian, Ubuntu) or `sudo dnf install libglvnd-egl` (Fedora)"
    )
    odd = ImportError("libweird.so.3: cannot open shared object file")
    assert preflight.import_problem(odd) == "Qt cannot start: " + str(odd)


@linux_only
def test_an_x_server_that_does_not_answer(monkeypatch) -> None:
    monkeypatch.setattr(preflight, "XCB_LIBRARIES", ())
    if preflight.missing_libraries(preflight.CORE_LIBRARIES):
        pytest.skip("Qt's own libraries are missing here")
    try:
        import ctypes

        ctypes.CDLL("libxcb.so.1")
    except OSError:
        pytest.skip("libxcb is not installed")
    assert preflight.problem({"DISPLAY": ":97"}) == (
        "cannot connect to the X display ':97' (is the desktop running?)"
    )


def test_the_platform_qt_will_pick() -> None:
    assert preflight.platform_name({}) == "xcb"
    assert preflight.platform_name({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert preflight.platform_name({"XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert preflight.platform_name({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert preflight.platform_name({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert preflight.platform_name({"QT_QPA_PLATFORM": "vnc:size=800x600"}) == "vnc"


@linux_only
@pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) not installed")
def test_the_list_covers_every_library_qt_links_to() -> None:
    """What the installed Qt really needs (its ELF NEEDED entries), less what it ships itself and
    the C and C++ runtimes, is all in the check's list."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [qt / "plugins" / "platforms" / "libqxcb.so"]
    files += [qt / "lib" / f"libQt6{name}.so.6" for name in ("Core", "Gui", "Widgets", "XcbQpa")]
    files += [qt / "lib" / f"libQt6{name}.so.6" for name in ("DBus", "PrintSupport", "Svg")]
    needed: set[str] = set()
    for file in files:
        dump = subprocess.run(["objdump", "-p", str(file)], capture_output=True, text=True)
        needed |= set(re.findall(r"NEEDED\s+(\S+)", dump.stdout))
    runtime = ("libc.so", "libm.so", "libstdc++", "libgcc_s", "ld-linux", "libz.so", "libzstd")
    system = {
        name
        for name in needed
        if not name.startswith(("libQt6", "libicu", "libshiboken", "libpyside"))
        and not name.startswith(runtime)
        and not name.startswith(("libpthread", "libdl.so", "librt.so"))
    }
    listed = {library.soname for library in preflight.CORE_LIBRARIES + preflight.XCB_LIBRARIES}
    assert system <= listed, system - listed


def test_the_self_test_counts_the_cases_and_the_letter_drafts_it_can_read(tmp_path) -> None:
    from uaction_desktop.drafts import DraftStore
    from uaction_desktop.paths import app_paths

    drafts = DraftStore(app_paths(tmp_path).drafts_dir)
    drafts.save("63/18", "ambassador", "My own words.")
    drafts.save("63/18", "prosecutor", "Other words.", personal_line="From Leeds.")
    drafts.save_choice("63/18", drafts.load_choice("63/18"))  # not a letter: not counted
    (drafts.folder / "broken.json").write_text("{not json", encoding="utf-8")
    assert sorted(d.official_id for d in drafts.letters()) == ["ambassador", "prosecutor"]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "uaction_desktop.gui.app", "--home", str(tmp_path), "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "with 1 case(s) listed and 2 letter draft(s) kept" in done.stdout
