"""Password hashes: Argon2id at the documented parameters, and older hashes upgraded on sign-in."""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher, extract_parameters
from django.contrib.auth.hashers import check_password, make_password

from coffeechat.accounts.hashers import CoffeechatArgon2PasswordHasher


def _parameters(encoded: str) -> Any:
    algorithm, rest = encoded.split("$", 1)
    assert algorithm == "argon2"
    return extract_parameters("$" + rest)


def test_new_hashes_use_19_mib_two_passes_and_one_lane() -> None:
    found = _parameters(make_password("correct horse battery"))
    assert (found.type.name, found.memory_cost, found.time_cost, found.parallelism) == (
        "ID",
        19_456,
        2,
        1,
    )
    assert check_password("correct horse battery", make_password("correct horse battery"))


def test_a_hash_made_with_djangos_defaults_still_signs_in_and_is_upgraded() -> None:
    old = "argon2" + PasswordHasher(time_cost=2, memory_cost=102_400, parallelism=8).hash("s3cret!")
    upgraded: list[str] = []
    assert check_password("s3cret!", old, setter=lambda raw: upgraded.append(make_password(raw)))
    assert upgraded and _parameters(upgraded[0]).memory_cost == 19_456
    assert CoffeechatArgon2PasswordHasher().must_update(old)
    assert not check_password("wrong", old)
