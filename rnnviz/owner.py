"""Who owns a run: a secret token the visitor's browser keeps, and the only trace of it a run stores.

The app makes the token (256 random bits), the browser keeps it in a cookie for a year, and a run
records only its SHA-256: reading the runs folder reveals no token, and nobody can guess one.

The cookie is written by a page script (Streamlit cannot send `Set-Cookie`), so it cannot be HttpOnly:
any page of the same host, on any port, can read it (browsers do not separate cookies by port). What
the app can do: over https the cookie is `__Host-` (only this exact host, never planted by a subdomain
or an http page), and a session opened by a page of another origin never takes the cookie it was sent
(`from_another_origin`). The rest is the deployment's (README, "Limits for a shared deployment").
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from urllib.parse import urlsplit

OPERATOR_ENV = "RNNVIZ_ADMIN_TOKEN"  # the operator's secret (a teacher's): entered once in the lab, it may end any run
OPERATOR_MIN_CHARS = 12  # a shorter setting is ignored: a guessable secret would hand every run to anyone
COOKIE = "rnnviz_owner"  # the browser's cookie holding the token over http (and over https before __Host-)
HOST_COOKIE = "__Host-" + COOKIE  # over https: the browser keeps it for this exact host only
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


def browser_token(cookies: dict[str, str]) -> str | None:
    """The token of the browser's cookies: the `__Host-` cookie's, else the plain one's (http, or kept
    from before); None when neither holds a token."""
    return next((cookies.get(name) for name in (HOST_COOKIE, COOKIE) if is_token(cookies.get(name))), None)


def cookie_name(origin: str | None) -> str:
    """The cookie a page of `origin` keeps the token in (what `cookie_script` writes there): the
    `__Host-` one over https, the plain one otherwise."""
    return HOST_COOKIE if (origin or "").lower().startswith("https://") else COOKIE


def from_another_origin(origin: str | None, host: str | None) -> bool:
    """Whether the page that opened this session is of another origin on the same host name (another port):
    Streamlit lets its websocket in, comparing host names only, and the browser sends it this host's cookie.

    >>> from_another_origin("http://school.example:8000", "school.example:8501")
    True
    >>> from_another_origin("https://school.example", "school.example"), from_another_origin(None, "x:1")
    (False, False)
    """
    if not origin or not host:  # no browser page (a script, a test): nothing to compare
        return False
    page = urlsplit(origin)
    return page.netloc.lower() != host.lower() and page.hostname == urlsplit(f"//{host}").hostname


def cookie_script(token: str) -> str:
    """A `<script>` that keeps `token` in the browser's cookie for a year (Streamlit cannot set cookies).

    Strict same-site, for the whole app (`path=/`). Over https it is the `__Host-` cookie (Secure, no
    Domain), and the plain one is removed; over http, the plain one. Raises ValueError for anything but a
    token, so nothing else can reach the script.
    """
    if not is_token(token):
        raise ValueError("not an owner token")
    keep = f"={token}; max-age={COOKIE_MAX_AGE}; path=/; SameSite=Strict"
    return ("<script>if (location.protocol === 'https:') {"
            f"document.cookie = '{HOST_COOKIE}{keep}; Secure'; "
            f"document.cookie = '{COOKIE}=; max-age=0; path=/; SameSite=Strict';"
            f"}} else {{document.cookie = '{COOKIE}{keep}';}}</script>")


def operator_configured() -> bool:
    """Whether this deployment has an operator (`RNNVIZ_ADMIN_TOKEN` of at least `OPERATOR_MIN_CHARS`)."""
    return len(os.environ.get(OPERATOR_ENV, "").strip()) >= OPERATOR_MIN_CHARS


def is_operator_token(entered: object) -> bool:
    """Whether `entered` is the operator's secret; compared in constant time, on hashes (equal lengths).

    Never true without a configured secret, so an empty entry never matches an empty setting.
    """
    if not operator_configured() or not isinstance(entered, str):
        return False
    secret = os.environ[OPERATOR_ENV].strip()
    digest = hashlib.sha256
    return hmac.compare_digest(digest(entered.strip().encode()).digest(), digest(secret.encode()).digest())
