"""The standalone bundle (packaging/build.py, PyInstaller): built in a temporary folder, then run
from the unpacked .tar.gz with no Python on the PATH: both commands, a letter PDF written and
read back, the window opened offscreen and closed, install.sh's menu entry; the .deb's
contents; and a newer .deb installed over it with dpkg, which keeps the user's files. Slow
(minutes): it runs the real build, twice."""

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


def source_tree(tmp_path: Path, version: str) -> Path:
    """A copy of this tree that calls itself ``version``: what a later release is built from."""
    tree = tmp_path / f"src-{version}"
    for part in ("uaction_desktop", "resources", "cases", "packaging"):
        shutil.copytree(REPO / part, tree / part, ignore=shutil.ignore_patterns("__pycache__"))
    init = tree / "uaction_desktop" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    init.write_text(text.replace(f'"{__version__}"', f'"{version}"'), encoding="utf-8")
    assert f'"{version}"' in init.read_text(encoding="utf-8")
    return tree


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """dpkg working on a system of its own in ``root`` (its database in root/var/lib/dpkg), as
    root or not, and leaving this machine's dpkg log alone. The Qt libraries the package
    depends on are this machine's, not that system's: --force-depends."""
    command = ["dpkg", f"--root={root}", "--log=/dev/null", "--force-depends"]
    command.append("--force-script-chrootless")
    if os.geteuid() != 0:
        command.append("--force-not-root")
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="dpkg not installed")
def test_a_newer_deb_over_an_older_one_keeps_the_users_files(built, tmp_path) -> None:
    newer = f"{__version__}.post1"  # dpkg orders it after __version__
    tree = source_tree(tmp_path, newer)
    out = tmp_path / "newer-build"
    done = subprocess.run(
        [sys.executable, str(tree / "packaging" / "build.py"), "--out", str(out)],
        env=dict(os.environ, PYTHONPATH=str(tree)),
        capture_output=True,
        text=True,
        timeout=3000,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    print(done.stdout)  # the second build's time, shown with pytest -s
    (old_deb,) = built.glob(f"uaction-desktop_{__version__}_*.deb")
    (new_deb,) = out.glob(f"uaction-desktop_{newer}_*.deb")

    root = tmp_path / "system"
    admin = root / "var" / "lib" / "dpkg"
    for folder in ("info", "updates", "triggers"):
        (admin / folder).mkdir(parents=True)
    (admin / "status").touch()
    installed = dpkg(root, "--install", str(old_deb))
    assert installed.returncode == 0, installed.stderr
    opt = root / "opt" / "uaction-desktop"
    env = no_python_env(tmp_path)
    home = tmp_path / "home"
    env |= {"XDG_STATE_HOME": str(home / ".local/state"), "XDG_CACHE_HOME": str(home / ".cache")}

    def run(program: str, *args: str) -> str:
        ran = subprocess.run(
            [str(opt / program), *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stdout

    # The older version, as a user would use it: a profile, a case of their own, a logged action.
    assert run("uaction", "--version").strip() == f"uaction {__version__}"
    run("uaction", "profile", "--name", "Ayşe Kaya", "--address", "Bahnhofstraße 4")
    cases = home / ".local" / "share" / "uaction-desktop" / "cases"
    cases.mkdir(parents=True)
    own_case = REPO / "tests" / "fixtures" / "cases" / "valid" / "ua-101-24-testland.toml"
    shutil.copy2(own_case, cases / own_case.name)
    run(
        "uaction",
        "--today",
        "2018-04-02",
        "log",
        "add",
        "--case",
        "63/18",
        "--to",
        "ambassador",
        "--channel",
        "email",
    )
    # A letter draft, as the older window's autosave writes it (same code, this tree's):
    from uaction_desktop.drafts import DraftStore

    drafts = home / ".local" / "share" / "uaction-desktop" / "drafts"
    DraftStore(drafts).save("63/18", "ambassador", "My own words.")
    assert "2 case(s) listed and 1 letter draft(s) kept" in run("uaction-desktop", "--self-test")
    before = {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and "case-index" not in p.parts  # the cache may be rebuilt
    }
    data = ".local/share/uaction-desktop"
    kept = {".config/uaction-desktop/profile.toml", f"{data}/actions.sqlite3"}
    kept |= {f"{data}/cases/{own_case.name}", f"{data}/drafts/"}
    assert all(any(name.startswith(k) for name in before) for k in kept), sorted(before)

    upgraded = dpkg(root, "--install", str(new_deb))
    assert upgraded.returncode == 0, upgraded.stderr
    status = dpkg(root, "--status", "uaction-desktop").stdout
    assert f"Version: {newer}" in status and "Status: install ok installed" in status
    assert run("uaction", "--version").strip() == f"uaction {newer}"
    # The user's folders are not the package's: dpkg neither lists nor touched them.
    listed = dpkg(root, "--listfiles", "uaction-desktop").stdout.splitlines()
    assert "/opt/uaction-desktop/uaction" in listed
    folders, owned = (
        ("/.", "/opt", "/usr", "/opt/uaction-desktop"),
        ("/opt/uaction-desktop/", "/usr/"),
    )
    assert [p for p in listed if p not in folders and not p.startswith(owned)] == []
    after = {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and "case-index" not in p.parts
    }
    assert after == before
    # And the newer version reads them all.
    assert "Ayşe Kaya" in run("uaction", "profile")
    assert "101/24" in run("uaction", "cases", "--all")
    assert "ambassador" in run("uaction", "log", "list").lower()
    shown = run("uaction-desktop", "--self-test")
    assert f"uaction-desktop {newer}: the window opened with 2 case(s) listed" in shown
    assert "and 1 letter draft(s) kept" in shown
