"""A LinkedIn `Connections.csv` as LinkedIn writes it: note lines, then the header, then rows."""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from coffeechat.demo import pools

HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
NOTE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    'connections to see or download their email address."\n'
    "\n"
)
# Names from many scripts: an export of a real network is rarely plain ASCII.
FIRST_NAMES = (
    *pools.FIRST_NAMES,
    "Zoë",
    "Łukasz",
    "José",
    "Søren",
    "Ngọc",
    "陈",
    "Aarav",
    "Zeynep",
)
LAST_NAMES = (*pools.LAST_NAMES, "Ñúñez", "Wiśniewski", "Müller", "Öztürk", "Nguyễn", "小明")


def connections_csv(rows: int, seed: int = 7, today: date = date(2026, 11, 21)) -> bytes:
    """`rows` distinct connections; about one in five shares an e-mail address."""
    rng = random.Random(seed)
    out = io.StringIO()
    out.write(NOTE)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for i in range(rows):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        slug = f"{first}-{last}-{i}".lower().encode("ascii", "ignore").decode() or f"member-{i}"
        writer.writerow(
            (
                first,
                last,
                f"https://www.linkedin.com/in/{slug}",
                f"{slug}@example.org" if rng.random() < 0.2 else "",
                f"{rng.choice(pools.ORG_STEMS)} {rng.choice(pools.ORG_KINDS)}",
                rng.choice(pools.TITLES),
                (today - timedelta(days=rng.randrange(0, 4000))).strftime("%d %b %Y"),
            )
        )
    return out.getvalue().encode("utf-8")
