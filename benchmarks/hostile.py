"""Hostile and oversized input, up to the caps: the worst time and peak memory per family.

Each family writes its inputs (generated here, nothing stored) into a temporary home, then runs
one ``uaction`` command on them in a fresh process, timed from the command's start, with that
process's own peak memory (ru_maxrss). The floor is ``uaction check`` of the bundled case in the
same run, so ratios say what the input itself costs.

Run: python benchmarks/hostile.py [--only NAME]
Goal: nothing up to the caps takes more than 10 s or 300 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BUNDLED = REPO / "cases" / "ua-63-18-kazakhstan.toml"
DAY = ["--today", "2018-04-02"]
GOAL_S, GOAL_MB = 10.0, 300.0


# ------------------------------------------------------------------ inputs, one family each


def _case(home: Path, name: str, change: Callable[[str], str]) -> None:
    cases = home / "data" / "cases"
    cases.mkdir(parents=True, exist_ok=True)
    text = BUNDLED.read_text("utf-8").replace('ua = "63/18"', 'ua = "64/18"')
    (cases / name).write_text(change(text), "utf-8")


def floor(home: Path) -> list[str]:
    return ["check", str(BUNDLED)]


def giant_word(home: Path) -> list[str]:
    word = ("Abcdefghij" * 20_000)[:200_000]
    _case(home, "word.toml", lambda t: t.replace('"14 Orynbor Street"', f'"{word}"'))
    return [*DAY, "letter", "64/18", "--to", "1", "-o", str(home / "word.pdf")]


def long_sender(home: Path) -> list[str]:
    name = " ".join(["Kofi"] * 40_000)  # 200,000 characters, under the profile's cap
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "profile.toml").write_text(f'name = "{name}"\naddress = ["1 Ring Rd"]\n', "utf-8")
    return [*DAY, "letter", "63/18", "--to", "1", "-o", str(home / "sender.pdf")]


def huge_summary(home: Path) -> list[str]:
    summary = ("Every word of this summary is read. " * 28_000)[:985_000]
    _case(home, "summary.toml", lambda t: t.replace('summary = """', f'summary = """{summary}', 1))
    return [*DAY, "pack", "--case", "64/18", "-o", str(home / "summary.pdf")]


def roster_of_long_names(home: Path) -> list[str]:
    rows = ["name,address"]
    for n in range(500):
        rows.append(f'Member{n} {"n" * 2000},"Street {"a" * 1000}\n{"Town " * 100}"')
    (home / "roster.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return [*DAY, "pack", "--case", "63/18", "--roster", str(home / "roster.csv"),
            "--envelopes", "dl", "-o", str(home / "roster.pdf")]  # fmt: skip


def many_officials(home: Path) -> list[str]:
    def hundred(text: str) -> str:
        head = text.split("[[officials]]", 1)[0]
        return head + "".join(
            f'[[officials]]\nid="o{n}"\ntitle="Minister"\nname="Official {n}"\n'
            f'address=["{n} Palace Road", "Astana"]\nsalutation="Dear Minister"\n'
            for n in range(100)
        )

    _case(home, "officials.toml", hundred)
    return [*DAY, "pack", "--case", "64/18", "--tally", "--envelopes", "dl",
            "-o", str(home / "officials.pdf")]  # fmt: skip


def officials_with_long_addresses(home: Path) -> list[str]:
    def hundred(text: str) -> str:
        head = text.split("[[officials]]", 1)[0]
        return head + "".join(
            f'[[officials]]\nid="o{n}"\ntitle="Minister"\nname="Official {n} {"n" * 2000}"\n'
            f'address=["{n} {"Palace " * 300}", "{"a" * 2000}"]\nsalutation="Dear Minister"\n'
            for n in range(100)
        )

    _case(home, "officials.toml", hundred)
    return [*DAY, "pack", "--case", "64/18", "--copies", "5", "--labels", "a4-21",
            "-o", str(home / "labels.pdf")]  # fmt: skip


def _docx_of(paragraphs: int) -> bytes:
    from tests.test_hostile_documents import docx_of

    return docx_of(paragraphs)


def docx_bomb(home: Path) -> list[str]:
    (home / "bomb.docx").write_bytes(_docx_of(600_000))  # 30 MB of XML in about 100 KB
    return ["import", str(home / "bomb.docx")]


def docx_lying(home: Path) -> list[str]:
    from tests.test_hostile_documents import lying

    (home / "liar.docx").write_bytes(lying(_docx_of(600_000)))
    return ["import", str(home / "liar.docx")]


def docx_long_text(home: Path) -> list[str]:
    (home / "long.docx").write_bytes(_docx_of(100_000))  # 3.6 million characters
    return ["import", str(home / "long.docx")]


def pdf_many_characters(home: Path) -> list[str]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(home / "many.pdf"), pagesize=A4, invariant=1)
    line = "Release the detained defenders now, " * 3
    for _page in range(199):
        for row in range(70):
            pdf.drawString(20, 820 - row * 11.5, line)
        pdf.showPage()
    pdf.save()
    return ["import", str(home / "many.pdf")]


def pdf_owner_password(home: Path) -> list[str]:
    import pypdf
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, invariant=1)
    for row, text in enumerate(BUNDLED.read_text("utf-8").splitlines()[:60]):
        pdf.drawString(40, 800 - row * 12, text)
    pdf.save()
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(buffer.getvalue())))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    with (home / "aes.pdf").open("wb") as out:
        writer.write(out)
    return ["import", str(home / "aes.pdf")]


def log_export_at_cap(home: Path) -> list[str]:
    from uaction_desktop.actionlog.exchange import MAX_FILE_BYTES

    text = "Dear Prosecutor General, I am writing about Akmaral Tobylova. " * 40
    record = {"case": "63/18", "channel": "letter", "count": 1, "date": "2018-04-01",
              "text": text, "note": "sent at the meeting"}  # fmt: skip
    size = len(json.dumps(record)) + 60
    records = [{"id": str(uuid.uuid4()), **record} for _ in range((MAX_FILE_BYTES - 200) // size)]
    document = {"format": "uaction-action-log", "version": 2, "actions": records}
    (home / "export.json").write_text(json.dumps(document), "utf-8")
    return ["log", "import", str(home / "export.json")]


def log_huge_number(home: Path) -> list[str]:
    (home / "number.json").write_text(
        '{"format": "uaction-action-log", "version": 2, "actions": [{"count": '
        + "9" * 1_000_000
        + "}]}",
        "utf-8",
    )
    return ["log", "import", str(home / "number.json")]


def check_dev_zero(home: Path) -> list[str]:
    return ["check", "/dev/zero"]


def profile_deep_array(home: Path) -> list[str]:
    config = home / "config"
    config.mkdir(parents=True, exist_ok=True)
    deep = "[" * 100_000 + "]" * 100_000
    (config / "profile.toml").write_text(f"address = {deep}\n", "utf-8")
    return [*DAY, "letter", "63/18", "--to", "1", "--text"]


FAMILIES: dict[str, Callable[[Path], list[str]]] = {
    "floor: check the bundled case": floor,
    "letter: a 200,000-character word in an address": giant_word,
    "letter: a sender name of 200,000 characters": long_sender,
    "pack: a 985,000-character summary": huge_summary,
    "pack: 500 members with 2,000-character names": roster_of_long_names,
    "pack: a case with 100 officials (the cap)": many_officials,
    "pack: labels, 5 x 100 officials, 2,000-char lines": officials_with_long_addresses,
    "import: .docx of 30 MB XML (zip bomb)": docx_bomb,
    "import: .docx whose directory lies": docx_lying,
    "import: .docx of 3.6 million characters": docx_long_text,
    "import: PDF of 199 pages, 700,000 characters": pdf_many_characters,
    "import: owner-password AES PDF": pdf_owner_password,
    "log import: a 32 MB export (the cap)": log_export_at_cap,
    "log import: a 1,000,000-digit number": log_huge_number,
    "check: /dev/zero": check_dev_zero,
    "profile: an array 100,000 deep": profile_deep_array,
}


# ------------------------------------------------------------------ measuring


def _child(argv: list[str]) -> None:
    """Run one command in this process; print its time, peak memory and exit status."""
    from uaction_desktop.cli import main

    with open(os.devnull, "w") as quiet:
        sys.stdout = sys.stderr = quiet
        start = time.perf_counter()
        code = main(argv)
        seconds = time.perf_counter() - start
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    peak = _peak_mb()
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "exit": code}))


def _peak_mb() -> float:
    """This process's own peak resident memory: VmHWM (ru_maxrss is carried over from the
    parent across fork and exec on Linux, so it would report the parent's inputs)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB elsewhere too


