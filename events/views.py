from django.views.generic import DetailView

from events.models import Ceremony, GuidanceVisit, Source


class CeremonyDetailView(DetailView):
    queryset = Ceremony.objects.select_related("county", "province")


class GuidanceVisitDetailView(DetailView):
    queryset = GuidanceVisit.objects.select_related("county", "province")


class SourceDetailView(DetailView):
    model = Source
