"""What a backup holds: everything but what Django rebuilds itself or what must not come back."""

import json

EXCLUDED = [
    # Rebuilt by migrate (post_migrate); backups refer to them by natural key.
    "contenttypes",
    "auth.permission",
    # Logins of the moment and password-guessing records are not content.
    "sessions",
    "axes",
]


def read_backup(path):
    """The backup's entries; loaddata reads only files named *.json."""
    if path.suffix != ".json":
        raise ValueError(f"{path} is not a .json file")
    with open(path, encoding="utf-8") as file:
        return json.load(file)
