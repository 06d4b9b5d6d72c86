from dataclasses import fields

from django.db import models
from django.utils import timezone

from organisations.models import Organisation

from . import checker


class LinkCheckQuerySet(models.QuerySet):
    def broken(self):
        """Websites that did not answer with a page, directly or after redirects."""
        return self.exclude(status__in=LinkCheck.WORKING)


class LinkCheck(models.Model):
    """The latest check of an organisation's website (`manage.py check_links`)."""

    class Status(models.TextChoices):
        OK = checker.Status.OK, "In Ordnung"
        REDIRECT = checker.Status.REDIRECT, "Weiterleitung"
        NOT_FOUND = checker.Status.NOT_FOUND, "Nicht gefunden (404)"
        HTTP_ERROR = checker.Status.HTTP_ERROR, "HTTP-Fehler"
        TIMEOUT = checker.Status.TIMEOUT, "Zeitüberschreitung"
        DNS = checker.Status.DNS, "Name nicht gefunden"
        TLS = checker.Status.TLS, "TLS-Fehler"
        REFUSED = checker.Status.REFUSED, "Verbindung abgelehnt"
        INVALID_SCHEME = checker.Status.INVALID_SCHEME, "Keine http- oder https-Adresse"
        ERROR = checker.Status.ERROR, "Anderer Fehler"

    # A redirect still leads to a page; the editors may want to update the address, though.
    WORKING = [Status.OK, Status.REDIRECT]

    organisation = models.OneToOneField(
        Organisation,
        verbose_name="Organisation",
        on_delete=models.CASCADE,
        related_name="link_check",
    )
    url = models.URLField("Geprüfte Adresse", max_length=2000)
    checked_at = models.DateTimeField("Geprüft am")
    status = models.CharField("Ergebnis", max_length=20, choices=Status.choices)
    http_status = models.PositiveSmallIntegerField("HTTP-Status", null=True, blank=True)
    final_url = models.CharField("Endgültige Adresse", max_length=2000, blank=True)
    redirects = models.PositiveSmallIntegerField("Weiterleitungen", default=0)
    message = models.CharField("Meldung", max_length=500, blank=True)

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = "Linkprüfung"
        verbose_name_plural = "Linkprüfungen"

    def __str__(self):
        return f"{self.organisation}: {self.get_status_display()}"

    @classmethod
    def record(cls, organisation, outcome):
        """Keeps the outcome of checking the organisation's website, in place of the last one."""
        check, _ = cls.objects.update_or_create(
            organisation=organisation,
            defaults={
                "url": organisation.website,
                "checked_at": timezone.now(),
                **{field.name: getattr(outcome, field.name) for field in fields(outcome)},
            },
        )
        return check

    @property
    def is_broken(self):
        return self.status not in self.WORKING

    @property
    def summary(self):
        """The result in a few words, as the command and the admin's list show it."""
        if self.status == self.Status.REDIRECT:
            return f"Weiterleitung nach {self.final_url} ({self.redirects}×)"
        if self.message:
            return f"{self.get_status_display()}: {self.message}"
        return self.get_status_display()
