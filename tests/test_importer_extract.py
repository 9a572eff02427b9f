"""Reading documents: text encodings, Word, PDF, email and web pages; and refusing, with a clear
message, what is binary, damaged, too big or not a document at all. Real files in tmp_path."""

from __future__ import annotations

import io
import re
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from uaction_desktop.importer import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    DocumentError,
    extract_file,
    import_file,
)
from uaction_desktop.importer.extract import MAX_UNPACKED_BYTES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
REFERENCE_DOC = FIXTURES / "ua-63-18-kazakhstan.txt"
SHORT_UA = """URGENT ACTION
TEACHER DETAINED FOR A POEM
Teacher Lena Marsh (f) was detained on 3 May for reading a poem at a school concert.
TAKE ACTION
Urging them to release Lena Marsh immediately and unconditionally.
Contact this official by 30 June, 2021:
Minister of Education
Otto Brandvik
Ministry of Education
12 School Street
Oslo 0150
Norway
Email: minister@edu.example.no
Salutation: Dear Minister
UA: 88/21 Index: EUR 36/1111/2021 Issue Date: 10 May 2021
"""


# ---------------------------------------------------------------------------- text


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16"], ids=["utf8", "utf8-bom", "utf16"]
)
def test_text_in_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ua.txt"
    path.write_bytes(REFERENCE_DOC.read_text(encoding="utf-8").encode(encoding))
    extracted = extract_file(path)
    assert extracted.kind == "text" and not extracted.warnings
    assert "Akmaral Tobylova" in extracted.text and "\ufeff" not in extracted.text


def test_windows_1252_text_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("URGENT ACTION\nCarta de Bogotá\nSe pidió la liberación.\n".encode("cp1252"))
    extracted = extract_file(path)
    assert "Bogotá" in extracted.text
    assert extracted.warnings and "Windows-1252" in extracted.warnings[0]
    draft = import_file(path)
    assert draft.warnings[: len(extracted.warnings)] == list(extracted.warnings)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4, "binary data"),
        (bytes(range(1, 32)) * 50, "binary data"),
        (b"   \n\t\n", "empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Word"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"\xff\xfeA\x00\x00\xd8", "UTF-16"),
    ],
    ids=["elf", "controls", "blank", "ole", "rtf", "bad-utf16"],
)
def test_binary_and_unsupported_files_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "document.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match=message) as caught:
        extract_file(path)
    assert caught.value.message == str(caught.value)


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    with pytest.raises(DocumentError, match="MB"):
        extract_file(path)


