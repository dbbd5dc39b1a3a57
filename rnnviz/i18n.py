"""Korean and English text for everything the app shows: `t(key, lang)` over the tables of rnnviz/locale.

Korean uses the book's terms (토큰, 타임스텝, 은닉 상태, 셀, 시퀀스, 어휘 사전, 패딩,
원-핫 인코딩, 단어 임베딩); English uses the Keras documentation's terms.
"""

from __future__ import annotations

import importlib
import pkgutil

import rnnviz.locale

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "en"


def _load_strings() -> dict[str, dict[str, str]]:
    """Every module of rnnviz/locale merged: `{key: {"ko": ..., "en": ...}}`.

    A new page's strings go in a new module there (a `STRINGS` dict); nothing to register.

    Raises:
        ValueError: two modules define the same key (one would silently hide the other).
    """
    strings: dict[str, dict[str, str]] = {}
    for module in pkgutil.iter_modules(rnnviz.locale.__path__):
        table = importlib.import_module(f"rnnviz.locale.{module.name}").STRINGS
        if twice := sorted(set(strings) & set(table)):
            raise ValueError(f"rnnviz/locale/{module.name}.py redefines {', '.join(twice)}")
        strings.update(table)
    return strings


STRINGS: dict[str, dict[str, str]] = _load_strings()


def t(key: str, lang: str, **params) -> str:
    """The text for `key` in `lang` ("ko" or "en"), formatted with `params`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """ "ko" for a Korean browser locale (ko, ko-KR, ...), "en" otherwise."""
    return "ko" if (locale or "").lower().startswith("ko") else "en"
