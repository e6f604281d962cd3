"""The programme in numbers: counties per programme year, factories, events per month.

A date known only to the year is not a January event: events whose date may fall in more
than one month are counted apart, by the span they may cover.
"""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from events.models import Ceremony, GuidanceVisit
from regiondev.api.views import READ_RENDERERS
from sites.choices import PROGRAMME_YEARS, FactoryStatus, Sector
from sites.models import County, Factory


class YearCount(serializers.Serializer):
    year = serializers.IntegerField()
    counties = serializers.IntegerField()


class ChoiceCount(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    factories = serializers.IntegerField()


class MonthCount(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM.")
    ceremonies = serializers.IntegerField()
    guidance_visits = serializers.IntegerField()


class SpanCount(serializers.Serializer):
    first_month = serializers.CharField(help_text="YYYY-MM: the month of the earliest day.")
    last_month = serializers.CharField(help_text="YYYY-MM: the month of the latest day.")
    ceremonies = serializers.IntegerField()
    guidance_visits = serializers.IntegerField()


class StatsSerializer(serializers.Serializer):
    counties_per_programme_year = YearCount(
        many=True, help_text="Every programme year, 2024 to 2033, with zeros."
    )
    factories_by_status = ChoiceCount(many=True, help_text="Every status, with zeros.")
    factories_by_sector = ChoiceCount(many=True, help_text="Every sector, with zeros.")
    events_per_month = MonthCount(
        many=True,
        help_text=(
            "Months with at least one event known to the month, in order: “late February "
            "2024” counts in February. An event whose date may fall in more than one month "
            "(“2024”, “early 2025”) is not counted here but in events_over_several_months, "
            "so no month shows a spike that is only vagueness."
        ),
    )
    events_over_several_months = SpanCount(
        many=True,
        help_text=(
            "Events whose date spans more than one month, counted by the span from the "
            "month of their earliest possible day to that of their latest, in order."
        ),
    )


def counted(queryset, field: str) -> dict:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


def per_choice(choices, counts: dict) -> list[dict]:
    return [
        {"value": choice.value, "label": choice.label, "factories": counts.get(choice.value, 0)}
        for choice in choices
    ]


def per_span(model) -> dict:
    """Events counted by the months of their earliest and latest possible days."""
    rows = (
        model.objects.public()
        .annotate(first=TruncMonth("date_lower"), last=TruncMonth("date_upper"))
        .values_list("first", "last")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(first.strftime("%Y-%m"), last.strftime("%Y-%m")): n for first, last, n in rows}


def months_apart(ceremonies: dict, visits: dict) -> tuple[list[dict], list[dict]]:
    """Events known to the month, per month; the rest set apart by the span they may cover."""
    per_month, spread = [], []
    for first, last in sorted({*ceremonies, *visits}):
        counts = {
            "ceremonies": ceremonies.get((first, last), 0),
            "guidance_visits": visits.get((first, last), 0),
        }
        if first == last:
            per_month.append({"month": first, **counts})
        else:
            spread.append({"first_month": first, "last_month": last, **counts})
    return per_month, spread


class StatsView(APIView):
    """The programme at a glance, in counts."""

    permission_classes = [AllowAny]
    renderer_classes = READ_RENDERERS

    @extend_schema(responses=StatsSerializer)
    def get(self, request):
        years = counted(County.objects.filter(programme_year__isnull=False), "programme_year")
        statuses = counted(Factory.objects.public(), "status")
        sectors = counted(Factory.objects.public(), "sector")
        per_month, spread = months_apart(per_span(Ceremony), per_span(GuidanceVisit))
        return Response(
            {
                "counties_per_programme_year": [
                    {"year": year, "counties": years.get(year, 0)} for year in PROGRAMME_YEARS
                ],
                "factories_by_status": per_choice(FactoryStatus, statuses),
                "factories_by_sector": per_choice(Sector, sectors),
                "events_per_month": per_month,
                "events_over_several_months": spread,
            }
        )
