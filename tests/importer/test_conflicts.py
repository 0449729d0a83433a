"""Two sources that disagree: the current value stays and a conflict waits for an editor."""

import pytest

from imports.importer import Upload
from players.models import Player, SeasonStatistics
from sources.models import Conflict, SourceDocument
from sources.services import ConflictClosed, resolve_conflict

from .documents import SEED_BIOGRAPHY, SEEDS, run, upload

SEASON_ROW = "| 2025–26 | 22 | 0 | 0 | 0 | — | — | 22 | 0 |"
OTHER_NAME = "backhaus-from-another-site.txt"


def biography(**replacements: str) -> str:
    text = (SEEDS / SEED_BIOGRAPHY).read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text


def other_biography(apps: int) -> Upload:
    """Another document about the same player, giving the 2025–26 league apps as apps
    (the season's row and the club's total row, so its own totals add up)."""
    text = biography(
        **{"| 22 | 0 | 0 | 0 | — | — | 22 | 0 |": f"| {apps} | 0 | 0 | 0 | — | — | {apps} | 0 |"}
    )
    # A blank line more: never the same bytes (checksum) as the seed, whatever the figure.
    return Upload(file_name=OTHER_NAME, data=(text + "\n").encode())


def season_row() -> SeasonStatistics:
    return SeasonStatistics.objects.get(player__full_name="Mio Backhaus", season__start_year=2025)


def report_of(result, name: str):
    return next(d for d in result.documents if d.file_name == name)


@pytest.fixture
def first(db):
    result = run(upload(SEEDS / SEED_BIOGRAPHY))
    assert not result.failed
    return SourceDocument.objects.get(file_name=SEED_BIOGRAPHY)


@pytest.fixture
def disagreeing(first, editor):
    """The seed biography, then another document giving a different league apps figure."""
    apps = season_row().league_apps + 2
    result = run(other_biography(apps))
    assert not result.failed
    return report_of(result, OTHER_NAME)


def test_two_documents_that_disagree_make_one_conflict_and_no_overwrite(first, disagreeing):
    row = season_row()
    (conflict,) = Conflict.objects.all()
    assert conflict.record == row
    assert conflict.field_name == "league_apps"
    assert conflict.current_value == row.league_apps  # the first document's value stays
    assert conflict.proposed_value == row.league_apps + 2
    assert conflict.current_document == first
    assert conflict.document == SourceDocument.objects.get(file_name=OTHER_NAME)
    assert conflict.status == Conflict.Status.OPEN
    assert conflict.subject_label == "Mio Backhaus"
    # the line quoted is the season's row of the other document
    assert conflict.proposed_quote.startswith("| 2025–26 | 24 |")
    assert conflict.current_quote.startswith(SEASON_ROW[:14])
    (reported,) = disagreeing.conflicts
    assert (reported.field, reported.editor_value, reported.document_value) == (
        "league apps",
        str(row.league_apps),
        str(row.league_apps + 2),
    )
    assert reported.source == first.label
    assert not reported.known


def test_a_reimport_raises_no_second_conflict(first, disagreeing):
    apps = season_row().league_apps
    for force in (False, True):
        again = report_of(run(other_biography(apps + 2), force=force), OTHER_NAME)
        assert Conflict.objects.count() == 1
        assert [c.known for c in again.conflicts] in ([], [True])  # skipped, or still open
    forced = report_of(run(other_biography(apps + 2), force=True), OTHER_NAME)
    assert [c.known for c in forced.conflicts] == [True]
    assert run(upload(SEEDS / SEED_BIOGRAPHY), force=True).documents[0].conflicts == []
    assert season_row().league_apps == apps


def test_a_dry_run_reports_the_conflict_and_queues_nothing(first):
    apps = season_row().league_apps
    report = report_of(run(other_biography(apps + 2), dry_run=True), OTHER_NAME)
    assert [c.field for c in report.conflicts] == ["league apps"]
    assert ("season statistics", 1) in [(name, n) for name, _, n in report.count_rows]
    assert not Conflict.objects.exists()


