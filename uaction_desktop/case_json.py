"""The JSON shape of a case, shared by ``uaction show --json``, ``cases --json``, the importer."""

from __future__ import annotations

from datetime import date
from typing import Any

from uaction_desktop.case_index import CaseCard
from uaction_desktop.model import Case, CaseKind, CaseStatus


def card_to_json(card: CaseCard, status: CaseStatus | None = None) -> dict[str, Any]:
    """What ``uaction cases --json`` lists per case: what the case list shows (the whole case
    is ``uaction show UA --json``)."""
    return {
        "ua": card.ua,
        "index": card.index,
        "kind": card.kind.value,
        "update": card.update,
        "title": card.title,
        "country": card.country,
        "issued": card.issued.isoformat(),
        "deadline": card.deadline.isoformat() if card.deadline else None,
        "status": status.value if status else None,
        "people": [{"name": p.name, "gender": p.gender} for p in card.people],
        "report_reference": card.report_reference,
        "file": card.path,
    }


def case_to_json(case: Case, status: CaseStatus | None = None) -> dict[str, Any]:
    return {
        "ua": case.ua,
        "index": case.index,
        "kind": case.kind.value,
        "update": case.update,
        "title": case.title,
        "country": case.country,
        "issued": case.issued.isoformat(),
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "status": status.value if status else None,
        "source": case.source,
        "language": case.language,
        "languages": list(case.languages),
        "letter_languages": list(case.letter_languages),
        "people": [{"name": p.name, "gender": p.gender} for p in case.people],
        "summary": case.summary,
        "details": case.details,
        "asks": list(case.asks),
        "background": case.background,
        "report_reference": case.report_reference,
        "model_letter": case.model_letter,
        "translations": {
            t.language: {
                "title": t.title,
                "summary": t.summary,
                "asks": list(t.asks),
                "model_letter": t.model_letter,
            }
            for t in case.translations
        },
        "officials": [
            {
                "id": o.id,
                "role": o.role.value,
                "title": o.title,
                "name": o.name,
                "organisation": o.organisation,
                "address": list(o.address),
                "country": o.country,
                "fax": o.fax,
                "phone": o.phone,
                "emails": list(o.emails),
                "social": list(o.social),
                "salutation": o.salutation,
                "salutations": dict(o.salutations),
            }
            for o in case.officials
        ],
        "file": case.path,
    }


def document_label(ua: str, kind: CaseKind, update: int) -> str:
    """ "UA 101/24", "UA 101/24 · update 1", "UA 101/24 · closure" in the interface language:
    an update or a closure read as the first appeal would be mistaken for it."""
    from uaction_desktop.i18n import _

    return _("UA {ua}").format(ua=ua) + document_suffix(kind, update)


def document_suffix(kind: CaseKind, update: int) -> str:
    """ " · update 1", " · closure", or "" for the first appeal."""
    from uaction_desktop.i18n import _

    if kind is CaseKind.FOLLOW_UP:
        return " · " + _("update {number}").format(number=update)
    if kind is CaseKind.CLOSURE:
        return " · " + _("closure")
    return ""


def status_word(status: CaseStatus) -> str:
    """ "active", "expired", "closed" in the interface language (JSON keeps the values)."""
    from uaction_desktop.i18n import _

    match status:
        case CaseStatus.ACTIVE:
            return _("active")
        case CaseStatus.EXPIRED:
            return _("expired")
        case _:
            return _("closed")


def days_left_text(deadline: date | None, today: date) -> str:
    """ "3 days left", "due today", "expired 12 days ago"."""
    from uaction_desktop.i18n import _, ngettext

    if deadline is None:
        return _("no deadline")
    days = (deadline - today).days
    if days > 0:
        return ngettext("{days} day left", "{days} days left", days).format(days=days)
    if days == 0:
        return _("due today")
    return ngettext(
        "deadline passed {days} day ago", "deadline passed {days} days ago", -days
    ).format(days=-days)
