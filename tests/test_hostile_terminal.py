"""Outside text never drives the terminal: ESC, BEL, C1 controls and bidi overrides from case
files, imported logs and profiles are printed as visible escapes (``\\x1b``)."""

from __future__ import annotations

import json
import tomllib
import uuid
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_CASE
from uaction_desktop.cli import main
from uaction_desktop.terminal import escaped, json_escaped

DAY = ["--today", "2018-04-02"]
DAY_DATE = date(2018, 4, 2)
# Retitle the terminal, ring its bell, a C1 CSI, then reverse what follows.
EVIL = "\\u001b]0;owned\\u0007\\u009b2J\\u202eevil"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def hostile_case(home: Path) -> None:
    text = BUNDLED_CASE.read_text("utf-8")
    text = text.replace('ua = "63/18"', 'ua = "64/18"')
    text = text.replace(
        'title = "Woman detained for reading opposition website"', f'title = "Title {EVIL}"'
    )
    text = text.replace('name = "Kairat Kozhamzharov"', f'name = "Kairat {EVIL}"')
    text = text.replace('summary = """', f'summary = """Summary {EVIL}\n', 1)
    cases = home / "data" / "cases"
    cases.mkdir(parents=True)
    (cases / "evil.toml").write_text(text, "utf-8")


def assert_shown_not_obeyed(text: str) -> None:
    assert not any(char in text for char in RAW), repr(text[:200])
    assert "\\x1b]0;owned\\x07\\x9b2J\\u202eevil" in text


def test_escaped_shows_what_a_terminal_would_obey() -> None:
    assert (
        escaped("a\x1bb\x07\u202ec\u2066d\x7f\tok\n") == "a\\x1bb\\x07\\u202ec\\u2066d\\x7f\tok\n"
    )
    assert escaped("a\nb", one_line=True) == "a\\nb"
    assert escaped("Şebnem Korur Fincancı, شيرين") == "Şebnem Korur Fincancı, شيرين"
    text = json.dumps({"t": "x\u202ey\x9b"}, ensure_ascii=False)
    assert json.loads(json_escaped(text)) == {"t": "x\u202ey\x9b"}
    assert "\u202e" not in json_escaped(text)


def test_cases_show_and_check_escape_case_text(isolated_home: Path, capsys) -> None:
    hostile_case(isolated_home)
    for command in (["cases"], ["show", "64/18"]):
        assert main([*DAY, *command]) == 0
        assert_shown_not_obeyed(capsys.readouterr().out)
    for command in (["cases", "--json"], ["show", "64/18", "--json"]):
        assert main([*DAY, *command]) == 0
        out = capsys.readouterr().out
        assert not any(char in out for char in RAW)
        data = json.loads(out)
        titles = [case["title"] for case in (data if isinstance(data, list) else [data])]
        assert "Title \x1b]0;owned\x07\x9b2J\u202eevil" in titles  # the same value
    assert main(["check", str(isolated_home / "data" / "cases")]) == 0
    assert not any(char in capsys.readouterr().out for char in RAW)


def test_an_imported_log_is_listed_with_escapes(isolated_home: Path, tmp_path: Path, capsys):
    record = {
        "id": str(uuid.uuid4()),
        "case": "63/18",
        "channel": "letter",
        "count": 2,
        "date": "2018-04-01",
        "official_name": "Official \x1b]0;owned\x07\x9b2J\u202eevil",
        "note": "Note \x1b]0;owned\x07\x9b2J\u202eevil",
        "signer": "Signer \x1b]0;owned\x07\x9b2J\u202eevil",
    }
    export = tmp_path / "theirs.json"
    export.write_text(
        json.dumps({"format": "uaction-action-log", "version": 2, "actions": [record]}), "utf-8"
    )
    assert main(["log", "import", str(export)]) == 0
    capsys.readouterr()
    assert main(["log", "list"]) == 0
    out = capsys.readouterr().out
    assert_shown_not_obeyed(out)
    assert out.count("\\u202eevil") == 3
    assert main(["log", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(char in out for char in RAW)
    assert json.loads(out)[0]["note"] == record["note"]  # the same value, escaped
    assert main(["log", "report"]) == 0
    assert not any(char in capsys.readouterr().out for char in RAW)


def test_error_messages_and_warnings_escape_what_they_quote(
    isolated_home: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main([*DAY, "letter", "63/18", "--to", "\x1b]0;owned\x07", "--text"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\x1b]0;owned\\x07" in err
    hostile_case(isolated_home)
    out = tmp_path / "letter.pdf"
    assert main([*DAY, "letter", "64/18", "--to", "1", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "these control or direction characters in the text were left out" in err
    assert "U+001B" in err and "U+202E RIGHT-TO-LEFT OVERRIDE" in err
    assert not any(char in err for char in RAW)


def test_a_letter_sent_to_a_file_or_pipe_is_the_text_itself(isolated_home: Path, capsys):
    hostile_case(isolated_home)
    assert main([*DAY, "letter", "64/18", "--to", "1", "--text"]) == 0
    out = capsys.readouterr().out
    assert "Kairat \x1b]0;owned" in out  # not a terminal: the letter's text, unchanged


def test_import_prints_nothing_a_terminal_obeys_and_saves_the_draft_exactly(
    isolated_home: Path, tmp_path: Path, capsys
) -> None:
    """The document's name came through raw on stderr (and in --json's "file"); the draft
    itself is printed with the same characters escaped, and saved exactly."""
    from tests.test_importer_cli import REFERENCE_DOC
    from uaction_desktop.importer import import_file

    raw = "\x1b]0;owned\x07\x9b2J\u202eevil"
    document = tmp_path / f"ua {raw}.txt"
    document.write_text(REFERENCE_DOC.read_text("utf-8"), "utf-8")
    draft = import_file(document).to_toml(DAY_DATE)
    target = tmp_path / f"case {raw}.toml"

    assert main([*DAY, "import", str(document)]) == 0
    out, err = capsys.readouterr()
    assert not any(char in out + err for char in RAW)
    assert "from ua \\x1b]0;owned\\x07\\x9b2J\\u202eevil.txt" in err
    assert tomllib.loads(out) == tomllib.loads(draft)

    assert main([*DAY, "import", str(document), "--json", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    assert not any(char in out + err for char in RAW)
    assert json.loads(out)["file"] == str(target)
    assert target.read_text("utf-8") == draft  # what is saved: the draft exactly


def test_toml_escaped_keeps_the_value_of_a_stranger_s_strings() -> None:
    import tomli_w

    from uaction_desktop.terminal import toml_escaped

    data = {
        "title": "a\x1bb\x07\x9bc\u202ed\u2066e\\\u202e",  # a backslash just before one too
        "summary": "first line\nsecond \u202e\x85 line\n",
        "asks": ["one \u2029 two", "Şebnem شيرين"],
    }
    text = "# a comment with \u202e and \x9b in it\n" + tomli_w.dumps(data, multiline_strings=True)
    shown = toml_escaped(text)
    assert not any(char in shown for char in (*RAW, "\x85", "\u2029", "\u2066"))
    assert tomllib.loads(shown) == tomllib.loads(text) == data
