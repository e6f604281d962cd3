from django.contrib import admin
from django.urls import path

from staff import views

app_name = "staff"
urlpatterns = [
    path("", admin.site.admin_view(views.article_intake), name="intake"),
]
