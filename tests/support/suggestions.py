"""Filling in the public suggestion forms the way a visitor's browser does."""

import time

from suggestions.forms import started_token

CORRECTION_URL = "/organisationen/wirtschaftsregion-lausitz/aenderung-vorschlagen/"
NEW_ENTRY_URL = "/eintrag-vorschlagen/"
PERSON_CORRECTION_URL = "/ansprechpartner/jens-krause/aenderung-vorschlagen/"
BARRIER_URL = "/barriere-melden/"


def filled_in(response, **changes):
    """The form of the page as shown, sent after a visitor's usual time, with changes."""
    data = {}
    for field in response.context["form"]:
        value = field.value()
        if isinstance(value, list | tuple):
            value = [getattr(item, "pk", item) for item in value]
        if value is not None:
            data[field.html_name] = value
    data["started"] = started_token(time.time() - 10)
    data.update(changes)
    return data


def new_entry(**changes):
    """A complete new entry as a visitor would suggest it."""
    return {
        "name": "Lausitzer Solarinitiative",
        "category": "",
        "description": "Bürgerinnen und Bürger bauen Solaranlagen auf Dächern in Cottbus.",
        "website": "https://solar.example.org/",
        "started": started_token(time.time() - 10),
        **changes,
    }


def barrier_report(**changes):
    """A barrier as a visitor would report it."""
    return {
        "description": "Die Filter der Liste lassen sich mit dem Screenreader nicht erreichen.",
        "page": "/organisationen/",
        "started": started_token(time.time() - 10),
        **changes,
    }


def smtp_mailer(port, **options):
    """A MAILERS entry for an SMTP server on this machine."""
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": port, **options},
    }
