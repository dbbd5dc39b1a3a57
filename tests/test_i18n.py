import string

import pytest

from rnnviz import lesson

from rnnviz.i18n import LANGUAGES, STRINGS, language_from_locale, t
from ui.player import STEP_VIEWS


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
    "cells_blocks_": ("SimpleRNN", *GATED), "cells_gates_": GATED, "cells_gates_question_": GATED, "hidden_same_a": ("0", "1", "2"),
    "cheatsheet_term_": lesson.TERMS, "cheatsheet_means_": lesson.TERMS,
    "lesson_": tuple(f"{step.name}_{part}" for step in lesson.STEPS for part in ("goal", "question")), "cells_look_": GATED, "cells_kind_": GATED, "cells_memory_": GATED,
    "cells_time_title_": GATED, "kind_": ("pad", "start", "word", "oov"), "oh_kind_": INPUTS, "oh_params_": INPUTS,
    "oh_source_": ("typed", "review"),
    "preset_": ("onehot-simplernn", "embedding-simplernn", "lstm", "lstm-dropout", "lstm-2layer", "gru"),
    "train_quiz_a": ("0", "1", "2"), "tokens_quiz_a": ("0", "1", "2"), "review_quiz_a": ("0", "1", "2"),
    "review_source_": ("typed", "test"), "step_enc_": INPUTS, "step_inputs_": INPUTS, "tokens_": ("pre", "post"),
    "tokens_vocab_": ("imdb", "fit"), "train_inputs_": INPUTS, "train_mode_": ("quick", "full"),
    "train_phase_": ("queued", "preparing", "compiling", "training"),
    "train_state_": ("waiting", "queued", "running", "done", "failed", "stopped", "interrupted", "broken", "stalled"),
    "train_step_": STEPS, "train_step_short_": STEPS, "train_use_": ("200", "500"),
    "step_view_": STEP_VIEWS,
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


# --- words: one term per concept, no developer notes in what a learner reads (issue 14) ---------------
UNDER_THE_HOOD = "_under_the_hood"  # the keys of the "Under the hood" expanders, where engine details belong


def learner_texts(lang):
    """(key, text) of everything a learner reads in `lang` outside the "Under the hood" expanders."""
    return [(key, entry[lang]) for key, entry in STRINGS.items() if not key.endswith(UNDER_THE_HOOD)]


@pytest.mark.parametrize("other, term", [("씨앗", "시드"), ("난수 시드", "시드"), ("랜덤 시드", "시드"),
                                         ("임베딩 크기", "임베딩 벡터 크기"), ("임베딩 차원", "임베딩 벡터 크기"),
                                         ("작업자", "훈련 프로세스"), ("초판", "1판")])
def test_korean_says_one_concept_with_one_term(other, term):
    """The book's term, the same on every page; "작업자" reads as a person, the worker is a process."""
    korean = " ".join(entry["ko"] for entry in STRINGS.values())
    assert term in korean
    assert not [key for key, entry in STRINGS.items() if other in entry["ko"]], other


@pytest.mark.parametrize("note", ["테스트가 확인", "테스트에서 실행", "a test checks", "a test runs", "numpy가",
                                  "numpy computes", "float64", "JAX"])
def test_engine_details_stay_under_the_hood(note):
    """Developer notes and engine details (which library computes, which dtype, which backend is faster) are
    not in the learner's text; the training lab and one-hot pages keep them in "Under the hood"."""
    assert not [key for lang in LANGUAGES for key, text in learner_texts(lang) if note in text], note
    hood = " ".join(STRINGS[key][lang] for key in STRINGS if key.endswith(UNDER_THE_HOOD) for lang in LANGUAGES)
    assert {"train" + UNDER_THE_HOOD, "oh" + UNDER_THE_HOOD} <= set(STRINGS) and "JAX" in hood and "float64" in hood


def test_korean_particles_after_a_value_do_not_depend_on_the_value():
    """"h_{prev}은" is right for h_1 and wrong for h_2: a particle right after a placeholder depends on how the
    value is read. Put a fixed word (개, 층, 실행) or a bracket's noun before it. Percentages read "퍼센트"."""
    import re

    particle = re.compile(r"\{([^}:]*)(:[^}]*)?\}(은|는|이|가|을|를|과|와)(?![가-힣])")
    wrong = [(key, match.group(0)) for key, entry in STRINGS.items() for match in particle.finditer(entry["ko"])
             if not (match.group(2) or "").endswith("%")]
    assert not wrong, wrong


def test_the_books_vocabulary_is_told_the_same_way_everywhere():
    """The book used num_words=500 (1st edition, and 9-3), the current notebooks 200 for 9-2: every text that
    names both sizes says it in the one sentence, so no page contradicts another."""
    sentence = {"ko": "1판이 num_words=500, 현재 노트북의 9-2가 200", "en": "num_words=500 in the 1st edition, 200 in"}
    for lang in LANGUAGES:
        both = [key for key, text in learner_texts(lang) if "200" in text and "500" in text]
        assert len(both) >= 3 and all(sentence[lang] in STRINGS[key][lang] for key in both), lang
