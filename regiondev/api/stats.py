"""The programme in numbers: counties per programme year, factories, events per month."""

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


class StatsSerializer(serializers.Serializer):
    counties_per_programme_year = YearCount(
        many=True, help_text="Every programme year, 2024 to 2033, with zeros."
    )
    factories_by_status = ChoiceCount(many=True, help_text="Every status, with zeros.")
    factories_by_sector = ChoiceCount(many=True, help_text="Every sector, with zeros.")
    events_per_month = MonthCount(
        many=True,
        help_text=(
            "Months with at least one event, in order. An event counts in the month of its "
            "earliest possible day (its lower bound): “late February 2024” is February, "
            "“2024” is January."
        ),
    )


def counted(queryset, field: str) -> dict:
    return dict(queryset.values_list(field).annotate(n=Count("pk")).order_by())


def per_choice(choices, counts: dict) -> list[dict]:
    return [
        {"value": choice.value, "label": choice.label, "factories": counts.get(choice.value, 0)}
        for choice in choices
    ]


def per_month(model) -> dict:
    rows = (
        model.objects.annotate(month=TruncMonth("date_lower"))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {month.strftime("%Y-%m"): n for month, n in rows}


class StatsView(APIView):
    """The programme at a glance, in counts."""

    permission_classes = [AllowAny]
    renderer_classes = READ_RENDERERS

    @extend_schema(responses=StatsSerializer)
    def get(self, request):
        years = counted(County.objects.filter(programme_year__isnull=False), "programme_year")
        statuses = counted(Factory.objects.all(), "status")
        sectors = counted(Factory.objects.all(), "sector")
        ceremonies, visits = per_month(Ceremony), per_month(GuidanceVisit)
        return Response(
            {
                "counties_per_programme_year": [
                    {"year": year, "counties": years.get(year, 0)} for year in PROGRAMME_YEARS
                ],
                "factories_by_status": per_choice(FactoryStatus, statuses),
                "factories_by_sector": per_choice(Sector, sectors),
                "events_per_month": [
                    {
                        "month": month,
                        "ceremonies": ceremonies.get(month, 0),
                        "guidance_visits": visits.get(month, 0),
                    }
                    for month in sorted({*ceremonies, *visits})
                ],
            }
        )
