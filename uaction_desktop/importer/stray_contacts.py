"""Officials written where no heading announces them: a model letter's addressees below it,
a relay page's "Tel.: / Fax: / E-Mail:" runs between its instructions. They are found by what
they are made of (contact labels, with the name, office and address lines above them), not
by where they stand."""

from __future__ import annotations

from uaction_desktop.importer.contact_lines import LineKind, classify
from uaction_desktop.importer.officials import split_labels

_CONTACT_KINDS = {"fax", "phone", "email", "salutation"}
_LOOK_BACK = 8  # lines above the first contact label: title, name, office, address


def _is_contact(line: str) -> bool:
    head, labels = split_labels(line)
    return not head and any(kind in _CONTACT_KINDS for kind, _ in labels)


def contact_runs(lines: list[str], free: list[int]) -> list[list[int]]:
    """Runs of line indices (from ``free``, in order) that hold one or more officials: the
    contact lines, what continues them (bare e-mails, web addresses, numbers), and the lines
    above them back to a blank line, prose or a line already read."""
    free_set = set(free)
    runs: list[list[int]] = []
    taken: set[int] = set()
    for i in free:
        if i in taken or not _is_contact(lines[i]):
            continue
        start = i
        while (
            start - 1 in free_set
            and start - 1 not in taken
            and i - (start - 1) <= _LOOK_BACK
            and lines[start - 1].strip()
            and classify(lines[start - 1]) is not LineKind.PROSE
            and not _is_contact(lines[start - 1])
            and len(lines[start - 1]) < 120
        ):
            start -= 1
        if start == i:
            continue  # labels with nothing above them name nobody
        end = i
        while end + 1 in free_set and lines[end + 1].strip():
            nxt = lines[end + 1]
            kind = classify(nxt)
            if _is_contact(nxt) or kind in (LineKind.EMAILS, LineKind.URL, LineKind.NUMBER):
                end += 1
            elif (
                nxt.rstrip().endswith(":")
                and len(nxt) < 60
                and end + 2 in free_set
                and (classify(lines[end + 2]) is LineKind.URL)
            ):
                end += 1  # "through the contact form:" above its web address
            else:
                break
        run = list(range(start, end + 1))
        taken.update(run)
        runs.append(run)
    return runs
