"""Text an editor saved in the admin: no false conflicts, and a short diff for real ones."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imports.importer.report import text_diff
from players.models import BiographySection, Player

from .documents import SEED_BIOGRAPHY, run, seeds


def save_as_the_admin_form_does(section: BiographySection, order: int) -> None:
    """The admin's textarea sends \\r\\n line endings and the form strips the ends."""
    section.text = section.text.replace("\n", "\r\n").strip()
    section.order = order
    section.save()  # with a history row, as in the admin


def biography_report(**options):
    return next(d for d in run(*seeds(), **options).documents if d.file_name == SEED_BIOGRAPHY)


def test_reordering_sections_in_the_admin_is_no_conflict_on_reimport(imported_seeds):
    player = Player.objects.get(full_name="Mio Backhaus")
    sections = list(player.sections.all())
    assert any("\n" in s.text for s in sections)  # the seed has multi-line sections
    for order, section in enumerate(reversed(sections)):
        save_as_the_admin_form_does(section, order)
    report = biography_report()
    assert report.conflicts == []
    assert [s.heading for s in player.sections.all()] == [s.heading for s in sections[::-1]]


def test_an_editors_change_to_a_section_is_reported_as_a_short_diff(imported_seeds):
    section = Player.objects.get(full_name="Mio Backhaus").sections.exclude(text="").first()
    words = section.text.split(" ")
    assert len(words) > 20
    words[10] = "EDITED"
    section.text = " ".join(words)
    section.save()
    (conflict,) = biography_report().conflicts
    assert conflict.field == "text"
    assert "[-EDITED-]" in conflict.diff
    assert len(conflict.diff) < len(section.text) / 2  # not both texts in full
    section.refresh_from_db()
    assert "EDITED" in section.text  # the editor's text is kept


def test_the_upload_report_shows_the_diff(imported_seeds, editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    section = Player.objects.get(full_name="Mio Backhaus").sections.exclude(text="").first()
    section.text = section.text + "\n\nA paragraph an editor added."
    section.save()
    path = next(p for p in seeds() if p.file_name == SEED_BIOGRAPHY)
    page = editor_client.post(
        reverse("admin:sources_sourcedocument_upload"),
        {"documents": [SimpleUploadedFile(path.file_name, path.data)]},
        follow=True,
    )
    diff = page.content.decode().split('<pre class="import-diff">')[1].split("</pre>")[0]
    assert diff.strip().splitlines()[-1] == "- A paragraph an editor added."
    assert len(diff) < 100


def test_a_short_diff_marks_only_the_changed_words():
    words = [f"w{n}" for n in range(30)]
    old = " ".join(words)
    new = old.replace("w15", "CHANGED")
    assert text_diff(old, new) == "~ … w11 w12 w13 w14 [-w15-] {+CHANGED+} w16 w17 w18 w19 …"
    assert text_diff("a\nb\nc", "a\nc") == "- b"
    assert text_diff("short", "other") == ""  # short values are shown in full
