"""What every kind of entry that editors write shares, whichever app it belongs to."""

import calendar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def months_before(moment, months):
    """The same day and time `months` months earlier; the month's last day where it is shorter."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last_day))


class Status(models.TextChoices):
    """Whether visitors see an entry. New entries start as drafts."""

    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("Veröffentlicht")


class EditorialQuerySet(models.QuerySet):
    def published(self):
        """What visitors see: no drafts."""
        return self.filter(status=Status.PUBLISHED)

    def verification_due(self):
        """
        Entries nobody verified in the last DIRECTORY_VERIFY_AFTER_MONTHS months, or never:
        what the editors should check next.
        """
        due_before = months_before(timezone.now(), settings.DIRECTORY_VERIFY_AFTER_MONTHS)
        return self.filter(
            models.Q(verified_at__isnull=True) | models.Q(verified_at__lt=due_before)
        )


class EditorialFields(models.Model):
    """What every entry editors write needs: publication state, edit-conflict version, times."""

    status = models.CharField(
        "Status",
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text="Nur veröffentlichte Einträge sehen Besucher; Entwürfe nur die Redaktion.",
    )
    # Optimistic locking: every save in the admin increments it, a stale form is refused.
    version = models.PositiveIntegerField("Bearbeitungsstand", default=1, editable=False)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)
    # When an editor last confirmed that the entry is still right, changed or not; pages show
    # it beside "zuletzt aktualisiert" (updated_at), which only says when someone edited it.
    verified_at = models.DateTimeField(
        "Zuletzt geprüft",
        null=True,
        blank=True,
        help_text="Wann die Redaktion den Eintrag zuletzt als richtig bestätigt hat "
        "(Aktion „Als geprüft markieren“).",
    )

    class Meta:
        abstract = True

    def mark_verified(self):
        """Records that an editor confirmed the entry now; its edit time stays as it is."""
        self.verified_at = timezone.now()
        self.save(update_fields=["verified_at"])

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED


class DemoDataField(models.BooleanField):
    """Marks rows `generate_demo_data` wrote, so that `remove_demo_data` finds them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("verbose_name", "Demodaten")
        kwargs.setdefault("default", False)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)


class SlugNaturalKeyManager(models.Manager):
    """Fixtures refer to rows by slug, so they load again without clashing."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SlugNaturalKeyModel(models.Model):
    objects = SlugNaturalKeyManager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)
