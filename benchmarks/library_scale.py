"""Library scale: what thousands of cases cost the window and the commands.

Makes libraries of 1, 2,000 and 10,000 distinct valid cases (the bundled UA 63/18 plus generated
ones, each about the bundled case's size, with three broken files among them) in a temporary
folder, and measures, each in fresh processes with its floor or baseline from the same run:

  window     first paint of the case list, 2,000 cases / 1 case            goal <= 1.3
  search     one keystroke filtering 10,000 cases (worst of a typed name)  goal <= 10 ms
  commands   show, letter, log add, pack --case: 10,000 cases / 1 case     goal <= 1.2
  listing    cases --all --json, 10,000 cases: with the index built        goal <= 1.0 s
             the first run (no index) / a bare tomllib parse of the files  goal <= 2.0
             peak memory                                                   goal <= 150 MB
  letter     uaction letter, 1 case / a script drawing the same letter with
             ReportLab's canvas and the same embedded fonts                goal <= 1.5
             also against "required parts": the canvas script plus tomllib reading
             the case, Jinja2's sandbox rendering the body template and Babel
             writing the date, the parts of the fixed stack a letter needs

The commands, the letter and the search also print their CPU time: on a shared machine the
wall-clock figures (which the goals are judged on) swing with the load, CPU time far less.
Child processes run from bytecode (PYTHONDONTWRITEBYTECODE is dropped), as an installed app does.

Run: python benchmarks/library_scale.py [--runs N] [--big N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DAY = "2018-04-02"  # UA 63/18 is active
WORDS = [
    "authorities",
    "detained",
    "arrested",
    "released",
    "court",
    "hearing",
    "lawyer",
    "family",
    "village",
    "province",
    "protest",
    "peaceful",
    "student",
    "teacher",
    "journalist",
    "doctor",
    "union",
    "farmer",
    "river",
    "land",
    "water",
    "school",
    "prison",
    "transfer",
    "health",
    "medicine",
    "visit",
    "letter",
    "appeal",
    "judge",
    "sentence",
    "charges",
    "police",
    "station",
    "months",
    "years",
    "weeks",
    "night",
    "morning",
    "members",
    "community",
    "association",
    "newspaper",
    "radio",
    "online",
    "post",
    "comment",
    "article",
    "report",
    "rights",
    "freedom",
    "expression",
    "assembly",
    "association",
    "torture",
    "ill-treatment",
    "fair",
    "trial",
    "access",
    "denied",
    "held",
    "incommunicado",
    "unknown",
    "location",
    "relatives",
    "worried",
    "concerned",
    "urgent",
    "immediately",
    "unconditionally",
    "guarantee",
    "ensure",
    "protect",
    "respect",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "to",
    "su",
    "vi",
    "da",
    "ze",
    "po",
    "ri",
    "an",
    "el",
    "or",
    "us",
    "ba",
    "di",
    "fe",
    "go",
    "hu",
    "ja",
    "ki",
    "ly",
]
COUNTRIES = [
    "Argentina",
    "Brazil",
    "Cambodia",
    "Denmark",
    "Egypt",
    "Fiji",
    "Ghana",
    "Honduras",
    "India",
    "Japan",
    "Kenya",
    "Laos",
    "Mexico",
    "Nepal",
    "Oman",
    "Peru",
    "Qatar",
    "Rwanda",
    "Senegal",
    "Togo",
    "Uganda",
    "Vietnam",
    "Yemen",
    "Zambia",
]


def name(rng: random.Random) -> str:
    def part() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()

    return f"{part()} {part()}"


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng, rng.randint(8, 20)) for _ in range(sentences))


def case_file(number: int, rng: random.Random) -> str:
    """One valid case of about the bundled case's size, distinct in UA, names and text."""
    ua = f"{number % 9000 + 100}/{10 + number // 9000:02d}"
    person = name(rng)
    issued = date(2018, 1, 1) + timedelta(days=number % 600)
    deadline = issued + timedelta(days=rng.randint(20, 90))
    country = rng.choice(COUNTRIES)
    asks = [sentence(rng, 24) for _ in range(3)]

    def block(sentences: int, paragraphs: int) -> str:
        return "\n\n".join(paragraph(rng, sentences) for _ in range(paragraphs))

    officials = "\n".join(
        f'[[officials]]\nid = "official-{i}"\ntitle = "Minister {i}"\nname = "{name(rng)}"\n'
        f'address = ["{i} Main Street", "Capital City", "{country}"]\nfax = "+1 555 0{i}"\n'
        f'salutation = "Dear Minister"\n'
        for i in (1, 2)
    )
    return (
        f'format = 1\nua = "{ua}"\nindex = "GEN {number:05d}/2018"\n'
        f'title = "{person} {rng.choice(WORDS)} {rng.choice(WORDS)}"\ncountry = "{country}"\n'
        f"issued = {issued.isoformat()}\ndeadline = {deadline.isoformat()}\n"
        f'summary = """\n{block(4, 1)}\n"""\ndetails = """\n{block(5, 2)}\n"""\n'
        f"asks = {json.dumps(asks)}\n"
        f'background = """\n{block(5, 3)}\n"""\n\n'
        f'[[people]]\nname = "{person}"\ngender = "{rng.choice("fmx")}"\n\n{officials}'
    )


