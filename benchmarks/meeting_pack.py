"""Meeting pack: letters per second and peak memory for a 1,000-letter pack.

Floor: ReportLab's raw canvas drawing the same 1,000 letters (the same composed text, the same
embedded fonts, every line wrapped beforehand and outside the timing), measured in the same run.
The pack's time includes everything the floor is spared: composing each letter from its case,
laying it out, page furniture, and the atomic write.

Each side runs in its own process, so peak memory (ru_maxrss) is its own: after a warm-up pack
of 20 letters, the median of --runs timed builds.

The last line, for information only, is the whole pack: cover, briefings, tally and envelopes.

Run: python benchmarks/meeting_pack.py [--letters 1000] [--runs 3]
Goal: ratio (pack letters/s over canvas letters/s) at least 0.8; peak at most 150 MB.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests" / "fixtures" / "pack" / "cases"
MEETING = date(2026, 11, 28)
CHOSEN = ("63/18", "201/26", "202/26")  # 5 letters a signer; 202/26's letter runs to 2 pages
LETTERS_PER_SIGNER = 5


def _setup(letters: int, full: bool = False):
    from uaction_desktop.library import CaseLibrary
    from uaction_desktop.pack import PackOptions, Signer
    from uaction_desktop.profile import SenderProfile

    library = CaseLibrary.standard(CASES)  # the bundled case plus the test fixtures
    signers = tuple(
        Signer(f"Member {n:04d} Example", (f"{n} Example Street", "Springfield SP1 2AB"))
        for n in range(max(1, letters // LETTERS_PER_SIGNER))
    )
    profile = SenderProfile(name="Coordinator", country="United Kingdom", group="Group 42")
    options = PackOptions(
        cases=CHOSEN,
        signers=signers,
        cover=full,
        briefings=full,
        tally=full,
        envelopes="dl" if full else None,
        meeting_date=MEETING,
    )
    return library, profile, options


def _pack(letters: int, output: Path, full: bool = False) -> int:
    from uaction_desktop.pack import build_pack

    library, profile, options = _setup(letters, full)
    return build_pack(options, library, profile, output, today=MEETING).letters


def _full_pack(letters: int, output: Path) -> int:
    return _pack(letters, output, full=True)


def _canvas(letters: int, output: Path) -> int:
    """The floor: each letter's text drawn line by line with drawString, nothing reused."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    from uaction_desktop.compose import compose_letter
    from uaction_desktop.pack.plan import plan_pack, signer_profile
    from uaction_desktop.pdf import fonts
    from uaction_desktop.pdf.layouts import get_layout

    library, profile, options = _setup(letters)
    plan = plan_pack(options, library, MEETING)
    layout = get_layout(profile.paper)
    profiles = [signer_profile(profile, s) for s in plan.signers]
    width = layout.page_size[0] - (layout.margin_left + layout.margin_right) * mm
    fonts.register_fonts()
    prepared = []  # (letter, wrapped lines): done before the clock starts
    for job in plan.jobs():
        letter = compose_letter(
            job.case,
            job.official,
            profiles[job.signer_index],
            today=MEETING,
            layout=layout.name,
            variant=job.signer_index,
        )
        body = [simpleSplit(f"{letter.salutation},", fonts.SERIF, 11, width)]
        body += [simpleSplit(p, fonts.SERIF, 11, width) for p in letter.paragraphs]
        prepared.append((letter, body))

    start = time.perf_counter()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=layout.page_size, invariant=1, initialFontName=fonts.SERIF)
    left, right = layout.margin_left * mm, layout.page_size[0] - layout.margin_right * mm
    bottom = layout.margin_bottom * mm
    for letter, body in prepared:
        y = layout.y(layout.sender_top + 4.5)
        canvas.setFont(fonts.SERIF_BOLD, 11)
        canvas.drawRightString(right, y, letter.sender_name)
        canvas.setFont(fonts.SERIF, 9.5)
        for line in letter.sender_lines:
            y -= 11.9
            canvas.drawRightString(right, y, line)
        canvas.setFont(fonts.SERIF, 7)
        canvas.drawString(
            layout.recipient_x * mm,
            layout.y(layout.return_line_top),
            " · ".join((letter.sender_name, *letter.sender_lines)),
        )
        canvas.setFont(fonts.SERIF, 10)
        y = layout.y(layout.recipient_top) - 8
        for line in letter.recipient_lines:
            canvas.drawString(layout.recipient_x * mm, y, line)
            y -= 12
        canvas.setFont(fonts.SERIF, 11)
        canvas.drawRightString(right, layout.y(layout.date_top), letter.date_text)
        y = layout.y(layout.body_top) - 10
        canvas.setFont(fonts.SERIF_BOLD, 11)
        canvas.drawString(left, y, letter.subject)
        canvas.setFont(fonts.SERIF, 11)
        y -= 23.5
        for lines in [*body, [letter.closing]]:
            for line in lines:
                if y < bottom:
                    canvas.showPage()
                    canvas.setFont(fonts.SERIF, 11)
                    y = layout.y(layout.later_top) - 10
                canvas.drawString(left, y, line)
                y -= 14.5
            y -= 7
        canvas.drawString(left, y - 45, letter.signature)
        canvas.showPage()
    canvas.save()
    output.write_bytes(buffer.getvalue())
    return len(prepared), time.perf_counter() - start


def worker(kind: str, letters: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "pack.pdf"
        run = {"pack": _pack, "full": _full_pack, "canvas": _canvas}[kind]
        run(20, output)  # warm-up: imports, fonts, templates
        times = []
        count = 0
        for _ in range(runs):
            start = time.perf_counter()
            done = run(letters, output)
            elapsed = time.perf_counter() - start
            if isinstance(done, tuple):  # the floor times its drawing only
                done, elapsed = done
            count = done
            times.append(elapsed)
        size = output.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {"letters": count, "seconds": statistics.median(times), "peak_mb": peak, "bytes": size}
        )
    )


def measure(kind: str, letters: int, runs: int) -> dict:
    env = dict(os.environ, UACTION_HOME=tempfile.mkdtemp(prefix="uaction-bench-"))
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            kind,
            "--letters",
            str(letters),
            "--runs",
            str(runs),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worker", choices=("pack", "full", "canvas"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.letters, args.runs)
        return
    floor = measure("canvas", args.letters, args.runs)
    pack = measure("pack", args.letters, args.runs)
    rate = {k: r["letters"] / r["seconds"] for k, r in (("canvas", floor), ("pack", pack))}
    for name, result in (("raw canvas (floor)", floor), ("meeting pack", pack)):
        key = "canvas" if name.startswith("raw") else "pack"
        print(
            f"{name:20} {result['letters']:5d} letters in {result['seconds']:6.2f} s: "
            f"{rate[key]:7.0f} letters/s, peak {result['peak_mb']:5.0f} MB, "
            f"{result['bytes'] / 1e6:5.1f} MB PDF"
        )
    print(
        f"ratio: {rate['pack'] / rate['canvas']:.2f} (goal: at least 0.8); "
        f"pack peak {pack['peak_mb']:.0f} MB (goal: at most 150 MB)"
    )
    full = measure("full", args.letters, args.runs)
    print(
        f"for information, the whole pack (cover, briefings, tally, DL envelopes): "
        f"{full['seconds']:.2f} s, peak {full['peak_mb']:.0f} MB, {full['bytes'] / 1e6:.1f} MB PDF"
    )


if __name__ == "__main__":
    main()
