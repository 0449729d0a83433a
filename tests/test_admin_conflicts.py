"""An editor settles conflicts between sources in the admin, and reads where facts came from."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.importer import Upload, import_documents
from players.models import Player, SeasonStatistics
from sources.models import Conflict, SourceDocument
from tests.helpers import form_data, inline_prefix

SEEDS_BIOGRAPHY = "000_2593bb3e1f49e045.txt"
OTHER_NAME = "backhaus-from-another-site.txt"
CLUB_ROW_END = " | 0 | 0 | 0 | — | — | {apps} | 0 |"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def seed_text() -> str:
    from tests.importer.documents import SEEDS

    return (SEEDS / SEEDS_BIOGRAPHY).read_text(encoding="utf-8")


def season_row() -> SeasonStatistics:
    return SeasonStatistics.objects.get(player__full_name="Mio Backhaus", season__start_year=2025)


def with_apps(text: str, old: int, new: int) -> str:
    """The biography with the 2025–26 league apps (and its club's total row) set to new."""
    before = f"| {old}" + CLUB_ROW_END.format(apps=old)
    assert before in text
    return text.replace(before, f"| {new}" + CLUB_ROW_END.format(apps=new))


def seed_apps() -> int:
    """The 2025–26 league apps the seed biography gives."""
    (match,) = re.finditer(r"^\| 2025–26 \| (?P<apps>\d+) \|", seed_text(), re.MULTILINE)
    return int(match["apps"])


def other_document(apps: int) -> Upload:
    """Another document about the player: the seed's text with these 2025–26 league apps
    (and a blank line more, so never the seed's bytes)."""
    text = with_apps(seed_text(), seed_apps(), apps) + "\n"
    return Upload(file_name=OTHER_NAME, data=text.encode())


def run(*uploads: Upload, **options):
    result = import_documents(uploads=list(uploads), **options)
    assert not result.failed, [d.errors for d in result.failed]
    return result


@pytest.fixture
def conflict(db) -> Conflict:
    """The seed biography, then another document about the player with two more apps."""
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()))
    run(other_document(season_row().league_apps + 2))
    return Conflict.objects.get()


def changelist(client, **params) -> list[str]:
    page = client.get(reverse("admin:sources_conflict_changelist"), params)
    assert page.status_code == 200
    return [str(c) for c in page.context["cl"].result_list]


def test_the_conflicts_list_filters_by_player_document_field_and_status(editor_client, conflict):
    player = Player.objects.get(full_name="Mio Backhaus")
    player.place_of_birth = "Baesweiler"
    player.save()
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()), force=True)
    everything = changelist(editor_client)
    assert len(everything) == 2
    assert changelist(editor_client, player="backhaus") == everything
    assert changelist(editor_client, player="someone else") == []
    assert changelist(editor_client, field="league apps") == [str(conflict)]
    assert changelist(editor_client, field="place of birth") == [
        s for s in everything if s != str(conflict)
    ]
    assert changelist(editor_client, document="Backhaus") == everything
    assert changelist(editor_client, document="kicker") == []
    assert changelist(editor_client, status__exact="open") == everything
    assert changelist(editor_client, status__exact="kept") == []
    page = editor_client.get(reverse("admin:sources_conflict_changelist")).content.decode()
    assert SEEDS_BIOGRAPHY not in page  # sources as a person reads them, not file names


def test_a_conflict_page_shows_both_values_both_sources_and_the_lines(editor_client, conflict):
    page = editor_client.get(reverse("admin:sources_conflict_change", args=[conflict.pk]))
    assert page.status_code == 200
    content = page.content.decode()
    current = content.split('class="conflict-current"')[1].split("</tr>")[0]
    proposed = content.split('class="conflict-proposed"')[1].split("</tr>")[0]
    assert str(conflict.current_value) in current
    assert conflict.current_document.label in current
    assert f"line {conflict.current_line}" in current
    assert str(conflict.proposed_value) in proposed
    assert conflict.document.label in proposed
    assert f"<q>{conflict.proposed_quote}</q>" in proposed.replace("&#x27;", "'")
    assert SEEDS_BIOGRAPHY not in content  # a hash file name, never shown
    assert conflict.current_document.label != conflict.document.label  # told apart
    assert 'value="keep"' in content
    assert 'value="take"' in content


def test_a_text_conflict_page_shows_the_diff(editor_client, db):
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()))
    section = Player.objects.get(full_name="Mio Backhaus").sections.exclude(text="").first()
    section.text += "\n\nA paragraph an editor added."
    section.save()
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()), force=True)
    text_conflict = Conflict.objects.get(field_name="text")
    page = editor_client.get(reverse("admin:sources_conflict_change", args=[text_conflict.pk]))
    diff = page.content.decode().split('<pre class="import-diff">')[1].split("</pre>")[0]
    assert diff.strip().splitlines()[-1] == "- A paragraph an editor added."
    assert len(diff) < 100  # what differs, not both texts
    assert "an editor" in page.content.decode()


def resolve(client, conflict: Conflict, decision: str):
    return client.post(
        reverse("admin:sources_conflict_resolve", args=[conflict.pk]), {"decision": decision}
    )


def test_an_editor_keeps_the_current_value_and_a_later_import_remembers(
    editor_client, editor, conflict
):
    kept = season_row().league_apps
    assert resolve(editor_client, conflict, "keep").status_code == 302
    conflict.refresh_from_db()
    assert (conflict.status, conflict.resolved_by) == ("kept", editor)
    assert conflict.resolved_at is not None
    history = season_row().history.latest()
    assert history.history_user == editor
    assert "kept" in history.history_change_reason
    result = run(other_document(kept + 2), force=True)
    assert result.documents[0].conflicts == []
    assert season_row().league_apps == kept
    assert not Conflict.objects.open().exists()