BROKEN = {
    "broken-syntax.toml": 'format = 1\nua = "1/99"\ntitle = "unterminated\n',
    "broken-fields.toml": 'format = 1\nua = "nonsense"\ntitle = 3\n',
    "broken-bytes.toml": "title = 'Caf\xe9'\n",
}


def make_home(root: Path, cases: int) -> Path:
    """A portable home whose library holds ``cases`` cases (the bundled one included)."""
    home = root / f"home-{cases}"
    folder = home / "data" / "cases"
    folder.mkdir(parents=True)
    rng = random.Random(cases)
    for number in range(1, cases):
        (folder / f"case-{number:05d}.toml").write_text(case_file(number, rng), "utf-8")
    if cases > 1:
        for file_name, text in BROKEN.items():
            (folder / file_name).write_bytes(text.encode("latin-1"))
    return home


# --------------------------------------------------------------------------- measuring


def run(argv: list[str], home: Path | None = None, code: str | None = None) -> tuple[float, int]:
    """Seconds and peak memory (KB) of one fresh process."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from its bytecode
    if home is not None:
        env["UACTION_HOME"] = str(home)
    command = [sys.executable, "-c", code] if code else [sys.executable, *argv]
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=REPO
    )
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)[:200]}")
    run.last_out = out  # type: ignore[attr-defined]
    run.last_cpu = usage.ru_utime + usage.ru_stime  # type: ignore[attr-defined]
    return seconds, usage.ru_maxrss


def median_run(argv, home=None, code=None, runs=5, prepare=None) -> tuple[float, int]:
    times, peaks = [], []
    for _ in range(runs):
        if prepare:
            prepare()
        seconds, peak = run(argv, home, code)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def cli(*args: str) -> list[str]:
    return ["-m", "uaction_desktop.cli", "--today", DAY, *args]


COMMANDS = {
    "show": lambda out: cli("show", "63/18"),
    "letter": lambda out: cli(
        "letter",
        "63/18",
        "--to",
        "1",
        "--sender-name",
        "A Writer",
        "--sender-address",
        "1 Elm Street",
        "-o",
        str(out / "letter.pdf"),
    ),
    "log add": lambda out: cli(
        "log", "add", "--case", "63/18", "--to", "1", "--channel", "letter", "--count", "1"
    ),
    "pack --case": lambda out: cli("pack", "--case", "63/18", "-o", str(out / "pack.pdf")),
}

BARE_TOMLLIB = """
import sys, tomllib
from pathlib import Path
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).glob("*.toml")):
        try:
            tomllib.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError):
            pass
"""

WINDOW = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
class Painted(QObject):
    at = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and Painted.at is None:
            QTimer.singleShot(0, lambda: setattr(Painted, "at", time.time()))
        return False
from uaction_desktop.gui.app import create_window
app, w = create_window(["uaction-desktop"])
watcher = Painted(); w.installEventFilter(watcher); w.show()
while Painted.at is None:
    app.processEvents()
print(Painted.at)
"""

