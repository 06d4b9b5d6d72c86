"""What a backup holds: everything but what Django rebuilds itself or what must not come back."""

import json
from collections import Counter

EXCLUDED = [
    # Rebuilt by migrate (post_migrate); backups refer to them by natural key.
    "contenttypes",
    "auth.permission",
    # Logins of the moment and password-guessing records are not content.
    "sessions",
    "axes",
    # The page cache's content stamp: a restore is a change of its own and counts on.
    "pagecache",
]


def count_by_model(path):
    """How many objects of each model a backup holds; loaddata reads only *.json files."""
    if path.suffix != ".json":
        raise ValueError(f"{path} is not a .json file")
    with open(path, encoding="utf-8") as file:
        return Counter(entry["model"] for entry in json.load(file))


def write_counts(stdout, counts):
    for model, count in sorted(counts.items()):
        stdout.write(f"  {model}: {count}")
