from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Invented entries for trying the site at scale: `generate_demo_data`, `remove_demo_data`."""

    name = "demo"
    verbose_name = "Demodaten"
