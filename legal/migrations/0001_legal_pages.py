"""
Impressum and Datenschutzerklärung in German and English, as flat pages.

The texts say only what is true of this site's technology; what only the
publisher knows is left in boxes marked "[Vom Herausgeber auszufüllen: …]".
The editors complete them in the admin under "Statische Seiten".
"""

from django.conf import settings
from django.db import migrations

TODO_DE = '<p class="publisher-todo">[Vom Herausgeber auszufüllen: {}]</p>'
TODO_EN = '<p class="publisher-todo">[To be completed by the publisher: {}]</p>'

IMPRESSUM = f"""<p>Angaben nach § 5 Digitale-Dienste-Gesetz (DDG) und § 18 Medienstaatsvertrag (MStV): wer das Lausitz-Verzeichnis herausgibt und wer für seinen Inhalt verantwortlich ist.</p>

<h2>Herausgeber</h2>
{TODO_DE.format("Name der Körperschaft des öffentlichen Rechts und ihre Anschrift (Straße, Postleitzahl, Ort)")}

<h2>Vertreten durch</h2>
{TODO_DE.format("Namen und Funktionen der vertretungsberechtigten Personen")}

<h2>Kontakt</h2>
{TODO_DE.format("Telefonnummer und E-Mail-Adresse")}

<h2>Aufsichtsbehörde</h2>
{TODO_DE.format("Name und Anschrift der zuständigen Aufsichtsbehörde")}

<h2>Register und Umsatzsteuer-Identifikationsnummer</h2>
{TODO_DE.format("Registereintrag und Umsatzsteuer-Identifikationsnummer nach § 27a Umsatzsteuergesetz, soweit vorhanden; sonst diesen Abschnitt löschen")}

<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2>
{TODO_DE.format("Name und Anschrift der verantwortlichen Person")}

<h2>Quelle der Einträge</h2>
<p>Das Verzeichnis gibt die Angaben der Seite „Netzwerke, Initiativen, Projektträger im Strukturwandel“ der IHK Cottbus wieder. Was die Quelle nicht nennt, bleibt leer.</p>
"""

LEGAL_NOTICE = f"""<p>Information under section 5 of the German Digital Services Act (<span lang="de">Digitale-Dienste-Gesetz</span>, DDG) and section 18 of the Interstate Media Treaty (<span lang="de">Medienstaatsvertrag</span>, MStV): who publishes the Lausitz Directory and who is responsible for its content.</p>

<h2>Publisher</h2>
{TODO_EN.format("name of the public-law body and its address (street, postcode, town)")}

<h2>Represented by</h2>
{TODO_EN.format("names and functions of the persons authorised to represent it")}

<h2>Contact</h2>
{TODO_EN.format("telephone number and e-mail address")}

<h2>Supervisory authority</h2>
{TODO_EN.format("name and address of the competent supervisory authority")}

<h2>Register and VAT identification number</h2>
{TODO_EN.format("register entry and VAT identification number under section 27a of the German VAT Act, where they exist; otherwise delete this section")}

<h2>Responsible for the content under section 18 (2) MStV</h2>
{TODO_EN.format("name and address of the responsible person")}

<h2>Source of the entries</h2>
<p>The directory reproduces the information of the page <span lang="de">„Netzwerke, Initiativen, Projektträger im Strukturwandel“</span> of the IHK Cottbus (Chamber of Industry and Commerce Cottbus). What the source does not state is left blank.</p>
"""

