"""Only ``uaction_desktop/gui/`` may use Qt: the core runs (and is tested) without a window."""

from __future__ import annotations

import ast
import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import uaction_desktop

PACKAGE = Path(uaction_desktop.__file__).resolve().parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "shiboken6", "qtpy")


def core_sources() -> list[Path]:
    return sorted(
        path for path in PACKAGE.rglob("*.py") if "gui" not in path.relative_to(PACKAGE).parts
    )


def qt_imports(path: Path) -> list[str]:
    name = path.relative_to(PACKAGE.parent).as_posix()
    return qt_imports_in(path.read_text(encoding="utf-8"), name)


def qt_imports_in(source: str, filename: str) -> list[str]:
    """Every import of a Qt binding in the source: plain, from-, and importlib with a literal."""
    tree = ast.parse(source, filename=filename)
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module",)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names = [node.args[0].value]
        for name in names:
            if name.split(".")[0] in QT_MODULES:
                found.append(f"{filename}:{node.lineno}: {name}")
    return found


def test_the_scan_sees_the_core() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in core_sources()}
    for expected in ("cli.py", "casefile.py", "compose.py", "pdf/letter.py", "commands/letter.py"):
        assert expected in names
    assert not any(name.startswith("gui/") for name in names)


def test_the_scan_finds_qt_imports() -> None:
    source = (
        "import os\nfrom PySide6.QtWidgets import QApplication\nimport PyQt6.QtCore\n"
        "import importlib\nimportlib.import_module('PySide6.QtGui')\n"
        "def later():\n    import shiboken6\n"
    )
    assert qt_imports_in(source, "x.py") == [
        "x.py:2: PySide6.QtWidgets",
        "x.py:3: PyQt6.QtCore",
        "x.py:5: PySide6.QtGui",
        "x.py:7: shiboken6",
    ]


def test_nothing_outside_gui_imports_qt() -> None:
    offenders = [hit for path in core_sources() for hit in qt_imports(path)]
    assert offenders == []


def test_importing_the_core_does_not_load_qt(tmp_path: Path) -> None:
    modules = sorted(
        info.name
        for info in pkgutil.walk_packages([str(PACKAGE)], prefix="uaction_desktop.")
        if ".gui" not in info.name and not info.name.endswith("__main__")
    )
    assert "uaction_desktop.cli" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from uaction_desktop.cli import build_parser\n"
        "build_parser()\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "print(json.dumps(qt))\n"
    )
    env = {**os.environ, "UACTION_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_the_command_line_runs_without_qt(tmp_path: Path) -> None:
    """A whole letter, PDF included, from a process in which Qt cannot even be imported."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    for name in QT_MODULES:
        (blocker / f"{name}.py").write_text("raise ImportError('Qt is not for the core')\n")
    output = tmp_path / "letter.pdf"
    script = (
        "import sys\n"
        "from uaction_desktop.cli import main\n"
        "sys.exit(main(['--today', '2018-04-02', 'letter', '63/18', '--to', '1',"
        f" '--sender-name', 'Jane Doe', '-o', {str(output)!r}]))\n"
    )
    env = {
        **os.environ,
        "UACTION_HOME": str(tmp_path / "home"),
        "PYTHONPATH": os.pathsep.join([str(blocker), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert output.read_bytes().startswith(b"%PDF-")
