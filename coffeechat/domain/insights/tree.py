"""The referral tree: who led to whom, as nested branches for a list that folds.

Depth 0 is a person nobody referred you to. Each level is in name order, so the same people
always read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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

    @property
    def waiting(self) -> bool:
        """A referral nobody has written to yet: a branch still worth following."""
        return self.parent is not None and not self.pursued


@dataclass(frozen=True, slots=True)
class Branch:
    person: PlacedPerson
    children: tuple[Branch, ...]

    @property
    def size(self) -> int:
        """Everyone below this person, however far down."""
        return sum(1 + child.size for child in self.children)


@dataclass(frozen=True, slots=True)
class TreeLayout:
    people: tuple[PlacedPerson, ...]  # level by level from the roots, each level in tree order
    branches: tuple[Branch, ...]  # the same people nested under whoever referred them
    depth: int  # the longest chain of referrals

    @property
    def waiting(self) -> tuple[PlacedPerson, ...]:
        return tuple(p for p in self.people if p.waiting)


def layout(people: Iterable[Person]) -> TreeLayout:
    """Place everyone. A parent outside the set, or a loop of referrals, starts a new root."""
    by_id = {p.id: p for p in people}
    children: dict[int | None, list[int]] = {}
    for p in sorted(by_id.values(), key=lambda p: (p.name.casefold(), p.id)):
        parent = p.parent if p.parent in by_id and not _in_loop(p.id, by_id) else None
        children.setdefault(parent, []).append(p.id)

    order: list[PlacedPerson] = []

    def grow(pid: int, parent: int | None, depth: int) -> Branch:
        p = by_id[pid]
        placed = PlacedPerson(p.id, p.name, parent, depth, p.pursued)
        order.append(placed)
        return Branch(placed, tuple(grow(kid, pid, depth + 1) for kid in children.get(pid, [])))

    branches = tuple(grow(root, None, 0) for root in children.get(None, []))
    rank = {p.id: i for i, p in enumerate(order)}
    people_out = tuple(sorted(order, key=lambda p: (p.depth, rank[p.id])))
    depth = max((p.depth for p in people_out), default=0)
    return TreeLayout(people=people_out, branches=branches, depth=depth)


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
