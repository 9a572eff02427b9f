"""The ``uaction`` command line: the whole core without a window, for people and for scripts.

Exit codes: 0 success, 1 bad data (a broken case, a missing official), 2 usage errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from uaction_desktop import __version__, commands
from uaction_desktop.i18n import (
    _,
    language_at_start,
)
from uaction_desktop.languages import APP_LANGUAGES
from uaction_desktop.library import CaseEntry, CaseLibrary, CaseUnavailable
from uaction_desktop.paths import AppPaths, app_paths
from uaction_desktop.profile import ProfileError, SenderProfile, load_or_set_aside
from uaction_desktop.terminal import escaped


class UserError(Exception):
    """Bad input or data: printed as one line, exit code ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Context:
    """What every command needs, built lazily so a command pays only for what it uses."""

    paths: AppPaths
    today: date = field(default_factory=date.today)

    @cached_property
    def library(self) -> CaseLibrary:
        return CaseLibrary.standard(self.paths.cases_dir, self.paths.case_index_dir)

    def find(self, ua: str) -> CaseEntry | None:
        """One UA's entry, its file read: through the case lookup when it can vouch for the
        UA's files (no other file looked at), else through the whole library."""
        return self.library_of([ua]).find(ua, self.today)

    def library_of(self, uas: Sequence[str]) -> CaseLibrary:
        """A library holding at least these UAs' documents as their files say: their files
        alone when the case lookup can vouch for them (no other file looked at), else the
        whole library."""
        if "library" not in self.__dict__ and uas:
            some = CaseLibrary.standard_some_cases(
                uas, self.paths.cases_dir, self.paths.case_index_dir
            )
            if some is not None:
                return some
        return self.library

    @cached_property
    def profile(self) -> SenderProfile:
        profile, problem = load_or_set_aside(self.paths.profile_file)
        if problem:
            print(_("uaction: {problem}").format(problem=escaped(problem)), file=sys.stderr)
        return profile


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, no usage dump: the hint says where the full usage is.
        command = self.prog.removeprefix("uaction").strip()
        hint = _(" (see: {prog} --help)").format(prog=self.prog)
        raise UserError(f"{command}: {message}{hint}" if command else message + hint, code=2)


# A command whose module is not named after it.
_MODULE_OF = {"import": "import_case"}
_GLOBAL_VALUES = ("--home", "--today")  # the global options that take a value


def _named_module(argv: Sequence[str], modules: list[str]) -> str | None:
    """The module of the command ``argv`` names, if it plainly names one (else None: help,
    a typo or nothing; then every command is set up, as the usage lists them all)."""
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_VALUES:
            next(args, None)
        elif arg.startswith(tuple(f"{option}=" for option in _GLOBAL_VALUES)):
            continue
        elif arg.startswith("-"):
            return None
        else:
            module = _MODULE_OF.get(arg, arg)
            return module if module in modules else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv``, only the command it names (each command's
    module imports what it needs at the top, and the others need not load: 10 ms)."""
    parser = _Parser(
        prog="uaction",
        description=_("Urgent Action letters, offline: list cases, write letters, keep a log."),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help=_("keep all settings and data in DIR (portable mode; same as UACTION_HOME=DIR)"),
    )
    parser.add_argument(  # read before parsing (interface_language), listed for the help
        "--lang",
        choices=APP_LANGUAGES,
        help=_(
            "the language of messages and help (default: the profile's language, else the system's)"
        ),
    )
    parser.add_argument("--today", metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = sorted(info.name for info in pkgutil.iter_modules(commands.__path__))
    named = _named_module(argv, modules) if argv is not None else None
    for name in [named] if named else modules:
        importlib.import_module(f"{commands.__name__}.{name}").register(subparsers)
    return parser


def _today(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UserError(
            _("--today: '{text}' is not a date like 2026-11-28").format(text=text), code=2
        ) from exc


def _utf8_when_redirected() -> None:
    """Output sent to a file or a pipe is UTF-8, whatever the system's code page (cp1252 on
    Windows cannot hold a Cyrillic name, and the letter would die half-written)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if not stream.isatty() and (stream.encoding or "").lower().replace("-", "") != "utf8":
                stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            pass  # a replaced stream (a test's, an IDE's): leave it as it is


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_when_redirected()
    try:
        try:
            argv = language_at_start(list(sys.argv[1:] if argv is None else argv))
        except ValueError as exc:
            raise UserError(str(exc), code=2) from None
        parser = build_parser(argv)
        for arg in argv:
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError:
                raise UserError(
                    _("an argument is not valid text in this system's encoding: {arg!a}").format(
                        arg=arg
                    ),
                    code=2,
                ) from None
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return 2
        context = Context(paths=app_paths(args.home), today=_today(args.today))
        return int(args.handler(args, context) or 0)
    except UserError as exc:
        print(_("uaction: {exc}").format(exc=escaped(str(exc), one_line=True)), file=sys.stderr)
        return exc.code
    except ProfileError as exc:  # a hand-edited profile that cannot be used
        print(_("uaction: {exc}").format(exc=escaped(str(exc), one_line=True)), file=sys.stderr)
        return 1
    except CaseUnavailable as exc:  # a case file changed into a broken one while in use
        print(_("uaction: {exc}").format(exc=exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    # Run through the package's module, so its exception classes are the ones commands raise.
    from uaction_desktop.cli import main as package_main

    sys.exit(package_main())