def test_text_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * (MAX_TEXT_CHARS // 5 + 10), encoding="utf-8")
    with pytest.raises(DocumentError, match="characters"):
        extract_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        extract_file(tmp_path / "absent.pdf")
    with pytest.raises(DocumentError, match="not a file"):
        extract_file(tmp_path)


def test_wrong_extension_is_refused_not_guessed(tmp_path: Path) -> None:
    fake_pdf = tmp_path / "ua.pdf"
    fake_pdf.write_text(SHORT_UA, encoding="utf-8")
    with pytest.raises(DocumentError, match="not a PDF"):
        extract_file(fake_pdf)
    fake_docx = tmp_path / "ua.docx"
    fake_docx.write_text(SHORT_UA, encoding="utf-8")
    with pytest.raises(DocumentError, match="not a Word"):
        extract_file(fake_docx)


# ---------------------------------------------------------------------------- Word


def _word_document(path: Path) -> None:
    document = docx.Document()
    body, footer_line = SHORT_UA.strip().split("\n")[:-1], SHORT_UA.strip().split("\n")[-1]
    start = body.index("Minister of Education")
    for line in body[:start]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    cell.text = body[start]
    for line in body[start + 1 :]:
        cell.add_paragraph(line)
    document.add_paragraph(
        "Please check with your section office if sending appeals after the above date."
    )
    document.sections[0].footer.paragraphs[0].text = footer_line
    document.save(str(path))


def test_docx_paragraphs_tables_and_footer(tmp_path: Path) -> None:
    path = tmp_path / "ua.docx"
    _word_document(path)
    extracted = extract_file(path)
    assert extracted.kind == "docx"
    draft = import_file(path)
    case = draft.to_case()
    assert (case.ua, case.index, case.title) == (
        "88/21",
        "EUR 36/1111/2021",
        "Teacher detained for a poem",
    )
    assert case.deadline is not None and case.deadline.isoformat() == "2021-06-30"
    (official,) = case.officials
    assert official.name == "Otto Brandvik" and official.emails == ("minister@edu.example.no",)
    assert official.country == "Norway"
    assert draft.problems() == []


def test_docx_text_boxes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "box.docx"
    document = docx.Document()
    paragraph = document.add_paragraph("URGENT ACTION")
    box = (
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        "<w:t>UA: 12/22 Index: AFR 01/2222/2022 Issue Date: 1 March 2022</w:t></w:r>"
    )
    from docx.oxml import parse_xml

    run = parse_xml(box)
    txbx = parse_xml(
        '<w:txbxContent xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:p><w:r><w:t>Text box line</w:t></w:r></w:p></w:txbxContent>"
    )
    paragraph._p.append(run)
    run.append(txbx)
    document.save(str(path))
    assert "Text box line" in extract_file(path).text


def test_damaged_and_foreign_zip_packages(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 20)
    with pytest.raises(DocumentError, match="damaged"):
        extract_file(damaged)
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("content.xml", "<office/>")
    with pytest.raises(DocumentError, match="OpenDocument"):
        extract_file(other)
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(broken, "w") as package:
        package.writestr("word/document.xml", "<not xml")
    with pytest.raises(DocumentError, match="damaged Word"):
        extract_file(broken)


def test_docx_that_unpacks_too_large_is_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", "<w:document/>")
        package.writestr("customXml/item1.xml", b" " * (MAX_UNPACKED_BYTES + 1))
    assert bomb.stat().st_size < MAX_FILE_BYTES
    with pytest.raises(DocumentError, match="unpacks to more than"):
        extract_file(bomb)


# ---------------------------------------------------------------------------- PDF


def _pdf(path: Path, pages: list[list[str]], **kwargs: object) -> None:
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1, **kwargs)
    for number, lines in enumerate(pages, start=1):
        y = 800
        pdf.drawString(50, 815, "Amnesty International Urgent Action network page header")
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 16
        pdf.drawString(50, 30, f"Page {number} of {len(pages)}")
        pdf.showPage()
    pdf.save()


def test_pdf_text_with_running_heads_kept_once(tmp_path: Path) -> None:
    lines = SHORT_UA.strip().split("\n")
    path = tmp_path / "ua.pdf"
    _pdf(path, [lines[:5], lines[5:]])
    extracted = extract_file(path)
    assert extracted.kind == "pdf"
    assert extracted.text.count("page header") == 1
    assert any("page header" in d.text for d in extracted.dropped)
    draft = import_file(path)
    case = draft.to_case()
    assert (case.ua, case.people[0].name) == ("88/21", "Lena Marsh")
    assert case.officials[0].salutation == "Dear Minister"


def test_pdf_with_a_password_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    _pdf(path, [["URGENT ACTION", "Secret"]], encrypt="secret")
    with pytest.raises(DocumentError, match=r"password|encrypted"):
        extract_file(path)


def test_pdf_without_text_and_damaged_pdf(tmp_path: Path) -> None:
    blank = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(blank), pagesize=A4, invariant=1)
    pdf.rect(50, 50, 100, 100)
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match="no text layer"):
        extract_file(blank)
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(blank.read_bytes()[:200])
    with pytest.raises(DocumentError, match=r"damaged PDF|no text"):
        extract_file(damaged)


# ---------------------------------------------------------------------------- email, web


def test_email_message_with_attachment(tmp_path: Path) -> None:
    message = EmailMessage()
    message["From"] = "coordinator@example.org"
    message["To"] = "group@example.org"
    message["Subject"] = "Fwd: Urgent Action: Teacher detained for a poem"
    message.set_content(SHORT_UA.split("\n", 2)[2])
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ua.pdf")
    path = tmp_path / "ua.eml"
    path.write_bytes(bytes(message))
    extracted = extract_file(path)
    assert extracted.kind == "email" and "ua.pdf" in extracted.warnings[0]
    draft = import_file(path)
    assert draft.value("title") == "Teacher detained for a poem"
    assert draft.value("ua") == "88/21"


