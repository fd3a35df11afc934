"""The errors a user can meet, in one hierarchy.

Each is a failure the user can act on, and its message says what to do. The command line prints
any `AnalysisError` as one `error: ...` line and exits 1; the dashboard shows it with `st.error`,
never as a traceback. Problems with single input files are not errors but values
(`analysis.readers.ReadError`), so one bad file never stops a corpus.
"""


class AnalysisError(Exception):
    """Base of every user-facing failure; the message says what went wrong and what to do."""


class StoreError(AnalysisError):
    """The store cannot be opened or written."""


class ModelNotFound(AnalysisError):
    """No usable spaCy model is installed."""


class ConfigError(AnalysisError, ValueError):
    """A user-supplied alias or theme file, or an option value, is not usable."""


class NoBrowser(AnalysisError):
    """PNG or SVG export needs a Chromium-family browser and none was found."""


class ClusterError(AnalysisError):
    """The Dask scheduler cannot be reached or refuses the work."""
