"""Installing a newer version over an older one (pip) keeps the profile, the user's cases, letter
drafts and the action log, and the newer version reads them all.

Two wheels of this tree, the second with a higher version, are installed one after the other
into a fresh venv (its dependencies from the Python running the tests, so no download), with the
user's folders where platformdirs puts them (XDG folders inside tmp_path, no portable mode).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO
from uaction_desktop import __version__

OWN_CASE = FIXTURES / "cases" / "valid" / "ua-101-24-testland.toml"


def wheel(tmp_path: Path, version: str) -> Path:
    tree = tmp_path / f"src-{version}"
    for part in ("uaction_desktop", "resources", "cases"):
        shutil.copytree(REPO / part, tree / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / part, tree / part)
    init = tree / "uaction_desktop" / "__init__.py"
    init.write_text(
        re.sub(r'__version__ = "[^"]+"', f'__version__ = "{version}"', init.read_text()), "utf-8"
    )
    out = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(tree)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob(f"uaction_desktop-{version}-*.whl")
    return built


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@pytest.mark.slow
def test_pip_upgrade_keeps_profile_cases_drafts_and_log(tmp_path: Path) -> None:
    old, new = __version__, f"{__version__}.post1"
    old_wheel, new_wheel = wheel(tmp_path, old), wheel(tmp_path, new)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    (site,) = env_dir.glob("lib/python*/site-packages")
    # The dependencies come from the Python running the tests, through a .pth file that is
    # there only while the app runs: pip must see the venv alone (the test Python may have its
    # own uaction-desktop installed, which pip must neither count nor touch).
    deps = site / "dependencies.pth"
    shared = "\n".join(p for p in sys.path if p.endswith("site-packages"))
    users = tmp_path / "user"
    env = {k: v for k, v in os.environ.items() if k not in ("UACTION_HOME", "PYTHONPATH")}
    env |= {
        "HOME": str(users),
        "XDG_CONFIG_HOME": str(users / ".config"),
        "XDG_DATA_HOME": str(users / ".local" / "share"),
        "XDG_STATE_HOME": str(users / ".local" / "state"),
        "XDG_CACHE_HOME": str(users / ".cache"),
    }

    def pip_install(target: Path) -> None:
        deps.unlink(missing_ok=True)
        subprocess.run(
            [
                *(sys.executable, "-m", "pip", "--python", str(python), "install", "-q"),
                *("--no-deps", "--no-index", "--upgrade", str(target)),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        deps.write_text(shared + "\n", encoding="utf-8")

    def run(*code_or_args: str, module: str = "uaction_desktop.cli") -> str:
        args = ["-c", code_or_args[0]] if module == "-c" else ["-m", module, *code_or_args]
        done = subprocess.run(
            [str(python), *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    pip_install(old_wheel)
    assert run("--version").strip() == f"uaction {old}"
    paths = json.loads(
        run(
            "import json; from uaction_desktop.paths import app_paths; p = app_paths();"
            "import uaction_desktop as u;"
            "print(json.dumps({'cases': str(p.cases_dir), 'drafts': str(p.drafts_dir),"
            "'code': u.__file__}))",
            module="-c",
        )
    )
    assert paths["code"].startswith(str(site))  # the installed wheel, not this checkout
    assert paths["cases"].startswith(str(users))  # platformdirs' own folders, in tmp_path
    run("profile", "--name", "Ayşe Kaya", "--address", "Bahnhofstraße 4", "--country", "Germany")
    Path(paths["cases"]).mkdir(parents=True)
    shutil.copy2(OWN_CASE, Path(paths["cases"]) / OWN_CASE.name)
    run(
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
    run(
        "from pathlib import Path; from uaction_desktop.drafts import DraftStore;"
        f"DraftStore(Path({paths['drafts']!r})).save('63/18', 'ambassador', 'My own words.')",
        module="-c",
    )
    before = snapshot(users)
    assert len(before) >= 4  # profile, case, draft, log

    pip_install(new_wheel)
    assert run("--version").strip() == f"uaction {new}"
    assert snapshot(users) == before  # nothing rewritten, nothing removed
    assert "Ayşe Kaya" in run("profile")
    assert "101/24" in run("cases", "--all")
    assert "63/18" in run("log", "list")
    assert "My own words." in run(
        "from pathlib import Path; from uaction_desktop.drafts import DraftStore;"
        f"print(DraftStore(Path({paths['drafts']!r})).load('63/18', 'ambassador').body)",
        module="-c",
    )
