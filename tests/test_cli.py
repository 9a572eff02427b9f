"""The ``uaction`` command line, driven through ``cli.main`` with real files in tmp_path."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from uaction_desktop import __version__, atomic
from uaction_desktop.cli import main
from uaction_desktop.compose import SOCIAL_LIMIT

CASES = Path(__file__).resolve().parent / "fixtures" / "cases"
REPO = Path(__file__).resolve().parent.parent
ACTIVE = ["--today", "2018-04-02"]  # UA 63/18 is active on this day
SENDER = ("--sender-name", "Jane Doe", "--sender-address", "12 Elm Street")
EXPIRED = ["--today", "2026-11-28"]
JANE = ["--sender-name", "Jane Doe", "--sender-address", "12 Elm Street"]
JANE += ["--sender-address", "Springfield, IL 62701"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str, *fragments: str) -> None:
    assert err.startswith("uaction: ")
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


def pdf_text(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [page.extract_text() for page in reader.pages]


# --------------------------------------------------------------------------- start-up


def test_version_from_a_real_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "UACTION_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "uaction_desktop", "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"uaction {__version__}\n"
    assert done.stderr == ""
    assert not (tmp_path / "home").exists()  # --version touches nothing


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys)
    assert code == 2
    assert "usage: uaction" in out
    for command in ("cases", "show", "letter", "check"):
        assert command in out


# --------------------------------------------------------------------------- cases


def test_cases_by_default_shows_only_active_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *EXPIRED, "cases")
    assert (code, err) == (0, "")
    assert out == "No active cases; 1 expired or closed (see: uaction cases --all).\n"
    code, out, _err = run(capsys, "cases")  # the real today: UA 63/18 expired long ago
    assert out.startswith("No active cases")


def test_cases_on_a_day_the_case_is_active(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ACTIVE, "cases")
    assert (code, err) == (0, "")
    assert out == (
        "UA 63/18     2018-06-08  67 days left                 "
        "Kazakhstan: Woman detained for reading opposition website\n"
    )


def test_cases_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *EXPIRED, "cases", "--all")
    assert (code, err) == (0, "")
    (line,) = out.splitlines()
    assert line.split()[:4] == ["UA", "63/18", "2018-06-08", "expired"]
    assert line.endswith("Kazakhstan: Woman detained for reading opposition website")


def test_cases_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, *EXPIRED, "cases", "--json")
    assert (code, json.loads(out)) == (0, [])
    code, out, _err = run(capsys, *EXPIRED, "cases", "--all", "--json")
    (entry,) = json.loads(out)
    assert (entry["ua"], entry["status"], entry["deadline"]) == ("63/18", "expired", "2018-06-08")
    code, out, _err = run(capsys, *ACTIVE, "cases", "--json")
    assert [e["status"] for e in json.loads(out)] == ["active"]


def test_cases_lists_the_users_cases_and_reports_broken_ones(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    user_cases = isolated_home / "data" / "cases"
    user_cases.mkdir(parents=True)
    for path in (CASES / "valid").glob("*.toml"):
        shutil.copy(path, user_cases / path.name)
    shutil.copy(CASES / "broken" / "bad-email.toml", user_cases / "broken.toml")
    code, out, err = run(capsys, "--today", "2024-07-02", "cases", "--all")
    assert code == 0
    assert [line.split()[1] for line in out.splitlines()] == ["63/18", "101/24"]
    assert "closed" in out.splitlines()[1]
    assert err == (
        f"problem: {user_cases / 'broken.toml'}:15: officials[0].emails[1]: "
        "'kzconsuldc at gmail.com' is not an email address\n"
    )


# --------------------------------------------------------------------------- show


def test_show_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *EXPIRED, "show", "63/18")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "UA 63/18  EUR 57/8122/2018"
    assert lines[1] == "Woman detained for reading opposition website"
    assert "Country:  Kazakhstan" in lines
    assert "Issued:   2018-03-27" in lines
    assert "Deadline: 2018-06-08 (expired)" in lines
    assert "People:   Akmaral Tobylova (f)" in lines
    assert "  1. [prosecutor-general] Prosecutor General Kairat Kozhamzharov" in lines
    assert "  2. [ambassador] Ambassador Erzhan Kazykhanov" in lines
    for line in (
        "14 Orynbor Street",
        "Astana, 010000",
        "Republic of Kazakhstan",
        "Fax: +7 7172 506 402",
        "Salutation: Dear Prosecutor General",
        "Embassy of the Republic of Kazakhstan",
        "1401 16th St NW",
        "Washington DC 20036",
        "Phone: 1 202 232 5488",
        "Email: washington@mfa.kz, kzconsuldc@gmail.com",
        "Salutation: Dear Ambassador",
    ):
        assert f"       {line}" in lines
    assert lines[-1] == "Report your action as: UA 63.18"
    code, out, _err = run(capsys, *ACTIVE, "show", "UA 63.18")
    assert "Deadline: 2018-06-08 (active, 67 days left)" in out


def test_show_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *EXPIRED, "show", "63/18", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    for key in ("ua", "index", "title", "country", "issued", "deadline", "status", "people"):
        assert key in data
    assert data["ua"] == "63/18"
    assert data["index"] == "EUR 57/8122/2018"
    assert data["title"] == "Woman detained for reading opposition website"
    assert data["country"] == "Kazakhstan"
    assert (data["issued"], data["deadline"], data["status"]) == (
        "2018-03-27",
        "2018-06-08",
        "expired",
    )
    assert data["people"] == [{"name": "Akmaral Tobylova", "gender": "f"}]
    assert len(data["asks"]) == 3
    assert data["asks"][0].startswith("Urging them to immediately and unconditionally release")
    prosecutor, ambassador = data["officials"]
    wanted = {"id", "title", "name", "organisation", "address", "fax", "phone", "emails"}
    assert wanted | {"salutation"} <= set(prosecutor)
    assert {k: prosecutor[k] for k in [*sorted(wanted), "salutation"]} == {
        "address": ["14 Orynbor Street", "Astana, 010000", "Republic of Kazakhstan"],
        "emails": [],
        "fax": "+7 7172 506 402",
        "id": "prosecutor-general",
        "name": "Kairat Kozhamzharov",
        "organisation": "",
        "phone": "",
        "title": "Prosecutor General",
        "salutation": "Dear Prosecutor General",
    }
    assert {k: ambassador[k] for k in [*sorted(wanted), "salutation"]} == {
        "address": ["1401 16th St NW", "Washington DC 20036"],
        "emails": ["washington@mfa.kz", "kzconsuldc@gmail.com"],
        "fax": "",
        "id": "ambassador",
        "name": "Erzhan Kazykhanov",
        "organisation": "Embassy of the Republic of Kazakhstan",
        "phone": "1 202 232 5488",
        "title": "Ambassador",
        "salutation": "Dear Ambassador",
    }


def test_show_unknown_case(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "show", "99/99")
    assert (code, out) == (1, "")
    assert_one_line_error(err, "no case UA 99/99")


# --------------------------------------------------------------------------- letter


@pytest.mark.parametrize("to", ["1", "2", "prosecutor-general", "ambassador"])
@pytest.mark.parametrize("layout", ["a4-din-b", "letter-no10"])
def test_letter_pdf_for_each_official_and_layout(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, to: str, layout: str
) -> None:
    output = tmp_path / f"letter-{to}-{layout}.pdf"
    code, out, err = run(
        capsys, *ACTIVE, "letter", "63/18", "--to", to, "--layout", layout, *JANE, "-o", str(output)
    )
    assert (code, err) == (0, "")
    assert out == f"{output}: 1 page\n"
    (text,) = pdf_text(output)
    salutation = (
        "Dear Prosecutor General," if to in ("1", "prosecutor-general") else ("Dear Ambassador,")
    )
    assert salutation in text
    assert "Jane Doe" in text and "Springfield, IL 62701" in text
    assert ("2 April 2018" if layout == "a4-din-b" else "April 2, 2018") in text
    page = pypdf.PdfReader(output).pages[0].mediabox
    assert round(float(page.width)) == (595 if layout == "a4-din-b" else 612)


def test_letter_uses_the_profile_and_flags_override_it(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(
        'name = "Zoë Profile"\naddress = ["1 Profile Road"]\ncountry = "Germany"\n'
        'layout = "letter-no10"\n',
        encoding="utf-8",
    )
    code, out, _err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "2", "--text")
    assert code == 0
    # Writing from Germany to Washington: the return address names the country too.
    assert out.startswith("Zoë Profile\n1 Profile Road\nGERMANY\n\nApril 2, 2018\n")
    assert "I am writing to you from Germany" in out
    assert "Washington DC 20036\nVEREINIGTE STAATEN\n" in out  # from abroad, in German (UPU)
    code, out, _err = run(
        capsys,
        *ACTIVE,
        "letter",
        "63/18",
        "--to",
        "2",
        "--text",
        "--sender-name",
        "Bob",
        "--sender-country",
        "United States",
        "--layout",
        "a4-din-b",
    )
    assert out.startswith("Bob\n1 Profile Road\n\n2 April 2018\n")
    assert "Washington DC 20036\n\n" in out
    assert out.endswith("Yours sincerely,\n\nBob\n")


def test_letter_text(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "--text", *JANE)
    assert (code, err) == (0, "")
    assert out.startswith(
        "Jane Doe\n12 Elm Street\nSpringfield, IL 62701\n\n2 April 2018\n\n"
        "Prosecutor General Kairat Kozhamzharov\n14 Orynbor Street\nAstana, 010000\n"
        "KAZAKHSTAN\n\nDear Prosecutor General,\n\n"
    )
    assert "I urge you to immediately and unconditionally release Akmaral Tobylova" in out
    output = tmp_path / "letter.txt"
    code, out2, _err = run(
        capsys, *ACTIVE, "letter", "63/18", "--to", "1", "--text", *JANE, "-o", str(output)
    )
    assert (code, out2) == (0, "")
    assert output.read_text(encoding="utf-8") == out


def test_letter_personal_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(
        capsys,
        *ACTIVE,
        "letter",
        "63/18",
        "--to",
        "1",
        "--text",
        "--personal-line",
        "I am a graphic designer too.",
    )
    assert code == 0
    assert "\n\nI am a graphic designer too.\n\nThank you" in out


def test_channel_email(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, *ACTIVE, "letter", "63/18", "--to", "ambassador", "--channel", "email", *JANE
    )
    assert (code, err) == (0, "")
    assert out.startswith(
        "To: washington@mfa.kz, kzconsuldc@gmail.com\n"
        "Subject: Appeal on behalf of Akmaral Tobylova (Kazakhstan)\n\nDear Ambassador,\n\n"
    )
    assert out.endswith("Yours sincerely,\nJane Doe\n12 Elm Street\nSpringfield, IL 62701\n")


def test_channel_phone(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "call.txt"
    code, out, err = run(
        capsys, *ACTIVE, "letter", "63/18", "--to", "2", "--channel", "phone", "-o", str(output)
    )
    assert (code, out, err) == (0, "", "")
    script = output.read_text(encoding="utf-8")
    assert script.startswith("Call Ambassador Erzhan Kazykhanov on 1 202 232 5488.\n")


def test_channel_social(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "2", "--channel", "social")
    assert (code, err) == (0, "")
    assert out.endswith(" #Kazakhstan\n")
    assert len(out.rstrip("\n")) <= SOCIAL_LIMIT
    assert out.startswith("I urge the Ambassador of Kazakhstan to ")


def test_channel_fax(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "fax.pdf"
    code, out, err = run(
        capsys,
        *ACTIVE,
        "letter",
        "63/18",
        "--to",
        "1",
        "--channel",
        "fax",
        *JANE,
        "-o",
        str(output),
    )
    assert (code, err) == (0, "")
    assert out == f"{output}: 2 pages\n"
    cover, letter = pdf_text(output)
    assert "+7 7172 506 402" in cover and "2 (including this cover page)" in cover
    assert "Dear Prosecutor General," in letter


def test_an_expired_case_still_writes_with_a_warning(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "late.pdf"
    code, out, err = run(
        capsys, *EXPIRED, "letter", "63/18", "--to", "1", *SENDER, "-o", str(output)
    )
    assert (code, out) == (0, f"{output}: 1 page\n")
    assert err == (
        "warning: UA 63/18 is expired; check with the organisation for an update before sending\n"
    )
    assert output.read_bytes().startswith(b"%PDF-")


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("argv", "code", "fragments"),
    [
        (["letter", "63/18"], 2, ["letter: the following arguments are required: --to"]),
        (["letter", "63/18", "--to", "1"], 2, ["a PDF needs --output FILE"]),
        (["letter", "63/18", "--to", "1", "--layout", "a5"], 2, ["invalid choice: 'a5'"]),
        (["letter", "63/18", "--to", "1", "--channel", "pigeon"], 2, ["invalid choice"]),
        (["bogus"], 2, ["invalid choice: 'bogus'"]),
        (["cases", "--everything"], 2, ["unrecognized arguments: --everything"]),
        (["--today", "2018-13-01", "cases"], 2, ["--today: '2018-13-01' is not a date"]),
        (["letter", "63/18", "--to", "9", "--text"], 1, ["UA 63/18 has no official '9'"]),
        (["letter", "64/18", "--to", "1", "--text"], 1, ["no case UA 64/18"]),
        (
            ["letter", "63/18", "--to", "2", "--channel", "fax", "-o", "x.pdf"],
            1,
            ["Ambassador Erzhan Kazykhanov has no fax number in this case"],
        ),
        (
            ["letter", "63/18", "--to", "1", "--channel", "email"],
            1,
            ["Prosecutor General Kairat Kozhamzharov has no email address"],
        ),
        (
            ["letter", "63/18", "--to", "1", "--channel", "phone"],
            1,
            ["has no phone number"],
        ),
        (  # in the interface language, like every other message
            ["--lang", "de", "letter", "63/18", "--to", "2", "--channel", "fax", "-o", "x.pdf"],
            1,
            ["für Ambassador Erzhan Kazykhanov ist in diesem Fall keine Faxnummer angegeben"],
        ),
    ],
)
def test_errors_are_one_line_with_the_right_exit_code(
    capsys: pytest.CaptureFixture[str], argv: list[str], code: int, fragments: list[str]
) -> None:
    got, out, err = run(capsys, *ACTIVE, *argv)
    assert got == code
    assert out == ""
    assert_one_line_error(err, *fragments)


def test_usage_error_points_at_help(capsys: pytest.CaptureFixture[str]) -> None:
    _code, _out, err = run(capsys, "letter", "63/18")
    assert err.rstrip().endswith("(see: uaction letter --help)")


def test_a_broken_profile_is_moved_aside_in_one_line_and_the_command_goes_on(
    capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    (isolated_home / "config").mkdir(parents=True)
    profile = isolated_home / "config" / "profile.toml"
    profile.write_text("name = 3\n", encoding="utf-8")
    code, out, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "--text")
    assert code == 0 and "Kozhamzharov" in out
    first = err.splitlines()[0]
    assert str(profile) in first and "name must be text" in first and "moved to" in first
    assert not profile.exists()


# --------------------------------------------------------------------------- failed exports


def test_output_into_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    output = tmp_path / "no-such-folder" / "letter.pdf"
    code, out, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "-o", str(output))
    assert (code, out) == (1, "")
    assert_one_line_error(err, f"cannot write {output}: No such file or directory")
    assert not output.parent.exists()


def test_output_onto_a_folder_leaves_it_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "yesterday.pdf").write_bytes(b"%PDF-yesterday")
    code, out, err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "-o", str(folder))
    assert (code, out) == (1, "")
    assert_one_line_error(err, f"cannot write {folder}: it is a folder, not a file")
    assert sorted(p.name for p in folder.iterdir()) == ["yesterday.pdf"]
    assert (folder / "yesterday.pdf").read_bytes() == b"%PDF-yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters"]  # no temp file left


@pytest.mark.parametrize("channel", ["letter", "email"])
def test_a_failed_write_leaves_the_existing_file_untouched(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    channel: str,
) -> None:
    output = tmp_path / "out"
    output.write_bytes(b"the previous export")

    def disk_full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    code, out, err = run(
        capsys, *ACTIVE, "letter", "63/18", "--to", "2", "--channel", channel, "-o", str(output)
    )
    assert (code, out) == (1, "")
    assert_one_line_error(err, f"cannot write {output}: No space left on device")
    assert output.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_successful_export_replaces_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "letter.pdf"
    output.write_bytes(b"old")
    code, _out, _err = run(capsys, *ACTIVE, "letter", "63/18", "--to", "1", "-o", str(output))
    assert code == 0
    assert output.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


# --------------------------------------------------------------------------- check


def test_check_a_valid_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = REPO / "cases" / "ua-63-18-kazakhstan.toml"
    code, out, err = run(capsys, "check", str(path))
    assert (code, err) == (0, "")
    assert out == f"{path}: ok (UA 63/18)\n"


def test_check_prints_every_problem_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    broken = CASES / "broken" / "many-problems.toml"
    good = CASES / "valid" / "ua-101-24-testland.toml"
    code, out, err = run(capsys, "check", str(good), str(broken))
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == f"{good}: ok (UA 101/24)"
    assert len(lines) == 13
    assert f"{broken}:2: ua: 'sixty-three' is not a UA number such as 63/18" in lines
    assert all(line.startswith(f"{broken}:") for line in lines[1:])


def test_check_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "check", str(CASES / "valid"))
    assert code == 0
    assert len(out.splitlines()) == 3
    code, out, _err = run(capsys, "check", str(CASES / "broken"))
    assert code == 1
    assert out.count("syntax-error.toml:3: not valid TOML") == 1
    code, out, _err = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert out == f"{tmp_path}: no case files (*.toml) in this folder\n"
    code, out, _err = run(capsys, "check", str(tmp_path / "missing.toml"))
    assert code == 1
    assert "cannot read the file: No such file or directory" in out


# --------------------------------------------------------------------------- portable mode


def test_home_flag_is_portable_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_home: Path
) -> None:
    stick = tmp_path / "usb-stick"
    (stick / "data" / "cases").mkdir(parents=True)
    (stick / "config").mkdir()
    shutil.copy(CASES / "valid" / "ua-101-24-testland.toml", stick / "data" / "cases")
    (stick / "config" / "profile.toml").write_text('name = "Stick User"\n', encoding="utf-8")
    code, out, _err = run(capsys, "--home", str(stick), "--today", "2024-05-10", "cases")
    assert code == 0
    assert out.split()[:2] == ["UA", "101/24"]
    code, out, _err = run(
        capsys,
        "--home",
        str(stick),
        "--today",
        "2024-05-10",
        "letter",
        "101/24",
        "--to",
        "minister",
        "--text",
    )
    assert out.startswith("Stick User\n")
    # UACTION_HOME (set by the test fixture) is not used when --home is given...
    assert not isolated_home.exists()
    # ...and without --home it is: there, the stick's case does not exist.
    code, _out, err = run(capsys, "show", "101/24")
    assert code == 1
    assert_one_line_error(err, "no case UA 101/24")


def test_uaction_home_environment_is_portable_mode(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "portable"
    (home / "data" / "cases").mkdir(parents=True)
    shutil.copy(CASES / "valid" / "ua-101-24-testland.toml", home / "data" / "cases")
    monkeypatch.setenv("UACTION_HOME", str(home))
    code, out, _err = run(capsys, "show", "101/24", "--json")
    assert code == 0
    assert json.loads(out)["file"] == str(
        home.resolve() / "data" / "cases" / "ua-101-24-testland.toml"
    )


def test_profile_command_sets_and_shows_the_profile(isolated_home: Path, capsys) -> None:
    assert (
        main(
            [
                "profile",
                "--name",
                "Ana Nowak",
                "--address",
                "ul. Długa 5",
                "--address",
                "00-001 Warszawa",
                "--country",
                "PL",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "name:     Ana Nowak" in out
    assert main(["--today", "2018-04-02", "letter", "63/18", "--to", "2", "--text"]) == 0
    letter = capsys.readouterr().out
    assert letter.startswith("Ana Nowak\nul. Długa 5\n00-001 Warszawa\nPOLAND\n")


def test_text_channels_refuse_a_pdf_name_and_unsigned_letters_are_warned(
    isolated_home: Path, tmp_path: Path, capsys
) -> None:
    code = main(
        ["letter", "63/18", "--to", "2", "--channel", "phone", "-o", str(tmp_path / "x.pdf")]
    )
    assert code == 1
    assert "name the file .txt" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert main(["letter", "63/18", "--to", "1", "-o", str(tmp_path / "l.pdf")]) == 0
    assert "no sender name or address" in capsys.readouterr().err
