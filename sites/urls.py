from django.urls import path

from sites import views

app_name = "sites"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("provinces/<slug:slug>/", views.ProvinceDetailView.as_view(), name="province-detail"),
    path("counties/<slug:slug>/", views.CountyDetailView.as_view(), name="county-detail"),
    path("factories/<slug:slug>/", views.FactoryDetailView.as_view(), name="factory-detail"),
]
