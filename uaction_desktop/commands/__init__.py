"""Sub-commands of ``uaction``. Each module defines ``register(subparsers)``.

A handler receives the parsed arguments and a :class:`~uaction_desktop.cli.Context` and returns
the exit code. It raises :class:`~uaction_desktop.cli.UserError` for bad input, which the CLI
prints as one line on stderr (exit 1), never as a traceback.
"""
