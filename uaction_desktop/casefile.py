"""Read, validate and write case files (TOML, format version 2; format 1 files read as before).

Case files come from strangers, so reading one never executes anything and never raises:
it returns the case (if it is usable) and every problem found, each naming the file, the field
path and, where it can be found, the line.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from uaction_desktop.bounded import TooLargeOrSpecial, read_bytes_bounded
from uaction_desktop.i18n import _
from uaction_desktop.languages import ISO_639_1
from uaction_desktop.model import (
    Case,
    CaseKind,
    CaseText,
    Official,
    Person,
    Role,
    normalize_ua,
)

FORMAT_VERSION = 2  # 2 adds `language`, `[translations.xx]` and officials' `salutations`
MAX_FILE_BYTES = 1_000_000
MAX_OFFICIALS = 100  # per case: more makes a meeting pack of thousands of letters

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$")
GENDERS = ("f", "m", "x", "")


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        if self.field:
            return f"{where}: {self.field}: {self.message}"
        return f"{where}: {self.message}"


@dataclass
class LoadResult:
    path: Path
    case: Case | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.case is not None and not self.problems


# --------------------------------------------------------------------------- reading


def load_case_file(path: str | Path) -> LoadResult:
    """Read and validate one case file. Never raises for bad content.

    Only a regular file is read (a FIFO or a device would block or never end), at most
    ``MAX_FILE_BYTES`` of it, however its size changes while it is read."""
    path = Path(path)
    name = str(path)
    try:
        raw = read_case_bytes(path)
    except CaseFileUnreadable as exc:
        return LoadResult(path, None, [Problem(name, "", str(exc))])
    return parse_case_bytes(raw, name, path)


class CaseFileUnreadable(Exception):
    """A case file that cannot be read at all; the message says why, in one line."""


def read_case_bytes(path: Path) -> bytes:
    """The bytes of a regular file of at most ``MAX_FILE_BYTES``, opened without blocking:
    the shared bounded reader, in the case file's own words."""
    try:
        return read_bytes_bounded(path, MAX_FILE_BYTES)
    except TooLargeOrSpecial as exc:
        if exc.kind is not None:
            raise CaseFileUnreadable(_("not a regular file; only regular files are read")) from None
        raise CaseFileUnreadable(_too_big(exc.size, growing=exc.growing)) from None
    except OSError as exc:
        raise CaseFileUnreadable(
            _("cannot read the file: {reason}").format(reason=_reason(exc))
        ) from None


