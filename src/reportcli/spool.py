"""A sequence kept without holding all of it: the first values in memory, the rest pickled to an
anonymous temporary file (gone when closed, or when the process ends however it ends).

CSV answers learn their columns from every row before writing the first (render), and `add`
parses every report before it takes the index's write lock (builder): both would otherwise hold
everything at once (goals --check over 20,000 reports: ~3 GB of rows; 1,000 parsed reports: ~1 GB).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_LENGTH_BYTES = 8


class Spool:
    """Values in the order added: the first `held` kept, the rest in the file (each pickled, and
    deflated when `compress`: a parsed report pickles to ~215 KB, ~75 KB deflated). Read back
    by iterating, as often as needed. A file that cannot be made or written is a ReportcliError
    naming `what` and the temporary directory, ending with `advice`."""

    def __init__(self, held: int, what: str, advice: str, *, compress: bool = False) -> None:
        self._held_at_most = held
        self._what, self._advice, self._compress = what, advice, compress
        self._held: list[Any] = []
        self._file = None
        self._spilled = 0

    def __len__(self) -> int:
        return len(self._held) + self._spilled

    def add(self, value: Any) -> None:
        if len(self._held) < self._held_at_most:
            self._held.append(value)
            return
        import pickle

        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if self._compress:
            import zlib

            data = zlib.compress(data, 1)
        self._guarded(lambda: self._open().write(len(data).to_bytes(_LENGTH_BYTES, "little") + data))
        self._spilled += 1

    def __iter__(self) -> Iterator[Any]:
        yield from self._held
        if not self._spilled:
            return
        import pickle
        import zlib

        self._guarded(lambda: self._file.seek(0))
        for _ in range(self._spilled):
            size = int.from_bytes(self._guarded(lambda: self._file.read(_LENGTH_BYTES)), "little")
            data = self._guarded(lambda: self._file.read(size))
            yield pickle.loads(zlib.decompress(data) if self._compress else data)

    def close(self) -> None:
        if self._file is not None:
            try:
                self._file.close()
            except OSError:  # its last writes could not be flushed (no room): it is thrown away anyway
                pass
            self._file = None
        self._held = []
        self._spilled = 0

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def _open(self):
        if self._file is None:
            import tempfile

            self._file = tempfile.TemporaryFile(prefix="reportcli-")
        return self._file

    def _guarded(self, action):
        try:
            return action()
        except OSError as exc:
            import tempfile

            from reportcli.errors import ReportcliError

            raise ReportcliError(f"cannot keep {self._what} in a temporary file in {tempfile.gettempdir()}: "
                                 f"{exc.strerror or exc}; make room there, set TMPDIR, or {self._advice}") from None
