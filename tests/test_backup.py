"""`make backup` and `make restore`: a backup brings the whole database back as it was."""

import json
import stat
from io import StringIO

import pytest
import reversion
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import CommandError, call_command
from reversion.models import Version

from backups.dump import EXCLUDED, count_by_model
from contacts.models import ContactRole
from opendata.models import DatasetPublication
from organisations.models import Organisation, Relation, Topic

from .support.servers import run_python

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def forget_cached_site():
    """The test's rollback takes back the Site row a restore wrote."""
    yield
    Site.objects.clear_cache()


def everything():
    out = StringIO()
    call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, stdout=out)
    return json.loads(out.getvalue())


def backup(path):
    call_command("backup_directory", output=path, stdout=StringIO())


def restore(path):
    out = StringIO()
    call_command("restore_directory", path, interactive=False, stdout=out)
    return out.getvalue()


@pytest.fixture
def edited_directory(seed):
    """The seed with one edit saved through django-reversion, as the admin saves it."""
    editor = User.objects.create_user(
        "redakteurin", password="Lausitz-2026-Redaktion", is_staff=True
    )
    editor.groups.add(Group.objects.get(name="Redaktion"))
    organisation = Organisation.objects.get(slug="lausitzrunde")
    with reversion.create_revision():
        organisation.description = "Text der Redaktion."
        organisation.save()
        reversion.set_user(editor)
        reversion.set_comment("Beschreibung gekürzt")


def change_and_delete_things():
    Organisation.objects.filter(slug="mingentec").update(name="MinGenTec (geändert)")
    Organisation.objects.get(slug="lausitzrunde").delete()
    Relation.objects.filter(source__slug="wirtschaftsregion-lausitz", target__slug="bund").delete()
    ContactRole.objects.filter(organisation__slug="wasserstoffnetzwerk-lausitz").delete()
    FlatPage.objects.filter(url="/impressum/").update(content="<p>Überschrieben.</p>")
    DatasetPublication.objects.update(title="Anderer Titel")
    Version.objects.all().delete()
    User.objects.filter(username="redakteurin").delete()


def test_restore_brings_back_everything_as_it_was_backed_up(edited_directory, tmp_path):
    before = everything()
    backup(tmp_path / "backup.json")
    change_and_delete_things()

    restore(tmp_path / "backup.json")

    assert everything() == before


def test_restore_brings_back_edits_deletions_and_history(edited_directory, tmp_path):
    backup(tmp_path / "backup.json")
    change_and_delete_things()

    restore(tmp_path / "backup.json")

    assert Organisation.objects.get(slug="mingentec").name == "MinGenTec"
    assert Organisation.objects.get(slug="lausitzrunde").description == "Text der Redaktion."
    assert Relation.objects.filter(
        source__slug="wirtschaftsregion-lausitz", target__slug="bund"
    ).exists()
    assert ContactRole.objects.filter(organisation__slug="wasserstoffnetzwerk-lausitz").exists()
    assert "Vom Herausgeber auszufüllen" in FlatPage.objects.get(url="/impressum/").content
    assert DatasetPublication.objects.current().title != "Anderer Titel"
    version = Version.objects.get_for_object(Organisation.objects.get(slug="lausitzrunde")).get()
    assert version.revision.user.username == "redakteurin"
    assert version.revision.comment == "Beschreibung gekürzt"
    assert version.field_dict["description"] == "Text der Redaktion."


def test_restored_editors_log_in_and_keep_their_rights(edited_directory, tmp_path, client):
    backup(tmp_path / "backup.json")
    change_and_delete_things()

    restore(tmp_path / "backup.json")

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "redakteurin", "password": "Lausitz-2026-Redaktion"},
    )
    assert response.status_code == 302
    assert client.get("/admin/organisations/organisation/").status_code == 200


def test_restore_says_what_it_restored(edited_directory, tmp_path):
    backup(tmp_path / "backup.json")

    report = restore(tmp_path / "backup.json")

    assert "organisations.organisation: 22" in report
    assert "reversion.version: 1" in report
    assert f"{len(everything())} Objekte wiederhergestellt" in report


@pytest.mark.parametrize("content", [None, "kein JSON", '{"model": 1}'])
def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(seed, tmp_path, content):
    path = tmp_path / "backup.json"
    if content is not None:
        path.write_text(content)

    with pytest.raises(CommandError, match="ist keine Sicherung"):
        restore(path)

    assert Organisation.objects.count() == 22


