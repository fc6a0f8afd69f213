"""Secrets the app must hand back to another server (a mailbox password), kept encrypted at rest.

Fernet (AES with an HMAC) keyed by HKDF from the instance's SECRET_KEY: a copy of the database
alone doesn't give the password away. Changing SECRET_KEY makes old tokens unreadable; the
person is then asked to type the password again, nothing else breaks.
"""

from __future__ import annotations

import base64
from functools import cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings


class SealBroken(Exception):
    """The token was sealed under another secret key (or altered)."""


@cache
def _fernet(secret_key: str, purpose: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def seal(text: str, purpose: str) -> str:
    """An encrypted token for `text`; `purpose` keeps keys for different uses apart."""
    return _fernet(settings.SECRET_KEY, purpose).encrypt(text.encode()).decode("ascii")


def unseal(token: str, purpose: str) -> str:
    try:
        return _fernet(settings.SECRET_KEY, purpose).decrypt(token.encode("ascii")).decode()
    except (InvalidToken, ValueError) as exc:
        raise SealBroken("sealed under another secret key") from exc
