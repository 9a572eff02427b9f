"""Text out of a document file: plain text, email (.eml), web page (.html), Word (.docx), PDF.

Documents come from outside, so every reader is bounded (file size, unpacked size, pages,
characters) and every failure becomes a :class:`DocumentError` with a sentence for the user.
The file's content decides how it is read; the name only helps with the message.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import io
import logging
import re
import threading
import warnings
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from uaction_desktop.bounded import TooLargeOrSpecial, read_bytes_bounded
from uaction_desktop.i18n import _, format_number, ngettext
from uaction_desktop.importer.draft import Leftover

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 500_000
MAX_PDF_PAGES = 200
MAX_UNPACKED_BYTES = 10 * 1024 * 1024  # of a .docx's XML, counted as unpacked, not as claimed
MAX_PARTS = 2_000  # files inside a .docx (a real one has a few dozen)
_CHUNK = 64 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


class DocumentError(Exception):
    """The file cannot be imported. ``message`` says why, for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Extracted:
    """A document's text, what kind of file it was, and anything the reader had to note."""

    text: str
    kind: str  # "text", "email", "html", "docx" or "pdf"
    warnings: tuple[str, ...] = ()
    dropped: tuple[Leftover, ...] = field(default=())


def extract_file(path: str | Path) -> Extracted:
    path = Path(path)
    try:
        data = read_bytes_bounded(path, MAX_FILE_BYTES)
    except FileNotFoundError as exc:
        raise DocumentError(_("{path}: no such file").format(path=path)) from exc
    except IsADirectoryError as exc:
        raise DocumentError(_("{path}: not a file (a folder)").format(path=path)) from exc
    except TooLargeOrSpecial as exc:
        if exc.message.startswith(("a ", "not ")):
            raise DocumentError(
                _("{path}: not a file ({what})").format(path=path, what=exc.message)
            ) from exc
        raise DocumentError(
            _("{name} is {what}; documents of at most {megabytes} MB can be imported").format(
                name=path.name, what=exc.message, megabytes=MAX_FILE_BYTES // 1048576
            )
        ) from exc
    except OSError as exc:
        raise DocumentError(
            _("cannot read {name}: {reason}").format(name=path.name, reason=exc.strerror or exc)
        ) from exc
    return extract_bytes(data, path.name)


def extract_bytes(data: bytes, name: str = "document") -> Extracted:
    if len(data) > MAX_FILE_BYTES:
        raise DocumentError(
            _("{name} is larger than {megabytes} MB").format(
                name=name, megabytes=MAX_FILE_BYTES // 1048576
            )
        )
    suffix = Path(name).suffix.lower()
    if not data.strip():
        raise DocumentError(_("{name} is empty").format(name=name))
    if data.startswith(b"%PDF-"):
        result = _pdf(data, name)
    elif data.startswith(b"PK\x03\x04"):
        result = _docx(data, name)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(
            _(
                "{name} is an old Word (.doc) or Outlook file; open it and save it as .docx, PDF "
                "or plain text, then import that"
            ).format(name=name)
        )
    elif data.lstrip().startswith(b"{\\rtf"):
        raise DocumentError(
            _("{name} is an RTF file; save it as .docx or plain text first").format(name=name)
        )
    elif suffix == ".pdf":
        raise DocumentError(
            _("{name} is not a PDF (it does not start like one): is it damaged?").format(name=name)
        )
    elif suffix in (".docx", ".docm", ".dotx"):
        raise DocumentError(
            _("{name} is not a Word .docx file (it is not a zip package)").format(name=name)
        )
    else:
        text, notes = decode_text(data, name)
        if suffix == ".eml" or _looks_like_email(text):
            result = _email(data, name)
        elif suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype html|html)", text, re.I):
            result = Extracted(html_to_text(text), "html", tuple(notes))
        else:
            result = Extracted(text, "text", tuple(notes))
    if len(result.text) > MAX_TEXT_CHARS:
        raise DocumentError(
            _(
                "{name} holds {count} characters of text; an Urgent Action is far shorter (the "
                "limit is {limit})"
            ).format(
                name=name,
                count=format_number(len(result.text)),
                limit=format_number(MAX_TEXT_CHARS),
            )
        )
    if not result.text.strip():
        raise DocumentError(_("{name} has no text to import").format(name=name))
    return result


