"""An admin upload as a background job: worker throughput and page latency meanwhile.

    .venv/bin/python bench/import_job.py                 # 200 documents, temp SQLite file
    .venv/bin/python bench/import_job.py 500 --database-url \
        postgres://postgres@127.0.0.1:5432/kader_import_job   # dropped and created afresh

Starts gunicorn (2 workers) and `manage.py db_worker` on a fresh database, imports the seeds
(for a profile to read), logs in as an editor over HTTP, uploads N biographies (the seed
biography under N new names) through the admin's upload form, follows the job's progress
JSON, confirms the dry run and follows the import. Meanwhile a thread reads /players/ and
a profile as a reader would (the page cache off: every answer is rendered), and another
saves a club every 0.5 s as an editor in the admin would. Prints the worker's documents
per second (its task's start to finish), the page latency idle, during the dry run and
during the import (median, 95th percentile, max), the saves and any "database is locked".
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from web import free_port, start_gunicorn, stop  # bench/web.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]
PAGES = ["/players/", "/players/mio-backhaus/"]
PASSWORD = "bench-editor-pass-1"  # a throwaway account in a throwaway database


def summary(seconds: list[float]) -> str:
    if not seconds:
        return "no answers"
    ordered = sorted(seconds)
    p95 = ordered[math.ceil(len(ordered) * 0.95) - 1]
    return (
        f"n={len(ordered)}, median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


class Phases:
    """The phase the run is in (idle, dry run, import), for the samplers to file under."""

    def __init__(self) -> None:
        self.name = "idle"
        self.stop = threading.Event()


def read_pages(base: str, phases: Phases, answers: dict) -> None:
    with requests.Session() as reader:
        while not phases.stop.is_set():
            for path in PAGES:
                begin = time.perf_counter()
                status: int | str
                try:
                    status = reader.get(base + path, timeout=60).status_code
                except requests.RequestException as error:
                    status = type(error).__name__
                answers.setdefault(phases.name, []).append(
                    (path, status, time.perf_counter() - begin)
                )
            time.sleep(0.05)


def save_clubs(phases: Phases, saves: dict) -> None:
    from django.db import OperationalError, close_old_connections, transaction

    from clubs.models import Club

    club = Club.objects.order_by("pk").first()
    assert club is not None, "the seeds have clubs"
    while not phases.stop.is_set():
        begin, phase = time.perf_counter(), phases.name  # filed under the phase it began in
        try:
            with transaction.atomic():
                fresh = Club.objects.select_for_update().get(pk=club.pk)
                fresh.short_name = f"B {begin:.3f}"[:30]
                fresh.save()
            result: float | str = time.perf_counter() - begin
        except OperationalError as error:
            result = str(error)
        saves.setdefault(phase, []).append(result)
        time.sleep(0.5)
    close_old_connections()


def follow(session: requests.Session, base: str, job_url: str) -> None:
    while True:
        job = session.get(f"{base}{job_url}progress/", timeout=60).json()
        if job["finished"]:
            return
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("documents", nargs="?", type=int, default=200)
    parser.add_argument("--database-url", help="PostgreSQL: the database is dropped first")
    parser.add_argument("--web-workers", type=int, default=2)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="kader-import-job-"))
    url = args.database_url or f"sqlite:///{folder / 'bench.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "KADER_ENV": "test",  # DEBUG off, caches in memory
        "PAGE_CACHE_SECONDS": "0",  # each process caches alone: render every page
        "KADER_MAX_UPLOAD_FILES": str(max(args.documents, 1000)),
    }
    os.environ.update(env)
    if url.startswith("postgres"):
        name = url.rsplit("/", 1)[1]
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        import psycopg

        with psycopg.connect(admin_url, autocommit=True) as pg:
            pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            pg.execute(f'CREATE DATABASE "{name}"')
    import django

    django.setup()
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from tests import factories

    call_command("migrate", verbosity=0)
    call_command("import_seeds", str(ROOT / "seeds"), verbosity=0)
    editor = factories.editor_user("bench-editor", PASSWORD)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_gunicorn(ROOT, env, port, args.web_workers)
    worker_log = (folder / "worker.log").open("w+")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
         "--interval", "0.2", "--max-tasks", "2"],
        cwd=ROOT, env=env, stdout=worker_log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    phases = Phases()
    answers: dict[str, list[tuple[str, int | str, float]]] = {}
    saves: dict[str, list[float | str]] = {}
    readers: list[threading.Thread] = []
    try:
        for path in PAGES:
            requests.get(base + path, timeout=30)  # the first render loads a lot
        readers = [
            threading.Thread(target=read_pages, args=(base, phases, answers)),
            threading.Thread(target=save_clubs, args=(phases, saves)),
        ]
        for thread in readers:
            thread.start()
        time.sleep(10)  # idle figures

        session = requests.Session()
        login = session.get(f"{base}/admin/login/", timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
        assert token, "the login form has a CSRF token"
        session.post(
            f"{base}/admin/login/?next=/admin/",
            data={"username": editor.username, "password": PASSWORD,
                  "csrfmiddlewaretoken": token[1], "next": "/admin/"},
            headers={"Referer": f"{base}/admin/login/"}, timeout=30,
        )  # fmt: skip
        upload_url = f"{base}/admin/sources/sourcedocument/upload/"
        form = session.get(upload_url, timeout=30)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        assert token, f"the upload form (is the editor logged in?): {form.status_code}"
        phases.name = "dry run"
        uploaded = session.post(
            upload_url,
            data={"csrfmiddlewaretoken": token[1]},
            files=[("documents", (name, data, "text/plain")) for name, data in
                   factories.renamed_biographies(args.documents)],
            headers={"Referer": upload_url}, timeout=120, allow_redirects=False,
        )  # fmt: skip
        assert uploaded.status_code == 302, f"upload answered {uploaded.status_code}"
        job_url = uploaded.headers["Location"]
        follow(session, base, job_url)
        preview = session.get(base + job_url, timeout=60).text
        confirm = re.search(r'name="token" value="([^"]+)"', preview)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', preview)
        assert confirm, "the dry run's report has its Import button"
        assert token
        phases.name = "import"
        queued = session.post(
            upload_url,
            data={"csrfmiddlewaretoken": token[1], "token": confirm[1], "confirm": "Import"},
            headers={"Referer": upload_url}, timeout=60, allow_redirects=False,
        )  # fmt: skip
        assert queued.status_code == 302, f"confirm answered {queued.status_code}"
        follow(session, base, queued.headers["Location"])
        result = session.get(base + queued.headers["Location"], timeout=60).text
        phases.name = "after"
    finally:
        phases.stop.set()
        for thread in readers:
            thread.join(timeout=60)
        try:
            worker.wait(timeout=30)  # it stops after its two tasks
        except subprocess.TimeoutExpired:
            worker.terminate()
            worker.wait(timeout=30)
        stop(server)

    from imports.models import ImportJob

    vendor = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"{vendor}, {args.documents} documents, gunicorn {args.web_workers} workers")
    for run in DBTaskResult.objects.order_by("enqueued_at"):
        job = ImportJob.objects.get(pk=run.args_kwargs["args"][0])
        assert run.started_at, "the worker ran the task"
        assert run.finished_at
        seconds = (run.finished_at - run.started_at).total_seconds()
        kind = "dry run" if job.dry_run else "import"
        print(
            f"  {kind}: {job.state}, {job.done}/{job.total} documents, {job.failures} failed,"
            f" {seconds:.1f} s in the worker ({job.total / seconds:.1f} documents/s)"
        )
    reports = result.count('class="module import-report"')
    print(f"  result page: {reports} document reports")
    for phase in ("idle", "dry run", "import"):
        got = answers.get(phase, [])
        statuses = sorted({str(status) for _, status, _ in got})
        print(f"  pages {phase}: answers {', '.join(statuses) or 'none'}")
        for path in PAGES:
            print(f"    {path}: {summary([s for p, _, s in got if p == path])}")
        done = [s for s in saves.get(phase, []) if isinstance(s, float)]
        failed = [s for s in saves.get(phase, []) if isinstance(s, str)]
        print(f"    editor saves: {len(done)} ok ({summary(done)}), {len(failed)} failed")
        for message in sorted(set(failed)):
            print(f"      save failed: {message}")
    worker_log.seek(0)
    print(f"  'database is locked' in the worker's log: {worker_log.read().count('is locked')}")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
