"""Secrets kept encrypted with a key derived from SECRET_KEY."""

from __future__ import annotations

from typing import Any

import pytest

from coffeechat.common.sealed import SealBroken, seal, unseal
from coffeechat.outreach.mailbox import sync
from coffeechat.outreach.mailbox.accounts import save_account


def test_a_sealed_secret_opens_only_with_its_key_and_purpose(settings: Any) -> None:
    token = seal("app-password", "mailbox")
    assert "app-password" not in token
    assert seal("app-password", "mailbox") != token  # a fresh nonce each time
    assert unseal(token, "mailbox") == "app-password"
    with pytest.raises(SealBroken):
        unseal(token, "another purpose")
    settings.SECRET_KEY = "another secret key of at least thirty-two characters"
    with pytest.raises(SealBroken):
        unseal(token, "mailbox")


def test_a_changed_secret_key_asks_for_the_password_again(settings: Any, alice: Any) -> None:
    save_account(alice, "imap.example.org", 993, "tls", "alice", "app-password")
    settings.SECRET_KEY = "another secret key of at least thirty-two characters"
    with pytest.raises(sync.NotConnected, match="Enter the app password again"):
        sync.sync(alice)
