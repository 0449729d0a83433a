"""python manage.py import_seeds: output, exit status, bad input without tracebacks."""

from contextlib import suppress
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from players.models import Player
from sources.models import SourceDocument

from .documents import SEED_BIOGRAPHY, SEEDS, database_state

BIOGRAPHY = (SEEDS / SEED_BIOGRAPHY).read_text(encoding="utf-8")


def import_seeds(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_seeds", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_command_imports_the_seeds_folder_by_default():
    out, err = import_seeds()
    assert "3 documents: 3 new" in out
    assert "000_2593bb3e1f49e045.txt [biography, en] new" in out
    assert err == ""
    assert Player.objects.filter(full_name="Mio Backhaus").exists()
    out, _ = import_seeds()
    assert "3 documents: 0 new, 0 changed, 3 unchanged, 0 failed" in out


@pytest.mark.django_db
def test_a_dry_run_says_so_and_writes_nothing():
    before = database_state()
    out, _ = import_seeds("--dry-run", str(SEEDS))
    assert "Dry run, nothing written" in out
    assert "would be new" in out
    assert database_state() == before


@pytest.mark.django_db
def test_verbosity_zero_prints_only_failures(tmp_path):
    out, err = import_seeds("-v", "0")
    assert out == ""
    assert err == ""


def bad(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_INPUT = {
    "empty.txt": (b"", "empty"),
    "binary.bin": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    "latin1.txt": ("= Jürgen Kohler =\n\nJürgen Kohler\n".encode("latin-1"), "not UTF-8"),
    "huge.txt": (b"= A =\n" + b"x" * (10 * 1024 * 1024 + 10), "10 MB"),
    "shopping.txt": (b"eggs\nmilk\nbread\n", "unknown kind"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
@pytest.mark.django_db
def test_bad_input_fails_clearly_and_the_others_still_import(tmp_path, name):
    data, _message = BAD_INPUT[name]
    folder = tmp_path / "docs"
    folder.mkdir()
    bad(folder, name, data)
    bad(folder, SEED_BIOGRAPHY, BIOGRAPHY.encode())
    with pytest.raises(CommandError) as raised:
        import_seeds(str(folder))
    assert raised.value.returncode == 1
    assert "1 of 2 documents failed" in str(raised.value)
    assert Player.objects.filter(full_name="Mio Backhaus").exists()
    assert not SourceDocument.objects.filter(file_name=name).exists()


@pytest.mark.parametrize("name", sorted(BAD_INPUT))
@pytest.mark.django_db
def test_the_error_names_the_file_and_shows_no_traceback(tmp_path, name, capsys):
    data, message = BAD_INPUT[name]
    path = bad(tmp_path, name, data)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(path), stdout=out, stderr=err)
    assert name in err.getvalue()
    assert message in err.getvalue()
    assert "Traceback" not in err.getvalue() + out.getvalue() + capsys.readouterr().err


TABLE_DAMAGE = {
    # a truncated table: the document ends in the middle of a row
    "truncated": BIOGRAPHY[: BIOGRAPHY.index("| FC Volendam (loan) |") + 30],
    "wrong cell count": BIOGRAPHY.replace(
        "| 2022–23 | 10 | 0 | — | — | — | 10 | 0 | | | |", "| 2022–23 | 10 | 0 |"
    ),
    "not a number": BIOGRAPHY.replace("| 2025–26 | 22 | 0 |", "| 2025–26 | twenty | 0 |"),
}


@pytest.mark.parametrize("damage", sorted(TABLE_DAMAGE))
@pytest.mark.django_db
def test_a_damaged_table_is_reported_with_its_line(tmp_path, damage, capsys):
    path = bad(tmp_path, "damaged.txt", TABLE_DAMAGE[damage].encode())
    out, err = StringIO(), StringIO()
    with suppress(CommandError):  # an error is fine as long as it names file and line
        call_command("import_seeds", str(path), "-v", "2", stdout=out, stderr=err)
    text = out.getvalue() + err.getvalue()
    assert "damaged.txt, line " in text
    assert "Traceback" not in text + capsys.readouterr().err


@pytest.mark.django_db
def test_a_missing_path_is_reported(tmp_path):
    with pytest.raises(CommandError):
        import_seeds(str(tmp_path / "nowhere.txt"), str(SEEDS / SEED_BIOGRAPHY))
    assert Player.objects.filter(full_name="Mio Backhaus").exists()


def test_a_database_that_cannot_be_reached_is_one_clear_line():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DATABASE_URL": "postgres://postgres:secret@127.0.0.1:1/kader"}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_seeds"],
        cwd=SEEDS.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("CommandError: cannot reach the database 127.0.0.1:1/kader")
    assert "secret" not in result.stderr


@pytest.mark.django_db
def test_a_60_megabyte_file_is_reported_by_its_real_size(tmp_path):
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(60 * 1024 * 1024)  # a sparse file: no 60 MB written to disk
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path), stdout=out, stderr=err)
    assert "60.0 MB, over 10 MB" in out.getvalue() + err.getvalue()


@pytest.mark.django_db
def test_kader_admin_password_is_not_ignored_after_the_first_run():
    from django.contrib.auth.models import User

    call_command("ensure_admin", "--password", "first-pass-123", stdout=StringIO())
    out = StringIO()
    call_command("ensure_admin", "--password", "second-pass-456", "--reset", stdout=out)
    assert "KADER_ADMIN_PASSWORD" in out.getvalue()
    assert User.objects.get(username="admin").check_password("second-pass-456")


class Terminal(StringIO):
    """An output stream that says it is a terminal, as a shell's stdout does."""

    def isatty(self) -> bool:
        return True


@pytest.mark.django_db
def test_a_log_gets_one_line_per_document(tmp_path):
    for number in range(3):
        (tmp_path / f"copy{number}.txt").write_text(
            BIOGRAPHY.replace("Mio Backhaus", f"Mio Backhaus{'e' * (number + 1)}"),
            encoding="utf-8",
        )
    out, _ = import_seeds(str(tmp_path))
    lines = [line for line in out.splitlines() if line.startswith("✓ copy")]
    assert len(lines) == 3
    assert "\r" not in out


@pytest.mark.django_db
def test_a_terminal_gets_a_progress_bar_with_rate_and_time_left():
    out, err = Terminal(), StringIO()
    call_command("import_seeds", stdout=out, stderr=err)
    text = out.getvalue()
    assert "\r[" in text  # the line rewrites itself
    assert "3/3 documents" in text
    assert "/s · 0:00 left" in text
    # the bar is cleared before the summary, which stays readable
    assert "3 documents: 3 new" in text.rsplit("\r", 1)[-1]


@pytest.mark.django_db
def test_a_document_that_disagrees_with_another_is_reported_as_queued(tmp_path):
    import_seeds(str(SEEDS / "000_2593bb3e1f49e045.txt"))
    row = "| 2025–26 | 22 | 0 | 0 | 0 | — | — | 22 | 0 |"
    assert row in BIOGRAPHY
    other = tmp_path / "backhaus-elsewhere.txt"
    other.write_text(
        BIOGRAPHY.replace(row, row.replace("| 22 | 0 |", "| 24 | 0 |")), encoding="utf-8"
    )
    out, _ = import_seeds(str(other))
    assert "conflict (queued for an editor)" in out
    assert "“22” from “Mio Backhaus (Biography)”, the document says “24”" in out
    out, _ = import_seeds("--force", str(other))
    assert "conflict (already in the conflicts queue)" in out


def test_listing_documents_reads_none_of_them(tmp_path):
    """A run over thousands of files holds one document at a time: read_paths only lists."""
    from imports.importer import FileUpload, read_paths

    (tmp_path / "a.txt").write_text(BIOGRAPHY, encoding="utf-8")
    (upload,) = read_paths([tmp_path])
    assert isinstance(upload, FileUpload)
    assert not hasattr(upload, "__dict__")  # slots only: no bytes kept on the upload
    assert upload.data == BIOGRAPHY.encode()


@pytest.mark.django_db
def test_a_file_that_vanishes_before_its_turn_fails_alone(tmp_path):
    from imports.importer import import_documents, read_paths

    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(
            BIOGRAPHY.replace("Mio Backhaus", f"Mio Backhaus {name[0].upper()}"), encoding="utf-8"
        )
    uploads = read_paths([tmp_path])
    (tmp_path / "a.txt").unlink()
    result = import_documents(uploads=uploads)
    failed = {report.file_name: report for report in result.documents if report.failed}
    assert list(failed) == ["a.txt"]
    assert "cannot read" in failed["a.txt"].errors[0].text
    assert Player.objects.filter(full_name="Mio Backhaus B").exists()