def test_a_backup_that_fails_to_load_changes_nothing(seed, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text('[{"model": "organisations.nothing", "fields": {}}]')

    with pytest.raises(CommandError, match="ließ sich nicht laden; nichts wurde geändert"):
        restore(path)

    assert Organisation.objects.count() == 22


def test_content_types_keep_their_ids(edited_directory, tmp_path):
    """Running processes cache them by id; migrate would recreate them in another order."""
    ContentType.objects.filter(model="topic").delete()
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_model(Topic)
    ids = dict(ContentType.objects.values_list("model", "pk"))
    backup(tmp_path / "backup.json")

    restore(tmp_path / "backup.json")

    assert dict(ContentType.objects.values_list("model", "pk")) == ids


# --- Asking before a restore ---------------------------------------------------------


class Terminal(StringIO):
    """Standard input as a person at a terminal types it."""

    def isatty(self):
        return True


def restore_asking(path, typed, monkeypatch):
    monkeypatch.setattr("sys.stdin", Terminal(typed))
    out = StringIO()
    call_command("restore_directory", path, stdout=out)
    return out.getvalue()


@pytest.fixture
def backup_without_lausitzrunde(seed, tmp_path):
    """A backup; then an entry deleted, which only a restore brings back."""
    path = tmp_path / "backup.json"
    backup(path)
    Organisation.objects.get(slug="lausitzrunde").delete()
    return path


@pytest.mark.parametrize("typed", ["ja\n", "Ja\n", "JA\n", "yes\n", "YES\n", " ja \n"])
def test_restore_goes_on_after_ja_or_yes_in_any_case(
    backup_without_lausitzrunde, typed, monkeypatch, capsys
):
    restore_asking(backup_without_lausitzrunde, typed, monkeypatch)

    assert Organisation.objects.filter(slug="lausitzrunde").exists()
    assert "Zum Fortfahren „ja“ eingeben:" in capsys.readouterr().out


@pytest.mark.parametrize("typed", ["nein\n", "y\n", "\n", ""])
def test_restore_changes_nothing_after_any_other_answer(
    backup_without_lausitzrunde, typed, monkeypatch
):
    with pytest.raises(CommandError, match=r"^Nichts wiederhergestellt\.$"):
        restore_asking(backup_without_lausitzrunde, typed, monkeypatch)

    assert not Organisation.objects.filter(slug="lausitzrunde").exists()


def test_restore_without_a_terminal_refuses_and_changes_nothing(
    backup_without_lausitzrunde, monkeypatch
):
    monkeypatch.setattr("sys.stdin", StringIO("ja\n"))

    with pytest.raises(CommandError, match="kein Terminal"):
        call_command("restore_directory", backup_without_lausitzrunde, stdout=StringIO())

    assert not Organisation.objects.filter(slug="lausitzrunde").exists()


def test_restore_with_noinput_asks_nothing(backup_without_lausitzrunde, monkeypatch):
    monkeypatch.setattr("sys.stdin", StringIO(""))

    call_command("restore_directory", backup_without_lausitzrunde, "--noinput", stdout=StringIO())

    assert Organisation.objects.filter(slug="lausitzrunde").exists()


@pytest.mark.db_agnostic
def test_restore_without_a_terminal_ends_with_a_message_not_a_traceback(tmp_path):
    # As `make restore` run from a script or cron: stdin is no terminal and at its end.
    path = tmp_path / "backup.json"
    path.write_text('[{"model": "organisations.topic", "pk": 1, "fields": {}}]')

    result = run_python(
        ["manage.py", "restore_directory", str(path)],
        {"DJANGO_SECRET_KEY": "geheim", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"},
        input="",
    )

    assert result.returncode == 1
    assert result.stderr.startswith("CommandError: Keine Rückfrage möglich (kein Terminal)")
    assert "Traceback" not in result.stderr


# --- Backups are private ----------------------------------------------------------------


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def backup_dir(settings, tmp_path):
    settings.BACKUP_DIR = tmp_path / "var" / "backups"
    return settings.BACKUP_DIR


def test_backup_and_its_folder_are_for_the_owner_only(seed, backup_dir):
    call_command("backup_directory", stdout=StringIO())

    (path,) = backup_dir.iterdir()
    assert mode(backup_dir) == 0o700
    assert mode(path) == 0o600


def test_a_backup_folder_from_before_is_made_private(seed, backup_dir):
    backup_dir.mkdir(parents=True, mode=0o755)
    backup_dir.chmod(0o755)

    call_command("backup_directory", stdout=StringIO())

    assert mode(backup_dir) == 0o700


def test_a_backup_over_an_existing_file_is_private(seed, tmp_path):
    path = tmp_path / "backup.json"
    path.write_text("[]")
    path.chmod(0o644)

    backup(path)

    assert mode(path) == 0o600
    assert count_by_model(path)["organisations.organisation"] == 22
