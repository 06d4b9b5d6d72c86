"""What every kind of entry that editors write shares, whichever app it belongs to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Whether visitors see an entry. New entries start as drafts."""

    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("Veröffentlicht")


class EditorialQuerySet(models.QuerySet):
    def published(self):
        """What visitors see: no drafts."""
        return self.filter(status=Status.PUBLISHED)


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

    class Meta:
        abstract = True

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
