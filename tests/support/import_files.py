"""The admin's bulk import and export, used as an editor uses them: files, preview, confirm."""

import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

ORGANISATIONS = "/admin/organisations/organisation"
CONTACTS = "/admin/contacts/contactperson"
# Position in the admin's import and export formats, which its forms take as the value.
FORMATS = {"csv": "0", "xlsx": "1"}


def organisation_row(number, **changes):
    row = {
        "name": f"Neues Netzwerk {number}",
        "slug": f"neues-netzwerk-{number}",
        "category": "netzwerk",
        "founding_year": "2021",
        "legal_form": "ev",
        "is_charitable": "ja",
        "website": "https://example.org/",
        "federal_states": "brandenburg,sachsen",
        "topics": "wasserstoff",
        "status": "",
    }
    row.update(changes)
    return row


def contact_row(**changes):
    row = {
        "first_name": "Erika",
        "last_name": "Muster",
        "slug": "erika-muster",
        "employer": "ihk-cottbus",
        "phone": "0355 365 1200",
        "fax": "",
        "email": "erika.muster@example.org",
        "status": "published",
    }
    row.update(changes)
    return row


def table(rows, fmt):
    dataset = tablib.Dataset(*[list(row.values()) for row in rows], headers=list(rows[0]))
    return dataset.export(fmt).encode() if fmt == "csv" else dataset.export(fmt)


def upload(client, admin_url, rows, fmt="csv"):
    """Sends a file to the import page, as an editor does; the answer is the preview."""
    return client.post(
        f"{admin_url}/import/",
        {
            "format": FORMATS[fmt],
            "import_file": SimpleUploadedFile(f"eintraege.{fmt}", table(rows, fmt)),
        },
    )


def confirm(client, admin_url, preview):
    """Presses "Import bestätigen" under the preview."""
    form = preview.context["confirm_form"]
    return client.post(
        f"{admin_url}/process_import/", {name: form[name].value() for name in form.fields}
    )


def export(client, admin_url, fmt, list_filter=""):
    """Exports what the list shows; `list_filter` is its query string, e.g. "?akteure=alle"."""
    form = client.get(f"{admin_url}/export/{list_filter}").context["form"]
    data = {name: "on" for name, field in form.fields.items() if field.initial is True}
    data.update(resource="0", format=FORMATS[fmt])
    return client.post(f"{admin_url}/export/{list_filter}", data)