DATENSCHUTZ = f"""<p>Welche personenbezogenen Daten beim Besuch des Lausitz-Verzeichnisses verarbeitet werden, wozu und welche Rechte Sie haben (Art. 13 Datenschutz-Grundverordnung, DSGVO).</p>

<h2>Verantwortlicher</h2>
{TODO_DE.format("Name, Anschrift, Telefonnummer und E-Mail-Adresse des Herausgebers")}

<h2>Datenschutzbeauftragte oder Datenschutzbeauftragter</h2>
{TODO_DE.format("Kontaktdaten der oder des Datenschutzbeauftragten")}

<h2>Keine Cookies, keine Dienste Dritter</h2>
<p>Beim Besuch der Seiten setzt das Verzeichnis keine Cookies. Es misst keine Reichweite, zeigt keine Werbung und bindet keine Dienste Dritter ein: Schriften, Stylesheets und Bilder kommen von diesem Server, die Seiten laden nichts von anderen Servern. Die englische Fassung wählen Sie über die Adresse (/en/), nicht über ein Cookie.</p>
<p>Links zu den Websites der Organisationen führen zu anderen Anbietern; dort gelten deren Datenschutzerklärungen.</p>

<h2>Zugriffsprotokolle des Servers</h2>
<p>Bei jedem Abruf einer Seite schreibt der Anwendungsserver eine Zeile in sein Zugriffsprotokoll: die IP-Adresse des anfragenden Rechners (steht ein Proxy-Server davor, dessen Adresse), Datum und Uhrzeit, die abgerufene Adresse mit ihren Suchangaben, den Statuscode, die Größe der Antwort, die zuvor besuchte Seite (Referer), soweit Ihr Browser sie mitteilt, und die Kennung Ihres Browsers (User-Agent). Bei Fehlern, etwa einer nicht gefundenen Seite, protokolliert die Anwendung zusätzlich die abgerufene Adresse. Diese Angaben dienen dazu, die Seiten auszuliefern, Fehler zu finden und Angriffe abzuwehren; sie werden nicht mit anderen Daten zusammengeführt.</p>
{TODO_DE.format("Rechtsgrundlage (z. B. Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit der für den Herausgeber geltenden Vorschrift), wer den Server betreibt (Hosting-Dienstleister als Auftragsverarbeiter, Standort), ob ein vorgeschalteter Proxy-Server eigene Protokolle führt und wie lange die Protokolle aufbewahrt werden")}

<h2>Ansprechpartner im Verzeichnis</h2>
<p>Das Verzeichnis veröffentlicht Namen, Funktionen und dienstliche Kontaktdaten (Telefon, Fax, E-Mail) von Ansprechpartnern der Organisationen, wie die Quelle sie nennt: die Seite „Netzwerke, Initiativen, Projektträger im Strukturwandel“ der IHK Cottbus.</p>
{TODO_DE.format("Rechtsgrundlage der Veröffentlichung und wie lange die Angaben veröffentlicht bleiben")}

<h2>Zugang für die Redaktion</h2>
<p>Nur wer die Anmeldeseite der Redaktion unter /admin/ aufruft, erhält das Cookie „csrftoken“ (schützt die Formulare vor untergeschobenen Anfragen, gilt 52 Wochen); nach der Anmeldung kommt das Cookie „sessionid“ hinzu (hält die Anmeldung, gilt zwei Wochen oder bis zur Abmeldung). Beide sind technisch notwendig (§ 25 Abs. 2 Nr. 2 Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz). Für die Konten der Redaktion speichert das Verzeichnis Benutzername, Name und E-Mail-Adresse, soweit eingetragen, das Passwort nur als Hash, den Zeitpunkt der letzten Anmeldung und ein Protokoll, wer wann welchen Eintrag geändert hat.</p>

<h2>Empfänger und Drittländer</h2>
<p>Das Verzeichnis selbst gibt keine Daten seiner Besucherinnen und Besucher an Dritte weiter und überträgt keine in Drittländer.</p>

<h2>Ihre Rechte</h2>
<p>Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch gegen die Verarbeitung (Art. 21). Sie können sich bei einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77 DSGVO).</p>
{TODO_DE.format("die für den Herausgeber zuständige Datenschutz-Aufsichtsbehörde mit Anschrift")}

<h2>Pflicht zur Bereitstellung, automatisierte Entscheidungen</h2>
<p>Sie müssen keine Daten angeben. Ohne die Verbindungsdaten kann der Server die Seiten allerdings nicht ausliefern. Es gibt keine automatisierte Entscheidungsfindung und kein Profiling (Art. 22 DSGVO).</p>

<h2>Stand</h2>
{TODO_DE.format("Datum dieser Fassung")}
"""

