from concurrent.futures import ThreadPoolExecutor, as_completed

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.management.base import BaseCommand

from linkcheck.checker import check
from linkcheck.models import LinkCheck
from organisations.models import Organisation


def positive(kind):
    def convert(value):
        number = kind(value)
        if number <= 0:
            raise ValueError(value)
        return number

    convert.__name__ = kind.__name__
    return convert


def user_agent():
    """Names the site and its address, so that a website's operator knows who asks."""
    scheme = "https" if settings.HTTPS else "http"
    return f"LausitzVerzeichnis-Linkpruefung/1.0 (+{scheme}://{Site.objects.get_current().domain}/)"


class Command(BaseCommand):
    help = (
        "Prüft die Website jeder veröffentlichten Organisation und speichert das Ergebnis "
        "(Verwaltung: Linkprüfung → Linkprüfungen, Filter „Defekte Links“)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--workers",
            type=positive(int),
            default=8,
            help="So viele Websites werden gleichzeitig geprüft (Standard: 8).",
        )
        parser.add_argument(
            "--timeout",
            type=positive(float),
            default=10.0,
            help="Sekunden, die jede Anfrage auf eine Antwort wartet (Standard: 10).",
        )

    def handle(self, *args, workers, timeout, **options):
        organisations = list(
            Organisation.objects.published().exclude(website="").only("name", "slug", "website")
        )
        # Checks of entries that no longer have a website, or are no longer published, are
        # out of date: nobody links to those addresses any more.
        LinkCheck.objects.exclude(organisation__in=organisations).delete()
        if not organisations:
            self.stdout.write("Keine veröffentlichte Organisation hat eine Website.")
            return
        agent = user_agent()
        total, broken = len(organisations), []
        on_terminal = self.stdout.isatty()
        # Threads only wait for the websites; the results are saved here, one at a time.
        with ThreadPoolExecutor(max_workers=workers) as pool:
            futures = {
                pool.submit(check, organisation.website, timeout, agent): organisation
                for organisation in organisations
            }
            for done, future in enumerate(as_completed(futures), start=1):
                organisation = futures[future]
                result = LinkCheck.record(organisation, future.result())
                if result.is_broken:
                    broken.append(result)
                if on_terminal:
                    progress = f"\r{done}/{total} geprüft, {len(broken)} defekt"
                    self.stdout.write(progress, ending="")
                    self.stdout.flush()
                else:
                    self.stdout.write(f"{done}/{total} {organisation.slug}: {result.summary}")
        if on_terminal:
            self.stdout.write("")
            for result in sorted(broken, key=lambda result: result.organisation.name):
                self.stdout.write(f"Defekt: {result.organisation.slug}: {result.summary}")
        self.stdout.write(f"{total} Websites geprüft, {len(broken)} defekt.")
