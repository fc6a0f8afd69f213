from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "coffeechat.network"
    label = "network"
