"""Whatever the input, the parsers fail only with ParseError."""

import contextlib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports.parsing import decode_document, parse_document
from imports.parsing.documents import ParseError

HERE = Path(__file__).resolve().parent
SAMPLES = [p.read_text(encoding="utf-8") for p in sorted((HERE.parents[1] / "seeds").glob("*.txt"))]
SAMPLES += [p.read_text(encoding="utf-8") for p in sorted((HERE / "docs").glob("*.txt"))]

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ALPHABET = st.characters(codec="utf-8") | st.sampled_from(list('|—–-=:\n "„“?.0123456789'))


def only_parse_errors(text: str) -> None:
    with contextlib.suppress(ParseError):
        parse_document(text, "fuzz.txt")


@FUZZ
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_text(text):
    only_parse_errors(text)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(data):
    with contextlib.suppress(ParseError):
        only_parse_errors(decode_document(data, "fuzz.txt"))


@st.composite
def mutated(draw):
    lines = draw(st.sampled_from(SAMPLES)).splitlines()
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "replace", "cut", "swap", "insert"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "replace":
            lines[index] = draw(st.text(alphabet=ALPHABET, max_size=60))
        elif action == "cut":
            line = lines[index]
            lines[index] = line[: draw(st.integers(0, len(line)))]
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            lines.insert(index, draw(st.text(alphabet=ALPHABET, max_size=60)))
    return "\n".join(lines)


@FUZZ
@given(mutated())
def test_mutated_documents(text):
    only_parse_errors(text)
