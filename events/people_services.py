"""Every write of a person or an appearance: the admin, the seed load and the services of
events call these.

One rule joins an event's `leader_present` to the people: it says whether the leader (the
person `LEADER_SLUG`) has an appearance there, and it is derived, never set apart. Saving or
deleting the leader's appearance sets the flag; saving an event with the flag given (a form,
the API, an import) adds his appearance without a source, or removes his appearances.
A sourced appearance of a person replaces their unsourced one at the same event.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from events.choices import CEREMONY_ROLES, VISIT_ROLES, Role
from events.models import LEADER_SLUG, Appearance, Ceremony, Event, Person, Source
from regiondev.batch import Batch

PERSON_FIELDS = ("name", "slug", "name_ko", "name_mr", "name_rr", "aliases")
LEADER = {"name": "Kim Jong Un", "slug": LEADER_SLUG, "name_ko": "김정은"}


def save_person(
    *,
    person: Person | None = None,
    name: str,
    slug: str = "",
    name_ko: str = "",
    name_mr: str = "",
    name_rr: str = "",
    aliases: str = "",
    batch: Batch | None = None,
) -> Person:
    """Create `person` or change it; the slug defaults to the name's."""
    batch = batch if batch is not None else Batch()
    person = person if person is not None else Person()
    values = {
        "name": name.strip(),
        "slug": slug or slugify(name),
        "name_ko": name_ko,
        "name_mr": name_mr,
        "name_rr": name_rr,
        "aliases": aliases,
    }
    if person.pk and all(getattr(person, key) == value for key, value in values.items()):
        return person
    for key, value in values.items():
        setattr(person, key, value)
    batch.full_clean(person)
    person.save()
    return person


def event_field(event: Event) -> str:
    return "ceremony" if isinstance(event, Ceremony) else "visit"


def check_appearance(*, event: Event, role: str, source: Source | None, quote: str) -> None:
    """Refuse a role that does not fit the event, or a quote from other than state media."""
    errors = {}
    roles = CEREMONY_ROLES if isinstance(event, Ceremony) else VISIT_ROLES
    if role not in roles:
        errors["role"] = [
            f"At a {event._meta.verbose_name} a person is "
            + " or ".join(str(Role(r).label) for r in roles)
            + "."
        ]
    if quote and (source is None or not source.state_media):
        errors["quote"] = ["A quote is kept only from DPRK state media's own text."]
    if errors:
        raise ValidationError(errors)


def save_appearance(
    *,
    person: Person,
    event: Event,
    role: str,
    title: str = "",
    source: Source | None = None,
    quote: str = "",
    appearance: Appearance | None = None,
    batch: Batch | None = None,
) -> Appearance:
    """Record what `source` says of `person` at `event` (one appearance per person, event
    and source), and keep the event's `leader_present` in step."""
    batch = batch if batch is not None else Batch()
    check_appearance(event=event, role=role, source=source, quote=quote)
    field = event_field(event)
    with transaction.atomic():
        if appearance is None:
            appearance = Appearance.objects.filter(
                person=person, source=source, **{field: event}
            ).first() or Appearance(person=person, source=source, **{field: event})
        values = {"person": person, field: event, "role": role, "title": title}
        values.update(source=source, quote=quote)
        if appearance.pk is None or any(getattr(appearance, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(appearance, key, value)
            batch.full_clean(appearance)
            appearance.save()
        if source is not None:
            Appearance.objects.filter(person=person, source=None, **{field: event}).delete()
        if person.is_leader:
            _set_flag(event)
    return appearance


def delete_appearance(*, appearance: Appearance) -> None:
    with transaction.atomic():
        event, leader = appearance.event, appearance.person.is_leader
        appearance.delete()
        if leader:
            _set_flag(event)


def _set_flag(event: Event) -> None:
    present = event.appearances.filter(person__slug=LEADER_SLUG).exists()
    if event.leader_present != present:
        event.leader_present = present
        event.save(update_fields=["leader_present", "updated_at"])


def keep_leader(event: Event) -> None:
    """After an event is saved with `leader_present` given: the leader appears there, or
    not, as the flag says."""
    mine = event.appearances.filter(person__slug=LEADER_SLUG)
    if not event.leader_present:
        mine.delete()
        return
    if mine.exists():
        return
    leader = Person.objects.filter(slug=LEADER_SLUG).first() or save_person(**LEADER)
    role = Role.ATTENDEE if isinstance(event, Ceremony) else Role.LEADING
    Appearance.objects.create(person=leader, role=role, **{event_field(event): event})
