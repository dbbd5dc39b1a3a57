"""The projector view (issue 15): a sidebar switch or a ?present=1 link; the page keeps its title, its
main picture and its controls, and leaves out the lead, code, downloads, run management and the
"under the hood" details."""

import pytest

from conftest import open_page, texts
from rnnviz.i18n import t


def expander_labels(at) -> list[str]:
    return [e.label for e in at.expander]


@pytest.mark.parametrize("page, lead, details", [
    ("views/tokens.py", "tokens_lead", "tokens_code_title"),
    ("views/hidden.py", "hidden_lead", "step_code_title"),
    ("views/onehot.py", "oh_lead", "oh_code_title"),
    ("views/train.py", "train_lead", "under_the_hood_title"),
])
def test_a_present_link_keeps_the_picture_and_leaves_out_the_details(local_data, page, lead, details):
    shown = open_page(page, reveal=1)
    assert t(lead, "en") in texts(shown.markdown) and t(details, "en") in expander_labels(shown)
    charts = len(shown.get("plotly_chart"))
    at = open_page(page, reveal=1, present=1)
    assert not at.exception and at.title[0].value == shown.title[0].value
    assert t(lead, "en") not in texts(at.markdown)  # the teacher says it
    assert t(details, "en") not in expander_labels(at)
    assert len(at.get("plotly_chart")) == charts  # every picture stays
    switch = at.sidebar.toggle(key="present")
    assert switch.value and switch.proto.default and at.query_params["present"] in ("1", ["1"])  # see test_pages


def test_the_training_labs_run_management_is_left_out(local_data):
    assert t("train_selected_run", "en") in [s.label for s in open_page("views/train.py", reveal=1).selectbox]
    at = open_page("views/train.py", reveal=1, present=1)
    assert t("train_selected_run", "en") not in [s.label for s in at.selectbox]
    assert not [b for b in at.get("download_button")]


def test_the_sidebar_switch_turns_it_on_and_off_and_the_link_follows():
    at = open_page("views/hidden.py")
    assert "present" not in at.query_params
    at.sidebar.toggle(key="present").set_value(True).run()
    assert at.query_params["present"] in ("1", ["1"]) and t("hidden_lead", "en") not in texts(at.markdown)
    assert at.sidebar.toggle(key="present").proto.default  # the switch starts at what is showing
    at.sidebar.toggle(key="present").set_value(False).run()
    assert "present" not in at.query_params and t("hidden_lead", "en") in texts(at.markdown)
