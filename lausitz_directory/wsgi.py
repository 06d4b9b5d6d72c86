"""The WSGI application that gunicorn serves (see gunicorn.conf.py)."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lausitz_directory.settings")

application = get_wsgi_application()

if not os.environ.get("DJANGO_SECRET_KEY") and not settings.DEBUG:
    raise ImproperlyConfigured(settings.MISSING_SECRET_KEY_MESSAGE)
