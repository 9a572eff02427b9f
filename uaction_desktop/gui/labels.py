"""Names of the core's values as the interface shows them (the core keeps its own English
values for files and scripts)."""

from __future__ import annotations

from enum import StrEnum

from uaction_desktop.i18n import N_, _, pgettext
from uaction_desktop.model import CaseStatus


def status_label(status: CaseStatus) -> str:
    """A case's status as a table cell or a fact line shows it ("Active", not the list's
    "Active" cases filter: some languages say them differently)."""
    match status:
        case CaseStatus.ACTIVE:
            return pgettext("case status", "Active")
        case CaseStatus.EXPIRED:
            return pgettext("case status", "Expired")
        case _:
            return pgettext("case status", "Closed")


# One action's channel, as a table cell or a choice shows it; keyed by the stored values, so
# the case list (which needs the status labels at start-up) does not load the action log.
CHANNEL_NAMES = {
    "letter": N_("Letter"),
    "email": N_("Email"),
    "fax": N_("Fax"),
    "phone": N_("Phone call"),
    "social": N_("Social media"),
    "other": N_("Other"),
}


def channel_name(channel: StrEnum) -> str:
    return _(CHANNEL_NAMES.get(channel.value, channel.value))


def channel_in_sentence(channel: StrEnum) -> str:
    """ "cannot be reached by fax": the channel as a word inside a sentence."""
    match channel.value:
        case "letter":
            return pgettext("reached by", "letter")
        case "email":
            return pgettext("reached by", "email")
        case "fax":
            return pgettext("reached by", "fax")
        case "phone":
            return pgettext("reached by", "phone")
        case "social":
            return pgettext("reached by", "social media")
        case _:
            return pgettext("reached by", "other means")
