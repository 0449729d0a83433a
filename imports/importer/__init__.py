"""The import service: parsed source documents (imports.parsing) mapped onto the models.

    import_document(file_name=..., data=..., dry_run=False, force=False) -> DocumentReport
    import_documents(uploads=[Upload(...), ...], dry_run=False, force=False,
                     progress=callback) -> ImportReport
    read_paths([file or folder, ...]) -> uploads for import_documents

The management command ``import_seeds`` and the admin upload are thin shells around it.
"""

from imports.importer.records import DocumentError
from imports.importer.report import Conflict, DocumentReport, ImportReport, Message
from imports.importer.service import (
    FileUpload,
    StoredUpload,
    Upload,
    failed_report,
    import_document,
    import_documents,
    read_paths,
)

__all__ = [
    "Conflict",
    "DocumentError",
    "DocumentReport",
    "FileUpload",
    "ImportReport",
    "Message",
    "StoredUpload",
    "Upload",
    "failed_report",
    "import_document",
    "import_documents",
    "read_paths",
]
