"""Parsing under a time budget: a document that takes too long is refused, never waited for.

The parsers are written to run in linear time (and tested for it), but a regular
expression cannot be interrupted inside the process that runs it. So documents are decoded
and parsed in a child process; when one takes longer than its budget the child is killed,
the document fails with a clear message and the web or import worker carries on. The child
imports only ``imports.parsing`` (plain Python, the work is ``imports.parsing.reading``), and
is kept for the next document.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from imports.parsing.documents import ParseError
from imports.parsing.reading import Parsed, read_document

__all__ = ["BudgetedParser", "Parsed", "parser_for_thread", "read_document"]


class BudgetedParser:
    """Parses in a child process of its own and stops any document over budget seconds."""

    def __init__(self, budget: float) -> None:
        self.budget = budget
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn: a fresh interpreter; fork would copy the threads and connections of
            # a web worker into the child.
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return self._pool

    def read(self, data: bytes, file_name: str) -> tuple[str, Parsed]:
        """(text, parsed document); ParseError for bad input or a parse over budget."""
        future = self._executor().submit(read_document, data, file_name)
        try:
            result = future.result(timeout=self.budget)
        except FutureTimeout:
            self.stop()
            raise ParseError(
                file_name,
                None,
                f"reading the document took longer than {self.budget:g} s and was stopped; "
                "is it really a biography or an interview?",
            ) from None
        except BrokenProcessPool:
            self.stop()
            raise ParseError(
                file_name, None, "the document could not be read (the parser stopped)"
            ) from None
        if isinstance(result, ParseError):
            raise result
        return result

    def stop(self) -> None:
        """Kill the child (it may be stuck in a pattern) and start afresh next time."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)


_local = threading.local()


def parser_for_thread(budget: float) -> BudgetedParser:
    """One parser (one child process) per thread, reused across imports."""
    parser: BudgetedParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = BudgetedParser(budget)
    parser.budget = budget
    return parser
