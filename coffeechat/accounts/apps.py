from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_save


def _stamp_new_user(sender: Any, instance: Any, created: bool, raw: bool, **kwargs: Any) -> None:
    """Every user has a data stamp from the start (`coffeechat.common.stamps`)."""
    if created and not raw:
        from coffeechat.accounts.models import DataStamp

        DataStamp.objects.get_or_create(user=instance)


class AccountsConfig(AppConfig):
    name = "coffeechat.accounts"
    label = "accounts"

    def ready(self) -> None:
        post_save.connect(_stamp_new_user, sender=settings.AUTH_USER_MODEL)
