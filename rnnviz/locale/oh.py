"""Strings of the "One-hot vs. embedding" page (see rnnviz.i18n)."""

STRINGS: dict[str, dict[str, str]] = {
    "oh_title": {"ko": "원-핫 인코딩 vs. 단어 임베딩", "en": "One-hot vs. embedding"},
    "oh_lead": {
        "ko": "9-2절은 같은 SimpleRNN에 토큰을 두 가지로 넣습니다: 어휘 사전 크기만큼 길고 1이 하나뿐인 **원-핫 벡터**와, "
              "짧고 촘촘한 실수 벡터인 **단어 임베딩**. 아래에서 같은 리뷰를 두 방식으로 나란히 보세요.",
        "en": "Section 9-2 feeds the same SimpleRNN its tokens two ways: **one-hot** vectors, as long as the "
              "vocabulary with a single 1, and a **word embedding**, short dense vectors of real numbers. See the "
              "same review both ways, side by side, below.",
    },
    "oh_vocab_from_runs": {
        "ko": "IMDB 데이터를 찾지 못해, 참고 모델이 저장해 둔 어휘 사전에서 {n}개 단어를 가져왔습니다. 직접 쓴 문장은 "
              "그대로 볼 수 있지만 테스트 세트 리뷰는 데이터가 있어야 합니다 (README의 RNNVIZ_DATA_DIR).",
        "en": "The IMDB data was not found, so the {n}-word vocabulary comes from the reference runs' stored words. "
              "Typed sentences work as usual; test-set reviews need the data (RNNVIZ_DATA_DIR in the README).",
    },
    "oh_source": {"ko": "입력", "en": "Input"},
    "oh_source_typed": {"ko": "직접 입력한 문장", "en": "A sentence I type"},
    "oh_source_review": {"ko": "IMDB 테스트 세트의 리뷰", "en": "A review from the IMDB test set"},
    "oh_sentence": {"ko": "문장", "en": "Sentence"},
    "oh_default_sentence": {
        "ko": "the acting was brilliant but the story was dull and far too long",
        "en": "the acting was brilliant but the story was dull and far too long",
    },
    "oh_review_index": {"ko": "리뷰 번호 (0 – 24,999)", "en": "Review number (0 – 24,999)"},
    "oh_review_label": {"ko": "레이블: {label}", "en": "Label: {label}"},
    "oh_positive": {"ko": "긍정", "en": "positive"},
    "oh_negative": {"ko": "부정", "en": "negative"},
    "oh_decoded": {"ko": "id를 다시 단어로 바꾼 리뷰 (num_words={n})", "en": "The review decoded from its ids (num_words={n})"},
    "oh_empty": {
        "ko": "토큰이 없습니다. 영어 단어가 들어간 문장을 입력하세요.",
        "en": "No tokens. Type a sentence with some English words.",
    },
    "oh_num_words": {"ko": "num_words (어휘 사전 크기)", "en": "num_words (vocabulary size)"},
    "oh_maxlen": {"ko": "maxlen", "en": "maxlen"},
    "oh_embedding_dim": {"ko": "임베딩 벡터 크기", "en": "Embedding size"},
    "oh_units": {"ko": "SimpleRNN 뉴런 수", "en": "SimpleRNN units"},
    "oh_inputs_title": {"ko": "같은 리뷰, 두 가지 입력", "en": "The same review, two inputs"},
    "oh_onehot_title": {"ko": "원-핫 입력 ({rows} × {cols})", "en": "One-hot input ({rows} × {cols})"},
    "oh_embedded_title": {"ko": "임베딩 입력 ({rows} × {cols})", "en": "Embedding input ({rows} × {cols})"},
    "oh_axis_step": {"ko": "타임스텝", "en": "timestep"},
    "oh_axis_word": {"ko": "원-핫 벡터의 위치 = 토큰 id (0 … {n}−1)", "en": "one-hot position = token id (0 … {n}−1)"},
    "oh_axis_dim": {"ko": "임베딩 벡터의 성분", "en": "embedding dimension"},
    "oh_shapes": {
        "ko": "한 리뷰의 원-핫 입력은 **{onehot}**, 임베딩 입력은 **{embedded}** 입니다. 같은 토큰이 원-핫에서는 "
              "{num_words}개 중 1이 하나인 벡터, 임베딩에서는 실수 {dim}개입니다.",
        "en": "One review is **{onehot}** as one-hot input and **{embedded}** as embedding input. The same token is "
              "a vector with a single 1 among {num_words} in one, {dim} real numbers in the other.",
    },
    "oh_table_trained": {
        "ko": "임베딩 값: 훈련된 실행 **{run}**의 Embedding 가중치입니다.",
        "en": "Embedding values: the trained Embedding weights of **{run}**.",
    },
    "oh_table_random": {
        "ko": "임베딩 값: 아직 훈련된 임베딩 실행이 없어 Keras 초기값처럼 무작위(±0.05)입니다. 훈련하면 바뀝니다.",
        "en": "Embedding values: no trained embedding run yet, so these are random like Keras's initial "
              "values (±0.05). Training changes them.",
    },
    "oh_cost_title": {"ko": "메모리: 리뷰 하나와 훈련 세트 전체", "en": "Memory: one review and the whole training set"},
    "oh_cost_item": {"ko": "입력", "en": "input"},
    "oh_cost_per_review": {"ko": "리뷰 하나", "en": "one review"},
    "oh_cost_all": {"ko": "훈련 세트 {n:,}개", "en": "{n:,} training reviews"},
    "oh_cost_onehot": {"ko": "원-핫 인코딩", "en": "one-hot"},
    "oh_cost_ids": {"ko": "정수 id + 임베딩 테이블", "en": "integer ids + the embedding table"},
    "oh_cost_text": {
        "ko": "원-핫 입력은 리뷰 하나에 {maxlen} × {num_words} × 4 바이트 = {one}, 훈련 세트 전체는 {all} 입니다. "
              "정수 id는 리뷰 하나에 {maxlen} × 4 바이트 = {ids}, 여기에 {num_words} × {dim} 임베딩 테이블({table})이 "
              "한 번만 더해집니다: 약 **{ratio:,.0f}배** 차이. 그래서 개선된 이 앱의 훈련은 원-핫 벡터를 배치마다 "
              "모델 안에서 만듭니다.",
        "en": "One-hot input takes {maxlen} × {num_words} × 4 bytes = {one} per review, {all} for the training set. "
              "Integer ids take {maxlen} × 4 bytes = {ids} per review, plus one {num_words} × {dim} embedding "
              "table of {table}: about **{ratio:,.0f}×** less. That is why this app's training lab builds the "
              "one-hot vectors inside the model, batch by batch.",
    },
    "oh_under_the_hood": {
        "ko": "- 위 표는 원-핫 벡터의 숫자 하나를 4바이트(float32, 층이 계산에 쓰는 형식)로, 정수 id도 4바이트(int32)로 "
              "셉니다.\n"
              "- 책의 `to_categorical`은 Keras 3에서 float64 배열을 돌려주므로 실제로는 그 두 배를 씁니다: 리뷰 하나에 "
              "{one64}, 훈련 세트 전체에 {all64}.\n"
              "- 그래서 이 앱의 훈련 프로세스는 원-핫 배열 전체를 만들지 않고, 모델 안의 `CategoryEncoding` 층이 배치마다 "
              "원-핫 벡터를 만듭니다.",
        "en": "- The table counts each number of a one-hot vector as 4 bytes (float32, what the layer computes with), "
              "and each integer id as 4 bytes (int32).\n"
              "- The book's `to_categorical` returns a float64 array in Keras 3, so it really takes twice that: "
              "{one64} per review, {all64} for the training set.\n"
              "- That is why this app's training process never builds the whole one-hot array: a `CategoryEncoding` "
              "layer inside the model makes the one-hot vectors batch by batch.",
    },
    "oh_params_title": {"ko": "두 모델의 파라미터는 층마다 몇 개인가요?",
                        "en": "How many parameters does each layer of the two models have?"},
    "oh_params_onehot": {"ko": "원-핫 입력 모델", "en": "One-hot model"},
    "oh_params_embedding": {"ko": "임베딩 모델", "en": "Embedding model"},
    "oh_col_layer": {"ko": "층", "en": "layer"},
    "oh_col_formula": {"ko": "계산", "en": "count"},
    "oh_col_params": {"ko": "파라미터", "en": "parameters"},
    "oh_params_total": {"ko": "합계 {total:,} (Keras의 `count_params()`와 같음)", "en": "Total {total:,} (equals Keras's `count_params()`)"},
    "oh_identity_title": {"ko": "원-핫 벡터에 가중치를 곱하면 무엇이 되나요? (행 하나 고르기)",
                          "en": "What does a one-hot vector times the weights give? (Picking one row)"},
    "oh_identity_text": {
        "ko": "SimpleRNN의 첫 계산은 입력 × W_x 입니다. 입력이 원-핫이면 곱셈 결과는 W_x에서 토큰 id 번째 행을 "
              "그대로 꺼낸 것과 똑같습니다. 즉 원-핫 모델의 W_x({num_words} × {units})는 그 자체로 크기 {units}인 "
              "임베딩 테이블입니다. 임베딩 모델은 이와 별도로 임베딩 벡터 크기가 {dim}인 더 촘촘한 테이블을 학습하고 그 뒤에 "
              "작은 W_x({dim} × {units})를 둡니다. 아래 숫자에 쓴 가중치: {source}.",
        "en": "SimpleRNN's first product is input × W_x. With a one-hot input, the product is exactly row "
              "number id of W_x: the one-hot model's W_x ({num_words} × {units}) is itself an embedding table "
              "of size {units}. The embedding model learns a separate, denser {dim}-wide table and puts a small "
              "W_x ({dim} × {units}) after it. The numbers below use {source}.",
    },
    "oh_identity_trained": {"ko": "훈련된 원-핫 실행 **{run}**의 W_x", "en": "the trained W_x of **{run}**"},
    "oh_identity_random": {"ko": "무작위로 초기화한 W_x (시드 42)", "en": "a randomly initialised W_x (seed 42)"},
    "oh_col_product": {"ko": "원-핫(id) · W_x", "en": "one_hot(id) · W_x"},
    "oh_col_row": {"ko": "W_x[id] (행)", "en": "W_x[id] (row)"},
    "oh_col_equal": {"ko": "같은가?", "en": "equal?"},
    "oh_results_title": {"ko": "훈련 결과 비교", "en": "Training results side by side"},
    "oh_results_none": {
        "ko": "{kind} 실행이 아직 없습니다. 훈련 실험실에서 `{preset}` 프리셋을 실행하세요.",
        "en": "No {kind} run yet. Launch the `{preset}` preset in the training lab.",
    },
    "oh_go_train": {"ko": "훈련 실험실에서 `{preset}` 열기 →", "en": "Open `{preset}` in the training lab →"},
    "oh_kind_onehot": {"ko": "원-핫 SimpleRNN", "en": "one-hot SimpleRNN"},
    "oh_kind_embedding": {"ko": "임베딩 SimpleRNN", "en": "embedding SimpleRNN"},
    "oh_col_run": {"ko": "실행", "en": "run"},
    "oh_col_epochs": {"ko": "최상 / 전체 에포크", "en": "best / all epochs"},
    "oh_col_val_acc": {"ko": "검증 정확도", "en": "val accuracy"},
    "oh_col_test_acc": {"ko": "테스트 정확도", "en": "test accuracy"},
    "oh_col_sec": {"ko": "에포크당 초", "en": "s / epoch"},
    "oh_col_memory": {"ko": "최대 메모리 (MB)", "en": "peak memory (MB)"},
    "oh_runs_pick": {"ko": "비교할 실행 (참고 실행과 내 실행)", "en": "Runs to compare (reference runs and yours)"},
    "oh_runs_placeholder": {"ko": "비교할 실행을 고르세요", "en": "Pick runs to compare"},
    "oh_seed_spread": {
        "ko": "시드(초기 가중치)에 따른 차이는 실제로 큽니다. num_words={num_words}에서 참고 실행 시드 {n}개의 최고 검증 "
              "정확도는 임베딩 SimpleRNN이 {e_low:.3f}–{e_high:.3f}, 원-핫 SimpleRNN이 {o_low:.3f}–{o_high:.3f}입니다. "
              "RMSprop(1e-4)로 훈련한 SimpleRNN은 가끔 한 시드에서 학습이 멈춥니다. 그래서 이 페이지는 기본으로 "
              "가운데(중앙값) 시드를 보여 줍니다: 임베딩은 시드 {e_seed}({e_acc:.3f}), 원-핫은 시드 {o_seed}({o_acc:.3f}). "
              "다른 시드는 아래 목록에서 더할 수 있습니다.",
        "en": "The spread across seeds (initial weights) is real. At num_words={num_words} the best validation "
              "accuracy of the {n} reference seeds spans {e_low:.3f}–{e_high:.3f} for embedding SimpleRNN and "
              "{o_low:.3f}–{o_high:.3f} for one-hot SimpleRNN: trained with RMSprop (1e-4), SimpleRNN sometimes "
              "stalls on one seed. So this page starts on the median seed: seed {e_seed} ({e_acc:.3f}) for "
              "embedding, seed {o_seed} ({o_acc:.3f}) for one-hot. Add the other seeds in the list below.",
    },
    "oh_map_title": {"ko": "학습된 단어 임베딩 지도 (PCA)", "en": "The learned word embedding (PCA map)"},
    "oh_map_text": {
        "ko": "**{run}**의 Embedding 가중치({rows} × {dim})를 PCA로 2차원에 펼쳤습니다. 점 하나가 단어 하나이고, "
              "색은 그 단어 하나만 있는 리뷰 `[1, id]`에 대한 모델의 출력입니다 (빨강 = 부정, 파랑 = 긍정). "
              "두 축이 분산의 {share:.0%}를 설명합니다. 이름은 고른 단어(굵게)와 그 이웃, 그리고 서로 겹치지 않게 고른 "
              "일부 단어에만 적었습니다. 다른 점은 마우스를 올리면 단어가 보입니다.",
        "en": "The Embedding weights of **{run}** ({rows} × {dim}) spread on two axes by PCA. Each dot is a "
              "word; its colour is the model's output for a review holding only that word, `[1, id]` "
              "(red = negative, blue = positive). The two axes explain {share:.0%} of the variance. Only the "
              "chosen word (bold), its neighbours and a sample of words that do not overlap are written; hover "
              "over any other dot for its word.",
    },
    "oh_map_none": {
        "ko": "임베딩 지도에는 훈련된 임베딩 실행이 필요합니다.",
        "en": "The embedding map needs a trained embedding run.",
    },
    "oh_map_run": {"ko": "임베딩 실행", "en": "Embedding run"},
    "oh_pc": {"ko": "주성분 {n} ({share:.0%})", "en": "principal component {n} ({share:.0%})"},
    "oh_score": {"ko": "모델 출력", "en": "model output"},
    "oh_word": {"ko": "단어를 골라 가장 가까운 이웃 보기", "en": "Pick a word to see its nearest neighbours"},
    "oh_col_neighbour": {"ko": "이웃 단어", "en": "neighbour"},
    "oh_col_cosine": {"ko": "코사인 유사도", "en": "cosine similarity"},
    "oh_code_title": {"ko": "두 모델의 Keras 코드 (책과 같음)", "en": "Keras code of both models (as in the book)"},
    "oh_quiz_q": {
        "ko": "책의 설정(num_words={num_words}, maxlen={maxlen}, 훈련 리뷰 {n:,}개)에서 원-핫 입력은 정수 id + "
              "임베딩 테이블보다 메모리를 얼마나 더 쓸까요 (float32 기준)?",
        "en": "With the book's settings (num_words={num_words}, maxlen={maxlen}, {n:,} training reviews), how "
              "much more memory does one-hot input need than integer ids plus the embedding table (float32)?",
    },
    "oh_quiz_why": {
        "ko": "원-핫 {onehot} ÷ (id {ids} + 테이블 {table}) ≈ {ratio:,.0f}배. 원-핫은 토큰마다 {num_words}개의 "
              "숫자를 쓰고, id는 1개만 씁니다.",
        "en": "One-hot {onehot} ÷ (ids {ids} + table {table}) ≈ {ratio:,.0f}×. One-hot spends {num_words} "
              "numbers per token; an id spends one.",
    },
    # --- the Embedding layer as the book writes it (issue 15) ---------------------------------------------
    "oh_embedding_question": {
        "ko": "책의 Embedding({num_words}, {dim}, input_length={maxlen})에서 세 숫자는 무엇인가요?",
        "en": "What are the three numbers in the book's Embedding({num_words}, {dim}, input_length={maxlen})?",
    },
    "oh_embedding_text": {
        "ko": "책은 임베딩 층을 `keras.layers.Embedding({num_words}, {dim}, input_length={maxlen})`로 만듭니다.\n\n"
              "- 첫 번째 {num_words}: **어휘 사전 크기**. `load_data(num_words={num_words})`와 같아야 합니다 "
              "(id 0 … {last}).\n"
              "- 두 번째 {dim}: **임베딩 벡터 크기**. 토큰 하나가 실수 {dim}개짜리 벡터가 됩니다.\n"
              "- `input_length={maxlen}`: 입력 **시퀀스의 길이**, 곧 `pad_sequences`의 maxlen입니다.\n\n"
              "임베딩 층은 행 {num_words}개, 열 {dim}개인 표를 갖고 토큰 id 번째 행을 꺼내 줍니다. 이 표의 "
              "파라미터 {params:,}개는 처음에 무작위 값이고 다른 가중치처럼 훈련됩니다. 정수 id를 그대로 받으므로 "
              "원-핫 배열을 만들 필요가 없습니다. Keras 3의 Embedding은 `input_length`를 쓰지 않습니다 "
              "(아래 '책의 코드와 Keras 3' 상자).",
        "en": "The book makes its embedding layer with `keras.layers.Embedding({num_words}, {dim}, "
              "input_length={maxlen})`:\n\n"
              "- first, {num_words}: the **vocabulary size**, the same as `load_data(num_words={num_words})` "
              "(ids 0 … {last});\n"
              "- second, {dim}: the **embedding size**: each token becomes a vector of {dim} real numbers;\n"
              "- `input_length={maxlen}`: the **length of the input sequences**, `pad_sequences`'s maxlen.\n\n"
              "The layer holds a table of {num_words} rows and {dim} columns and hands out the row of each token "
              "id. Its {params:,} parameters start random and are trained like any other weights. It takes the "
              "integer ids as they are, so no one-hot array is needed. Keras 3's Embedding no longer uses "
              "`input_length` (the \"book's code vs. Keras 3\" box below).",
    },
}
