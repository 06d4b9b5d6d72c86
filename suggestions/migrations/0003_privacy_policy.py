"""
The privacy policy says what a suggestion stores and for how long. Added to the pages the
legal app's migration wrote, before their section on recipients; a page the publisher has
rewritten without that section is left alone (docs/redaktion.md asks to add it by hand).
"""

from django.db import migrations

SECTIONS = {
    "/datenschutz/": (
        "<h2>Empfänger und Drittländer</h2>",
        """<h2>Vorschläge für das Verzeichnis</h2>
<p>Mit den Formularen „Änderung vorschlagen“ und „Eintrag vorschlagen“ können Sie der Redaktion Korrekturen und neue Einträge vorschlagen. Gespeichert werden Ihr Vorschlag, Ihre Anmerkung und Quelle, der Zeitpunkt und, nur wenn Sie sie angeben, Ihr Name und Ihre E-Mail-Adresse; sie dienen allein Rückfragen der Redaktion. Die Website schickt an Ihre Adresse keine automatische E-Mail. Die Redaktion erhält eine E-Mail, dass ein Vorschlag eingegangen ist. Name und E-Mail-Adresse werden 90 Tage nach der Entscheidung über den Vorschlag gelöscht; der Vorschlag selbst bleibt als Nachweis der Änderung. Um massenhafte Einsendungen abzuwehren, zählt der Server eine Stunde lang, wie viele Vorschläge von einer IP-Adresse kommen; die Adresse wird nicht beim Vorschlag gespeichert. Die Formularseiten setzen das technisch notwendige Cookie „csrftoken“ (Schutz vor untergeschobenen Anfragen, § 25 Abs. 2 Nr. 2 TDDDG); die übrigen Seiten setzen keines.</p>

""",
    ),
    "/en/privacy/": (
        "<h2>Recipients and third countries</h2>",
        """<h2>Suggestions for the directory</h2>
<p>With the forms “Suggest a correction” and “Suggest an entry” you can suggest corrections and new entries to the editors. The directory stores your suggestion, your note and source, the time and, only if you give them, your name and e-mail address, which serve only for the editors' questions. The website sends no automatic e-mail to your address. The editors receive an e-mail that a suggestion has arrived. Name and e-mail address are deleted 90 days after the decision on the suggestion; the suggestion itself stays as a record of the change. To fend off mass submissions, the server counts for one hour how many suggestions come from an IP address; the address is not stored with the suggestion. The form pages set the technically necessary cookie “csrftoken” (protection against forged requests, section 25 (2) no. 2 TDDDG); the other pages set none.</p>

""",
    ),
}


def add_sections(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for url, (before, section) in SECTIONS.items():
        page = FlatPage.objects.filter(url=url).first()
        if page is not None and before in page.content and section not in page.content:
            page.content = page.content.replace(before, section + before, 1)
            page.save(update_fields=["content"])


def remove_sections(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for url, (_before, section) in SECTIONS.items():
        page = FlatPage.objects.filter(url=url).first()
        if page is not None and section in page.content:
            page.content = page.content.replace(section, "", 1)
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("legal", "0001_legal_pages"),
        ("suggestions", "0002_editors_handle_suggestions"),
    ]

    operations = [migrations.RunPython(add_sections, remove_sections)]
