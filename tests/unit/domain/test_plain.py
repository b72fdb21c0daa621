"""``@plain`` behaves as the dataclasses it replaces on the start-up path."""

from __future__ import annotations

import pickle
from typing import ClassVar

import pytest

from trainer.domain.plain import field, plain


@plain
class Item:
    id: str
    title: str = ""
    tags: list[str] = field(default_factory=list)
    kind: ClassVar[str] = "item"


@plain
class Counted:
    n: int
    seen: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.seen.append(self.n)


def test_positional_keyword_and_defaults():
    assert Item("a", "A").title == "A"
    assert Item(id="a").title == ""
    assert Item("a", tags=["x"]).tags == ["x"]


def test_each_object_gets_its_own_default_list():
    one, two = Item("a"), Item("b")
    one.tags.append("x")
    assert two.tags == []
    assert "tags" not in Item.__dict__  # the factory marker is not left on the class


def test_class_variables_are_not_fields():
    assert Item.__match_args__ == ("id", "title", "tags")
    with pytest.raises(TypeError, match="unexpected keyword argument 'kind'"):
        Item("a", kind="other")


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((), {}, "missing required argument 'id'"),
        (("a", "b", [], "d"), {}, "takes 3 arguments but 4 were given"),
        (("a",), {"id": "b"}, "multiple values for argument 'id'"),
        (("a",), {"colour": "red"}, "unexpected keyword argument 'colour'"),
    ],
)
def test_wrong_arguments_are_refused_as_a_dataclass_would(args, kwargs, message):
    with pytest.raises(TypeError, match=message):
        Item(*args, **kwargs)


def test_equality_repr_and_no_hash():
    assert Item("a", "A") == Item("a", "A")
    assert Item("a", "A") != Item("a", "B")
    assert Item("a") != ("a", "", [])
    assert repr(Item("a", tags=["x"])) == "Item(id='a', title='', tags=['x'])"
    assert Item.__hash__ is None


def test_post_init_runs_after_the_fields_are_set():
    assert Counted(3).seen == [3]


def test_objects_survive_pickling_as_the_course_cache_does():
    item = Item("a", "A", ["x"])
    assert pickle.loads(pickle.dumps(item)) == item


def test_a_required_field_after_a_default_is_refused_when_the_class_is_made():
    with pytest.raises(TypeError, match="'b' without a default follows"):

        @plain
        class Wrong:
            a: int = 0
            b: int
