"""Strings of the "Tokens & padding" page (see rnnviz.i18n); the token words other pages show too are in shared.py."""

STRINGS: dict[str, dict[str, str]] = {
    "tokens_title": {"ko": "토큰과 패딩", "en": "Tokens & padding"},
    "tokens_lead": {
        "ko": "신경망은 글자를 읽지 못합니다. 문장을 **토큰**으로 나누고 **어휘 사전**에서 토큰마다 정수 id를 찾은 뒤, "
              "`pad_sequences`가 길이가 다른 **시퀀스**를 한 행렬로 맞춥니다. 아래에 문장을 입력해 보세요.",
        "en": "A network cannot read letters. A sentence is split into **tokens**, each token gets an integer id "
              "from the **vocabulary**, and `pad_sequences` brings **sequences** of different lengths into one "
              "matrix. Type your own sentences below.",
    },
    "tokens_placeholder": {"ko": "문장을 한 줄에 하나씩 입력하세요", "en": "Type one sentence per line"},
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
        "ko": "id가 num_words 이상인 단어는 2(OOV)가 됩니다. 책의 어휘 사전 크기는 1판이 num_words=500, 현재 노트북의 9-2가 200입니다 (9-3은 500).",
        "en": "Words whose id is num_words or more become 2 (OOV). The book's vocabulary: num_words=500 in the "
              "1st edition, 200 in the current notebooks' 9-2 (500 in 9-3).",
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
    "tokens_format_removed": {
        "ko": "보이지 않는 서식 문자 {n:,}개(글자 방향 제어, 폭 없는 공백 등)를 지운 뒤 토큰으로 나눴습니다. "
              "그대로 두면 단어에 붙어 멀쩡해 보이는 단어가 어휘 사전에 없는 단어가 됩니다.",
        "en": "Removed {n:,} invisible format character(s) (text-direction controls, zero-width spaces) before "
              "tokenizing: left in, they stick to a word, which then looks normal but is out of vocabulary.",
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
    "tokens_col_position": {"ko": "위치", "en": "position"},
    "tokens_col_rank": {"ko": "IMDB 빈도 순위", "en": "frequency rank"},
    "tokens_col_note": {"ko": "설명", "en": "note"},
    "tokens_note_start": {"ko": "시퀀스의 시작 (1)", "en": "start of sequence (1)"},
    "tokens_note_word": {"ko": "순위 {rank} + 3", "en": "rank {rank} + 3"},
    "tokens_note_oov_unknown": {"ko": "어휘 사전에 없음 → 2", "en": "not in the vocabulary → 2"},
    "tokens_note_oov_cut": {"ko": "순위 {rank} + 3 ≥ num_words → 2", "en": "rank {rank} + 3 ≥ num_words → 2"},
    "tokens_sentence": {"ko": "문장 {n}", "en": "Sentence {n}"},
    "tokens_maxlen": {"ko": "maxlen (시퀀스 길이)", "en": "maxlen (sequence length)"},
    "tokens_padding": {"ko": "padding (0을 붙일 위치)", "en": "padding (where zeros go)"},
    "tokens_truncating": {"ko": "truncating (잘라낼 위치)", "en": "truncating (where tokens are cut)"},
    "tokens_pre": {"ko": "pre (앞)", "en": "pre (front)"},
    "tokens_post": {"ko": "post (뒤)", "en": "post (back)"},
    "tokens_matrix_longest": {
        "ko": "`pad_sequences(sequences)`처럼 maxlen을 주지 않으면 가장 긴 시퀀스의 길이 {longest}에 맞춰 짧은 "
              "시퀀스의 앞을 0으로 채웁니다: 행렬 크기 ({rows}, {longest}). 아래 질문에 답하면 maxlen으로 "
              "자르는 모습이 나타납니다.",
        "en": "Without maxlen, as in `pad_sequences(sequences)`, every sequence is padded with 0 at the front "
              "to the longest one's length, {longest}: a ({rows}, {longest}) matrix. Answer the question "
              "below to cut it with maxlen.",
    },
    "tokens_matrix_caption": {
        "ko": "패딩된 행렬의 크기: ({rows}, {maxlen}). 회색 칸은 패딩(0), 검은 테두리 바깥의 흐린 칸은 잘려 나간 토큰입니다. "
              "칸 위에 마우스를 올리면 토큰이 보입니다.",
        "en": "Padded matrix shape: ({rows}, {maxlen}). Grey cells are padding (0); faded cells outside the "
              "frame are tokens cut away. Hover a cell to see its token.",
    },
    "tokens_hist_title": {"ko": "IMDB 리뷰의 길이와 maxlen", "en": "IMDB review lengths and maxlen"},
    "tokens_hist_text": {
        "ko": "책의 훈련 세트(리뷰 {count:,}개)의 길이 분포입니다. 평균은 {mean:.2f}, 중간값은 {median:.0f} — "
              "대부분 짧고 일부가 매우 깁니다. 책은 maxlen=100을 씁니다.",
        "en": "Lengths of the book's training split ({count:,} reviews). Mean {mean:.2f}, median "
              "{median:.0f}: most reviews are short, a few are very long. The book uses maxlen=100.",
    },
    "tokens_hist_book": {
        "ko": "책의 maxlen=100에서는 리뷰의 {truncated:.1%}가 잘리고 {padded:.1%}가 패딩됩니다.",
        "en": "At the book's maxlen=100, {truncated:.1%} of the reviews are truncated and {padded:.1%} "
              "padded.",
    },
    "tokens_hist_x": {"ko": "리뷰 길이 (토큰 수)", "en": "review length (tokens)"},
    "tokens_hist_y": {"ko": "리뷰 수", "en": "number of reviews"},
    "tokens_hist_mean": {"ko": "평균", "en": "mean"},
    "tokens_hist_median": {"ko": "중간값", "en": "median"},
    "tokens_metric_truncated": {"ko": "잘리는 리뷰", "en": "reviews truncated"},
    "tokens_metric_padded": {"ko": "패딩되는 리뷰", "en": "reviews padded"},
    "tokens_metric_at_maxlen": {"ko": "maxlen = {maxlen}", "en": "at maxlen = {maxlen}"},
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
    "tokens_quiz_q": {
        "ko": "maxlen = {maxlen}보다 긴 시퀀스를 `truncating='pre'`(기본값)로 자르면 어느 부분이 남을까요?",
        "en": "A sequence longer than maxlen = {maxlen} is cut with `truncating='pre'` (the default). Which "
              "part of it is kept?",
    },
    "tokens_quiz_a0": {"ko": "앞부분", "en": "The beginning"},
    "tokens_quiz_a1": {"ko": "뒷부분", "en": "The end"},
    "tokens_quiz_a2": {"ko": "가운데", "en": "The middle"},
    "tokens_quiz_why": {
        "ko": "'pre'는 **앞에서** 잘라냅니다. 그래서 마지막 {maxlen}개 토큰이 남습니다. 리뷰의 결론이 끝에 "
              "오는 경우가 많아 유리하고, 순환층이 마지막 타임스텝을 가장 잘 기억한다는 점과도 맞습니다.",
        "en": "'pre' cuts from the **front**, so the last {maxlen} tokens stay. Reviews often conclude at the "
              "end, and a recurrent layer remembers its last timesteps best.",
    },
    "tokens_quiz_example": {"ko": "위의 가장 긴 문장에서 남는 부분: {example}",
                           "en": "What stays of the longest sentence above: {example}"},
    "tokens_quiz_no_example": {
        "ko": "위의 문장들은 모두 {maxlen}개 토큰 이하라 잘린 것이 없습니다. maxlen을 줄이면 잘리는 모습을 볼 수 있습니다.",
        "en": "Every sentence above has at most {maxlen} tokens, so nothing is cut. Lower maxlen to see "
              "truncation happen.",
    },
    # --- what the chapter teaches around the matrix (issue 15) -----------------------------------------
    "tokens_corpus_question": {
        "ko": "말뭉치, 토큰, 어휘 사전은 무엇인가요?", "en": "What are a corpus, a token and a vocabulary?",
    },
    "tokens_corpus_text": {
        "ko": "**말뭉치**는 자연어 처리에서 쓰는 텍스트 데이터의 모음입니다. 이 장의 말뭉치는 IMDB 영화 리뷰 "
              "데이터셋입니다: 훈련 세트 {train:,}개와 테스트 세트 {test:,}개의 리뷰에 긍정(1) 또는 부정(0) 레이블이 "
              "붙어 있습니다. 텍스트를 나눈 단위가 **토큰**이고 (영어는 보통 소문자로 바꾸고 문장 부호를 뺀 단어 하나), "
              "텍스트를 토큰으로 나누는 일이 **토큰화**입니다. 훈련 세트에서 고유한 단어를 뽑아 정수 id를 매긴 목록이 "
              "**어휘 사전**입니다. IMDB의 어휘 사전은 자주 나오는 단어부터 순위를 매기고, `num_words`는 그중 자주 "
              "나오는 단어만 쓰게 합니다. '내 문장으로 만들기'를 고르면 위에 쓴 문장들이 말뭉치가 되어 어휘 사전을 "
              "직접 만듭니다.\n\n"
              "토큰을 어휘 사전의 id로 바꾸는 일이 **정수 인코딩**입니다 (지금 어휘 사전의 id는 {size:,}개). 정수의 "
              "크기에는 의미가 없습니다: id 20인 단어가 id 10인 단어보다 두 배 중요한 것은 아닙니다. 그래서 9-2절은 "
              "id를 원-핫 인코딩이나 단어 임베딩으로 바꿔 순환층에 넣습니다.",
        "en": "A **corpus** is the collection of text a language task uses. This chapter's corpus is the IMDB movie "
              "review dataset: {train:,} training and {test:,} test reviews, each labelled positive (1) or "
              "negative (0). The unit text is split into is a **token** (in English usually one word, lower-cased, "
              "punctuation removed), and splitting text into tokens is **tokenization**. The list of the distinct "
              "words of the training set, each with an integer id, is the **vocabulary**. IMDB's vocabulary ranks "
              "words from the most frequent down, and `num_words` keeps only the most frequent ones. Choose "
              "\"Built from my sentences\" and the sentences above become the corpus that builds the vocabulary.\n\n"
              "Turning tokens into their vocabulary ids is **integer encoding** (the vocabulary now holds {size:,} "
              "ids). The size of an id means nothing: the word with id 20 is not twice the word with id 10. That is "
              "why section 9-2 turns the ids into one-hot vectors or word embeddings before the recurrent layer.",
    },
    "tokens_pre_question": {"ko": "왜 앞쪽을 자르고 앞쪽을 채울까요?", "en": "Why cut and pad at the front?"},
    "tokens_pre_text": {
        "ko": "`pad_sequences`의 기본값은 `padding='pre'`, `truncating='pre'`입니다: 짧은 시퀀스는 앞쪽에 0을 채우고, "
              "긴 시퀀스는 앞쪽을 잘라 마지막 {maxlen}개 토큰을 남깁니다. 순환층은 시퀀스를 처음부터 끝까지 읽으며 은닉 "
              "상태를 넘기고, 다음 층(Dense)에는 **마지막 타임스텝의 은닉 상태**만 보냅니다. 마지막 은닉 상태는 마지막에 "
              "읽은 토큰을 가장 잘 기억하고 앞쪽 토큰은 흐릿하게 기억합니다 ('은닉 상태, 한 단계씩' 페이지의 기억이 "
              "흐려지는 그래프). 그래서 뒤쪽을 자르면(`'post'`) 리뷰의 마지막 소감을 잃고, 뒤쪽에 0을 채우면 순환층이 "
              "리뷰를 다 읽은 뒤 의미 없는 0을 여러 번 읽는 동안 리뷰의 내용이 흐려집니다. 앞쪽을 채우고 앞쪽을 자르면 "
              "실제 단어가 마지막 타임스텝까지 이어집니다.",
        "en": "`pad_sequences` defaults to `padding='pre'` and `truncating='pre'`: short sequences get their zeros at "
              "the front, long ones lose their front and keep their last {maxlen} tokens. A recurrent layer reads a "
              "sequence from start to end, carrying its hidden state, and hands only the **last timestep's hidden "
              "state** to the next layer (Dense). That last hidden state remembers the last tokens best and the "
              "early ones faintly (the memory-fading chart of the \"Hidden state, step by step\" page). So cutting "
              "the end (`'post'`) loses a review's closing verdict, and zeros at the end make the layer read "
              "meaningless zeros after the review while its content fades. Padding and cutting at the front keeps "
              "real words right up to the last timestep.",
    },
}
