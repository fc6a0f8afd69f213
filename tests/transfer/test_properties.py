"""Random bytes through the import service: a clear refusal or a whole import, never half."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coffeechat.domain.importers import UnreadableFileError
from coffeechat.network.models import Contact, ImportBatch
from coffeechat.network.transfer.imports import run_import

HEADER = b"First Name,Last Name,Email,Company,Phone,Tags\n"
cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(
    lambda text: '"' + text.replace('"', '""') + '"'
)
csv_rows = st.lists(st.lists(cells, min_size=1, max_size=7), max_size=8).map(
    lambda rows: HEADER + "\n".join(",".join(row) for row in rows).encode("utf-8")
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.one_of(st.binary(max_size=400), csv_rows))
def test_random_files_never_crash_or_leave_partial_data(alice: Any, data: bytes) -> None:
    contacts, batches = Contact.objects.count(), ImportBatch.objects.count()
    try:
        summary = run_import(alice, data, filename="random.csv")
    except UnreadableFileError:
        assert (Contact.objects.count(), ImportBatch.objects.count()) == (contacts, batches)
        return
    added = summary.created + summary.possible_duplicates
    assert Contact.objects.count() == contacts + added
    assert ImportBatch.objects.count() == batches + 1
