"""
Invented directory entries for trying the site at scale (`generate_demo_data`,
`remove_demo_data`).

Names, descriptions and people are assembled from the word lists below by a seeded random
generator, so the same seed gives the same entries. Places, federal states and districts are
real, so that filters behave as they do with real data. Nothing points at anyone real:
websites and e-mail addresses use the reserved `.example` domain, and phone numbers come from
the blocks the Bundesnetzagentur keeps free for film and television.

Every row written here is marked `is_demo`. Rows are written with bulk_create, which sends no
signals: the search text is filled in here, and the commands mark the page cache stale.
"""

import functools
import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from django.db import connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from contacts.models import ContactPerson, ContactRole
from organisations.models import (
    Category,
    District,
    FederalState,
    LegalForm,
    Organisation,
    Relation,
    Status,
    Topic,
)
from organisations.search.text import search_document

DEFAULT_SEED = 2026
BATCH_SIZE = 1000
CATEGORY_SLUGS = ("netzwerk", "initiative", "projekttraeger")

# --- Real places -------------------------------------------------------------------------

STATES = {
    "berlin": "Berlin",
    "brandenburg": "Brandenburg",
    "sachsen": "Sachsen",
    "sachsen-anhalt": "Sachsen-Anhalt",
    "thueringen": "Thüringen",
    "nordrhein-westfalen": "Nordrhein-Westfalen",
}

RURAL = District.Kind.RURAL_DISTRICT
CITY = District.Kind.INDEPENDENT_CITY

# slug: (name, kind, state); the Lausitz and the two other lignite regions, and their cities.
DISTRICTS = {
    "cottbus": ("Cottbus", CITY, "brandenburg"),
    "dahme-spreewald": ("Dahme-Spreewald", RURAL, "brandenburg"),
    "elbe-elster": ("Elbe-Elster", RURAL, "brandenburg"),
    "oberspreewald-lausitz": ("Oberspreewald-Lausitz", RURAL, "brandenburg"),
    "spree-neisse": ("Spree-Neiße", RURAL, "brandenburg"),
    "oder-spree": ("Oder-Spree", RURAL, "brandenburg"),
    "teltow-flaeming": ("Teltow-Fläming", RURAL, "brandenburg"),
    "frankfurt-oder": ("Frankfurt (Oder)", CITY, "brandenburg"),
    "potsdam": ("Potsdam", CITY, "brandenburg"),
    "bautzen": ("Bautzen", RURAL, "sachsen"),
    "goerlitz": ("Görlitz", RURAL, "sachsen"),
    "meissen": ("Meißen", RURAL, "sachsen"),
    "saechsische-schweiz-osterzgebirge": ("Sächsische Schweiz-Osterzgebirge", RURAL, "sachsen"),
    "landkreis-leipzig": ("Landkreis Leipzig", RURAL, "sachsen"),
    "nordsachsen": ("Nordsachsen", RURAL, "sachsen"),
    "dresden": ("Dresden", CITY, "sachsen"),
    "leipzig": ("Leipzig", CITY, "sachsen"),
    "chemnitz": ("Chemnitz", CITY, "sachsen"),
    "burgenlandkreis": ("Burgenlandkreis", RURAL, "sachsen-anhalt"),
    "saalekreis": ("Saalekreis", RURAL, "sachsen-anhalt"),
    "anhalt-bitterfeld": ("Anhalt-Bitterfeld", RURAL, "sachsen-anhalt"),
    "mansfeld-suedharz": ("Mansfeld-Südharz", RURAL, "sachsen-anhalt"),
    "halle-saale": ("Halle (Saale)", CITY, "sachsen-anhalt"),
    "altenburger-land": ("Altenburger Land", RURAL, "thueringen"),
    "rhein-erft-kreis": ("Rhein-Erft-Kreis", RURAL, "nordrhein-westfalen"),
    "rhein-kreis-neuss": ("Rhein-Kreis Neuss", RURAL, "nordrhein-westfalen"),
    "kreis-dueren": ("Kreis Düren", RURAL, "nordrhein-westfalen"),
    "kreis-heinsberg": ("Kreis Heinsberg", RURAL, "nordrhein-westfalen"),
    "kreis-euskirchen": ("Kreis Euskirchen", RURAL, "nordrhein-westfalen"),
    "staedteregion-aachen": ("Städteregion Aachen", RURAL, "nordrhein-westfalen"),
    "moenchengladbach": ("Mönchengladbach", CITY, "nordrhein-westfalen"),
}


@dataclass(frozen=True)
class Place:
    """A town or region that names appear with, and the districts it lies in."""

    name: str
    districts: tuple[str, ...]
    # Dative article for regions ("in der Lausitz", "aus dem Spreewald"); towns take none.
    article: str = ""
    # The invariable adjective of a town or region ("Görlitzer"), for names like
    # "Görlitzer Energieforum".
    adjective: str = ""
    # Places in the Lausitz come up more often: it is the directory's home region.
    weight: int = 1
    extra_states: tuple[str, ...] = ()

    @property
    def states(self):
        found = [DISTRICTS[slug][2] for slug in self.districts] + list(self.extra_states)
        return tuple(dict.fromkeys(found))

    def phrase(self, preposition):
        """ "in Cottbus", "in der Lausitz", "im Spreewald", "aus dem Spreewald"."""
        if not self.article:
            return f"{preposition} {self.name}"
        if preposition == "in" and self.article == "dem":
            return f"im {self.name}"
        return f"{preposition} {self.article} {self.name}"


LAUSITZ = ("cottbus", "spree-neisse", "oberspreewald-lausitz", "goerlitz", "bautzen")
NIEDERLAUSITZ = ("cottbus", "spree-neisse", "oberspreewald-lausitz", "elbe-elster")
MITTELDEUTSCHLAND = ("leipzig", "landkreis-leipzig", "burgenlandkreis", "saalekreis")
RHEINLAND = ("rhein-erft-kreis", "kreis-dueren", "rhein-kreis-neuss", "kreis-heinsberg")

