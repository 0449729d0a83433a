"""The importer tests' documents (as bytes) and helpers to import them and count rows."""

from pathlib import Path

from django.apps import apps

from imports.importer import ImportReport, Upload, import_documents

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PARSER_DOCS = ROOT / "tests" / "parsing" / "docs"
OUR_DOCS = Path(__file__).resolve().parent / "docs"

SEED_BIOGRAPHY = "000_2593bb3e1f49e045.txt"
SEED_WEB = "001_58c1bbaa3b92f6dc.txt"
SEED_OUTLET = "002_a7e6b26a14ad5d49.txt"


def upload(path: Path, name: str | None = None) -> Upload:
    return Upload(file_name=name or path.name, data=path.read_bytes())


def run(*uploads: Upload, **options) -> ImportReport:
    return import_documents(uploads=list(uploads), **options)


def seeds() -> list[Upload]:
    return [upload(p) for p in sorted(SEEDS.glob("*.txt"))]


def database_state() -> dict[str, int]:
    """Row count of every table, history tables included."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in {"clubs", "players", "interviews", "sources"}
    }
