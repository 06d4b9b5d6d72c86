"""
The words demo entries are made of: topics, names, people and descriptions. Nothing points at
anyone real: phone numbers come from the blocks the Bundesnetzagentur keeps free for film and
television.
"""

from dataclasses import dataclass

from contacts.models import ContactRole
from organisations.models import LegalForm, Relation

# --- Topics ------------------------------------------------------------------------------

# The seed's topics, named as the seed names them, and further ones that a nationwide
# directory would have, in German and English. Rows missing from the database are created
# as demo rows.
TOPICS = {
    "bergbausanierung": ("Bergbausanierung", "Mine remediation"),
    "braunkohle": ("Braunkohle", "Lignite"),
    "dialog": ("Dialog", "Dialogue"),
    "energiewende": ("Energiewende", "Energy transition"),
    "forschung": ("Wissenschaft & Forschung", "Science & research"),
    "infrastruktur": ("Infrastruktur", "Infrastructure"),
    "internationalisierung": ("Internationalisierung", "Internationalisation"),
    "kommunalpolitik": ("Kommunalpolitik", "Local politics"),
    "landespolitik": ("Landespolitik", "State politics"),
    "mobilitaet-verkehr": ("Mobilität & Verkehr", "Mobility & transport"),
    "regionalentwicklung": ("Regionalentwicklung", "Regional development"),
    "sorbisch-wendische-kultur": ("Sorbisch-wendische Kultur", "Sorbian/Wendish culture"),
    "strukturwandel": ("Strukturwandel", "Structural change"),
    "wasserstoff": ("Wasserstoff", "Hydrogen"),
    "wirtschaft": ("Wirtschaft", "Economy"),
    "zivilgesellschaft": ("Zivilgesellschaft", "Civil society"),
    "bildung": ("Bildung", "Education"),
    "digitalisierung": ("Digitalisierung", "Digitalisation"),
    "erneuerbare-energien": ("Erneuerbare Energien", "Renewable energy"),
    "fachkraefte": ("Fachkräftesicherung", "Skilled labour"),
    "gesundheit": ("Gesundheit & Pflege", "Health & care"),
    "gruendung": ("Gründung & Start-ups", "Start-ups"),
    "handwerk": ("Handwerk", "Crafts"),
    "jugend": ("Jugend", "Youth"),
    "klimaschutz": ("Klimaschutz", "Climate protection"),
    "kultur": ("Kunst & Kultur", "Arts & culture"),
    "landwirtschaft": ("Landwirtschaft", "Agriculture"),
    "naturschutz": ("Natur- & Umweltschutz", "Nature & environment"),
    "tourismus": ("Tourismus", "Tourism"),
    "wald-forst": ("Wald & Forst", "Forestry"),
    "wasserwirtschaft": ("Wasserwirtschaft", "Water management"),
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
