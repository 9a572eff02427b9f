"""Five real Urgent Actions from the shared corpus (../shared/ua-corpus, read from there, never
copied), dropped on the window as a coordinator would: the editor opens on each, says what kind
of document it read, and lists what to check. Skipped where the corpus is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.gui.conftest import drop_file
from uaction_desktop.gui.case_editor import CaseEditor

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "ua-corpus" / "ua"
# a German model letter, a German page with flattened contacts, a US update with hidden
# e-mails, a 1991 further-information notice, a French model letter cut to its greeting
DOCUMENTS = ("c15", "c26", "s07", "c12", "c28")


def _document(prefix: str, folder: Path) -> Path:
    found = sorted(CORPUS.glob(f"{prefix}_*.txt")) if CORPUS.is_dir() else []
    if not found:
        pytest.skip(f"the shared corpus is not available ({CORPUS})")
    target = folder / f"{prefix}.txt"  # the text after the corpus header, as the scorer gives it
    target.write_text(found[0].read_text(encoding="utf-8").split("\n---\n", 1)[-1], "utf-8")
    return target


@pytest.mark.parametrize("prefix", DOCUMENTS)
def test_a_corpus_document_dropped_on_the_window_opens_for_review(
    prefix: str, make_window, qtbot, monkeypatch, tmp_path: Path
) -> None:
    document = _document(prefix, tmp_path)
    window = make_window()
    seen: dict[str, object] = {}

    def look(editor: CaseEditor) -> int:
        seen["review"] = [
            editor.reviewList.item(i).text() for i in range(editor.reviewList.count())
        ]
        seen["officials"] = [f.display() for f in editor.official_forms]
        seen["kind"] = editor.fields["kind"].value()
        return 0  # the coordinator cancels: nothing is saved

    monkeypatch.setattr(CaseEditor, "exec", look)
    drop_file(window, document)
    qtbot.waitUntil(lambda: "review" in seen)

    review = seen["review"]
    assert isinstance(review, list) and review  # there is always something to check
    assert seen["officials"], "every one of these documents names an official"
    if prefix in ("c15", "c28"):  # model letters: named first, saved as initial actions
        assert review[0].startswith("Document: a model letter")
        assert seen["kind"] == "initial"
    else:
        assert not review[0].startswith("Document:")
    if prefix == "s07":
        assert any("hid 2 e-mail" in line for line in review)
    if prefix == "c12":
        assert seen["kind"] == "follow-up"