def _too_big(size: int, growing: bool = False) -> str:
    if growing:
        return _("file is {size:,} bytes or more; case files are at most 1 MB").format(size=size)
    return _("file is {size:,} bytes; case files are at most 1 MB").format(size=size)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def parse_case_bytes(raw: bytes, name: str, path: Path | None = None) -> LoadResult:
    path = path or Path(name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return LoadResult(path, None, [Problem(name, "", _("file is not UTF-8 text"), line)])
    return parse_case_text(text, name, path)


def parse_case_text(text: str, name: str, path: Path | None = None) -> LoadResult:
    """Parse and validate; whatever goes wrong becomes a problem for this file alone."""
    path = path or Path(name)
    text = text.removeprefix("\ufeff")
    try:
        return _parse_case_text(text, name, path)
    except Exception as exc:  # a stranger's file must never stop the app
        problem = Problem(
            name, "", _("cannot be read ({error}); it was skipped").format(error=type(exc).__name__)
        )
        return LoadResult(path, None, [problem])


def _parse_case_text(text: str, name: str, path: Path) -> LoadResult:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        line = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
        return LoadResult(
            path,
            None,
            [Problem(name, "", _("not valid TOML: {message}").format(message=message), line)],
        )
    except (RecursionError, MemoryError):
        line = _line_of(text, _DEEP_RE)
        message = _(
            "not valid TOML: nested too deeply (case files nest {most} levels at most)"
        ).format(most=MAX_DEPTH)
        return LoadResult(path, None, [Problem(name, _key_on(text, line), message, line)])
    except ValueError as exc:  # Python's cap on digits in a number (4,300) is a ValueError
        line = _line_of(text, _LONG_NUMBER_RE)
        if line is None:
            return LoadResult(
                path, None, [Problem(name, "", _("not valid TOML: {exc}").format(exc=exc))]
            )
        message = _("a number of more than 4,000 digits is not a case field's value")
        return LoadResult(path, None, [Problem(name, _key_on(text, line), message, line)])
    deep = _too_deep(data)
    if deep is not None:
        line = _line_of(text, re.compile(rf"^\s*[\"']?{re.escape(deep)}\b", re.MULTILINE))
        message = _("nested more than {most} levels deep; case files are flat tables").format(
            most=MAX_DEPTH
        )
        return LoadResult(path, None, [Problem(name, deep, message, line)])
    validator = _Validator(name, text)
    case = validator.case(_normalize(data))
    if case is not None:
        case = _with_path(case, str(path))
    return LoadResult(path, case if not validator.problems else None, validator.problems)


MAX_DEPTH = 8  # a case nests three levels (officials[1].address[2]); anything deeper is hostile
_LONG_NUMBER_RE = re.compile(r"[0-9_]{4000,}")
# Where a parse too deep for tomllib starts: more than MAX_DEPTH arrays or inline tables
# opened one inside the next ("[[[[..." or "{a={a={...").
_DEEP_RE = re.compile(rf"[\[{{](?:\s*(?:[\w\"'.-]+\s*=\s*)?[\[{{]){{{MAX_DEPTH},}}")


def _key_on(text: str, line: int | None) -> str:
    """The key assigned on ``line`` (1-based), if it starts with one."""
    if line is None:
        return ""
    key = re.match(r"\s*([\w.\"'-]+)\s*=", text.splitlines()[line - 1])
    return key.group(1).strip("\"'") if key else ""


def _too_deep(data: dict[str, Any]) -> str | None:
    """The top-level key under which values nest deeper than ``MAX_DEPTH``, if any.

    Checked without recursion, so a 500-part dotted key is a problem, not a RecursionError."""
    for key, value in data.items():
        stack: list[tuple[Any, int]] = [(value, 1)]
        while stack:
            item, depth = stack.pop()
            if depth > MAX_DEPTH:
                return key
            if isinstance(item, dict):
                stack.extend((v, depth + 1) for v in item.values())
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item)
    return None


def _line_of(text: str, pattern: re.Pattern[str]) -> int | None:
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _with_path(case: Case, path: str) -> Case:
    from dataclasses import replace

    return replace(case, path=path)


def _normalize(value: Any) -> Any:
    """NFC-normalise every string, so the same name always compares and prints the same.

    Line ends become ``\n`` too: TOML already reads a multi-line string's Windows line ends
    that way, and an escaped ``\r\n`` must not make a second, different kind of paragraph.
    """
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [_normalize(v) for v in value]
    if isinstance(value, dict):
        return {unicodedata.normalize("NFC", k): _normalize(v) for k, v in value.items()}
    return value


def locate_fields(text: str) -> dict[str, int]:
    """Map field paths (``officials[1].salutation``, ``asks[2]``) to 1-based line numbers.

    A light scan of the TOML layout as people write it; good enough to point at a line, and
    never trusted for values (those come from ``tomllib``).
    """
    found: dict[str, int] = {}
    table = ""
    counts: dict[str, int] = {}
    in_string: str | None = None
    array: _ArrayScan | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if array is not None:
            array.feed(line, number, found)
            if array.closed:
                array = None
            continue
        header = _TABLE_ARRAY_RE.match(line)
        if header:
            name = header.group(1)
            index = counts.get(name, 0)
            counts[name] = index + 1
            table = f"{name}[{index}]"
            found.setdefault(name, number)
            found.setdefault(table, number)
            continue
        header = _TABLE_RE.match(line)
        if header:
            table = header.group(1)
            found.setdefault(table, number)
            continue
        match = _KEY_RE.match(line)
        if not match:
            continue
        key = match.group(2) or match.group(1)
        path = f"{table}.{key}" if table else key
        found.setdefault(path, number)
        rest = line[match.end() :].strip()
        if rest.startswith("["):
            array = _ArrayScan(path)
            array.feed(rest[1:], number, found)
            if array.closed:
                array = None
            continue
        for quote in ('"""', "'''"):
            if rest.count(quote) % 2 == 1:
                in_string = quote
    return found