def test_an_editor_takes_the_documents_value_and_a_later_import_remembers(
    editor_client, editor, conflict
):
    taken = conflict.proposed_value
    assert resolve(editor_client, conflict, "take").status_code == 302
    assert season_row().league_apps == taken
    history = season_row().history.latest()
    assert history.history_user == editor
    assert "taken" in history.history_change_reason
    assert history.prev_record.league_apps == conflict.current_value  # revertable
    result = run(
        Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()),
        other_document(taken),
        force=True,
    )
    assert [c for d in result.documents for c in d.conflicts] == []
    assert season_row().league_apps == taken
    assert not Conflict.objects.open().exists()


def test_a_settled_conflict_cannot_be_settled_again(editor_client, conflict):
    resolve(editor_client, conflict, "keep")
    page = resolve(editor_client, conflict, "take")
    assert page.status_code == 302
    assert season_row().league_apps == conflict.current_value
    assert Conflict.objects.get().status == "kept"


def test_the_list_action_takes_the_documents_values(editor_client, conflict):
    response = editor_client.post(
        reverse("admin:sources_conflict_changelist"),
        {"action": "take_documents_value", "_selected_action": [conflict.pk]},
    )
    assert response.status_code == 302
    assert season_row().league_apps == conflict.proposed_value


def test_a_stranger_cannot_settle_a_conflict(client, stranger, conflict):
    client.force_login(stranger)
    resolve(client, conflict, "take")
    assert Conflict.objects.get().status == "open"
    assert season_row().league_apps == conflict.current_value


def test_a_record_shows_its_sources_as_a_person_reads_them(editor_client, conflict):
    player = Player.objects.get(full_name="Mio Backhaus")
    page = editor_client.get(reverse("admin:players_player_change", args=[player.pk]))
    content = page.content.decode()
    document = SourceDocument.objects.get(file_name=SEEDS_BIOGRAPHY)
    assert document.label in content
    provenance = document.provenance.get(content_type__model="player", object_id=player.pk)
    assert f"line {provenance.line}" in content
    assert document.quote(provenance.line).split()[0] in content
    assert SEEDS_BIOGRAPHY not in content
    sources = content.split('id="sources-provenance-content_type-object_id-group"')[1]
    sources = sources.split("<tbody>")[1].split("</tbody>")[0]
    assert document.label in sources
    assert "imported_values" not in sources
    assert "{" not in sources  # no raw JSON


def test_a_reorder_and_save_of_sections_in_the_admin_is_no_conflict_on_reimport(editor_client, db):
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()))
    player = Player.objects.get(full_name="Mio Backhaus")
    url = reverse("admin:players_player_change", args=[player.pk])
    page = editor_client.get(url)
    data = form_data(page)
    prefix = inline_prefix(page, "biographysection")
    count = int(data[f"{prefix}-TOTAL_FORMS"])
    assert count > 2
    for n in range(count):
        data[f"{prefix}-{n}-order"] = count - n  # reversed
        text = data.get(f"{prefix}-{n}-text", "")
        data[f"{prefix}-{n}-text"] = text.replace("\n", "\r\n")  # as a browser sends it
    before = [s.heading for s in player.sections.all()]
    assert editor_client.post(url, data).status_code == 302
    headings = [s.heading for s in player.sections.all()]
    assert headings == before[::-1]
    result = run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()), force=True)
    assert result.documents[0].conflicts == []
    assert not Conflict.objects.exists()
    assert [s.heading for s in player.sections.all()] == headings  # the editor's order stays


def test_the_dry_run_page_lists_changes_and_conflicts(editor_client, db):
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()))
    apps = season_row().league_apps
    new_version = with_apps(seed_text(), apps, apps + 1)
    other = other_document(apps + 2)
    files = [
        SimpleUploadedFile(SEEDS_BIOGRAPHY, new_version.encode()),
        SimpleUploadedFile(other.file_name, other.data),
    ]
    page = editor_client.post(
        reverse("admin:sources_sourcedocument_upload"), {"documents": files}, follow=True
    )
    content = page.content.decode()
    assert "Dry run: nothing has been written yet" in content
    changes = content.split('class="import-changes"')[1].split("</table>")[0]
    assert "league apps" in changes
    assert f"<td>{apps}</td><td>→ {apps + 1}</td>" in changes
    conflicts = content.split('class="import-conflicts"')[1].split("</ul>")[0]
    assert "league apps" in conflicts
    assert f"“{apps + 1}”" in conflicts
    assert f"“{apps + 2}”" in conflicts
    assert '<th scope="col">in conflict</th>' in content
    assert season_row().league_apps == apps
    assert not Conflict.objects.exists()


def test_a_records_sources_link_to_what_waits_in_conflict(editor_client, db):
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()))
    player = Player.objects.get(full_name="Mio Backhaus")
    player.place_of_birth = "Baesweiler"
    player.save()
    run(Upload(file_name=SEEDS_BIOGRAPHY, data=seed_text().encode()), force=True)
    conflict = Conflict.objects.get(field_name="place_of_birth")
    page = editor_client.get(reverse("admin:players_player_change", args=[player.pk]))
    sources = page.content.decode().split('id="sources-provenance-content_type-object_id-group"')[1]
    link = reverse("admin:sources_conflict_change", args=[conflict.pk])
    assert f'<a href="{link}">place of birth: “{conflict.proposed_display}”</a>' in sources
