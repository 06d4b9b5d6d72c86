"""Reading the open-data exports as their users do."""

import csv
import io
import json

CSV_URL = "/offene-daten/organisationen.csv"
JSON_URL = "/offene-daten/organisationen.json"


def csv_rows(response):
    """The CSV file read as German Excel reads it: semicolons, after the byte order mark."""
    body = response.getvalue().decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body.removeprefix("\ufeff"), newline=""), delimiter=";"))


def csv_records(response):
    header, *rows = csv_rows(response)
    return [dict(zip(header, row, strict=True)) for row in rows]


def json_body(response):
    """The JSON of an export, which is streamed."""
    return json.loads(response.getvalue())


def organisations(response):
    return json_body(response)["organisations"]


def json_entry(client, slug, query=""):
    return next(
        entry for entry in organisations(client.get(f"{JSON_URL}?{query}")) if entry["slug"] == slug
    )
