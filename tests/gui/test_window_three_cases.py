"""The whole window with three cases (issue 11, item 9): the bundled UA 63/18, one with a model
letter (UA 71/18) and one with a "copies to" embassy in another country (UA 72/18). A writer in
the United States switches between them, writes, edits, restarts, and every exported PDF is read
back: sender, recipient block with or without its country line, one salutation, the body, and
each personal line where it was typed and nowhere else."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import FIXTURES

P_KAZ = "As a grandmother I was shocked that someone can be punished for reading a website."
P_KING = "My own son writes a blog, and I think of Faisal every day."
EDIT = "I will follow this case until Roya Karimi is free."
US_PROFILE = (
    'name = "Jane Doe"\n'
    'address = ["12 Elm Street", "Springfield, IL 62701"]\n'
    'country = "United States"\n'
)
RETURN = ("Jane Doe", "12 Elm Street", "Springfield, IL 62701")


@pytest.fixture
def home(isolated_home: Path) -> Path:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    for path in (FIXTURES / "window").glob("*.toml"):
        shutil.copy(path, cases)
    (isolated_home / "config").mkdir(parents=True)
    (isolated_home / "config" / "profile.toml").write_text(US_PROFILE, encoding="utf-8")
    return isolated_home


def lines_of(path: Path) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class Writer:
    """Drives one window as the user does and exports each letter to its own file."""

    def __init__(self, qtbot, window, dialogs, folder: Path) -> None:
        self.qtbot, self.window, self.dialogs, self.folder = qtbot, window, dialogs, folder
        folder.mkdir(exist_ok=True)

    def open(self, ua: str, official: str):
        assert self.window.caseListPanel.select_ua(ua)
        self.window.showWriter.trigger()
        composer = self.window.composer
        composer.ensure_composed()
        composer.select_official(official)
        assert composer.current_official().id == official
        return composer

    def settle(self) -> None:
        composer = self.window.composer
        self.qtbot.waitUntil(
            lambda: not (composer.previewTimer.isActive() or composer.autosaveTimer.isActive()),
            timeout=3000,
        )

    def export(self, ua: str, official: str) -> list[str]:
        composer = self.open(ua, official)
        target = self.folder / f"{ua.replace('/', '-')}-{official}.pdf"
        self.dialogs.save_path = str(target)
        composer.exportPdf.trigger()
        assert target.exists(), self.dialogs.messages
        return lines_of(target)


def block_after(lines: list[str], first: str, count: int) -> list[str]:
    start = lines.index(first)
    return lines[start : start + count]


def assert_personal_lines(letters: dict[tuple[str, str], list[str]]) -> None:
    for key, lines in letters.items():
        text = " ".join(lines)
        assert (P_KAZ in text) == (key == ("63/18", "prosecutor-general")), key
        assert (P_KING in text) == (key == ("72/18", "king")), key


def check_all(letters: dict[tuple[str, str], list[str]]) -> None:
    # UA 63/18 to Kazakhstan: the published address names the country ("Republic of
    # Kazakhstan"), given once, in capitals as a US post office reads it; the return address
    # says where a reply must go.
    prosecutor = letters["63/18", "prosecutor-general"]
    assert prosecutor[:4] == [*RETURN, "UNITED STATES"]
    assert block_after(prosecutor, "Prosecutor General Kairat Kozhamzharov", 4)[-1] == (
        "KAZAKHSTAN"
    )
    assert prosecutor.count("Dear Prosecutor General,") == 1
    # ... to the embassy in Washington: domestic mail, no country line on either address.
    ambassador = letters["63/18", "ambassador"]
    assert ambassador[:3] == list(RETURN) and "UNITED STATES" not in ambassador
    assert "USA" not in ambassador
    assert block_after(ambassador, "Ambassador Erzhan Kazykhanov", 4)[-1] == "Washington DC 20036"
    assert ambassador.count("Dear Ambassador,") == 1
    # UA 71/18: the model letter's own "Dear Mr. ...," is printed once, by the letter.
    judiciary = letters["71/18", "judiciary"]
    assert sum("Dear Mr. Gholamhossein Mohseni Ejei," in line for line in judiciary) == 1
    assert block_after(judiciary, "Tehran", 2) == ["Tehran", "IRAN"]
    assert any("release the teacher Roya Karimi" in line for line in judiciary)
    assert EDIT in " ".join(judiciary)
    assert not any(line.startswith("Yours sincerely,") for line in judiciary[:-3])
    to_london = letters["71/18", "ambassador"]
    assert not any("Dear Mr." in line for line in to_london)
    assert to_london.count("Dear Ambassador,") == 1
    assert block_after(to_london, "London SW7 1PT", 2) == ["London SW7 1PT", "UNITED KINGDOM"]
    assert EDIT not in " ".join(to_london)  # the edit was made to the other letter
    # UA 72/18: the King, and the "copies to" embassy in Washington with no salutation given.
    king = letters["72/18", "king"]
    assert king.count("Your Majesty,") == 1
    assert (
        block_after(king, "Royal Court, Riyadh", 2)[-1] == "SAUDI ARABIA"
    )  # as the published "Kingdom of ..." is sorted
    embassy = letters["72/18", "embassy"]
    assert embassy.count("Your Excellency,") == 1 and "Dear Sir or Madam," not in embassy
    assert block_after(embassy, "601 New Hampshire Avenue NW", 2)[-1] == "Washington DC 20037"
    for lines in letters.values():
        assert sum(line.endswith(",") and line.startswith(("Dear", "Your")) for line in lines) == 1
        assert lines[-1] == "Jane Doe" and "Sincerely," in lines  # signed; US closing
    assert_personal_lines(letters)


def test_three_cases_two_windows_every_letter_read_back(
    qtbot, make_window, home: Path, dialogs, tmp_path: Path
) -> None:
    window = make_window()
    writer = Writer(qtbot, window, dialogs, tmp_path / "first")
    assert window.caseListPanel.model.rowCount() == 3
    assert window.composer.current_layout() == "letter-no10"  # a US writer: US Letter

    composer = writer.open("63/18", "prosecutor-general")
    qtbot.keyClicks(composer.personalLine, P_KAZ)
    writer.settle()
    composer = writer.open("72/18", "king")
    assert composer.personalLine.text() == ""  # not carried over from UA 63/18
    qtbot.keyClicks(composer.personalLine, P_KING)
    writer.settle()
    composer = writer.open("71/18", "judiciary")
    assert composer.personalLine.text() == ""
    body = composer.letterBody
    body.moveCursor(body.textCursor().MoveOperation.End)
    body.insertPlainText("\n\n")  # Enter twice, then the sentence
    qtbot.keyClicks(body, EDIT)
    writer.settle()
    # A body cut off in the source is shown in the window before it is printed.
    composer = writer.open("71/18", "ambassador")
    assert "cut off" not in composer.renderWarnings.text()
    composer.letterBody.setPlainText(composer.letterBody.toPlainText() + "\n\nPlease foll[...]")
    composer.refresh_preview()
    assert "cut off" in composer.renderWarnings.text()
    composer.resetBody.click()
    composer.refresh_preview()
    assert "cut off" not in composer.renderWarnings.text()

    keys = [
        ("63/18", "prosecutor-general"),
        ("63/18", "ambassador"),
        ("71/18", "judiciary"),
        ("71/18", "ambassador"),
        ("72/18", "king"),
        ("72/18", "embassy"),
    ]
    check_all({key: writer.export(*key) for key in keys})
    window.close()

    # A restart: everything typed is back where it was typed, and only there.
    second = make_window()
    writer = Writer(qtbot, second, dialogs, tmp_path / "second")
    assert writer.open("63/18", "prosecutor-general").personalLine.text() == P_KAZ
    assert writer.open("72/18", "king").personalLine.text() == P_KING
    assert EDIT in writer.open("71/18", "judiciary").letterBody.toPlainText()
    assert writer.open("72/18", "embassy").personalLine.text() == ""
    check_all({key: writer.export(*key) for key in reversed(keys)})


def test_a_personal_line_after_a_model_letter_is_not_taken_for_a_cut(qtbot, home, make_window):
    """Before: the personal line, the last paragraph after a model letter, was judged instead of
    the model letter, and a line typed without a full stop was warned about as cut off."""
    window = make_window()
    assert window.caseListPanel.select_ua("71/18")
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    qtbot.keyClicks(composer.personalLine, "I teach in Leeds and think of her every day")
    composer.refresh_preview()
    assert composer.letterBody.toPlainText().endswith("think of her every day")
    assert "cut off" not in composer.renderWarnings.text()
