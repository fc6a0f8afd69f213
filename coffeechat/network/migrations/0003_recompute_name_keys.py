"""Recompute organizations' name keys with the shared `fold` (non-ASCII letters are kept).

A key that would now equal another organization's of the same owner is left as it was: the
two stay separate and the merge page can offer them to the person.
"""

from django.db import migrations


def recompute(apps, schema_editor):
    from coffeechat.network.models import name_key

    Organization = apps.get_model("network", "Organization")
    taken = set(Organization.objects.values_list("owner_id", "name_key"))
    for org in Organization.objects.only("id", "owner_id", "name", "name_key").iterator():
        key = name_key(org.name)
        if key != org.name_key and (org.owner_id, key) not in taken:
            taken.add((org.owner_id, key))
            Organization.objects.filter(pk=org.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [("network", "0002_import_batches")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
