"""Build the standalone bundle for people without Python: ``python packaging/build.py``.

PyInstaller makes one folder holding both programs (``uaction-desktop``, ``uaction``), Python,
Qt, the fonts, the templates and the bundled case (packaging/uaction.spec). On Linux it is then
packed as ``uaction-desktop-VERSION-linux-ARCH.tar.gz`` (unpack anywhere; ``install.sh`` adds the
menu entry) and, where ``dpkg-deb`` exists, a ``.deb`` that installs under /opt with a menu entry
and both commands on the PATH. See docs/packaging.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from uaction_desktop import __version__, desktop_entry  # noqa: E402
from uaction_desktop.gui.preflight import CORE_LIBRARIES, XCB_LIBRARIES  # noqa: E402

NAME = "uaction-desktop"
OPT = Path("/opt") / NAME
# Debian 13 and Ubuntu 24.04 renamed a few libraries' packages (the 64-bit time_t move).
_RENAMED = {"libglib2.0-0": "libglib2.0-0t64 | libglib2.0-0"}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path, work: Path, bundle_name: str) -> Path:
    env = dict(os.environ, UACTION_SOURCE=str(ROOT), UACTION_BUNDLE_NAME=bundle_name)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
    command += [
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(ROOT / "packaging" / "uaction.spec"),
    ]
    subprocess.run(command, env=env, check=True)
    return dist / bundle_name


def add_desktop_files(bundle: Path) -> None:
    """What a menu entry needs, beside the programs (install.sh and the .deb use them)."""
    share = bundle / "share"
    share.mkdir(exist_ok=True)
    resources = ROOT / "resources"
    shutil.copy2(resources / f"{NAME}.desktop", share / f"{NAME}.desktop")
    shutil.copy2(resources / "icons" / f"{NAME}.svg", share / f"{NAME}.svg")
    shutil.copy2(resources / f"{NAME}.metainfo.xml", share / f"{NAME}.metainfo.xml")
    shutil.copy2(ROOT / "packaging" / "install.sh", bundle / "install.sh")


def make_tarball(bundle: Path, out: Path) -> Path:
    target = out / f"{bundle.name}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=bundle.name)
    return target


def debian_depends() -> str:
    packages = dict.fromkeys(lib.debian for lib in CORE_LIBRARIES + XCB_LIBRARIES)
    return ", ".join(_RENAMED.get(name, name) for name in packages)


def make_deb(bundle: Path, out: Path, work: Path) -> Path | None:
    dpkg_deb = shutil.which("dpkg-deb")
    dpkg = shutil.which("dpkg")
    if dpkg_deb is None or dpkg is None:
        print("dpkg-deb not found: no .deb made")
        return None
    arch = subprocess.run(
        [dpkg, "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(bundle, root / OPT.relative_to("/"), symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    for program in ("uaction", "uaction-desktop"):
        (usr_bin / program).symlink_to(OPT / program)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{NAME}.desktop").write_text(
        desktop_entry.desktop_file_text([str(OPT / "uaction-desktop")]), encoding="utf-8"
    )
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / f"{NAME}.svg", icons / f"{NAME}.svg")
    (share / "metainfo").mkdir()
    shutil.copy2(ROOT / "resources" / f"{NAME}.metainfo.xml", share / "metainfo")
    control = root / "DEBIAN"
    control.mkdir()
    size_kib = folder_size(root) // 1024
    (control / "control").write_text(
        f"Package: {NAME}\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        "Maintainer: uaction-desktop contributors <nobody@invalid>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {debian_depends()}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: Urgent Action letters, offline\n"
        " Write, print and log Urgent Action appeal letters: print-ready letters for\n"
        " window envelopes, faxes, emails, meeting packs and a private action log.\n"
        " Standalone: Python and Qt are included. It never opens a network connection.\n",
        encoding="utf-8",
    )
    target = out / f"{NAME}_{__version__}_{arch}.deb"
    built = subprocess.run(
        [dpkg_deb, "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        capture_output=True,
        text=True,
    )
    if built.returncode != 0:
        raise SystemExit(f"dpkg-deb failed: {built.stderr.strip()}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where the results go")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: in --out)")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    work: Path = (args.work or out / "build").resolve()
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    bundle = run_pyinstaller(out / "bundle", work, f"{NAME}-{__version__}")
    add_desktop_files(bundle)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB unpacked)")
    if sys.platform.startswith("linux"):
        tarball = make_tarball(bundle, out)
        print(f"tar.gz: {tarball} ({tarball.stat().st_size / 1e6:.0f} MB)")
        deb = None if args.no_deb else make_deb(bundle, out, work)
        if deb is not None:
            print(f"deb:    {deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    print(f"built in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
