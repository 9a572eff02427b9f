"""The tally sheet: cases by officials, to count what was signed for the action log afterwards.

With a roster, one row per signer and a tick box per official; with blank copies, a box per
official to write the number of letters signed. A table longer than a page runs on with its
header row repeated.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle

from uaction_desktop.i18n import _, pages_locale
from uaction_desktop.pack.flow import Area, Stacker
from uaction_desktop.pack.pages import Texts, TickBox, content_area, footer, table
from uaction_desktop.pack.plan import CasePlan, PackPlan
from uaction_desktop.pdf.layouts import PageLayout

NAME_COLUMN = 55 * mm
COUNT_BOX = (16 * mm, 7 * mm)
_KEEP_WHOLE = 120 * mm  # a case's table shorter than this never starts at the foot of a page


def draw_tally(
    canvas: Canvas, layout: PageLayout, plan: PackPlan, meeting: date, locale: str, texts: Texts
) -> int:
    """Draw the tally from the top of a fresh page; returns how many pages it took."""
    when = format_date(meeting, format="long", locale=pages_locale(locale))

    def new_page(page: int) -> Area:
        if page:
            canvas.showPage()
        footer(
            canvas,
            layout,
            _("Tally sheet · meeting of {date}").format(date=when),
            _("page {number}").format(number=canvas.getPageNumber()),
        )
        return content_area(layout)

    blank = all(s.is_blank for s in plan.signers)
    intro = (
        _("Write in each box how many letters to that official were signed.")
        if blank
        else _("Tick a box for each letter signed, and write the number of ticks in the last row.")
    )
    stacker = Stacker(canvas, new_page)
    stacker.add(texts(_("Tally sheet"), "title"))
    stacker.add(
        texts(
            _("Meeting of {date}.").format(date=when)
            + f" {intro} "
            + _("Afterwards, record the totals in the log.")
        )
    )
    width = content_area(layout).width
    for planned in plan.cases:
        if not planned.officials:
            continue
        heading = texts(
            _("UA {ua}: {title}").format(ua=planned.case.ua, title=planned.case.title), "heading"
        )
        grid = (
            _count_table(planned, plan, texts, width)
            if blank
            else _tick_table(planned, plan, texts, width)
        )
        if grid.wrapOn(canvas, width, 1e6)[1] < _KEEP_WHOLE:
            stacker.keep_together([heading, grid])
        else:
            stacker.keep_together([heading])  # at least not alone at the foot of a page
            stacker.add(grid)
    canvas.showPage()
    return stacker.pages


def _centred(grid: Table) -> Table:
    grid.setStyle(
        TableStyle([("ALIGN", (1, 1), (-1, -1), "CENTER"), ("VALIGN", (0, 1), (-1, -1), "MIDDLE")])
    )
    return grid


def _count_table(planned: CasePlan, plan: PackPlan, texts: Texts, width: float) -> Table:
    copies = str(len(plan.signers))
    header = [
        texts(_("Official"), "cell"),
        texts(_("Printed"), "cell-centre"),
        texts(_("Signed"), "cell-centre"),
    ]
    rows: list[list[object]] = [header]
    for official in planned.officials:
        name = texts(official.display_name or official.id, "cell")
        rows.append([name, texts(copies, "cell"), TickBox(*COUNT_BOX)])
    return _centred(table(rows, [None, 22 * mm, 26 * mm], width))


def _tick_table(planned: CasePlan, plan: PackPlan, texts: Texts, width: float) -> Table:
    officials = planned.officials
    header = [texts(_("Signer"), "cell")]
    header += [texts(o.display_name or o.id, "cell-centre") for o in officials]
    rows: list[list[object]] = [header]
    for signer in plan.signers:
        rows.append([texts(signer.name, "cell")] + [TickBox() for _box in officials])
    rows.append([texts(_("Signed"), "strong")] + [TickBox(*COUNT_BOX) for _box in officials])
    column = (width - NAME_COLUMN) / len(officials)
    return _centred(table(rows, [NAME_COLUMN] + [column] * len(officials), width))
