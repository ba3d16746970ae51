"""Where things live: the config file, and which index a query reads.

Index precedence, first match wins: --index, $REPORTCLI_INDEX, `index = "..."` in
config.toml, the index bundled with the package.
"""
from __future__ import annotations

import os
from pathlib import Path

from reportcli.errors import ConfigError
from reportcli.resources import BUNDLED_INDEX, toml_module



def config_path() -> Path | None:
    """Where config.toml lives; None when there is no home to look in (a container running as
    an arbitrary uid with no HOME and no passwd entry): then there is simply no config."""
    base = os.environ.get("XDG_CONFIG_HOME")
    if not base:
        try:
            base = str(Path.home() / ".config")
        except (RuntimeError, KeyError, OSError):
            return None
    return Path(base) / "reportcli" / "config.toml"


def load_config(path: Path | None = None) -> dict:
    """The parsed config file, or {} when there is none."""
    path = path or config_path()
    if path is None:
        return {}
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    tomllib = toml_module()
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"malformed config file {path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed config file {path}: {exc}") from None


def resolve_index(option: str | None) -> Path:
    return resolve_index_with_reason(option)[0]


def resolve_index_with_reason(option: str | None) -> tuple[Path, str, str]:
    """(index path, why: flag / environment / config / bundled, how it was given)."""
    if option:
        return Path(option).expanduser(), "flag", "--index"
    from_env = os.environ.get("REPORTCLI_INDEX")
    if from_env:
        return Path(from_env).expanduser(), "environment", "$REPORTCLI_INDEX"
    path = config_path()
    configured = load_config(path).get("index") if path is not None else None
    if configured is not None:
        if not isinstance(configured, str) or not configured:
            raise ConfigError(f"malformed config file {path}: `index` must be a file path string")
        configured_path = Path(configured).expanduser()
        # A relative path in the config file is relative to the config file, not to the cwd.
        chosen = configured_path if configured_path.is_absolute() else path.parent / configured_path
        return chosen, "config", str(path)
    return BUNDLED_INDEX, "bundled", "the index shipped with reportcli"


KNOWN_KEYS = {"index"}


def unknown_config_keys() -> list[tuple[str, Path]]:
    """(key, file) for each setting config.toml has that reportcli does not know."""
    path = config_path()
    if path is None or not path.is_file():
        return []
    return [(key, path) for key in load_config(path) if key not in KNOWN_KEYS]
