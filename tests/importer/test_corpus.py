"""Real documents with the facts a careful editor records from each (tests/corpus/).

Each document is imported alone into an empty database and every expected fact is looked
up through the models: none may be missing, none contradicted (a wrong fact is worse than
a missing one). The articles are refused as "not an interview", naming the file.
"""

from pathlib import Path

import pytest

from imports.evaluation import CONTRADICTED, evaluate, expected_files
from imports.importer import Upload, import_documents

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAIRS = expected_files(CORPUS)
# Facts the parser does not read yet, each with its reason (none today). The test fails
# when one is read after all: then remove it here.
KNOWN_MISSING: dict[str, set[str]] = {}


def test_the_corpus_is_there():
    assert len(PAIRS) == 20


@pytest.mark.parametrize(("document", "expected"), PAIRS, ids=[doc.name for doc, _ in PAIRS])
def test_a_corpus_document_imports_with_its_expected_facts(db, document, expected):
    report = import_documents(uploads=[Upload(file_name=document.name, data=document.read_bytes())])
    (result,) = report.documents
    failure = "; ".join(error.text for error in result.errors)
    if expected.get("articles"):
        assert result.failed
        assert "an article, not an interview" in failure
        assert document.name in str(result.errors[0].text) or result.file_name == document.name
        return
    assert not result.failed, failure
    outcome = evaluate(document, expected)
    wrong = [
        f"{fact.name}: {fact.detail}" for fact in outcome.facts if fact.outcome == CONTRADICTED
    ]
    assert wrong == []
    missing = {fact.name for fact in outcome.problems}
    assert missing == KNOWN_MISSING.get(document.name, set())