SEARCH = """
import json, statistics, time
from datetime import date
from PySide6.QtWidgets import QApplication
from uaction_desktop.gui.main_window import MainWindow
from uaction_desktop.paths import app_paths
app = QApplication([])
w = MainWindow(app_paths(), today=date(2018, 4, 2))
w.show()
while not w.is_started:
    app.processEvents()
painted = time.perf_counter()
panel = w.caseListPanel
panel.scope.setCurrentIndex(2)  # all cases
app.processEvents()
for _ in range(20):  # the search texts are fetched just after the first paint
    app.processEvents()
# WAIT: a user types once the window has been up a moment: by then the search's word index
# (built between events after the first paint) is complete. Otherwise typed at once.
while WAIT and not panel.model.search_ready():
    app.processEvents()
ready = time.perf_counter() - painted
times, times_cpu, filtering, filtering_cpu = [], [], [], []
for query in QUERIES:  # typed into the search field, the window repainted after each key
    panel.search.clear(); app.processEvents()
    for end in range(1, len(query) + 1):
        start, cpu = time.perf_counter(), time.thread_time()
        panel.search.setText(query[:end])
        app.processEvents()
        times.append(time.perf_counter() - start)
        times_cpu.append(time.thread_time() - cpu)
for query in QUERIES:  # the filter alone: the model filtered and the view told (no repaint)
    panel.model.set_query(""); app.processEvents()
    for end in range(1, len(query) + 1):
        start, cpu = time.perf_counter(), time.thread_time()
        panel.model.set_query(query[:end])
        filtering.append(time.perf_counter() - start)
        filtering_cpu.append(time.thread_time() - cpu)
        app.processEvents()
print(json.dumps({"rows": panel.model.rowCount(), "total": len(panel.model.entries()),
                  "max": max(times), "median": statistics.median(times), "n": len(times),
                  "cpu_max": max(times_cpu), "cpu_median": statistics.median(times_cpu),
                  "filter_max": max(filtering), "filter_median": statistics.median(filtering),
                  "filter_cpu_max": max(filtering_cpu), "ready": ready}))
"""


def floor_letter_script(out: Path) -> str:
    """A script drawing the letter `uaction letter 63/18 --to 1` writes, with ReportLab's
    canvas: the same text lines at the same places, the same page size and embedded fonts."""
    sys.path.insert(0, str(REPO))
    from benchmarks.letter_pdf import draw_letter
    from uaction_desktop.casefile import load_case_file
    from uaction_desktop.compose import compose_letter
    from uaction_desktop.pdf import fonts
    from uaction_desktop.pdf.layouts import get_layout
    from uaction_desktop.profile import SenderProfile

    case = load_case_file(REPO / "cases" / "ua-63-18-kazakhstan.toml").case
    assert case is not None
    profile = SenderProfile(name="A Writer", address=("1 Elm Street",))
    letter = compose_letter(case, case.officials[0], profile, today=date.fromisoformat(DAY))
    calls: list[tuple[str, tuple]] = []

    class Recorder:  # what draw_letter asks of the canvas, replayed by the floor script
        def __getattr__(self, method: str):
            return lambda *args: calls.append((method, args))

    fonts.register_fonts()  # draw_letter measures lines to wrap them
    draw_letter(Recorder(), letter)  # type: ignore[arg-type]
    font_files = {
        fonts.SERIF: str(REPO / "resources" / "fonts" / "LiberationSerif-Regular.ttf"),
        fonts.SERIF_BOLD: str(REPO / "resources" / "fonts" / "LiberationSerif-Bold.ttf"),
    }
    page = get_layout(letter.layout).page_size
    return (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportlab.pdfbase.ttfonts import TTFont\n"
        "from reportlab.pdfgen.canvas import Canvas\n"
        f"for name, path in {font_files!r}.items():\n"
        "    pdfmetrics.registerFont(TTFont(name, path))\n"
        f"c = Canvas({str(out / 'floor.pdf')!r}, pagesize={tuple(page)!r}, invariant=1, "
        f"initialFontName={fonts.SERIF!r})\n"
        f"c.setTitle({letter.title!r})\n"
        f"for method, args in {calls!r}:\n"
        "    getattr(c, method)(*args)\n"
        "c.save()\n"
    )


def required_parts_script(out: Path) -> str:
    """The canvas script plus what the letter cannot be written without in this app's fixed
    stack: tomllib reading the case file, Jinja2's sandbox rendering the letter body template
    with the letter's own data, and Babel writing the date. Our own code is left out, so the
    ratio against this floor is the app's own overhead."""
    sys.path.insert(0, str(REPO))
    from uaction_desktop import compose
    from uaction_desktop.casefile import load_case_file
    from uaction_desktop.profile import SenderProfile

    case_file = REPO / "cases" / "ua-63-18-kazakhstan.toml"
    case = load_case_file(case_file).case
    assert case is not None
    profile = SenderProfile(name="A Writer", address=("1 Elm Street",))
    context = compose._context(case, profile, 0, "en")  # the data the letter's body is made of
    locale = profile.effective_locale(profile.paper)
    templates = str(REPO / "resources" / "templates")
    return (
        "import tomllib\n"
        "from datetime import date\n"
        "from babel.dates import format_date\n"
        "from jinja2 import FileSystemLoader, StrictUndefined\n"
        "from jinja2.sandbox import SandboxedEnvironment\n"
        f"case = tomllib.loads(open({str(case_file)!r}, encoding='utf-8').read())\n"
        f"env = SandboxedEnvironment(loader=FileSystemLoader({templates!r}),"
        " undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True)\n"
        "env.globals.update(pick=lambda v, options: options[v % len(options)],"
        " sentence=lambda text: text, de=lambda text: 'de ' + text)\n"
        f"body = env.get_template('en/letter_body.txt.j2').render(**{context!r})\n"
        f"day = format_date(date.fromisoformat({DAY!r}), format='long', locale={locale!r})\n"
        + floor_letter_script(out).replace("floor.pdf", "required.pdf")
    )