PRIVACY = f"""<p>Which personal data are processed when you visit the Lausitz Directory, for what purpose, and what rights you have (Art. 13 General Data Protection Regulation, GDPR).</p>

<h2>Controller</h2>
{TODO_EN.format("name, address, telephone number and e-mail address of the publisher")}

<h2>Data protection officer</h2>
{TODO_EN.format("contact details of the data protection officer")}

<h2>No cookies, no third-party services</h2>
<p>When you visit the pages, the directory sets no cookies. It does not measure its audience, shows no advertising and embeds no third-party services: fonts, style sheets and images come from this server, and the pages load nothing from other servers. You choose the English version by its address (/en/), not by a cookie.</p>
<p>Links to the websites of the organisations lead to other providers, whose privacy policies apply there.</p>

<h2>Server access logs</h2>
<p>Whenever a page is requested, the application server writes a line to its access log: the IP address of the requesting computer (or, where a proxy server stands in front, that server's address), date and time, the requested address with its search parameters, the status code, the size of the response, the previously visited page (referrer) if your browser sends it, and your browser's identifier (user agent). When an error occurs, such as a page not found, the application also logs the requested address. These data serve to deliver the pages, to find errors and to fend off attacks; they are not combined with other data.</p>
{TODO_EN.format("legal basis (e.g. Art. 6 (1) (e) GDPR together with the provision that applies to the publisher), who operates the server (hosting provider as processor, location), whether a proxy server in front keeps its own logs, and how long the logs are kept")}

<h2>Contact persons in the directory</h2>
<p>The directory publishes the names, functions and business contact details (telephone, fax, e-mail) of the organisations' contact persons as the source states them: the page <span lang="de">„Netzwerke, Initiativen, Projektträger im Strukturwandel“</span> of the IHK Cottbus.</p>
{TODO_EN.format("legal basis of the publication and how long the details stay published")}

<h2>Editors' access</h2>
<p>Only those who open the editors' login page at /admin/ receive the cookie “csrftoken” (protects the forms against forged requests, valid for 52 weeks); after logging in, the cookie “sessionid” is added (keeps the login, valid for two weeks or until logging out). Both are technically necessary (section 25 (2) no. 2 of the German <span lang="de">Telekommunikation-Digitale-Dienste-Datenschutz-Gesetz</span>). For the editors' accounts the directory stores user name, name and e-mail address where entered, the password only as a hash, the time of the last login, and a log of who changed which entry when.</p>

<h2>Recipients and third countries</h2>
<p>The directory itself passes no data of its visitors to third parties and transfers none to third countries.</p>

<h2>Your rights</h2>
<p>You have the right of access (Art. 15 GDPR), rectification (Art. 16), erasure (Art. 17), restriction of processing (Art. 18) and to object to processing (Art. 21). You may lodge a complaint with a data protection supervisory authority (Art. 77 GDPR).</p>
{TODO_EN.format("the data protection supervisory authority competent for the publisher, with its address")}

<h2>Obligation to provide data, automated decisions</h2>
<p>You do not have to provide any data. Without the connection data, however, the server cannot deliver the pages. There is no automated decision-making and no profiling (Art. 22 GDPR).</p>

<h2>Version</h2>
{TODO_EN.format("date of this version")}
"""

PAGES = [
    ("/impressum/", "Impressum", IMPRESSUM),
    ("/datenschutz/", "Datenschutzerklärung", DATENSCHUTZ),
    ("/en/legal-notice/", "Legal notice", LEGAL_NOTICE),
    ("/en/privacy/", "Privacy policy", PRIVACY),
]


def create_pages(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for url, title, content in PAGES:
        page, created = FlatPage.objects.get_or_create(
            url=url, defaults={"title": title, "content": content}
        )
        if created:
            page.sites.add(settings.SITE_ID)


def delete_pages(apps, schema_editor):
    apps.get_model("flatpages", "FlatPage").objects.filter(
        url__in=[url for url, _title, _content in PAGES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("flatpages", "0001_initial"),
        ("seo", "0001_site"),
    ]

    operations = [migrations.RunPython(create_pages, delete_pages)]
