"""The action log: a member's private record of what they sent, about which case, to whom.

It lives in one SQLite file on this machine (``AppPaths.action_log_file``) and leaves it only
when the user exports it. Actions carry UUIDs, so members' logs merge without double counting.
Qt-free: the window asks this package for data and hands it decisions.

Modules, one job each: ``action`` (the values), ``schema`` (tables and upgrades), ``store``
(the SQLite file), ``exchange`` (JSON and CSV files), ``report`` (the text for the
organisation's form), ``errors`` (problems as sentences). See docs/action-log.md.
"""

from uaction_desktop.actionlog.action import (
    MAX_COUNT,
    Action,
    ActionChannel,
    ActionFilter,
    ReplyStatus,
    Tally,
    new_id,
)
from uaction_desktop.actionlog.errors import ActionLogError, ErrorKind
from uaction_desktop.actionlog.exchange import FORMAT_VERSION, action_to_record
from uaction_desktop.actionlog.schema import SCHEMA_VERSION
from uaction_desktop.actionlog.store import (
    BUSY_TIMEOUT_S,
    ActionLog,
    Conflict,
    ImportResult,
)

__all__ = [
    "BUSY_TIMEOUT_S",
    "FORMAT_VERSION",
    "MAX_COUNT",
    "SCHEMA_VERSION",
    "Action",
    "ActionChannel",
    "ActionFilter",
    "ActionLog",
    "ActionLogError",
    "Conflict",
    "ErrorKind",
    "ImportResult",
    "ReplyStatus",
    "Tally",
    "action_to_record",
    "new_id",
]
