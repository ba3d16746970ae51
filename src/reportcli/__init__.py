"""reportcli: query Chinese government work reports from a prebuilt SQLite index."""

__version__ = "0.1.0"
