"""reportcli.spool: values kept in order, the first in memory, the rest in a temporary file."""
import pytest

from reportcli.models import Paragraph
from reportcli.spool import Spool


@pytest.mark.parametrize("compress", [False, True])
@pytest.mark.parametrize("held", [0, 2, 100])
def test_values_come_back_in_order_whichever_are_held(held, compress):
    values = [{"n": n, "text": "垃圾分类" * n} for n in range(7)] + [Paragraph(1, None, "全文"), None, ("a", 1)]
    with Spool(held, "the values", "hold more", compress=compress) as spool:
        for value in values:
            spool.add(value)
        assert len(spool) == len(values)
        assert list(spool) == values and list(spool) == values  # read again from the start
        assert (spool._file is None) == (held >= len(values))  # a file only for what is not held
    assert list(spool) == [] and len(spool) == 0


def test_no_room_for_the_file_names_what_and_where(monkeypatch):
    import tempfile

    from reportcli.errors import ReportcliError

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", full)
    spool = Spool(1, "the parsed reports", "add fewer files at a time")
    spool.add(1)
    with pytest.raises(ReportcliError, match=r"^cannot keep the parsed reports in a temporary file in .*: No space "
                                             r"left on device; make room there, set TMPDIR, or add fewer files at a time$"):
        spool.add(2)
