from django.views.generic import DetailView, ListView

from sites.models import County, Factory, Province


class HomeView(ListView):
    template_name = "sites/home.html"
    queryset = Province.objects.all()
    context_object_name = "provinces"


class ProvinceDetailView(DetailView):
    model = Province


class CountyDetailView(DetailView):
    queryset = County.objects.select_related("province")


class FactoryDetailView(DetailView):
    queryset = Factory.objects.select_related("county__province")
