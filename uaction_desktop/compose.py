"""Compose what is sent: a Letter for print or fax, and the texts for email, phone and social.

Everything comes from the case, the chosen official and the sender profile, through Jinja2
templates in ``resources/templates``. The environment is sandboxed and strict (a missing variable
is an error, not a blank). Case text is only ever passed in as data, never compiled, so a case
containing ``{{ 7*7 }}`` prints exactly that.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote

from babel.dates import format_date
from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from uaction_desktop import country_grammar
from uaction_desktop.destination import (
    address_country,
    country_code,
    destination_line,
    english_name,
    known_names,
    line_country,
    plain_name,
    same_country,
    split_country,
)
from uaction_desktop.i18n import _, language_display_name, or_list
from uaction_desktop.languages import APP_LANGUAGES, effective_language
from uaction_desktop.letter_frame import Frame, fill, frame, french_de, sender_place
from uaction_desktop.letter_text import body_paragraphs
from uaction_desktop.model import Case, CaseText, Channel, Official, join_names
from uaction_desktop.profile import SenderProfile
from uaction_desktop.requests import end_sentence, requests_from_asks, requests_in
from uaction_desktop.resources import resource_path
from uaction_desktop.salutations import salutation_for

SOCIAL_LIMIT = 280
_RECIPIENT_LINE_CHARS = 42  # longer "title name" lines are split in two to fit the window


class ChannelError(ValueError):
    """The official cannot be reached this way (fax without a fax number, ...)."""


class LanguageError(ValueError):
    """The case cannot fill a letter in that language; the message names those it can."""


def letter_language(case: Case, profile: SenderProfile, language: str | None = None) -> str:
    """The language a letter is written in: ``language`` if the case can fill it (else a
    :class:`LanguageError`), or by default the profile's language where the case can fill it,
    else the case's own (a letter never mixes languages: see ``Case.letter_languages``)."""
    possible = case.letter_languages
    if language is None:
        preferred = effective_language(profile)
        if preferred in possible:
            return preferred
        if possible:
            return possible[0]
        raise LanguageError(
            _(
                "UA {ua} is written in {language}, and letters are written only in English, "
                "French, Spanish and German: add a translation of its appeal points to the case"
            ).format(ua=case.ua, language=language_display_name(case.language))
        )
    code = language.strip().lower()
    if code in possible:
        return code
    can = or_list([f"{language_display_name(c)} ({c})" for c in possible])
    if code not in APP_LANGUAGES:
        raise LanguageError(
            _(
                "'{language}' is not a letter language (en, fr, es or de): UA {ua} can be "
                "written in {languages}"
            ).format(language=language, ua=case.ua, languages=can or _("none of them"))
        )
    raise LanguageError(
        _("UA {ua} has no appeal points in {language}; it can be written in {languages}").format(
            ua=case.ua,
            language=language_display_name(code),
            languages=can or _("none of the letter languages"),
        )
    )


@dataclass(frozen=True)
class Letter:
    """Everything printed on a letter, already decided. Renderers never re-derive any of it."""

    case_ua: str
    official_id: str
    sender_name: str
    sender_lines: tuple[str, ...]
    date: date
    date_text: str
    recipient_lines: tuple[str, ...]
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    closing: str
    signature: str
    layout: str = "a4-din-b"
    title: str = ""
    case_title: str = ""
    official_name: str = ""
    sender_email: str = ""
    date_only: str = ""  # the date without the town the date line may start with
    language: str = "en"  # its frame's (page labels and the like: letter_frame.frame)
    salutation_end: str = ","  # "Dear Minister," but "Excelentísimo Señor Ministro:"

    @property
    def greeting(self) -> str:
        """The salutation line as printed: "Dear Prosecutor General,"."""
        return f"{self.salutation}{self.salutation_end}"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def with_body(self, text: str) -> Letter:
        """The same letter with an edited body (paragraphs separated by blank lines); a greeting
        or sign-off pasted into it is dropped, as the letter prints its own."""
        return replace(self, paragraphs=tuple(body_paragraphs(text)))

    def as_text(self) -> str:
        """Plain text, as pasted into an email or a web form."""
        parts = [
            "\n".join([self.sender_name, *self.sender_lines]).strip(),
            self.date_text,
            "\n".join(self.recipient_lines),
            self.greeting,
            *self.paragraphs,
            f"{self.closing}\n\n{self.signature}".strip(),
        ]
        return "\n\n".join(p for p in parts if p) + "\n"


