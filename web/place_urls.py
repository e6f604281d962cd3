from django.urls import path

from sites import views

app_name = "sites"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("provinces/", views.ProvinceListView.as_view(), name="province-list"),
    path("provinces/<slug:slug>/", views.ProvinceDetailView.as_view(), name="province-detail"),
    path("counties/", views.CountyListView.as_view(), name="county-list"),
    path("counties/<slug:slug>/", views.CountyDetailView.as_view(), name="county-detail"),
    path("factories/", views.FactoryListView.as_view(), name="factory-list"),
    path("factories/<slug:slug>/", views.FactoryDetailView.as_view(), name="factory-detail"),
    path("map/", views.MapView.as_view(), name="map"),
    path("programme/<int:year>/", views.ProgrammeYearView.as_view(), name="programme-year"),
    path("search/", views.SearchView.as_view(), name="search"),
]
