"""The import review lists what to check worst first: missing, then guesses, then the rest."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from uaction_desktop.gui.import_review import NOTHING, fill_review_list
from uaction_desktop.importer import import_file, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def entries(widget: QListWidget) -> list[tuple[str, str]]:
    return [
        (widget.item(i).text(), widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
    ]


def test_missing_fields_come_first_then_guesses_then_the_rest(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    draft = import_file(FIXTURES / "fr-header-runon.txt")  # no country, a title from page text
    fill_review_list(widget, draft, lambda path: path)
    words = [text.split(":", 1)[0] for text, _ in entries(widget)]
    assert words == sorted(words, key=["Missing", "Guess", "Check"].index)
    assert words[0] == "Missing" and "Check" in words
    paths = [path for _, path in entries(widget)]
    assert "country" in paths and paths.index("country") < paths.index("index")
    first = widget.item(0)
    assert first.background().color().name() == "#f6c9c4"
    assert "confidence: missing" in first.toolTip()


def test_a_cut_off_letter_is_a_guess_to_check(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    draft = parse_text("UA 12/24\nSAMPLE LETTER\nDear Minister,\nPlease free Ana Ruiz at on\n[...]")
    fill_review_list(widget, draft, lambda path: path.replace("_", " "))
    letter = next(text for text, path in entries(widget) if path == "model_letter")
    assert letter.startswith("Guess: model letter:") and "cut off" in letter


def test_nothing_to_check_says_so(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)

    class Clean:
        def review_worst_first(self) -> list:
            return []

    fill_review_list(widget, Clean(), str)  # type: ignore[arg-type]
    assert entries(widget) == [(NOTHING, None)]


def test_a_model_letter_is_named_first_and_says_what_it_is_saved_as(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    draft = import_file(FIXTURES / "model-letter.txt")
    fill_review_list(widget, draft, lambda path: path)
    text, path = entries(widget)[0]
    assert text.startswith("Document: a model letter:") and "saved as an initial action" in text
    assert path == "kind"  # clicking it goes to the Kind field
    assert widget.item(0).background().color().name() == "#dbe8f6"
    ua = next(text for text, path in entries(widget) if path == "ua")
    assert "model letter carries no UA number" in ua


def test_an_urgent_action_has_no_document_entry(qtbot) -> None:
    widget = QListWidget()
    qtbot.addWidget(widget)
    fill_review_list(widget, import_file(FIXTURES / "closure.txt"), lambda path: path)
    assert not any(text.startswith("Document:") for text, _ in entries(widget))
