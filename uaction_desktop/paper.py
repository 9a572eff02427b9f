"""Which paper a writer's country uses, until they choose: US Letter or A4.

North America, the Philippines and a few Latin American countries use US Letter (and No. 10
envelopes); the rest of the world A4 (and DL/C5 envelopes).
"""

from __future__ import annotations

from uaction_desktop.destination import country_code

# ISO 3166 codes of the countries where Letter is the everyday paper size.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "PA", "DO", "VE", "SV", "NI", "PR", "BZ"}
)
LETTER_LAYOUT = "letter-no10"
A4_LAYOUT = "a4-din-b"


def paper_for_country(country: str) -> str:
    """ "United States" -> "letter-no10"; "Germany", or no country given -> "a4-din-b"."""
    return LETTER_LAYOUT if country_code(country) in LETTER_COUNTRIES else A4_LAYOUT
