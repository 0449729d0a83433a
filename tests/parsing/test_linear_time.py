"""Crafted text cannot hold a worker: every parser pattern runs in linear time."""

import contextlib
import time

import pytest

from imports.parsing import parse_document
from imports.parsing.documents import ParseError

ADVERSARIAL = {
    "capitalised words": "A" + " B" * 40 + " x\n",
    "many capitalised words": "A" + " B" * 4000 + " x\n",
    "name then colon": "Anna" + " Berg" * 2000 + " :\n" * 3,
    "quotes": "„" + "Wort " * 3000 + "\n" + "“" * 3000 + "\n",
    "pipes": "|" + " a |" * 3000 + "\n" + ("| 1 | — |" * 500 + "\n") * 20,
    "colons": ("Ab: " * 2000 + "\n") * 5,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_crafted_text_parses_within_a_second(text):
    started = time.perf_counter()
    with contextlib.suppress(ParseError):
        parse_document(text, "crafted.txt")
    assert time.perf_counter() - started < 1.0
