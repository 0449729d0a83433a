from django.urls import path

from players import views

urlpatterns = [
    path("", views.player_list_view, name="list"),
]
