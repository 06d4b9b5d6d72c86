"""A default database that cannot be reached, for in-process tests of the fault pages."""

import pytest
from django.db import connections

from .servers import free_port


@pytest.fixture
def database_down(django_db_blocker):
    """
    Swap the default connection for one to a database that is not there: a closed port on
    PostgreSQL, a file in a missing folder on SQLite. The test database itself is untouched.
    """
    working = connections["default"]
    broken = dict(working.settings_dict)
    if working.vendor == "postgresql":
        broken.update(HOST="127.0.0.1", PORT=str(free_port()))
    else:
        broken["NAME"] = "/nonexistent/lausitz/db.sqlite3"
    connections["default"] = type(working)(broken, "default")
    with django_db_blocker.unblock():
        yield
    connections["default"].close()
    connections["default"] = working
