"""Korean and English text for everything the app shows.

Korean uses the book's terms (토큰, 타임스텝, 은닉 상태, 셀, 시퀀스, 어휘 사전, 패딩,
원-핫 인코딩, 단어 임베딩); English uses the Keras documentation's terms.
"""

from __future__ import annotations

from rnnviz.locale import onehot as onehot_strings
from rnnviz.locale import tokens
from rnnviz.locale import cells as cells_strings, hidden as hidden_strings
from rnnviz.locale import review as review_strings
from rnnviz.locale import train as train_strings

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "en"

_CORE: dict[str, dict[str, str]] = {
    # --- app shell ------------------------------------------------------------
    "app_title": {"ko": "rnnviz · 순환 신경망 시각화", "en": "rnnviz · see recurrent networks"},
    "language": {"ko": "언어 / Language", "en": "Language / 언어"},
    "nav_home": {"ko": "시작하기", "en": "Start here"},
    "nav_tokens": {"ko": "토큰과 패딩", "en": "Tokens & padding"},
    "sidebar_book": {
        "ko": "《혼자 공부하는 머신러닝+딥러닝》 9장을 따라갑니다.",
        "en": "Follows chapter 9 of the Korean textbook *혼자 공부하는 머신러닝+딥러닝*.",
    },
    # --- home -------------------------------------------------------------------
    "home_title": {"ko": "순환 신경망, 눈으로 보며 배우기", "en": "Recurrent neural networks, hands-on"},
    "home_intro": {
        "ko": "문장은 토큰의 **시퀀스**입니다. 순환 신경망(RNN)은 시퀀스를 한 **타임스텝**씩 읽으며 "
              "**은닉 상태**에 지금까지 읽은 내용을 담아 둡니다. 이 앱에서는 그 과정을 숫자 하나하나까지 "
              "직접 보고 바꿔 볼 수 있습니다. 모든 숫자는 화면 뒤에서 실제로 계산한 값입니다.",
        "en": "A sentence is a **sequence** of tokens. A recurrent neural network (RNN) reads it one "
              "**timestep** at a time and keeps what it has read so far in its **hidden state**. Here you "
              "can watch that happen, number by number, and change it. Every number is computed live.",
    },
    "home_map": {"ko": "책의 절과 이 앱의 페이지", "en": "The book's sections and this app's pages"},
    "home_col_section": {"ko": "책의 절", "en": "Book section"},
    "home_col_page": {"ko": "페이지", "en": "Page"},
    "home_col_what": {"ko": "여기서 하는 일", "en": "What you do there"},
    "home_start": {
        "ko": "처음이라면 **토큰과 패딩**부터 시작하세요. 문장이 어떻게 숫자 행렬이 되는지 보는 것이 첫걸음입니다.",
        "en": "New here? Start with **Tokens & padding**: seeing a sentence become a matrix of numbers "
              "is the first step.",
    },
    "home_go_tokens": {"ko": "토큰과 패딩 열기 →", "en": "Open Tokens & padding →"},
    "home_planned": {"ko": "준비 중", "en": "coming soon"},
    "home_sharing": {
        "ko": "주소창의 링크를 복사해 공유하면 같은 언어, 같은 설정으로 열립니다.",
        "en": "Copy the link from the address bar to share: it opens in the same language with the same "
              "settings.",
    },
    "section_9_1": {"ko": "9-1 순차 데이터와 순환 신경망", "en": "9-1 Sequential data and recurrent neural networks"},
    "section_9_2": {"ko": "9-2 순환 신경망으로 IMDB 리뷰 분류하기", "en": "9-2 Classifying IMDB reviews with an RNN"},
    "section_9_3": {"ko": "9-3 LSTM과 GRU 셀", "en": "9-3 LSTM and GRU cells"},
    "what_tokens": {
        "ko": "문장 → 토큰 → 정수 id → 패딩된 행렬. 어휘 사전, 예약된 id 0·1·2, maxlen의 효과.",
        "en": "Sentence → tokens → integer ids → padded matrix. The vocabulary, reserved ids 0/1/2, "
              "what maxlen does.",
    },
    "what_hidden": {
        "ko": "SimpleRNN 셀이 타임스텝마다 은닉 상태를 어떻게 바꾸는지 한 단계씩 봅니다.",
        "en": "Step through a SimpleRNN cell and watch the hidden state change at each timestep.",
    },
    "what_onehot": {
        "ko": "같은 리뷰를 원-핫 인코딩과 단어 임베딩으로 비교합니다.",
        "en": "The same review as one-hot vectors and as a word embedding.",
    },
    "what_train": {
        "ko": "책의 모델을 실제 IMDB 데이터로 훈련하고 손실 곡선을 실시간으로 봅니다.",
        "en": "Train the book's models on real IMDB data and watch the loss curves live.",
    },
    "what_cells": {
        "ko": "LSTM의 게이트와 셀 상태, GRU의 게이트를 숫자로 봅니다.",
        "en": "The gates and cell state of an LSTM, and the gates of a GRU, with their numbers.",
    },
    "page_hidden": {"ko": "은닉 상태, 한 단계씩", "en": "Hidden state, step by step"},
    "page_onehot": {"ko": "원-핫 인코딩 vs. 단어 임베딩", "en": "One-hot vs. embedding"},
    "page_train": {"ko": "훈련 실험실", "en": "Training lab"},
    "page_cells": {"ko": "LSTM과 GRU 셀", "en": "LSTM and GRU cells"},
    # --- data errors --------------------------------------------------------------
    "data_unavailable": {
        "ko": "IMDB 데이터를 불러올 수 없습니다 ({reason}). 인터넷에 연결되어 있으면 Keras가 데이터를 "
              "내려받아 `~/.keras/datasets`에 저장합니다. 오프라인이라면 `imdb.npz`와 "
              "`imdb_word_index.json`이 있는 폴더를 환경 변수 `{env}`로 지정한 뒤 앱을 다시 시작하세요.",
        "en": "The IMDB data could not be loaded ({reason}). With internet access, Keras downloads it "
              "into `~/.keras/datasets`. Offline, set the environment variable `{env}` to a folder "
              "holding `imdb.npz` and `imdb_word_index.json`, then restart the app.",
    },
    "data_dir_incomplete": {
        "ko": "`{env}`가 가리키는 폴더 `{folder}`에 {missing} 파일이 없습니다. `imdb.npz`와 "
              "`imdb_word_index.json`이 있는 폴더를 지정하세요.",
        "en": "The folder `{folder}` named by `{env}` lacks {missing}. Point it at a folder holding "
              "`imdb.npz` and `imdb_word_index.json`.",
    },
    "data_file_broken": {
        "ko": "`{path}` 파일을 읽을 수 없습니다 ({reason}). 파일이 손상되었을 수 있으니 원본을 다시 복사하세요.",
        "en": "`{path}` could not be read ({reason}). The file may be damaged: copy the original again.",
    },
    # --- quiz --------------------------------------------------------------------
    "quiz_title": {"ko": "먼저 예측해 보세요", "en": "Predict first"},
    "quiz_check": {"ko": "정답 확인", "en": "Check my answer"},
    "quiz_pick_first": {"ko": "답을 하나 고른 뒤 확인하세요.", "en": "Pick an answer, then check."},
    "quiz_right": {"ko": "정답입니다!", "en": "Correct!"},
    "quiz_wrong": {"ko": "아쉽네요. 정답은 **{answer}** 입니다.", "en": "Not quite. The answer is **{answer}**."},
}

# Each page's strings live in rnnviz/locale/<page>.py, so pages can grow independently.
STRINGS: dict[str, dict[str, str]] = {**_CORE, **tokens.STRINGS, **onehot_strings.STRINGS, **hidden_strings.STRINGS,
                                      **cells_strings.STRINGS, **train_strings.STRINGS,
                                      **review_strings.STRINGS}


def t(key: str, lang: str, **params) -> str:
    """The text for `key` in `lang` ("ko" or "en"), formatted with `params`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """ "ko" for a Korean browser locale (ko, ko-KR, ...), "en" otherwise."""
    return "ko" if (locale or "").lower().startswith("ko") else "en"
