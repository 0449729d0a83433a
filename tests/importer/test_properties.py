"""Random and mutated documents: the service raises only its own error, never half-imports."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports.importer import DocumentError, import_document
from sources.models import SourceDocument

from .documents import OUR_DOCS, PARSER_DOCS, SEEDS, database_state

DOCUMENTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] + [
    p.read_text(encoding="utf-8")
    for p in sorted([*PARSER_DOCS.glob("*.txt"), *OUR_DOCS.glob("*.txt")])
    if p.is_file()  # tests/parsing/docs/real is a folder of its own
]
PIECES = ["|", " | ", "—", "\n", "==", "= X =", "- Key: ", "(loan)", "2023–24", "9999", "-1",
          "Total", "SPORT1: ", "Backhaus: ", "„", "\x00", "\ufeff", "Ø", "  "]  # fmt: skip


@st.composite
def mutated(draw) -> str:
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "cut", "swap-lines"]))
        if action == "insert":
            piece = draw(st.sampled_from(PIECES) | st.text(max_size=12))
            text = text[:at] + piece + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif action == "cut":
            text = text[:at]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


@settings(
    max_examples=50,
    deadline=None,
    # The database fixture is set up once; each example runs in its own transaction
    # (import_document's atomic block) and checks the state it leaves itself.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.one_of(mutated(), st.text(max_size=300)))
def test_mutated_documents_fail_cleanly_or_import(db, text):
    before = database_state()
    data = text.encode("utf-8", "surrogatepass")
    try:
        report = import_document(file_name="mutant.txt", data=data)
    except DocumentError as error:
        failure = error
    else:
        failure = None
    if failure is not None:
        assert failure.file_name == "mutant.txt"
        assert database_state() == before  # nothing partial
        return
    assert SourceDocument.objects.filter(file_name="mutant.txt").exists() or (
        report.status == "unchanged"
    )
