"""Data migrations on rows written by an earlier version."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@pytest.mark.django_db(transaction=True)
def test_organization_name_keys_are_recomputed_without_merging_anyone(alice: Any) -> None:
    executor = MigrationExecutor(connection)
    executor.migrate([("network", "0002_import_batches")])
    old = executor.loader.project_state([("network", "0002_import_batches")]).apps
    Organization = old.get_model("network", "Organization")
    # Keys as the first version computed them: letters with no ASCII form were dropped.
    Organization.objects.create(owner_id=alice.pk, name="Café 陈", name_key="cafe")
    Organization.objects.create(owner_id=alice.pk, name="Strasse Labs", name_key="strasse labs")
    Organization.objects.create(owner_id=alice.pk, name="Straße Labs", name_key="strae labs")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from coffeechat.network.models import Organization as Current

    keys = dict(Current.objects.filter(owner=alice).values_list("name", "name_key"))
    assert keys["Café 陈"] == "cafe 陈"
    assert keys["Strasse Labs"] == "strasse labs"
    assert keys["Straße Labs"] == "strae labs"  # would now clash: left for the merge page
