from hypothesis import given
from hypothesis import strategies as st

from coffeechat.domain.insights import Person, first_people, layout


def test_a_chain_and_a_branch_with_depth_and_waiting_people():
    tree = layout(
        [
            Person(1, "Priya", None, True),
            Person(2, "Lena", 1, True),
            Person(3, "Omar", 2, False),
            Person(4, "Ken", None, True),
            Person(5, "Zoe", 4, False),
        ]
    )
    by_id = {p.id: p for p in tree.people}
    assert tree.depth == 2
    assert [by_id[i].depth for i in (1, 2, 3, 4, 5)] == [0, 1, 2, 0, 1]
    assert {p.name for p in tree.waiting} == {"Omar", "Zoe"}
    assert [p.name for p in tree.people] == ["Ken", "Priya", "Zoe", "Lena", "Omar"]


def test_a_loop_of_referrals_does_not_hang_and_keeps_everyone():
    tree = layout([Person(1, "A", 2, True), Person(2, "B", 1, True), Person(3, "C", 1, False)])
    assert {p.id for p in tree.people} == {1, 2, 3}
    assert {p.id for p in tree.people if p.parent is None} == {1, 2}


def test_roots_are_never_waiting():
    tree = layout([Person(1, "Maximiliana Featherstonehaugh", None, False)])
    assert tree.waiting == ()


def test_branches_nest_everyone_under_who_referred_them_left_to_right():
    tree = layout(
        [
            Person(1, "Ana", None, True),
            Person(2, "Ben", 1, True),
            Person(3, "Cleo", 2, False),
            Person(4, "Dev", 1, True),
            Person(5, "Eli", None, True),
        ]
    )
    ana, eli = tree.branches
    assert (ana.person.name, eli.person.name) == ("Ana", "Eli") and eli.children == ()
    assert [b.person.name for b in ana.children] == ["Ben", "Dev"]
    assert [b.person.name for b in ana.children[0].children] == ["Cleo"]
    assert ana.size == 3 and ana.children[0].size == 1 and eli.size == 0


def test_an_empty_tree():
    tree = layout([])
    assert tree.people == () and tree.branches == () and tree.depth == 0


@given(st.lists(st.integers(0, 30), min_size=1, max_size=30))
def test_everyone_is_placed_once_under_their_parent(parents):
    people = [Person(i + 1, f"P{i}", p or None, bool(p % 2)) for i, p in enumerate(parents)]
    tree = layout(people)
    assert sorted(p.id for p in tree.people) == [p.id for p in people]

    def walk(branches, parent, depth):
        for b in branches:
            assert b.person.parent == parent and b.person.depth == depth
            yield b.person.id
            yield from walk(b.children, b.person.id, depth + 1)

    assert sorted(walk(tree.branches, None, 0)) == [p.id for p in people]
    assert sum(1 + b.size for b in tree.branches) == len(people)


def test_the_first_people_are_a_tree_led_by_chains_someone_waits_in():
    people = [
        Person(1, "Ada", None, True),
        Person(2, "Bo", 1, True),
        Person(3, "Cy", 2, True),
        Person(10, "Zed", None, True),
        Person(11, "Yan", 10, False),  # suggested to you, not contacted yet
    ]
    chosen = first_people(people, 3)
    assert [p.id for p in chosen] == [10, 1, 11]  # the waiting chain first, level by level
    ids = {p.id for p in chosen}
    assert all(p.parent is None or p.parent in ids for p in chosen)
    assert len(first_people(people, 100)) == 5


@given(st.lists(st.integers(min_value=0, max_value=30), max_size=60), st.integers(0, 40))
def test_the_first_people_never_lose_a_parent(parents, limit):
    people = [
        Person(i, f"p{i}", parent if parent < i else None, i % 3 == 0)
        for i, parent in enumerate(parents)
    ]
    chosen = first_people(people, limit)
    ids = {p.id for p in chosen}
    assert len(chosen) == min(limit, len(people))
    assert all(p.parent is None or p.parent in ids for p in chosen)
