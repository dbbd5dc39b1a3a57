"""Strings of the "At a glance" page (views/cheatsheet.py): the chapter's terms and figures on one page."""

STRINGS: dict[str, dict[str, str]] = {
    "cheatsheet_lead": {
        "ko": "9장의 용어, 파라미터 개수, 출력 크기, 패딩 규칙, 결과를 한 페이지에 모았습니다. 숫자는 모두 이 앱의 코드가 계산한 값입니다. 인쇄해서 책 옆에 두세요.",
        "en": "The chapter's terms, parameter counts, output shapes, padding rules and results on one page. "
              "Every number is computed by the app's own code. Print it and keep it beside the book.",
    },
    "cheatsheet_terms_title": {"ko": "용어", "en": "Terms"},
    "cheatsheet_col_term": {"ko": "용어", "en": "term"},
    "cheatsheet_col_means": {"ko": "뜻", "en": "what it means"},
    "cheatsheet_term_sequential": {"ko": "순차 데이터", "en": "sequential data"},
    "cheatsheet_means_sequential": {
        "ko": "텍스트나 시계열처럼 순서가 의미 있는 데이터",
        "en": "data whose order matters, like text or a time series",
    },
    "cheatsheet_term_sequence": {"ko": "시퀀스", "en": "sequence"},
    "cheatsheet_means_sequence": {"ko": "샘플 하나: 순서대로 놓인 토큰들", "en": "one sample: tokens in order"},
    "cheatsheet_term_timestep": {"ko": "타임스텝", "en": "timestep"},
    "cheatsheet_means_timestep": {
        "ko": "순환층이 시퀀스에서 한 번에 읽는 한 자리 (토큰 하나)",
        "en": "one position the recurrent layer reads at a time (one token)",
    },
    "cheatsheet_term_cell": {"ko": "셀 (순환층)", "en": "cell (recurrent layer)"},
    "cheatsheet_means_cell": {
        "ko": "타임스텝마다 같은 가중치로 입력과 이전 은닉 상태를 계산하는 층",
        "en": "the layer that combines the input and the previous hidden state, with the same weights at "
              "every timestep",
    },
    "cheatsheet_term_hidden": {"ko": "은닉 상태", "en": "hidden state"},
    "cheatsheet_means_hidden": {
        "ko": "셀의 출력 h_t: 다음 타임스텝의 입력으로 다시 들어갑니다",
        "en": "the cell's output h_t, fed back in at the next timestep",
    },
    "cheatsheet_term_corpus": {"ko": "말뭉치", "en": "corpus"},
    "cheatsheet_means_corpus": {
        "ko": "문제에 쓰는 텍스트 데이터 전체 (IMDB 리뷰 5만 개)",
        "en": "the whole text data of a task (50,000 IMDB reviews)",
    },
    "cheatsheet_term_token": {"ko": "토큰", "en": "token"},
    "cheatsheet_means_token": {"ko": "텍스트를 나눈 단위, 여기서는 단어 하나", "en": "the unit text is split into, here one word"},
    "cheatsheet_term_vocabulary": {"ko": "어휘 사전", "en": "vocabulary"},
    "cheatsheet_means_vocabulary": {
        "ko": "토큰마다 정수 id를 매긴 표 (num_words개까지)",
        "en": "the table giving each token an integer id (up to num_words)",
    },
    "cheatsheet_term_onehot": {"ko": "원-핫 인코딩", "en": "one-hot encoding"},
    "cheatsheet_means_onehot": {
        "ko": "어휘 사전 크기의 벡터에서 id 자리만 1",
        "en": "a vocabulary-sized vector with a single 1 at the id",
    },
    "cheatsheet_term_embedding": {"ko": "단어 임베딩", "en": "word embedding"},
    "cheatsheet_means_embedding": {
        "ko": "id를 훈련되는 짧은 실수 벡터(임베딩 벡터 크기)로 바꾸는 층",
        "en": "a layer turning an id into a short, trained vector of real numbers",
    },
    "cheatsheet_term_padding": {"ko": "패딩", "en": "padding"},
    "cheatsheet_means_padding": {
        "ko": "짧은 시퀀스를 0으로 채워 길이를 maxlen에 맞추는 일",
        "en": "filling short sequences with 0 up to maxlen",
    },
    "cheatsheet_term_cell_state": {"ko": "셀 상태", "en": "cell state"},
    "cheatsheet_means_cell_state": {
        "ko": "LSTM이 은닉 상태 옆에 따로 나르는 기억 c_t",
        "en": "the memory c_t an LSTM carries beside its hidden state",
    },
    "cheatsheet_term_gate": {"ko": "게이트", "en": "gate"},
    "cheatsheet_means_gate": {
        "ko": "0~1 값으로 얼마나 남기고 더하고 내보낼지 정하는 작은 셀",
        "en": "a small cell whose 0-to-1 values decide how much to keep, add or let out",
    },
    "cheatsheet_params_title": {"ko": "파라미터 개수", "en": "Parameter counts"},
    "cheatsheet_col_layer": {"ko": "층", "en": "layer"},
    "cheatsheet_features": {"ko": "특성 {d}개", "en": "{d} features"},
    "cheatsheet_col_formula": {"ko": "계산", "en": "count"},
    "cheatsheet_col_model": {"ko": "모델", "en": "model"},
    "cheatsheet_col_params": {
        "ko": "파라미터 (Embedding·원-핫 + 순환층 + Dense)",
        "en": "parameters (embedding/one-hot + recurrent + Dense)",
    },
    "cheatsheet_shapes_title": {"ko": "출력 크기 (maxlen 100, 뉴런 8개)", "en": "Output shapes (maxlen 100, 8 units)"},
    "cheatsheet_col_shape": {"ko": "출력 크기", "en": "output shape"},
    "cheatsheet_padding_title": {"ko": "패딩과 예약된 id", "en": "Padding and reserved ids"},
    "cheatsheet_padding_text": {
        "ko": "`pad_sequences` 기본값: `padding='{padding}'`, `truncating='{truncating}'` (앞을 채우고 앞을 자릅니다), "
              "maxlen이 없으면 가장 긴 시퀀스에 맞춥니다. 예약된 id: `{pad}` 패딩, `{start}` 시작, `{oov}` 어휘 사전 밖(OOV); 실제 단어는 "
              "id `{first}`부터.",
        "en": "`pad_sequences` defaults: `padding='{padding}'`, `truncating='{truncating}'` (fill and cut "
              "at the front); without maxlen, the longest sequence sets the length. Reserved ids: `{pad}` "
              "padding, `{start}` start, `{oov}` out of vocabulary (OOV); real words start at id `{first}`.",
    },
    "cheatsheet_results_title": {"ko": "책의 결과와 참고 실행", "en": "The book's results beside the reference runs"},
}
