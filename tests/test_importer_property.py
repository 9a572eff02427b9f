"""Property tests: any text gives a draft, and the draft always gives readable TOML and JSON."""

from __future__ import annotations

import json
import time
import tomllib
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from uaction_desktop.casefile import FORMAT_VERSION
from uaction_desktop.importer import DocumentError, Draft, parse_text
from uaction_desktop.importer.extract import extract_bytes

TODAY = date(2024, 1, 1)
# Lines as Urgent Actions have them, to reach deep into the parser when shuffled together.
LINES = [
    "URGENT ACTION",
    "UA: 63/18 Index: EUR 57/8122/2018 Issue Date: 27 March 2018",
    "woman detained for reading opposition websITE",
    "TAKE ACTION",
    "1) TAKE ACTION",
    "Write a letter, send an email, call, fax or tweet:",
    "- Urging them to release her;",
    "◼ Calling for an investigation.",
    "Contact these two officials by 8 June, 2018:",
    "PLEASE SEND APPEALS BEFORE 27 SEPTEMBER 2019 TO:",
    "Prosecutor General",
    "Kairat Kozhamzharov",
    "14 Orynbor Street",
    "Astana, 010000",
    "Republic of Kazakhstan",
    "Fax: +7 7172 506 402",
    "Salutation: Dear Prosecutor General",
    "Ambassador Erzhan Kazykhanov,",
    "1401 16th St NW, Washington DC 20036",
    "Email: a@b.example -OR- c@d.example",
    "Twitter: @handle ; @other",
    "And copies to:",
    "Also send copies to diplomatic representatives accredited to your country.",
    "HIS EXCELLENCY MR LIU XIAOMING, Embassy of China, 49-51 Portland Place W1B 1JL, 020 7299",
    "ADDITIONAL INFORMATION",
    "Name: Akmaral Tobylova",
    "Gender m/f: f",
    "Name: A B (m), C D (f)",
    "No further action is requested from the UA network.",
    "Further information on UA 60/16",
    "THIRD UA 60/16",
    "SAMPLE LETTER Dear Minister, I urge you to act. Yours sincerely,",
    "Dear Counsellor,",
    "Yours sincerely,",
    "COLOMBIA: Eduardo UMANA MENDOZA (m), lawyer",
    "UA 210/94 Fear of torture 3 August 1994",
    "1) President of the Republic",
    "",
    "[bookmark: _GoBack]",
    "image1.png",
    "Page 2 of 3",
    "This is Urgent Action 63.18",
    "Urgent Action: X (Iran: UA 83.21)",
    "in English, Russian or your own language:",
    "She is a prisoner of conscience, detained since 13 March.",
    "# comment",
    "---",
    "Head of judiciary, A B C c/o Embassy X Avenue 15, 1050 Bruxelles, Belgium",
    "H.E. A B Permanent Mission 622 Third Avenue, New York, NY 10017 Phone: 1 Salutation: Dear",
    "AIUSA’s Urgent Action Network | 5 Penn Plaza, New York NY 10001",
    "(",
    ")",
    ":",
    "•",
]


def _check(draft: Draft) -> None:
    assert isinstance(draft, Draft)
    text = draft.to_toml(TODAY)
    data = tomllib.loads(text)
    assert data["format"] == FORMAT_VERSION
    json.dumps(draft.to_json(TODAY))
    case = draft.to_case(TODAY)
    assert len({o.id for o in case.officials}) == len(case.officials)
    assert all(o.id for o in case.officials)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_gives_a_draft(text: str) -> None:
    _check(parse_text(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from(LINES),
            st.text(alphabet=st.characters(codec="utf-8"), max_size=80),
        ),
        max_size=60,
    )
)
def test_documents_made_of_ua_lines_give_a_draft(lines: list[str]) -> None:
    _check(parse_text("\n".join(lines)))


def test_a_long_document_is_parsed_quickly() -> None:
    """Near the 500,000 character limit, with long lines: no pathological slowness."""
    block = "\n".join(LINES) + "\n" + ("word, " * 3000) + "\n"
    text = (block * 200)[:490_000]
    start = time.perf_counter()
    _check(parse_text(text))
    assert time.perf_counter() - start < 20


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xff\xfe", b"\xd0\xcf\x11\xe0"]),
    st.binary(max_size=2000),
    st.sampled_from(["ua.txt", "ua.pdf", "ua.docx", "ua.eml", "ua.html", "ua"]),
)
def test_any_bytes_give_text_or_a_document_error(prefix: bytes, body: bytes, name: str) -> None:
    """Whatever a file holds, reading it ends in text or in a message, never in a crash."""
    try:
        extracted = extract_bytes(prefix + body, name)
    except DocumentError as exc:
        assert exc.message
    else:
        assert extracted.text.strip()
        _check(parse_text(extracted.text))
