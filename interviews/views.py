from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.i18n import interview_title
from core.web import PageMeta, absolute, conditional_page
from interviews.selectors import interview_detail, interview_list

PAGE_SIZE = 20


@conditional_page
def interview_list_view(request: HttpRequest) -> HttpResponse:
    page = Paginator(interview_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    meta = PageMeta(
        title=_("Interviews"),
        description=_("Interviews with our players, newest first."),
        noindex=page.number > 1,
    )
    return render(
        request,
        "interviews/interview_list.html",
        {"page_obj": page, "interviews": page.object_list, "meta": meta.for_request(request)},
    )


def interview_json_ld(interview, headline: str, meta: PageMeta) -> dict:
    """schema.org Article: the headline in the interview's own language (interview_title
    writes a made-up title in it), dates from the document, never the import time."""
    article: dict = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline[:110],
        "inLanguage": interview.language,
        "url": meta.canonical,
        "mainEntityOfPage": meta.canonical,
        "image": meta.image,
    }
    if interview.standfirst:
        article["description"] = interview.standfirst
    publisher = None
    if interview.outlet:
        publisher = {"@type": "Organization", "name": interview.outlet.name}
        if interview.outlet.website:
            publisher["url"] = interview.outlet.website
        article["publisher"] = publisher
    # A web interview without a byline is the outlet's own.
    if interview.author:
        article["author"] = {"@type": "Person", "name": interview.author}
    elif publisher:
        article["author"] = publisher
    if interview.published_at:
        article["datePublished"] = interview.published_at.isoformat()
        article["dateModified"] = interview.published_at.isoformat()
    if interview.about:
        article["about"] = [
            {"@type": "Person", "name": p.name, "url": absolute(p.get_absolute_url())}
            for p in interview.about
        ]
    return article


@conditional_page
def interview_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    interview = interview_detail(slug)
    title = interview_title(interview.title, interview.language)
    photos = [p.photo_rendition.url for p in interview.about if p.photo_rendition]
    meta = PageMeta(
        title=title,
        description=interview.standfirst[:300] or title,
        og_type="article",
        image=photos[0] if photos else "",
    ).for_request(request)
    meta.json_ld = interview_json_ld(interview, title, meta)
    return render(
        request, "interviews/interview_detail.html", {"interview": interview, "meta": meta}
    )
