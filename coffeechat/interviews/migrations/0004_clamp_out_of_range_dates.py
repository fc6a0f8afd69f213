"""Move dates stored outside the range coffeechat now keeps (years 1900-2200) to its nearest edge.

Before forms, the API, the CLI and restore refused them, a meeting could be saved in year 9999
or year 1, and from then on Today, the actions API and every calendar file failed. Every date
and time column of coffeechat's own apps is repaired here, whatever the app (this migration
lives in `interviews` only because meetings were the usual victims). Dates inside the range are
not touched, so running it twice changes nothing.
"""

import datetime as dt

from django.db import migrations, models

APPS = ("accounts", "followups", "interviews", "network", "outreach")
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def clamp(apps, schema_editor):
    earliest_moment = dt.datetime.combine(EARLIEST, dt.time(), tzinfo=dt.UTC)
    latest_moment = dt.datetime.combine(LATEST, dt.time(12), tzinfo=dt.UTC)
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, models.DateTimeField):
                    low = earliest_moment
                    high, above = latest_moment, dt.datetime.combine(
                        LATEST + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC
                    )
                elif isinstance(field, models.DateField):
                    low, high, above = EARLIEST, LATEST, LATEST + dt.timedelta(days=1)
                else:
                    continue
                rows = model._base_manager.all()
                rows.filter(**{f"{field.name}__lt": low}).update(**{field.name: low})
                rows.filter(**{f"{field.name}__gte": above}).update(**{field.name: high})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_data_stamp"),
        ("followups", "0002_alter_actionstate_key_dailydigest"),
        ("interviews", "0003_meeting_started_at"),
        ("network", "0005_contacts_met_through_a_meeting"),
        ("outreach", "0003_messages_latest_first"),
    ]

    operations = [migrations.RunPython(clamp, migrations.RunPython.noop)]