PLACES = [
    Place("Lausitz", LAUSITZ, "der", "Lausitzer", 6),
    Place("Niederlausitz", NIEDERLAUSITZ, "der", "Niederlausitzer", 4),
    Place("Oberlausitz", ("goerlitz", "bautzen"), "der", "Oberlausitzer", 4),
    Place("Spreewald", ("dahme-spreewald", "oberspreewald-lausitz"), "dem", "Spreewälder", 3),
    Place("Lausitzer Seenland", ("oberspreewald-lausitz", "bautzen"), "dem", weight=3),
    Place("Neißetal", ("goerlitz", "spree-neisse"), "dem", weight=2),
    Place("Muskauer Faltenbogen", ("goerlitz", "spree-neisse"), "dem", weight=2),
    Place("Zittauer Gebirge", ("goerlitz",), "dem", weight=2),
    Place("Cottbus", ("cottbus",), adjective="Cottbuser", weight=5),
    Place("Görlitz", ("goerlitz",), adjective="Görlitzer", weight=5),
    Place("Hoyerswerda", ("bautzen",), adjective="Hoyerswerdaer", weight=4),
    Place("Weißwasser", ("goerlitz",), weight=4),
    Place("Spremberg", ("spree-neisse",), adjective="Spremberger", weight=3),
    Place("Guben", ("spree-neisse",), adjective="Gubener", weight=3),
    Place("Forst", ("spree-neisse",), adjective="Forster", weight=3),
    Place("Senftenberg", ("oberspreewald-lausitz",), adjective="Senftenberger", weight=3),
    Place("Lübbenau", ("oberspreewald-lausitz",), adjective="Lübbenauer", weight=2),
    Place("Lübben", ("dahme-spreewald",), adjective="Lübbener", weight=2),
    Place("Luckau", ("dahme-spreewald",), adjective="Luckauer", weight=2),
    Place("Bautzen", ("bautzen",), adjective="Bautzener", weight=4),
    Place("Kamenz", ("bautzen",), adjective="Kamenzer", weight=2),
    Place("Zittau", ("goerlitz",), adjective="Zittauer", weight=3),
    Place("Löbau", ("goerlitz",), adjective="Löbauer", weight=2),
    Place("Niesky", ("goerlitz",), adjective="Nieskyer", weight=2),
    Place("Bad Muskau", ("goerlitz",), weight=2),
    Place("Finsterwalde", ("elbe-elster",), adjective="Finsterwalder", weight=2),
    Place("Elsterwerda", ("elbe-elster",), weight=2),
    Place("Herzberg", ("elbe-elster",), adjective="Herzberger", weight=2),
    Place("Lauchhammer", ("oberspreewald-lausitz",), weight=2),
    Place("Großräschen", ("oberspreewald-lausitz",), weight=2),
    Place("Schwarzheide", ("oberspreewald-lausitz",), weight=2),
    Place("Calau", ("oberspreewald-lausitz",), weight=2),
    Place("Vetschau", ("oberspreewald-lausitz",), weight=2),
    Place("Peitz", ("spree-neisse",), weight=2),
    Place("Welzow", ("spree-neisse",), weight=2),
    Place("Drebkau", ("spree-neisse",), weight=2),
    Place("Döbern", ("spree-neisse",), weight=2),
    Place("Boxberg", ("goerlitz",), weight=2),
    Place("Rothenburg", ("goerlitz",), weight=2),
    Place("Herrnhut", ("goerlitz",), weight=2),
    Place("Bischofswerda", ("bautzen",), weight=2),
    Place("Lauta", ("bautzen",), weight=2),
    Place("Wittichenau", ("bautzen",), weight=2),
    Place("Doberlug-Kirchhain", ("elbe-elster",), weight=2),
    Place("Bad Liebenwerda", ("elbe-elster",), weight=2),
    Place("Königs Wusterhausen", ("dahme-spreewald",), weight=2),
    Place("Kolkwitz", ("spree-neisse",), weight=2),
    Place("Jänschwalde", ("spree-neisse",), weight=2),
    Place("Schenkendöbern", ("spree-neisse",), weight=2),
    Place("Neuhausen", ("spree-neisse",), weight=2),
    Place("Schwarze Pumpe", ("spree-neisse",), weight=2),
    Place("Tauer", ("spree-neisse",), weight=2),
    Place("Heinersbrück", ("spree-neisse",), weight=2),
    Place("Felixsee", ("spree-neisse",), weight=2),
    Place("Wiesengrund", ("spree-neisse",), weight=2),
    Place("Altdöbern", ("oberspreewald-lausitz",), weight=2),
    Place("Ruhland", ("oberspreewald-lausitz",), weight=2),
    Place("Ortrand", ("oberspreewald-lausitz",), weight=2),
    Place("Schipkau", ("oberspreewald-lausitz",), weight=2),
    Place("Neupetershain", ("oberspreewald-lausitz",), weight=2),
    Place("Straupitz", ("dahme-spreewald",), weight=2),
    Place("Golßen", ("dahme-spreewald",), weight=2),
    Place("Wildau", ("dahme-spreewald",), weight=2),
    Place("Mittenwalde", ("dahme-spreewald",), weight=2),
    Place("Lieberose", ("dahme-spreewald",), weight=2),
    Place("Schönwald", ("dahme-spreewald",), weight=2),
    Place("Uebigau-Wahrenbrück", ("elbe-elster",), weight=2),
    Place("Mühlberg", ("elbe-elster",), weight=2),
    Place("Schlieben", ("elbe-elster",), weight=2),
    Place("Sonnewalde", ("elbe-elster",), weight=2),
    Place("Falkenberg", ("elbe-elster",), weight=2),
    Place("Plessa", ("elbe-elster",), weight=2),
    Place("Schönewalde", ("elbe-elster",), weight=2),
    Place("Ostritz", ("goerlitz",), weight=2),
    Place("Bernstadt", ("goerlitz",), weight=2),
    Place("Reichenbach", ("goerlitz",), weight=2),
    Place("Großschönau", ("goerlitz",), weight=2),
    Place("Oderwitz", ("goerlitz",), weight=2),
    Place("Seifhennersdorf", ("goerlitz",), weight=2),
    Place("Oybin", ("goerlitz",), weight=2),
    Place("Jonsdorf", ("goerlitz",), weight=2),
    Place("Schleife", ("goerlitz",), weight=2),
    Place("Krauschwitz", ("goerlitz",), weight=2),
    Place("Ebersbach-Neugersdorf", ("goerlitz",), weight=2),
    Place("Kodersdorf", ("goerlitz",), weight=2),
    Place("Horka", ("goerlitz",), weight=2),
    Place("Mücka", ("goerlitz",), weight=2),
    Place("Trebendorf", ("goerlitz",), weight=2),
    Place("Radeberg", ("bautzen",), weight=2),
    Place("Pulsnitz", ("bautzen",), weight=2),
    Place("Königsbrück", ("bautzen",), weight=2),
    Place("Elstra", ("bautzen",), weight=2),
    Place("Großröhrsdorf", ("bautzen",), weight=2),
    Place("Wilthen", ("bautzen",), weight=2),
    Place("Königswartha", ("bautzen",), weight=2),
    Place("Lohsa", ("bautzen",), weight=2),
    Place("Elsterheide", ("bautzen",), weight=2),
    Place("Spreetal", ("bautzen",), weight=2),
    Place("Bernsdorf", ("bautzen",), weight=2),
    Place("Neschwitz", ("bautzen",), weight=2),
    Place("Panschwitz-Kuckau", ("bautzen",), weight=2),
    Place("Crostwitz", ("bautzen",), weight=2),
    Place("Radibor", ("bautzen",), weight=2),
    Place("Schirgiswalde-Kirschau", ("bautzen",), weight=2),
    Place("Fürstenwalde", ("oder-spree",)),
    Place("Erkner", ("oder-spree",)),
    Place("Zossen", ("teltow-flaeming",)),
    Place("Jüterbog", ("teltow-flaeming",)),
    Place("Ludwigsfelde", ("teltow-flaeming",)),
    Place("Freital", ("saechsische-schweiz-osterzgebirge",)),
    Place("Heidenau", ("saechsische-schweiz-osterzgebirge",)),
    Place("Riesa", ("meissen",)),
    Place("Großenhain", ("meissen",)),
    Place("Radebeul", ("meissen",)),
    Place("Coswig", ("meissen",)),
    Place("Grimma", ("landkreis-leipzig",)),
    Place("Wurzen", ("landkreis-leipzig",)),
    Place("Zwenkau", ("landkreis-leipzig",)),
    Place("Böhlen", ("landkreis-leipzig",)),
    Place("Groitzsch", ("landkreis-leipzig",)),
    Place("Pegau", ("landkreis-leipzig",)),
    Place("Neukieritzsch", ("landkreis-leipzig",)),
    Place("Eilenburg", ("nordsachsen",)),
    Place("Torgau", ("nordsachsen",)),
    Place("Naumburg", ("burgenlandkreis",)),
    Place("Lützen", ("burgenlandkreis",)),
    Place("Leuna", ("saalekreis",)),
    Place("Schkopau", ("saalekreis",)),
    Place("Braunsbedra", ("saalekreis",)),
    Place("Mücheln", ("saalekreis",)),
    Place("Köthen", ("anhalt-bitterfeld",)),
    Place("Zörbig", ("anhalt-bitterfeld",)),
    Place("Sangerhausen", ("mansfeld-suedharz",)),
    Place("Hettstedt", ("mansfeld-suedharz",)),
    Place("Meuselwitz", ("altenburger-land",)),
    Place("Schmölln", ("altenburger-land",)),
    Place("Rositz", ("altenburger-land",)),
    Place("Elsdorf", ("rhein-erft-kreis",)),
    Place("Frechen", ("rhein-erft-kreis",)),
    Place("Hürth", ("rhein-erft-kreis",)),
    Place("Pulheim", ("rhein-erft-kreis",)),
    Place("Brühl", ("rhein-erft-kreis",)),
    Place("Erftstadt", ("rhein-erft-kreis",)),
    Place("Wesseling", ("rhein-erft-kreis",)),
    Place("Jüchen", ("rhein-kreis-neuss",)),
    Place("Rommerskirchen", ("rhein-kreis-neuss",)),
    Place("Neuss", ("rhein-kreis-neuss",)),
    Place("Dormagen", ("rhein-kreis-neuss",)),
    Place("Niederzier", ("kreis-dueren",)),
    Place("Inden", ("kreis-dueren",)),
    Place("Merzenich", ("kreis-dueren",)),
    Place("Langerwehe", ("kreis-dueren",)),
    Place("Titz", ("kreis-dueren",)),
    Place("Aldenhoven", ("kreis-dueren",)),
    Place("Hückelhoven", ("kreis-heinsberg",)),
    Place("Wegberg", ("kreis-heinsberg",)),
    Place("Geilenkirchen", ("kreis-heinsberg",)),
    Place("Stolberg", ("staedteregion-aachen",)),
    Place("Würselen", ("staedteregion-aachen",)),
    Place("Alsdorf", ("staedteregion-aachen",)),
    Place("Baesweiler", ("staedteregion-aachen",)),
    Place("Zülpich", ("kreis-euskirchen",)),
    Place("Mechernich", ("kreis-euskirchen",)),
    Place("Eisenhüttenstadt", ("oder-spree",)),
    Place("Beeskow", ("oder-spree",)),
    Place("Luckenwalde", ("teltow-flaeming",)),
    Place("Frankfurt (Oder)", ("frankfurt-oder",)),
    Place("Potsdam", ("potsdam",), adjective="Potsdamer"),
    Place("Berlin", (), adjective="Berliner", weight=2, extra_states=("berlin",)),
    Place("Dresden", ("dresden",), adjective="Dresdner", weight=2),
    Place("Meißen", ("meissen",), adjective="Meißner"),
    Place("Pirna", ("saechsische-schweiz-osterzgebirge",), adjective="Pirnaer"),
    Place("Chemnitz", ("chemnitz",), adjective="Chemnitzer"),
    Place("Mitteldeutsches Revier", (*MITTELDEUTSCHLAND, "altenburger-land"), "dem", weight=2),
    Place("Leipzig", ("leipzig",), adjective="Leipziger", weight=2),
    Place("Borna", ("landkreis-leipzig",), adjective="Bornaer"),
    Place("Markkleeberg", ("landkreis-leipzig",)),
    Place("Delitzsch", ("nordsachsen",), adjective="Delitzscher"),
    Place("Zeitz", ("burgenlandkreis",), adjective="Zeitzer"),
    Place("Weißenfels", ("burgenlandkreis",), adjective="Weißenfelser"),
    Place("Hohenmölsen", ("burgenlandkreis",)),
    Place("Merseburg", ("saalekreis",), adjective="Merseburger"),
    Place("Geiseltal", ("saalekreis",), "dem"),
    Place("Halle", ("halle-saale",)),
    Place("Bitterfeld-Wolfen", ("anhalt-bitterfeld",)),
    Place("Eisleben", ("mansfeld-suedharz",), adjective="Eislebener"),
    Place("Altenburg", ("altenburger-land",), adjective="Altenburger"),
    Place("Rheinisches Revier", (*RHEINLAND, "staedteregion-aachen"), "dem", weight=2),
    Place("Bergheim", ("rhein-erft-kreis",), adjective="Bergheimer"),
    Place("Kerpen", ("rhein-erft-kreis",), adjective="Kerpener"),
    Place("Grevenbroich", ("rhein-kreis-neuss",), adjective="Grevenbroicher"),
    Place("Düren", ("kreis-dueren",), adjective="Dürener"),
    Place("Jülich", ("kreis-dueren",), adjective="Jülicher"),
    Place("Eschweiler", ("staedteregion-aachen",)),
    Place("Aachen", ("staedteregion-aachen",), adjective="Aachener"),
    Place("Erkelenz", ("kreis-heinsberg",), adjective="Erkelenzer"),
    Place("Euskirchen", ("kreis-euskirchen",), adjective="Euskirchener"),
    Place("Mönchengladbach", ("moenchengladbach",), adjective="Mönchengladbacher"),
]

