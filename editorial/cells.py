"""
Cells of the CSV and XLSX exports, public and in the admin, that stay text in a spreadsheet.

Entries carry text that others wrote (imports, suggestions from the public). A cell starting
with `=`, `+`, `-` or `@` is run as a formula by Excel and LibreOffice, and one starting with a
tab or a carriage return may be too; a formula can fetch addresses or run commands ("CSV
injection"). As OWASP advises, such a text cell gets a leading apostrophe, which spreadsheets
read as "this is text". Numbers are no text and stay as they are.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """The value, a text cell a spreadsheet would run as a formula with an apostrophe first."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def restored(value):
    """An imported cell as it was before `neutralised`, so an export reads back unchanged."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
