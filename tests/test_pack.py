"""The meeting pack, built for real and read back: parts, order, signers, duplex, cancelling.

Every check reads the PDF that was written (pypdf for text and positions, PDFium for what a
printer would put on paper). Tests never assert on timing.
"""

from __future__ import annotations

import io
import re
import shutil
import tracemalloc
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from reportlab.lib.units import mm

from tests.pages import page_images
from uaction_desktop.cli import main
from uaction_desktop.compose import compose_letter
from uaction_desktop.library import CaseLibrary
from uaction_desktop.pack import (
    PackCancelled,
    PackError,
    PackOptions,
    PackResult,
    Signer,
    build_pack,
    load_roster,
)
from uaction_desktop.pack.plan import signer_profile
from uaction_desktop.pdf.letter import render_letter
from uaction_desktop.profile import SenderProfile, save_profile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pack"
CASES = FIXTURES / "cases"
ROSTER = FIXTURES / "roster.csv"
TODAY = date(2026, 11, 28)
DATE_TEXT = "28 November 2026"
PROFILE = SenderProfile(
    name="Carol Coordinator",
    address=("1 Market Street", "Springfield"),
    country="United Kingdom",
    group="Amnesty International Group 42",
)


# --------------------------------------------------------------------------- reading PDFs back


@dataclass(frozen=True)
class Item:
    text: str
    x: float  # mm from the left
    top: float  # mm from the top, baseline


def read(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(path.read_bytes()))


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in read(path).pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def page_items(page: pypdf.PageObject) -> list[Item]:
    height = float(page.mediabox.height)
    items: list[Item] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            items.append(Item(text.strip(), round(x / mm, 2), round((height - y) / mm, 2)))

    page.extract_text(visitor_text=visit)
    return items


def ink(path: Path, tmp: Path) -> list[bool]:
    """Per page: is anything printed on it at all, as PDFium renders it?"""
    return [image.convert("L").getextrema()[0] < 200 for image in page_images(path, 12)]


def build(tmp: Path, name: str = "pack.pdf", **options: Any) -> PackResult:
    library = CaseLibrary.load([CASES])
    return build_pack(PackOptions(**options), library, PROFILE, tmp / name, today=TODAY)


def letter_groups(texts: list[str], first: int, last: int) -> list[list[int]]:
    """Letter pages (0-based) grouped per letter: a first page carries the date line."""
    groups: list[list[int]] = []
    for index in range(first - 1, last):
        text = texts[index]
        if not text.strip():
            continue  # a duplex back
        if "(continued)" in text:
            groups[-1].append(index)
        else:
            assert DATE_TEXT in text
            groups.append([index])
    return groups


# --------------------------------------------------------------------------- a roster pack


@pytest.fixture(scope="module")
def roster_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[PackResult, list[str], Path]:
    tmp = tmp_path_factory.mktemp("roster")
    signers = load_roster(ROSTER).signers
    result = build(tmp, signers=signers, officials="all", tally=True, labels="a4-21")
    return result, page_texts(result.path), tmp


def test_the_parts_come_in_order_and_cover_every_page(roster_pack) -> None:
    result, texts, _ = roster_pack
    assert [p.name for p in result.parts] == ["cover", "briefings", "letters", "tally", "labels"]
    assert result.parts[0].first == 1
    for before, after in zip(result.parts, result.parts[1:], strict=False):
        assert after.first == before.last + 1  # single-sided: no gaps, no blank pages
    assert result.parts[-1].last == result.pages == len(texts)
    # The most urgent active case first (Borduria, 10 December), the expired one left out.
    assert result.page_counts == {
        "cover": 1,
        "briefings": 2,
        "letters": 3 * (2 + 3),
        "tally": 1,
        "labels": 1,
    }
    assert result.letters == 12
    assert "Human rights defender on trial" in texts[1] and "Briefing 1 of 2" in texts[1]
    assert "Student activists held without charge" in texts[2]
    assert "Tally sheet" in texts[result.part("tally").first - 1]
    assert not any("Editor sentenced" in t for t in texts)


def test_the_cover_lists_the_parts_with_their_pages(roster_pack) -> None:
    result, texts, _ = roster_pack
    cover = flat(texts[0])
    assert "Meeting pack" in cover and "Saturday, 28 November 2026" in cover
    assert "Amnesty International Group 42" in cover
    letters = result.part("letters")
    assert f"Letters to sign {letters.first}–{letters.last}" in cover
    assert f"Tally sheet {result.part('tally').first}" in cover
    assert "202/26 Human rights defender on trial 10 December 2026 3" in cover


