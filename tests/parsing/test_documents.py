"""Entry points: decoding, kind detection, errors; dates, seasons and countries."""

import pickle

import pytest

from imports.parsing import MAX_BYTES, decode_document, detect_kind, parse_document
from imports.parsing.countries import country_by_code, country_by_demonym, country_by_name
from imports.parsing.dates import parse_date, parse_season, season_starting
from imports.parsing.documents import (
    BiographyDocument,
    InterviewDocument,
    ParseError,
    PartialDate,
    Season,
)
from tests.parsing.documents import SEED_BIOGRAPHY, SEED_OUTLET, SEED_WEB


def test_seeds_and_docs_are_detected(seed_text, doc_text):
    assert detect_kind(seed_text(SEED_BIOGRAPHY)) == "biography"
    assert detect_kind(seed_text(SEED_WEB)) == "web_interview"
    assert detect_kind(seed_text(SEED_OUTLET)) == "outlet_interview"
    assert detect_kind(doc_text("bio_dvoracek.txt")) == "biography"
    assert detect_kind(doc_text("bio_wisniewski.txt")) == "biography"
    assert detect_kind(doc_text("web_wisniewski.txt")) == "web_interview"
    assert detect_kind(doc_text("kicker_dvoracek.txt")) == "outlet_interview"
    assert detect_kind("A shopping list.\nMilk\nBread") is None


def test_parse_document_dispatches(seed_biography, seed_web, seed_outlet):
    assert isinstance(seed_biography, BiographyDocument)
    assert isinstance(seed_web, InterviewDocument)
    assert isinstance(seed_outlet, InterviewDocument)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"= A =\n\x00\x01\x02", "binary"),
        (b"= Title =\nCaf\xe9\n", "not UTF-8"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13 abc", "binary"),
    ],
)
def test_decode_refuses_what_is_not_a_text_document(data, message):
    with pytest.raises(ParseError, match=message):
        decode_document(data, "upload.txt")


def test_decode_names_the_line_of_a_bad_byte():
    with pytest.raises(ParseError) as error:
        decode_document(b"= Title =\n\nCaf\xe9\n", "upload.txt")
    assert error.value.line == 3
    assert "offset 14" in str(error.value)
    assert str(error.value).startswith("upload.txt, line 3: ")


def test_decode_refuses_over_ten_megabytes():
    with pytest.raises(ParseError, match="over 10 MB"):
        decode_document(b"a" * (MAX_BYTES + 1), "big.txt")


def test_decode_accepts_utf8_with_bom(seed_text):
    text = seed_text(SEED_BIOGRAPHY)
    assert decode_document(b"\xef\xbb\xbf" + text.encode(), "x.txt") == text


def test_unknown_kind_and_empty_text_are_parse_errors():
    with pytest.raises(ParseError, match="unknown kind"):
        parse_document("Just a sentence about nothing.", "x.txt")
    with pytest.raises(ParseError, match="empty"):
        parse_document("", "x.txt")


def test_parse_error_reads_well_and_pickles():
    error = ParseError("seeds/x.txt", 12, "table row has 9 cells, expected 11")
    assert str(error) == "seeds/x.txt, line 12: table row has 9 cells, expected 11"
    assert str(ParseError("seeds/x.txt", None, "empty")) == "seeds/x.txt: empty"
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert (copy.file_name, copy.line, copy.message) == ("seeds/x.txt", 12, error.message)


@pytest.mark.parametrize(
    ("text", "season"),
    [
        ("2021–22", Season(2021, 2022)),
        ("2021-22", Season(2021, 2022)),
        ("2021/22", Season(2021, 2022)),
        ("2021–2022", Season(2021, 2022)),
        ("1999–00", Season(1999, 2000)),
        ("2025", Season(2025, 2025)),
        ("2021–23", None),
        ("Total", None),
    ],
)
def test_seasons(text, season):
    assert parse_season(text) == season


def test_season_labels_use_an_en_dash():
    assert Season(2023, 2024).label == "2023–24"
    assert Season(2025, 2025).label == "2025"
    assert season_starting(PartialDate(2023, 7)) == Season(2023, 2024)
    assert season_starting(PartialDate(2024, 1)) == Season(2023, 2024)


@pytest.mark.parametrize(
    ("text", "date", "precision"),
    [
        ("3 March 2001", PartialDate(2001, 3, 3), "day"),
        ("March 3, 2001", PartialDate(2001, 3, 3), "day"),
        ("23rd August 2025", PartialDate(2025, 8, 23), "day"),
        ("14.12.2025", PartialDate(2025, 12, 14), "day"),
        ("2001-03-03", PartialDate(2001, 3, 3), "day"),
        ("In March 2025, he played", PartialDate(2025, 3), "month"),
        ("März 2025", PartialDate(2025, 3), "month"),
        ("born in 1999", PartialDate(1999), "year"),
        ("31 February 2001", PartialDate(2001, 2), "month"),
    ],
)
def test_dates_keep_their_precision(text, date, precision):
    parsed = parse_date(text)
    assert parsed == date
    assert parsed.precision == precision


def test_countries_by_name_demonym_code_and_german_name():
    assert country_by_name("Deutschland").code == "DE"
    assert country_by_name("Czechia").code == "CZ"
    assert country_by_demonym("Japanese").code == "JP"
    assert country_by_demonym("Czech").code == "CZ"
    assert country_by_demonym("japanische").code == "JP"
    assert country_by_code("pl").name == "Poland"
    assert country_by_name("Northern Ireland").code == "GB-NIR"
    assert country_by_name("Atlantis") is None


def test_utf16_text_with_a_byte_order_mark_is_read():
    text = "= Anna Beispiel =\nAnna Beispiel ist Fußballerin.\n"
    assert decode_document(text.encode("utf-16"), "utf16.txt") == text


def test_utf16_text_without_a_byte_order_mark_is_named_not_called_binary():
    data = "= Anna Beispiel =\nAnna Beispiel plays football.\n".encode("utf-16-le")
    with pytest.raises(ParseError, match="UTF-16 text without a byte-order mark"):
        decode_document(data, "utf16.txt")


def test_an_oversized_document_is_reported_in_megabytes():
    with pytest.raises(ParseError, match=r"is 11\.0 MB, over 10 MB"):
        decode_document(b"x" * (11 * 1024 * 1024), "big.txt")
