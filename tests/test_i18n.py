import string

import pytest

from rnnviz.i18n import LANGUAGES, STRINGS, language_from_locale, t


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_string_has_both_languages_with_the_same_placeholders(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert placeholders(entry["ko"]) == placeholders(entry["en"]), key


def test_korean_text_uses_the_books_terms():
    korean = " ".join(entry["ko"] for entry in STRINGS.values())
    for term in ("토큰", "시퀀스", "어휘 사전", "패딩", "타임스텝", "은닉 상태"):
        assert term in korean, term


def test_locale_picks_korean_only_for_korean_browsers():
    assert [language_from_locale(x) for x in ("ko", "ko-KR", "KO-kr", "en-US", "ja-JP", None, "")] == [
        "ko", "ko", "ko", "en", "en", "en", "en"]


def test_t_formats_and_falls_back():
    assert t("tokens_sentence", "ko", n=2) == "문장 2"
    assert t("tokens_sentence", "fr", n=2) == "Sentence 2"


def test_no_page_module_redefines_another_ones_key():
    import importlib
    import pkgutil

    import rnnviz.locale
    from rnnviz import i18n

    modules = [importlib.import_module(f"rnnviz.locale.{m.name}") for m in pkgutil.iter_modules(rnnviz.locale.__path__)]
    keys = [key for module in modules for key in module.STRINGS] + list(i18n._CORE)
    assert len(keys) == len(set(keys)) == len(STRINGS)
