"""Error types. The CLI maps each to an exit code in one place (cli.main)."""
from __future__ import annotations

EXIT_OK, EXIT_NO_RESULTS, EXIT_USAGE = 0, 1, 2


class ReportcliError(Exception):
    """An error with a one-line message for the user."""

    exit_code = EXIT_USAGE


class UsageError(ReportcliError):
    """Bad option or argument value."""


class InputError(ReportcliError):
    """An input file that cannot be read or decoded."""


class IndexFileError(ReportcliError):
    """A missing, corrupt or incompatible index."""


class InstallError(ReportcliError):
    """A data file of the package itself missing or damaged: a broken installation."""


class ConfigError(ReportcliError):
    """A malformed config.toml."""


class NoResults(ReportcliError):
    """A query that found nothing: exit 1, like grep."""

    exit_code = EXIT_NO_RESULTS


class ReportcliWarning(UserWarning):
    """What the CLI writes on stderr as a note beside an answer, for library callers: a search
    whose matches are approximate, or that ranked only the first of many paragraphs."""


class Interrupted(BaseException):
    """A write stopped by TERM or HUP: cleaned up like Ctrl-C, exit 128 + the signal number.
    (Not a KeyboardInterrupt, which Typer would turn into a bare 130.)"""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