def verdict(value: float, goal: float) -> str:
    return "ok" if value <= goal else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timed command")
    parser.add_argument("--big", type=int, default=10_000, help="cases in the big library")
    parser.add_argument("--window", type=int, default=2_000, help="cases in the window test")
    args = parser.parse_args()
    runs = args.runs
    with tempfile.TemporaryDirectory(prefix="library-scale-") as tmp:
        root = Path(tmp)
        out = root / "out"
        out.mkdir()
        start = time.perf_counter()
        homes = {n: make_home(root, n) for n in (1, args.window, args.big)}
        print(
            f"libraries of {', '.join(f'{n:,}' for n in homes)} cases made in "
            f"{time.perf_counter() - start:.1f} s (three broken files in each big one)"
        )
        big, folders = homes[args.big], [str(REPO / "cases"), str(homes[args.big] / "data/cases")]
        index = big / "cache"

        # The listing, first without an index, then with it.
        bare, _ = median_run([], code=BARE_TOMLLIB.replace("sys.argv[1:]", repr(folders)), runs=3)
        first, _ = median_run(
            cli("cases", "--all", "--json"),
            big,
            runs=3,
            prepare=lambda: shutil.rmtree(index, ignore_errors=True),
        )
        listed, peak = median_run(cli("cases", "--all", "--json"), big, runs=runs)
        shown = len(json.loads(run.last_out))  # type: ignore[attr-defined]
        print(f"\ncases --all --json, {args.big:,} cases ({shown:,} listed)")
        print(f"  bare tomllib parse (baseline): {bare:7.2f} s")
        print(
            f"  first run, no index:           {first:7.2f} s  ratio {first / bare:5.2f}"
            f"  goal <= 2.0  {verdict(first / bare, 2.0)}"
        )
        print(
            f"  with the index built:          {listed:7.2f} s"
            f"               goal <= 1.0 s {verdict(listed, 1.0)}"
        )
        print(
            f"  peak memory:                   {peak / 1024:7.1f} MB"
            f"              goal <= 150 MB {verdict(peak / 1024, 150)}"
        )

        # Commands that name one case, index built (by the listing above / a warm-up).
        print(f"\ncommands naming one case: {args.big:,} cases / 1 case (index built)")
        for command, argv in COMMANDS.items():
            for home in (homes[1], big):
                run(argv(out), home)  # warm-up: the index, bytecode, the file cache
            times = {1: [], args.big: []}
            cpu = {1: [], args.big: []}
            for _ in range(runs):  # interleaved, so a busy moment costs both alike
                for n in times:
                    times[n].append(run(argv(out), homes[n])[0])
                    cpu[n].append(run.last_cpu)  # type: ignore[attr-defined]
            one, many = (statistics.median(times[n]) for n in times)
            cpu_one, cpu_many = (statistics.median(cpu[n]) for n in cpu)
            print(
                f"  {command:12s} {one * 1000:7.0f} ms / {many * 1000:7.0f} ms"
                f"  ratio {many / one:5.2f}  goal <= 1.2  {verdict(many / one, 1.2)}"
                f"   (CPU {cpu_one * 1000:4.0f} / {cpu_many * 1000:4.0f} ms, "
                f"{cpu_many / cpu_one:4.2f})"
            )

        # One letter against ReportLab's canvas drawing it, and against the canvas plus the
        # parts of the stack a letter needs (tomllib, Jinja2's sandbox, Babel's dates).
        floors = {"canvas": floor_letter_script(out), "required": required_parts_script(out)}
        letter_argv = COMMANDS["letter"](out)
        run(letter_argv, homes[1])
        for code in floors.values():
            run([], code=code)
        wall: dict[str, list[float]] = {"letter": [], **{name: [] for name in floors}}
        cpu_time: dict[str, list[float]] = {name: [] for name in wall}
        for _ in range(runs):  # interleaved, so a busy moment costs all three alike
            for name_ in wall:
                argv, code = (letter_argv, None) if name_ == "letter" else ([], floors[name_])
                wall[name_].append(run(argv, homes[1] if code is None else None, code)[0])
                cpu_time[name_].append(run.last_cpu)  # type: ignore[attr-defined]
        mine_s, floor_s, needed_s = (statistics.median(wall[n]) for n in wall)
        cpu_mine, cpu_floor, cpu_needed = (statistics.median(cpu_time[n]) for n in cpu_time)
        print("\nuaction letter, 1 case, whole process")
        print(f"  uaction letter:                {mine_s * 1000:7.0f} ms")
        print(f"  ReportLab canvas script:       {floor_s * 1000:7.0f} ms (floor)")
        print(
            f"  ratio:                         {mine_s / floor_s:7.2f}"
            f"  goal <= 1.5  {verdict(mine_s / floor_s, 1.5)}"
        )
        print(
            f"  (CPU time: {cpu_mine * 1000:.0f} ms / {cpu_floor * 1000:.0f} ms, "
            f"ratio {cpu_mine / cpu_floor:.2f})"
        )
        print(
            f"  canvas + tomllib, Jinja2 sandbox, Babel date (required parts): "
            f"{needed_s * 1000:.0f} ms, {needed_s / floor_s:.2f}x the canvas floor "
            f"(CPU {cpu_needed * 1000:.0f} ms, {cpu_needed / cpu_floor:.2f}x)"
        )
        print(
            f"  uaction letter / required parts: {mine_s / needed_s:5.2f} "
            f"(CPU {cpu_mine / cpu_needed:.2f})"
        )

        # The window: first paint with 2,000 cases against 1.
        window = {1: [], args.window: []}
        for n in window:  # warm-up: index and bytecode
            run([], homes[n], WINDOW)
        for _ in range(runs):
            for n in window:
                begin = time.time()
                run([], homes[n], WINDOW)
                window[n].append(float(run.last_out.split()[-1]) - begin)  # type: ignore[attr-defined]
        one, many = (statistics.median(window[n]) for n in window)
        print(f"\nwindow, case list painted: {args.window:,} cases / 1 case")
        print(
            f"  {one * 1000:7.0f} ms / {many * 1000:7.0f} ms  ratio {many / one:5.2f}"
            f"  goal <= 1.3  {verdict(many / one, 1.3)}"
        )

        # Search as the user types, over the big library: once its index is built, as a user
        # types (the goal), and typed at once, while it is still being built.
        rng = random.Random(args.big)
        queries = [name(rng).split()[0], "kazakhstan", "tobylova", "zzqx", "ua 63/18"]
        search = SEARCH.replace("QUERIES", repr(queries))
        run([], big, search.replace("WAIT", "True"))
        result = json.loads(run.last_out)  # type: ignore[attr-defined]
        run([], big, search.replace("WAIT", "False"))
        early = json.loads(run.last_out)  # type: ignore[attr-defined]
        print(f"\nsearch, {result['total']:,} cases, {result['n']} keystrokes ({queries})")
        print(f"  search index ready {result['ready'] * 1000:.0f} ms after the first paint")
        print(
            f"  filter (model and view told): worst {result['filter_max'] * 1000:5.1f} ms, "
            f"median {result['filter_median'] * 1000:5.1f} ms  goal <= 10 ms  "
            f"{verdict(result['filter_max'] * 1000, 10)}"
        )
        print(f"  (filter, CPU time: worst {result['filter_cpu_max'] * 1000:5.1f} ms)")
        print(
            f"  keystroke with the repaint:   worst {result['max'] * 1000:5.1f} ms, "
            f"median {result['median'] * 1000:5.1f} ms  goal <= 10 ms  "
            f"{verdict(result['max'] * 1000, 10)}"
        )
        print(
            f"  (keystroke, CPU time: worst {result['cpu_max'] * 1000:5.1f} ms, "
            f"median {result['cpu_median'] * 1000:5.1f} ms)"
        )
        print(
            f"  typed at once, index still being built: worst {early['max'] * 1000:5.1f} ms, "
            f"median {early['median'] * 1000:5.1f} ms (CPU worst {early['cpu_max'] * 1000:5.1f} ms)"
        )


if __name__ == "__main__":
    main()
