"""Names of the core's values as the interface shows them (the core keeps its own English
values for files and scripts)."""

from __future__ import annotations

from uaction_desktop.actionlog.action import ActionChannel
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


CHANNEL_NAMES = {  # one action's channel, as a table cell or a choice shows it
    ActionChannel.LETTER: N_("Letter"),
    ActionChannel.EMAIL: N_("Email"),
    ActionChannel.FAX: N_("Fax"),
    ActionChannel.PHONE: N_("Phone call"),
    ActionChannel.SOCIAL: N_("Social media"),
    ActionChannel.OTHER: N_("Other"),
}


def channel_name(channel: ActionChannel) -> str:
    return _(CHANNEL_NAMES[channel])


def channel_in_sentence(channel: ActionChannel) -> str:
    """ "cannot be reached by fax": the channel as a word inside a sentence."""
    match channel:
        case ActionChannel.LETTER:
            return pgettext("reached by", "letter")
        case ActionChannel.EMAIL:
            return pgettext("reached by", "email")
        case ActionChannel.FAX:
            return pgettext("reached by", "fax")
        case ActionChannel.PHONE:
            return pgettext("reached by", "phone")
        case ActionChannel.SOCIAL:
            return pgettext("reached by", "social media")
        case _:
            return pgettext("reached by", "other means")
