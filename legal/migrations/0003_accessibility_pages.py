"""
The accessibility statement (Erklärung zur Barrierefreiheit) in German and English, and the
page in Leichte Sprache with its short English "Easy to read" twin, as flat pages.

The statement follows the model of Implementing Decision (EU) 2018/1523 and says only what
the project's own checks show (tests/browser/test_pages.py, tests/test_html_validity.py,
`make lighthouse`); what only the publisher knows is left in the dashed boxes, as on the other
legal pages. The editors keep all four pages in the admin under "Statische Seiten".
"""

from django.conf import settings
from django.db import migrations

TODO_DE = '<p class="publisher-todo">[Vom Herausgeber auszufüllen: {}]</p>'
TODO_EN = '<p class="publisher-todo">[To be completed by the publisher: {}]</p>'

ERKLAERUNG = f"""<p>Der Herausgeber des Lausitz-Verzeichnisses will seine Website barrierefrei zugänglich machen, nach der Richtlinie (EU) 2016/2102, dem Brandenburgischen Behindertengleichstellungsgesetz (BbgBGG) und der Brandenburgischen Barrierefreie-Informationstechnik-Verordnung (BbgBITV), die auf die Barrierefreie-Informationstechnik-Verordnung des Bundes (BITV 2.0) verweist. Diese Erklärung gilt für die Website des Lausitz-Verzeichnisses in deutscher und englischer Sprache.</p>
{TODO_DE.format("Name des Herausgebers und Adresse der Website")}

<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Die Website ist <strong>teilweise</strong> mit der BITV 2.0 vereinbar. Maßstab ist die Norm EN 301 549, deren Anforderungen an Websites den Web Content Accessibility Guidelines (WCAG) 2.1 in den Stufen A und AA entsprechen. Die automatischen Prüfungen finden auf keiner Seitenart einen Verstoß gegen WCAG 2.1 AA; sie prüfen auch die neuen Anforderungen der WCAG 2.2 in Stufe AA, etwa die Mindestgröße von Zielen (2.5.8) und sichtbare Fokusrahmen, die nicht verdeckt werden. „Teilweise“ heißt: Es fehlen die Erklärungen in Deutscher Gebärdensprache, und einige Anforderungen kann nur ein Mensch prüfen; eine solche Prüfung steht noch aus (siehe unten).</p>

<h2>Wie diese Erklärung entstanden ist</h2>
<p>Die Erklärung beruht auf einer Selbstbewertung. Bei jeder Änderung der Website laufen diese automatischen Prüfungen:</p>
<ul>
<li><strong>axe-core 4.14.1</strong> prüft jede Seitenart in Deutsch, die Formulare und die englischen Fassungen von Start-, Organisations-, Barrierefreiheits- und Leichte-Sprache-Seite in Chromium nach den Regeln für WCAG 2.0, 2.1 und 2.2 in den Stufen A und AA: auf einem Telefon (375 Pixel breit), auf einem Bildschirm (1280 Pixel) und im dunklen Farbschema. Ergebnis: keine Verstöße.</li>
<li>Der <strong>Nu Html Checker</strong> (vnu-jar 26.9.27) prüft jede Seitenart in beiden Sprachen auf gültiges HTML. Ergebnis: keine Fehler.</li>
<li>Tastatur: Der Link „Zum Inhalt springen“ ist der erste Tabulator-Halt; die Liste lässt sich allein mit der Tastatur filtern und ein Ergebnis öffnen. Jeder Tabulator-Halt zeigt einen sichtbaren Fokusrahmen.</li>
<li>Umbruch (Reflow): Auf einem 320 Pixel breiten Bildschirm, also bei 400 % Vergrößerung, muss keine Seite seitlich verschoben werden.</li>
<li><strong>Lighthouse 12.2.3</strong> (Google) bewertet die Startseite, die Liste, eine Organisation und einen Ansprechpartner auf einem Telefon; die Bewertung für Barrierefreiheit ist jeweils 100 von 100 (gemessen am 25. November 2026).</li>
<li>Die Formulare funktionieren ohne JavaScript; Fehler stehen gesammelt oben im Formular und verweisen auf das jeweilige Feld.</li>
</ul>
<p>Automatische Prüfungen finden nach allgemeiner Erfahrung nur einen Teil der möglichen Barrieren. Nicht automatisch prüfen lässt sich zum Beispiel, ob Texte, Überschriften, Linktexte und Textalternativen verständlich und treffend sind, ob die Seiten mit Screenreadern wie NVDA, JAWS oder VoiceOver gut zu bedienen sind und ob die Reihenfolge beim Vorlesen sinnvoll ist. Eine Prüfung durch Menschen mit Hilfsmitteln oder durch eine unabhängige Prüfstelle (etwa den BITV-Test) hat noch nicht stattgefunden.</p>
{TODO_DE.format("ob und wann eine Prüfung durch Menschen oder eine Prüfstelle stattgefunden hat, und ihr Ergebnis")}

<h2>Nicht barrierefreie Inhalte</h2>
<h3>Keine Erklärungen in Deutscher Gebärdensprache</h3>
<p>Die BITV 2.0 verlangt, dass die Startseite die wesentlichen Inhalte, die Bedienung und diese Erklärung in Deutscher Gebärdensprache (DGS) erklärt. Solche Videos gibt es noch nicht. Als Ersatz erklärt die Seite <a href="/leichte-sprache/">Leichte Sprache</a> die Website in einfachen Sätzen. Sie können der Redaktion außerdem schreiben (siehe „Barriere melden“).</p>
{TODO_DE.format("ob und bis wann Videos in Deutscher Gebärdensprache geplant sind")}

<h3>Texte der Einträge</h3>
<p>Die Beschreibungen der Organisationen stammen aus der Quelle, einer Seite der IHK Cottbus. Sie sind nicht in Leichter Sprache geschrieben und enthalten Fachwörter. Auf den englischen Seiten stehen Einträge ohne englische Fassung auf Deutsch; sie sind als deutscher Text ausgezeichnet, damit Screenreader sie richtig vorlesen.</p>

<h3>Das Bild des Netzwerks</h3>
<p>Die Seite „Netzwerk“ und jede Organisationsseite zeigen die Beziehungen der Akteure als Bild (SVG). Jeder Kasten im Bild ist ein Link. Auf schmalen Bildschirmen lässt sich das große Bild seitlich verschieben, denn es ergibt nur als Ganzes einen Sinn. Dieselben Angaben stehen unter dem Bild als Text: die Legende und „Das Bild in Worten“ mit allen Beziehungen.</p>

<h3>Dokumente und Datendateien</h3>
<p>Die Website bietet keine PDF-Dokumente an. Die offenen Daten (CSV, JSON, Atom) sind für Programme gedacht; dieselben Angaben stehen auf den Seiten der Website.</p>

<h2>Barriere melden: Ihr Feedback und Kontakt</h2>
<p>Haben Sie eine Barriere auf dieser Website gefunden, oder brauchen Sie Inhalte in einer anderen Form? Schreiben Sie uns über das Formular <a href="/barriere-melden/">Barriere melden</a>. Es funktioniert ohne JavaScript. Ihre Meldung geht an die Redaktion; sie antwortet Ihnen, wenn Sie eine E-Mail-Adresse angeben.</p>
{TODO_DE.format("E-Mail-Adresse, Telefonnummer und Postanschrift für Meldungen zur Barrierefreiheit, und in welcher Frist die Redaktion antwortet")}

<h2>Durchsetzungsverfahren</h2>
<p>Wenn Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort erhalten, können Sie sich an die Durchsetzungsstelle für digitale Barrierefreiheit des Landes Brandenburg wenden. Sie ist bei der Landesbeauftragten für die Belange der Menschen mit Behinderungen des Landes Brandenburg angesiedelt und prüft, ob öffentliche Stellen des Landes die Anforderungen an die Barrierefreiheit erfüllen.</p>
{TODO_DE.format("Anschrift, Telefonnummer, E-Mail-Adresse und Website der Durchsetzungsstelle für digitale Barrierefreiheit; bitte bei der Stelle erfragen")}

<h2>Datum</h2>
<p>Diese Erklärung wurde am 4. Dezember 2026 erstellt und zuletzt am 4. Dezember 2026 überprüft.</p>
"""

