"""reportcli: query Chinese government work reports from a prebuilt SQLite index.

    import reportcli
    with reportcli.open() as ix:          # the bundled index, or $REPORTCLI_INDEX, or a path
        ix.search("垃圾分类")
        ix.goals(main=True, check=True, code="gdp_growth")

Every method returns a list of dicts equal to the CLI's `--json` rows for the same question;
errors raise ReportcliError subclasses (reportcli.errors), and what the CLI notes on stderr (an
approximate search, one that ranked only part of what matched) is a ReportcliWarning. See reportcli.api.
"""
from __future__ import annotations

from reportcli.errors import (ConfigError, IndexFileError, InputError, InstallError, ReportcliError,
                              ReportcliWarning, UsageError)

__version__ = "0.1.0"
__all__ = ["open", "build", "Index", "ReportcliError", "UsageError", "InputError", "IndexFileError",
           "ConfigError", "InstallError", "ReportcliWarning", "__version__"]


def open(path=None):  # noqa: A001 - reportcli.open(), like sqlite3.connect()
    """Open an index read-only: `path`, else the one the CLI would use ($REPORTCLI_INDEX,
    config.toml, the bundled index). Returns a reportcli.api.Index (a context manager)."""
    from reportcli.api import open as open_index

    return open_index(path)


def build(paths, output, force=False, **options):
    """Build an index from report files, folders and datasets into `output`, atomically, as
    `reportcli build` does; returns its summary. Options: text_field, strict, update."""
    from reportcli.api import build as build_index

    return build_index(paths, output, force, **options)


def __getattr__(name: str):
    if name == "Index":
        from reportcli.api import Index

        return Index
    raise AttributeError(f"module 'reportcli' has no attribute {name!r}")
