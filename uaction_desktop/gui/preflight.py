"""Before Qt starts: is there a display, and are the libraries Qt's window needs installed?

Without this, a minimal Linux gets a core dump (Qt aborts, exit 134) whose message names one
missing library at best. Here the user gets one line naming every missing library and the
packages that bring them. Nothing is imported from Qt. For X11 the libraries are opened with
``dlopen`` first (Qt's xcb plugin aborts the process when one is missing; it opens the same ones
a moment later); QtGui's own libraries fail as a catchable ImportError (``import_problem``), so
a headless start pays for no check at all.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Library:
    soname: str
    debian: str  # the package on Debian and Ubuntu
    fedora: str


# What QtGui and QtWidgets load on Linux, whatever the platform (offscreen included).
CORE_LIBRARIES = (
    Library("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Library("libGL.so.1", "libgl1", "libglvnd-glx"),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Library("libfreetype.so.6", "libfreetype6", "freetype"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    Library("libX11.so.6", "libx11-6", "libX11"),
)
# What the X11 (xcb) platform plugin loads on top.
XCB_LIBRARIES = (
    Library("libxcb.so.1", "libxcb1", "libxcb"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
)
# Platforms that draw into memory or a framebuffer: no display server needed.
HEADLESS = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}


def platform_name(env: Mapping[str, str]) -> str:
    """The Qt platform plugin Qt will pick, as Qt picks it on Linux."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def missing_libraries(libraries: tuple[Library, ...]) -> list[Library]:
    import ctypes  # only here: the headless start (tests, benchmarks) never pays for it

    bundled = getattr(sys, "_MEIPASS", None)  # the PyInstaller bundle carries some itself
    missing = []
    for library in libraries:
        candidates = [library.soname]
        if bundled:
            candidates.append(os.path.join(bundled, library.soname))
        for candidate in candidates:
            try:
                ctypes.CDLL(candidate, mode=os.RTLD_LAZY)
                break
            except OSError:
                continue
        else:
            missing.append(library)
    return missing


def problem(env: Mapping[str, str] | None = None, *, check_server: bool = True) -> str | None:
    """One line saying why the window cannot open, or None when nothing is known to be wrong."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    platform = platform_name(env)
    if platform in HEADLESS:
        return None  # Qt's own libraries: see import_problem
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
            "start it from a desktop session, or use the `uaction` command line"
        )
    if platform == "wayland":
        return None
    if platform == "xcb" and not env.get("DISPLAY"):
        return "QT_QPA_PLATFORM is xcb (X11) but DISPLAY is not set"
    message = _missing_message(missing_libraries(CORE_LIBRARIES + XCB_LIBRARIES))
    if message or platform != "xcb" or not check_server:
        return message
    if not _x_server_answers(env["DISPLAY"]):
        return f"cannot connect to the X display {env['DISPLAY']!r} (is the desktop running?)"
    return None


def import_problem(error: ImportError) -> str:
    """One line for Qt failing to load (a library of QtGui's missing: ``libEGL.so.1: cannot
    open shared object file``), naming the package when the library is a known one. Unlike a
    platform plugin, which aborts the process, this can be caught, so it costs nothing before."""
    text = str(error)
    known = [lib for lib in CORE_LIBRARIES + XCB_LIBRARIES if lib.soname in text]
    return _missing_message(known) or f"Qt cannot start: {text}"


def _missing_message(missing: list[Library]) -> str | None:
    if not missing:
        return None

    def packages(pick) -> str:
        return " ".join(dict.fromkeys(pick(library) for library in missing))

    return (
        f"Qt cannot open a window: missing {', '.join(library.soname for library in missing)}; "
        f"install them with `sudo apt install {packages(lambda lib: lib.debian)}` "
        f"(Debian, Ubuntu) or `sudo dnf install {packages(lambda lib: lib.fedora)}` (Fedora)"
    )


def _x_server_answers(display: str) -> bool:
    """Connect to the X server and hang up, as Qt is about to (Qt aborts when it cannot)."""
    import ctypes

    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    xcb.xcb_connection_has_error.argtypes = (ctypes.c_void_p,)
    xcb.xcb_disconnect.argtypes = (ctypes.c_void_p,)
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)  # also frees the error object it may be