def measure(name: str, build: Callable[[Path], list[str]]) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="uaction-hostile-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        argv = build(home)
        env = {**os.environ, "UACTION_HOME": str(home), "PYTHONPATH": str(REPO)}
        done = subprocess.run(
            [sys.executable, __file__, "--child", json.dumps(argv)],
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or not done.stdout.strip():
            raise SystemExit(f"{name}: the child failed:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--only", help="families whose name contains this")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(json.loads(args.child))
        return 0
    chosen = {n: f for n, f in FAMILIES.items() if not args.only or args.only in n}
    base = measure("floor", floor)
    print(f"{'family':<52} {'exit':>4} {'time':>8} {'x floor':>8} {'peak':>9} {'x floor':>8}")
    worst_s = worst_mb = 0.0
    for name, build in chosen.items():
        got = measure(name, build)
        worst_s, worst_mb = max(worst_s, got["seconds"]), max(worst_mb, got["peak_mb"])
        print(
            f"{name:<52} {got['exit']:>4} {got['seconds']:>7.2f}s "
            f"{got['seconds'] / base['seconds']:>7.1f}x {got['peak_mb']:>7.0f}MB "
            f"{got['peak_mb'] / base['peak_mb']:>7.1f}x"
        )
    ok = worst_s <= GOAL_S and worst_mb <= GOAL_MB
    print(
        f"worst: {worst_s:.2f} s, {worst_mb:.0f} MB (goal at most {GOAL_S:.0f} s and "
        f"{GOAL_MB:.0f} MB): {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
