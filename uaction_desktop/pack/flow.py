"""Stacking platypus flowables down pages of one shared canvas.

A DocTemplate owns its canvas and its page breaks; the pack needs one canvas for every part and
draws letter bodies into reusable PDF forms, so it stacks flowables itself: wrap, split what runs
past the bottom, draw. Only public flowable methods are used (wrapOn, splitOn, drawOn), except
that a ``KeepTogether`` is opened to keep its contents on one page.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether

_FUZZ = 1e-6


@dataclass(frozen=True)
class Area:
    """Where flowables go on a page, in PDF points (origin bottom-left)."""

    x: float
    top: float
    width: float
    bottom: float


class Stacker:
    """Fills one area after another; ``new_page(n)`` ends page n-1 (if any) and starts page n."""

    def __init__(self, canvas: Canvas, new_page: Callable[[int], Area]) -> None:
        self.canvas = canvas
        self._new_page = new_page
        self.pages = 0
        self._area = self._next_area()

    def _next_area(self) -> Area:
        area = self._new_page(self.pages)
        self.pages += 1
        self._y = area.top
        self._at_top = True
        return area

    @property
    def remaining(self) -> float:
        return self._y - self._area.bottom

    def add_all(self, story: Iterable[Flowable]) -> None:
        for flowable in story:
            if isinstance(flowable, KeepTogether):
                self.keep_together(list(flowable._content))
            else:
                self.add(flowable)

    def keep_together(self, group: list[Flowable]) -> None:
        """Start a new page first unless the whole group fits on this one."""
        if not self._at_top and self._height(group) > self.remaining + _FUZZ:
            self._area = self._next_area()
        for flowable in group:
            self.add(flowable)

    def _height(self, group: list[Flowable]) -> float:
        total = 0.0
        for number, flowable in enumerate(group):
            _, height = flowable.wrapOn(
                self.canvas, self._area.width, self._area.top - self._area.bottom
            )
            before = flowable.getSpaceBefore() if number or not self._at_top else 0
            total += before + height + (flowable.getSpaceAfter() if number < len(group) - 1 else 0)
        return total

    def add(self, flowable: Flowable) -> None:
        """Draw a flowable, splitting it across pages when it runs past the bottom."""
        queue = deque([flowable])
        splits = 0  # in a row without drawing: a split piece that still does not fit moves on
        while queue:
            item = queue.popleft()
            before = 0.0 if self._at_top else item.getSpaceBefore()
            available = self.remaining - before
            _, height = item.wrapOn(self.canvas, self._area.width, max(available, 0))
            if height <= available + _FUZZ:
                self._draw(item, before, height)
                splits = 0
                continue
            can_split = available > 0 and splits < 2
            parts = item.splitOn(self.canvas, self._area.width, available) if can_split else []
            if len(parts) > 1:
                splits += 1
                queue.extendleft(reversed(parts))
            elif self._at_top:  # taller than a whole page and cannot split: draw, never loop
                self._draw(item, before, height)
                splits = 0
            else:
                self._area = self._next_area()
                splits = 0
                queue.appendleft(item)

    def _draw(self, item: Flowable, before: float, height: float) -> None:
        self._y -= before + height
        item.drawOn(self.canvas, self._area.x, self._y)
        self._y -= item.getSpaceAfter()
        self._at_top = False
