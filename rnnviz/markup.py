"""Show text a visitor (or a file) supplied as text inside Streamlit Markdown.

Streamlit escapes HTML in Markdown but still reads Markdown itself, plus LaTeX
(`$...$`) and its own directives (`:red-background[...]`). A typed sentence, a
link's value or a run folder's name could then become a live link, an image the
browser fetches, a page-covering formula or styled text. `escape` puts a
backslash before every ASCII punctuation character: CommonMark allows that for
all of them and shows the character itself, so the text reads exactly as typed.
Streamlit's Markdown also turns bare addresses (`http://...`, `www.x.y`, `a@b.c`) into
links after the escapes are read; an invisible word joiner (U+2060) inside each keeps
them text.
"""

from __future__ import annotations

import re
import string

# Every ASCII punctuation character ([ ] ( ) ! < > * _ ~ ` $ : \ # | ...): CommonMark,
# remark-math and remark-directive all treat a backslash before one as "this character".
_PUNCTUATION = re.compile(f"([{re.escape(string.punctuation)}])")
# Where GFM's autolink finder sees a link: "http://", "www." and "@" (an e-mail address).
_AUTOLINK_START = re.compile(r"(?<=[a-z0-9])(?=://)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"  # invisible and never a line break: the address reads as typed, but is no link


def escape(text: object) -> str:
    """`text` (any value, as `str()`), safe to put into Markdown: it renders as itself.

    >>> print(escape("![x](http://x/p.png) $x$ :red[a] 3 < 4").replace(WORD_JOINER, "+"))
    \\!\\[x\\]\\(http+\\:\\/\\/x\\/p\\.png\\) \\$x\\$ \\:red\\[a\\] 3 \\< 4
    """
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK_START.sub(WORD_JOINER, str(text)))


def fill(template: str, params: dict) -> str:
    """`template.format(**params)` with every string value shown as text where it lands.

    Outside a code span a value is escaped (`escape`); inside one (`` `{folder}` ``) Markdown
    is not read, and backslashes would show, so only a backtick, which would end the span,
    becomes an apostrophe. Numbers keep their format specs (`{n:,}`).

    >>> print(fill("Run {run} in `{folder}`: {n:,}", {"run": "[x](y)", "folder": "a_b`c", "n": 1000}))
    Run \\[x\\]\\(y\\) in `a_b'c`: 1,000
    """
    formatter = string.Formatter()
    in_code, safe = False, {}
    for literal, name, _, _ in formatter.parse(template):
        in_code ^= literal.count("`") % 2 == 1  # an odd number of backticks opens or closes a span
        if name and isinstance(params.get(name), str):
            safe[name] = params[name].replace("`", "'") if in_code else escape(params[name])
    return template.format(**{**params, **safe})