STATEMENT = f"""<p>The publisher of the Lausitz Directory strives to make its website accessible, in accordance with Directive (EU) 2016/2102, the Brandenburg Disability Equality Act (<span lang="de">Brandenburgisches Behindertengleichstellungsgesetz</span>, BbgBGG) and the Brandenburg Accessible Information Technology Ordinance (<span lang="de">Brandenburgische Barrierefreie-Informationstechnik-Verordnung</span>, BbgBITV), which refers to the federal ordinance BITV 2.0. This statement applies to the website of the Lausitz Directory in German and English.</p>
{TODO_EN.format("name of the publisher and address of the website")}

<h2>Compliance status</h2>
<p>This website is <strong>partially</strong> compliant with BITV 2.0. The standard is EN 301 549, whose requirements for websites correspond to the Web Content Accessibility Guidelines (WCAG) 2.1 at levels A and AA. The automated checks find no violation of WCAG 2.1 AA on any kind of page; they also check the new requirements of WCAG 2.2 at level AA, such as the minimum target size (2.5.8) and visible focus indicators that are not obscured. “Partially” means: explanations in German Sign Language are missing, and some requirements only a person can check; such a check has not yet taken place (see below).</p>

<h2>Preparation of this statement</h2>
<p>This statement is based on a self-assessment. Every change to the website runs these automated checks:</p>
<ul>
<li><strong>axe-core 4.14.1</strong> checks every kind of page in German, the forms, and the English versions of the home, organisation, accessibility and easy-to-read pages in Chromium against the rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA: on a phone (375 pixels wide), on a desktop screen (1280 pixels) and in the dark colour scheme. Result: no violations.</li>
<li>The <strong>Nu Html Checker</strong> (vnu-jar 26.9.27) checks every kind of page in both languages for valid HTML. Result: no errors.</li>
<li>Keyboard: the link “Skip to content” is the first tab stop; the list can be filtered and a result opened with the keyboard alone. Every tab stop shows a visible focus indicator.</li>
<li>Reflow: on a screen 320 pixels wide, that is at 400 % zoom, no page needs to be scrolled sideways.</li>
<li><strong>Lighthouse 12.2.3</strong> (Google) rates the home page, the list, an organisation and a contact person on a phone; the accessibility score is 100 out of 100 on each (measured on 25 November 2026).</li>
<li>The forms work without JavaScript; errors are listed together at the top of the form and link to their fields.</li>
</ul>
<p>Automated checks are generally known to find only part of the possible barriers. They cannot tell, for example, whether texts, headings, link texts and text alternatives are understandable and apt, whether the pages are easy to use with screen readers such as NVDA, JAWS or VoiceOver, and whether the reading order makes sense. A test by people using assistive technology or by an independent testing body (such as the <span lang="de">BITV-Test</span>) has not yet taken place.</p>
{TODO_EN.format("whether and when a test by people or a testing body took place, and its result")}

<h2>Non-accessible content</h2>
<h3>No explanations in German Sign Language</h3>
<p>BITV 2.0 requires the home page to explain the main content, the navigation and this statement in German Sign Language (<span lang="de">Deutsche Gebärdensprache</span>, DGS). Such videos do not exist yet. As an alternative, the page <a href="/en/easy-to-read/">Easy to read</a> explains the website in simple sentences, and the German page <a href="/leichte-sprache/" hreflang="de"><span lang="de">Leichte Sprache</span></a> does so in German Easy Language. You can also write to the editors (see “Report a barrier”).</p>
{TODO_EN.format("whether and by when videos in German Sign Language are planned")}

<h3>Texts of the entries</h3>
<p>The descriptions of the organisations come from the source, a page of the IHK Cottbus. They are not written in easy language and contain technical terms. On the English pages, entries without an English version are shown in German; they are marked as German text so that screen readers read them correctly.</p>

<h3>The network picture</h3>
<p>The page “Network” and every organisation page show the relations of the actors as a picture (SVG). Every box in the picture is a link. On narrow screens the large picture can be scrolled sideways, because it only makes sense as a whole. The same information is given as text below the picture: the legend and “The picture in words” with every relation.</p>

<h3>Documents and data files</h3>
<p>The website offers no PDF documents. The open data (CSV, JSON, Atom) are meant for programs; the same information is on the pages of the website.</p>

<h2>Report a barrier: feedback and contact</h2>
<p>Have you found a barrier on this website, or do you need content in another form? Write to us with the form <a href="/en/report-a-barrier/">Report a barrier</a>. It works without JavaScript. Your report goes to the editors; they answer you if you give an e-mail address.</p>
{TODO_EN.format("e-mail address, telephone number and postal address for reports on accessibility, and within which time the editors answer")}

<h2>Enforcement procedure</h2>
<p>If you receive no answer or no satisfactory answer to your report, you can turn to the enforcement body for digital accessibility of the State of Brandenburg (<span lang="de">Durchsetzungsstelle für digitale Barrierefreiheit</span>). It is part of the office of the State Commissioner for the Concerns of People with Disabilities of Brandenburg (<span lang="de">Landesbeauftragte für die Belange der Menschen mit Behinderungen des Landes Brandenburg</span>) and checks whether public bodies of the state meet the accessibility requirements.</p>
{TODO_EN.format("address, telephone number, e-mail address and website of the enforcement body for digital accessibility; please ask the body")}

<h2>Date</h2>
<p>This statement was prepared on 4 December 2026 and last reviewed on 4 December 2026.</p>
"""

