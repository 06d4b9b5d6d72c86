"""
The README and docs/ stay one set of documents: every relative link leads to a file that
exists, every `#anchor` to a heading, and the README stays short enough to read first.
Anchors are compared with the slugs GitHub gives headings, since that is where people read them.
"""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.db_agnostic

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]

# Code is not Markdown: links and headings inside it are text.
FENCED_CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"`[^`\n]+`")
LINK = re.compile(r"\[[^\]]*\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def without_code(markdown):
    return FENCED_CODE.sub("", markdown)


def github_slug(heading):
    """The anchor GitHub gives a heading: its text, lower case, without punctuation."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = text.replace("`", "").replace("*", "")
    text = re.sub(r"[^\w\- ]", "", text.lower())
    return text.replace(" ", "-")


def anchors(path):
    """Every heading's slug; a repeated heading gets -1, -2, ... as on GitHub."""
    seen = {}
    slugs = set()
    for heading in HEADING.findall(without_code(path.read_text(encoding="utf-8"))):
        slug = github_slug(heading)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        slugs.add(slug if count == 0 else f"{slug}-{count}")
    return slugs


def links(path):
    markdown = INLINE_CODE.sub("", without_code(path.read_text(encoding="utf-8")))
    return LINK.findall(markdown)


def broken_links(path):
    """The relative links of one Markdown file that lead nowhere, with the reason."""
    broken = []
    for target in links(path):
        if URL_SCHEME.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = path if not file_part else (path.parent / file_part).resolve()
        if not linked.exists():
            broken.append(f"{target}: no file {linked}")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading #{anchor} in {linked.name}")
    return broken


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_relative_link_leads_to_a_file_and_heading(document):
    assert broken_links(document) == []


def test_every_document_in_docs_is_linked_from_the_readme():
    linked = {(README.parent / target.partition("#")[0]).resolve() for target in links(README)}
    assert [path.name for path in DOCUMENTS[1:] if path not in linked] == []


def test_readme_is_under_250_lines():
    assert len(README.read_text(encoding="utf-8").splitlines()) < 250


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Faults: database down, workers killed", "faults-database-down-workers-killed"),
        ("The seed and editors' work", "the-seed-and-editors-work"),
        ("Für die Redaktion", "für-die-redaktion"),
        ("`geaendert_seit` and **CSV**", "geaendert_seit-and-csv"),
        ("Search [and list](search.md)", "search-and-list"),
    ],
)
def test_anchors_are_github_slugs(heading, slug):
    assert github_slug(heading) == slug


def test_missing_files_and_headings_are_reported(tmp_path):
    (tmp_path / "other.md").write_text("# Other\n\n## A section\n", encoding="utf-8")
    document = tmp_path / "index.md"
    document.write_text(
        "# Index\n\n"
        "[fine](other.md#a-section) [here](#index) [web](https://example.org/#x)\n"
        "`[code](gone.md)`\n"
        "[gone](gone.md) [no heading](other.md#elsewhere) [not here](#nowhere)\n\n"
        "```\n[in a code block](gone.md)\n```\n",
        encoding="utf-8",
    )
    assert [reason.split(":")[0] for reason in broken_links(document)] == [
        "gone.md",
        "other.md#elsewhere",
        "#nowhere",
    ]