# --- Topics ------------------------------------------------------------------------------

# The seed's topics, named as the seed names them, and further ones that a nationwide
# directory would have. Rows missing from the database are created as demo rows.
TOPICS = {
    "bergbausanierung": "Bergbausanierung",
    "braunkohle": "Braunkohle",
    "dialog": "Dialog",
    "energiewende": "Energiewende",
    "forschung": "Wissenschaft & Forschung",
    "infrastruktur": "Infrastruktur",
    "internationalisierung": "Internationalisierung",
    "kommunalpolitik": "Kommunalpolitik",
    "landespolitik": "Landespolitik",
    "mobilitaet-verkehr": "Mobilität & Verkehr",
    "regionalentwicklung": "Regionalentwicklung",
    "sorbisch-wendische-kultur": "Sorbisch-wendische Kultur",
    "strukturwandel": "Strukturwandel",
    "wasserstoff": "Wasserstoff",
    "wirtschaft": "Wirtschaft",
    "zivilgesellschaft": "Zivilgesellschaft",
    "bildung": "Bildung",
    "digitalisierung": "Digitalisierung",
    "erneuerbare-energien": "Erneuerbare Energien",
    "fachkraefte": "Fachkräftesicherung",
    "gesundheit": "Gesundheit & Pflege",
    "gruendung": "Gründung & Start-ups",
    "handwerk": "Handwerk",
    "jugend": "Jugend",
    "klimaschutz": "Klimaschutz",
    "kultur": "Kunst & Kultur",
    "landwirtschaft": "Landwirtschaft",
    "naturschutz": "Natur- & Umweltschutz",
    "tourismus": "Tourismus",
    "wald-forst": "Wald & Forst",
    "wasserwirtschaft": "Wasserwirtschaft",
}

