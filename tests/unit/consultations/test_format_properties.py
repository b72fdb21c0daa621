"""Any consultation file, however broken, loads without crashing; one that loads without
errors can always be finished: every node is reached, and from every node an end can be."""

from __future__ import annotations

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit.consultations.helpers import VALID, write
from trainer.consultations.loader import load_consultation

IDS = ["a", "b", "c", "d", "e"]


def _graph_text(nodes: list[tuple[bool, list[str]]]) -> str:
    """A consultation whose node i is an end (True) or offers responses leading to the given ids."""
    data = {
        "title": "T",
        "profession": "gp",
        "practitioner": "GP",
        "setting": "Surgery",
        "person": {"name": "P"},
        "start": "a",
        "nodes": {},
    }
    for node_id, (end, nexts) in zip(IDS, nodes, strict=False):
        node: dict = {"person": f"line {node_id}"}
        if end:
            node["end"] = True
        else:
            node["responses"] = [
                {"say": f"say {j}", "codes": ["open_question"], "feedback": "why", "next": n, "expert": j == 0}
                for j, n in enumerate(nexts)
            ]
        data["nodes"][node_id] = node
    return yaml.safe_dump(data, sort_keys=False)


NODES = st.lists(
    st.tuples(st.booleans(), st.lists(st.sampled_from(IDS), min_size=2, max_size=4)), min_size=1, max_size=5
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NODES)
def test_a_consultation_without_errors_can_always_be_finished(tmp_path, nodes):
    consultation, diags = load_consultation(write(tmp_path, _graph_text(nodes)))
    if any(d.is_error for d in diags):
        return
    assert consultation is not None
    edges = {nid: [r.next for r in n.responses] for nid, n in consultation.nodes.items()}
    seen, todo = set(), [consultation.start]
    while todo:
        nid = todo.pop()
        if nid not in seen:
            seen.add(nid)
            todo.extend(edges[nid])
    assert seen == set(consultation.nodes)  # nothing unreachable
    for nid in consultation.nodes:  # from anywhere, an end can be reached
        reach, todo = set(), [nid]
        while todo:
            here = todo.pop()
            if here not in reach:
                reach.add(here)
                todo.extend(edges[here])
        assert any(consultation.nodes[r].end for r in reach), nid
    expert = consultation.expert_path()
    assert consultation.node(consultation.follow(expert)).end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.integers(min_value=0, max_value=200), max_size=6), st.text(max_size=20))
def test_any_damaged_file_loads_without_crashing_and_lines_are_in_the_file(tmp_path, dropped, noise):
    lines = VALID.splitlines()
    for index in sorted({i % len(lines) for i in dropped}, reverse=True):
        del lines[index]
    if noise:
        lines.insert(len(noise) % (len(lines) + 1), noise.replace("\r", " "))
    path = write(tmp_path, "\n".join(lines) + "\n")
    n_lines = len(path.read_text(encoding="utf-8").splitlines())
    consultation, diags = load_consultation(path)
    assert all(1 <= d.line <= n_lines + 1 for d in diags), [d.format() for d in diags]
    if consultation is None:
        assert any(d.is_error for d in diags)
