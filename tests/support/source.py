"""Reads the copied source page, so that tests can compare the site against it."""

import re
from dataclasses import dataclass
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "source"
SOURCE_FILE = SOURCE / "netzwerke-initiativen-projekttraeger.txt"
CONTACT_HEADING = "Ansprechpartner"


@dataclass
class Section:
    heading: str
    paragraphs: list


def blocks():
    text = SOURCE_FILE.read_text(encoding="utf-8")
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def title():
    return blocks()[0]


def is_heading(block):
    # Headings are short single lines; goal list items are numbered.
    return "\n" not in block and len(block) < 80 and not re.match(r"\d+\.", block)


def sections():
    result = []
    for block in blocks()[1:]:
        if is_heading(block):
            result.append(Section(block, []))
        else:
            result[-1].paragraphs.append(block)
    return result


def organisation_sections():
    return [section for section in sections() if section.heading != CONTACT_HEADING]


def contact_lines():
    (contact,) = [section for section in sections() if section.heading == CONTACT_HEADING]
    (block,) = contact.paragraphs
    return block.splitlines()
