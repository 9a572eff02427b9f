"""Paper follows the writer's country until they choose (issue 11, item 5): a profile in the
United States got A4 letters, packs and preferences."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pypdf
import pytest

from tests.conftest import BUNDLED_CASE
from uaction_desktop.cli import main
from uaction_desktop.library import CaseLibrary
from uaction_desktop.pack import PackOptions, build_pack
from uaction_desktop.paper import paper_for_country
from uaction_desktop.profile import SenderProfile, load_profile, save_profile

LETTER_WIDTH_PT = 612  # 8.5 in
A4_WIDTH_PT = 595.28


@pytest.mark.parametrize(
    "country", ["United States", "USA", "US", "Canada", "Mexico", "Philippines", "Chile"]
)
def test_letter_paper_countries(country: str) -> None:
    assert paper_for_country(country) == "letter-no10"


@pytest.mark.parametrize("country", ["United Kingdom", "Germany", "Kazakhstan", "", "Narnia"])
def test_a4_elsewhere(country: str) -> None:
    assert paper_for_country(country) == "a4-din-b"


def test_the_profile_follows_its_country_until_a_paper_is_chosen(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    us = SenderProfile(name="Jane", address=("1 Main St",), country="United States")
    save_profile(path, us)
    loaded = load_profile(path)
    assert loaded.paper == "letter-no10"
    assert loaded.effective_closing() == "Sincerely,"
    assert loaded.effective_locale() == "en_US"
    moved = loaded.with_overrides(country="Germany")
    assert moved.paper == "a4-din-b"  # not stuck on the paper it had when first saved
    chosen = loaded.with_overrides(layout="a4-din-b")
    save_profile(path, chosen)
    assert load_profile(path).paper == "a4-din-b"  # the user's choice wins over the country


def test_a_pack_from_a_us_profile_is_on_letter_paper(tmp_path: Path) -> None:
    profile = SenderProfile(name="Jane", address=("1 Main St", "Springfield"), country="US")
    library = CaseLibrary.load([], bundled=BUNDLED_CASE.parent)
    options = PackOptions(cases=("63/18",), cover=False, briefings=False)
    result = build_pack(options, library, profile, tmp_path / "p.pdf", today=date(2018, 4, 2))
    page = pypdf.PdfReader(result.path).pages[0]
    assert float(page.mediabox.width) == pytest.approx(LETTER_WIDTH_PT, abs=0.5)


def test_uaction_letter_from_a_us_profile_is_on_letter_paper(
    tmp_path: Path, isolated_home: Path, capsys
) -> None:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(
        'name = "Jane"\naddress = ["1 Main St"]\ncountry = "United States"\n', encoding="utf-8"
    )
    out = tmp_path / "l.pdf"
    assert main(["--today", "2018-04-02", "letter", "63/18", "--to", "1", "-o", str(out)]) == 0
    page = pypdf.PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(LETTER_WIDTH_PT, abs=0.5)
    assert main(["profile"]) == 0
    assert "letter-no10 (the usual paper where you write from)" in capsys.readouterr().out


# An earlier version's profile: it wrote its default paper whether or not the writer chose it.
OLD_US_PROFILE = (
    'name = "Jane"\naddress = ["1 Main St"]\ncountry = "United States"\nlayout = "a4-din-b"\n'
)


def test_an_earlier_versions_a4_default_gives_way_to_letter_once_and_says_so(
    tmp_path: Path, isolated_home: Path, capsys
) -> None:
    path = isolated_home / "config" / "profile.toml"
    path.parent.mkdir(parents=True)
    path.write_text(OLD_US_PROFILE, encoding="utf-8")
    out = tmp_path / "l.pdf"
    assert main(["--today", "2018-04-02", "letter", "63/18", "--to", "1", "-o", str(out)]) == 0
    page = pypdf.PdfReader(out).pages[0]
    assert float(page.mediabox.width) == pytest.approx(LETTER_WIDTH_PT, abs=0.5)
    told = capsys.readouterr().err
    assert "Letters now go on US Letter, No. 10 window envelope paper" in told
    assert "uaction profile --layout a4-din-b" in told
    assert "layout_chosen = false" in path.read_text(encoding="utf-8")  # upgraded in the file
    assert main(["profile"]) == 0
    shown = capsys.readouterr()
    assert shown.err == ""  # told once only
    assert "letter-no10 (the usual paper where you write from)" in shown.out
    # The writer now chooses A4: that choice is kept from then on.
    assert main(["profile", "--layout", "a4-din-b"]) == 0
    assert load_profile(path).paper == "a4-din-b"
    assert "layout_chosen = true" in path.read_text(encoding="utf-8")
    assert main(["profile"]) == 0
    assert "a4-din-b" in capsys.readouterr().out and load_profile(path).layout == "a4-din-b"


@pytest.mark.parametrize(
    ("text", "paper"),
    [
        # An earlier version's A4 outside the Letter countries: the same paper, nothing to say.
        ('name = "Ana"\ncountry = "Germany"\nlayout = "a4-din-b"\n', "a4-din-b"),
        # Letter was never an earlier version's default: it was chosen, and stays.
        ('name = "Ana"\ncountry = "Germany"\nlayout = "letter-no10"\n', "letter-no10"),
    ],
)
def test_other_earlier_profiles_are_upgraded_silently(tmp_path: Path, text: str, paper) -> None:
    from uaction_desktop.profile import load_and_upgrade

    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    profile, note = load_and_upgrade(path)
    assert (profile.paper, note) == (paper, "")
    assert "layout_chosen" in path.read_text(encoding="utf-8")
    assert load_and_upgrade(path) == (profile, "")


def test_an_earlier_profile_on_read_only_media_is_upgraded_in_memory(
    tmp_path: Path, monkeypatch
) -> None:
    from uaction_desktop import profile as module

    def read_only(path, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(path))

    path = tmp_path / "profile.toml"
    path.write_text(OLD_US_PROFILE, encoding="utf-8")
    monkeypatch.setattr(module, "write_text_atomic", read_only)
    profile, note = module.load_and_upgrade(path)
    assert profile.paper == "letter-no10" and "US Letter" in note
    assert path.read_text(encoding="utf-8") == OLD_US_PROFILE


def test_the_window_tells_an_earlier_us_profile_about_its_paper(qtbot, isolated_home) -> None:
    from uaction_desktop.gui.main_window import MainWindow

    path = isolated_home / "config" / "profile.toml"
    path.parent.mkdir(parents=True)
    path.write_text(OLD_US_PROFILE, encoding="utf-8")
    window = MainWindow(today=date(2018, 4, 2))
    qtbot.addWidget(window)
    assert window.profile.paper == "letter-no10"
    assert "Letters now go on US Letter" in window.statusBar().currentMessage()
