"""What one logged action is: an immutable value, checked when it is made.

Everything about the case and the official is a snapshot taken when the action was logged, so
the log still reads correctly after a case file changes or is deleted, and after it has been
merged into a coordinator's log on another machine.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from uaction_desktop.i18n import N_, gettext, ngettext
from uaction_desktop.model import normalize_ua
from uaction_desktop.terminal import brief

if TYPE_CHECKING:
    from uaction_desktop.model import Case, Official

MAX_COUNT = 1_000_000  # far above any real group's output; catches typos such as 10000000


class ActionChannel(enum.StrEnum):
    """How the appeal went out. The values are stored in the database and in exported files."""

    LETTER = "letter"
    EMAIL = "email"
    FAX = "fax"
    PHONE = "phone"
    SOCIAL = "social"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The plural heading used in reports ("Letters: 3")."""
        return gettext(_CHANNEL_LABELS[self])

    def describe(self, count: int) -> str:
        """ "1 letter", "3 phone calls": how a sentence says it."""
        match self:
            case ActionChannel.LETTER:
                text = ngettext("{count} letter", "{count} letters", count)
            case ActionChannel.EMAIL:
                text = ngettext("{count} email", "{count} emails", count)
            case ActionChannel.FAX:
                text = ngettext("{count} fax", "{count} faxes", count)
            case ActionChannel.PHONE:
                text = ngettext("{count} phone call", "{count} phone calls", count)
            case ActionChannel.SOCIAL:
                text = ngettext("{count} social media post", "{count} social media posts", count)
            case _:
                text = ngettext("{count} other action", "{count} other actions", count)
        return text.format(count=count)


_CHANNEL_LABELS = {
    ActionChannel.LETTER: N_("Letters"),
    ActionChannel.EMAIL: N_("Emails"),
    ActionChannel.FAX: N_("Faxes"),
    ActionChannel.PHONE: N_("Phone calls"),
    ActionChannel.SOCIAL: N_("Social media posts"),
    ActionChannel.OTHER: N_("Other actions"),
}


class ReplyStatus(enum.StrEnum):
    """Whether the official answered. Only a reply (good or bad) or "not expected" has a date."""

    NONE = "none"  # none yet
    REPLIED = "replied"
    UNSATISFACTORY = "unsatisfactory"
    NOT_EXPECTED = "not-expected"

    @property
    def label(self) -> str:
        return gettext(_REPLY_LABELS[self])


_REPLY_LABELS = {
    ReplyStatus.NONE: N_("no reply yet"),
    ReplyStatus.REPLIED: N_("replied"),
    ReplyStatus.UNSATISFACTORY: N_("unsatisfactory reply"),
    ReplyStatus.NOT_EXPECTED: N_("no reply expected"),
}