# Leichte Sprache after the rules of the Netzwerk Leichte Sprache: one statement a sentence,
# one sentence a line, hard words explained, long words split with the media point (·).
LEICHTE_SPRACHE = """<div class="easy-read">
<p>Hier steht in Leichter Sprache:<br>
Was ist diese Website?<br>
Wie finden Sie eine Organisation?<br>
Wie finden Sie einen Ansprech·partner?<br>
Wie gut können alle Menschen die Website benutzen?</p>

<h2>Was ist diese Website?</h2>
<p>Diese Website heißt: Lausitz-Verzeichnis.<br>
Ein Verzeichnis ist eine Liste.<br>
Die Lausitz ist eine Gegend in Brandenburg und Sachsen.</p>
<p>In der Lausitz gab es viele Braun·kohle·werke.<br>
Die Braun·kohle·werke machen zu.<br>
Darum verändert sich die Lausitz.<br>
Das nennt man: Struktur·wandel.</p>
<p>Viele Gruppen helfen beim Struktur·wandel.<br>
Diese Gruppen heißen: Organisationen.<br>
Auf dieser Website stehen diese Organisationen.</p>

<h2>Wie finden Sie eine Organisation?</h2>
<p>Oben auf jeder Seite steht das Wort: Organisationen.<br>
Klicken Sie darauf.<br>
Dann sehen Sie eine Liste.</p>
<p>Sie können ein Wort in das Such·feld schreiben.<br>
Zum Beispiel: Wasser·stoff.<br>
Dann zeigt die Liste nur passende Organisationen.</p>
<p>Sie können auch Filter wählen.<br>
Filter heißt:<br>
Sie wählen aus, was Sie sehen wollen.<br>
Zum Beispiel nur Organisationen aus Sachsen.</p>
<p>Klicken Sie auf den Namen von einer Organisation.<br>
Dann sehen Sie mehr über diese Organisation.</p>

<h2>Wie finden Sie einen Ansprech·partner?</h2>
<p>Ein Ansprech·partner ist ein Mensch.<br>
Mit diesem Menschen können Sie sprechen.<br>
Oder Sie können diesem Menschen schreiben.</p>
<p>Oben auf jeder Seite steht das Wort: Ansprech·partner.<br>
Klicken Sie darauf.<br>
Dann sehen Sie alle Ansprech·partner.<br>
Dort stehen die Telefon·nummer und die E-Mail-Adresse.</p>

<h2>Wie gut können alle Menschen die Website benutzen?</h2>
<p>Alle Menschen sollen diese Website gut benutzen können.<br>
Auch Menschen mit Behinderung.<br>
Das nennt man: Barriere·freiheit.</p>
<p>Wir prüfen die Website oft mit Computer·programmen.<br>
Die Programme finden keine Fehler.<br>
Aber Programme finden nicht alle Probleme.</p>
<p>Das fehlt noch:<br>
Es gibt noch keine Videos in Gebärden·sprache.<br>
Gebärden·sprache ist eine Sprache mit den Händen.</p>
<p>Mehr dazu steht in der <a href="/barrierefreiheit/">Erklärung zur Barriere·freiheit</a>.<br>
Diese Erklärung ist in schwerer Sprache.</p>

<h2>Haben Sie ein Problem mit der Website?</h2>
<p>Dann schreiben Sie uns.<br>
Dafür gibt es ein Formular.<br>
Das Formular heißt: <a href="/barriere-melden/">Barriere melden</a>.<br>
Sie müssen Ihren Namen nicht sagen.<br>
Wir lesen jede Nachricht.</p>
</div>
"""