@dataclass(frozen=True)
class Message:
    """A text for the email, phone or social channel."""

    channel: Channel
    text: str
    subject: str = ""
    recipients: tuple[str, ...] = ()

    @property
    def mailto(self) -> str:
        """A ``mailto:`` URL the user's mail client opens; the app itself sends nothing."""
        if not self.recipients:
            return ""
        to = ",".join(quote(r, safe="@") for r in self.recipients)
        subject, body = quote(self.subject, safe=""), quote(self.text, safe="")
        return f"mailto:{to}?subject={subject}&body={body}"


@cache
def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(str(resource_path("templates"))),
        undefined=StrictUndefined,
        autoescape=False,  # plain text out; the PDF and Qt layers escape for their own markup
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["pick"] = _pick
    env.globals["sentence"] = end_sentence
    env.globals["de"] = french_de
    return env


def _pick(variant: int, options: list[str]) -> str:
    return options[variant % len(options)]


def render_template(name: str, language: str = "en", **context: Any) -> str:
    """One of ``resources/templates/<language>/``'s templates, filled with plain data."""
    return _environment().get_template(f"{language}/{name}").render(**context)


def _text(case: Case, language: str) -> CaseText:
    return case.text(language) or CaseText(language)


def _requests(text: CaseText) -> list[str]:
    if text.language == "en":
        return requests_from_asks(text.asks)
    return requests_in(text.language, text.asks)


def people_in(case: Case, language: str) -> str:
    """The people's names joined as ``language`` does ("A and B", "A et B", "A e Isabel")."""
    names = [p.name for p in case.people]
    return join_names(names) if language == "en" else frame(language).join(names)


def country_in(case: Case, language: str) -> str:
    """The case's country as the letter's language names it (English keeps the case's own
    spelling where it is English: "USA", "Republic of Kazakhstan")."""
    if not case.country:
        return ""
    if language == "en":
        return english_name(case.country)
    return country_grammar.country_name_in(case.country, language)


def _context(
    case: Case, profile: SenderProfile, variant: int, language: str = "en"
) -> dict[str, Any]:
    text = _text(case, language)
    summary = " ".join(text.summary.split())
    if summary.rstrip(".").casefold() == " ".join(text.title.split()).rstrip(".").casefold():
        summary = ""  # a page with no summary of its own, imported: the title is said already
    writer = profile.country.strip() or address_country(profile.address)
    base = {
        "people": people_in(case, language),
        "title": text.title,
        "country": country_in(case, language),
        "summary": summary,
        "requests": _requests(text),
        "group": profile.group.strip(),
        "v": variant,
    }
    if language == "en":
        return {
            **base,
            "in_country": f" in {with_article(base['country'])}" if case.country else "",
            "writer_country": with_article(english_name(writer)),
        }
    return {
        **base,
        "in_country": country_grammar.in_country(case.country, language),
        "from_country": country_grammar.from_country(writer, language),
    }


def recipient_lines(
    official: Official, profile: SenderProfile, layout: str | None = None
) -> tuple[str, ...]:
    """The address block exactly as published, plus the country for mail that may go abroad."""
    name_line = official.display_name
    if len(name_line) > _RECIPIENT_LINE_CHARS and official.title and official.name:
        lines = [official.title, official.name]
    else:
        lines = [name_line] if name_line else []
    if official.organisation:
        lines.append(official.organisation)
    lines.extend(official.address)
    writer = sender_country(profile, layout)
    abroad = bool(official.country and official.address) and not (
        writer and same_country(official.country, writer)
    )
    rest, named = split_country(official.address[-1]) if abroad else ("", "")
    if named and named == country_code(official.country):
        # "Khartoum, SUDAN" -> "Khartoum" / "SOUDAN" from Lyon: the country the address names,
        # as the writer's post office reads it, in capitals on a line of its own (UPU practice)
        lines[-1:] = [rest] if rest else []
        lines.append(destination_line(official.country, writer))
    elif is_international(official, profile, layout):
        # "US" -> "UNITED STATES" from Leeds, "VEREINIGTE STAATEN" from Berlin (UPU practice)
        lines.append(destination_line(official.country, writer))
    return tuple(lines)


