"""The referral tree: who led to whom, laid out for an SVG drawing.

Leaves take one column each from left to right; a parent sits centred above its children, so
the drawing never crosses an edge. Depth 0 is a person nobody referred you to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

COLUMN = 120  # horizontal space per leaf, in SVG units
ROW = 80  # vertical space per generation
MARGIN = 60


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    parent: int | None
    pursued: bool  # a request was sent or a conversation booked


@dataclass(frozen=True, slots=True)
class PlacedPerson:
    id: int
    name: str
    parent: int | None
    depth: int
    pursued: bool
    x: float
    y: float

    @property
    def waiting(self) -> bool:
        """A referral nobody has written to yet: a branch still worth following."""
        return self.parent is not None and not self.pursued


@dataclass(frozen=True, slots=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True, slots=True)
class TreeLayout:
    people: tuple[PlacedPerson, ...]
    edges: tuple[Edge, ...]
    width: float
    height: float
    depth: int  # the longest chain of referrals

    @property
    def waiting(self) -> tuple[PlacedPerson, ...]:
        return tuple(p for p in self.people if p.waiting)

    @property
    def branches(self) -> tuple[Branch, ...]:
        """The people nested under whoever referred them, each level left to right as drawn:
        what a list of folding branches shows."""
        below: dict[int | None, list[PlacedPerson]] = {}
        for p in sorted(self.people, key=lambda p: p.x):
            below.setdefault(p.parent, []).append(p)

        def grow(person: PlacedPerson) -> Branch:
            return Branch(person, tuple(grow(kid) for kid in below.get(person.id, [])))

        return tuple(grow(root) for root in below.get(None, []))


@dataclass(frozen=True, slots=True)
class Branch:
    person: PlacedPerson
    children: tuple[Branch, ...]

    @property
    def size(self) -> int:
        """Everyone below this person, however far down."""
        return sum(1 + child.size for child in self.children)


def layout(people: Iterable[Person]) -> TreeLayout:
    """Place everyone. A parent outside the set, or a loop of referrals, starts a new root."""
    by_id = {p.id: p for p in people}
    children: dict[int | None, list[int]] = {}
    for p in sorted(by_id.values(), key=lambda p: (p.name.casefold(), p.id)):
        parent = p.parent if p.parent in by_id and not _in_loop(p.id, by_id) else None
        children.setdefault(parent, []).append(p.id)

    roots = set(children.get(None, []))
    placed: dict[int, PlacedPerson] = {}
    next_column = 0

    def place(pid: int, depth: int) -> float:
        nonlocal next_column
        kids = children.get(pid, [])
        if kids:
            xs = [place(kid, depth + 1) for kid in kids]
            x = (xs[0] + xs[-1]) / 2
        else:
            x = MARGIN + next_column * COLUMN
            next_column += 1
        p = by_id[pid]
        parent = None if pid in roots else p.parent
        y = MARGIN / 2 + depth * ROW
        placed[pid] = PlacedPerson(p.id, p.name, parent, depth, p.pursued, x, y)
        return x

    for root in children.get(None, []):
        place(root, 0)

    people_out = tuple(sorted(placed.values(), key=lambda p: (p.depth, p.x)))
    edges = tuple(
        Edge(placed[p.parent].x, placed[p.parent].y, p.x, p.y)
        for p in people_out
        if p.parent is not None
    )
    depth = max((p.depth for p in people_out), default=0)
    return TreeLayout(
        people=people_out,
        edges=edges,
        width=max(next_column, 1) * COLUMN + MARGIN,
        height=(depth + 1) * ROW + MARGIN / 2,
        depth=depth,
    )


def _in_loop(pid: int, by_id: dict[int, Person]) -> bool:
    """True when following `parent` links from `pid` comes back to `pid`."""
    seen: set[int] = set()
    current = by_id[pid].parent
    while current in by_id and current not in seen:
        if current == pid:
            return True
        seen.add(current)
        current = by_id[current].parent
    return False


def first_people(people: Iterable[Person], limit: int) -> list[Person]:
    """At most `limit` people, whole levels first from the roots, so every parent shown comes
    before its children and the part drawn is still a tree. Chains with someone not yet
    contacted come first: that is what the reader can act on."""
    by_id = {p.id: p for p in people}
    children: dict[int | None, list[Person]] = {}
    for p in sorted(by_id.values(), key=lambda p: (p.name.casefold(), p.id)):
        parent = p.parent if p.parent in by_id and not _in_loop(p.id, by_id) else None
        children.setdefault(parent, []).append(p)

    def waiting_below(root: Person) -> bool:
        stack = [root]
        while stack:
            person = stack.pop()
            if not person.pursued and person.parent is not None:
                return True
            stack.extend(children.get(person.id, []))
        return False

    queue = sorted(children.get(None, []), key=lambda root: not waiting_below(root))
    chosen: list[Person] = []
    while queue and len(chosen) < limit:
        person = queue.pop(0)
        chosen.append(person)
        queue.extend(children.get(person.id, []))
    return chosen
