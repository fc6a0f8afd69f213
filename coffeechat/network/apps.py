from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NetworkConfig(AppConfig):
    name = "coffeechat.network"
    label = "network"

    def ready(self) -> None:
        from coffeechat.network.search import recheck_fts_table

        post_migrate.connect(recheck_fts_table, sender=self)
