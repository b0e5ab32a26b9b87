"""Blocs: a partition of the signed alignment graph into groups that cooperate inside and clash across.

Signed community detection by structural balance (Harary): the partition minimises the frustration,
the sum of |score| over negative ties inside a bloc plus the sum of positive ties between blocs.
Each connected part of the graph starts from a two-colouring along its strongest ties (the enemy of
my friend is my enemy), then single actors move to the bloc (or a new one) that lowers their
frustration until none does. Moving to a new bloc must strictly help, so an actor with only hostile
ties stays opposite its adversaries rather than alone. The result is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx
import pandas as pd

from ..store.reader import EventFilter, StoreReader
from .alignment import Evidence, Weights, alignment_graph, evidence, scores, weigh, window


@dataclass(frozen=True)
class Tie:
    """A scored pair with the events that weigh most in its score."""

    a: str
    b: str
    score: float
    events: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Bloc:
    number: int
    members: tuple[str, ...]
    ties: tuple[Tie, ...]  # strongest cooperative ties inside the bloc


@dataclass(frozen=True)
class BlocStructure:
    blocs: tuple[Bloc, ...]
    oppositions: tuple[Tie, ...]  # strongest hostile ties between blocs
    frustration: float  # total |score| of the ties the partition cannot honour

    def bloc_of(self, actor: str) -> Bloc | None:
        """The bloc an actor belongs to, or None."""
        return next((bloc for bloc in self.blocs if actor in bloc.members), None)


def _cost(graph: nx.Graph, node: str, group: int, assignment: dict[str, int]) -> float:
    """The frustration of `node` when placed in `group`."""
    total = 0.0
    for neighbour, data in graph[node].items():
        same = assignment[neighbour] == group
        weight = data["weight"]
        if (weight < 0 and same) or (weight > 0 and not same):
            total += abs(weight)
    return total


def _two_colouring(graph: nx.Graph, nodes: list[str], offset: int) -> dict[str, int]:
    """Groups along a maximum spanning tree of |score|: same group across friends, other group across foes."""
    tree = nx.maximum_spanning_tree(graph.subgraph(nodes), weight="strength")
    root = max(sorted(nodes), key=lambda n: sum(abs(d["weight"]) for d in graph[n].values()))
    assignment = {root: offset}
    for parent, child in nx.bfs_edges(tree, root, sort_neighbors=sorted):
        same = graph[parent][child]["weight"] > 0
        assignment[child] = assignment[parent] if same else (offset + 1 if assignment[parent] == offset else offset)
    return assignment


def partition(graph: nx.Graph, rounds: int = 50) -> list[set[str]]:
    """The blocs of a signed graph (edge attribute `weight`), largest first."""
    for _, _, data in graph.edges(data=True):
        data["strength"] = abs(data["weight"])
    assignment: dict[str, int] = {}
    for number, component in enumerate(sorted(nx.connected_components(graph), key=lambda c: sorted(c))):
        assignment.update(_two_colouring(graph, sorted(component), 2 * number))
    for _ in range(rounds):
        moved = False
        for node in sorted(graph):
            groups = sorted({assignment[n] for n in graph[node]} | {assignment[node]})
            current = _cost(graph, node, assignment[node], assignment)
            best = min(groups, key=lambda g: (_cost(graph, node, g, assignment), g != assignment[node], g))
            if _cost(graph, node, best, assignment) < current:
                assignment[node], moved = best, True
            elif current > 0 and _cost(graph, node, -1, assignment) < current:
                assignment[node], moved = max(assignment.values()) + 1, True
        if not moved:
            break
    groups: dict[int, set[str]] = {}
    for node, group in assignment.items():
        groups.setdefault(group, set()).add(node)
    return sorted(groups.values(), key=lambda g: (-len(g), sorted(g)))


def frustration(graph: nx.Graph, groups: list[set[str]]) -> float:
    """The total |score| of ties the partition violates."""
    where = {node: i for i, group in enumerate(groups) for node in group}
    return sum(abs(d["weight"]) for a, b, d in graph.edges(data=True)
               if (d["weight"] < 0) == (where[a] == where[b]))


def _ties(weighted: pd.DataFrame, graph: nx.Graph, pairs: list[tuple[str, str]], sign: int, limit: int) -> tuple[Tie, ...]:
    """The strongest ties of one sign among `pairs`, each with its evidence."""
    chosen = [(a, b) for a, b in pairs if graph.has_edge(a, b) and (graph[a][b]["weight"] > 0) == (sign > 0)]
    chosen.sort(key=lambda p: (-abs(graph[p[0]][p[1]]["weight"]), p))
    return tuple(
        Tie(min(a, b), max(a, b), graph[a][b]["weight"], graph[a][b]["events"], tuple(evidence(weighted, a, b, 2, sign)))
        for a, b in chosen[:limit]
    )


def bloc_structure(weighted: pd.DataFrame, weights: Weights = Weights(), minimum: float = 0.02, ties: int = 3) -> BlocStructure:
    """Blocs of weighted story events, with the evidence of their strongest ties inside and across."""
    graph = alignment_graph(scores(weighted, weights), minimum)
    groups = partition(graph)
    blocs = []
    for number, group in enumerate(groups, start=1):
        members = sorted(group)
        inside = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
        blocs.append(Bloc(number, tuple(members), _ties(weighted, graph, inside, 1, ties)))
    across = [(a, b) for i, g in enumerate(groups) for h in groups[i + 1:] for a in sorted(g) for b in sorted(h)]
    return BlocStructure(tuple(blocs), _ties(weighted, graph, across, -1, ties * 2), frustration(graph, groups))


def blocs(reader: StoreReader, since: date | None = None, until: date | None = None,
          weights: Weights = Weights(), where: EventFilter = EventFilter(), minimum: float = 0.02) -> BlocStructure:
    """The blocs of the alignment graph over a window."""
    weighted = weigh(reader.story_events(window(since, until, where)), until, weights)
    return bloc_structure(weighted, weights, minimum)
