from django.urls import path

from clubs import views

urlpatterns = [
    path("", views.club_list_view, name="list"),
]