def country_name(text: str) -> str:
    """ "PL" -> "Poland" (an ISO code, as people type it); anything else as written."""
    text = text.strip()
    if len(text) == 2 and text.isalpha():
        from babel import Locale

        return Locale("en").territories.get(text.upper(), text)
    return text


def sender_country(profile: SenderProfile, layout: str | None = None) -> str:
    """Where the writer writes from: the profile's country, else the one the address's last
    line names ("10115 Berlin" / "Deutschland"), else the USA for US Letter paper."""
    if profile.country.strip():
        return country_name(profile.country)
    if named := address_country(profile.address):
        return named
    return "United States" if (layout or profile.paper) == "letter-no10" else ""


def is_international(official: Official, profile: SenderProfile, layout: str | None) -> bool:
    """Whether the address needs its country line. Unless the writer is known to be in the
    official's country, it is added: a country line never stops a letter arriving, its absence
    can."""
    if not (official.country and official.address):
        return False
    writer = sender_country(profile, layout)
    if writer and same_country(official.country, writer):
        return False
    if line_country(official.address[-1]) == country_code(official.country) != "":
        return False  # "RUSSISCHE FÖDERATION" for "Russia": the address names it already
    last = official.address[-1].casefold()
    return not any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", last)  # "us" is not in "Houston"
        for name in _names_of(official.country)
    )


def return_address(
    address: Sequence[str], official: Official, profile: SenderProfile, layout: str | None = None
) -> tuple[str, ...]:
    """The writer's address lines for a letter to ``official``, ending with the writer's country
    when the letter goes to another country (a reply must find its way back), unless the last
    line already names a country."""
    lines = tuple(line for line in address if line.strip())
    writer = country_name(profile.country) if profile.country.strip() else ""
    if not (lines and writer and official.country) or same_country(official.country, writer):
        return lines
    if _names_a_country(lines[-1]):
        return lines
    return (*lines, writer.upper())


def _names_a_country(line: str) -> bool:
    """Whether an address line is (or ends with) a country: "USA", "10115 Berlin, Germany",
    "69002 Lyon, France", "10969 Berlin, Deutschland" (a name in any language the app knows)."""
    whole, endings = _country_names()
    tail = plain_name(line)
    # "10115 Berlin, Germany" - but "Atlanta, Georgia" and "Trenton, New Jersey" are states.
    return tail in whole or any(tail.endswith(" " + name) for name in endings)


@cache
def _country_names() -> tuple[frozenset[str], frozenset[str]]:
    """Country names as a whole line, and as the end of one (read once: a meeting pack asks
    for every letter and envelope)."""
    names = {n for n in known_names() if not n.isdigit() and len(n) > 2}
    whole = frozenset(names | set(_COUNTRY_ALIASES))
    return whole, frozenset(whole - _ALSO_PLACES_WITHIN)


_ALSO_PLACES_WITHIN = {"georgia", "jersey", "guernsey", "man", "chad", "jordan", "niger"}


def _names_of(country: str) -> set[str]:
    plain = country.casefold().strip()
    names = {plain, _COUNTRY_ALIASES.get(plain.replace(".", "").replace(" ", ""), plain)}
    names.add(country_name(country).casefold())  # "DE" is written "Germany" on the envelope
    return {n for n in names if n}


_COUNTRY_ALIASES = {
    "usa": "united states",
    "us": "united states",
    "united states of america": "united states",
    "uk": "united kingdom",
    "great britain": "united kingdom",
}


_NEEDS_THE = re.compile(
    r"^(united|republic|democratic|czech|dominican|central african|netherlands|philippines|"
    r"gambia|bahamas|maldives|comoros|seychelles|solomon|marshall|occupied|state of|"
    r"people's|kingdom|usa|us|uk|uae|u\.s\.a?\.?|u\.k\.?)(\b|$)"
    r"|\b(federation|republic|emirates|islands|territories|states|kingdom)\b",
    re.IGNORECASE,
)


def with_article(country: str) -> str:
    """ "United States" -> "the United States"; "Kazakhstan" stays as it is."""
    if country and _NEEDS_THE.search(country) and not country.lower().startswith("the "):
        return f"the {country}"
    return country


