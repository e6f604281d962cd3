from django.urls import path

from events import feeds, views

app_name = "events"
urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/events.csv", views.event_csv, name="event-csv"),
    path("events/citations.csv", views.citation_csv, name="citation-csv"),
    path("events/ceremonies/<int:pk>/", views.CeremonyDetailView.as_view(), name="ceremony-detail"),
    path("events/visits/<int:pk>/", views.GuidanceVisitDetailView.as_view(), name="visit-detail"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<int:pk>/", views.SourceDetailView.as_view(), name="source-detail"),
    path("feeds/events.atom", feeds.EventAtomFeed(), name="feed-atom"),
    path("feeds/events.ics", feeds.EventCalendarView.as_view(), name="feed-ics"),
]
