"""Parsing under a time budget: a document that takes too long is refused, never waited for.

The parsers are written to run in linear time (and tested for it), but a regular
expression cannot be interrupted inside the process that runs it. So documents are decoded
and parsed in a child process; when one takes longer than its budget the child is killed,
the document fails with a clear message and the web or import worker carries on. The child
imports only ``imports.parsing`` (plain Python, the work is ``imports.parsing.reading``), and
is kept for the next document.

A run of many documents hands the child the next document while it writes the current one
(``submit``, then ``PendingParse.result`` at its turn): parsing and writing overlap, on two
cores. The child takes one document at a time, so a document's parse starts when it is
submitted, and its budget is counted from then.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from imports.parsing.documents import ParseError
from imports.parsing.reading import Parsed, read_document

__all__ = ["BudgetedParser", "Parsed", "PendingParse", "parser_for_thread", "read_document"]


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
        return self.submit(data, file_name).result()

    def submit(self, data: bytes, file_name: str) -> PendingParse:
        """Start parsing in the child; the caller asks for the result when it needs it.
        Submit the next document only once the last one's result was taken (or dropped):
        its budget is counted from now."""
        return PendingParse(
            self, self._executor().submit(read_document, data, file_name), file_name
        )

    def over_budget(self, file_name: str) -> ParseError:
        return ParseError(
            file_name,
            None,
            f"reading the document took longer than {self.budget:g} s and was stopped; "
            "is it really a biography or an interview?",
        )

    def stop(self) -> None:
        """Kill the child (it may be stuck in a pattern) and start afresh next time."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)


class PendingParse:
    """A document the child is parsing: its result when it is the document's turn."""

    def __init__(self, parser: BudgetedParser, future: Future, file_name: str) -> None:
        self.parser = parser
        self.future = future
        self.file_name = file_name
        self.submitted = time.monotonic()
        self.finished: float | None = None
        future.add_done_callback(self._done)

    def _done(self, _future: Future) -> None:
        self.finished = time.monotonic()

    def result(self) -> tuple[str, Parsed]:
        """(text, parsed document); ParseError for bad input or a parse over budget (one
        still running at its deadline is killed)."""
        budget = self.parser.budget
        try:
            result = self.future.result(timeout=max(self.submitted + budget - time.monotonic(), 0))
        except FutureTimeout:
            self.parser.stop()
            raise self.parser.over_budget(self.file_name) from None
        except BrokenProcessPool:
            self.parser.stop()
            raise ParseError(
                self.file_name, None, "the document could not be read (the parser stopped)"
            ) from None
        # Done before we asked, but perhaps only after its budget: refused all the same.
        if (self.finished or time.monotonic()) - self.submitted > budget:
            raise self.parser.over_budget(self.file_name)
        if isinstance(result, ParseError):
            raise result
        return result

    def drop(self) -> None:
        """Not needed after all: wait for the child to be free (within the budget), or
        stop it, so the next document's parse starts at once."""
        if self.future.done():
            return
        try:
            self.future.exception(
                timeout=max(self.submitted + self.parser.budget - time.monotonic(), 0)
            )
        except FutureTimeout:
            self.parser.stop()


_local = threading.local()


def parser_for_thread(budget: float) -> BudgetedParser:
    """One parser (one child process) per thread, reused across imports."""
    parser: BudgetedParser | None = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = BudgetedParser(budget)
    parser.budget = budget
    return parser
