"""A document within the size limits never makes the importer (or the editor) crawl."""

from __future__ import annotations

import pytest

from uaction_desktop.importer import MAX_TEXT_CHARS, draft, parse_text
from uaction_desktop.importer.parse import MAX_OFFICIALS

BLOCK = "Minister of Justice\nStreet 1\nCity\n\n"


def _value_calls(blocks: int, monkeypatch: pytest.MonkeyPatch) -> int:
    calls = 0
    real = draft.DraftOfficial.value

    def counting(self, key):
        nonlocal calls
        calls += 1
        return real(self, key)

    monkeypatch.setattr(draft.DraftOfficial, "value", counting)
    text = "UA 63/18\nPLEASE WRITE TO:\n" + BLOCK * blocks
    assert len(text) < MAX_TEXT_CHARS
    parse_text(text)
    monkeypatch.undo()
    return calls


def test_work_grows_linearly_with_the_number_of_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted, not timed (from the second review: 490 kB of address blocks took a minute)."""
    small = _value_calls(400, monkeypatch)
    large = _value_calls(1600, monkeypatch)
    assert large < 6 * small, (small, large)


def test_past_a_sane_number_the_officials_become_import_notes() -> None:
    result = parse_text("UA 63/18\nPLEASE WRITE TO:\n" + BLOCK * 200)
    assert len(result.officials) == MAX_OFFICIALS
    ids = [o.value("id") for o in result.officials]
    assert ids[:3] == ["minister-of-justice", "minister-of-justice-2", "minister-of-justice-3"]
    assert len(set(ids)) == len(ids)
    aside = [item for item in result.leftovers if "beyond the first" in item.note]
    assert len(aside) == 200 - MAX_OFFICIALS
    assert "Minister of Justice" in aside[0].text
    assert sum("more than" in w for w in result.warnings) == 1
