"""The sender profile is never lost: unreadable files are moved aside, unknown settings kept,
and locales written as people write them work. (From the second review.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE, REPO
from uaction_desktop.cli import main
from uaction_desktop.profile import ProfileError, SenderProfile, load_profile, save_profile

BROKEN = """name = "Jane Doe"
address = ["12 Elm Street", "Springfield, IL 62701"]
group = "Amnesty International Group 42, Springfield"
closing = "Yours faithfully,
"""  # one missing quote: a typo made while hand-editing


def test_saving_over_an_unreadable_profile_moves_it_aside(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(BROKEN, "utf-8")
    with pytest.raises(ProfileError):
        load_profile(path)
    moved = save_profile(path, SenderProfile(name="Jane Doe", address=("12 Elm Street",)))
    assert moved is not None and moved.parent == tmp_path
    assert moved.read_text("utf-8") == BROKEN
    assert load_profile(path).name == "Jane Doe"
    assert save_profile(path, load_profile(path)) is None  # a readable file is just updated


def test_settings_of_a_newer_version_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('name = "Jane"\naddress = ["1 Elm St"]\nsignature = "J. Doe"\n', "utf-8")
    save_profile(path, load_profile(path).with_overrides(email="jane@example.org"))
    text = path.read_text("utf-8")
    assert 'signature = "J. Doe"' in text and "jane@example.org" in text


@pytest.mark.parametrize(
    ("written", "used"),
    [
        ("en-GB", "en_GB"),
        ("de_de", "de_DE"),
        ("en_GB.UTF-8", "en_GB"),  # as $LANG writes it
        ("de_DE@euro", "de_DE"),
        ("xx_YY", "en_GB"),  # unknown: the layout's usual one
        ("British", "en_GB"),
        ("../../etc", "en_GB"),
    ],
)
def test_locales_as_people_write_them(tmp_path: Path, written: str, used: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(f'name = "J"\naddress = ["1"]\nlocale = "{written}"\n', "utf-8")
    assert load_profile(path).effective_locale() == used


def _letter_with_locale(home: Path, locale: str) -> int:
    config = home / "config"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(f'name = "J"\naddress = ["1"]\nlocale = "{locale}"\n')
    return main(["--today", "2018-04-02", "letter", "63/18", "--to", "1", "--text"])


def test_a_locale_the_app_does_not_have_never_costs_the_profile(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _letter_with_locale(isolated_home, "British") == 0
    out = capsys.readouterr().out
    assert "2 April 2018" in out  # dated in the layout's usual locale
    path = isolated_home / "config" / "profile.toml"
    assert save_profile(path, load_profile(path).with_overrides(email="j@example.org")) is None


def test_a_german_locale_dates_the_letter_in_german(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _letter_with_locale(isolated_home, "de-DE") == 0
    assert "2. April 2018" in capsys.readouterr().out


def test_text_sent_to_a_non_utf8_pipe_is_utf8_not_a_traceback(isolated_home: Path) -> None:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    text = BUNDLED_CASE.read_text("utf-8").replace("Akmaral Tobylova", "Ақмарал Тобылова")
    (cases / "ua-99-18.toml").write_text(text.replace('ua = "63/18"', 'ua = "99/18"'), "utf-8")
    env = dict(os.environ, UACTION_HOME=str(isolated_home), PYTHONIOENCODING="cp1252")
    args = ["--today", "2018-04-02", "letter", "99/18", "--to", "1", "--text"]
    done = subprocess.run(
        [sys.executable, "-m", "uaction_desktop", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Ақмарал Тобылова" in done.stdout.decode("utf-8")
