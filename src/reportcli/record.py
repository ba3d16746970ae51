"""`Record`: the frozen value class of models and query results.

A subclass lists its fields as annotations (a base's fields first) with defaults as class
attributes, like a frozen dataclass, and gets keyword or positional construction, equality,
hashing, a repr, `_make`, `_replace`, `_fields` and `_asdict` (NamedTuple's names).

Why not dataclasses: declaring a frozen dataclass compiles six methods, 1.5–3 ms a class, and a
query declares five to seven of them before it can answer — a third of its whole budget over a
bare Typer start (benchmarks/startup.py). Declaring a Record costs microseconds; making an
instance costs about as much as a dataclass's.
"""
from __future__ import annotations

from typing import Any


class Record:
    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}
    _template: dict[str, Any] = {}
    _required: frozenset[str] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names: list[str] = []
        for klass in reversed(cls.__mro__):
            for name in klass.__dict__.get("__annotations__", {}):
                if not name.startswith("_") and name not in names:
                    names.append(name)
        cls._fields = tuple(names)
        defaults: dict[str, Any] = {}
        for name in names:
            for klass in cls.__mro__:
                if name in klass.__dict__:
                    defaults[name] = klass.__dict__[name]
                    break
                if name in klass.__dict__.get("_defaults", {}):  # a base's default (its attribute is gone)
                    defaults[name] = klass.__dict__["_defaults"][name]
                    break
        cls._defaults = defaults
        # For keyword construction: every field in order (defaults filled, the rest overwritten), and
        # the fields that must be named (a set: tested against the keywords in C, not field by field).
        cls._template = {name: defaults.get(name) for name in names}
        cls._required = frozenset(name for name in names if name not in defaults)
        for name in defaults:  # the instance holds every value; no class attribute shadows a field
            if name in cls.__dict__:
                delattr(cls, name)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        fields = self._fields
        if not args and self._required <= kwargs.keys():
            values = {**self._template, **kwargs}  # in field order, defaults where not named
            if len(values) == len(fields):  # (else a misspelt field: the general path below names it)
                object.__setattr__(self, "__dict__", values)
                return
        if args:
            if len(args) > len(fields):
                raise TypeError(f"{type(self).__name__}() takes {len(fields)} fields, {len(args)} given")
            for name, value in zip(fields, args):
                if name in kwargs:
                    raise TypeError(f"{type(self).__name__}() got {name!r} twice")
                kwargs[name] = value
        values = {}
        defaults = self._defaults
        for name in fields:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif name in defaults:
                values[name] = defaults[name]
            else:
                raise TypeError(f"{type(self).__name__}() is missing the field {name!r}")
        if kwargs:
            raise TypeError(f"{type(self).__name__}() has no field {next(iter(kwargs))!r}")
        object.__setattr__(self, "__dict__", values)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen: use _replace({name}=…)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash((type(self).__name__, *self.__dict__.values()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items())
        return f"{type(self).__name__}({inner})"

    def __reduce__(self):  # pickling (build workers send reports back): the values in field order
        return (_rebuild, (type(self), tuple(self.__dict__.values())))

    @classmethod
    def _make(cls, values):
        """A record of `values` given in field order (NamedTuple's _make): zipped with the names,
        not passed by keyword (a query reads thousands of rows so)."""
        holding = dict(zip(cls._fields, values))
        if len(holding) != len(cls._fields) or len(values) != len(cls._fields):
            raise TypeError(f"{cls.__name__}._make() takes {len(cls._fields)} values, {len(values)} given")
        return _holding(cls, holding)

    @classmethod
    def _extending(cls, base: "Record", **more: Any):
        """This class's record of `base`'s values and `more`, the fields this class adds after
        base's, in their order: base's values are taken as a whole, not named one by one (a
        panel answer makes tens of thousands)."""
        values = {**base.__dict__, **more}
        if tuple(values) != cls._fields:
            added = ", ".join(cls._fields[len(base._fields):])
            raise TypeError(f"{cls.__name__}() extends {type(base).__name__} with {added}")
        return _holding(cls, values)

    def _replace(self, **changes: Any):
        values = self.__dict__
        if changes.keys() <= values.keys():  # every change names a field: the values are whole already
            return _holding(type(self), {**values, **changes})
        return type(self)(**{**values, **changes})  # names the misspelt field

    def _asdict(self) -> dict[str, Any]:
        """Field → value, nested records, tuples and lists turned into dicts and lists (for JSON)."""
        values = self.__dict__
        if _SCALARS.issuperset(map(type, values.values())):  # most rows (a figure, a target): copied whole
            return dict(values)
        return {name: value if type(value) in _SCALARS else plain(value) for name, value in values.items()}


def _rebuild(cls: type[Record], values: tuple) -> Record:
    """A pickled record: its values were in field order (every way of making one keeps it), so
    they are zipped with the names, not passed by keyword (a build unpickles ~600 records a report)."""
    return _holding(cls, dict(zip(cls._fields, values)))


def _holding(cls: type[Record], values: dict[str, Any]) -> Record:
    """A record of `cls` holding `values` (every field, in field order), made without __init__."""
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", values)
    return record


# Values that are their own plain form (most of a row's fields): returned without further tests.
_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A record as dicts and lists all the way down; other values unchanged."""
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Record):
        return value._asdict()
    if isinstance(value, (tuple, list)) and not hasattr(value, "_fields"):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
