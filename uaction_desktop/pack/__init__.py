"""The meeting pack: one PDF with a cover, briefings, every member's letters, a tally sheet and
envelopes or labels. Qt-free: the window runs :func:`build_pack` on a worker thread.
"""

from uaction_desktop.pack.build import LetterCount, PackResult, build_pack
from uaction_desktop.pack.cover import PartPages
from uaction_desktop.pack.options import PackCancelled, PackError, PackOptions, Signer
from uaction_desktop.pack.plan import PackPlan, plan_pack
from uaction_desktop.pack.roster import Roster, RosterError, load_roster, parse_roster

__all__ = [
    "LetterCount",
    "PackCancelled",
    "PackError",
    "PackOptions",
    "PackPlan",
    "PackResult",
    "PartPages",
    "Roster",
    "RosterError",
    "Signer",
    "build_pack",
    "load_roster",
    "parse_roster",
    "plan_pack",
]