def test_html_page_text_without_scripts(tmp_path: Path) -> None:
    path = tmp_path / "ua.html"
    html = "<html><head><title>x</title><script>steal()</script></head><body>"
    html += "".join(f"<p>{line}</p>" for line in SHORT_UA.strip().split("\n"))
    html += "<style>p {}</style></body></html>"
    path.write_text(html, encoding="utf-8")
    extracted = extract_file(path)
    assert extracted.kind == "html"
    assert "steal" not in extracted.text and "p {}" not in extracted.text
    assert import_file(path).value("ua") == "88/21"


def test_extract_reads_only_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ua.txt"
    path.write_text(SHORT_UA, encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    import_file(path).to_toml()
    assert sorted(tmp_path.iterdir()) == before
    assert io.BytesIO  # the readers work on bytes in memory


def test_repaired_pdf_reads_with_a_warning_and_prints_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.pdf"
    _pdf(good, [SHORT_UA.strip().split("\n")])
    path = tmp_path / "repaired.pdf"
    path.write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n123", good.read_bytes()))
    extracted = extract_file(path)
    assert "88/21" in extracted.text
    assert extracted.warnings and "repaired" in extracted.warnings[0]
    assert capsys.readouterr().err == ""


def _encrypted(path: Path, user_password: str, algorithm: str) -> None:
    """The short UA as a PDF encrypted the way published documents often are."""
    import pypdf

    plain = path.with_suffix(".plain.pdf")
    _pdf(plain, [SHORT_UA.strip().split("\n")])
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(plain))
    writer.encrypt(user_password=user_password, owner_password="owner-only", algorithm=algorithm)
    with path.open("wb") as out:
        writer.write(out)


def no_aes_in_pypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """pypdf as a fresh install has it: without the optional cryptography package, so without
    AES (it raises DependencyError)."""
    import pypdf._encryption as encryption
    from pypdf._crypt_providers import _fallback

    for name in ("aes_cbc_decrypt", "aes_cbc_encrypt", "aes_ecb_decrypt", "aes_ecb_encrypt"):
        monkeypatch.setattr(encryption, name, getattr(_fallback, name))


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_a_pdf_encrypted_without_a_user_password_imports(
    tmp_path: Path, algorithm: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "published.pdf"
    _encrypted(path, "", algorithm)
    no_aes_in_pypdf(monkeypatch)
    extracted = extract_file(path)
    assert "Lena Marsh" in extracted.text
    assert import_file(path).value("ua") == "88/21"


@pytest.mark.parametrize("algorithm", ["AES-256", "RC4-128"])
def test_a_pdf_that_needs_a_password_says_so(tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "locked.pdf"
    _encrypted(path, "members-only", algorithm)
    with pytest.raises(DocumentError, match="protected by a password; open it with the password"):
        extract_file(path)


def test_pdf_text_is_read_in_content_order_over_two_columns_with_header_and_footer(
    tmp_path: Path,
) -> None:
    """The international UA layout: header box, two columns, footer box (see the reading-order
    note in docs/importing.md)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Frame
    from reportlab.platypus import Paragraph as Para

    path = tmp_path / "columns.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    style = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=12)
    pdf.rect(15 * mm, height - 40 * mm, width - 30 * mm, 25 * mm)
    pdf.drawString(20 * mm, height - 25 * mm, "URGENT ACTION")
    pdf.drawRightString(width - 20 * mm, height - 22 * mm, "UA: 88/21 Index: MDE 13/4242/2021")
    left = " ".join(f"Column one sentence {i}." for i in range(60))
    right = " ".join(f"Column two sentence {i}." for i in range(60))
    for x, text in ((15, left), (110, right)):
        Frame(x * mm, 40 * mm, 85 * mm, height - 85 * mm).addFromList([Para(text, style)], pdf)
    pdf.drawString(20 * mm, 22 * mm, "PLEASE TAKE ACTION AS SOON AS POSSIBLE UNTIL: 15 June 2021")
    pdf.drawString(115 * mm, 22 * mm, "NAME AND PRONOUN: Lena Marsh (she/her)")
    pdf.showPage()
    pdf.save()
    text = " ".join(extract_file(path).text.split())
    order = [
        "URGENT ACTION",
        "UA: 88/21",
        "Column one sentence 0.",
        "Column one sentence 59.",
        "Column two sentence 0.",
        "Column two sentence 59.",
        "PLEASE TAKE ACTION",
        "NAME AND PRONOUN",
    ]
    found = [text.find(marker) for marker in order]
    assert -1 not in found and found == sorted(found), found
