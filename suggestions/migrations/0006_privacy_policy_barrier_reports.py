"""
The privacy policy says what a barrier report stores and for how long, in a section of its own
before the section on recipients, as 0003 added the one on suggestions (and with its functions).
"""

import functools
import importlib

from django.db import migrations

privacy_policy = importlib.import_module("suggestions.migrations.0003_privacy_policy")

SECTIONS = {
    "/datenschutz/": (
        "<h2>Empfänger und Drittländer</h2>",
        """<h2>Meldungen von Barrieren</h2>
<p>Mit dem Formular „Barriere melden“ können Sie der Redaktion Barrieren auf dieser Website melden. Gespeichert werden Ihre Meldung, die Seite, die Sie nennen, der Zeitpunkt und, nur wenn Sie sie angeben, Ihr Name und Ihre E-Mail-Adresse; sie dienen allein der Antwort der Redaktion. Die Redaktion erhält eine E-Mail, dass eine Meldung eingegangen ist. Name und E-Mail-Adresse werden 90 Tage nach der Antwort gelöscht; die Meldung selbst bleibt als Nachweis. Für das Zählen der Einsendungen je IP-Adresse und das Cookie „csrftoken“ gilt dasselbe wie bei den Vorschlägen.</p>

""",
    ),
    "/en/privacy/": (
        "<h2>Recipients and third countries</h2>",
        """<h2>Reports of barriers</h2>
<p>With the form “Report a barrier” you can report barriers on this website to the editors. The directory stores your report, the page you name, the time and, only if you give them, your name and e-mail address, which serve only for the editors' answer. The editors receive an e-mail that a report has arrived. Name and e-mail address are deleted 90 days after the answer; the report itself stays as a record. Counting the submissions per IP address and the cookie “csrftoken” work as for suggestions.</p>

""",
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("suggestions", "0005_barrier_reports"),
    ]

    operations = [
        migrations.RunPython(
            functools.partial(privacy_policy.add_sections, sections=SECTIONS),
            functools.partial(privacy_policy.remove_sections, sections=SECTIONS),
        )
    ]
