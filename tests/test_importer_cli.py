"""``uaction import``: stdout, --output (atomic, never over a file without --force), --json."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from uaction_desktop.case_json import case_to_json
from uaction_desktop.casefile import load_case_file
from uaction_desktop.cli import main

TESTS = Path(__file__).resolve().parent
REFERENCE_DOC = TESTS / "fixtures" / "import" / "ua-63-18-kazakhstan.txt"
BUNDLED = TESTS.parent / "cases" / "ua-63-18-kazakhstan.toml"


def _files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


def test_import_prints_the_case_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    before = _files(tmp_path)
    assert main(["import", str(REFERENCE_DOC)]) == 0
    out, err = capsys.readouterr()
    data = tomllib.loads(out)
    assert data["ua"] == "63/18" and data["officials"][0]["id"] == "prosecutor-general"
    assert "read UA 63/18 (initial)" in err
    assert _files(tmp_path) == before  # nothing written


def test_import_output_writes_a_valid_case_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "case.toml"
    assert main(["import", str(REFERENCE_DOC), "--output", str(target)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"wrote {target}" in err
    result = load_case_file(target)
    assert result.ok, result.problems
    # The document holds the case in English; the translations are ours, not the document's.
    assert result.case == load_case_file(BUNDLED).case.own_language_only()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.toml"]  # no temp file left


def test_import_refuses_to_overwrite_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "case.toml"
    target.write_text("keep me", encoding="utf-8")
    assert main(["import", str(REFERENCE_DOC), "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert main(["import", str(REFERENCE_DOC), "-o", str(target), "--force"]) == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["ua"] == "63/18"


def test_import_never_replaces_the_document_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "ua.txt"
    doc.write_bytes(REFERENCE_DOC.read_bytes())
    assert main(["import", str(doc), "-o", str(doc), "--force"]) == 1
    assert "replace the document" in capsys.readouterr().err
    assert doc.read_bytes() == REFERENCE_DOC.read_bytes()


def test_import_refuses_missing_output_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "case.toml"
    assert main(["import", str(REFERENCE_DOC), "-o", str(target)]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_import_json_has_the_show_shape_plus_confidence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(REFERENCE_DOC), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    bundled = load_case_file(BUNDLED).case
    assert set(case_to_json(bundled)) <= set(data)
    assert data["ua"] == "63/18" and data["officials"][1]["emails"] == [
        "washington@mfa.kz",
        "kzconsuldc@gmail.com",
    ]
    assert data["confidence"]["title"]["confidence"] == "medium"
    assert data["confidence"]["officials[0].fax"] == {
        "confidence": "high",
        "note": "from the 'Fax:' label",
    }
    assert data["leftovers"] == [] and data["problems"] == []


def test_import_json_and_output_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "case.toml"
    assert main(["import", str(REFERENCE_DOC), "--json", "-o", str(target)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["file"] == str(target) and target.is_file()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary\x00", "binary data"),
        (b"%PDF-1.4\nnot really a pdf", "damaged PDF"),
        (b"PK\x03\x04broken zip", "damaged"),
        (b"", "empty"),
    ],
)
def test_import_refuses_unreadable_files_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    doc = tmp_path / "ua.bin"
    doc.write_bytes(content)
    assert main(["import", str(doc)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.startswith("uaction: ")


def test_import_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["import", str(tmp_path / "nothing.pdf")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_import_incomplete_draft_lists_what_to_complete(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("Please write to the minister about the detained teacher.\n", encoding="utf-8")
    assert main(["import", str(doc)]) == 0
    out, err = capsys.readouterr()
    assert "to complete: ua" in err
    tomllib.loads(out)  # still a readable TOML file


def test_import_of_text_with_nothing_of_an_urgent_action_warns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = tmp_path / "list.txt"
    doc.write_text("Shopping list\n- milk\n- eggs\n", encoding="utf-8")
    assert main(["import", str(doc)]) == 0
    assert "list.txt does not look like an Urgent Action" in capsys.readouterr().err
