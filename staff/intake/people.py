"""The people a report names as speakers ("Ri Jong Nam (chief secretary of …)"), matched to
stored people by the search rule or proposed as new, and recorded as appearances on confirm."""

import re
from dataclasses import dataclass

from django.utils.text import slugify

from events import people_services
from events.choices import Role
from events.models import Ceremony, Person, Source
from sites.search import search_key

# One entry of the speakers box: a name, then its title in brackets.
_ENTRY = re.compile(r"^\s*(?P<name>[^()]+?)\s*(?:\((?P<title>.*)\))?\s*$")


@dataclass
class ProposedPerson:
    name: str
    title: str
    person: Person | None  # the stored person the name is, or None for a new one


def parse(text: str) -> list[tuple[str, str]]:
    """`Ri Jong Nam (chief secretary of …); Kim Jong Un` → [(name, title), …]."""
    found = []
    for entry in re.split(r";\s*(?![^()]*\))", text or ""):
        match = _ENTRY.match(entry)
        if match and search_key(match["name"]):
            found.append((match["name"].strip(), (match["title"] or "").strip()))
    return found


def stored_person(name: str) -> Person | None:
    """The one stored person whose spelling is this name whole, if there is one."""
    key = search_key(name)
    matched = list(Person.objects.filter(search_keys__contains=f" {key} ")[:2]) if key else []
    return matched[0] if len(matched) == 1 else None


def proposed(text: str) -> list[ProposedPerson]:
    return [ProposedPerson(name, title, stored_person(name)) for name, title in parse(text)]


def record_speakers(record, text: str, source: Source) -> None:
    """Each person the box names appears at the record as its source says: a speaker at a
    ceremony, leading a visit; a name no stored person has becomes a new person."""
    role = Role.SPEAKER if isinstance(record, Ceremony) else Role.LEADING
    for entry in proposed(text):
        person = entry.person
        if person is None:
            slug = slugify(entry.name)
            person = Person.objects.filter(slug=slug).first() or people_services.save_person(
                name=entry.name, slug=slug
            )
        people_services.save_appearance(
            person=person, event=record, role=role, title=entry.title, source=source
        )