# What a description says about each topic; the searchable words of the region in several
# forms ("Braunkohlesanierung", "Wasserstoffwirtschaft", "Netzwerken", "Neiße").
TOPIC_SENTENCES = {
    "bergbausanierung": [
        "Ein Schwerpunkt ist die Braunkohlesanierung: Aus ehemaligen Tagebauen entstehen Seen, "
        "Wälder und Erholungsgebiete.",
        "Begleitet werden Vorhaben der Bergbausanierung und die Rekultivierung von Kippenflächen.",
    ],
    "braunkohle": [
        "Die Arbeit begleitet den Ausstieg aus der Braunkohle und seine Folgen für die "
        "Beschäftigten.",
        "Viele Mitglieder haben selbst jahrzehntelang im Braunkohletagebau oder im Kraftwerk "
        "gearbeitet.",
    ],
    "dialog": [
        "Regelmäßige Bürgerdialoge geben allen Generationen Gelegenheit, ihre Ideen einzubringen.",
    ],
    "energiewende": [
        "Wind- und Solarparks auf ehemaligen Tagebauflächen sollen die Energiewende vor Ort "
        "voranbringen.",
        "Dazu gehören Beratungen zu Energiespeichern und Wärmenetzen.",
    ],
    "forschung": [
        "Hochschulen und Forschungseinrichtungen bringen ihr Wissen in gemeinsame Projekte ein.",
        "Studierende und Forschende erproben neue Ideen in Reallaboren.",
    ],
    "infrastruktur": [
        "Es geht um schnelles Internet, gute Straßen und verlässliche Bahnverbindungen.",
    ],
    "internationalisierung": [
        "Gemeinsam mit Partnern aus Polen und Tschechien entstehen Projekte beiderseits der Neiße.",
        "Die Zusammenarbeit über die Neiße hinweg, etwa zwischen Görlitz und Zgorzelec, gehört "
        "fest dazu.",
    ],
    "kommunalpolitik": [
        "Bürgermeisterinnen und Bürgermeister der Region tauschen sich hier über "
        "Förderprogramme aus.",
    ],
    "landespolitik": [
        "Gegenüber den Landesregierungen vertritt der Zusammenschluss die Anliegen der Region.",
    ],
    "mobilitaet-verkehr": [
        "Ziel sind schnellere Bahnverbindungen nach Berlin, Dresden und Leipzig.",
        "Rufbusse und Radwege sollen die Dörfer besser an die Städte anbinden.",
    ],
    "regionalentwicklung": [
        "Kleine Gemeinden erhalten Unterstützung, leer stehende Gebäude neu zu nutzen.",
    ],
    "sorbisch-wendische-kultur": [
        "Sorbische und wendische Sprache und Kultur bleiben in Festen, Kursen und "
        "zweisprachigen Angeboten lebendig.",
    ],
    "strukturwandel": [
        "Der Strukturwandel soll neue, gut bezahlte Arbeitsplätze in die Region bringen.",
        "Ideen für den Strukturwandel werden gesammelt, bewertet und mit Fördermitteln umgesetzt.",
    ],
    "wasserstoff": [
        "Im Mittelpunkt steht der Aufbau einer regionalen Wasserstoffwirtschaft.",
        "Geplant sind Elektrolyseure, die grünen Wasserstoff für Industrie und Busverkehr "
        "erzeugen.",
        "Wasserstofftankstellen für Lkw und Busse gehören zu den ersten Projekten.",
    ],
    "wirtschaft": [
        "Kleine und mittlere Unternehmen finden hier Partner für gemeinsame Aufträge.",
    ],
    "zivilgesellschaft": [
        "Vereine, Kirchengemeinden und Nachbarschaften bringen sich mit eigenen Projekten ein.",
    ],
    "bildung": [
        "Schulen und Bildungsträger entwickeln Angebote für lebenslanges Lernen.",
    ],
    "digitalisierung": [
        "Gemeinsam mit Handwerksbetrieben und Verwaltungen werden digitale Werkzeuge erprobt.",
    ],
    "erneuerbare-energien": [
        "Bürgerenergiegenossenschaften beteiligen Anwohnerinnen und Anwohner an Wind- und "
        "Solarparks.",
    ],
    "fachkraefte": [
        "Betriebe der Region werben gemeinsam um Fachkräfte, Auszubildende und Rückkehrer.",
    ],
    "gesundheit": [
        "Ziel ist eine gute ärztliche und pflegerische Versorgung auch in kleinen Orten.",
    ],
    "gruendung": [
        "Gründerinnen und Gründer erhalten Beratung, Räume und Kontakte zu Geldgebern.",
    ],
    "handwerk": [
        "Handwerksbetriebe bilden gemeinsam aus und teilen sich Werkstätten.",
    ],
    "jugend": [
        "Junge Menschen gestalten eigene Projekte und reden bei Entscheidungen mit.",
    ],
    "klimaschutz": [
        "Kommunale Klimaschutzkonzepte werden gemeinsam erarbeitet und umgesetzt.",
    ],
    "kultur": [
        "Konzerte, Lesungen und Ausstellungen beleben alte Industriegebäude.",
    ],
    "landwirtschaft": [
        "Landwirtinnen und Landwirte erproben neue Anbauformen auf rekultivierten Flächen.",
    ],
    "naturschutz": [
        "Auf Bergbaufolgeflächen entstehen neue Lebensräume für seltene Tiere und Pflanzen.",
    ],
    "tourismus": [
        "Radtouren, Wassersport und Führungen durch Industriedenkmale locken Gäste in die Region.",
    ],
    "wald-forst": [
        "Der Umbau der Kiefernwälder zu klimafesten Mischwäldern ist ein zentrales Anliegen.",
    ],
    "wasserwirtschaft": [
        "Im Blick steht der Wasserhaushalt von Spree und Neiße, der sich mit dem Ende der "
        "Tagebaue verändert.",
    ],
}

# --- Names ------------------------------------------------------------------------------

# (legal form, what the name adds for it)
EV = (LegalForm.REGISTERED_ASSOCIATION, " e.V.")
ASSOCIATION = (LegalForm.ASSOCIATION, "")
ALLIANCE = (LegalForm.ALLIANCE, "")
GMBH = (LegalForm.GMBH, " GmbH")
GGMBH = (LegalForm.GMBH, " gGmbH")
MBH = (LegalForm.GMBH, " mbH")
CHURCH = (LegalForm.CHURCH_INSTITUTION, "")
UNSTATED = ("", "")

# The last part of a compound name: its grammatical gender, its category and the legal
# forms it comes with.
COMPOUND_ENDINGS = {
    "netzwerk": ("n", "netzwerk", (ALLIANCE, ALLIANCE, EV, ASSOCIATION, UNSTATED)),
    "allianz": ("f", "netzwerk", (ALLIANCE, UNSTATED)),
    "forum": ("n", "netzwerk", (EV, ALLIANCE, UNSTATED)),
    "bündnis": ("n", "netzwerk", (ALLIANCE,)),
    "verbund": ("m", "netzwerk", (EV, ALLIANCE)),
    "cluster": ("m", "netzwerk", (ALLIANCE, EV)),
    "plattform": ("f", "netzwerk", (ALLIANCE, UNSTATED)),
    "initiative": ("f", "initiative", (EV, ASSOCIATION, ALLIANCE, UNSTATED)),
    "werkstatt": ("f", "initiative", (EV, ASSOCIATION)),
    "stammtisch": ("m", "initiative", (UNSTATED, ASSOCIATION)),
    "agentur": ("f", "projekttraeger", (GMBH, GGMBH)),
    "zentrum": ("n", "projekttraeger", (GMBH, GGMBH, EV)),
    "labor": ("n", "projekttraeger", (GGMBH, UNSTATED)),
    "kontor": ("n", "projekttraeger", (GMBH,)),
    "akademie": ("f", "projekttraeger", (GGMBH, EV)),
}

