"""The window opens with a cases folder full of the worst files (issue 15, "done when").

Every hostile family the suite and ``benchmarks/hostile.py`` make goes into one user cases
folder beside one good case; the window is opened the way ``uaction-desktop`` opens it
(``gui.app.create_window``). It must open, list the good case and the hostile-but-valid ones,
list every broken file as a problem naming the file (and the line where there is one), show
no raw control or direction-override character anywhere a stranger's text appears, and
compose a letter for the good case.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.conftest import BUNDLED_CASE
from uaction_desktop.casefile import MAX_FILE_BYTES, MAX_OFFICIALS

# Retitle a terminal, ring its bell, a C1 CSI, then reverse what follows and isolate the rest.
EVIL = "\\u001b]0;owned\\u0007\\u009b2J\\u202eevil\\u2066"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WORD = ("Abcdefghij" * 200)[:2000]


def _variant(ua: str, *changes: tuple[str, str]) -> str:
    text = BUNDLED_CASE.read_text("utf-8").replace('ua = "63/18"', f'ua = "{ua}"')
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


TITLE = 'title = "Woman detained for reading opposition website"'
SUMMARY = 'summary = """'
STREET = '"14 Orynbor Street"'


def _officials(count: int) -> str:
    head = BUNDLED_CASE.read_text("utf-8").split("[[officials]]", 1)[0]
    return head.replace('ua = "63/18"', 'ua = "69/18"') + "".join(
        f'[[officials]]\nid="o{n}"\ntitle="Minister"\nname="Official {n}"\n'
        f'address=["{n} Palace Road", "Astana"]\nsalutation="Dear Minister"\n'
        for n in range(count)
    )


_TITLE_LINE = BUNDLED_CASE.read_text("utf-8").split(TITLE, 1)[0].count("\n") + 1
# Where the first [[officials]] table starts in a file made by _officials (the bundled case's).
_FIRST_OFFICIAL_LINE = BUNDLED_CASE.read_text("utf-8").split("[[officials]]", 1)[0].count("\n") + 1


def fill(folder: Path) -> dict[str, str]:
    """The folder's files; returns each broken file's name with what its problem must say."""
    folder.mkdir(parents=True)
    write = {
        "good.toml": _variant("64/18"),
        # valid, but hostile: listed like any case
        "summary.toml": _variant("65/18", (SUMMARY, SUMMARY + "Every word is read. " * 48_000)),
        "evil.toml": _variant(
            "66/18",
            (TITLE, f'title = "Title {EVIL}"'),
            ('name = "Kairat Kozhamzharov"', f'name = "Kairat {EVIL}"'),
            (SUMMARY, f"{SUMMARY}Summary {EVIL}\n"),
        ),
        "word.toml": _variant("67/18", (TITLE, f'title = "{WORD}"'), (STREET, f'"{WORD}"')),
        # broken: one problem each
        "dotted.toml": "format = 1\n" + ".".join(["k"] * 500) + " = 1\n",
        "digits.toml": "format = 1\n\nupdate = " + "7" * 4301 + "\n",
        "deep.toml": "format = 1\nasks = " + "[" * 2000 + "]" * 2000 + "\n",
        "syntax.toml": 'format = 1\nua = "70/18"\ntitle = "unclosed\n',
        "officials.toml": _officials(MAX_OFFICIALS + 1),
        "control.toml": _variant("71/18", (TITLE, 'title = "Bell \x07 raw"')),
    }
    for name, text in write.items():
        (folder / name).write_text(text, "utf-8")
    (folder / "latin1.toml").write_bytes(
        'format = 1\nua = "72/18"\ntitle = "Astan\xe0"\n'.encode("latin-1")
    )
    with (folder / "huge.toml").open("wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used
    os.symlink(folder / "loop-b.toml", folder / "loop-a.toml")
    os.symlink(folder / "loop-a.toml", folder / "loop-b.toml")
    os.symlink(folder / "gone.toml", folder / "dangling.toml")
    os.mkfifo(folder / "pipe.toml")  # reading it would wait forever
    return {
        "dotted.toml:2": "nested more than",
        "digits.toml:3": "4,000 digits",
        "deep.toml:2": "asks: not valid TOML: nested too deeply",
        "syntax.toml:3": "not valid TOML",
        f"officials.toml:{_FIRST_OFFICIAL_LINE}": f"at most {MAX_OFFICIALS}",
        f"control.toml:{_TITLE_LINE}": "Illegal character '\\x07'",
        "latin1.toml:3": "not UTF-8",
        "huge.toml": "1,000,001 bytes",
        "loop-a.toml": "loop",
        "loop-b.toml": "loop",
        "dangling.toml": "link to nothing",
        "pipe.toml": "not a regular file",
    }


@pytest.fixture
def window(qtbot, isolated_home: Path):
    from uaction_desktop.gui.app import create_window

    expected = fill(isolated_home / "data" / "cases")
    _app, window = create_window(["uaction-desktop"])
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.started, timeout=20_000):
        window.show()
    window.expected_problems = expected
    return window


