from django.urls import path

from web.views import places, programme, search

app_name = "sites"
urlpatterns = [
    path("", programme.HomeView.as_view(), name="home"),
    path("provinces/", places.ProvinceListView.as_view(), name="province-list"),
    path("provinces/<slug:slug>/", places.ProvinceDetailView.as_view(), name="province-detail"),
    path("counties/", places.CountyListView.as_view(), name="county-list"),
    path("counties/<slug:slug>/", places.CountyDetailView.as_view(), name="county-detail"),
    path("factories/", places.FactoryListView.as_view(), name="factory-list"),
    path("factories/<slug:slug>/", places.FactoryDetailView.as_view(), name="factory-detail"),
    path("map/", programme.MapView.as_view(), name="map"),
    path("programme/<int:year>/", programme.ProgrammeYearView.as_view(), name="programme-year"),
    path("search/", search.SearchView.as_view(), name="search"),
]