# Adjectives before a compound name ("Offene Digitalwerkstatt"), inflected by its gender.
ATTRIBUTES = ("Jung", "Grün", "Regional", "Neu", "Offen", "Frei", "Gemeinsam")
ATTRIBUTE_ENDINGS = {"m": "er", "f": "e", "n": "es"}

# First parts of compound names ("Wasserstoff" + "netzwerk"): their endings and topics.
COMPOUND_STARTS = [
    ("Wasserstoff", "netzwerk allianz forum cluster initiative zentrum labor", "wasserstoff"),
    ("Energie", "netzwerk allianz forum verbund cluster agentur zentrum", "energiewende"),
    ("Bahn", "allianz forum bündnis initiative", "mobilitaet-verkehr infrastruktur"),
    ("Mobilitäts", "netzwerk forum plattform zentrum labor", "mobilitaet-verkehr"),
    ("Klima", "netzwerk bündnis forum initiative werkstatt agentur", "klimaschutz"),
    ("Transformations", "netzwerk forum plattform labor", "strukturwandel"),
    ("Revier", "netzwerk forum allianz werkstatt", "strukturwandel braunkohle"),
    ("Wirtschafts", "forum verbund allianz agentur kontor", "wirtschaft"),
    ("Innovations", "netzwerk cluster plattform zentrum labor agentur", "forschung wirtschaft"),
    ("Wissenschafts", "netzwerk forum allianz zentrum", "forschung"),
    ("Gründer", "netzwerk forum stammtisch zentrum werkstatt", "gruendung wirtschaft"),
    ("Fachkräfte", "netzwerk allianz bündnis initiative agentur", "fachkraefte"),
    ("Bildungs", "netzwerk verbund forum initiative zentrum akademie", "bildung"),
    ("Kultur", "netzwerk forum initiative werkstatt zentrum", "kultur"),
    ("Tourismus", "netzwerk verbund forum agentur", "tourismus"),
    ("Seenland", "netzwerk forum initiative", "tourismus bergbausanierung"),
    ("Bergbau", "forum initiative werkstatt", "bergbausanierung braunkohle"),
    ("Digital", "netzwerk forum werkstatt zentrum labor agentur", "digitalisierung"),
    ("Handwerks", "netzwerk forum verbund initiative akademie", "handwerk"),
    ("Solar", "netzwerk initiative cluster", "erneuerbare-energien energiewende"),
    ("Wald", "netzwerk forum initiative", "wald-forst naturschutz"),
    ("Wasser", "netzwerk forum allianz", "wasserwirtschaft"),
    ("Jugend", "netzwerk forum initiative werkstatt", "jugend zivilgesellschaft"),
    ("Gesundheits", "netzwerk forum zentrum", "gesundheit"),
    ("Logistik", "netzwerk cluster zentrum", "wirtschaft mobilitaet-verkehr"),
    ("Zukunfts", "netzwerk forum initiative werkstatt labor", "strukturwandel"),
    ("Dorf", "forum initiative werkstatt", "regionalentwicklung"),
    ("Agrar", "netzwerk forum", "landwirtschaft"),
    ("Holz", "netzwerk cluster", "wald-forst wirtschaft"),
    ("Nachbarschafts", "netzwerk initiative", "zivilgesellschaft"),
    ("Ehrenamts", "netzwerk forum", "zivilgesellschaft"),
    ("Frauen", "netzwerk forum", "zivilgesellschaft"),
    ("Unternehmer", "netzwerk forum stammtisch", "wirtschaft"),
    ("Kommunal", "forum", "kommunalpolitik"),
    ("Grenzland", "forum initiative", "internationalisierung"),
    ("Dialog", "forum", "dialog"),
]

# Nouns that stand alone after "Bürgerinitiative", "Stiftung" and the like, with their topics.
CAUSES = [
    ("Zukunft", "strukturwandel zivilgesellschaft"),
    ("Lebenswerte Heimat", "regionalentwicklung zivilgesellschaft"),
    ("Klimaschutz", "klimaschutz"),
    ("Bahnanschluss", "mobilitaet-verkehr infrastruktur"),
    ("Strukturwandel", "strukturwandel"),
    ("Energiewende", "energiewende"),
    ("Seenland", "tourismus bergbausanierung"),
    ("Sauberes Wasser", "wasserwirtschaft"),
    ("Kohleausstieg", "braunkohle strukturwandel"),
    ("Neue Arbeit", "fachkraefte wirtschaft"),
    ("Dorfentwicklung", "regionalentwicklung"),
    ("Kulturlandschaft", "kultur naturschutz"),
    ("Industriekultur", "kultur braunkohle"),
    ("Wasserstoff", "wasserstoff"),
    ("Nachhaltige Mobilität", "mobilitaet-verkehr klimaschutz"),
    ("Gute Nachbarschaft", "zivilgesellschaft internationalisierung"),
    ("Miteinander", "zivilgesellschaft dialog"),
]

# What a Förderverein supports.
LANDMARKS = [
    ("Kulturhaus", "kultur"),
    ("Bergbaumuseum", "braunkohle kultur"),
    ("Dorfkirche", "kultur"),
    ("Heimatstube", "kultur"),
    ("Freibad", "zivilgesellschaft"),
    ("Bahnhof", "mobilitaet-verkehr"),
    ("Brikettfabrik", "braunkohle kultur"),
    ("Stadtpark", "naturschutz"),
    ("Tierpark", "naturschutz bildung"),
    ("Gymnasium", "bildung jugend"),
    ("Landschaftspark", "naturschutz bergbausanierung"),
    ("Aussichtsturm", "tourismus"),
    ("Jugendclub", "jugend"),
]

# What a "Verein für …" or a "Kompetenzzentrum …" works on.
FIELDS = [
    ("Heimatgeschichte", "kultur"),
    ("Umweltbildung", "naturschutz bildung"),
    ("Industriekultur", "kultur braunkohle"),
    ("Regionalentwicklung", "regionalentwicklung"),
    ("Naturschutz und Landschaftspflege", "naturschutz"),
    ("Jugendarbeit", "jugend"),
    ("Bergbaugeschichte", "braunkohle kultur"),
    ("sorbische Kultur und Sprache", "sorbisch-wendische-kultur kultur"),
]
COMPETENCES = [
    ("Wasserstoff", "wasserstoff forschung"),
    ("Energiespeicher", "energiewende forschung"),
    ("Kreislaufwirtschaft", "wirtschaft klimaschutz"),
    ("Digitalisierung", "digitalisierung"),
    ("Fachkräftesicherung", "fachkraefte"),
    ("Bergbaufolgelandschaften", "bergbausanierung naturschutz"),
    ("Leichtbau", "forschung wirtschaft"),
    ("Mobilität", "mobilitaet-verkehr forschung"),
]


@dataclass(frozen=True)
class NamePattern:
    """
    How one kind of name is built: "{word}", "{attribute}" and "{place}" or "{adjective}"
    are filled in from the lists given and the places.
    """

    template: str
    category: str
    legal_forms: tuple
    words: tuple = (("", ""),)
    weight: int = 1
    attributes: tuple = ("",)


