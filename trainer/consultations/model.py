"""A branching consultation as plain data: nodes, responses and the paths through them.

A node is one moment of the conversation: the person's line and, at a
decision point, the 2 to 4 responses the learner can choose from. Each
response carries its behaviour codes (``competencies.coding.CODE_IDS``), brief
feedback on why, and the node it leads to, whose line is the person's reply.
A node marked ``end`` closes the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# Profession groups a consultation is written for (issue 22: one per group).
PROFESSIONS = {
    "nursing": "Nursing",
    "gp": "General practice",
    "ahp": "Allied health professions",
    "pharmacy": "Pharmacy",
    "coaching": "Health coaching",
}
MIN_RESPONSES, MAX_RESPONSES = 2, 4


@dataclass(frozen=True)
class Response:
    say: str
    codes: tuple[str, ...]
    next: str
    feedback: str
    expert: bool = False
    safety_net: bool = False  # the response gives safety-netting advice
    line: int = 0


@dataclass(frozen=True)
class Node:
    id: str
    person: str  # what the person says at this point
    responses: tuple[Response, ...] = ()
    end: bool = False
    pushback: bool = False  # the person pushes back here
    note: str = ""  # a short stage direction, shown in italics
    line: int = 0

    @property
    def is_decision(self) -> bool:
        return not self.end and bool(self.responses)


@dataclass(frozen=True)
class Step:
    """One choice on a path: at ``node`` the learner chose response ``choice`` (0-based)."""

    node: str
    choice: int


@dataclass
class Consultation:
    id: str
    title: str
    path: Path
    profession: str
    practitioner: str
    setting: str
    person: str
    about: str
    start: str
    nodes: dict[str, Node]
    summary: str = ""
    skills: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def profession_title(self) -> str:
        return PROFESSIONS.get(self.profession, self.profession)

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def response(self, step: Step) -> Response:
        return self.nodes[step.node].responses[step.choice]

    @property
    def decision_points(self) -> int:
        return sum(1 for n in self.nodes.values() if n.is_decision)

    def expert_path(self) -> list[Step]:
        """The expert's choices from the start to an end (validated to have no loop)."""
        steps: list[Step] = []
        seen: set[str] = set()
        node_id = self.start
        while node_id in self.nodes and node_id not in seen:
            seen.add(node_id)
            node = self.nodes[node_id]
            if not node.is_decision:
                break
            index = next((i for i, r in enumerate(node.responses) if r.expert), 0)
            steps.append(Step(node_id, index))
            node_id = node.responses[index].next
        return steps

    def follow(self, steps: list[Step]) -> str:
        """The node reached after ``steps`` (the start when there are none)."""
        return self.response(steps[-1]).next if steps else self.start

    def is_valid_path(self, steps: list[Step]) -> bool:
        """Whether ``steps`` is a walk from the start through existing responses."""
        node_id = self.start
        for step in steps:
            node = self.nodes.get(step.node)
            if step.node != node_id or node is None or not 0 <= step.choice < len(node.responses):
                return False
            node_id = node.responses[step.choice].next
        return True
