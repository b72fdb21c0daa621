"""Checks on the shape of a consultation: every node reached, every path ends.

``graph_problems`` reports links to unknown nodes, nodes no path reaches,
dead ends (a node with no responses that is not an end), cycles with no way
out to an end, and an expert path that goes round in a loop.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.consultations.model import Consultation
from trainer.domain.diagnostics import ERROR, Diagnostic, did_you_mean

LineOf = Callable[[tuple], int]


def _edges(c: Consultation) -> dict[str, list[str]]:
    return {nid: [r.next for r in node.responses if r.next in c.nodes] for nid, node in c.nodes.items()}


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start] if start in edges else []
    while todo:
        nid = todo.pop()
        if nid in seen:
            continue
        seen.add(nid)
        todo.extend(edges[nid])
    return seen


def _cycles(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups of ``nodes`` that hold a cycle (Tarjan, iterative), in ``nodes`` order."""
    inside = set(nodes)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            nid, i = work.pop()
            if i == 0:
                index[nid] = low[nid] = counter
                counter += 1
                stack.append(nid)
                on_stack.add(nid)
            nexts = [n for n in edges[nid] if n in inside]
            if i < len(nexts):
                work.append((nid, i + 1))
                child = nexts[i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[nid] = min(low[nid], index[child])
                continue
            for child in nexts:
                if child in on_stack:
                    low[nid] = min(low[nid], low[child])
            if low[nid] == index[nid]:
                group = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    group.append(top)
                    if top == nid:
                        break
                if len(group) > 1 or nid in edges[nid]:
                    groups.append(sorted(group, key=nodes.index))
    return sorted(groups, key=lambda g: nodes.index(g[0]))


def graph_problems(c: Consultation, line_of: LineOf) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def error(loc: tuple, message: str) -> None:
        out.append(Diagnostic(c.path, line_of(loc), ERROR, message))

    ids = list(c.nodes)
    if c.start not in c.nodes:
        error(("start",), f"field 'start': no node '{c.start}'{did_you_mean(c.start, ids)}; expected one of the nodes")
    for nid, node in c.nodes.items():
        for i, r in enumerate(node.responses):
            if r.next not in c.nodes:
                error(
                    ("nodes", nid, "responses", i, "next"),
                    f"field 'nodes.{nid}.responses[{i + 1}].next': no node '{r.next}'{did_you_mean(r.next, ids)}",
                )
        if not node.end and not node.responses:
            error(
                ("nodes", nid),
                f"dead end: node '{nid}' offers no responses and is not marked 'end: true'",
            )
    edges = _edges(c)
    reached = _reachable(c.start, edges)
    if c.start in c.nodes:
        for nid in ids:
            if nid not in reached:
                error(("nodes", nid), f"unreachable node '{nid}': no response leads to it from the start")
    # Nodes from which an end can be reached, found backwards from the ends.
    back: dict[str, list[str]] = {nid: [] for nid in ids}
    for nid, nexts in edges.items():
        for n in nexts:
            back[n].append(nid)
    can_end = set()
    todo = [nid for nid, node in c.nodes.items() if node.end]
    while todo:
        nid = todo.pop()
        if nid not in can_end:
            can_end.add(nid)
            todo.extend(back[nid])
    trapped = [nid for nid in ids if nid not in can_end]
    for group in _cycles(trapped, edges):
        loop = " -> ".join([*group, group[0]])
        error(("nodes", group[0]), f"cycle without exit: {loop} never reaches an end node")
    # The expert path must lead from the start to an end without going round.
    seen: list[str] = []
    nid = c.start
    while nid in c.nodes and c.nodes[nid].is_decision:
        if nid in seen:
            error(("nodes", nid), f"the expert path goes round in a loop: {' -> '.join([*seen, nid])}")
            break
        seen.append(nid)
        node = c.nodes[nid]
        experts = [r for r in node.responses if r.expert]
        if len(experts) != 1:
            break  # reported with the node
        nid = experts[0].next
    return out
