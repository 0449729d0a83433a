"""The import job as a task of Django's tasks framework (run by `manage.py db_worker`)."""

from django.tasks import task

from imports.jobs import run_job


@task()
def run_import(job_id: str) -> None:
    run_job(job_id)
