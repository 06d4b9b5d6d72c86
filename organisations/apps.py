from django.apps import AppConfig
from django.db.backends.signals import connection_created


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = "Verzeichnis"

    def ready(self):
        from . import signals  # noqa: F401 (connects the receivers)
        from .search.text import register_sqlite_fold_function

        connection_created.connect(register_sqlite_fold_function)
