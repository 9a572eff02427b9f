"""uaction-desktop: turn Urgent Action cases into letters that arrive, entirely offline."""

__version__ = "0.1.0"