def compose_letter(
    case: Case,
    official: Official,
    profile: SenderProfile,
    *,
    today: date,
    layout: str | None = None,
    personal_line: str = "",
    variant: int = 0,
    country_line: bool = True,
    language: str | None = None,
) -> Letter:
    """The letter to ``official``, in ``language`` (see :func:`letter_language`; a language
    the case cannot fill raises :class:`LanguageError`). ``country_line=False`` keeps the
    sender's address exactly as given (a meeting roster's member, whose country the profile
    does not know)."""
    layout = layout or profile.paper
    language = letter_language(case, profile, language)
    words = frame(language)
    text = _text(case, language)
    paragraphs = body_paragraphs(text.model_letter) if text.model_letter else []
    ends_with_thanks = not paragraphs
    if not paragraphs:  # no model letter, or one with nothing but a greeting and a sign-off
        body = render_template(
            "letter_body.txt.j2", language, **_context(case, profile, variant, language)
        )
        paragraphs = _lines(body)
    if personal_line.strip():
        # Before our closing thanks; after a model letter's own text, which ends as it likes.
        at = personal_line_position(paragraphs, ends_with_thanks)
        paragraphs.insert(at, " ".join(personal_line.split()))
    if country_line:
        sender_lines = return_address(profile.address, official, profile, layout)
    else:
        sender_lines = tuple(line for line in profile.address if line.strip())
    salutation = letter_salutation(case, official, language)
    return Letter(
        case_ua=case.ua,
        official_id=official.id,
        sender_name=profile.name.strip(),
        sender_lines=sender_lines,
        sender_email=profile.email.strip(),
        date=today,
        date_text=date_line(today, profile, layout, words),
        date_only=plain_date(today, profile, layout, words),
        recipient_lines=recipient_lines(official, profile, layout),
        subject=letter_subject(case, language),
        salutation=salutation,
        paragraphs=tuple(paragraphs),
        closing=letter_closing(profile, layout, words, salutation),
        signature=profile.name.strip(),
        layout=layout,
        title=fill(words.letter_title, official=official.display_name, ua=case.ua),
        case_title=text.title or case.title,
        official_name=official.display_name,
        language=language,
        salutation_end=words.salutation_end,
    )


def letter_salutation(case: Case, official: Official, language: str) -> str:
    """The case's salutation in the letter's language, else the table's for that language
    (the case's salutations in other languages tell it the official's gender)."""
    own = case.salutation(official, language)
    hints = tuple(text for _, text in official.salutations)
    return salutation_for(official, language, own=own, hints=hints)


def letter_subject(case: Case, language: str) -> str:
    """ "Akmaral Tobylova, Kazakhstan" (the country as the letter's language names it)."""
    subject = people_in(case, language) or _text(case, language).title or f"UA {case.ua}"
    if case.country:
        subject = f"{subject}, {country_in(case, language)}"
    return subject


def letter_closing(profile: SenderProfile, layout: str, words: Frame, salutation: str) -> str:
    """The profile's closing in letters of the profile's language; else the language's own
    (a French one repeats the salutation)."""
    if profile.closing.strip() and words.language == effective_language(profile):
        return profile.closing
    return words.closing(salutation, layout)


def date_line(day: date, profile: SenderProfile, layout: str, words: Frame) -> str:
    """ "2 December 2026"; "Berlin, 2. Dezember 2026"; "Lyon, le 2 décembre 2026": the date
    as the writer's country writes it, in the letter's language, after the writer's town."""
    if words.language == "en":
        return format_date(day, format="long", locale=profile.effective_locale(layout))
    return words.date_text(day, letter_locale(profile, words), sender_place(profile.address))


def plain_date(day: date, profile: SenderProfile, layout: str, words: Frame) -> str:
    """The date alone in the letter's language (a fax cover's "Date")."""
    if words.language == "en":
        return format_date(day, format="long", locale=profile.effective_locale(layout))
    return words.plain_date(day, letter_locale(profile, words))


def letter_locale(profile: SenderProfile, words: Frame) -> str:
    """The Babel locale of a letter's date: the profile's if it is in the letter's language,
    else the language as written in the writer's country (de_AT writes "Jänner"), else the
    language's usual one."""
    from babel import localedata

    candidates = [profile.locale] if profile.locale.startswith(f"{words.language}_") else []
    code = country_code(profile.country)
    if code:
        candidates.append(f"{words.language}_{code}")
    for candidate in candidates:
        try:
            if localedata.exists(candidate):
                return candidate
        except (ValueError, OSError):
            continue
    return words.locale


