from django.urls import path

from web.views import people

app_name = "people"
urlpatterns = [
    path("people/", people.PersonListView.as_view(), name="person-list"),
    path("people/<slug:slug>/", people.PersonDetailView.as_view(), name="person-detail"),
]
