"""Documents and paths built to exhaust memory: bounded before they are read.

Every input is generated here (a few kilobytes each); nothing large is committed.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
from pathlib import Path

import pytest
from docx.text.paragraph import Paragraph

from uaction_desktop.cli import main
from uaction_desktop.importer.extract import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    MAX_UNPACKED_BYTES,
    DocumentError,
    extract_bytes,
    extract_file,
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def docx_of(paragraphs: int, text: str = "Release the detained defenders now. ") -> bytes:
    """A minimal, valid .docx of ``paragraphs`` paragraphs (compresses to almost nothing)."""
    run = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()
    body = (
        f'<?xml version="1.0"?><w:document xmlns:w="{_W}"><w:body>'.encode()
        + run * paragraphs
        + b"</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", body)
    return buffer.getvalue()


def lying(data: bytes, claimed: int = 1000) -> bytes:
    """The same zip, its local headers and directory claiming every part unpacks to
    ``claimed`` bytes."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := out.find(signature, at)) >= 0:
            struct.pack_into("<I", out, at + offset, claimed)
            at += 4
    return bytes(out)


@pytest.fixture
def unpacked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Bytes actually unpacked from zip parts, counted where zipfile hands them out."""
    seen = [0]
    real = zipfile.ZipExtFile.read

    def counted(self, n: int = -1) -> bytes:
        data = real(self, n)
        seen[0] += len(data)
        return data

    monkeypatch.setattr(zipfile.ZipExtFile, "read", counted)
    return seen


def test_a_small_docx_is_still_read() -> None:
    result = extract_bytes(docx_of(3), "ok.docx")
    assert result.kind == "docx" and result.text.count("Release the detained") == 3


def test_a_docx_bomb_is_stopped_at_the_unpacked_cap(unpacked: list[int]) -> None:
    bomb = docx_of(600_000)  # 30 MB of XML in about 100 KB
    assert len(bomb) < MAX_FILE_BYTES
    with pytest.raises(DocumentError, match="unpacks to more than 10 MB"):
        extract_bytes(bomb, "bomb.docx")
    assert unpacked[0] <= MAX_UNPACKED_BYTES + 64 * 1024


def test_a_docx_whose_directory_lies_about_sizes_is_bounded(unpacked: list[int]) -> None:
    for bomb in (lying(docx_of(600_000)), lying(docx_of(600_000), claimed=2**31)):
        with pytest.raises(DocumentError):
            extract_bytes(bomb, "liar.docx")
        assert unpacked[0] <= MAX_UNPACKED_BYTES + 64 * 1024
        unpacked[0] = 0


def test_a_docx_of_too_much_text_stops_reading_at_the_character_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = [0]
    real = Paragraph.text

    def counted(self: Paragraph) -> str:
        read[0] += 1
        return real.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Paragraph, "text", property(counted))
    sentence = "Release the detained defenders now. "
    paragraphs = 100_000  # 3.6 million characters, under the unpacked cap
    with pytest.raises(DocumentError, match=f"more than {MAX_TEXT_CHARS:,} characters"):
        extract_bytes(docx_of(paragraphs, sentence), "long.docx")
    assert read[0] <= MAX_TEXT_CHARS // len(sentence) + 2  # stopped there, not at the end


def test_a_docx_with_thousands_of_parts_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
        for number in range(3000):
            package.writestr(f"customXml/item{number}.xml", "")
    with pytest.raises(DocumentError, match="3,001 files"):
        extract_bytes(buffer.getvalue(), "many.docx")


def test_devices_and_fifos_are_never_read(tmp_path: Path, capsys) -> None:
    fifo = tmp_path / "case.toml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with pytest.raises(DocumentError, match="not a file"):
            extract_file(path)
    assert main(["check", "/dev/zero", str(fifo)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "/dev/zero: a device, not a case file",
        f"{fifo}: a pipe (FIFO), not a case file",
    ]
    (tmp_path / "other.toml").symlink_to(tmp_path / "gone.toml")
    assert main(["check", str(tmp_path)]) == 1
    assert "a link to a file that is missing" in capsys.readouterr().out
