"""One letter from the command line loads only what it needs: ReportLab's web-address pattern
is compiled only if a word needs it, and only the fonts printed with are read; the page is
the same either way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUNDLED_CASE

REPO = BUNDLED_CASE.parents[1]


def run_python(code: str, home: Path) -> str:
    env = dict(os.environ, UACTION_HOME=str(home), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_letter_reads_two_fonts_and_defers_the_address_pattern(
    isolated_home: Path, tmp_path: Path
) -> None:
    out = tmp_path / "letter.pdf"
    code = (
        "import sys\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from uaction_desktop.cli import main\n"
        "assert main(['--today', '2018-04-02', 'letter', '63/18', '--to', '1', "
        f"'--sender-name', 'A Writer', '--sender-address', 'Elm', '-o', {str(out)!r}]) == 0\n"
        "from reportlab.platypus import paragraph\n"
        "from uaction_desktop.pdf.platypus import DeferredPattern\n"
        "print(sorted(pdfmetrics.getRegisteredFontNames()))\n"
        "print(isinstance(paragraph.uri_pat, DeferredPattern), paragraph.uri_pat._compiled)\n"
        "m = paragraph.uri_pat.match('https://example.org/a/b')\n"
        "print(m.group(1), type(paragraph.uri_pat._compiled).__name__)\n"
    )
    lines = run_python(code, isolated_home).splitlines()
    assert out.read_bytes().startswith(b"%PDF")
    assert lines[-3] == "['LiberationSerif', 'LiberationSerif-Bold']"
    assert lines[-2] == "True None"  # nothing in this letter needed it
    assert lines[-1] == "https:// Pattern"  # ReportLab's own pattern, once asked for


def test_a_character_the_serif_lacks_brings_in_the_fallback_font(isolated_home: Path) -> None:
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from uaction_desktop.pdf import fonts\n"
        "before = set(pdfmetrics.getRegisteredFontNames())\n"
        "print([r.font for r in fonts.runs('Dear Ա', fonts.SERIF)])\n"
        "print(sorted(set(pdfmetrics.getRegisteredFontNames()) - before))\n"
    )
    used, added = run_python(code, isolated_home).splitlines()
    assert used == "['LiberationSerif', 'DejaVuSans']"
    assert added == "['DejaVuSans', 'LiberationSerif', 'LiberationSerif-Bold']"  # no others


def test_a_named_command_alone_is_set_up_and_parses_the_same() -> None:
    import argparse
    import importlib
    import pkgutil

    from uaction_desktop import cli, commands

    modules = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    for module in modules:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"{commands.__name__}.{module}").register(subparsers)
        (command,) = subparsers.choices
        assert cli._named_module(["--home", "x", command, "--help"], modules) == module
        assert cli._named_module(["--today=2024-01-01", command], modules) == module
    assert cli._named_module(["--help", "show"], modules) is None
    assert cli._named_module(["shwo"], modules) is None
    argv = ["--today", "2018-04-02", "letter", "63/18", "--to", "1", "-o", "x.pdf", "--text"]
    alone, whole = cli.build_parser(argv), cli.build_parser()
    assert vars(alone.parse_args(argv)).keys() == vars(whole.parse_args(argv)).keys()
    assert str(vars(alone.parse_args(argv))) == str(vars(whole.parse_args(argv)))


def test_show_loads_no_other_command(isolated_home: Path) -> None:
    code = (
        "import sys\n"
        "from uaction_desktop.cli import main\n"
        "assert main(['show', '63/18']) == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('uaction_desktop.commands.')))\n"
    )
    assert run_python(code, isolated_home).splitlines()[-1] == "['uaction_desktop.commands.show']"
