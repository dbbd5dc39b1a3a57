"""Who owns a run: a secret token the visitor's browser keeps, and the only trace of it a run stores.

The app makes the token (256 random bits), the browser keeps it in a cookie for a year, and a run
records only its SHA-256: reading the runs folder reveals no token, and nobody can guess one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

COOKIE = "rnnviz_owner"  # the browser's cookie holding the token
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # seconds: a year, so a restarted browser still owns its runs
_TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) makes: 32 bytes, base64url


def new_token() -> str:
    """A fresh secret for a browser that has none (256 random bits, 43 URL-safe characters)."""
    return secrets.token_urlsafe(32)


def is_token(value: object) -> bool:
    """Whether `value` looks like a token this app made; anything else (a hand-edited cookie) is ignored.

    >>> is_token(new_token()), is_token("2|00000000|x|1795976772"), is_token(None)
    (True, False, False)
    """
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def owner_hash(token: str) -> str:
    """What a run stores as its owner: the token's SHA-256 in hex (64 characters)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def same_owner(stored: object, visitor: str) -> bool:
    """Whether a run's stored owner is this visitor's hash, compared in constant time.

    Anything but a string (a damaged status file) belongs to nobody. Runs made before tokens
    stored a 16-hex-digit owner, which no token's hash equals.
    """
    if not isinstance(stored, str) or not isinstance(visitor, str):
        return False
    return hmac.compare_digest(stored.encode(), visitor.encode())


def cookie_script(token: str) -> str:
    """A `<script>` that keeps `token` in the browser's cookie for a year (Streamlit cannot set cookies).

    Strict same-site, for the whole app (`path=/`), and Secure when the page is served over https.
    Raises ValueError for anything but a token, so nothing else can reach the script.
    """
    if not is_token(token):
        raise ValueError("not an owner token")
    cookie = f"{COOKIE}={token}; max-age={COOKIE_MAX_AGE}; path=/; SameSite=Strict"
    return (f"<script>document.cookie = '{cookie}' + "
            "(location.protocol === 'https:' ? '; Secure' : '');</script>")
