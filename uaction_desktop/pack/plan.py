"""Which letters a pack holds: the cases, each case's officials, the signers, and their order.

Letters come signer by signer (each member takes their own stack, or one set of blank copies),
then case by case in the chosen order, then official by official as the case lists them. The
envelopes and labels follow the same order, so they pair up with the letters when stuffing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date

from uaction_desktop.case_json import status_word
from uaction_desktop.destination import address_country
from uaction_desktop.i18n import _
from uaction_desktop.library import CaseEntry, CaseLibrary
from uaction_desktop.model import Case, CaseStatus, Channel, Official, Role, normalize_ua
from uaction_desktop.pack.options import PackError, PackOptions, Signer
from uaction_desktop.profile import SenderProfile


@dataclass(frozen=True)
class CasePlan:
    entry: CaseEntry
    officials: tuple[Official, ...]

    @property
    def case(self) -> Case:
        return self.entry.case


@dataclass(frozen=True)
class LetterJob:
    """One letter to write: who signs it, to whom, about which case."""

    number: int  # 0-based position in the pack
    signer_index: int
    signer: Signer
    case: Case
    official: Official


@dataclass(frozen=True)
class PackPlan:
    cases: tuple[CasePlan, ...]
    signers: tuple[Signer, ...]
    warnings: tuple[str, ...] = ()

    @property
    def letters(self) -> int:
        return len(self.signers) * sum(len(c.officials) for c in self.cases)

    def jobs(self) -> Iterator[LetterJob]:
        """The letters in pack order, made on demand (a plan never holds a thousand letters)."""
        number = 0
        for index, signer in enumerate(self.signers):
            for planned in self.cases:
                for official in planned.officials:
                    yield LetterJob(number, index, signer, planned.case, official)
                    number += 1


def plan_pack(options: PackOptions, library: CaseLibrary, today: date) -> PackPlan:
    warnings: list[str] = []
    entries = _entries(options, library, today, warnings)
    for signer in options.signer_list:
        if not signer.is_blank and not signer.address:
            warnings.append(
                _(
                    "{name} has no address in the roster: their letters and envelopes have no "
                    "return address"
                ).format(name=signer.name)
            )
    cases = []
    for entry in entries:
        # A case with no one to write to still gets its briefing; it just has no letters.
        cases.append(CasePlan(entry, _officials(entry.case, options, warnings)))
    return PackPlan(tuple(cases), options.signer_list, tuple(warnings))


def signer_profile(profile: SenderProfile, signer: Signer) -> SenderProfile:
    """The sender profile a signer's letters are composed with.

    Name, address and email are the signer's own (all blank for a blank copy); so is the country
    (it decides the return address's country and whether the official's address needs its
    country line): the roster's, else the one the address's last line names, else the
    coordinator's. The group stays theirs.
    """
    return replace(
        profile,
        name=signer.name,
        address=signer.address,
        email=signer.email,
        country=signer.country or address_country(signer.address) or profile.country,
    )


def _entries(
    options: PackOptions, library: CaseLibrary, today: date, warnings: list[str]
) -> list[CaseEntry]:
    if not options.cases:
        active = [e for e in library.entries(today) if e.status is CaseStatus.ACTIVE]
        if not active:
            raise PackError(_("there are no active cases; choose the cases for the pack"))
        return active
    chosen: list[CaseEntry] = []
    for text in options.cases:
        ua = normalize_ua(text)
        entry = library.find(text, today) if ua else None
        if entry is None:
            raise PackError(_("no case UA {ua}").format(ua=text))
        if any(e.ua == entry.ua for e in chosen):
            continue
        if entry.status is not CaseStatus.ACTIVE:
            warnings.append(
                _(
                    "UA {ua} is {status}; check with the organisation for an update before sending"
                ).format(ua=entry.ua, status=status_word(entry.status))
            )
        chosen.append(entry)
    return chosen


def _officials(case: Case, options: PackOptions, warnings: list[str]) -> tuple[Official, ...]:
    chosen = []
    with_copies = options.officials == "all" or case.ua in {
        normalize_ua(ua) for ua in options.copies_to
    }
    for official in case.officials:
        if official.role is not Role.TARGET and not with_copies:
            continue
        if Channel.LETTER not in official.channels():
            warnings.append(
                _(
                    "UA {ua}: {official} has no postal address; no letters to them in this pack"
                ).format(ua=case.ua, official=official.display_name or official.id)
            )
            continue
        chosen.append(official)
    if not chosen:
        warnings.append(
            _("UA {ua} has no official to write to by post; it has no letters").format(ua=case.ua)
        )
    return tuple(chosen)
