"""``@plain``: a dataclass without the start-up cost of ``dataclasses``.

``@dataclass`` writes the source of ``__init__``, ``__repr__`` and ``__eq__``
and compiles it when the class is defined: about half a millisecond per
class, and the app defines eight at start-up (the course, the store's open
result, Home's summary, the window's parts). ``@plain`` gives the same
keyword-or-positional constructor, ``field(default_factory=...)``, equality
and repr, built from closures instead, in a tenth of the time. Type checkers
read it as a dataclass (``typing.dataclass_transform``).

``typing.NamedTuple`` is no cheaper: with ``from __future__ import annotations``
it compiles every field's annotation (a ``ForwardRef``), about 0.1 ms a class;
start-up's small records (Home's summary parts, a module's progress, a profile)
are ``@plain`` too. Measured with callgrind on a second start: 845.7 million
instructions before, 836.8 million after (bare window: 620 million).

Not supported (use ``dataclasses`` where needed): inheriting fields,
``frozen``, ``slots``, ordering, ``InitVar``, and ``dataclasses.replace`` / ``asdict`` / ``fields``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made afresh for each object (a list, a dict)."""
    return _Factory(default_factory)


@dataclass_transform(field_specifiers=(field,))
def plain(cls: T) -> T:
    names: list[str] = []
    defaults: dict[str, Any] = {}
    factories: dict[str, Callable[[], Any]] = {}
    for name, note in cls.__dict__.get("__annotations__", {}).items():
        if str(note).startswith(("ClassVar", "typing.ClassVar")):
            continue
        names.append(name)
        value = cls.__dict__.get(name, _NO_DEFAULT)
        if isinstance(value, _Factory):
            factories[name] = value.make
            delattr(cls, name)
        elif value is not _NO_DEFAULT:
            defaults[name] = value
    _check_order(cls.__name__, names, defaults, factories)
    fields = tuple(names)
    title = cls.__name__
    post_init = getattr(cls, "__post_init__", None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(fields):
            raise TypeError(f"{title}() takes {len(fields)} arguments but {len(args)} were given")
        values = self.__dict__
        for name, value in zip(fields, args, strict=False):
            if name in kwargs:
                raise TypeError(f"{title}() got multiple values for argument {name!r}")
            values[name] = value
        for name in fields[len(args) :]:
            if name in kwargs:
                values[name] = kwargs.pop(name)
            elif name in factories:
                values[name] = factories[name]()
            elif name in defaults:
                values[name] = defaults[name]
            else:
                raise TypeError(f"{title}() missing required argument {name!r}")
        if kwargs:
            raise TypeError(f"{title}() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if post_init is not None:
            post_init(self)

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in fields)

    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}(" + ", ".join(f"{n}={getattr(self, n)!r}" for n in fields) + ")"

    cls.__init__ = __init__  # type: ignore[misc]
    cls.__eq__ = __eq__  # type: ignore[method-assign,assignment]
    cls.__repr__ = __repr__  # type: ignore[method-assign,assignment]
    cls.__hash__ = None  # type: ignore[assignment]  # mutable and compared by value, as a dataclass
    setattr(cls, "__match_args__", fields)  # noqa: B010 (mypy: a class may not be told to have it)
    return cls


_NO_DEFAULT = object()


def _check_order(title: str, names: list[str], defaults: dict, factories: dict) -> None:
    seen_default = False
    for name in names:
        has_default = name in defaults or name in factories
        if seen_default and not has_default:
            raise TypeError(f"{title}: field {name!r} without a default follows a field with one")
        seen_default = seen_default or has_default
