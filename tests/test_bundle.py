"""The standalone bundle (packaging/build.py, PyInstaller): built in a temporary folder, then run
from the unpacked .tar.gz with no Python on the PATH: both commands, a letter PDF written and
read back, the window opened offscreen and closed, install.sh's menu entry; and the .deb's
contents. Slow (minutes): it runs the real build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pypdf
import pytest

from tests.conftest import REPO
from uaction_desktop import __version__

pytest.importorskip("PyInstaller", reason="PyInstaller (the 'bundle' extra) not installed")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the test builds on Linux"),
]
MAX_UNPACKED = 200_000_000


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle-build")
    done = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "build.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    print(done.stdout)  # sizes and build time, shown with pytest -s
    return out


def no_python_env(tmp_path: Path) -> dict[str, str]:
    empty = tmp_path / "empty-bin"
    empty.mkdir(exist_ok=True)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("PYTHON") and k not in ("VIRTUAL_ENV", "UACTION_HOME", "DISPLAY")
    }
    return env | {
        "PATH": str(empty),  # no python, no anything: the bundle must carry what it needs
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }


def test_the_unpacked_bundle_runs_without_python(built: Path, tmp_path: Path) -> None:
    (tarball,) = built.glob(f"uaction-desktop-{__version__}-linux-*.tar.gz")
    with tarfile.open(tarball) as archive:
        archive.extractall(tmp_path / "unpacked", filter="tar")
    bundle = tmp_path / "unpacked" / f"uaction-desktop-{__version__}"
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= MAX_UNPACKED, f"{size / 1e6:.0f} MB unpacked"
    env = no_python_env(tmp_path)
    assert shutil.which("python3", path=env["PATH"]) is None

    def run(program: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bundle / program), *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )

    version = run("uaction", "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"uaction {__version__}"
    letter = tmp_path / "letter.pdf"
    written = run(
        "uaction",
        *("--today", "2018-04-02", "letter", "63/18", "--to", "ambassador"),
        *("--sender-name", "Ayşe Kaya", "--sender-address", "Bahnhofstraße 4"),
        *("--sender-address", "10115 Berlin", "--output", str(letter)),
    )
    assert written.returncode == 0, written.stderr
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(letter).pages)
    for expected in ("Erzhan Kazykhanov", "Ayşe Kaya", "Bahnhofstraße 4", "Dear Ambassador,"):
        assert expected in text
    fonts = pypdf.PdfReader(letter).pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("LiberationSerif" in name for name in names), names  # the bundled fonts

    german = run("uaction", "--lang", "de", "--help")  # the catalogs and argparse's words
    assert german.returncode == 0 and german.stdout.startswith("Aufruf: uaction"), german.stderr
    for language in ("fr", "es", "de"):  # Qt's standard buttons and dialogs, in each language
        assert list(bundle.rglob(f"qtbase_{language}.qm")), language
        assert list(bundle.rglob(f"locale/{language}/LC_MESSAGES/uaction.mo")), language
    assert not list(bundle.rglob("qtbase_ja.qm"))  # the others stay out

    window = run("uaction-desktop", "--self-test")
    assert window.returncode == 0, window.stderr
    assert "the window opened with 1 case(s) listed" in window.stdout
    assert (tmp_path / "home" / ".config").exists()  # it ran as the user, in the user's folders

    # install.sh is a shell script: it gets the few commands it uses, and still no Python.
    tools = tmp_path / "tools"
    tools.mkdir()
    for tool in ("dirname", "mkdir", "ln", "rm"):
        (tools / tool).symlink_to(shutil.which(tool))
    env["PATH"] = str(tools)
    installed = subprocess.run(
        ["/bin/sh", str(bundle / "install.sh")], env=env, capture_output=True, text=True
    )
    assert installed.returncode == 0, installed.stderr
    entry = tmp_path / "home" / ".local" / "share" / "applications" / "uaction-desktop.desktop"
    assert f"Exec={bundle / 'uaction-desktop'}" in entry.read_text(encoding="utf-8")
    linked = tmp_path / "home" / ".local" / "bin" / "uaction"
    through_link = subprocess.run(
        [str(linked), "--version"], env=env, capture_output=True, text=True
    )
    assert through_link.stdout.strip() == f"uaction {__version__}", through_link.stderr
    removed = subprocess.run(
        ["/bin/sh", str(bundle / "install.sh"), "--remove"], env=env, capture_output=True
    )
    assert removed.returncode == 0 and not entry.exists() and not linked.exists()


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_the_deb_installs_under_opt_with_a_menu_entry_and_both_commands(built, tmp_path):
    (deb,) = built.glob(f"uaction-desktop_{__version__}_*.deb")
    info = subprocess.run(["dpkg-deb", "--field", str(deb)], capture_output=True, text=True)
    assert "Package: uaction-desktop" in info.stdout
    assert "libxcb-cursor0" in info.stdout  # Qt's window libraries are declared
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    for program in ("uaction", "uaction-desktop"):
        assert (root / "opt" / "uaction-desktop" / program).is_file()
        assert os.readlink(root / "usr" / "bin" / program) == f"/opt/uaction-desktop/{program}"
    entry = root / "usr" / "share" / "applications" / "uaction-desktop.desktop"
    assert "Exec=/opt/uaction-desktop/uaction-desktop" in entry.read_text(encoding="utf-8")
    assert (root / "usr/share/icons/hicolor/scalable/apps/uaction-desktop.svg").is_file()
    assert (root / "usr/share/metainfo/uaction-desktop.metainfo.xml").is_file()
    validate = shutil.which("desktop-file-validate")
    if validate:
        checked = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    # Nothing of the user's is in the package, so installing a newer one over it keeps it all.
    assert not any(part in {"home", "root", "etc"} for part in (p.name for p in root.iterdir()))