def compound_patterns():
    for ending, (gender, category, legal_forms) in COMPOUND_ENDINGS.items():
        words = tuple(
            (start + ending, topics)
            for start, endings, topics in COMPOUND_STARTS
            if ending in endings.split()
        )
        attributes = tuple(stem + ATTRIBUTE_ENDINGS[gender] for stem in ATTRIBUTES)
        yield NamePattern("{word} {place}", category, legal_forms, words, 3 * len(words))
        yield NamePattern("{adjective} {word}", category, legal_forms, words, len(words))
        yield NamePattern(
            "{attribute} {word} {place}", category, legal_forms, words, len(words), attributes
        )


NAME_PATTERNS = [
    *compound_patterns(),
    NamePattern("Bürgerinitiative {word} {place}", "initiative", (EV, UNSTATED), CAUSES, 25),
    NamePattern("Initiative {word} {place}", "initiative", (EV, ALLIANCE, UNSTATED), CAUSES, 15),
    NamePattern("Aktionsbündnis {word} {place}", "netzwerk", (ALLIANCE,), CAUSES, 10),
    NamePattern("Arbeitskreis {word} {place}", "initiative", (UNSTATED, ASSOCIATION), CAUSES, 8),
    NamePattern("Ökumenischer Arbeitskreis {word} {place}", "initiative", (CHURCH,), CAUSES[:8], 3),
    NamePattern("Förderverein {word} {place}", "initiative", (EV,), LANDMARKS, 15),
    NamePattern("Verein für {word} {place}", "initiative", (EV,), FIELDS, 10),
    NamePattern("Heimatverein {place}", "initiative", (EV,), (("", "kultur regionalentwicklung"),)),
    NamePattern(
        "Sorbisch-wendischer Kulturverein {place}",
        "initiative",
        (EV,),
        (("", "sorbisch-wendische-kultur kultur"),),
    ),
    NamePattern("Stiftung {word} {place}", "projekttraeger", (UNSTATED,), CAUSES, 8),
    NamePattern("Projektbüro {word} {place}", "projekttraeger", (UNSTATED, GGMBH), CAUSES, 8),
    NamePattern(
        "Kompetenzzentrum {word} {place}", "projekttraeger", (GMBH, UNSTATED), COMPETENCES, 10
    ),
    NamePattern(
        "Entwicklungsgesellschaft {place}",
        "projekttraeger",
        (MBH,),
        (("", "regionalentwicklung wirtschaft"),),
        3,
    ),
]

# --- People -----------------------------------------------------------------------------


def words(text):
    return text.split()


FEMALE_FIRST_NAMES = words(
    "Anna Katrin Sabine Petra Claudia Susanne Andrea Julia Lena Marie Sophie Franziska "
    "Kerstin Heike Ines Anja Juliane Christin Maria Monika Ulrike Doreen Mandy Sandra "
    "Stefanie Jana Nadine Annett Birgit Cornelia Josephine Luise Hannah Emily Karolina"
)
MALE_FIRST_NAMES = words(
    "Thomas Michael Andreas Frank Jens Uwe Matthias Stefan Sebastian Tobias Christian "
    "Martin Daniel Jan Felix Lukas Paul Maximilian Steffen Torsten René Ronny Sven Dirk "
    "Ralf Mirko Heiko Benjamin Philipp Johannes Konrad Marek Tomasz Jakub Kilian"
)
LAST_NAMES = words(
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer "
    "Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann "
    "Hartmann Lange Werner Krause Lehmann Schulze Köhler Herrmann König Walter Kaiser Fuchs "
    "Peters Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Berger "
    "Winkler Roth Lorenz Baumann Franke Albrecht Schuster Ludwig Böhm Winter Kraus Vogt "
    "Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Graf Dietrich Ziegler Kühn "
    "Pohl Engel Horn Busch Bergmann Voigt Sauer Arnold Pfeiffer Noack Kubasch Krautz "
    "Domaschke Zschornack Nowak Mucke Paulick Rietschel Kowalski Lukasch Kral Hentschel"
)

# (female, male) job titles and the role the person has at the employer, if any.
JOBS = [
    ("Geschäftsführerin", "Geschäftsführer", ContactRole.Role.MANAGEMENT),
    ("Vorsitzende", "Vorsitzender", ContactRole.Role.MANAGEMENT),
    ("Sprecherin", "Sprecher", ContactRole.Role.SPOKESPERSON),
    ("Projektleiterin", "Projektleiter", ContactRole.Role.CONTACT),
    ("Koordinatorin", "Koordinator", ContactRole.Role.CONTACT),
    ("Netzwerkmanagerin", "Netzwerkmanager", ContactRole.Role.CONTACT),
    ("Referentin für Öffentlichkeitsarbeit", "Referent für Öffentlichkeitsarbeit", None),
    ("Projektmitarbeiterin", "Projektmitarbeiter", None),
]
POSITIONS = [
    "Bereich Strukturwandel und Regionalentwicklung",
    "Geschäftsstelle",
    "Büro für Fördermittel",
    "Bereich Presse und Kommunikation",
    "Bereich Bildung und Beteiligung",
]

# Blocks the Bundesnetzagentur reserves for film and television: valid German numbers that
# reach no one (E.164 without the last three digits).
PHONE_BLOCKS = ("+493023125", "+494066969", "+496990009", "+498999998", "+492214710")

# How often each kind of relation comes up among demo entries.
RELATION_KIND_WEIGHTS = {
    Relation.Kind.INITIATED_BY: 15,
    Relation.Kind.FOUNDED_WITH: 15,
    Relation.Kind.SUPPORTED_BY: 35,
    Relation.Kind.PART_OF: 30,
    Relation.Kind.REPORTS_TO: 5,
}

# --- Descriptions -----------------------------------------------------------------------

OPENINGS = {
    "netzwerk": [
        "Das Netzwerk bündelt seit {year} die Kräfte von Kommunen, Unternehmen und Vereinen "
        "{in_place}.",
        "Seit {year} verbindet das Netzwerk Unternehmen, Hochschulen und Verwaltungen {in_place}.",
        "Das Netzwerk bringt Akteure {from_place} an einen Tisch.",
        "Im Netzwerk arbeiten Betriebe, Kammern und Kommunen {from_place} zusammen.",
    ],
    "initiative": [
        "Die Initiative wurde {year} von Bürgerinnen und Bürgern {from_place} gegründet.",
        "Seit {year} engagieren sich hier Menschen {from_place} ehrenamtlich für ihre Region.",
        "Die Initiative gibt Menschen {from_place} eine Stimme im Strukturwandel.",
        "Ehrenamtliche {from_place} haben sich hier zusammengeschlossen, um ihre Heimat "
        "mitzugestalten.",
    ],
    "projekttraeger": [
        "Seit {year} setzt der Projektträger Vorhaben {in_place} und Umgebung um.",
        "Die Einrichtung plant und begleitet seit {year} Förderprojekte {in_place}.",
        "Als Projektträger begleitet die Einrichtung Vorhaben {in_place} von der ersten Idee "
        "bis zur Abrechnung der Fördermittel.",
        "Die Einrichtung berät Kommunen und Unternehmen {in_place} bei Förderanträgen.",
    ],
}
CLOSINGS = [
    "Die Mitglieder treffen sich regelmäßig in Arbeitsgruppen und tauschen sich mit anderen "
    "Netzwerken der Region aus.",
    "Neue Mitstreiterinnen und Mitstreiter sind jederzeit willkommen.",
    "Veranstaltungen finden {in_place} und online statt.",
    "Gefördert wird die Arbeit aus Mitteln von Bund und Ländern für den Strukturwandel.",
    "Ein jährlicher Fachtag stellt die Ergebnisse der Öffentlichkeit vor.",
    "Partnerschaften bestehen mit Netzwerken in Polen und Tschechien.",
]

