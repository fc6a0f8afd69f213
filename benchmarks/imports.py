"""Import speed: a LinkedIn export through the real import service, against a plain-sqlite floor.

The floor reads the same bytes with `csv` and inserts the same rows with `sqlite3.executemany`
into a table built from the very DDL of `network_contact` (same columns, same indexes, same
PRAGMAs), so the ratio says what the service adds on top of parsing and writing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import datasets

# Runs in a child process with its own empty data folder: Django is set up there, not here.
_CHILD = """
import csv, io, json, sqlite3, sys, time, datetime as dt
from pathlib import Path
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.conf import settings
from coffeechat.accounts.services import create_user, personal_owner
from coffeechat.network.transfer import imports
from coffeechat.network.transfer.plan import plan_import
from benchmarks.connections import connections_csv

rows = int(sys.argv[1])
data = connections_csv(rows)
start = time.perf_counter()
summary = imports.run_import(personal_owner(), data, filename="Connections.csv")
service = time.perf_counter() - start

# The same work in its three steps, for a second (empty) account: where the time goes.
other = create_user("benchmark-phases")
t0 = time.perf_counter()
result = imports.read_file(data, filename="Connections.csv")
t1 = time.perf_counter()
plan = plan_import(other, result, "US")
t2 = time.perf_counter()
imports.apply(other, plan, "Connections.csv")
t3 = time.perf_counter()

source = sqlite3.connect(Path(settings.DATA_DIR) / "coffeechat.sqlite3")
ddl = [sql for (sql,) in source.execute(
    "SELECT sql FROM sqlite_master WHERE tbl_name = 'network_contact' AND sql IS NOT NULL"
    " AND type IN ('table', 'index')"
)]
columns = [name for _, name, *_ in source.execute("PRAGMA table_info(network_contact)")]
source.close()

floor_db = Path(settings.DATA_DIR) / "floor.sqlite3"
start = time.perf_counter()
db = sqlite3.connect(floor_db, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
for statement in ddl:
    db.execute(statement)
text = data.decode("utf-8")
lines = io.StringIO(text[text.index("First Name,"):])
now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
defaults = {name: "" for name in columns}
defaults.update(id=None, owner_id=1, created_at=now, updated_at=now, organization_id=None,
    referred_by_id=None, referred_in_id=None, imported_in_id=None, connected_on=None,
    do_not_contact=0, shortlisted=0, how_found="linkedin", responsiveness="unknown")
values = []
for row in csv.DictReader(lines):
    record = dict(defaults, first_name=row["First Name"], last_name=row["Last Name"],
        linkedin_url=row["URL"], email=row["Email Address"], title=row["Position"],
        connected_on=dt.datetime.strptime(row["Connected On"], "%d %b %Y").date().isoformat())
    values.append(tuple(record[name] for name in columns))
db.execute("BEGIN")
db.executemany(
    f"INSERT INTO network_contact ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
    values,
)
db.execute("COMMIT")
floor = time.perf_counter() - start
db.close()
print(json.dumps({
    "rows": rows, "created": summary.created, "service_s": service, "floor_s": floor,
    "read_s": t1 - t0, "plan_s": t2 - t1, "apply_s": t3 - t2,
}))
"""


def measure(rows: int, work: Path) -> dict[str, Any]:
    """Seconds for `rows` connections through `run_import`, and for the floor, in one run."""
    folder = work / f"import-{rows}"
    folder.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = datasets.run_child(_CHILD, folder, str(rows))
    result["rows_per_s"] = rows / result["service_s"]
    result["floor_rows_per_s"] = rows / result["floor_s"]
    result["ratio"] = result["service_s"] / result["floor_s"]
    return result


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory(prefix="coffeechat-import-") as tmp:
        print(
            json.dumps(measure(int(sys.argv[1]) if sys.argv[1:] else 30_000, Path(tmp)), indent=2)
        )