def test_each_letter_starts_a_page_and_long_ones_are_numbered(roster_pack) -> None:
    result, texts, _ = roster_pack
    letters = result.part("letters")
    groups = letter_groups(texts, letters.first, letters.last)
    assert len(groups) == result.letters == 12
    assert [len(g) for g in groups] == [2, 1, 1, 1] * 3  # Borduria's letter runs to two pages
    first, second = (texts[i] for i in groups[0])
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert "Ada Lovelace to President Karel Dvorak, 28 November 2026 (continued)" in second
    assert "Page 1 of 1" not in "".join(texts)


def test_each_signer_signs_only_their_own_letters(roster_pack) -> None:
    result, texts, _ = roster_pack
    signers = load_roster(ROSTER).signers
    letters = result.part("letters")
    groups = letter_groups(texts, letters.first, letters.last)
    for number, group in enumerate(groups):
        signer = signers[number // 4]  # signer by signer, four letters each
        pages = [texts[i] for i in group]
        lines = [line.strip() for line in pages[-1].splitlines()]
        assert lines[-1] == signer.name  # the signature closes the letter
        assert signer.address[0] in pages[0]
        for other in signers:
            if other != signer:
                assert other.name not in "".join(pages)


def test_letters_to_one_official_are_worded_differently_but_say_the_same(roster_pack) -> None:
    result, texts, _ = roster_pack
    letters = result.part("letters")
    groups = letter_groups(texts, letters.first, letters.last)
    to_minister = [
        flat(" ".join(texts[i] for i in g)) for g in groups if "Dear Minister," in texts[g[0]]
    ]
    assert len(to_minister) == 3
    assert len(set(to_minister)) == 3
    openings = (
        "I am writing to express my deep concern for",
        "I am writing to you about Lena Varga",
        "I write to raise with you the case of",
    )
    for opening in openings:
        assert sum(opening in text for text in to_minister) == 1
    exact = (
        "They have been held for a month without charge.",
        "I urge you to release Lena Varga, Tomas Orbán and Ilse Kader immediately and "
        "unconditionally.",
        "I call on you to ensure the students have access to their families and lawyers.",
    )
    for text in to_minister:
        for fact in exact:
            assert fact in text


def test_no_page_is_blank_on_paper(roster_pack) -> None:
    result, texts, tmp = roster_pack
    assert all(text.strip() for text in texts)
    assert ink(result.path, tmp) == [True] * result.pages


def test_a_pack_letter_is_the_same_page_as_a_single_letter(roster_pack) -> None:
    result, texts, _ = roster_pack
    signer = load_roster(ROSTER).signers[1]
    library = CaseLibrary.load([CASES])
    case = library.find("201/26", TODAY).case
    official = case.official("prosecutor")
    single = compose_letter(
        case,
        official,
        signer_profile(PROFILE, signer),
        today=TODAY,
        layout="a4-din-b",
        variant=1,
    )
    # Zoë posts from Paris (the roster's country column), not from the coordinator's country
    assert single.sender_lines[-2:] == ("75001 Paris", "FRANCE")
    alone = page_items(pypdf.PdfReader(io.BytesIO(render_letter(single).pdf)).pages[0])
    letters = result.part("letters")
    groups = letter_groups(texts, letters.first, letters.last)
    index = groups[4 + 2][0]  # Zoë's third letter: Arcadia's prosecutor
    in_pack = page_items(read(result.path).pages[index])
    assert sorted(in_pack, key=lambda i: (i.top, i.x)) == sorted(alone, key=lambda i: (i.top, i.x))


def test_the_result_counts_letters_per_official_for_the_log(roster_pack) -> None:
    result, _, _ = roster_pack
    assert [(c.ua, c.official_id, c.letters) for c in result.counts] == [
        ("202/26", "president", 3),
        ("201/26", "minister", 3),
        ("201/26", "prosecutor", 3),
        ("201/26", "embassy", 3),
    ]
    assert result.meeting_date == TODAY
    assert any("Government Spokesperson has no postal address" in w for w in result.warnings)


def test_the_tally_has_a_tick_row_per_signer(roster_pack) -> None:
    result, texts, _ = roster_pack
    tally = flat(texts[result.part("tally").first - 1])
    for name in ("Ada Lovelace", "Zoë Ørsted", "Борис Пастернак", "Minister of Justice Petra Holm"):
        assert name in tally
    assert tally.count("Signed") >= 2


# --------------------------------------------------------------------------- blank copies, duplex


@pytest.fixture(scope="module")
def duplex_pack(tmp_path_factory: pytest.TempPathFactory) -> tuple[PackResult, list[str], Path]:
    tmp = tmp_path_factory.mktemp("duplex")
    result = build(tmp, signers=2, tally=True, envelopes="dl", duplex=True)
    return result, page_texts(result.path), tmp


def test_duplex_letters_start_on_front_sides_with_blank_backs_only_where_needed(
    duplex_pack,
) -> None:
    result, texts, tmp = duplex_pack
    letters = result.part("letters")
    groups = letter_groups(texts, letters.first, letters.last)
    assert len(groups) == result.letters == 2 * (1 + 2)
    assert all((group[0] + 1) % 2 == 1 for group in groups)  # page numbers are odd
    blank = [number for number, text in enumerate(texts, start=1) if not text.strip()]
    assert len(blank) == result.blank_backs
    assert all(number % 2 == 0 for number in blank)  # only ever a back side
    starts = {g[0] + 1 for g in groups} | {p.first for p in result.parts}
    for number in blank:
        assert number + 1 in starts  # a blank back only ever comes before a new start
        assert number - 1 not in blank
    # A two-page letter fills its sheet: no blank after it. Single pages get one.
    assert blank == [4, 8, 10, 14, 16, 18]  # cover 1, briefings 2-3, tally 17, envelopes 19
    assert ink(result.path, tmp) == [n not in blank for n in range(1, result.pages + 1)]
    assert result.part("tally").first % 2 == 1 and result.part("envelopes").first % 2 == 1


def test_blank_copies_leave_sender_and_signature_to_the_hand(duplex_pack) -> None:
    result, texts, _ = duplex_pack
    letters = result.part("letters")
    for group in letter_groups(texts, letters.first, letters.last):
        first = texts[group[0]]
        assert "Your name and address" in first
        assert "Carol Coordinator" not in "".join(texts[i] for i in group)
        assert flat(texts[group[-1]]).split("Yours sincerely,")[1].strip() in ("", "Page 2 of 2")
    drawing = read(result.path).pages[letters.first - 1]
    content = drawing.get_contents().get_data().decode("latin-1")
    forms = [
        x.get_object().get_data().decode("latin-1")
        for x in drawing["/Resources"]["/XObject"].values()
    ]
    rules = sum(stream.count(" l S") + stream.count(" l\nS") for stream in [content, *forms])
    assert rules >= 4  # three ruled sender lines and the signature line


def test_blank_copy_envelopes_carry_the_coordinators_return_address(duplex_pack) -> None:
    result, texts, _ = duplex_pack
    envelopes = result.part("envelopes")
    assert envelopes.pages == result.letters
    first = texts[envelopes.first - 1]
    assert "Carol Coordinator" in first and "1 Market Street" in first
    assert "President Karel Dvorak" in first  # the first letter's official, in letter order


# --------------------------------------------------------------------------- cancel and failure


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_cancel_leaves_no_file_and_an_old_file_intact(tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    library = CaseLibrary.load([CASES])
    checks = 0

    def cancelled() -> bool:
        nonlocal checks
        checks += 1
        return checks > 5  # a few pages in: cover, briefings, the first letters

    with pytest.raises(PackCancelled):
        build_pack(
            PackOptions(signers=4), library, PROFILE, output, today=TODAY, cancelled=cancelled
        )
    assert leftovers(tmp_path) == []
    output.write_bytes(b"%PDF- the old pack")
    checks = 0
    with pytest.raises(PackCancelled):
        build_pack(
            PackOptions(signers=4), library, PROFILE, output, today=TODAY, cancelled=cancelled
        )
    assert output.read_bytes() == b"%PDF- the old pack"
    assert leftovers(tmp_path) == ["pack.pdf"]


def test_a_failure_midway_leaves_the_old_file_intact(tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    output.write_bytes(b"%PDF- the old pack")

    def progress(done: int, total: int, what: str) -> None:
        if what.startswith("letter 3 "):
            raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        build_pack(
            PackOptions(signers=3),
            CaseLibrary.load([CASES]),
            PROFILE,
            output,
            today=TODAY,
            progress=progress,
        )
    assert output.read_bytes() == b"%PDF- the old pack"
    assert leftovers(tmp_path) == ["pack.pdf"]


def test_an_unwritable_output_is_a_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="cannot write"):
        build(tmp_path, name="missing-folder/pack.pdf")


def test_progress_counts_every_step_up_to_the_total(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    library = CaseLibrary.load([CASES])
    build_pack(
        PackOptions(signers=2, tally=True, labels="letter-30"),
        library,
        PROFILE,
        tmp_path / "p.pdf",
        today=TODAY,
        progress=lambda d, t, w: seen.append((d, t, w)),
    )
    total = seen[0][1]
    assert [d for d, _, _ in seen] == list(range(1, total + 1))
    assert {t for _, t, _ in seen} == {total}
    whats = [w for _, _, w in seen]
    assert whats[0] == "cover" and whats[-1] == "written"
    assert "letter 6 of 6" in whats and "tally sheet" in whats
    assert sum(w.startswith("label ") for w in whats) == 6


def test_memory_stays_flat_as_the_pack_grows(tmp_path: Path) -> None:
    library = CaseLibrary.load([CASES])
    options = {"cover": False, "briefings": False}

    def peak(copies: int) -> int:
        tracemalloc.start()
        try:
            build_pack(
                PackOptions(signers=copies, **options),
                library,
                PROFILE,
                tmp_path / f"{copies}.pdf",
                today=TODAY,
            )
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    peak(2)  # fonts, templates and caches: loaded once per process
    small, large = peak(20), peak(200)  # 60 and 600 letters
    # What grows is the PDF itself (ReportLab's page objects, a few KB a page); one letter's
    # laid-out flowables alone take about 40 KB, so holding them would show at once.
    per_letter = (large - small) / 540
    assert per_letter < 16 * 1024, (small, large)


# --------------------------------------------------------------------------- options


def test_options_refuse_what_cannot_be_printed() -> None:
    with pytest.raises(PackError, match="at least 1"):
        PackOptions(signers=0)
    with pytest.raises(PackError, match="envelopes or labels"):
        PackOptions(envelopes="dl", labels="a4-21")
    with pytest.raises(PackError, match="unknown envelope"):
        PackOptions(envelopes="c4")
    with pytest.raises(PackError, match="no signers"):
        PackOptions(signers=())
    assert PackOptions(signers=3).signer_list == (Signer(),) * 3


EMAIL_ONLY_CASE = """
format = 1
ua = "203/26"
title = "Blogger threatened"
country = "Borduria"
issued = 2026-11-20
deadline = 2026-12-20
summary = "A blogger has received death threats."
asks = ["Urging them to protect the blogger;"]

[[officials]]
id = "spokesperson"
title = "Government Spokesperson"
emails = ["press@gov.borduria.example"]
salutation = "Dear Spokesperson"
"""


def test_a_case_with_no_postal_address_gets_a_briefing_but_no_letters(tmp_path: Path) -> None:
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "ua-203-26.toml").write_text(EMAIL_ONLY_CASE, encoding="utf-8")
    library = CaseLibrary.load([tmp_path / "cases"])
    with pytest.raises(PackError, match="nothing to print"):
        build_pack(PackOptions(briefings=False), library, PROFILE, tmp_path / "p.pdf", today=TODAY)
    result = build_pack(PackOptions(tally=True), library, PROFILE, tmp_path / "b.pdf", today=TODAY)
    assert result.letters == 0
    assert [p.name for p in result.parts] == ["cover", "briefings"]
    assert "No one in this case can be written to by post." in page_texts(result.path)[1]
    assert any("no official to write to by post" in w for w in result.warnings)


CUT_OFF_CASE = """
format = 1
ua = "204/26"
title = "Lawyer held after a hearing"
country = "Borduria"
issued = 2026-11-20
deadline = 2026-12-20
summary = "A lawyer was arrested as she left a court hearing."
asks = ["Urging them to release the lawyer and to uphold h[...]"]

[[officials]]
id = "minister"
title = "Minister of Justice"
address = ["Ministry of Justice", "Capital City"]
salutation = "Dear Minister"
"""


def test_letters_cut_off_in_the_source_are_warned_about_once_per_case(tmp_path: Path) -> None:
    """An imported appeal that stops mid-word is printed as published, and the coordinator is
    told, once for the case however many members sign."""
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "ua-204-26.toml").write_text(CUT_OFF_CASE, encoding="utf-8")
    (tmp_path / "cases" / "ua-203-26.toml").write_text(
        EMAIL_ONLY_CASE.replace('"203/26"', '"205/26"').replace(
            'emails = ["press@gov.borduria.example"]', 'address = ["Press Office", "Capital"]'
        ),
        encoding="utf-8",
    )
    library = CaseLibrary.load([tmp_path / "cases"])
    options = PackOptions(signers=3)
    result = build_pack(options, library, PROFILE, tmp_path / "p.pdf", today=TODAY)
    cut = [w for w in result.warnings if "cut off" in w]
    assert cut == [
        'the letters for UA 204/26 seem cut off at "uphold h[...]": compare the case with the '
        "published document before they are sent"
    ]
    assert any("uphold h[...]" in text for text in page_texts(result.path))


def test_a_long_case_still_has_a_one_page_briefing(tmp_path: Path) -> None:
    long_case = EMAIL_ONLY_CASE.replace(
        '"A blogger has received death threats."',
        '"""' + "The blogger has received death threats every day for weeks. " * 120 + '"""',
    )
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "ua-203-26.toml").write_text(long_case, encoding="utf-8")
    library = CaseLibrary.load([tmp_path / "cases"])
    result = build_pack(PackOptions(), library, PROFILE, tmp_path / "p.pdf", today=TODAY)
    assert result.page_counts["briefings"] == 1
    assert "Who we write to" in page_texts(result.path)[1]  # the end of it is on the page
    assert "the briefing for UA 203/26 is long and printed small" in result.warnings


