"""A briefing is in the language of the pack's letters, as the window's case view reads it."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from uaction_desktop.cli import main

ACTIVE = ["--today", "2018-04-02"]  # UA 63/18 is active on this day


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def pack(tmp_path: Path, *extra: str) -> tuple[str, list[str]]:
    """The briefing page's text and the letters' pages of a pack of UA 63/18."""
    out = tmp_path / "pack.pdf"
    argv = [*ACTIVE, "pack", "--case", "63/18", "--no-cover", *extra, "-o", str(out)]
    assert main(argv) == 0
    text = pages(out)
    return text[0], text[1:]


def profile(*argv: str) -> None:
    assert main(["profile", "--name", "Marie Dupont", "--address", "3 rue X", *argv]) == 0


def test_french_profile_french_briefing(tmp_path: Path, isolated_home: Path, capsys) -> None:
    profile("--address", "69001 Lyon", "--country", "France", "--language", "fr")
    briefing, letters = pack(tmp_path)
    assert any("Monsieur le Procureur général," in page for page in letters)
    assert "Monsieur le Procureur général" in briefing  # the salutation the letters open with
    assert "Dear Prosecutor General" not in briefing
    assert "Une femme détenue pour avoir consulté" in briefing  # the French title
    assert "Woman detained" not in briefing
    assert "libérer immédiatement et sans condition" in " ".join(briefing.split())  # the asks


def test_english_letters_keep_the_english_briefing(tmp_path, isolated_home, capsys) -> None:
    profile("--address", "69001 Lyon", "--country", "France", "--language", "fr")
    briefing, letters = pack(tmp_path, "--language", "en")
    assert any("Dear Prosecutor General," in page for page in letters)
    assert "Dear Prosecutor General" in briefing
    assert "Monsieur" not in briefing


@pytest.mark.parametrize("language", ["es", "de"])
def test_each_translation(tmp_path, isolated_home, capsys, language: str) -> None:
    profile("--address", "Leeds LS1 1AA", "--country", "United Kingdom")
    briefing, letters = pack(tmp_path, "--language", language)
    assert "Dear Prosecutor General" not in briefing
    own = {
        "es": "Excelentísimo Señor Fiscal General",
        "de": "Sehr geehrter Herr Generalstaatsanwalt",
    }
    assert own[language] in letters[0]
    assert own[language] in briefing


def test_the_cover_lists_the_title_the_briefing_gives(tmp_path, isolated_home, capsys) -> None:
    profile("--address", "69001 Lyon", "--country", "France", "--language", "fr")
    out = tmp_path / "pack.pdf"
    assert main([*ACTIVE, "pack", "--case", "63/18", "-o", str(out)]) == 0
    cover = " ".join(pages(out)[0].split())
    assert "Une femme détenue" in cover
    assert "Woman detained" not in cover
