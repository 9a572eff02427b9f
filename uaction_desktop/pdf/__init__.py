"""Print-ready PDFs with ReportLab: letters, fax cover pages, calibration pages.

Renderers are pure functions of composed letters and a page layout; they never re-derive
anything, and every piece of text is escaped before it reaches ReportLab's markup.
"""
