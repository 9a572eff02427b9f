"""``uaction profile``: show or set the sender profile, so letters need no --sender-* flags."""

from __future__ import annotations

import argparse
from dataclasses import asdict, replace

from uaction_desktop.cli import Context, UserError
from uaction_desktop.i18n import _, pgettext
from uaction_desktop.languages import APP_LANGUAGES, effective_language
from uaction_desktop.profile import LAYOUTS, save_profile
from uaction_desktop.terminal import escaped


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "profile",
        help=_("show or set your name, address and preferences"),
        description=_("With no options, show the profile; with options, change those fields."),
    )
    parser.add_argument("--name", metavar="NAME")
    parser.add_argument(
        "--address",
        metavar="LINE",
        action="append",
        help=_("an address line (repeat for each line; replaces the whole address)"),
    )
    parser.add_argument("--email", metavar="EMAIL")
    parser.add_argument("--country", metavar="COUNTRY", help=_("the country you write from"))
    parser.add_argument("--group", metavar="GROUP", help=_("e.g. Amnesty International Group 42"))
    parser.add_argument("--closing", metavar="TEXT", help=_('e.g. "Yours faithfully,"'))
    parser.add_argument("--layout", choices=LAYOUTS, help=_("default paper and envelope"))
    parser.add_argument(
        "--language",
        choices=(*APP_LANGUAGES, "system"),
        help=_("the language of the window and of your letters ('system': the system's language)"),
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    changes = {
        key: getattr(args, key)
        for key in ("name", "address", "email", "country", "group", "closing", "layout")
        if getattr(args, key) is not None
    }
    if args.language is not None:
        changes["language"] = "" if args.language == "system" else args.language
    profile = ctx.profile
    if changes:
        profile = profile.with_overrides(**{k: v for k, v in changes.items() if k != "language"})
        if "language" in changes:  # "" (follow the system) is a value here, not "unchanged"
            profile = replace(profile, language=changes["language"])
        try:
            moved = save_profile(ctx.paths.profile_file, profile)
        except OSError as exc:
            raise UserError(
                _("cannot save {path}: {reason}").format(
                    path=ctx.paths.profile_file, reason=exc.strerror or exc
                )
            ) from exc
        print(_("Saved {path}").format(path=ctx.paths.profile_file))
        if moved is not None:
            print(_("The old file could not be read; it was kept as {moved}").format(moved=moved))
    rows = []
    for key, value in asdict(profile).items():
        shown = " / ".join(value) if isinstance(value, tuple | list) else value
        if key == "layout" and not value:
            shown = _("{paper} (the usual paper where you write from)").format(paper=profile.paper)
        if key == "language" and not value:
            shown = _("{language} (the system's language)").format(
                language=effective_language(profile)
            )
        rows.append((field_label(key), shown or "-"))
    width = max(len(label) for label, _shown in rows) + 1
    for label, shown in rows:
        print(escaped(f"{label + ':':<{width}} {shown}", one_line=True))
    return 0


def field_label(key: str) -> str:
    """A profile field as ``uaction profile`` names it, in the interface language (the
    option's name in English)."""
    labels = {
        "name": pgettext("profile field", "name"),
        "address": pgettext("profile field", "address"),
        "email": pgettext("profile field", "email"),
        "country": pgettext("profile field", "country"),
        "group": pgettext("profile field", "group"),
        "closing": pgettext("profile field", "closing"),
        "layout": pgettext("profile field", "layout"),
        "locale": pgettext("profile field", "locale"),
        "language": pgettext("profile field", "language"),
    }
    return labels.get(key, key)