def new_id() -> str:
    """A random UUID: ids made on different machines never collide, so logs merge safely."""
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Action:
    """One thing sent (or one call made) about one case, to one official.

    ``count`` is how many were sent in this one entry (a group posting 12 signed letters logs one
    action with count 12). Totals and reports always add up ``count``.
    """

    case_ua: str
    channel: ActionChannel
    sent_on: date
    count: int = 1
    case_index: str = ""
    official_id: str = ""
    official_title: str = ""
    official_name: str = ""
    signer: str = ""
    note: str = ""
    text: str = ""  # the text that was sent, as sent
    reply: ReplyStatus = ReplyStatus.NONE
    reply_on: date | None = None
    reported_on: date | None = None  # when it was reported to the organisation
    id: str = field(default_factory=new_id)
    # When this version was recorded (UTC): which of two versions is the later word, for the
    # merge. Not part of what the action says, so equality ignores it.
    changed_at: datetime | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Enums are accepted as their text values, because that is how every caller holds them.
        for name, kind in (("channel", ActionChannel), ("reply", ReplyStatus)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                try:
                    object.__setattr__(self, name, kind(value))
                except ValueError:
                    choices = ", ".join(v.value for v in kind)
                    raise ValueError(f"{name}: '{value}' is not one of {choices}") from None
        problems = action_problems(self)
        if problems:
            raise ValueError("; ".join(problems))

    @classmethod
    def about(cls, case: Case, official: Official | None, **rest: Any) -> Action:
        """An action on ``case`` to ``official``, with the snapshot of both that the log keeps
        (UA, index, the official's id, title and name); ``rest`` is the other fields."""
        snapshot: dict[str, Any] = {"case_ua": case.ua, "case_index": case.index}
        if official is not None:
            snapshot |= {
                "official_id": official.id,
                "official_title": official.title,
                "official_name": official.name,
            }
        return cls(**(snapshot | rest))

    @property
    def official_display(self) -> str:
        """ "Prosecutor General Kairat Kozhamzharov", or the bare id when no name was recorded."""
        shown = " ".join(p for p in (self.official_title, self.official_name) if p)
        return shown or self.official_id

    def differences(self, other: Action) -> tuple[str, ...]:
        """The names of the fields in which two versions of the same action differ."""
        return tuple(
            f.name
            for f in fields(self)
            if f.compare and getattr(self, f.name) != getattr(other, f.name)
        )

    def merged_with(self, theirs: Action) -> Action | None:
        """This action with what only ``theirs`` records filled in; None when a person must
        decide (a conflict).

        Being reported and getting a reply only ever happen later, so a *later* version that
        has them and this one, which does not yet, are the same action at two moments: its
        facts are taken. A version that lacks what this one has changes nothing. But an
        earlier version (or one of unknown time, from an older export) that has a report mark
        or a reply this one lacks may be what this one corrected (a reply logged on the wrong
        action, a report mark undone): that, like any other difference, is a conflict."""
        if not self._only_later_facts_differ(theirs):
            return None
        merged = self
        if self.reported_on != theirs.reported_on and theirs.reported_on is not None:
            earliest = min(d for d in (self.reported_on, theirs.reported_on) if d is not None)
            merged = replace(merged, reported_on=earliest)
        ours_reply, their_reply = (self.reply, self.reply_on), (theirs.reply, theirs.reply_on)
        if ours_reply != their_reply and their_reply != (ReplyStatus.NONE, None):
            if ours_reply != (ReplyStatus.NONE, None):
                return None  # two different replies
            merged = replace(merged, reply=theirs.reply, reply_on=theirs.reply_on)
        if merged == self:
            return self  # theirs adds nothing
        later = theirs.changed_at is not None and (
            self.changed_at is None or theirs.changed_at > self.changed_at
        )
        return replace(merged, changed_at=theirs.changed_at) if later else None

    def _only_later_facts_differ(self, theirs: Action) -> bool:
        later = {"reported_on", "reply", "reply_on"}
        return all(name in later for name in self.differences(theirs))


_TEXT_FIELDS = (
    "case_index",
    "official_id",
    "official_title",
    "official_name",
    "signer",
    "note",
    "text",
)


def action_problems(action: Action) -> list[str]:
    """Everything wrong with an action, as "field: problem" sentences (empty when it is valid)."""
    problems: list[str] = []
    try:
        canonical = str(uuid.UUID(action.id)) if isinstance(action.id, str) else None
    except ValueError:
        canonical = None
    if canonical != action.id:
        problems.append(f"id: '{action.id}' is not a UUID in its usual lower-case form")
    if not isinstance(action.case_ua, str) or normalize_ua(action.case_ua) != action.case_ua:
        problems.append(f"case_ua: '{action.case_ua}' is not a UA number written like 63/18")
    count = action.count
    if not isinstance(count, int) or isinstance(count, bool):
        problems.append(f"count: must be a whole number, not {count!r}")
    elif not 1 <= count <= MAX_COUNT:
        problems.append(f"count: must be between 1 and {MAX_COUNT}, not {brief(str(count), 20)}")
    for name in ("sent_on", "reply_on", "reported_on"):
        value = getattr(action, name)
        if name != "sent_on" and value is None:
            continue
        if type(value) is not date:  # a datetime is a date too, and would compare wrongly
            problems.append(f"{name}: must be a date, not {value!r}")
    for name in _TEXT_FIELDS:
        value = getattr(action, name)
        if not isinstance(value, str):
            problems.append(f"{name}: must be text")
        elif not value.isascii():
            try:  # JSON's "\ud800" escapes can smuggle in what no file can store
                value.encode("utf-8")
            except UnicodeEncodeError:
                problems.append(f"{name}: contains characters that are not valid Unicode")
    if action.reply is ReplyStatus.NONE and action.reply_on is not None:
        problems.append("reply_on: there is no reply to date (reply is 'none')")
    return problems


@dataclass(frozen=True)
class ActionFilter:
    """Which actions a query covers. Every field left as None means "any"; dates are inclusive."""

    case_ua: str | None = None
    channel: ActionChannel | None = None
    since: date | None = None
    until: date | None = None
    reported: bool | None = None  # True: reported only; False: not yet reported only


@dataclass(frozen=True)
class Tally:
    """Sums of ``count`` by channel, over some set of actions.

    ``counts`` lists only the channels used, in :class:`ActionChannel` order; ``actions`` is the
    number of log entries behind them.
    """

    counts: Mapping[ActionChannel, int]
    actions: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())
