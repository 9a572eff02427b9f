"""Officials laid out side by side, two or three to a row, as text extraction interleaves them:

    Director of the Provincial      Director of the City Police     And copies to:
    Public Security Department      Bureau of Public Security       Minister of the Interior

Each row holds one line of every column, the columns set apart by wide gaps (three spaces or
more, or a tab). Such a run of rows is read back column by column, each column a block of its
own, so every official keeps their own lines. Text whose gaps were lost (one space between the
columns) cannot be told apart this way and is left as it is.
"""

from __future__ import annotations

import re

_CELL_RE = re.compile(r"\S+(?: {1,2}\S+)*")  # words apart by one or two spaces
_TAB_COLUMN = 1000  # the "left edge" of a tab-separated cell: its column number, far apart
_TOLERANCE = 3  # characters a column's left edge may wander from row to row
_MAX_CELL = 70  # a longer cell is prose, not a line of an address


def _cells(line: str) -> list[tuple[int, str]]:
    """(left edge, text) of each stretch of the line between wide gaps."""
    if "\t" in line:  # tabs set the columns apart: a cell's column is its tab count
        cells = [part.strip() for part in line.split("\t")]
        return [(n * _TAB_COLUMN, text) for n, text in enumerate(cells) if text]
    return [(m.start(), m.group(0)) for m in _CELL_RE.finditer(line)]


def _column_of(edge: int, edges: list[int]) -> int | None:
    for i, start in enumerate(edges):
        if abs(edge - start) <= _TOLERANCE:
            return i
    return None


def _edges(rows: list[list[tuple[int, str]]]) -> list[int]:
    """The columns' left edges: where the cells of the rows with most cells begin."""
    widest = max(len(r) for r in rows)
    return [edge for edge, _ in next(r for r in rows if len(r) == widest)]


def _table_at(lines: list[str], start: int) -> int:
    """How many rows from ``start`` form a table of 2-4 aligned columns (0 if none)."""
    rows: list[list[tuple[int, str]]] = []
    edges: list[int] = []
    end = start
    while end < len(lines):
        cells = _cells(lines[end])
        if not cells or any(len(text) > _MAX_CELL for _, text in cells) or len(cells) > 4:
            break
        if len(cells) >= 2 and not edges:
            edges = [edge for edge, _ in cells]
        if not edges:
            break
        if len(cells) > len(edges):
            break
        if any(_column_of(edge, edges) is None for edge, _ in cells):
            break
        following = lines[end + 1].strip() if end + 1 < len(lines) else ""
        if len(cells) == 1 and cells[0][0] < _TOLERANCE and following:
            # a line alone at the left margin with text under it: the table has ended
            break
        rows.append(cells)
        end += 1
    multi = sum(1 for r in rows if len(r) >= 2)
    return end - start if multi >= 2 else 0


def deinterleave(lines: list[str]) -> list[str]:
    """The lines with every side-by-side table rewritten one column after another, a blank
    line between the columns. Lines outside such tables are returned as they are."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        size = _table_at(lines, i)
        if not size:
            out.append(lines[i])
            i += 1
            continue
        rows = [_cells(line) for line in lines[i : i + size]]
        edges = _edges(rows)
        columns: list[list[str]] = [[] for _ in edges]
        for row in rows:
            for edge, text in row:
                column = _column_of(edge, edges)
                columns[column if column is not None else 0].append(text)
        for n, column in enumerate(c for c in columns if c):
            if n:
                out.append("")
            out.extend(column)
        i += size
    return out


__all__ = ["deinterleave"]
