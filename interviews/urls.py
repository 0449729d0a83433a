from django.urls import path

from interviews import views

app_name = "interviews"

urlpatterns = [
    path("", views.interview_list_view, name="list"),
    path("<str:slug>/", views.interview_detail_view, name="detail"),
]