def test_targets_only_by_default_and_copies_to_on_request(tmp_path: Path) -> None:
    targets = build(tmp_path, "t.pdf", cases=("201/26",), briefings=False, cover=False)
    everyone = build(
        tmp_path, "a.pdf", cases=("201/26",), officials="all", briefings=False, cover=False
    )
    assert (targets.letters, everyone.letters) == (2, 3)
    assert "Your Excellency," not in "".join(page_texts(targets.path))
    assert "Your Excellency," in "".join(page_texts(everyone.path))


def test_a_pack_of_only_letters_in_us_letter_layout(tmp_path: Path) -> None:
    result = build(tmp_path, cases=("201/26",), cover=False, briefings=False, layout="letter-no10")
    assert [p.name for p in result.parts] == ["letters"]
    page = read(result.path).pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
    assert "Sincerely," in page.extract_text()


# --------------------------------------------------------------------------- command line


@pytest.fixture
def home(isolated_home: Path) -> Path:
    cases = isolated_home / "data" / "cases"
    cases.mkdir(parents=True)
    for path in CASES.glob("*.toml"):
        shutil.copy(path, cases)
    save_profile(isolated_home / "config" / "profile.toml", PROFILE)
    return isolated_home


def run(*args: str, today: str = "2026-11-28") -> int:
    return main(["--today", today, "pack", *args])