_KEY_RE = re.compile(r'^\s*("([^"]+)"|[A-Za-z0-9_-]+)\s*=')
_TABLE_ARRAY_RE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.-]+)\s*\]\]")
_TABLE_RE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.-]+)\s*\]")


class _ArrayScan:
    """Follows one array value across lines: where each item starts, and where it ends.

    Knows strings (including multi-line ones), escapes, comments and nested brackets, so
    several items on a line, a closing bracket after the last item and a ``]`` inside a
    string are all placed right.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.index = 0
        self.depth = 1
        self.expect_item = True
        self.quote: str | None = None
        self.closed = False

    def feed(self, chunk: str, number: int, found: dict[str, int]) -> None:
        i, n = 0, len(chunk)
        while i < n and not self.closed:
            char = chunk[i]
            if self.quote is not None:
                if char == "\\" and self.quote[0] == '"':
                    i += 2
                elif chunk.startswith(self.quote, i):
                    i += len(self.quote)
                    self.quote = None
                else:
                    i += 1
                continue
            if char == "#":
                break
            if char in " \t\r":
                i += 1
                continue
            if self.depth == 1 and self.expect_item and char not in ",]":
                found.setdefault(f"{self.path}[{self.index}]", number)
                self.index += 1
                self.expect_item = False
            if char in "\"'":
                self.quote = char * 3 if chunk.startswith(char * 3, i) else char
                i += len(self.quote)
                continue
            if char == "," and self.depth == 1:
                self.expect_item = True
            elif char in "[{":
                self.depth += 1
            elif char in "]}":
                self.depth -= 1
                self.closed = self.depth == 0
            i += 1
        if self.quote in ('"', "'"):
            self.quote = None  # a one-line string never runs on to the next line


class _Validator:
    """Collects every problem in one pass instead of stopping at the first."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self._source = text
        self._lines: Mapping[str, int] | None = None
        self.problems: list[Problem] = []

    @property
    def lines(self) -> Mapping[str, int]:
        """Where each field is; scanned only once a problem needs a line (most files have none)."""
        if self._lines is None:
            self._lines = locate_fields(self._source)
        return self._lines

    def problem(self, path: str, message: str) -> None:
        probe, line = path, self.lines.get(path)
        while line is None and probe:
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", probe)
            probe = "" if parent == probe else parent
            line = self.lines.get(probe) if probe else None
        self.problems.append(Problem(self.name, path, message, line))

    # -- typed getters: each returns a clean value or records a problem and returns a default

    def _get(
        self,
        data: Mapping[str, Any],
        key: str,
        path: str,
        check: Callable[[Any], bool],
        expected: str,
        required: bool,
        default: Any,
    ) -> Any:
        if key not in data:
            if required:
                self.problem(path, _("is required"))
            return default
        value = data[key]
        if not check(value):
            self.problem(
                path,
                _("must be {expected}, not {value}").format(
                    expected=expected, value=_describe(value)
                ),
            )
            return default
        return value

    def text(self, data: Mapping[str, Any], key: str, path: str, required: bool = False) -> str:
        value = self._get(data, key, path, lambda v: isinstance(v, str), _("text"), required, "")
        if required and isinstance(data.get(key), str) and not value.strip():
            self.problem(path, _("must not be empty"))
        return value.strip()

    def texts(self, data: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = self._get(
            data, key, path, lambda v: isinstance(v, list), _("a list of text"), False, []
        )
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.problem(
                    f"{path}[{i}]", _("must be text, not {value}").format(value=_describe(item))
                )
            elif not item.strip():
                self.problem(f"{path}[{i}]", _("must not be empty"))
            else:
                out.append(item.strip())
        return tuple(out)

    def day(self, data: Mapping[str, Any], key: str, path: str, required: bool) -> date | None:
        return self._get(
            data,
            key,
            path,
            lambda v: isinstance(v, date) and not isinstance(v, datetime),
            _("a date such as 2018-06-08 (no quotes)"),
            required,
            None,
        )

    def unknown(self, data: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
        for key in data:
            if key not in allowed:
                path = f"{prefix}.{key}" if prefix else key
                hint = _close_match(key, allowed)
                extra = _(" (did you mean '{hint}'?)").format(hint=hint) if hint else ""
                self.problem(path, _("unknown field{extra}").format(extra=extra))

    # -- the case

    def case(self, data: dict[str, Any]) -> Case | None:
        fmt = data.get("format")
        if fmt is None:
            self.problem(
                "format",
                _("is required (this app reads format = {version})").format(version=FORMAT_VERSION),
            )
        elif not isinstance(fmt, int) or isinstance(fmt, bool):
            self.problem(
                "format", _("must be a whole number, not {value}").format(value=_describe(fmt))
            )
        elif fmt > FORMAT_VERSION:
            self.problem(
                "format",
                _(
                    "file is format {fmt}, newer than this app reads ({version}); update "
                    "uaction-desktop to open it"
                ).format(fmt=fmt, version=FORMAT_VERSION),
            )
            return None
        elif fmt < 1:
            self.problem("format", _("must be 1 or {version}").format(version=FORMAT_VERSION))
        if fmt == 1:
            for key in _FORMAT_2_FIELDS & data.keys():
                self.problem(key, _("needs format = 2 (format 1 files have no translations)"))

        self.unknown(data, _CASE_FIELDS, "")
        language = self.language(data)
        kind_text = self.text(data, "kind", "kind") or CaseKind.INITIAL.value
        try:
            kind = CaseKind(kind_text)
        except ValueError:
            self.problem("kind", _("must be one of initial, follow-up, closure"))
            kind = CaseKind.INITIAL

        ua_text = self.text(data, "ua", "ua", required=True)
        ua = normalize_ua(ua_text) if ua_text else None
        if ua_text and ua is None:
            self.problem(
                "ua", _("'{ua_text}' is not a UA number such as 63/18").format(ua_text=ua_text)
            )

        update = 0
        if "update" in data:
            raw = data["update"]
            if kind is not CaseKind.FOLLOW_UP:
                self.problem("update", _("only a follow-up has an update number"))
            elif not isinstance(raw, int) or isinstance(raw, bool) or raw < 1:
                self.problem("update", _("must be a whole number, 1 or more"))
            else:
                update = raw
        elif kind is CaseKind.FOLLOW_UP:
            update = 1

        not_closure = kind is not CaseKind.CLOSURE
        title = self.text(data, "title", "title", required=True)
        country = self.text(data, "country", "country", required=True)
        issued = self.day(data, "issued", "issued", required=True)
        deadline = self.day(data, "deadline", "deadline", required=not_closure)
        if issued and deadline and deadline < issued:
            self.problem(
                "deadline", _("{date} is before the issue date").format(date=deadline.isoformat())
            )
        summary = self.text(data, "summary", "summary", required=True)
        asks = self.texts(data, "asks", "asks")
        # An appeal needs its points, unless the document gives a model letter to send instead.
        needs_asks = not_closure and not str(data.get("model_letter", "")).strip()
        if needs_asks and "asks" not in data:
            self.problem(
                "asks", _("is required (or a model letter): the appeal points writers make")
            )
        elif needs_asks and isinstance(data["asks"], list) and not data["asks"]:
            self.problem("asks", _("must list at least one appeal point (or give a model letter)"))
        people = self.people(data.get("people"), "people")
        officials = self.officials(data.get("officials"), "officials", not_closure)
        translations = self.translations(data.get("translations"), language)
        self.salutation_languages(data.get("officials"), language, fmt == 1)
        if issued is None or ua is None or not title or not country or not summary:
            return None
        return Case(
            ua=ua,
            kind=kind,
            update=update,
            index=self.text(data, "index", "index"),
            title=title,
            country=country,
            issued=issued,
            deadline=deadline,
            source=self.text(data, "source", "source"),
            languages=self.texts(data, "languages", "languages"),
            summary=summary,
            details=self.text(data, "details", "details"),
            asks=asks,
            background=self.text(data, "background", "background"),
            report_reference=self.text(data, "report_reference", "report_reference"),
            model_letter=self.text(data, "model_letter", "model_letter"),
            people=people,
            officials=officials,
            language=language,
            translations=translations,
        )

    def language(self, data: Mapping[str, Any]) -> str:
        code = self.text(data, "language", "language")
        if not code:
            return "en"
        if code not in ISO_639_1:
            self.problem("language", _unknown_language(code))
            return "en"
        return code

    def translations(self, value: Any, own: str) -> tuple[CaseText, ...]:
        """``[translations.fr]`` tables: the case's text in other languages, each checked."""
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.problem("translations", _("must be tables such as [translations.fr]"))
            return ()
        out: list[CaseText] = []
        for code, item in value.items():
            here = f"translations.{code}"
            if code not in ISO_639_1:
                self.problem(here, _unknown_language(code))
                continue
            if code == own:
                self.problem(
                    here,
                    _("'{code}' is the case's own language: its text is above").format(code=code),
                )
                continue
            if not isinstance(item, dict):
                self.problem(here, _("must be a table with title, summary, asks or model letter"))
                continue
            self.unknown(item, _TRANSLATION_FIELDS, here)
            text = CaseText(
                language=code,
                title=self.text(item, "title", f"{here}.title"),
                summary=self.text(item, "summary", f"{here}.summary"),
                asks=self.texts(item, "asks", f"{here}.asks"),
                model_letter=self.text(item, "model_letter", f"{here}.model_letter"),
            )
            if not (text.title or text.summary or text.asks or text.model_letter):
                self.problem(
                    here, _("is empty: give at least a title, summary, asks or a model letter")
                )
                continue
            out.append(text)
        return tuple(out)

    def salutation_languages(self, value: Any, own: str, format_1: bool) -> None:
        """An official's ``salutations`` in the case's own language belong in ``salutation``
        (and format 1 has none)."""
        if not isinstance(value, list):
            return
        for i, item in enumerate(value):
            if format_1 and isinstance(item, dict) and "salutations" in item:
                self.problem(f"officials[{i}].salutations", _("needs format = 2"))
            elif (
                isinstance(item, dict)
                and isinstance(item.get("salutations"), dict)
                and own in item["salutations"]
            ):
                self.problem(
                    f"officials[{i}].salutations.{own}",
                    _("'{own}' is the case's own language: write it as `salutation`").format(
                        own=own
                    ),
                )

    def salutations(self, item: Mapping[str, Any], here: str) -> tuple[tuple[str, str], ...]:
        value = item.get("salutations")
        if value is None:
            return ()
        path = f"{here}.salutations"
        if not isinstance(value, dict):
            self.problem(path, _('must be a table such as { fr = "Monsieur le Ministre" }'))
            return ()
        out: list[tuple[str, str]] = []
        for code, text in value.items():
            if code not in ISO_639_1:
                self.problem(f"{path}.{code}", _unknown_language(code))
            elif not isinstance(text, str):
                self.problem(
                    f"{path}.{code}", _("must be text, not {value}").format(value=_describe(text))
                )
            elif not text.strip():
                self.problem(f"{path}.{code}", _("must not be empty"))
            else:
                out.append((code, text.strip()))  # a trailing comma goes when printed
        return tuple(out)

    def people(self, value: Any, path: str) -> tuple[Person, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.problem(path, _("must be a list of [[people]] tables"))
            return ()
        out: list[Person] = []
        for i, item in enumerate(value):
            here = f"{path}[{i}]"
            if not isinstance(item, dict):
                self.problem(here, _("must be a table with name and gender"))
                continue
            self.unknown(item, {"name", "gender"}, here)
            name = self.text(item, "name", f"{here}.name", required=True)
            gender = self.text(item, "gender", f"{here}.gender").lower()
            if gender not in GENDERS:
                self.problem(f"{here}.gender", _("must be f, m or x (or left out)"))
                gender = ""
            if name:
                out.append(Person(name=name, gender=gender))
        return tuple(out)

    def officials(self, value: Any, path: str, required: bool) -> tuple[Official, ...]:
        if value is None or (required and value == []):
            if required:
                self.problem(path, _("is required: at least one [[officials]] to write to"))
            return ()
        if not isinstance(value, list):
            self.problem(path, _("must be a list of [[officials]] tables"))
            return ()
        if len(value) > MAX_OFFICIALS:
            self.problem(
                path,
                _(
                    "has {count:,} officials; a case may have at most {most} (an Urgent Action "
                    "names a handful)"
                ).format(count=len(value), most=MAX_OFFICIALS),
            )
            return ()
        out: list[Official] = []
        seen: set[str] = set()
        has_target = False
        for i, item in enumerate(value):
            here = f"{path}[{i}]"
            if not isinstance(item, dict):
                self.problem(here, _("must be a table"))
                continue
            has_target = has_target or item.get("role", Role.TARGET.value) != Role.COPY.value
            official = self.official(item, here)
            if official is None:
                continue
            if official.id in seen:
                self.problem(
                    f"{here}.id", _("'{id}' is used by another official").format(id=official.id)
                )
            seen.add(official.id)
            out.append(official)
        if required and value and not has_target:
            self.problem(path, _('needs at least one official with role = "target"'))
        return tuple(out)

    def official(self, item: dict[str, Any], here: str) -> Official | None:
        self.unknown(item, _OFFICIAL_FIELDS, here)
        ident = self.text(item, "id", f"{here}.id", required=True)
        if ident and not _ID_RE.match(ident):
            self.problem(f"{here}.id", _("must be lower-case letters, digits and dashes"))
        role_text = self.text(item, "role", f"{here}.role") or Role.TARGET.value
        try:
            role = Role(role_text)
        except ValueError:
            self.problem(f"{here}.role", _("must be target or copy"))
            role = Role.TARGET
        title = self.text(item, "title", f"{here}.title")
        name = self.text(item, "name", f"{here}.name")
        if not title and not name:
            self.problem(f"{here}.name", _("an official needs a title or a name"))
        address = self.texts(item, "address", f"{here}.address")
        emails = self.texts(item, "emails", f"{here}.emails")
        for j, email in enumerate(emails):
            if not _EMAIL_RE.match(email):
                self.problem(
                    f"{here}.emails[{j}]",
                    _("'{email}' is not an email address").format(email=email),
                )
        fax = self.text(item, "fax", f"{here}.fax")
        salutation = self.text(item, "salutation", f"{here}.salutation")
        if role is Role.TARGET:
            if not salutation:
                self.problem(f"{here}.salutation", _("is required for a target official"))
            if not (address or emails or fax):
                self.problem(here, _("a target official needs address lines, an email or a fax"))
        if not ident:
            return None
        return Official(
            id=ident,
            role=role,
            title=title,
            name=name,
            organisation=self.text(item, "organisation", f"{here}.organisation"),
            address=address,
            country=self.text(item, "country", f"{here}.country"),
            fax=fax,
            phone=self.text(item, "phone", f"{here}.phone"),
            emails=emails,
            social=self.texts(item, "social", f"{here}.social"),
            salutation=salutation,
            salutations=self.salutations(item, here),
        )


# The fields of format 1, in the order files are written (and forms show them).
CASE_TEXT_FIELDS = (
    "ua",
    "kind",
    "update",
    "index",
    "title",
    "country",
    "issued",
    "deadline",
    "source",
    "languages",
    "summary",
    "details",
    "asks",
    "background",
    "report_reference",
    "model_letter",
)
# The editor shows these; format 2 adds `language`, `translations` and `salutations` (below).
CASE_KEYS = ("format", *CASE_TEXT_FIELDS, "people", "officials")
TRANSLATION_KEYS = ("title", "summary", "asks", "model_letter")
OFFICIAL_KEYS = (
    "id",
    "role",
    "title",
    "name",
    "organisation",
    "address",
    "country",
    "fax",
    "phone",
    "emails",
    "social",
    "salutation",
)
FORMAT_2_CASE_KEYS = ("language", "translations")
FORMAT_2_OFFICIAL_KEYS = ("salutations",)
_CASE_FIELDS = set(CASE_KEYS) | set(FORMAT_2_CASE_KEYS)
_TRANSLATION_FIELDS = set(TRANSLATION_KEYS)
_FORMAT_2_FIELDS = set(FORMAT_2_CASE_KEYS)
_OFFICIAL_FIELDS = set(OFFICIAL_KEYS) | set(FORMAT_2_OFFICIAL_KEYS)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, datetime):
        return _("a date with a time")
    if isinstance(value, date):
        return _("a date")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a table")
    return type(value).__name__


def _unknown_language(code: str) -> str:
    return f"'{code}' is not a language code; use a two-letter ISO 639-1 code such as fr or de"


def _close_match(key: str, allowed: set[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.75)
    return matches[0] if matches else None


# --------------------------------------------------------------------------- writing


def case_to_dict(case: Case) -> dict[str, Any]:
    """The case as the TOML tables it is written as; empty optional fields are left out."""
    out: dict[str, Any] = {"format": FORMAT_VERSION}
    if case.language != "en":
        out["language"] = case.language
    out["ua"] = case.ua
    if case.kind is not CaseKind.INITIAL:
        out["kind"] = case.kind.value
    if case.kind is CaseKind.FOLLOW_UP:
        out["update"] = case.update
    for key in ("index", "title", "country"):
        if getattr(case, key):
            out[key] = getattr(case, key)
    out["issued"] = case.issued
    if case.deadline:
        out["deadline"] = case.deadline
    for key in ("source",):
        if getattr(case, key):
            out[key] = getattr(case, key)
    if case.languages:
        out["languages"] = list(case.languages)
    for key in ("summary", "details"):
        if getattr(case, key):
            out[key] = getattr(case, key)
    if case.asks:
        out["asks"] = list(case.asks)
    for key in ("background", "report_reference", "model_letter"):
        if getattr(case, key):
            out[key] = getattr(case, key)
    translations = {t.language: _translation_to_dict(t) for t in case.translations}
    if translations:
        out["translations"] = translations
    if case.people:
        out["people"] = [
            {"name": p.name, **({"gender": p.gender} if p.gender else {})} for p in case.people
        ]
    if case.officials:
        out["officials"] = [_official_to_dict(o) for o in case.officials]
    return out


def _official_to_dict(official: Official) -> dict[str, Any]:
    out: dict[str, Any] = {"id": official.id, "role": official.role.value}
    for key in ("title", "name", "organisation"):
        if getattr(official, key):
            out[key] = getattr(official, key)
    if official.address:
        out["address"] = list(official.address)
    for key in ("country", "fax", "phone"):
        if getattr(official, key):
            out[key] = getattr(official, key)
    for key in ("emails", "social"):
        if getattr(official, key):
            out[key] = list(getattr(official, key))
    if official.salutation:
        out["salutation"] = official.salutation
    if official.salutations:
        out["salutations"] = dict(official.salutations)
    return out


def _translation_to_dict(text: CaseText) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("title", "summary"):
        if getattr(text, key):
            out[key] = getattr(text, key)
    if text.asks:
        out["asks"] = list(text.asks)
    if text.model_letter:
        out["model_letter"] = text.model_letter
    return out


def dump_case(case: Case) -> str:
    """TOML text for a case; reading it back gives an equal case."""
    import tomli_w  # only when writing: not needed to start the app

    return tomli_w.dumps(case_to_dict(case), multiline_strings=True)
