"""The data files shipped inside the package (data/: the indicator table, the shorthand lexicon,
the bundled index), and the one way they are read.

A file missing or unreadable here means a broken installation, not bad input: the message names
the file and says to reinstall, and it stops a build outright (every report would fail alike).
"""
from __future__ import annotations

import sys
from pathlib import Path

from reportcli.errors import InstallError

DATA = Path(__file__).resolve().parent / "data"

# Every file the package opens at run time; tests/test_packaging.py checks each is in the wheel.
INDICATORS = DATA / "indicators.toml"
LEXICON = DATA / "lexicon.toml"
BUNDLED_INDEX = DATA / "bundled.sqlite"
REGIONS = DATA / "regions.tsv"  # administrative divisions (tools/gen_regions.py)
SHIPPED = (INDICATORS, LEXICON, BUNDLED_INDEX, REGIONS)


def toml_module():
    """tomllib (3.11+) or its backport tomli, which has the same interface."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def read_data_toml(path: Path) -> dict:
    """A TOML data file of the package, parsed; InstallError when it is missing or damaged."""
    tomllib = toml_module()
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InstallError(_broken(path, "is missing")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstallError(_broken(path, f"cannot be read ({getattr(exc, 'strerror', None) or 'not UTF-8'})")) from None
    except tomllib.TOMLDecodeError:
        raise InstallError(_broken(path, "is damaged (not valid TOML)")) from None


def read_data_lines(path: Path) -> list[str]:
    """The lines of a text data file of the package; InstallError when it is missing or damaged."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InstallError(_broken(path, "is missing")) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InstallError(_broken(path, f"cannot be read ({getattr(exc, 'strerror', None) or 'not UTF-8'})")) from None


def _broken(path: Path, what: str) -> str:
    return (f"reportcli's data file {path} {what}: the installation is broken; "
            "reinstall reportcli (pip install --force-reinstall reportcli)")
