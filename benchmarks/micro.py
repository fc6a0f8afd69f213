"""In-process figures: the message checker, the agenda planner, and start-up time."""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

SAMPLE = (
    "I am a third year student in environmental studies at Lakeside University and I found "
    "your name through the alumni network while reading about your work on urban water "
    "systems at Harbor Analytics where your team has been modelling flood risk for the city "
    "would you be willing to share twenty minutes of advice about how you moved into the field "
    "and what skills matter most for someone starting out I will follow up next week by phone"
)
WORDS = tuple(SAMPLE.split())


def message(words: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    body = " ".join(rng.choice(WORDS) for _ in range(words))
    return body[0].upper() + body[1:] + "?"


def message_with_unknown_words(words: int, unknown: int, seed: int) -> str:
    """A message with `unknown` made-up words (names, jargon, typos) the checker has not seen,
    so its spelling caches don't help."""
    rng = random.Random(seed)
    body = message(words, seed).split()
    for index in rng.sample(range(1, len(body) - 1), unknown):
        body[index] = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(9))
    return " ".join(body)


def checker_ms_per_message(repeats: int) -> float:
    """Milliseconds to check a 300-word message, each one new and with ten unknown words."""
    from coffeechat.domain.checker import CheckContext, check

    context = CheckContext(kind="request", channel="email", subject="A question")
    check(message(300), context)  # load the dictionary once, as a running server has
    texts = [message_with_unknown_words(300, 10, seed) for seed in range(repeats)]
    start = time.perf_counter()
    for text in texts:
        check(text, context)
    return (time.perf_counter() - start) * 1000 / repeats


def planner_per_second(repeats: int) -> float:
    from coffeechat.domain.questions import BUILTIN_QUESTIONS, PlanContext, plan

    context = PlanContext(has_organization=True, organization="Harbor Analytics")
    start = time.perf_counter()
    for i in range(repeats):
        plan(BUILTIN_QUESTIONS, (15, 20, 30, 45)[i % 4], context)
    return repeats / (time.perf_counter() - start)


def wall_ms(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, env=env)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def startup(runs: int, env: dict[str, str]) -> dict[str, float]:
    coffeechat = str(Path(sys.executable).with_name("coffeechat"))
    subprocess.run([coffeechat, "manage", "migrate", "-v0"], check=True, env=env)
    floor = wall_ms([sys.executable, "-c", "pass"], runs, env)
    help_ms = wall_ms([coffeechat, "--help"], runs, env)
    today_ms = wall_ms([coffeechat, "today"], runs, env)
    return {
        "python_ms": floor,
        "help_ms": help_ms,
        "help_ratio": help_ms / floor,
        "today_ms": today_ms,
        "today_ratio": today_ms / floor,
    }
