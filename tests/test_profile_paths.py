"""Where files live (platformdirs or portable mode), the sender profile, and atomic writes."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
import pytest

from uaction_desktop import atomic
from uaction_desktop.atomic import write_bytes_atomic, write_text_atomic
from uaction_desktop.paths import APP_NAME, HOME_ENV, app_paths
from uaction_desktop.profile import ProfileError, SenderProfile, load_profile, save_profile

# --------------------------------------------------------------------------- paths


def test_portable_mode_from_the_environment(isolated_home: Path) -> None:
    paths = app_paths()
    root = isolated_home.resolve()
    assert paths.config_dir == root / "config"
    assert paths.data_dir == root / "data"
    assert paths.cases_dir == root / "data" / "cases"
    assert paths.log_dir == root / "logs"
    assert paths.profile_file == root / "config" / "profile.toml"
    assert paths.settings_file == root / "config" / "settings.toml"
    assert paths.action_log_file.parent == root / "data"
    assert paths.drafts_dir == root / "data" / "drafts"


def test_home_argument_wins_over_the_environment(tmp_path: Path) -> None:
    stick = tmp_path / "usb-stick"
    paths = app_paths(stick)
    assert paths.config_dir == stick.resolve() / "config"
    assert paths.cases_dir == stick.resolve() / "data" / "cases"
    assert paths.log_dir == stick.resolve() / "logs"


def test_relative_home_is_made_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(HOME_ENV, "portable")
    assert app_paths().config_dir == tmp_path.resolve() / "portable" / "config"


def test_platform_folders_without_portable_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HOME_ENV)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    paths = app_paths()
    assert paths.config_dir == Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    assert paths.data_dir == Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    assert paths.cases_dir == paths.data_dir / "cases"
    assert paths.log_dir == Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    if sys.platform.startswith("linux"):  # where the XDG variables decide
        assert paths.config_dir == tmp_path / "xdg-config" / "uaction-desktop"
        assert paths.data_dir == tmp_path / "xdg-data" / "uaction-desktop"
        assert paths.log_dir.is_relative_to(tmp_path)
    # An empty UACTION_HOME means "not set".
    monkeypatch.setenv(HOME_ENV, "")
    assert app_paths() == paths


def test_paths_do_not_create_anything(isolated_home: Path) -> None:
    app_paths()
    assert not isolated_home.exists()


# --------------------------------------------------------------------------- profile


def test_missing_profile_is_the_empty_profile(isolated_home: Path) -> None:
    profile = load_profile(app_paths().profile_file)
    assert profile == SenderProfile()
    assert not profile.is_complete
    assert profile.paper == "a4-din-b"


def test_profile_round_trip_in_the_config_folder(isolated_home: Path) -> None:
    path = app_paths().profile_file
    profile = SenderProfile(
        name="Jane Doe",
        address=("12 Elm Street", "Springfield, IL 62701"),
        email="jane@example.org",
        country="United States",
        group="Amnesty International Group 42, Springfield",
        closing="With respect,",
        layout="letter-no10",
        locale="en_US",
    )
    save_profile(path, profile)  # creates the config folder
    assert path.parent == isolated_home.resolve() / "config"
    assert load_profile(path) == profile
    assert profile.is_complete
    assert sorted(p.name for p in path.parent.iterdir()) == ["profile.toml"]  # no temp files


def test_profile_with_unicode_round_trips(tmp_path: Path) -> None:
    profile = SenderProfile(name="Zoë Łukasiewicz", address=("ул. Ленина 1", "Αθήνα"))
    save_profile(tmp_path / "p.toml", profile)
    assert load_profile(tmp_path / "p.toml") == profile


def test_profile_ignores_fields_from_a_newer_version(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('name = "Jane"\nsignature_image = "sig.png"\n', encoding="utf-8")
    assert load_profile(path) == SenderProfile(name="Jane")


def test_unknown_layout_falls_back_to_a4(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('layout = "a5-folded"\n', encoding="utf-8")
    assert load_profile(path).paper == "a4-din-b"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name = 3\n", "name must be text"),
        ('address = "12 Elm Street"\n', "address must be a list of lines"),
        ("address = [1, 2]\n", "address must be a list of lines"),
        ('name = "unclosed\n', "cannot read the sender profile"),
    ],
)
def test_broken_profile_raises_a_profile_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message) as info:
        load_profile(path)
    assert str(path) in str(info.value)


def test_profile_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_bytes('name = "Zoë"\n'.encode("latin-1"))
    with pytest.raises(ProfileError):
        load_profile(path)


def test_overrides_replace_only_what_is_given() -> None:
    profile = SenderProfile(name="Jane", address=("1 Street",), country="Germany")
    changed = profile.with_overrides(name="Bob", address=None, email=None, layout=None)
    assert changed == SenderProfile(name="Bob", address=("1 Street",), country="Germany")
    changed = profile.with_overrides(address=["2 Road", "Town"], country=None)
    assert changed.address == ("2 Road", "Town")
    assert changed.country == "Germany"
    assert profile.with_overrides(address=[]) == profile


def test_locale_and_closing_follow_the_layout_unless_set() -> None:
    plain = SenderProfile()
    assert plain.effective_locale() == "en_GB"
    assert plain.effective_locale("letter-no10") == "en_US"
    assert plain.effective_closing() == "Yours sincerely,"
    assert plain.effective_closing("letter-no10") == "Sincerely,"
    chosen = SenderProfile(locale="de_DE", closing="Mit freundlichen Grüßen")
    assert chosen.effective_locale("letter-no10") == "de_DE"
    assert chosen.effective_closing("letter-no10") == "Mit freundlichen Grüßen"


# --------------------------------------------------------------------------- atomic writes


def test_atomic_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    write_text_atomic(target, "Zoë")
    assert target.read_text(encoding="utf-8") == "Zoë"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_atomic_write_makes_parents_only_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "c.txt"
    with pytest.raises(FileNotFoundError):
        write_text_atomic(target, "x")
    assert not (tmp_path / "a").exists()
    write_text_atomic(target, "x", make_parents=True)
    assert target.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize("failing", ["fsync", "replace"])
def test_a_failed_write_leaves_the_old_file_and_no_debris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "letter.pdf"
    target.write_bytes(b"the letter from yesterday")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, failing, disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_bytes_atomic(target, b"half a new letter")
    monkeypatch.undo()
    assert target.read_bytes() == b"the letter from yesterday"
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_writing_onto_a_directory_fails_and_leaves_it(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "keep.pdf").write_bytes(b"keep")
    with pytest.raises(OSError):
        write_bytes_atomic(folder, b"x")
    assert (folder / "keep.pdf").read_bytes() == b"keep"
    assert sorted(os.listdir(tmp_path)) == ["letters"]
