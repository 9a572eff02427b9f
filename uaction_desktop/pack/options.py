"""What goes into a meeting pack: one frozen value the window and the command line both build.

Frozen, so the GUI can hand it to a worker thread without anyone changing it underneath.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from uaction_desktop.i18n import _
from uaction_desktop.pdf.layouts import LAYOUTS

OfficialsChoice = Literal["targets", "all"]
ENVELOPES = ("dl", "c5", "no10")
LABELS = ("a4-21", "letter-30")


class PackError(Exception):
    """The pack cannot be built as asked; the message is for the user."""


class PackCancelled(Exception):
    """The user cancelled; nothing was written and any old file is untouched."""


@dataclass(frozen=True)
class Signer:
    """One member who signs letters. A blank copy is a signer with no name."""

    name: str = ""
    address: tuple[str, ...] = ()
    email: str = ""
    country: str = ""  # where the member posts from; "" means the profile's country

    @property
    def is_blank(self) -> bool:
        return not self.name


@dataclass(frozen=True)
class PackOptions:
    """Everything the coordinator chooses. Defaults make a useful pack: cover, briefings, letters.

    ``signers`` is either a number of blank copies or the roster's signers, in roster order.
    ``cases`` are UA numbers; empty means the active cases, most urgent first.
    """

    cases: tuple[str, ...] = ()
    officials: OfficialsChoice = "targets"
    copies_to: tuple[str, ...] = ()  # UAs whose "copies to" recipients get letters too
    signers: int | tuple[Signer, ...] = 1
    cover: bool = True
    briefings: bool = True
    tally: bool = False
    envelopes: str | None = None  # "dl", "c5", "no10"
    labels: str | None = None  # "a4-21", "letter-30"
    layout: str | None = None  # None: the sender profile's layout
    duplex: bool = False
    meeting_date: date | None = None  # None: the day the pack is built
    return_address: bool = True  # on envelopes: the signer's address, or the group's
    language: str | None = None  # the letters' language; None: each case's default

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            raise PackError("; ".join(problems))

    def problems(self) -> list[str]:
        """Every reason these options cannot make a pack, in words for the user."""
        found = []
        if self.officials not in ("targets", "all"):
            found.append(
                _("officials must be 'targets' or 'all', not '{value}'").format(
                    value=self.officials
                )
            )
        if isinstance(self.signers, int):
            if self.signers < 1:
                found.append(_("the number of copies must be at least 1"))
        elif not self.signers:
            found.append(_("the roster has no signers"))
        if self.envelopes is not None and self.envelopes not in ENVELOPES:
            found.append(
                _("unknown envelope '{value}' (choose {choices})").format(
                    value=self.envelopes, choices=", ".join(ENVELOPES)
                )
            )
        if self.labels is not None and self.labels not in LABELS:
            found.append(
                _("unknown label sheet '{value}' (choose {choices})").format(
                    value=self.labels, choices=", ".join(LABELS)
                )
            )
        if self.envelopes and self.labels:
            found.append(_("choose envelopes or labels, not both"))
        if self.layout is not None and self.layout not in LAYOUTS:
            found.append(
                _("unknown layout '{value}' (choose {choices})").format(
                    value=self.layout, choices=", ".join(LAYOUTS)
                )
            )
        return found

    @property
    def signer_list(self) -> tuple[Signer, ...]:
        """The signers in order; blank copies are nameless signers."""
        if isinstance(self.signers, int):
            return (Signer(),) * self.signers
        return self.signers

    @property
    def blank_copies(self) -> bool:
        return isinstance(self.signers, int)
