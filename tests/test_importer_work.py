"""The importer's work grows in step with the text: doubling a document about doubles it.

Counted, not timed: every Python function call made while parsing is counted (sys.setprofile),
so a loop that rescans earlier lines for every new one shows as four-fold work for a doubled
text, on any machine. (A 455 KB text once took 37 s: quadratic in its lines.) The shapes are the
ones that were quadratic or could be: runs of headings in capitals, of contact labels, of
address blocks without blank lines, hard-wrapped prose, and our fixtures end to end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from uaction_desktop.importer import parse_text

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def calls_to_parse(text: str) -> int:
    count = 0

    def profile(frame, event, arg) -> None:
        nonlocal count
        if event == "call":
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        parse_text(text)
    finally:
        sys.setprofile(previous)
    return count


def _fixtures(n: int) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))]
    return "\n\n".join(texts) * n


SHAPES: dict[str, Callable[[int], str]] = {
    "fixtures end to end": _fixtures,
    "headings in capitals": lambda n: "UA 12/20\nAPPEALS TO:\n" + "MINISTER OF LABOUR\n" * 150 * n,
    "contact labels with nothing above": lambda n: "Tel: 123 4567 890\n" * 200 * n,
    "address blocks, no blank lines": lambda n: (
        "UA 63/18\nPLEASE WRITE TO:\n"
        + "Minister of Labour\nHarbour Street 1\nPort Town\n" * 150 * n
    ),
    "fax numbers continued": lambda n: (
        "APPEALS TO:\nMINISTER\nAna Ruiz\nFax: 1234 5678; or\n" + "(00 1) 2345 6789; or\n" * 200 * n
    ),
    "hard-wrapped prose": lambda n: (
        "Amnesty International is concerned that the three men are held without charge\n" * 300 * n
    ),
    "a letter's lines": lambda n: "Dear Minister,\n" + "I ask you to act now.\n" * 300 * n,
    "names in a list": lambda n: "Held: " + ", ".join(["Ana Ruiz", "Bo Lind"] * 150 * n) + ".",
}


@pytest.mark.parametrize("shape", list(SHAPES), ids=list(SHAPES))
def test_doubling_a_text_about_doubles_the_work(shape: str) -> None:
    make = SHAPES[shape]
    parse_text(make(1))  # word lists and caches are loaded once per process, not per text
    once, twice = calls_to_parse(make(1)), calls_to_parse(make(2))
    assert 1.6 < twice / once < 2.4, (shape, once, twice)
