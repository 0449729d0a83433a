from django.urls import path

from players import views

app_name = "players"

urlpatterns = [
    path("", views.player_list_view, name="list"),
    path("<str:slug>/", views.player_detail_view, name="detail"),
]
