"""Private links: signed tokens are bound to their purpose and expire."""

import time

import pytest

from hub import tokens


def test_a_token_reads_back_its_value():
    token = tokens.sign("purpose.one", "12:abc")

    assert tokens.read_pk_and_key("purpose.one", token, max_age=60) == (12, "abc")


def test_a_token_of_another_purpose_is_invalid():
    token = tokens.sign("purpose.one", "12:abc")

    with pytest.raises(tokens.InvalidToken):
        tokens.unsign("purpose.two", token, max_age=60)


@pytest.mark.parametrize("change", [lambda t: t[:-2], lambda t: "x" + t, str.upper])
def test_an_altered_token_is_invalid(change):
    token = tokens.sign("purpose.one", "12:abc")

    with pytest.raises(tokens.InvalidToken) as raised:
        tokens.unsign("purpose.one", change(token), max_age=60)
    assert not isinstance(raised.value, tokens.ExpiredToken)


def test_an_old_token_is_expired(monkeypatch):
    an_hour_ago = time.time() - 3600
    with monkeypatch.context() as patch:
        patch.setattr(time, "time", lambda: an_hour_ago)
        token = tokens.sign("purpose.one", "12:abc")

    with pytest.raises(tokens.ExpiredToken):
        tokens.unsign("purpose.one", token, max_age=60)
    assert tokens.unsign("purpose.one", token, max_age=7200) == "12:abc"


def test_a_value_without_a_number_is_invalid():
    token = tokens.sign("purpose.one", "abc:12")

    with pytest.raises(tokens.InvalidToken):
        tokens.read_pk_and_key("purpose.one", token, max_age=60)


def test_tracking_tokens_are_random_and_url_safe():
    made = {tokens.new_tracking_token() for _ in range(50)}

    assert len(made) == 50
    assert all(len(token) == 32 and token.isascii() for token in made)
    assert all(
        set(token)
        <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for token in made
    )
