"""Paper follows the writer's country until they choose (issue 11, item 5): a profile in the
United States got A4 letters, packs and preferences."""

from __future__ import annotations

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
