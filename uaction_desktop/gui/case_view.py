"""The case, shown as read-only rich text built from escaped case data.

Case files come from strangers: every value is HTML-escaped, and only http(s) and mailto links
are ever opened.
"""

from __future__ import annotations

from datetime import date
from html import escape as _html_escape
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from uaction_desktop.case_json import document_label
from uaction_desktop.gui.deadline import deadline_advice
from uaction_desktop.gui.labels import status_label
from uaction_desktop.gui.plain_text import shown
from uaction_desktop.i18n import _, current_language, format_date, language_display_name
from uaction_desktop.library import CaseEntry
from uaction_desktop.model import Official, Role, reader_text, split_paragraphs

SAFE_SCHEMES = ("http", "https", "mailto")
_BANNER = {
    "expired": ("#fbe3e1", "#5c1610"),
    "urgent": ("#fff1cc", "#4d3800"),
    "ok": ("", ""),
}


class CaseView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.setAccessibleName(_("Case details"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_link)

    def show_placeholder(self) -> None:
        self.setHtml(f"<p>{escape(_('Select a case on the left to read it.'))}</p>")

    def show_entry(self, entry: CaseEntry | None, today: date) -> None:
        if entry is None:
            self.show_placeholder()
            return
        self.setHtml(case_html(entry, today))

    @staticmethod
    def _open_link(url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            QDesktopServices.openUrl(url)


def escape(text: str, quote: bool = True) -> str:
    """Case text as HTML that shows it literally, its control characters visible."""
    return _html_escape(shown(text), quote=quote)


def _h3(title: str) -> str:
    return f"<h3>{escape(title)}</h3>"


def _p(text: str) -> str:
    return "".join(f"<p>{escape(para)}</p>" for para in split_paragraphs(text))


def case_html(entry: CaseEntry, today: date) -> str:
    case = entry.case
    text = reader_text(case, current_language())
    title, summary, asks = (text or case).title, (text or case).summary, (text or case).asks
    level, advice = deadline_advice(entry, today)
    parts: list[str] = []
    head = escape(document_label(case.ua, case.kind, case.update))
    if case.index:
        head += f" &nbsp;·&nbsp; {escape(case.index)}"
    parts.append(f"<p style='color:gray'>{head}</p>")
    parts.append(f"<h2>{escape(title)}</h2>")
    if text is not None:
        note = _("Shown in translation; the case's own text is in {language}.")
        own = language_display_name(case.language)
        parts.append(f"<p style='color:gray'>{escape(note.format(language=own))}</p>")
    if advice:
        bg, fg = _BANNER[level]
        style = f"background-color:{bg}; color:{fg};" if bg else ""
        parts.append(
            f"<table width='100%' cellpadding='6' style='{style}'><tr><td>"
            f"<b>{escape(advice)}</b></td></tr></table>"
        )
    facts = [(_("Country"), case.country), (_("Issued"), format_date(case.issued, "long"))]
    if case.deadline:
        facts.append((_("Deadline"), format_date(case.deadline, "long")))
    facts.append((_("Status"), status_label(entry.status)))
    if case.people:
        people = ", ".join(f"{p.name} ({p.gender})" if p.gender else p.name for p in case.people)
        facts.append((_("People"), people))
    if case.languages:
        facts.append((_("Write in"), ", ".join(case.languages)))
    if case.report_reference:
        facts.append((_("Report as"), case.report_reference))
    parts.append("<table cellpadding='2'>")
    for label, value in facts:
        parts.append(f"<tr><td><b>{escape(label)}</b></td><td>{escape(value)}</td></tr>")
    parts.append("</table>")
    parts.append(_h3(_("Summary")) + _p(summary))
    if case.details:
        parts.append(_h3(_("What happened")) + _p(case.details))
    if asks:
        parts.append(_h3(_("What to ask for")) + "<ul>")
        parts.extend(f"<li>{escape(ask)}</li>" for ask in asks)
        parts.append("</ul>")
    if case.officials:
        parts.append(_h3(_("Who to write to")))
        parts.extend(official_html(o) for o in case.officials)
    if case.background:
        parts.append(_h3(_("Background")) + _p(case.background))
    if case.source:
        source = _("Source: {source}").format(source=case.source)
        parts.append(f"<p style='color:gray'>{escape(source)}</p>")
    return "".join(parts)


def official_html(official: Official) -> str:
    lines = [f"<b>{escape(official.display_name)}</b>"]
    if official.role is Role.COPY:
        lines[0] += f" <i>{escape(_('(copies to)'))}</i>"
    lines += [escape(line) for line in (official.organisation, *official.address) if line]
    if official.fax:
        lines.append(escape(_("Fax: {fax}").format(fax=official.fax)))
    if official.phone:
        lines.append(escape(_("Phone: {phone}").format(phone=official.phone)))
    for email in official.emails:
        href = "mailto:" + quote(email, safe="@")
        link = f"<a href='{escape(href, quote=True)}'>{escape(email)}</a>"
        lines.append(escape(_("Email: {address}")).replace("{address}", link))
    for handle in official.social:
        lines.append(escape(_("Social: {handle}").format(handle=handle)))
    if official.salutation:
        salutation = f"<i>{escape(official.salutation)}</i>"
        lines.append(escape(_("Salutation: {salutation}")).replace("{salutation}", salutation))
    return "<p>" + "<br>".join(lines) + "</p>"
