"""File storage that never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from typing import IO, Any

from django.core.files.base import File
from django.core.files.storage import FileSystemStorage


class FileNotStored(OSError):
    """An upload could not be written (a full disk, a read-only folder): nothing was kept."""


class AtomicFileSystemStorage(FileSystemStorage):
    """Writes each file under a temporary name in the target folder and moves it into
    place only when it is complete; on any error the temporary file is removed."""

    def _save(self, name: str, content: File[Any]) -> str:
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        try:
            os.makedirs(directory, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=directory, prefix=".upload-")
        except OSError as error:
            raise FileNotStored(error.errno, f"cannot write into {directory}: {error}") from error
        try:
            with os.fdopen(handle, "wb") as target:
                self._write(target, content)
            while True:  # never overwrite: another upload may have taken the name meanwhile
                try:
                    os.link(temporary, full_path)
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
                    full_path = self.path(name)
            if self.file_permissions_mode is not None:
                os.chmod(full_path, self.file_permissions_mode)
        except OSError as error:
            raise FileNotStored(error.errno, f"the file was not stored: {error}") from error
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        return str(name).replace("\\", "/")

    def _write(self, target: IO[bytes], content: File[Any]) -> None:
        if hasattr(content, "temporary_file_path"):
            with open(content.temporary_file_path(), "rb") as source:
                while chunk := source.read(64 * 1024):
                    target.write(chunk)
        else:
            for chunk in content.chunks():
                target.write(chunk)
        target.flush()
        os.fsync(target.fileno())
