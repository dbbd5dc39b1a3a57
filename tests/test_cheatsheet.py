"""The "At a glance" page (issue 15): the chapter's figures on one page, each computed by the app's own
code and equal to the book's: 24; 800 and 624; 8,809, 9,353, 8,633 and 4,072 + 9."""

import pytest

import conftest
from conftest import texts
from rnnviz.i18n import t

open_page = conftest.page_opener("views/cheatsheet.py", timeout=60)


def table_text(at) -> str:
    return " ".join(frame.value.to_string() for frame in [*at.table, *at.dataframe])


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_books_figures_are_on_one_page(lang):
    at = open_page(lang)
    assert not at.exception and at.title[0].value == t("page_cheatsheet", lang)
    tables = table_text(at)
    for formula in ("4×3 + 3×3 + 3 = 24", "16×32 + 8×32 + 32 = 800", "16×24 + 8×24 + 2×24 = 624"):
        assert formula in tables, formula
    for total in ("8,809", "9,353", "8,633", "4,081"):  # LSTM, 2 layers, GRU; one-hot SimpleRNN: 4,072 + 9
        assert total in tables, total
    assert "(batch, 8)" in tables and "(batch, 100, 8)" in tables  # return_sequences=False / True
    padding = texts(at.markdown)
    assert "padding='pre'" in padding and "truncating='pre'" in padding and "`0`" in padding
    assert t("cheatsheet_term_hidden", lang) in tables and t("cheatsheet_means_gate", lang) in tables


def test_the_results_sit_beside_the_reference_runs():
    at = open_page("en")
    results = at.table[-1].value  # the last table: a printed table holds every row
    assert "ours: val_accuracy" in results.columns and "book: val_accuracy" in results.columns
