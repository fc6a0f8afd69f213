"""Comparison keys for spotting the same person or organization twice (used for de-duplication)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"}
)
_NON_ALNUM = re.compile(r"[\W_]+")
# Legal forms that say nothing about which organization it is; "Acme Inc." is still Acme.
_LEGAL_SUFFIXES = frozenset(
    {
        *("inc", "incorporated", "llc", "llp", "lp", "ltd", "limited", "plc", "corp"),
        *("corporation", "co", "company", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl"),
        *("spa", "bv", "nv", "ab", "oy", "as", "aps", "pty", "pvt", "kk"),
    }
)
# A regex rather than urlsplit: LinkedIn exports hold tens of thousands of these.
_LINKEDIN_URL = re.compile(
    r"(?:https?://)?(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com(?::\d+)?(?P<path>/[^?#]*)?(?:[?#].*)?",
    re.IGNORECASE | re.DOTALL,
)


def fold(text: str) -> str:
    """Case-fold and strip accents: "Zoë Ñúñez" and "zoe nunez" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.translate(_UNDECOMPOSABLE)


def normalize_name(first: str, last: str) -> str:
    """A key for a person's name: folded, accents stripped, single spaces."""
    return " ".join(fold(f"{first} {last}").split())


def normalize_org(name: str) -> str:
    """A key for an organization: folded, with punctuation and spacing removed."""
    return _NON_ALNUM.sub("", fold(name))


def org_base(name: str) -> str:
    """Like normalize_org, without legal suffixes: "Acme, Inc." and "ACME" give the same base.

    Two organizations sharing a base are only a *suggested* merge: "Delta Co." and "Delta" may
    be different places, so the person decides.
    """
    words = _NON_ALNUM.split(fold(name).replace(".", ""))
    words = [word for word in words if word]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return "".join(words)


def is_linkedin_url(url: str) -> bool:
    return _LINKEDIN_URL.fullmatch(url.strip()) is not None


def normalize_linkedin_url(url: str) -> str:
    """`https://www.linkedin.com/in/slug`: https, lower-case path, no query or trailing slash.

    Anything that isn't a linkedin.com address comes back trimmed but otherwise unchanged.
    """
    url = url.strip()
    match = _LINKEDIN_URL.fullmatch(url)
    if match is None:
        return url
    path = (match.group("path") or "").rstrip("/").lower()
    if "%" in path or not path.isascii():  # one spelling for "zoë" and "zo%C3%AB"
        path = quote(unquote(path), safe="/-_.~")
    return "https://www.linkedin.com" + path