def personal_line_position(paragraphs: Sequence[str], ends_with_thanks: bool) -> int:
    """Where the personal paragraph goes: before the thanks that end a suggested letter, else
    at the end (a model letter's first paragraph is never pushed down by it)."""
    return max(len(paragraphs) - 1, 0) if ends_with_thanks else len(paragraphs)


def uses_model_letter(case: Case) -> bool:
    """Whether the letter's text is the case's own model letter (not the suggested one)."""
    return bool(case.model_letter and body_paragraphs(case.model_letter))


def require_channel(official: Official, channel: Channel) -> None:
    if channel not in official.channels():
        # Whole sentences, one per channel: each language words "has no ..." its own way.
        match channel:
            case Channel.LETTER:
                message = _("{official} has no postal address in this case")
            case Channel.FAX:
                message = _("{official} has no fax number in this case")
            case Channel.EMAIL:
                message = _("{official} has no email address in this case")
            case Channel.PHONE:
                message = _("{official} has no phone number in this case")
            case _:
                message = _("{official} has no such contact in this case")
        message = message.format(official=official.display_name)
        if others := [c.value for c in official.channels()]:
            message += _(" (channels it has: {channels})").format(channels=", ".join(others))
        raise ChannelError(message)


def compose_email(
    case: Case, official: Official, letter: Letter, *, language: str | None = None
) -> Message:
    """The letter as an email: subject, plain-text body and the official's addresses, in the
    letter's language (``language``, if given, must be it)."""
    require_channel(official, Channel.EMAIL)
    if language is not None and language != letter.language:
        raise LanguageError(
            _("the letter is in {language}: compose it in {wanted} first").format(
                language=language_display_name(letter.language),
                wanted=language_display_name(language),
            )
        )
    lang = letter.language
    subject = render_template(
        "email_subject.txt.j2",
        lang,
        people=people_in(case, lang),
        title=_text(case, lang).title or f"UA {case.ua}",
        country=country_in(case, lang),
    ).strip()
    signature = "\n".join(
        line for line in (letter.signature, *letter.sender_lines, letter.sender_email) if line
    )
    body = "\n\n".join(
        [letter.greeting, *letter.paragraphs, f"{letter.closing}\n{signature}".strip()]
    )
    return Message(Channel.EMAIL, body + "\n", subject=subject, recipients=official.emails)


def compose_phone(
    case: Case, official: Official, profile: SenderProfile, *, language: str | None = None
) -> Message:
    """A script to read on the phone, in the letter language (see :func:`letter_language`)."""
    require_channel(official, Channel.PHONE)
    lang = letter_language(case, profile, language)
    context = _context(case, profile, 0, lang)
    if lang != "en":
        # The requests are a message to pass on, said to the official: their "vous", "Sie",
        # "usted" stays the official's, so they are read as they are.
        text = render_template(
            "phone_script.txt.j2",
            lang,
            official=official.name or official.display_name,
            phone=official.phone,
            sender=profile.name.strip() or frame(lang).no_sender,
            addressee=official.name or frame(lang).authorities,
            **{
                k: context[k] for k in ("people", "title", "in_country", "requests", "from_country")
            },
        )
        return Message(
            Channel.PHONE, "\n\n".join(_lines(text)) + "\n", recipients=(official.phone,)
        )
    # "the Ambassador", but a name alone takes no article.
    addressee = f"the {official.title}" if official.title else official.display_name
    # Whoever answers passes the requests on: they are about the official, not to the listener.
    context["requests"] = [passed_on(r, addressee) for r in context["requests"]]
    text = render_template(
        "phone_script.txt.j2",
        lang,
        official=official.display_name,
        phone=official.phone,
        sender=profile.name.strip() or frame(lang).no_sender,
        addressee=addressee,
        **{k: context[k] for k in ("people", "title", "in_country", "requests", "writer_country")},
    )
    return Message(Channel.PHONE, "\n\n".join(_lines(text)) + "\n", recipients=(official.phone,))