def _texts_of_model(model) -> list[str]:
    texts = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def assert_no_raw_controls(texts: list[str]) -> None:
    for text in texts:
        found = RAW.search(text)
        assert found is None, (hex(ord(found.group())), text[:120])


def test_the_window_opens_with_the_worst_files(qtbot, window, tmp_path: Path) -> None:
    shots = Path(os.environ.get("UACTION_SHOTS", tmp_path))  # set it to look at them
    panel = window.caseListPanel
    panel.scope.setCurrentIndex(2)  # all cases, whatever today's date
    listed = {panel.model.entry(r).ua for r in range(panel.model.rowCount())}
    assert listed == {"63/18", "64/18", "65/18", "66/18", "67/18"}

    shown = [panel.problems.item(i).text() for i in range(panel.problems.count())]
    for where, fragment in window.expected_problems.items():
        matching = [s for s in shown if s.startswith(where + ":")]
        assert len(matching) == 1, (where, shown)
        assert fragment in matching[0], matching[0]
    assert len(shown) == len(window.expected_problems), shown
    assert f"{len(shown)} file problems" in window.countLabel.text()

    texts = _texts_of_model(panel.table.model())
    texts += shown + [panel.problems.item(i).toolTip() for i in range(panel.problems.count())]
    for ua in sorted(listed):
        assert panel.select_ua(ua)
        texts += [window.windowTitle(), window.caseView.toPlainText()]
        window.grab().save(str(shots / f"hostile-window-{ua.replace('/', '-')}.png"))
    assert_no_raw_controls(texts)
    assert panel.select_ua("66/18")
    assert "Title \\x1b]0;owned\\x07\\x9b2J\\u202eevil\\u2066" in window.caseView.toPlainText()
    window.grab().save(str(shots / "hostile-window.png"))

    assert panel.select_ua("64/18")
    window.showWriter.trigger()
    composer = window.composer
    composer.ensure_composed()
    assert "Akmaral Tobylova" in composer.letterBody.toPlainText()
    assert "Dear Prosecutor General" in composer.recipient.text()
    composer.refresh_preview()
    qtbot.waitUntil(composer.letterPreview.is_rendered, timeout=20_000)
    assert composer.letterPreview.page_count() >= 1
    window.grab().save(str(shots / "hostile-window-writer.png"))

    assert panel.select_ua("66/18")  # the composer shows the hostile names escaped too
    composer.ensure_composed()
    picker = composer.officialPicker
    names = [picker.itemText(i) for i in range(picker.count())]
    assert "Kairat \\x1b]0;owned" in " ".join(names)
    assert_no_raw_controls([*names, composer.recipient.text(), window.windowTitle()])


def test_shown_makes_controls_visible_and_leaves_names_alone() -> None:
    from uaction_desktop.gui.plain_text import plain, shown

    assert shown("a\x1bb\x07\u202ec\u2066d\x7f\x9b\u2028\tok\n") == (
        "a\\x1bb\\x07\\u202ec\\u2066d\\x7f\\x9b\\u2028\tok\n"
    )
    persian = "نوری\u200cزاده \u200fعلی"  # a non-joiner and a right-to-left mark are spelling
    assert shown(persian) == persian and shown("Zoë Ørsted") == "Zoë Ørsted"
    assert plain("<b>x\x1b</b>") == "<qt>&lt;b&gt;x\\x1b&lt;/b&gt;</qt>"
