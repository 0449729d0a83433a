"""An editor uploads many biographies in the admin; `manage.py db_worker` runs the dry run
and the import in another process while the page's progress bar moves without a reload and
public pages keep answering.

The worker is a real second process, so the test database must be one it can open: on
SQLite a file (this module names one below; the in-memory test database is private to this
process), on PostgreSQL the test database itself. Run it on its own:

    .venv/bin/pytest tests/browser/test_admin_import_job.py -p no:cacheprovider -s
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kader_h7 .venv/bin/pytest ...

-s prints the figures (worker throughput, page latency idle and during the import).
Screenshots go to /tmp/shots/.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.tasks import task_backends
from django.urls import reverse
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from imports.models import ImportJob
from players.models import Player
from tests.browser.admin_login import log_in
from tests.factories import renamed_biographies

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# The importer commits (and so shows progress) every 50 documents: 100 give the bar one
# step before the end and keep the test near a minute; KADER_IMPORT_JOB_DOCUMENTS=200 is
# the figure (about two minutes).
DOCUMENTS = int(os.environ.get("KADER_IMPORT_JOB_DOCUMENTS", "100"))
SHOTS = Path("/tmp/shots")  # noqa: S108 - where the lead looks at the screenshots
PUBLIC_PAGES = ["/players/", "/players/mio-backhaus/"]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite: a test database in a file, which the worker process can open too. Applies
    only when this module is the first to set up the test database (run it on its own)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = Path(tempfile.gettempdir()) / f"kader-test-import-job-{os.getpid()}.sqlite3"
        database.setdefault("TEST", {})["NAME"] = str(name)


def database_url() -> str:
    """The test database as a DATABASE_URL for the worker process."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = quote(settings["USER"] or "")
    password = f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else ""
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    return f"postgres://{user}{password}@{settings['HOST']}{port}/{settings['NAME']}"


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    """`manage.py db_worker` in a child process on the test database and media folder;
    the live server (this process) queues into the database as in production."""
    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and (name == ":memory:" or "mode=memory" in name):
        pytest.skip(
            "the in-memory SQLite test database is private to this process: "
            "run this file on its own (see its docstring)"
        )
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.KADER_PAGE_CACHE_SECONDS = 0  # every public page is rendered: no cached answer
    task_backends["default"] = DatabaseBackend(alias="default", params={"QUEUES": ["default"]})
    log = (tmp_path / "worker.log").open("w+")
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "KADER_ENV": "test",
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay",
         "--interval", "0.2", "--max-tasks", "2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    yield log
    if process.poll() is None:
        process.terminate()
    process.wait(timeout=10)
    log.close()


@dataclass
class Sampler:
    """Fetches public pages over HTTP in a thread, as readers would, noting each answer."""

    base: str
    answers: list[tuple[str, int, float]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def fetch(self, path: str) -> None:
        begin = time.perf_counter()
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as response:  # noqa: S310
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except urllib.error.URLError:  # refused or timed out: no answer at all
            status = 0
        self.answers.append((path, status, time.perf_counter() - begin))

    def run(self) -> None:
        while not self.stop.is_set():
            for path in PUBLIC_PAGES:
                self.fetch(path)
            time.sleep(0.05)

    def __enter__(self) -> Sampler:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=60)


def milliseconds(answers: list[tuple[str, int, float]]) -> str:
    ordered = sorted(seconds for _, _, seconds in answers)
    p95 = ordered[math.ceil(len(ordered) * 0.95) - 1]
    return (
        f"{len(ordered)} answers, median {statistics.median(ordered) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms"
    )


def statuses(page) -> dict[str, int] | list[str]:
    """{status: documents} of the report page; with any other status, what the page says
    of those documents (the failure's message)."""
    reports = page.evaluate(
        "[...document.querySelectorAll('.import-report')]"
        ".map(r => [r.dataset.status, r.innerText.slice(0, 300)])"
    )
    odd = [text for status, text in reports if status != "new"]
    if odd:
        return odd[:5]
    return {"new": len(reports)}