def passed_on(request: str, addressee: str) -> str:
    """ "I urge you to act, and I remind you that you must" -> "I urge the Ambassador to act,
    and I remind the Ambassador that they must": a request said to someone who passes it on."""
    text = re.sub(r"\byou that you\b", f"{addressee} that they", request)
    return re.sub(r"\bI (\w+(?: on| upon)?) you\b", rf"I \1 {addressee}", text)


def compose_social(
    case: Case,
    official: Official,
    *,
    language: str | None = None,
    profile: SenderProfile | None = None,
) -> Message:
    """A post of at most 280 characters to this official: it names their handle when the case
    has one, else their office ("I urge the Prosecutor General of Kazakhstan to ..."; in other
    languages their name), so a post to one official is never the same as the post to
    another. The language is chosen as for a letter (``profile`` gives the preferred one)."""
    lang = letter_language(case, profile or SenderProfile(), language)
    handle = next((h for h in official.social if h.startswith("@")), "")
    if not handle and official.social:
        handle = official.social[0]
    text_of_case = _text(case, lang)
    requests = _requests(text_of_case) or [text_of_case.title or f"UA {case.ua}"]
    if lang == "en":
        hashtag = re.sub(r"[^\w]", "", country_in(case, "en"))
    else:
        hashtag = country_grammar.hashtag(case.country, lang)
    request = requests[0]
    if not handle:
        if lang == "en":
            office = office_of(official, country_in(case, "en"))
            named = passed_on(request, office)
            request = named if named != request else f"{office[:1].upper()}{office[1:]}: {request}"
        else:
            who = official.name or official.display_name or official.organisation
            colon = "\u00a0: " if lang == "fr" else ": "
            if who and lang != "de":  # German goes on with a capital after a colon
                request = request[:1].lower() + request[1:]
            request = f"{who}{colon}{request}" if who else request

    def post(request: str) -> str:
        return render_template(
            "social_post.txt.j2", lang, handle=handle, request=request, hashtag=hashtag
        )

    text = post(request)
    while len(text) > SOCIAL_LIMIT:
        overflow = len(text) - SOCIAL_LIMIT
        shorter = _shorten(request, len(request) - overflow - 1)
        if len(shorter) >= len(request):  # the handle and hashtag alone are too long
            text = text[: SOCIAL_LIMIT - 1].rstrip() + "…"
            break
        request = shorter
        text = post(request)
    return Message(Channel.SOCIAL, text.strip(), recipients=(handle,) if handle else ())


def office_of(official: Official, country: str) -> str:
    """ "the Prosecutor General of Kazakhstan", "the King of Saudi Arabia"; a name where the
    case gives no title ("Kairat Kozhamzharov")."""
    title = " ".join(official.title.split())
    if not title:
        return official.display_name or official.organisation or "the authorities"
    if country and country.casefold() not in title.casefold():
        return f"the {title} of {with_article(country)}"
    return f"the {title}"


def _shorten(text: str, limit: int) -> str:
    if limit <= 1:
        return "…"
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def fax_cover_lines(
    letter: Letter, official: Official, pages: int, *, language: str | None = None
) -> list[tuple[str, str]]:
    """The cover sheet's (label, value) lines, in the letter's language."""
    require_channel(official, Channel.FAX)
    lang = language or letter.language
    text = render_template(
        "fax_cover.txt.j2",
        lang,
        official=official.display_name,
        fax=official.fax,
        sender=letter.sender_name or frame(lang).no_fax_sender,
        sender_contact=letter.sender_email,
        date=letter.date_only or letter.date_text,
        pages=pages,
        subject=letter.subject,
    )
    pairs = []
    for line in text.splitlines():
        label, _, value = line.partition(": ")
        if value:
            pairs.append((label, value))
    return pairs


def _lines(text: str) -> list[str]:
    """Templates write one paragraph a line; blank lines are layout, not content. Only ASCII
    spaces are folded: French puts a no-break space before "?" and inside « », on purpose."""
    folded = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.splitlines())
    return [line for line in folded if line]


__all__ = [
    "ChannelError",
    "LanguageError",
    "Letter",
    "Message",
    "compose_email",
    "compose_letter",
    "compose_phone",
    "compose_social",
    "fax_cover_lines",
    "join_names",
    "letter_language",
    "require_channel",
]
