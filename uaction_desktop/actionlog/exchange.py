"""The files a log leaves the machine in, only when the user asks: JSON to merge, CSV to read.

The JSON format is documented in docs/action-log.md and versioned on its own (``"version"``),
apart from the database schema. Reading is strict: an unknown field or a bad value makes the
whole file unusable, with every problem listed, so nothing is half-imported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from uaction_desktop import __version__
from uaction_desktop.actionlog.action import Action, ActionChannel, ReplyStatus
from uaction_desktop.actionlog.errors import ActionLogError, ErrorKind, file_error
from uaction_desktop.bounded import TooLargeOrSpecial, read_bytes_bounded
from uaction_desktop.terminal import brief

FORMAT_NAME = "uaction-action-log"
FORMAT_VERSION = 2  # 2 adds "changed"; files of version 1 are read as before
_MAX_PROBLEMS_SHOWN = 5
MAX_FILE_BYTES = 32 * 1024 * 1024  # an exchange file; tens of thousands of actions with letters

# record key -> Action field, in the order written. Only _REQUIRED keys must be present.
_KEYS = {
    "id": "id",
    "case": "case_ua",
    "case_index": "case_index",
    "official": "official_id",
    "official_title": "official_title",
    "official_name": "official_name",
    "channel": "channel",
    "count": "count",
    "date": "sent_on",
    "signer": "signer",
    "note": "note",
    "text": "text",
    "reply": "reply",
    "reply_date": "reply_on",
    "reported": "reported_on",
    "changed": "changed_at",
}
_REQUIRED = ("id", "case", "channel", "count", "date")
_DATE_KEYS = ("date", "reply_date", "reported")


def action_to_record(action: Action) -> dict[str, Any]:
    """The JSON object for one action (also what ``uaction log list --json`` prints)."""
    record: dict[str, Any] = {}
    for key, name in _KEYS.items():
        value = getattr(action, name)
        if isinstance(value, datetime):
            value = value.isoformat(timespec="seconds")
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, ActionChannel | ReplyStatus):
            value = value.value
        record[key] = value
    return record


def record_to_action(record: Any, where: str) -> tuple[Action | None, list[str]]:
    """An action from one JSON object, or None and the problems (each prefixed by ``where``)."""
    if not isinstance(record, dict):
        return None, [f"{where}: must be an object"]
    problems = [f"{where}.{key}: unknown field" for key in record if key not in _KEYS]
    problems += [f"{where}.{key}: is required" for key in _REQUIRED if key not in record]
    values: dict[str, Any] = {}
    for key, name in _KEYS.items():
        if key not in record:
            continue
        value = record[key]
        if key in _DATE_KEYS and value is not None:
            try:
                value = date.fromisoformat(value) if isinstance(value, str) else value
            except ValueError:
                problems.append(f"{where}.{key}: '{value}' is not a date like 2026-11-28")
                continue
        if key == "changed" and value is not None:
            moment = _moment(value)
            if moment is None:
                problems.append(
                    f"{where}.changed: '{value}' is not a time like 2026-11-28T14:03:00+00:00"
                )
                continue
            value = moment
        values[name] = value
    if problems:
        return None, problems
    try:
        return Action(**values), []
    except (ValueError, TypeError) as exc:
        return None, [f"{where}: {exc}"]


def _moment(value: Any) -> datetime | None:
    """A time with its UTC offset (naive times are not comparable across members' machines)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return None
        return moment.astimezone(UTC).replace(microsecond=0)
    except (ValueError, OverflowError):  # 0001-01-01T00:00:00+14:00 is before year 1 in UTC
        return None


def dumps(actions: Iterable[Action], exported_at: datetime | None = None) -> str:
    """The exchange file's text: oldest action first, so two exports of one log diff cleanly."""
    ordered = sorted(actions, key=lambda a: (a.sent_on, a.id))
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app": f"uaction-desktop {__version__}",
        "exported_at": (exported_at or datetime.now().astimezone()).isoformat(timespec="seconds"),
        "actions": [action_to_record(a) for a in ordered],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def loads(text: str, source: Path | str) -> list[Action]:
    """Every action in an exchange file; raises ActionLogError (BAD_FILE) listing all problems."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        raise _bad(source, [problem]) from None
    except RecursionError:
        raise _bad(source, ["not an action-log export: nested too deeply"]) from None
    except ValueError:  # a number of more than 4,300 digits
        raise _bad(
            source, ["not an action-log export: a number in it is thousands of digits long"]
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _bad(source, [f'not a uaction action-log export (no "format": "{FORMAT_NAME}")'])
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad(source, ["version: must be a whole number from 1"])
    if version > FORMAT_VERSION:
        raise ActionLogError(
            ErrorKind.BAD_FILE,
            f"{source} was exported by a newer version of uaction (format "
            f"{brief(str(version), 12)}; this version reads up to {FORMAT_VERSION}). "
            "Update uaction to import it.",
            Path(source),
        )
    records = document.get("actions")
    if not isinstance(records, list):
        raise _bad(source, ["actions: must be a list"])
    actions: list[Action] = []
    problems: list[str] = []
    first_with: dict[str, int] = {}
    for number, record in enumerate(records):
        action, found = record_to_action(record, f"actions[{number}]")
        problems += found
        if action is not None:
            if action.id in first_with:
                # Two versions of one action in one file: which is right cannot be known.
                problems.append(
                    f"actions[{number}].id: the same id as actions[{first_with[action.id]}]"
                )
            first_with.setdefault(action.id, number)
            actions.append(action)
    if problems:
        raise _bad(source, problems)
    return actions


def read_file(path: Path) -> list[Action]:
    """The actions of an exchange file: a regular file of at most :data:`MAX_FILE_BYTES`."""
    try:
        data = read_bytes_bounded(path, MAX_FILE_BYTES)
    except TooLargeOrSpecial as exc:
        raise ActionLogError(
            ErrorKind.BAD_FILE,
            f"{path} cannot be imported, nothing was changed: it is {exc.message} (an export "
            f"of at most {MAX_FILE_BYTES // 1_048_576} MB can be imported).",
            path,
        ) from exc
    except OSError as exc:
        raise file_error(exc, path, "read") from exc
    try:
        text = data.decode("utf-8-sig")  # tolerate a BOM added by a text editor
    except UnicodeDecodeError:
        raise _bad(path, ["not UTF-8 text"]) from None
    return loads(text, path)


def _bad(source: Path | str, problems: list[str]) -> ActionLogError:
    shown = problems[:_MAX_PROBLEMS_SHOWN]
    more = len(problems) - len(shown)
    tail = f"; and {more} more" if more else ""
    return ActionLogError(
        ErrorKind.BAD_FILE,
        f"{source} cannot be imported, nothing was changed: {'; '.join(shown)}{tail}.",
        Path(source),
    )


CSV_COLUMNS = (
    "id",
    "date",
    "case",
    "case_index",
    "channel",
    "count",
    "official",
    "official_title",
    "official_name",
    "signer",
    "reply",
    "reply_date",
    "reported",
    "note",
    "text",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(actions: Iterable[Action]) -> str:
    """A spreadsheet-friendly table, oldest first (the caller adds the BOM when writing).

    Text that a spreadsheet would run as a formula (starting with = + - @) gets a leading
    apostrophe: an imported note must not be able to execute anything on the reader's machine.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for action in sorted(actions, key=lambda a: (a.sent_on, a.id)):
        record = action_to_record(action)
        row = []
        for column in CSV_COLUMNS:
            value = record[column]
            if value is None:
                value = ""
            elif isinstance(value, str) and value.startswith(_FORMULA_START):
                value = "'" + value
            row.append(value)
        writer.writerow(row)
    return out.getvalue()
