"""Very long paragraphs as pieces, so laying them out stays linear in their length.

ReportLab re-wraps what is left of a paragraph each time it splits it over a page, so one
paragraph of a million characters takes minutes. Pieces of at most :data:`PIECE_CHARS`,
cut after a sentence (else between words), flow one after another and read the same.
"""

from __future__ import annotations

PIECE_CHARS = 4_000  # well over a page of letter text: real paragraphs are never cut


def pieces(text: str, most: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``most`` characters (nothing lost)."""
    out: list[str] = []
    start = 0
    while len(text) - start > most:
        end = start + most
        cut = text.rfind(". ", start + most // 2, end)
        if cut >= 0:
            cut += 1
        else:
            cut = text.rfind(" ", start + most // 2, end)
        if cut < 0:
            cut = end
        out.append(text[start:cut].strip())
        start = cut
    out.append(text[start:].strip())
    return [piece for piece in out if piece] or [text]
