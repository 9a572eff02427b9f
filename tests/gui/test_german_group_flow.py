"""Issue 14's "done when", as a user: a German profile imports a German Urgent Action from the
corpus and prints a German letter with the document's German salutation.

Through the real window: File > Import (the file dialog answers with the document), the case
editor (the coordinator types the UA number the stored page lacks, then saves), the composer
(German is offered first), Print (to a PDF printer), and the PDF read back. The document is read
from ../shared/ua-corpus, never copied into the repository; the test is skipped without it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog

from uaction_desktop.gui.case_editor import CaseEditor

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "ua-corpus" / "ua"
DOCUMENT = "c24_"  # a German section's web appeal: salutations in English and German
DEADLINE_DAY = date(2016, 5, 2)  # before its deadline (20 May 2016)


def german_document(tmp_path: Path) -> Path:
    found = sorted(CORPUS.glob(f"{DOCUMENT}*.txt")) if CORPUS.is_dir() else []
    if not found:
        pytest.skip("the German corpus document is not in ../shared/ua-corpus")
    text = found[0].read_text(encoding="utf-8").split("\n---\n", 1)[1]  # after the header
    path = tmp_path / "urgent-action.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_german_group_imports_a_german_document_and_prints_a_german_letter(
    qtbot, make_window, isolated_home: Path, tmp_path: Path, monkeypatch, no_network
) -> None:
    document = german_document(tmp_path)
    config = isolated_home / "config"
    config.mkdir(parents=True)
    (config / "profile.toml").write_text(
        'name = "Erika Muster"\naddress = ["Lindenstraße 5", "10117 Berlin"]\n'
        'country = "Deutschland"\nlanguage = "de"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(document), ""))
    )
    seen: dict[str, object] = {}

    def review_and_save(editor: CaseEditor) -> int:
        seen["language"] = editor.language()
        seen["salutation"] = editor.official_forms[0].value("salutation")
        seen["others"] = editor.official_forms[0].fields["salutations"].value()
        # the stored page has no UA number and no issue date: the coordinator types them
        editor.fields["ua"].widget.setText("UA 99/16")
        if not editor.fields["issued"].value():
            editor.fields["issued"].widget.setText(DEADLINE_DAY.isoformat())
        assert editor.save() is not None, [str(p) for p in editor.problems]
        return editor.result()

    monkeypatch.setattr(CaseEditor, "exec", review_and_save)
    printed = tmp_path / "brief.pdf"

    def print_to_pdf(dialog: QPrintDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", print_to_pdf)

    window = make_window(DEADLINE_DAY)
    window.import_case()
    assert seen["language"] == "de"
    salutation = str(seen["salutation"])
    assert salutation.startswith("Sehr geehrte")
    assert seen["others"] and "de" not in seen["others"]  # the English one kept beside it
    entry = window.caseListPanel.current_entry()
    assert entry is not None and entry.case.ua == "99/16" and entry.case.language == "de"

    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    assert composer.current_language() == "de"
    assert composer.languagePicker.currentText() == "Deutsch"
    assert composer.recipient.text().endswith(f"{salutation},")
    window.grab().save(str(tmp_path / "german-composer.png"))
    composer.printLetter.trigger()

    pages = PdfReader(printed).pages
    text = " ".join(" ".join(page.extract_text() for page in pages).split())
    assert f"{salutation}," in text  # the document's German salutation, as printed
    assert "Dear " not in text and "Yours sincerely" not in text  # no English frame
    assert "Erika Muster" in text
    assert not no_network
