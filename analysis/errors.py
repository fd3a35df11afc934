"""Errors the command line and the dashboard report as one line, without a traceback."""


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message says why and what to do."""