# --- The generator ----------------------------------------------------------------------


class SeedMissing(Exception):
    """The categories demo entries belong to are not in the database."""


@functools.lru_cache(maxsize=1024)  # people's names come up again and again
def german_slug(text):
    """A slug that spells umlauts as German does without them: "Görlitz" -> "goerlitz"."""
    for letter, spelling in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelling).replace(letter.upper(), spelling.capitalize())
    return slugify(text)


def example_domain(slug):
    # A domain label has at most 63 characters; a longer one fails URL validation.
    return slug[:63].rstrip("-") + ".example"


@dataclass
class DemoEntry:
    """One invented organisation with everything that refers to it."""

    organisation: Organisation
    topics: list
    states: list
    districts: list
    relations: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    roles: list = field(default_factory=list)


class DemoGenerator:
    """
    Invents entries one after another. The same seed, the same database rows to refer to and
    the same names already taken give the same entries. A name or slug that is taken is
    drawn again, and numbered when drawing keeps hitting taken ones.
    """

    def __init__(self, seed, categories, topics, states, districts, taken=None):
        self.random = random.Random(seed)
        self.categories = categories
        self.topics = topics
        self.topic_slugs = list(topics)
        self.states = states
        self.districts = districts
        taken = taken or {}
        self.taken_names = set(taken.get("names", ()))
        self.taken_slugs = set(taken.get("slugs", ()))
        self.taken_person_slugs = set(taken.get("person_slugs", ()))
        self.pattern_weights = list(accumulate(pattern.weight for pattern in NAME_PATTERNS))
        self.place_weights = list(accumulate(place.weight for place in PLACES))
        self.places_with_adjective = [place for place in PLACES if place.adjective]
        self.adjective_weights = list(
            accumulate(place.weight for place in self.places_with_adjective)
        )
        self.relation_kinds = list(RELATION_KIND_WEIGHTS)
        self.relation_weights = list(accumulate(RELATION_KIND_WEIGHTS.values()))
        self.numbers = defaultdict(lambda: 2)  # the next number for a name drawn too often
        # What this run made so far, for relations to point at.
        self.organisations = []
        self.networks = []

    def entry(self):
        rng = self.random
        pattern, name, slug, place, (legal_form, _), word_topics = self._name()
        year = self._founding_year()
        topic_slugs = self._topic_slugs(word_topics)
        is_association = legal_form in (LegalForm.REGISTERED_ASSOCIATION, LegalForm.ASSOCIATION)
        charitable = name.endswith("gGmbH") or (is_association and rng.random() < 0.5)
        organisation = Organisation(
            name=name,
            slug=slug,
            is_entry=True,
            status=Status.PUBLISHED,
            category=self.categories[pattern.category],
            description=self._description(pattern.category, place, year, topic_slugs),
            founding_year=year,
            legal_form=legal_form,
            is_charitable=charitable or None,
            member_count=self._member_count(pattern.category, legal_form),
            website=f"https://www.{example_domain(slug)}" if rng.random() < 0.5 else "",
            is_demo=True,
        )
        # In the order the database lists them, so the search text is what a save would write.
        topics = sorted((self.topics[slug] for slug in topic_slugs), key=lambda topic: topic.name)
        organisation.search_document = search_document(organisation, topics)
        district_slugs = self._district_slugs(place)
        entry = DemoEntry(
            organisation,
            topics,
            states=[self.states[slug] for slug in self._state_slugs(place, district_slugs)],
            districts=[self.districts[slug] for slug in district_slugs],
            relations=self._relations(organisation),
        )
        if rng.random() < 0.2:
            self._add_contact(entry)
        self.organisations.append(organisation)
        if pattern.category == "netzwerk":
            self.networks.append(organisation)
        return entry

    def _name(self):
        rng = self.random
        for _attempt in range(20):
            pattern = rng.choices(NAME_PATTERNS, cum_weights=self.pattern_weights)[0]
            word, word_topics = rng.choice(pattern.words)
            if "{adjective}" in pattern.template:
                places, weights = self.places_with_adjective, self.adjective_weights
            else:
                places, weights = PLACES, self.place_weights
            place = rng.choices(places, cum_weights=weights)[0]
            legal_form = rng.choice(pattern.legal_forms)
            base = pattern.template.format(
                word=word,
                attribute=rng.choice(pattern.attributes),
                place=place.name,
                adjective=place.adjective,
            )
            name = base + legal_form[1]
            if slug := self._claim(name):
                break
        else:
            number = self.numbers[base]
            while not (slug := self._claim(name := f"{base} {number}{legal_form[1]}")):
                number += 1
            self.numbers[base] = number + 1
        return pattern, name, slug, place, legal_form, word_topics.split()

    def _claim(self, name):
        """The slug of `name` if neither is taken yet, now taken; otherwise None."""
        slug = german_slug(name)
        if name in self.taken_names or slug in self.taken_slugs:
            return None
        self.taken_names.add(name)
        self.taken_slugs.add(slug)
        return slug

    def _founding_year(self):
        roll = self.random.random()
        if roll < 0.85:
            return self.random.randint(1990, 2025)
        if roll < 0.9:
            return self.random.randint(1950, 1989)
        return None

    def _topic_slugs(self, word_topics):
        slugs = list(word_topics)
        wanted = max(len(slugs), self.random.randint(1, 4))
        while len(slugs) < wanted:
            slug = self.random.choice(self.topic_slugs)
            if slug not in slugs:
                slugs.append(slug)
        return slugs

    def _description(self, category, place, year, topic_slugs):
        rng = self.random
        openings = [text for text in OPENINGS[category] if year or "{year}" not in text]
        topic_sentences = [text for slug in topic_slugs for text in TOPIC_SENTENCES[slug]]
        sentences = [
            rng.choice(openings),
            *rng.sample(topic_sentences, min(len(topic_sentences), rng.randint(1, 2))),
        ]
        if rng.random() < 0.5:
            sentences.append(rng.choice(CLOSINGS))
        places = {"year": year, "in_place": place.phrase("in"), "from_place": place.phrase("aus")}
        return " ".join(sentence.format(**places) for sentence in sentences)

    def _member_count(self, category, legal_form):
        if category == "projekttraeger" or legal_form == LegalForm.GMBH:
            return None
        if self.random.random() >= 0.45:
            return None
        return self.random.randint(8, 300 if category == "netzwerk" else 150)

    def _district_slugs(self, place):
        wanted = self.random.choices((0, 1, 2, 3), weights=(15, 55, 20, 10))[0]
        return self.random.sample(place.districts, min(wanted, len(place.districts)))

    def _state_slugs(self, place, district_slugs):
        slugs = list(dict.fromkeys(DISTRICTS[slug][2] for slug in district_slugs))
        slugs = slugs or list(place.states)
        # Some organisations also keep an office in the capital.
        if "berlin" not in slugs and len(slugs) < 3 and self.random.random() < 0.1:
            slugs.append("berlin")
        return slugs

    def _relations(self, source):
        rng = self.random
        if not self.organisations or rng.random() >= 0.35:
            return []
        relations = {}
        for _ in range(rng.choice((1, 1, 2))):
            kind = rng.choices(self.relation_kinds, cum_weights=self.relation_weights)[0]
            targets = self.networks if kind == Relation.Kind.PART_OF and self.networks else None
            target = rng.choice(targets or self.organisations)
            relations[kind, target.slug] = Relation(source=source, kind=kind, target=target)
        return list(relations.values())

    def _add_contact(self, entry):
        rng = self.random
        organisation = entry.organisation
        is_female = rng.random() < 0.5
        first_name = rng.choice(FEMALE_FIRST_NAMES if is_female else MALE_FIRST_NAMES)
        last_name = rng.choice(LAST_NAMES)
        female_title, male_title, role = rng.choice(JOBS)
        person = ContactPerson(
            first_name=first_name,
            last_name=last_name,
            slug=self._person_slug(f"{first_name} {last_name}"),
            job_title=female_title if is_female else male_title,
            position=rng.choice(POSITIONS) if rng.random() < 0.3 else "",
            employer=organisation,
            phone=f"{rng.choice(PHONE_BLOCKS)}{rng.randrange(1000):03d}",
            email=(
                f"{german_slug(first_name)}.{german_slug(last_name)}"
                f"@{example_domain(organisation.slug)}"
            ),
            status=Status.PUBLISHED,
            is_demo=True,
        )
        entry.contacts.append(person)
        if role:
            entry.roles.append(ContactRole(person=person, organisation=organisation, role=role))

    def _person_slug(self, full_name):
        base = slug = german_slug(full_name)
        number = 1
        while slug in self.taken_person_slugs:
            number += 1
            slug = f"{base}-{number}"
        self.taken_person_slugs.add(slug)
        return slug