def follow_progress(page, name: str) -> list[int]:
    """The bar's values, read every 0.2 s while the waiting page stays the same document
    (a marker set on its window survives); a screenshot once the bar has moved (or after
    3 s: a dry run shows its progress only at the end)."""
    page.evaluate("window.kaderSamePage = true")
    values: list[int] = []
    shot = False
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            state = page.evaluate(
                "() => window.kaderSamePage === true && document.querySelector('progress')"
                " ? document.querySelector('progress').value : null"
            )
        except PlaywrightError:  # the script is loading the report page right now
            state = None
        if state is None:  # the script loaded the report page
            return values
        values.append(int(state))
        if not shot and (state > 0 or len(values) == 15):
            page.screenshot(path=str(SHOTS / f"{name}.png"))
            shot = True
        time.sleep(0.2)
    raise AssertionError(f"the job did not finish in 300 s: {values[-5:]}")


def test_an_upload_runs_as_a_job_with_moving_progress_while_pages_answer(
    page, live_server, seeds, editor, worker
):
    SHOTS.mkdir(exist_ok=True)
    players_before = Player.objects.count()
    sampler = Sampler(live_server.url)
    for path in PUBLIC_PAGES:  # the first answer also loads templates: not a figure
        sampler.fetch(path)
    sampler.answers = []
    for _ in range(20):  # idle: nobody imports
        for path in PUBLIC_PAGES:
            sampler.fetch(path)
    idle, sampler.answers = sampler.answers, []
    log_in(page, live_server, editor)
    page.goto(live_server.url + reverse("admin:sources_sourcedocument_upload"))

    with sampler:
        page.set_input_files(
            "#id_documents",
            [
                {"name": name, "mimeType": "text/plain", "buffer": data}
                for name, data in renamed_biographies(DOCUMENTS)
            ],
        )
        page.get_by_role("button", name="Check the documents").click()
        expect(page.get_by_role("heading", name="Checking the documents")).to_be_visible()
        checking = follow_progress(page, "import-job-dry-run-waiting")
        expect(
            page.get_by_role("heading", name="Dry run: nothing has been written yet")
        ).to_be_visible()
        reports = page.locator(".import-report")
        expect(reports).to_have_count(DOCUMENTS)
        page.screenshot(path=str(SHOTS / "import-job-dry-run-report.png"))
        assert statuses(page) == {"new": DOCUMENTS}
        assert Player.objects.count() == players_before  # nothing written yet

        page.get_by_role("button", name="Import").first.click()  # above and below the report
        expect(page.get_by_role("heading", name="Importing the documents")).to_be_visible()
        importing = follow_progress(page, "import-job-waiting")
        expect(page.get_by_role("heading", name="Imported")).to_be_visible()
        expect(page.locator(".messagelist")).to_contain_text("The documents were imported.")
        page.screenshot(path=str(SHOTS / "import-job-result.png"))
        assert statuses(page) == {"new": DOCUMENTS}
    during = sampler.answers

    # The bar moved in place during the import, from below the total to more of it.
    moving = sorted(set(importing))
    assert len(moving) >= 2, importing
    assert importing == sorted(importing)
    assert importing[0] < DOCUMENTS
    assert moving[-1] > moving[0]
    assert Player.objects.count() == players_before + DOCUMENTS
    jobs = ImportJob.objects.order_by("created_at")
    done = [(job.dry_run, job.state, job.failures) for job in jobs]
    assert done == [(True, "done", 0), (False, "done", 0)]  # no document failed
    worker.seek(0)
    assert "database is locked" not in worker.read()
    assert during
    assert {status for _, status, _ in during} == {200}  # no 500, no refused connection

    seconds = [
        (finished - started).total_seconds()
        for started, finished in DBTaskResult.objects.order_by("enqueued_at").values_list(
            "started_at", "finished_at"
        )
        if started and finished
    ]
    print(
        f"\n{connection.vendor}, {DOCUMENTS} documents: dry run {seconds[0]:.1f} s "
        f"({DOCUMENTS / seconds[0]:.1f}/s), import {seconds[1]:.1f} s "
        f"({DOCUMENTS / seconds[1]:.1f}/s); bar values seen: dry run "
        f"{sorted(set(checking))}, import {len(moving)} distinct"
    )
    for path in PUBLIC_PAGES:
        print(f"{path} idle: {milliseconds([a for a in idle if a[0] == path])}")
        print(f"{path} during: {milliseconds([a for a in during if a[0] == path])}")
