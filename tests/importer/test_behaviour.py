"""Idempotence, the editor's changes, atomicity, dry runs."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from imports.importer import Upload, import_document, import_documents
from imports.importer import biography as biography_mapping
from imports.importer.records import Invalid
from players.models import Player, SeasonStatistics, Spell
from sources.models import Provenance, SourceDocument

from .documents import (
    OUR_DOCS,
    PARSER_DOCS,
    SEED_BIOGRAPHY,
    SEEDS,
    database_state,
    run,
    seeds,
    upload,
)


def test_a_second_import_changes_nothing(imported_seeds):
    before = database_state()
    result = run(*seeds())
    assert database_state() == before  # history tables included
    assert {d.status for d in result.documents} == {"unchanged"}
    assert all(not d.wrote_something for d in result.documents)


def test_a_forced_second_import_merges_again_and_changes_nothing(imported_seeds):
    before = database_state()
    result = run(*seeds(), force=True)
    assert database_state() == before
    assert {d.status for d in result.documents} == {"unchanged"}
    assert sum(d.totals()["unchanged"] for d in result.documents) > 100


def test_an_editors_change_wins_and_is_reported(imported_seeds):
    player = Player.objects.get(full_name="Mio Backhaus")
    player.place_of_birth = "Baesweiler"  # as in the admin: a save with a history row
    player.save()
    row = SeasonStatistics.objects.get(player=player, on_loan=True)
    row.league_apps = 32
    row.save()
    result = run(*seeds())
    player.refresh_from_db()
    row.refresh_from_db()
    assert player.place_of_birth == "Baesweiler"
    assert row.league_apps == 32
    report = next(d for d in result.documents if d.file_name == SEED_BIOGRAPHY)
    conflicts = {(c.field, c.editor_value, c.document_value) for c in report.conflicts}
    assert ("place of birth", "Baesweiler", "Mönchengladbach") in conflicts
    assert ("league apps", "32", "33") in conflicts
    # Reported again on the next run, still without touching anything.
    before = database_state()
    again = next(d for d in run(*seeds()).documents if d.file_name == SEED_BIOGRAPHY)
    assert len(again.conflicts) == 2
    assert database_state() == before


def test_a_changed_document_updates_what_the_editor_did_not_touch(imported_seeds):
    player = Player.objects.get(full_name="Mio Backhaus")
    player.place_of_birth = "Baesweiler"
    player.save()
    text = (SEEDS / SEED_BIOGRAPHY).read_text(encoding="utf-8")
    text = text.replace("- Position: Goalkeeper", "- Position: Goalkeeper\n- Height: 1.91 m")
    text = text.replace("| 2025–26 | 22 | 0 |", "| 2025–26 | 23 | 0 |")
    text = text.replace("| 2025–26 | 22 | 0 | 0 | 0 | — | — | 22 | 0 |", "")
    report = import_document(file_name=SEED_BIOGRAPHY, data=text.encode())
    assert report.status == "changed"
    player.refresh_from_db()
    assert player.height_cm == 191
    assert player.place_of_birth == "Baesweiler"
    assert SourceDocument.objects.count() == 3  # the same document, a new version
    assert SeasonStatistics.objects.get(player=player, season__start_year=2025).league_apps == 23


def test_a_row_the_new_version_drops_is_deleted(imported_seeds):
    text = (SEEDS / SEED_BIOGRAPHY).read_text(encoding="utf-8")
    text = text.replace("| 2024–25 | 0 | 0 | 0 | 0 | — | — | 0 | 0 | | |\n", "")
    report = import_document(file_name=SEED_BIOGRAPHY, data=text.encode())
    assert report.counts["season statistics"]["deleted"] == 1
    assert not SeasonStatistics.objects.filter(season__start_year=2024).exists()


def test_a_failing_document_leaves_nothing_and_the_others_import(db, monkeypatch):
    def broken(self, player):
        raise Invalid("caps are broken", 16)

    docs = [upload(PARSER_DOCS / "bio_dvoracek.txt"), *seeds()]
    original = biography_mapping.BiographyImport.caps

    def caps(self, player):
        if self.doc.full_name == "Mio Backhaus":
            broken(self, player)
        return original(self, player)

    monkeypatch.setattr(biography_mapping.BiographyImport, "caps", caps)
    result = run(*docs)
    failed = [d.file_name for d in result.failed]
    assert failed == [SEED_BIOGRAPHY]
    assert result.failed[0].errors[0].line == 16
    assert not Player.objects.filter(full_name="Mio Backhaus").exists()
    assert not SourceDocument.objects.filter(file_name=SEED_BIOGRAPHY).exists()
    assert not Spell.objects.filter(club__name="FC Volendam").exists()
    assert Player.objects.filter(full_name="Tomáš Dvořáček").exists()
    assert SourceDocument.objects.count() == 3  # Dvořáček and both interviews


def test_a_dry_run_writes_nothing(db):
    before = database_state()
    result = run(*seeds(), dry_run=True)
    assert database_state() == before
    assert {d.status for d in result.documents} == {"new"}
    # The interviews saw the player the biography would create.
    web = next(d for d in result.documents if d.kind == "web_interview")
    assert not any("not a known player" in w.text for w in web.warnings)
    assert result.documents[0].counts["season statistics"]["created"] == 7


def test_a_dry_run_reports_conflicts(imported_seeds):
    player = Player.objects.get(full_name="Mio Backhaus")
    player.position = "defender"
    player.save()
    before = database_state()
    result = run(*seeds(), dry_run=True)
    assert database_state() == before
    assert result.documents[0].conflicts[0].editor_value == "defender"


def test_every_imported_record_knows_its_document(imported_seeds):
    player = Player.objects.get(full_name="Mio Backhaus")
    for record in [player, *player.season_statistics.all(), *player.spells.all()]:
        assert Provenance.objects.filter(
            object_id=record.pk, content_type__model=record._meta.model_name
        ).exists()


@pytest.mark.django_db
def test_two_versions_of_one_file_in_one_run_make_one_document():
    first = (SEEDS / SEED_BIOGRAPHY).read_text(encoding="utf-8")
    second = first.replace("- Position: Goalkeeper", "- Position: Goalkeeper\n- Height: 1.91 m")
    result = run(
        Upload(file_name=SEED_BIOGRAPHY, data=first.encode()),
        Upload(file_name=SEED_BIOGRAPHY, data=second.encode()),
    )
    assert [d.status for d in result.documents] == ["new", "changed"]
    assert SourceDocument.objects.get().text.startswith(second[:40])
    assert Player.objects.get(full_name="Mio Backhaus").height_cm == 191


@pytest.mark.django_db
def test_one_document_twice_in_one_run_is_imported_once():
    data = (SEEDS / SEED_BIOGRAPHY).read_bytes()
    result = run(Upload("a.txt", data), Upload("b.txt", data))
    assert [d.status for d in result.documents] == ["new", "unchanged"]
    assert SourceDocument.objects.count() == 1
    assert Player.objects.filter(full_name="Mio Backhaus").count() == 1


def other_player(n: int) -> bytes:
    text = (OUR_DOCS / "bio_sorensen.txt").read_text(encoding="utf-8")
    return (
        text.replace("Søren Ødegård", f"Player Number{n}").replace("Ødegård", f"Number{n}").encode()
    )


def queries_to_import(data: bytes, name: str) -> int:
    with CaptureQueriesContext(connection) as context:
        report = import_document(file_name=name, data=data)
    assert report.status == "new", report.errors
    return len(context.captured_queries)


@pytest.mark.django_db
def test_the_query_count_per_document_does_not_grow_with_the_database():
    import_document(file_name="warm.txt", data=other_player(999))  # clubs, seasons, countries
    empty = queries_to_import(other_player(1000), "one.txt")
    for n in range(30):
        import_document(file_name=f"other-{n}.txt", data=other_player(n))
    assert Player.objects.count() == 32
    assert queries_to_import(other_player(2000), "two.txt") == empty


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("batch_documents", "committed_before_each"), [(2, [0, 0, 2]), (None, [0, 0, 0])]
)
def test_a_job_can_ask_for_a_commit_every_few_documents(batch_documents, committed_before_each):
    """An admin job's progress is written in the import's batch: with batch_documents the
    batch commits after that many written documents, so the editor's bar moves."""
    committed: list[int] = []
    seen: list[int] = []

    def progress(number: int, total: int, report) -> None:
        seen.append(len(committed))
        transaction.on_commit(lambda: committed.append(number))

    uploads = [Upload(f"player-{n}.txt", other_player(n)) for n in range(3)]
    result = import_documents(uploads=uploads, progress=progress, batch_documents=batch_documents)
    assert [d.status for d in result.documents] == ["new"] * 3
    assert seen == committed_before_each
    assert sorted(committed) == [1, 2, 3]
