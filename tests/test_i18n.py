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


def locale_modules():
    import importlib
    import pkgutil

    import rnnviz.locale

    return {m.name: importlib.import_module(f"rnnviz.locale.{m.name}") for m in pkgutil.iter_modules(rnnviz.locale.__path__)}


def test_every_locale_module_is_found_and_no_key_is_defined_twice():
    modules = locale_modules()
    assert {"shared", "home", "tokens", "hidden", "oh", "cells", "train", "review"} <= set(modules)
    keys = [key for module in modules.values() for key in module.STRINGS]
    assert len(keys) == len(set(keys)) == len(STRINGS)


def test_a_page_module_is_named_for_its_key_prefix():
    """Every key of a page module starts with its name (tokens.py: tokens_*); shared.py has no prefix."""
    for name, module in locale_modules().items():
        if name != "shared":
            unprefixed = [key for key in module.STRINGS if not key.startswith(f"{name}_")]
            assert not unprefixed, (name, unprefixed)


# Keys the code builds with f-strings (t(f"preset_{name}", ...)): the part before the braces, and what
# the code puts in them. A key is used when the code quotes it whole, or builds it here.
GATED, INPUTS, STEPS = ("LSTM", "GRU"), ("onehot", "embedding"), ("python", "data", "keras", "model", "compile", "epoch1")
DYNAMIC_KEYS = {
    "cells_blocks_": ("SimpleRNN", *GATED), "cells_gates_": GATED, "cells_kind_": GATED, "cells_memory_": GATED,
    "cells_time_title_": GATED, "kind_": ("pad", "start", "word", "oov"), "oh_kind_": INPUTS, "oh_params_": INPUTS,
    "oh_source_": ("typed", "review"),
    "preset_": ("onehot-simplernn", "embedding-simplernn", "lstm", "lstm-dropout", "lstm-2layer", "gru"),
    "train_quiz_a": ("0", "1", "2"), "tokens_quiz_a": ("0", "1", "2"), "review_quiz_a": ("0", "1", "2"),
    "review_source_": ("typed", "test"), "step_enc_": INPUTS, "step_inputs_": INPUTS, "tokens_": ("pre", "post"),
    "tokens_vocab_": ("imdb", "fit"), "train_inputs_": INPUTS, "train_mode_": ("quick", "full"),
    "train_phase_": ("queued", "preparing", "compiling", "training"),
    "train_state_": ("queued", "running", "done", "failed", "stopped", "interrupted", "broken", "stalled"),
    "train_step_": STEPS, "train_step_short_": STEPS, "train_use_": ("200", "500"),
}


def app_source() -> str:
    """The code that shows text: rnnviz/ (not its string tables), views/, ui/ and app.py."""
    from conftest import ROOT

    files = [path for folder in ("rnnviz", "views", "ui") for path in (ROOT / folder).rglob("*.py")
             if "locale" not in path.parts and path.name != "i18n.py"]
    files.append(ROOT / "app.py")
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_every_dynamic_prefix_is_still_built_somewhere():
    source = app_source()
    for prefix in DYNAMIC_KEYS:
        assert f'f"{prefix}{{' in source or f"f'{prefix}{{" in source, prefix


def test_every_key_is_used():
    import re

    quoted = set(re.findall(r"[\"']([A-Za-z0-9_\-]+)[\"']", app_source()))
    built = {prefix + value for prefix, values in DYNAMIC_KEYS.items() for value in values}
    unused = [key for key in STRINGS if key not in quoted | built]
    assert not unused, unused
