from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from editorial.translation import TranslatableMixin, translated_field

# The row the data migration creates; the constraint keeps it the only one.
SINGLETON_PK = 1
PRESET = "Vorbelegt; bitte von der Herausgeberin bestätigen lassen."
MISSING = "Die Quelle nennt das nicht; bitte von der Herausgeberin ergänzen lassen."


class Licence(models.TextChoices):
    """Common open licences, stored as their URI in the DCAT-AP.de licence vocabulary."""

    DL_DE_BY_2_0 = (
        "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
        _("Datenlizenz Deutschland – Namensnennung – Version 2.0"),
    )
    DL_DE_ZERO_2_0 = (
        "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
        _("Datenlizenz Deutschland – Zero – Version 2.0"),
    )
    CC_BY_4_0 = (
        "http://dcat-ap.de/def/licenses/cc-by/4.0",
        _("Creative Commons Namensnennung 4.0 International (CC BY 4.0)"),
    )
    CC0_1_0 = (
        "http://dcat-ap.de/def/licenses/cc-zero",
        _("Creative Commons Zero 1.0 (CC0)"),
    )


@dataclass(frozen=True)
class LicenceText:
    spdx_id: str
    url: str


# The licence texts people read, and the SPDX identifiers that Data Packages name licences by.
LICENCE_TEXTS = {
    Licence.DL_DE_BY_2_0: LicenceText("DL-DE-BY-2.0", "https://www.govdata.de/dl-de/by-2-0"),
    Licence.DL_DE_ZERO_2_0: LicenceText("DL-DE-ZERO-2.0", "https://www.govdata.de/dl-de/zero-2-0"),
    Licence.CC_BY_4_0: LicenceText("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    Licence.CC0_1_0: LicenceText("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}


class Theme(models.TextChoices):
    """Data themes of the EU vocabulary that DCAT-AP.de uses for dcat:theme."""

    REGIONS = (
        "http://publications.europa.eu/resource/authority/data-theme/REGI",
        _("Regionen und Städte"),
    )
    ECONOMY = (
        "http://publications.europa.eu/resource/authority/data-theme/ECON",
        _("Wirtschaft und Finanzen"),
    )
    SOCIETY = (
        "http://publications.europa.eu/resource/authority/data-theme/SOCI",
        _("Bevölkerung und Gesellschaft"),
    )


class DatasetPublicationManager(models.Manager):
    def current(self):
        """The one row; created with its defaults should it be missing (e.g. after a flush)."""
        return self.get_or_create(pk=SINGLETON_PK)[0]


class DatasetPublication(TranslatableMixin, models.Model):
    """How the directory is published as an open data set: what portals and licence notes read."""

    title = models.CharField(
        "Titel",
        max_length=200,
        default="Lausitz-Verzeichnis: Netzwerke, Initiativen und Projektträger im Strukturwandel",
        help_text=PRESET,
    )
    title_en = models.CharField(
        "Titel (englisch)",
        max_length=200,
        blank=True,
        default="Lausitz directory: networks, initiatives and project sponsors in the structural "
        "change",
    )
    description = models.TextField(
        "Beschreibung",
        default="Die Netzwerke, Initiativen und Projektträger, die den Strukturwandel der "
        "Lausitz tragen, mit Kategorie, Region, Themen, Beziehungen untereinander und "
        "Ansprechpartnern. Grundlage ist die Seite „Netzwerke, Initiativen, Projektträger im "
        "Strukturwandel“ der IHK Cottbus.",
        help_text=PRESET,
    )
    description_en = models.TextField(
        "Beschreibung (englisch)",
        blank=True,
        default="The networks, initiatives and project sponsors that carry the structural "
        "change of Lusatia, with category, region, topics, relations between them and contact "
        "persons. Based on the page “Netzwerke, Initiativen, Projektträger im Strukturwandel” "
        "of the IHK Cottbus.",
    )
    publisher_name = models.CharField(
        "Herausgeber",
        max_length=200,
        default="IHK Cottbus",
        help_text="Vorbelegt mit der IHK Cottbus, von der die Quellseite stammt; bitte von der "
        "Kammer bestätigen lassen.",
    )
    publisher_url = models.URLField("Website des Herausgebers", blank=True, help_text=MISSING)
    contact_email = models.EmailField(
        "Kontakt-E-Mail für den Datensatz", blank=True, help_text=MISSING
    )
    licence = models.CharField(
        "Lizenz",
        max_length=100,
        choices=Licence.choices,
        default=Licence.DL_DE_BY_2_0,
        help_text="Vorbelegt mit der Datenlizenz Deutschland – Namensnennung 2.0, weil die "
        "Beschreibungen Texte der Quelle sind; bitte von der Herausgeberin bestätigen lassen.",
    )
    attribution_text = models.CharField(
        "Namensnennung",
        max_length=300,
        default="IHK Cottbus, Lausitz-Verzeichnis",
        help_text=f"So nennen Nutzer die Quelle (dcatde:licenseAttributionByText). {PRESET}",
    )
    keywords = models.CharField(
        "Schlagwörter",
        max_length=300,
        default="Lausitz, Strukturwandel, Netzwerke, Initiativen, Projektträger",
        help_text="Durch Kommas getrennt.",
    )
    spatial = models.CharField("Raumbezug", max_length=100, default="Lausitz")
    theme = models.CharField(
        "Thema (EU-Vokabular)", max_length=100, choices=Theme.choices, default=Theme.REGIONS
    )
    is_confirmed = models.BooleanField(
        "Von der Herausgeberin bestätigt",
        default=False,
        help_text="Erst ankreuzen, wenn die Kammer Herausgeber, Lizenz und Kontakt bestätigt "
        "hat. Bis dahin nennt die Seite „Offene Daten“ diese Angaben vorläufig.",
    )

    objects = DatasetPublicationManager()

    class Meta:
        verbose_name = "Veröffentlichung als offene Daten"
        verbose_name_plural = "Veröffentlichung als offene Daten"
        constraints = [
            models.CheckConstraint(
                condition=Q(pk=SINGLETON_PK),
                name="dataset_publication_singleton",
                violation_error_message="Es gibt nur eine Veröffentlichung des Datensatzes.",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("opendata:index")

    display_title = translated_field("title")

    display_description = translated_field("description")

    @property
    def licence_text(self):
        return LICENCE_TEXTS[self.licence]

    @property
    def keyword_list(self):
        return [keyword.strip() for keyword in self.keywords.split(",") if keyword.strip()]