# ------------------------------------------------------------------------ plain text


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; Windows-1252 as a last resort for
    old files, with a warning. Binary data is refused."""
    notes: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(
                _("{name} says it is UTF-16 text but is damaged").format(name=name)
            ) from exc
    elif b"\x00" in data:
        raise DocumentError(
            _("{name} is not a text document (it holds binary data)").format(name=name)
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    _(
                        "{name} is not readable text (neither UTF-8 nor Windows-1252); save it as "
                        "UTF-8 text and try again"
                    ).format(name=name)
                ) from exc
            notes.append(
                _("{name} is not UTF-8; it was read as Windows-1252: check accents").format(
                    name=name
                )
            )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text) // 200):
        raise DocumentError(
            _("{name} is not a text document (it holds binary data)").format(name=name)
        )
    return text, notes


def _looks_like_email(text: str) -> bool:
    head = text[:2000]
    return bool(
        re.match(
            r"(?:(?:received|return-path|delivered-to|message-id|from|date|to|subject|"
            r"mime-version|content-type)\s*:.*\n){3,}",
            head,
            re.I,
        )
    )


def _email(data: bytes, name: str) -> Extracted:
    """The message's text part (or its HTML part as text), with the subject as the first line."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain", "html"))  # type: ignore[attr-defined]
        content = body.get_content() if body is not None else ""
        subtype = body.get_content_subtype() if body is not None else "plain"
        subject = str(message.get("subject", "") or "")
        attachments = [
            part.get_filename() or "unnamed"
            for part in message.iter_attachments()  # type: ignore[attr-defined]
        ]
    except Exception as exc:  # the email package raises many kinds on malformed input
        raise DocumentError(
            _("{name} is not a readable email message ({error})").format(name=name, error=exc)
        ) from exc
    if not isinstance(content, str):
        raise DocumentError(_("{name}: the email has no text part to import").format(name=name))
    text = html_to_text(content) if subtype == "html" else content
    subject = re.sub(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", "", subject.strip(), flags=re.I)
    notes = []
    if attachments:
        notes.append(
            _(
                "the email has attachments ({names}); import a document attachment on its own "
                "if the Urgent Action is in it"
            ).format(names=", ".join(attachments))
        )
    return Extracted(f"{subject}\n\n{text}" if subject else text, "email", tuple(notes))


class _TextOfHtml(HTMLParser):
    _BLOCKS = frozenset(
        re.findall(
            r"\w+",
            "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer "
            "blockquote pre address dt dd hr",
        )
    )
    _SKIP = frozenset({"script", "style", "head", "template", "noscript", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of a web page or HTML email, one block per line. Never runs anything."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# ------------------------------------------------------------------------ Word


def _docx(data: bytes, name: str) -> Extracted:
    package = _bounded_package(data, name)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(package)
        lines: list[str] = []
        count = _Budget(name)
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(count(block.text))
                lines.extend(map(count, _text_boxes(block)))
            elif isinstance(block, Table):
                lines.extend(map(count, _table_lines(block)))
        extra: list[str] = []
        for section in document.sections:
            for part in (
                section.header,
                section.first_page_header,
                section.footer,
                section.first_page_footer,
            ):
                if part.is_linked_to_previous and extra:
                    continue
                for paragraph in part.paragraphs:
                    extra.append(count(paragraph.text))
                for table in part.tables:
                    extra.extend(map(count, _table_lines(table)))
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged packages
        raise DocumentError(
            _("{name} is a damaged Word document ({error})").format(
                name=name, error=type(exc).__name__
            )
        ) from exc
    seen = {line.strip() for line in lines if line.strip()}
    tail = [line for line in dict.fromkeys(extra) if line.strip() and line.strip() not in seen]
    text = "\n".join([*lines, "", *tail] if tail else lines)
    return Extracted(text, "docx")


def _bounded_package(data: bytes, name: str) -> io.BytesIO:
    """The package rebuilt from what its parts really unpack to, read in chunks and stopped at
    :data:`MAX_UNPACKED_BYTES` whatever sizes its directory claims; pictures and other binary
    parts are left empty (only text is imported), so a zip bomb never reaches the XML parser."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            named = {info.filename: info for info in reversed(package.infolist())}
            infos = [info for info in named.values() if not info.is_dir()]  # each name once
            names = set(named)
            if "word/document.xml" not in names:
                kind = _("an OpenDocument file") if "content.xml" in names else _("a zip archive")
                raise DocumentError(
                    _("{name} is {kind}, not a Word .docx document").format(name=name, kind=kind)
                )
            if len(infos) > MAX_PARTS:
                raise DocumentError(
                    _("{name} holds {count} files; a Word document has a few").format(
                        name=name, count=format_number(len(infos))
                    )
                )
            rebuilt = io.BytesIO()
            unpacked = 0
            with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_STORED) as out:
                for info in infos:
                    if not info.filename.lower().endswith((".xml", ".rels")):
                        out.writestr(info.filename, b"")
                        continue
                    chunks: list[bytes] = []
                    with package.open(info) as part:
                        while chunk := part.read(_CHUNK):
                            unpacked += len(chunk)
                            if unpacked > MAX_UNPACKED_BYTES:
                                raise DocumentError(
                                    _(
                                        "{name} unpacks to more than {megabytes} MB of text and "
                                        "layout; an Urgent Action is far smaller"
                                    ).format(name=name, megabytes=MAX_UNPACKED_BYTES // 1048576)
                                )
                            chunks.append(chunk)
                    out.writestr(info.filename, b"".join(chunks))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DocumentError(
            _("{name} is damaged (not a readable zip package)").format(name=name)
        ) from exc
    except NotImplementedError as exc:  # a compression method zipfile does not know
        raise DocumentError(
            _("{name} is packed in a way that cannot be read ({error})").format(
                name=name, error=exc
            )
        ) from exc
    rebuilt.seek(0)
    return rebuilt


class _Budget:
    """Counts the characters taken out so far and stops at :data:`MAX_TEXT_CHARS`, so a small
    file of millions of characters is refused while being read, not after."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.total = 0

    def __call__(self, text: str) -> str:
        self.total += len(text) + 1
        if self.total > MAX_TEXT_CHARS:
            raise DocumentError(
                _(
                    "{name} holds more than {limit} characters of text; an Urgent Action is far "
                    "shorter"
                ).format(name=self.name, limit=format_number(MAX_TEXT_CHARS))
            )
        return text


def _text_boxes(paragraph: object) -> list[str]:
    """Text in text boxes anchored in the paragraph (python-docx skips them); the legacy copy
    Word keeps in mc:Fallback is skipped so nothing appears twice."""
    element = paragraph._p  # type: ignore[attr-defined]
    out: list[str] = []
    for box in element.iter(f"{{{_W}}}txbxContent"):
        if any(a.tag == f"{{{_MC}}}Fallback" for a in box.iterancestors()):
            continue
        for p in box.iter(f"{{{_W}}}p"):
            out.append("".join(t.text or "" for t in p.iter(f"{{{_W}}}t")))
    return out


def _table_lines(table: object) -> list[str]:
    """Each cell's paragraphs, cells separated by a blank line (merged cells once)."""
    out: list[str] = []
    seen: set[int] = set()
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            out.extend(p.text for p in cell.paragraphs)
            for inner in cell.tables:
                out.extend(_table_lines(inner))
            out.append("")
    return out


# ------------------------------------------------------------------------ PDF


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _quiet_pypdf() -> object:
    """pypdf logs what it repairs in a damaged file; collect it instead of printing it."""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _repairs(data: bytes) -> int:
    """How many problems pypdf repairs while opening the file (PDFium repairs silently): a
    repaired file's text deserves a check. Only the structure is read; nothing is decrypted."""
    from pypdf import PdfReader

    try:
        with warnings.catch_warnings(record=True) as caught, _quiet_pypdf() as log:
            warnings.simplefilter("always")
            len(PdfReader(io.BytesIO(data), strict=False).pages)
    except Exception:  # PDFium read it: a structure pypdf cannot follow is not our concern
        return 0
    return len(caught) + len(log.records)  # type: ignore[attr-defined]


_PDFIUM = threading.Lock()  # PDFium is not thread-safe; the window imports on a worker thread


def _pdf(data: bytes, name: str) -> Extracted:
    """The text of each page, read with PDFium (pypdfium2): it opens encrypted PDFs that need
    no password (owner-password-only AES is common in published documents) with nothing else
    installed, and reads the two-column UA layout in the same order as pypdf did (see
    docs/importing.md). Characters are counted before a page's text is taken out."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise DocumentError(
                    _(
                        "{name} is protected by a password; open it with the password, save an "
                        "unprotected copy and import that"
                    ).format(name=name)
                ) from exc
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_SECURITY:
                raise DocumentError(
                    _("{name} is encrypted in a way that cannot be read").format(name=name)
                ) from exc
            raise DocumentError(
                _("{name} is a damaged PDF (it cannot be opened)").format(name=name)
            ) from exc
        try:
            pages = _pdf_pages(document, name)
        except pdfium.PdfiumError as exc:
            raise DocumentError(
                _("{name} is a damaged PDF ({error})").format(name=name, error=exc)
            ) from exc
        finally:
            document.close()
    if not any(page.strip() for page in pages):
        raise DocumentError(
            _(
                "{name} has no text layer (a scan?); run text recognition on it or type the text"
            ).format(name=name)
        )
    problems = _repairs(data)
    notes = [
        ngettext(
            "the PDF reader repaired {count} problem in {name}: check the text",
            "the PDF reader repaired {count} problems in {name}: check the text",
            problems,
        ).format(count=problems, name=name)
    ]
    text, dropped = _without_running_heads(pages)
    return Extracted(text, "pdf", tuple(notes[:1] if problems else ()), tuple(dropped))


def _pdf_pages(document: object, name: str) -> list[str]:
    count = len(document)  # type: ignore[arg-type]
    if count > MAX_PDF_PAGES:
        raise DocumentError(
            _("{name} has {count} pages; an Urgent Action has a few").format(name=name, count=count)
        )
    pages: list[str] = []
    total = 0
    for index in range(count):
        page = document[index]  # type: ignore[index]
        try:
            textpage = page.get_textpage()
            try:
                total += textpage.count_chars()
                if total > MAX_TEXT_CHARS:
                    raise DocumentError(
                        _("{name} holds more than {limit} characters").format(
                            name=name, limit=format_number(MAX_TEXT_CHARS)
                        )
                    )
                text = textpage.get_text_range()
            finally:
                textpage.close()
        finally:
            page.close()
        # PDFium ends lines with CR LF and marks a hyphen it guessed at a line end with \x02.
        pages.append(text.replace("\r\n", "\n").replace("\r", "\n").replace("\x02", "-"))
    return pages


def _without_running_heads(pages: list[str]) -> tuple[str, list[Leftover]]:
    """Lines repeated at the top or bottom of several pages are page headers or footers: kept
    once, where they first appear."""
    split = [page.splitlines() for page in pages]
    if len(split) < 2:
        return "\n".join(split[0] if split else []), []
    counts: dict[str, int] = {}
    for lines in split:
        edge = {_shape(line) for line in _edges(lines)}
        for key in edge:
            counts[key] = counts.get(key, 0) + 1
    repeated = {key for key, n in counts.items() if n >= 2 and key}
    seen: set[str] = set()
    out: list[str] = []
    dropped: list[Leftover] = []
    for lines in split:
        edges = set(_edges(lines))
        for line in lines:
            key = _shape(line)
            if line in edges and key in repeated:
                if key in seen:
                    dropped.append(Leftover(line.strip(), _("repeated page header or footer")))
                    continue
                seen.add(key)
            out.append(line)
        out.append("")
    return "\n".join(out), dropped


def _edges(lines: list[str]) -> list[str]:
    content = [line for line in lines if line.strip()]
    return content[:2] + content[-2:]


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())
