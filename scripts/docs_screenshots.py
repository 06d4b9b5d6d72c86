"""
Screenshots of the admin's main pages for the editors' documentation (docs/redaktion.md).

    python -m scripts.docs_screenshots      # what `make docs-screenshots` runs

Serves a fresh site on a spare port (SQLite in a temporary folder, the seed entries), logs in
as an editor of the group "Redaktion" (not a superuser) and saves what a 1280 px wide window
shows of each page in docs/img/redaktion/. On the way it edits one description, so that the
history has two versions to compare, and uploads a file with a bad row, so that the import page
shows how it names errors.
"""

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.processes import CHROMIUM_ARGS, ROOT, gunicorn, run

OUT = ROOT / "docs" / "img" / "redaktion"
VIEWPORT = {"width": 1280, "height": 800}
USERNAME = "redakteurin"
PASSWORD = "Lausitz-2026-Redaktion"
ORGANISATIONS = "/admin/organisations/organisation/"
ENTRY = "lausitzrunde"
# A file as an editor might export it from a spreadsheet, with a category that does not exist.
IMPORT_FILE = (
    "name,slug,category,founding_year,status\n"
    "Netzwerk Wasserstoff Spree,netzwerk-wasserstoff-spree,netzwerk,2021,\n"
    "Initiative Neue Gärten,initiative-neue-gaerten,initiative,2023,\n"
    "Verband der Lausitzer Zulieferer,verband-lausitzer-zulieferer,verband,1990,\n"
)
CREATE_EDITOR = f"""
from django.contrib.auth.models import Group, User
user = User.objects.create_user({USERNAME!r}, password={PASSWORD!r}, is_staff=True,
                                first_name="Erika", last_name="Muster")
user.groups.add(Group.objects.get(name="Redaktion"))
"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = site_environment(Path(tmp))
        manage = [sys.executable, "manage.py"]
        run(*manage, "migrate", "--noinput", "-v", "0", env=env, cwd=ROOT)
        run(*manage, "seed_directory", env=env, cwd=ROOT)
        run(*manage, "collectstatic", "--noinput", "-v", "0", env=env, cwd=ROOT)
        run(*manage, "shell", "-c", CREATE_EDITOR, env=env, cwd=ROOT)
        (Path(tmp) / "import.csv").write_text(IMPORT_FILE, encoding="utf-8")
        with gunicorn(env, Path(tmp) / "gunicorn.log", workers=1) as (_, base_url):
            take_screenshots(base_url, Path(tmp) / "import.csv")
    for png in sorted(OUT.glob("*.png")):
        print(f"{png.relative_to(ROOT)}: {png.stat().st_size // 1024} KiB")


def site_environment(tmp):
    """A production-like site (DEBUG off) of its own, whatever this shell has set."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "CACHE_", "REDIS_"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        DJANGO_SECRET_KEY="docs-screenshots-secret-key",
        DJANGO_HTTPS="0",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
    )
    return env


def take_screenshots(base_url, import_file):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_EXECUTABLE", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        tab = browser.new_page(base_url=base_url, viewport=VIEWPORT, locale="de-DE")
        tab.goto("/admin/login/")
        tab.get_by_label("Benutzername").fill(USERNAME)
        tab.get_by_label("Passwort").fill(PASSWORD)
        tab.get_by_role("button", name="Anmelden").click()
        shoot(tab, "/admin/", "start")
        shoot(tab, ORGANISATIONS, "organisationen")
        shoot(tab, f"{ORGANISATIONS}?q={ENTRY}", None)
        tab.get_by_role("link", name="Lausitzrunde", exact=True).click()
        tab.screenshot(path=OUT / "bearbeiten.png")
        description = tab.locator("#id_description")
        description.fill(description.input_value().replace("23 Mitgliedern", "24 Mitgliedern"))
        tab.get_by_role("button", name="Sichern", exact=True).click()
        tab.get_by_role("link", name="Lausitzrunde").first.click()
        tab.get_by_role("link", name="Geschichte").click()
        tab.screenshot(path=OUT / "geschichte.png")
        tab.get_by_role("button", name="Versionen vergleichen").click()
        tab.screenshot(path=OUT / "vergleich.png")
        shoot(tab, f"{ORGANISATIONS}import/", None)
        tab.get_by_label("Zu importierende Datei").set_input_files(import_file)
        tab.get_by_label("Format").select_option("csv")
        tab.get_by_role("button", name="Absenden").click()
        tab.screenshot(path=OUT / "import-fehler.png")
        shoot(tab, "/admin/contacts/contactperson/", "ansprechpartner")
        browser.close()


def shoot(tab, path, name):
    tab.goto(path)
    if name:
        tab.screenshot(path=OUT / f"{name}.png")


if __name__ == "__main__":
    main()
