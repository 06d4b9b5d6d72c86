import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def is_loopback(domain):
    """Whether a domain (a host, maybe with a port) names this machine only."""
    host = urlsplit(f"//{domain}").hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_site_domain(app_configs, **kwargs):
    """
    A production site whose Site row (set from SITE_DOMAIN on every start) names this
    machine sends editors' "view on site", sitemap.xml and the feeds to an address that
    no one else can reach.
    """
    if settings.DEBUG or not is_loopback(settings.SITE_DOMAIN):
        return []
    return [
        checks.Warning(
            f"The site's domain is the loopback address {settings.SITE_DOMAIN}.",
            hint="Set DJANGO_SITE_DOMAIN to the public address, e.g. verzeichnis.example.de, "
            "and run `manage.py set_site_domain`.",
            id="seo.W001",
        )
    ]
