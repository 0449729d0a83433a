"""Guessing passwords: after a few wrong ones the right one no longer gets in, on the admin
form and on the API's Basic auth, until the cool-off or an operator's unlock."""

import base64

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.factories import EDITOR_PASSWORD


def admin_login(client, username: str, password: str):
    return client.post(
        reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR="10.0.0.7"
    )


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


@pytest.mark.django_db
def test_fifty_wrong_passwords_lock_the_admin_login(client, editor):
    for attempt in range(50):
        admin_login(client, editor.username, f"wrong-{attempt}")
    response = admin_login(client, editor.username, EDITOR_PASSWORD)
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_wrong_passwords_on_basic_auth_lock_the_api(client, editor):
    url = "/api/v1/players/"
    for attempt in range(50):
        client.post(url, {}, HTTP_AUTHORIZATION=basic(editor.username, f"wrong-{attempt}"))
    response = client.post(
        url,
        {"full_name": "Anna Beispiel"},
        HTTP_AUTHORIZATION=basic(editor.username, EDITOR_PASSWORD),
    )
    assert response.status_code in (403, 429)


@pytest.mark.django_db
def test_an_operator_unlocks_a_locked_out_editor(client, editor):
    for attempt in range(10):
        admin_login(client, editor.username, f"wrong-{attempt}")
    call_command("axes_reset", verbosity=0)
    response = admin_login(client, editor.username, EDITOR_PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


@pytest.mark.django_db
def test_a_few_typos_do_not_lock_anyone_out(client, editor):
    for attempt in range(3):
        admin_login(client, editor.username, f"typo-{attempt}")
    assert admin_login(client, editor.username, EDITOR_PASSWORD).status_code == 302
