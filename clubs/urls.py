from django.urls import path

from clubs import views

app_name = "clubs"

urlpatterns = [
    path("", views.club_list_view, name="list"),
    path("<str:slug>/", views.club_detail_view, name="detail"),
]