# --- Writing and removing ---------------------------------------------------------------

M2M_FIELDS = {"topics": "topics", "federal_states": "states", "districts": "districts"}


def generate_demo_data(count, seed=DEFAULT_SEED, progress=None):
    """
    Writes `count` demo entries in one transaction and returns what it created, counted.
    A later run adds further entries under new names: it draws from a random generator
    seeded with the seed and the number of demo entries already there.
    """
    created = Counter()
    with transaction.atomic():
        categories = {
            category.slug: category for category in Category.objects.filter(slug__in=CATEGORY_SLUGS)
        }
        if len(categories) < len(CATEGORY_SLUGS):
            raise SeedMissing
        lookups = {
            "topics": (Topic, {slug: {"name": name} for slug, name in TOPICS.items()}),
            "states": (FederalState, {slug: {"name": name} for slug, name in STATES.items()}),
            "districts": (
                District,
                {slug: {"name": name, "kind": kind} for slug, (name, kind, _) in DISTRICTS.items()},
            ),
        }
        rows = {}
        for key, (model, wanted) in lookups.items():
            rows[key], created[key] = ensure_rows(model, wanted)
        start = Organisation.objects.filter(is_demo=True).count()
        generator = DemoGenerator(
            f"{seed}/{start}",
            categories,
            rows["topics"],
            rows["states"],
            rows["districts"],
            taken={
                "names": Organisation.objects.values_list("name", flat=True),
                "slugs": Organisation.objects.values_list("slug", flat=True),
                "person_slugs": ContactPerson.objects.values_list("slug", flat=True),
            },
        )
        for done in range(0, count, BATCH_SIZE):
            entries = [generator.entry() for _ in range(min(BATCH_SIZE, count - done))]
            created += write_entries(entries)
            if progress:
                progress(done + len(entries), count)
    return created


def ensure_rows(model, wanted):
    """
    The rows of a named list (topics, states, districts) by slug: the existing ones, found by
    slug or, if an editor changed the slug, by name; the missing ones created as demo rows.
    """
    names = [fields["name"] for fields in wanted.values()]
    existing = list(model.objects.filter(Q(slug__in=list(wanted)) | Q(name__in=names)))
    by_slug = {row.slug: row for row in existing}
    by_name = {row.name: row for row in existing}
    rows, missing = {}, []
    for slug, fields in wanted.items():
        row = by_slug.get(slug) or by_name.get(fields["name"])
        if row is None:
            row = model(slug=slug, is_demo=True, **fields)
            missing.append(row)
        rows[slug] = row
    model.objects.bulk_create(missing)
    return rows, len(missing)


def insert_links(field_name, pairs):
    """
    Rows of an organisation's many-to-many table in one executemany: a model instance per
    row would make them the slowest part of writing, as there are several per entry.
    """
    m2m = Organisation._meta.get_field(field_name)
    table = connection.ops.quote_name(m2m.m2m_db_table())
    columns = ", ".join(
        connection.ops.quote_name(column)
        for column in (m2m.m2m_column_name(), m2m.m2m_reverse_name())
    )
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s)", pairs)


def write_entries(entries):
    organisations = [entry.organisation for entry in entries]
    Organisation.objects.bulk_create(organisations)
    for field_name, attribute in M2M_FIELDS.items():
        insert_links(
            field_name,
            [
                (entry.organisation.pk, row.pk)
                for entry in entries
                for row in getattr(entry, attribute)
            ],
        )
    relations = Relation.objects.bulk_create(
        relation for entry in entries for relation in entry.relations
    )
    contacts = ContactPerson.objects.bulk_create(
        person for entry in entries for person in entry.contacts
    )
    roles = ContactRole.objects.bulk_create(role for entry in entries for role in entry.roles)
    return Counter(
        organisations=len(organisations),
        relations=len(relations),
        contacts=len(contacts),
        roles=len(roles),
    )


class DemoDataInUse(Exception):
    """Contact persons of the editors work at demo organisations (the employer protects them)."""

    def __init__(self, people):
        super().__init__(people)
        self.people = people


def remove_demo_data():
    """
    Deletes every demo row, and the demo topics, states and districts that no remaining
    organisation uses, in one transaction; returns what it deleted, counted, and how many
    demo topics, states and districts it kept because editors' entries use them.
    """
    with transaction.atomic():
        employees = ContactPerson.objects.filter(is_demo=False, employer__is_demo=True)
        if people := list(employees.order_by("last_name", "first_name")[:5]):
            raise DemoDataInUse(people)
        deleted = Counter(
            roles=delete_rows(
                ContactRole.objects.filter(Q(person__is_demo=True) | Q(organisation__is_demo=True))
            ),
            relations=delete_rows(
                Relation.objects.filter(Q(source__is_demo=True) | Q(target__is_demo=True))
            ),
            contacts=delete_rows(ContactPerson.objects.filter(is_demo=True)),
        )
        for field_name in M2M_FIELDS:
            m2m = Organisation._meta.get_field(field_name)
            through = m2m.remote_field.through
            delete_rows(through.objects.filter(**{f"{m2m.m2m_field_name()}__is_demo": True}))
        deleted["organisations"] = delete_rows(Organisation.objects.filter(is_demo=True))
        kept = Counter()
        for key, model in (("topics", Topic), ("states", FederalState), ("districts", District)):
            deleted[key] = delete_rows(model.objects.filter(is_demo=True, organisations=None))
            kept[key] = model.objects.filter(is_demo=True).count()
    return deleted, kept


def delete_rows(queryset):
    """
    One DELETE statement, without loading the rows or sending a signal per row: what
    Django's own deletion does for rows nothing else refers to. remove_demo_data deletes
    what refers to a row before the row, and the command marks the page cache stale once.
    """
    return queryset._raw_delete(queryset.db)