def test_the_same_document_may_still_update_its_own_value(first):
    apps = season_row().league_apps
    text = biography(**{SEASON_ROW: SEASON_ROW.replace(f"| {apps} |", f"| {apps + 1} |", 1)})
    report = run(Upload(file_name=SEED_BIOGRAPHY, data=text.encode())).documents[0]
    assert season_row().league_apps == apps + 1
    assert not Conflict.objects.exists()
    change = next(c for c in report.changes if c.field == "league apps")
    assert (change.old, change.new) == (str(apps), str(apps + 1))


def test_a_new_version_that_agrees_again_closes_its_open_conflict(first, disagreeing):
    apps = season_row().league_apps
    run(other_biography(apps))
    assert not Conflict.objects.exists()


def test_an_editors_change_is_kept_and_queued(first, editor):
    player = Player.objects.get(full_name="Mio Backhaus")
    document_value = player.place_of_birth
    player.place_of_birth = "Baesweiler"
    player.save()
    for _ in range(2):
        run(upload(SEEDS / SEED_BIOGRAPHY), force=True)
    (conflict,) = Conflict.objects.all()
    assert conflict.current_document is None  # an editor's value
    assert conflict.current_source == "an editor"
    assert (conflict.current_display, conflict.proposed_display) == ("Baesweiler", document_value)
    player.refresh_from_db()
    assert player.place_of_birth == "Baesweiler"


def test_keeping_the_current_value_is_remembered(first, disagreeing, editor):
    apps = season_row().league_apps
    conflict = Conflict.objects.get()
    resolve_conflict(conflict=conflict, take=False, user=editor)
    latest = season_row().history.latest()
    assert latest.history_user == editor
    assert "kept" in latest.history_change_reason
    for force in (False, True):
        report = report_of(run(other_biography(apps + 2), force=force), OTHER_NAME)
        assert report.conflicts == []
    assert list(Conflict.objects.values_list("status", flat=True)) == ["kept"]
    assert season_row().league_apps == apps
    # a different value from the same document is a new question
    run(other_biography(apps + 3))
    assert Conflict.objects.open().get().proposed_value == apps + 3


def test_taking_the_documents_value_writes_it_and_no_import_reopens_it(first, disagreeing, editor):
    apps = season_row().league_apps
    resolve_conflict(conflict=Conflict.objects.get(), take=True, user=editor)
    assert season_row().league_apps == apps + 2
    latest = season_row().history.latest()
    assert latest.history_user == editor
    assert "taken" in latest.history_change_reason
    result = run(upload(SEEDS / SEED_BIOGRAPHY), other_biography(apps + 2), force=True)
    assert [c for d in result.documents for c in d.conflicts] == []
    assert season_row().league_apps == apps + 2
    assert list(Conflict.objects.values_list("status", flat=True)) == ["taken"]
    with pytest.raises(ConflictClosed):
        resolve_conflict(conflict=Conflict.objects.get(), take=False, user=editor)


def test_a_source_reads_as_a_person_names_it(db):
    run(*[upload(p) for p in sorted(SEEDS.glob("*.txt"))])
    biography_doc = SourceDocument.objects.get(file_name=SEED_BIOGRAPHY)
    player = Player.objects.get(full_name="Mio Backhaus")
    assert player.full_name in biography_doc.label
    assert "Biography" in biography_doc.label
    for document in SourceDocument.objects.exclude(kind="biography"):
        interview = document.provenance.get(content_type__model="interview").record
        assert interview.title in document.label
        if interview.outlet:
            assert interview.outlet.name in document.label
        if interview.published_at:
            assert str(interview.published_at.year) in document.label
        assert "Web interview" in document.label or "Outlet interview" in document.label
    for document in SourceDocument.objects.all():
        assert document.file_name not in document.label
        first_line = " ".join(document.text.splitlines()[0].split())
        assert first_line.startswith(document.quote(1).removesuffix("…"))
        assert len(document.quote(1)) <= 200
