from django.db import models


class ContentStamp(models.Model):
    """
    The version of everything the public pages show, in one row.

    It lives in the database rather than in a cache: every gunicorn worker and every app
    server reads the same row, and it changes in the same transaction as the content, so a
    page read after a commit never finds an old stamp beside new content.
    """

    counter = models.BigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "Inhaltsstand"
        verbose_name_plural = "Inhaltsstände"

    def __str__(self):
        return f"{self.counter} ({self.changed_at:%Y-%m-%d %H:%M:%S})"

    @property
    def version(self):
        """
        Unique even when the counter repeats: a restore loads an older row, a flushed table
        starts it anew, a rolled-back test transaction takes its increments back.
        """
        return f"{self.counter}-{self.changed_at.timestamp():.6f}"


class ContentTag(models.Model):
    """
    The version of one part of the public content, such as one organisation or the list of
    organisations, so that an edit renews only the cached pages that show what it changed
    (pagecache/tags.py). The version is a random token, so a restored backup brings back
    pairs of content and version that belong together.
    """

    name = models.CharField(max_length=100, primary_key=True)
    version = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "Inhaltsteil"
        verbose_name_plural = "Inhaltsteile"

    def __str__(self):
        return self.name