def test_cli_default_is_the_active_cases_most_urgent_first(
    home: Path, tmp_path: Path, capsys
) -> None:
    output = tmp_path / "pack.pdf"
    assert run("--copies", "2", "--tally", "-o", str(output)) == 0
    out, err = capsys.readouterr()
    assert re.match(rf"{re.escape(str(output))}: \d+ pages \(cover 1, briefings 2–3, ", out)
    assert "6 letters" in out
    assert "Government Spokesperson has no postal address" in err
    texts = page_texts(output)
    assert "UA 202/26" in texts[1] and "UA 201/26" in texts[2]  # 10 December before 15 January


def test_cli_with_chosen_cases_roster_and_envelopes(home: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "pack.pdf"
    code = run(
        "--case",
        "201/26",
        "--case",
        "63/18",
        "--roster",
        str(ROSTER),
        "--envelopes",
        "no10",
        "--no-briefings",
        "--duplex",
        "--date",
        "2026-12-01",
        "-o",
        str(output),
    )
    assert code == 0
    out, err = capsys.readouterr()
    assert "UA 63/18 is expired" in err
    assert "ignored columns: phone" in err
    assert "briefings" not in out and "envelopes" in out
    texts = page_texts(output)
    assert "1 December 2026" in texts[2]
    assert "Ada Lovelace" in texts[2] and "Dear Minister," in texts[2]


def test_cli_errors_are_one_line_with_the_right_code(home: Path, tmp_path: Path, capsys) -> None:
    output = str(tmp_path / "pack.pdf")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,email\nAda,ada@example.org\n,nobody@example.org\n", encoding="utf-8")
    cases = [
        (("--case", "999/99", "-o", output), 1, "no case UA 999/99"),
        (("--roster", str(bad), "-o", output), 1, f"{bad}, line 3: the name is empty"),
        (("--copies", "0", "-o", output), 2, "must be 1 or more"),
        (("--envelopes", "dl", "--labels", "a4-21", "-o", output), 2, "not allowed with"),
        (("--copies", "2", "--roster", str(ROSTER), "-o", output), 2, "not allowed with"),
        (
            (
                "--copies",
                "2",
            ),
            2,
            "--output",
        ),
    ]
    for args, code, message in cases:
        assert run(*args) == code, args
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    assert run("-o", output, today="2030-01-01") == 1
    assert "no active cases" in capsys.readouterr().err
    assert not Path(output).exists()


def test_cli_bundled_case_on_a_day_it_is_active(isolated_home: Path, tmp_path: Path) -> None:
    output = tmp_path / "pack.pdf"
    assert main(["--today", "2018-04-02", "pack", "--copies", "1", "-o", str(output)]) == 0
    text = "".join(page_texts(output))
    assert "Akmaral Tobylova" in text and "Dear Ambassador," in text


def test_copies_to_recipients_can_be_added_for_one_case(tmp_path: Path) -> None:
    targets = build(tmp_path, "targets.pdf", cases=("201/26", "202/26"), signers=1)
    with_copies = build(
        tmp_path, "copies.pdf", cases=("201/26", "202/26"), signers=1, copies_to=("201/26",)
    )
    by_case = {(c.ua, c.official_id) for c in with_copies.counts}
    assert with_copies.letters == targets.letters + 1
    assert {ua for ua, _ in by_case - {(c.ua, c.official_id) for c in targets.counts}} == {"201/26"}


def test_cli_copies_to(home: Path, tmp_path: Path, capsys) -> None:
    output = tmp_path / "pack.pdf"
    assert run("--case", "201/26", "--copies-to", "201/26", "-o", str(output)) == 0
    plain = run("--case", "201/26", "-o", str(tmp_path / "plain.pdf"))
    assert plain == 0
    out = capsys.readouterr().out
    counts = [int(n) for n in re.findall(r"(\d+) letters?$", out, re.MULTILINE)]
    assert counts[0] == counts[1] + 1, out


# ------------------------------------------------------------------ where members post from


@pytest.mark.parametrize(
    ("last_line", "country"),
    [
        ("United Kingdom", "United Kingdom"),
        ("UK", "UK"),
        ("75001 Paris, France", "France"),
        ("Georgia", "Georgia"),  # a line of its own: the country
        ("Atlanta, Georgia", ""),  # after a comma: the US state
        ("Springfield IL 62701", ""),
        ("CA", ""),  # California more often than Canada
        ("London SW1A 1AA", ""),
    ],
)
def test_the_country_an_address_names(last_line: str, country: str) -> None:
    from uaction_desktop.pack.plan import address_country

    assert address_country(("1 Some Street", last_line)) == country
    assert address_country(()) == ""


def test_a_member_with_a_uk_address_and_no_country_column_posts_from_the_uk(tmp_path) -> None:
    from uaction_desktop.pack import parse_roster

    roster = parse_roster(
        'name,address\n"Olu Adeyemi","7 Mill Lane\nLeeds LS1 4AP\nUnited Kingdom"\n'
        '"Sam Reed","9 Oak Road\nAtlanta, Georgia"\n'
    )
    us = SenderProfile(name="Coordinator", address=("1 Main St",), country="United States")
    olu, sam = roster.signers
    assert signer_profile(us, olu).country == "United Kingdom"
    assert signer_profile(us, sam).country == "United States"  # the coordinator's
    assert signer_profile(us, replace(olu, country="Ireland")).country == "Ireland"
    library = CaseLibrary.load([CASES])
    result = build_pack(
        PackOptions(cases=("201/26",), signers=(olu,), officials="all", cover=False),
        library,
        us,
        tmp_path / "pack.pdf",
        today=TODAY,
    )
    texts = page_texts(result.path)
    letters = result.part("letters")
    to_london = [t for t in texts[letters.first - 1 : letters.last] if "London SW1A 1AA" in t]
    assert to_london, "no letter to the embassy in London"
    for text in to_london:  # posted within the UK: no country line on the address
        assert "UNITED KINGDOM" not in text
    to_arcadia = [t for t in texts[letters.first - 1 : letters.last] if "Arcadia City" in t]
    assert to_arcadia and all("UNITED STATES" not in t for t in to_arcadia)
