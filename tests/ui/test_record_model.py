"""RecordListModel: `replace` resets; `update` changes rows in place (search per keystroke)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.qt.models import RecordListModel
from kiosk.qt.roles import FIRST, TopicRole


def rows(*titles: str) -> list[dict[str, str]]:
    return [{"id": t.lower(), "title": t} for t in titles]


def titles(model: RecordListModel) -> list[str]:
    return [r["title"] for r in model.rows()]


@pytest.fixture
def model(qapp):
    return RecordListModel(TopicRole)


def signals(model: RecordListModel) -> list[str]:
    seen: list[str] = []
    model.modelReset.connect(lambda: seen.append("reset"))
    model.rowsInserted.connect(lambda _p, a, b: seen.append(f"insert {a}-{b}"))
    model.rowsRemoved.connect(lambda _p, a, b: seen.append(f"remove {a}-{b}"))
    model.dataChanged.connect(lambda a, b, _r=(): seen.append(f"change {a.row()}-{b.row()}"))
    model.countChanged.connect(lambda: seen.append("count"))
    return seen


def test_update_changes_only_what_differs(model):
    model.replace(rows("Safe", "Addictive", "Cost"))
    seen = signals(model)
    model.update(rows("Safe", "Side effects", "Cost", "Driving"))
    assert titles(model) == ["Safe", "Side effects", "Cost", "Driving"]
    assert seen == ["change 1-1", "insert 3-3", "count"]


def test_update_removes_the_tail_and_never_resets(model):
    model.replace(rows("A", "B", "C", "D"))
    seen = signals(model)
    model.update(rows("A", "X"))
    assert titles(model) == ["A", "X"]
    assert seen == ["remove 2-3", "change 1-1", "count"]
    seen.clear()
    model.update(rows("A", "X"))  # the same rows: nothing to tell
    assert seen == []


def test_update_to_nothing_and_back(model):
    model.update(rows("A", "B"))
    model.update([])
    assert model.count == 0
    model.update(rows("C"))
    assert titles(model) == ["C"]


def test_updates_pass_the_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)
    for step in (rows("A", "B", "C"), rows("A", "C"), rows("B", "C", "D", "E"), [], rows("Z")):
        model.update(step)
    qtmodeltester.check(model)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from("ABCDEFG"), max_size=8), min_size=1, max_size=6),
)
def test_any_run_of_updates_ends_with_the_last_rows(qapp, steps):
    model = RecordListModel(TopicRole)
    for step in steps:
        model.update(rows(*step))
        assert titles(model) == step
        assert model.count == model.rowCount() == len(step)


def test_roles_are_the_enum_members_names(model):
    names = {role: bytes(name).decode() for role, name in model.roleNames().items()}
    assert names == {FIRST: "id", FIRST + 1: "title", FIRST + 2: "summary", FIRST + 3: "count"}
    model.replace([{"id": "safety", "title": "Safety", "count": 3}])
    index = model.index(0)
    assert model.data(index, TopicRole.count) == 3
    assert model.data(index, TopicRole.summary) is None  # a field the row lacks
