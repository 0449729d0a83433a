from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from interviews.models import Interview


def interview_list(request: HttpRequest) -> HttpResponse:
    interviews = Interview.objects.published()
    return render(request, "interviews/interview_list.html", {"interviews": interviews})


def interview_detail(request: HttpRequest, slug: str) -> HttpResponse:
    interview = get_object_or_404(Interview.objects.published(), slug=slug)
    return render(request, "interviews/interview_detail.html", {"interview": interview})
