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
    data = _read_small_regular_file(path)
    if data is None:
        return {}
    tomllib = toml_module()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"malformed config file {path}: not UTF-8") from None
    # Windows editors (Notepad) start a UTF-8 file with a byte-order mark, which TOML does not allow.
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"malformed config file {path}: {exc}") from None
    except RecursionError:
        raise ConfigError(f"malformed config file {path}: nested too deeply to be a config file") from None


# A config file is a few lines; anything bigger is not one (and never read whole into memory).
CONFIG_SIZE_LIMIT = 1 << 20


def _read_small_regular_file(path: Path) -> bytes | None:
    """The bytes of a regular file of at most CONFIG_SIZE_LIMIT, None when there is no file. A
    FIFO, a device (/dev/zero) or a huge file is a clear error, never a hang or a flood."""
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"config file {path} is not a regular file (a pipe, device or folder); "
                          "replace it with a TOML file or remove it")
    if info.st_size > CONFIG_SIZE_LIMIT:
        raise ConfigError(f"config file {path} is {info.st_size:,} bytes, too large for a config file "
                          f"(at most {CONFIG_SIZE_LIMIT:,})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(CONFIG_SIZE_LIMIT + 1)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror or exc}") from None
    if len(data) > CONFIG_SIZE_LIMIT:  # grew while being read
        raise ConfigError(f"config file {path} is too large for a config file (at most {CONFIG_SIZE_LIMIT:,} bytes)")
    return data


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
    if path is None or not os.path.lexists(path):
        return []
    return [(key, path) for key in load_config(path) if key not in KNOWN_KEYS]
