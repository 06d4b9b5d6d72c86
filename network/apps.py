from django.apps import AppConfig


class NetworkConfig(AppConfig):
    """The relations picture: on organisation pages and as the network page, /netzwerk/."""

    name = "network"
    verbose_name = "Netzwerk"
