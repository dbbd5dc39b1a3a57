"""Korean and English text for everything the app shows.

Korean uses the book's terms (토큰, 타임스텝, 은닉 상태, 셀, 시퀀스, 어휘 사전, 패딩,
원-핫 인코딩, 단어 임베딩); English uses the Keras documentation's terms.
"""

from __future__ import annotations

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "en"

STRINGS: dict[str, dict[str, str]] = {
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
    # --- tokens page -------------------------------------------------------------
    "tokens_title": {"ko": "토큰과 패딩", "en": "Tokens & padding"},
    "tokens_intro": {
        "ko": "신경망은 글자를 직접 읽지 못합니다. 문장을 단어 **토큰**으로 나누고, **어휘 사전**에서 각 토큰의 "
              "정수 id를 찾습니다. 문장마다 길이가 다르므로 `pad_sequences`가 모든 **시퀀스**를 같은 길이 "
              "`maxlen`으로 맞춥니다: 짧으면 0으로 **패딩**하고, 길면 잘라냅니다.",
        "en": "A network cannot read letters. A sentence is split into word **tokens**, and each token is "
              "looked up in a **vocabulary** to get an integer id. Sentences differ in length, so "
              "`pad_sequences` brings every **sequence** to one length `maxlen`: short ones are **padded** "
              "with 0, long ones are cut (truncated).",
    },
    "tokens_input": {"ko": "문장 (한 줄에 하나씩)", "en": "Sentences (one per line)"},
    "tokens_default_text": {
        "ko": "i like brachiosaurus\nThis movie was not good. The story was boring, but the actors were great!\n"
              "이 영화 정말 재미있어요",
        "en": "i like brachiosaurus\nThis movie was not good. The story was boring, but the actors were great!\n"
              "이 영화 정말 재미있어요",
    },
    "tokens_vocab": {"ko": "어휘 사전", "en": "Vocabulary"},
    "tokens_vocab_imdb": {"ko": "IMDB 상위 단어", "en": "IMDB's most frequent words"},
    "tokens_vocab_fit": {"ko": "내 문장으로 만들기", "en": "Built from my sentences"},
    "tokens_num_words": {"ko": "num_words (어휘 사전 크기)", "en": "num_words (vocabulary size)"},
    "tokens_num_words_help": {
        "ko": "id가 num_words 이상인 단어는 2(OOV)가 됩니다. 책은 500을 씁니다.",
        "en": "Words whose id is num_words or more become 2 (OOV). The book uses 500.",
    },
    "tokens_reserved": {
        "ko": "**예약된 id** — `0` 패딩, `1` 시퀀스의 시작, `2` 어휘 사전에 없는 토큰(OOV). 실제 단어는 "
              "빈도 순위 + 3 부터 시작합니다 (가장 흔한 단어 \"the\"의 순위가 1이므로 id는 4).",
        "en": "**Reserved ids** — `0` padding, `1` start of the sequence, `2` a token outside the "
              "vocabulary (OOV). Real words start at frequency rank + 3 (the most frequent word, \"the\", "
              "has rank 1, so id 4).",
    },
    "tokens_vocab_size": {
        "ko": "어휘 사전: {source}, 사용하는 id 0 … {max_id} ({size}개)",
        "en": "Vocabulary: {source}, ids in use 0 … {max_id} ({size} ids)",
    },
    "tokens_empty": {
        "ko": "문장을 한 줄 이상 입력하세요. 예: i like brachiosaurus",
        "en": "Type at least one sentence, for example: i like brachiosaurus",
    },
    "tokens_too_many_lines": {
        "ko": "문장이 {n}줄입니다. 처음 {limit}줄만 사용합니다.",
        "en": "{n} lines given; only the first {limit} are used.",
    },
    "tokens_line_cut": {
        "ko": "{line}번째 줄이 너무 깁니다 ({n:,}자). 처음 {limit:,}자만 사용합니다.",
        "en": "Line {line} is very long ({n:,} characters); only the first {limit:,} are used.",
    },
    "tokens_no_tokens": {
        "ko": "{line}번째 줄에는 토큰이 없습니다: 문장 부호는 공백으로 바뀌어 사라집니다. 시작 id 1만 남습니다.",
        "en": "Line {line} has no tokens: punctuation becomes spaces and disappears. Only the start id 1 "
              "is left.",
    },
    "tokens_all_oov": {
        "ko": "{line}번째 줄의 토큰은 모두 OOV(2)입니다. IMDB 어휘 사전은 영어 영화 리뷰에서 만들어졌기 때문에 "
              "한국어 단어나 이모지는 들어 있지 않습니다.",
        "en": "Every token of line {line} is OOV (2). IMDB's vocabulary was built from English movie "
              "reviews, so it holds no Korean words or emoji.",
    },
    "tokens_some_oov": {
        "ko": "{line}번째 줄: 토큰 {n}개가 OOV(2)입니다 — IMDB에 없는 단어이거나 순위가 num_words 밖입니다.",
        "en": "Line {line}: {n} token(s) are OOV (2) — not in IMDB at all, or ranked beyond num_words.",
    },
    "tokens_table_title": {"ko": "토큰과 id", "en": "Tokens and ids"},
    "col_position": {"ko": "위치", "en": "position"},
    "col_token": {"ko": "토큰", "en": "token"},
    "col_id": {"ko": "id", "en": "id"},
    "col_rank": {"ko": "IMDB 빈도 순위", "en": "frequency rank"},
    "col_note": {"ko": "설명", "en": "note"},
    "note_start": {"ko": "시퀀스의 시작 (1)", "en": "start of sequence (1)"},
    "note_word": {"ko": "순위 {rank} + 3", "en": "rank {rank} + 3"},
    "note_oov_unknown": {"ko": "어휘 사전에 없음 → 2", "en": "not in the vocabulary → 2"},
    "note_oov_cut": {"ko": "순위 {rank} + 3 ≥ num_words → 2", "en": "rank {rank} + 3 ≥ num_words → 2"},
    "tokens_sentence": {"ko": "문장 {n}", "en": "Sentence {n}"},
    "tokens_padding_title": {"ko": "패딩과 자르기", "en": "Padding and truncating"},
    "tokens_maxlen": {"ko": "maxlen (시퀀스 길이)", "en": "maxlen (sequence length)"},
    "tokens_padding": {"ko": "padding (0을 붙일 위치)", "en": "padding (where zeros go)"},
    "tokens_truncating": {"ko": "truncating (잘라낼 위치)", "en": "truncating (where tokens are cut)"},
    "tokens_pre": {"ko": "pre (앞)", "en": "pre (front)"},
    "tokens_post": {"ko": "post (뒤)", "en": "post (back)"},
    "tokens_matrix_caption": {
        "ko": "패딩된 행렬의 크기: ({rows}, {maxlen}). 회색 칸은 패딩(0), 빗금 바깥의 흐린 칸은 잘려 나간 토큰입니다. "
              "칸 위에 마우스를 올리면 토큰이 보입니다.",
        "en": "Padded matrix shape: ({rows}, {maxlen}). Grey cells are padding (0); faded cells outside the "
              "frame are tokens cut away. Hover a cell to see its token.",
    },
    "grid_title": {"ko": "pad_sequences의 결과", "en": "What pad_sequences returns"},
    "grid_row": {"ko": "문장", "en": "sentence"},
    "grid_column": {"ko": "타임스텝 (열)", "en": "timestep (column)"},
    "kind_pad": {"ko": "패딩 0", "en": "padding 0"},
    "kind_start": {"ko": "시작 1", "en": "start 1"},
    "kind_word": {"ko": "단어", "en": "word"},
    "kind_oov": {"ko": "OOV 2", "en": "OOV 2"},
    "kind_cut": {"ko": "잘려 나감", "en": "cut away"},
    "tokens_hist_title": {"ko": "IMDB 리뷰의 길이와 maxlen", "en": "IMDB review lengths and maxlen"},
    "tokens_hist_text": {
        "ko": "책의 훈련 세트(리뷰 {count:,}개)의 길이 분포입니다. 평균은 {mean:.2f}, 중간값은 {median:.0f} — "
              "대부분 짧고 일부가 매우 깁니다. 책은 maxlen=100을 씁니다.",
        "en": "Lengths of the book's training split ({count:,} reviews). Mean {mean:.2f}, median "
              "{median:.0f}: most reviews are short, a few are very long. The book uses maxlen=100.",
    },
    "hist_x": {"ko": "리뷰 길이 (토큰 수)", "en": "review length (tokens)"},
    "hist_y": {"ko": "리뷰 수", "en": "number of reviews"},
    "hist_mean": {"ko": "평균", "en": "mean"},
    "hist_median": {"ko": "중간값", "en": "median"},
    "metric_truncated": {"ko": "잘리는 리뷰", "en": "reviews truncated"},
    "metric_padded": {"ko": "패딩되는 리뷰", "en": "reviews padded"},
    "metric_at_maxlen": {"ko": "maxlen = {maxlen}", "en": "at maxlen = {maxlen}"},
    "tokens_loading": {"ko": "IMDB 데이터를 불러오는 중…", "en": "Loading the IMDB data…"},
    "tokens_fallback_vocab": {
        "ko": "IMDB 어휘 사전을 쓸 수 없어 내 문장으로 만든 어휘 사전을 사용합니다.",
        "en": "IMDB's vocabulary is unavailable, so the vocabulary is built from your sentences.",
    },
    "tokens_code_title": {"ko": "같은 일을 하는 Keras 코드", "en": "The same in Keras code"},
    "tokens_code_caption": {
        "ko": "현재 설정 그대로입니다. 실행하면 위의 행렬과 같은 숫자가 출력됩니다.",
        "en": "With the current settings. Running it prints the same matrix as above.",
    },
    "quiz_trunc_q": {
        "ko": "`truncating='pre'`(기본값)로 긴 리뷰를 maxlen에 맞추면 리뷰의 어느 부분이 남을까요?",
        "en": "With `truncating='pre'` (the default), which part of a long review is kept?",
    },
    "quiz_trunc_a0": {"ko": "앞부분", "en": "The beginning"},
    "quiz_trunc_a1": {"ko": "뒷부분", "en": "The end"},
    "quiz_trunc_a2": {"ko": "가운데", "en": "The middle"},
    "quiz_trunc_why": {
        "ko": "'pre'는 **앞에서** 잘라냅니다. 그래서 마지막 {maxlen}개 토큰이 남습니다. 리뷰의 결론이 끝에 "
              "오는 경우가 많아 유리하고, 순환층이 마지막 타임스텝을 가장 잘 기억한다는 점과도 맞습니다. "
              "위의 예: {example}",
        "en": "'pre' cuts from the **front**, so the last {maxlen} tokens stay. Reviews often conclude at the "
              "end, and a recurrent layer remembers its last timesteps best. Example from above: {example}",
    },
}


def t(key: str, lang: str, **params) -> str:
    """The text for `key` in `lang` ("ko" or "en"), formatted with `params`."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """ "ko" for a Korean browser locale (ko, ko-KR, ...), "en" otherwise."""
    return "ko" if (locale or "").lower().startswith("ko") else "en"
