"""Make pairs and triads for each practice round (pure, seeded).

Rounds come in *blocks*. A block keeps the same groups while roles rotate:
three rounds for triads (so everyone plays practitioner, person and observer
once), two for pairs (so both partners play practitioner once). A new block
starts at the first round, when the format changes, when the block is full,
or when the plan asks for ``new_groups``.

Odd numbers (decided here, documented in docs/TEAM_SESSIONS.md):

* pairs, odd n: one triad, the rest pairs (3 people = one triad);
* triads, n % 3 == 1: two pairs, the rest triads (4 = two pairs, 7 = one
  triad + two pairs); n % 3 == 2: one pair, the rest triads;
* never a lone person and never a group of four; with one attendee the
  grouping refuses (``GroupingError``) and the trainer joins as a partner
  by adding themself to the roster.

Partners are chosen to avoid repeats: a repeat within the session costs
far more than a repeat of a pairing from the team's past sessions (given as
``history``, most recent first), which costs more the more recent it was.
Among many seeded random tries, local swaps improve the best; the result
depends only on the inputs and the seed.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial

ROLES = ("practitioner", "person", "observer")
SIZES = {"pairs": 2, "triads": 3}
SESSION_REPEAT = 1000
UNFAIR = 5000  # per practitioner turn beyond one apart: fair turns come before new partners
TRIES = 40


class GroupingError(ValueError):
    pass


Group = tuple[str, ...]


@dataclass(frozen=True)
class RoundGroups:
    """The groups of one practice round: ``turn`` is the round's place in its block."""

    format: str
    block: int
    turn: int
    groups: tuple[Group, ...]

    def roles(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for group in self.groups:
            out.update(roles_for(group, self.turn))
        return out


def group_sizes(n: int, fmt: str) -> list[int]:
    """Group sizes for ``n`` people: 2s and 3s only, never a lone person."""
    if fmt not in SIZES:
        raise GroupingError(f"unknown format '{fmt}'; expected pairs or triads")
    if n < 2:
        raise GroupingError("at least two people are needed for practice; the trainer can join as a partner")
    if fmt == "pairs":
        return [3] + [2] * ((n - 3) // 2) if n % 2 else [2] * (n // 2)
    rest = n % 3
    if rest == 0:
        return [3] * (n // 3)
    if rest == 1:
        return [3] * ((n - 4) // 3) + [2, 2]
    return [3] * ((n - 2) // 3) + [2]


SHAPE_NOUNS = {2: "pair", 3: "triad"}


def group_noun(size: int) -> str:
    """'pair' for two people, 'triad' for three, else 'group of N'."""
    return SHAPE_NOUNS.get(size, f"group of {size}")


def shape_of_sizes(sizes: Iterable[int]) -> str:
    """Groups of these sizes as people would say it: '3 triads', '1 triad and 2 pairs', '4 pairs'.

    Never the plan's format alone: seven people in a triads round are one triad and two pairs."""
    counts = Counter(sizes)
    parts = []
    for size in sorted(counts, reverse=True):
        n, noun = counts[size], group_noun(size)
        if n == 1:
            parts.append(f"1 {noun}")
        elif noun.startswith("group of"):
            parts.append(f"{n} groups of {size}")
        else:
            parts.append(f"{n} {noun}s")
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def group_shape(groups: Iterable[Sequence[str]]) -> str:
    """The groups as made, as people would say it (see ``shape_of_sizes``)."""
    return shape_of_sizes(len(g) for g in groups)


def round_shape(groups: Sequence[Sequence[str]], fmt: str, present: int) -> str:
    """What a practice round's groups are called: the groups as made when there are some,
    else the groups ``present`` people will make in ``fmt`` (the plan's format word only
    when too few are here to say)."""
    if groups:
        return group_shape(groups)
    try:
        return shape_of_sizes(group_sizes(present, fmt))
    except GroupingError:
        return fmt


def roles_for(group: Sequence[str], turn: int) -> dict[str, str]:
    """Who plays which role in ``turn`` (0, 1, 2...) of a block.

    In a triad the roles move one seat each turn, so across three turns each
    member plays each role once. In a pair the two swap each turn.
    """
    k = len(group)
    return {group[(turn + i) % k]: ROLES[i] for i in range(min(k, 3))}


def pairings(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    """Every two people who share a group."""
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def blocks_of(formats: Sequence[str], new_groups: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """For each round, its (block, turn)."""
    out: list[tuple[int, int]] = []
    block, turn, last = -1, 0, None
    for i, fmt in enumerate(formats):
        fresh = last is None or fmt != last or turn + 1 >= SIZES[fmt] or bool(new_groups and new_groups[i])
        if fresh:
            block, turn = block + 1, 0
        else:
            turn += 1
        out.append((block, turn))
        last = fmt
    return out


Extra = Callable[[Sequence[Sequence[str]]], int]


def _cost(groups: Sequence[Sequence[str]], weights: dict[frozenset[str], int], extra: Extra | None = None) -> int:
    return sum(weights.get(p, 0) for p in pairings(groups)) + (extra(groups) if extra else 0)


def _improve(
    groups: list[list[str]], weights: dict[frozenset[str], int], extra: Extra | None = None
) -> list[list[str]]:
    """Swap people between groups while that lowers the cost (first improvement)."""
    current = _cost(groups, weights, extra)
    improved = True
    while improved and current > 0:
        improved = False
        for gi, gj in itertools.combinations(range(len(groups)), 2):
            for a in range(len(groups[gi])):
                for b in range(len(groups[gj])):
                    groups[gi][a], groups[gj][b] = groups[gj][b], groups[gi][a]
                    cost = _cost(groups, weights, extra)
                    if cost < current:
                        current, improved = cost, True
                    else:
                        groups[gi][a], groups[gj][b] = groups[gj][b], groups[gi][a]
    return groups


def make_groups(
    people: Sequence[str],
    fmt: str,
    rng: random.Random,
    avoid: dict[frozenset[str], int] | None = None,
    extra: Extra | None = None,
) -> list[Group]:
    """One grouping of ``people`` that keeps the weighted repeats in ``avoid`` (and the
    ``extra`` cost, if any) low."""
    people = list(dict.fromkeys(people))
    sizes = group_sizes(len(people), fmt)
    weights = avoid or {}
    best: list[list[str]] | None = None
    best_cost = None
    for _ in range(TRIES if weights or extra else 1):
        order = people[:]
        rng.shuffle(order)
        groups, start = [], 0
        for size in sizes:
            groups.append(order[start : start + size])
            start += size
        groups = _improve(groups, weights, extra)
        cost = _cost(groups, weights, extra)
        if best_cost is None or cost < best_cost:
            best, best_cost = groups, cost
        if cost == 0:
            break
    assert best is not None
    rng.shuffle(best)
    return [tuple(g) for g in best]


def history_weights(history: Sequence[Iterable[Sequence[str]]]) -> dict[frozenset[str], int]:
    """Weights for past sessions' groups, most recent session first (weighs most)."""
    weights: dict[frozenset[str], int] = {}
    n = len(history)
    for age, groups in enumerate(history):
        for pair in pairings(groups):
            weights[pair] = max(weights.get(pair, 0), n - age)
    return weights


def plan_groups(
    people: Sequence[str],
    formats: Sequence[str],
    seed: int,
    history: Sequence[Iterable[Sequence[str]]] = (),
    new_groups: Sequence[bool] | None = None,
) -> list[RoundGroups]:
    """Groups for every practice round of a session.

    ``formats`` holds "pairs" or "triads" per round; ``history`` the groups of
    the team's past sessions, most recent first.
    """
    rng = random.Random(seed)
    weights = history_weights(history)
    places = blocks_of(formats, new_groups)
    lengths = Counter(block for block, _turn in places)
    turns: Counter[str] = Counter()  # practitioner turns so far, to keep them fair
    out: list[RoundGroups] = []
    current: list[Group] = []
    for fmt, (block, turn) in zip(formats, places):
        if turn == 0:
            extra = partial(unfair_turns, people=people, rounds=lengths[block], turns=turns)
            current = [fair_seats(g, lengths[block], turns) for g in make_groups(people, fmt, rng, weights, extra)]
            for pair in pairings(current):
                weights[pair] = SESSION_REPEAT
        rnd = RoundGroups(fmt, block, turn, tuple(current))
        turns.update(p for p, role in rnd.roles().items() if role == "practitioner")
        out.append(rnd)
    return out


def unfair_turns(groups: Sequence[Sequence[str]], people: Sequence[str], rounds: int, turns: Counter[str]) -> int:
    """The cost of a block's groups that would leave practitioner turns more than one
    apart after the block (each group's seats going to whoever has practised least)."""
    after = Counter({p: turns[p] for p in people})
    for group in groups:
        seated = fair_seats(tuple(group), rounds, turns)
        for seat, person in enumerate(seated):
            after[person] += len(range(seat, rounds, len(group)))  # turns t with t % k == seat
    spread = max(after.values()) - min(after.values()) if after else 0
    return UNFAIR * max(0, spread - 1)


def fair_seats(group: Group, rounds: int, turns: Counter[str]) -> Group:
    """Seat a block's group so that whoever has practised least gets the most turns.

    In turn ``t`` the practitioner sits in seat ``t mod k`` (see ``roles_for``), so
    the first seats practise most. A block shorter than the group (a pairs block of
    one round, a triads block of two) gives its turns to whoever has practised
    least, so turns even out over the whole session, not only within a block.
    """
    k = len(group)
    order = [t % k for t in range(min(rounds, k))]
    order += [s for s in range(k) if s not in order]
    ranked = sorted(group, key=lambda p: turns[p])  # stable: ties keep the random order
    seats: list[str] = [""] * k
    for seat, person in zip(order, ranked):
        seats[seat] = person
    return tuple(seats)


def swap(groups: Sequence[Sequence[str]], a: str, b: str) -> list[Group]:
    """Exchange the places of ``a`` and ``b``.

    Between groups, each takes the other's seat (and so the other's role).
    Within one group, they exchange seats, which exchanges their roles.
    Raises GroupingError when either is not in any group.
    """
    where = {}
    for gi, group in enumerate(groups):
        for pi, name in enumerate(group):
            where[name] = (gi, pi)
    for name in (a, b):
        if name not in where:
            raise GroupingError(f"'{name}' is not in any group")
    out = [list(g) for g in groups]
    (ga, pa), (gb, pb) = where[a], where[b]
    out[ga][pa], out[gb][pb] = b, a
    return [tuple(g) for g in out]
