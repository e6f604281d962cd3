from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("events/ceremonies/<int:pk>/", views.CeremonyDetailView.as_view(), name="ceremony-detail"),
    path("events/visits/<int:pk>/", views.GuidanceVisitDetailView.as_view(), name="visit-detail"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
]