EASY_TO_READ = """<div class="easy-read">
<p>This page explains the website in simple words.</p>

<h2>What is this website?</h2>
<p>This website is the Lausitz Directory.<br>
A directory is a list.<br>
The Lausitz is a region in the east of Germany.</p>
<p>The Lausitz had many coal mines.<br>
The coal mines are closing.<br>
So the region is changing.</p>
<p>Many groups help with this change.<br>
This website lists these groups.</p>

<h2>How do I find a group?</h2>
<p>At the top of every page is the word: Organisations.<br>
Click on it.<br>
You see a list.<br>
You can type a word in the search box.<br>
You can choose filters, for example only groups in Saxony.<br>
Click on the name of a group to read more about it.</p>

<h2>How do I contact someone?</h2>
<p>At the top of every page is the word: Contacts.<br>
Click on it.<br>
You see people you can call or write to.</p>

<h2>Can everyone use this website?</h2>
<p>We want everyone to use this website.<br>
Also people with disabilities.<br>
Computer programs check the website often.<br>
They find no errors.<br>
But programs do not find every problem.<br>
There are no videos in sign language yet.</p>
<p>You can read more in the <a href="/en/accessibility/">accessibility statement</a>.<br>
A page in German easy language is here: <a href="/leichte-sprache/" hreflang="de"><span lang="de">Leichte Sprache</span></a>.</p>

<h2>Is something wrong?</h2>
<p>Then write to us.<br>
Use the form <a href="/en/report-a-barrier/">Report a barrier</a>.<br>
You do not have to give your name.</p>
</div>
"""

PAGES = [
    ("/barrierefreiheit/", "Erklärung zur Barrierefreiheit", ERKLAERUNG),
    ("/en/accessibility/", "Accessibility statement", STATEMENT),
    ("/leichte-sprache/", "Leichte Sprache", LEICHTE_SPRACHE),
    ("/en/easy-to-read/", "Easy to read", EASY_TO_READ),
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
        ("legal", "0002_editors_edit_legal_pages"),
    ]

    operations = [migrations.RunPython(create_pages, delete_pages)]
