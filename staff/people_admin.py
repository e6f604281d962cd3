"""People in the admin, and their appearances as an inline of each ceremony and visit; every
write goes through events/people_services.py, which keeps `leader_present` in step."""

from django import forms
from django.contrib import admin

from events import people_services
from events.choices import CEREMONY_ROLES, VISIT_ROLES
from events.models import Appearance, Ceremony, GuidanceVisit, Person
from staff.admin import HistoryAdmin
from staff.search import SearchRuleAdmin


@admin.register(Person)
class PersonAdmin(SearchRuleAdmin, HistoryAdmin):
    list_display = ["name", "name_ko", "slug"]
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["updated_at"]

    def write(self, obj, form):
        values = {name: form.cleaned_data.get(name, "") for name in people_services.PERSON_FIELDS}
        people_services.save_person(person=obj, **values)


class AppearanceForm(forms.ModelForm):
    event_model = Ceremony

    class Meta:
        model = Appearance
        fields = ["person", "role", "title", "source", "quote"]

    def clean(self):
        cleaned = super().clean()
        try:
            people_services.check_appearance(
                event=self.event_model(),
                role=cleaned.get("role", ""),
                source=cleaned.get("source"),
                quote=cleaned.get("quote", ""),
            )
        except forms.ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return cleaned


def appearance_inline(fk_name: str):
    event_model, roles = (
        (Ceremony, CEREMONY_ROLES) if fk_name == "ceremony" else (GuidanceVisit, VISIT_ROLES)
    )

    class Inline(admin.TabularInline):
        """Who the sources name at this event, with the title each gives them."""

        model = Appearance
        form = type(
            f"{event_model.__name__}AppearanceForm", (AppearanceForm,), {"event_model": event_model}
        )
        fields = ["person", "role", "title", "source", "quote"]
        autocomplete_fields = ["person", "source"]
        extra = 0

        def formfield_for_choice_field(self, db_field, request, **kwargs):
            if db_field.name == "role":
                kwargs["choices"] = [(role.value, role.label) for role in roles]
            return super().formfield_for_choice_field(db_field, request, **kwargs)

    Inline.fk_name = fk_name
    Inline.__name__ = f"{fk_name.capitalize()}AppearanceInline"
    return Inline


def save_appearances(event, formset) -> None:
    """The inline's rows through the service, so the leader's flag follows them; the
    formset's record of what changed is kept for the admin's change message."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    for form in formset.deleted_forms:
        if form.instance.pk:
            formset.deleted_objects.append(form.instance)
            people_services.delete_appearance(appearance=form.instance)
    for form in formset.forms:
        if form in formset.deleted_forms or not form.has_changed() or not form.cleaned_data:
            continue
        data = form.cleaned_data
        if form.instance.pk:
            formset.changed_objects.append((form.instance, form.changed_data))
        else:
            formset.new_objects.append(form.instance)
        people_services.save_appearance(
            appearance=form.instance,
            person=data["person"],
            event=event,
            role=data["role"],
            title=data.get("title", ""),
            source=data.get("source"),
            quote=data.get("quote", ""),
        )
