"""jsoncodec writes and reads exactly what the json module does (it calls json's C accelerator
directly, to keep `import json` off the query path)."""
import json
import math

import pytest
from hypothesis import given, strategies as st

from reportcli import jsoncodec

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                       max_leaves=20)


@given(_VALUES)
def test_dumps_and_loads_agree_with_json(value):
    written = jsoncodec.dumps(value)
    assert written == json.dumps(value, ensure_ascii=False)
    assert jsoncodec.loads(written) == json.loads(written)


def test_special_values_and_tuples_as_json_writes_them():
    value = {"nan": float("nan"), "inf": float("inf"), "pair": (1, "二"), "quote": '"\n\u2028', 3: -0.0}
    assert jsoncodec.dumps(value) == json.dumps(value, ensure_ascii=False)
    assert math.isinf(jsoncodec.loads('{"x": -Infinity}')["x"])


def test_errors_are_json_errors():
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsoncodec.dumps({"x": object()})
    for text in ("", "[1, 2] x", "{"):
        with pytest.raises(json.JSONDecodeError):
            jsoncodec.loads(text)
