"""Strings that belong to no one page: the app shell, the page table, the shared widgets (see rnnviz.i18n).

The shared widgets are `ui`'s: quizzes, input hints, the timestep pages' controls and player
(step_*), memory fading (fade_*); the token words several pages' tables and grids show; and the names of
the book's models (preset_*) that every page listing runs shows.
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- app shell ---------------------------------------------------------------------------------
    "app_title": {"ko": "rnnviz · 순환 신경망 시각화", "en": "rnnviz · see recurrent networks"},
    "language": {"ko": "언어 / Language", "en": "Language / 언어"},
    "sidebar_book": {
        "ko": "《혼자 공부하는 머신러닝+딥러닝》 9장을 따라갑니다.",
        "en": "Follows chapter 9 of the Korean textbook *혼자 공부하는 머신러닝+딥러닝*.",
    },
    # --- the page table (ui.PAGES): titles, book sections, what each page does ---------------------
    "nav_home": {"ko": "시작하기", "en": "Start here"},
    "nav_tokens": {"ko": "토큰과 패딩", "en": "Tokens & padding"},
    "section_9_1": {"ko": "9-1 순차 데이터와 순환 신경망", "en": "9-1 Sequential data and recurrent neural networks"},
    "section_9_2": {"ko": "9-2 순환 신경망으로 IMDB 리뷰 분류하기", "en": "9-2 Classifying IMDB reviews with an RNN"},
    "section_9_3": {"ko": "9-3 LSTM과 GRU 셀", "en": "9-3 LSTM and GRU cells"},
    "page_hidden": {"ko": "은닉 상태, 한 단계씩", "en": "Hidden state, step by step"},
    "page_onehot": {"ko": "원-핫 인코딩 vs. 단어 임베딩", "en": "One-hot vs. embedding"},
    "page_train": {"ko": "훈련 실험실", "en": "Training lab"},
    "page_cells": {"ko": "LSTM과 GRU 셀", "en": "LSTM and GRU cells"},
    "page_review": {"ko": "리뷰 직접 넣어 보기", "en": "Try a review"},
    "page_cheatsheet": {"ko": "한눈에 보기", "en": "At a glance"},
    # --- the book's models by name (rnnviz.charts_train.run_label: the training lab, one-hot and review pages)
    "preset_onehot-simplernn": {"ko": "9-2 원-핫 인코딩 + SimpleRNN", "en": "9-2 one-hot + SimpleRNN"},
    "preset_embedding-simplernn": {"ko": "9-2 단어 임베딩 + SimpleRNN", "en": "9-2 embedding + SimpleRNN"},
    "preset_lstm": {"ko": "9-3 LSTM", "en": "9-3 LSTM"},
    "preset_lstm-dropout": {"ko": "9-3 LSTM + 드롭아웃", "en": "9-3 LSTM + dropout"},
    "preset_lstm-2layer": {"ko": "9-3 LSTM 2개 층", "en": "9-3 two LSTM layers"},
    "preset_gru": {"ko": "9-3 GRU", "en": "9-3 GRU"},
    "preset_custom": {"ko": "직접 설정", "en": "custom"},

    # --- data errors (rnnviz.data) -----------------------------------------------------------------
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
    # --- how the app works, for the curious (the training lab and one-hot pages) ---------------------
    "under_the_hood_title": {"ko": "내부 동작", "en": "Under the hood"},
    # --- predict-first questions (ui.predict) ----------------------------------------------------------------------------
    "quiz_title": {"ko": "먼저 예측해 보세요", "en": "Predict first"},
    "quiz_check": {"ko": "정답 확인", "en": "Check my answer"},
    "quiz_not_sure": {"ko": "잘 모르겠어요", "en": "Not sure"},
    "quiz_hidden_until": {"ko": "답을 고르거나 '잘 모르겠어요'를 누르면 아래에 답이 나타납니다.",
                          "en": "Pick an answer or press \"Not sure\": the answer then appears below."},
    "quiz_answer_is": {"ko": "정답은 **{answer}** 입니다.", "en": "The answer is **{answer}**."},
    "quiz_pick_first": {"ko": "답을 하나 고른 뒤 확인하세요.", "en": "Pick an answer, then check."},
    "quiz_right": {"ko": "정답입니다!", "en": "Correct!"},
    "quiz_wrong": {"ko": "아쉽네요. 정답은 **{answer}** 입니다.", "en": "Not quite. The answer is **{answer}**."},
    # --- widget hints (ui.localize_widgets, ui.input_label) ----------------------------------------
    "hint_enter": {"ko": "Enter 키나 바깥을 클릭하면 적용", "en": "press Enter to apply"},
    "text_cut": {"ko": "이 칸에는 {limit:,}자까지 들어갑니다. 더 긴 글은 처음 {limit:,}자에서 잘립니다.",
                 "en": "This box holds up to {limit:,} characters: a longer text is cut after the first {limit:,}."},
    "hint_ctrl_enter": {"ko": "Ctrl+Enter(맥은 ⌘+Enter)나 바깥을 클릭하면 적용",
                        "en": "press Ctrl+Enter (⌘+Enter on a Mac) to apply"},
    # --- token tables and the padding grid (the tokens, one-hot and review pages) -------------------
    "col_token": {"ko": "토큰", "en": "token"},
    "col_id": {"ko": "id", "en": "id"},
    "grid_title": {"ko": "pad_sequences의 결과", "en": "What pad_sequences returns"},
    "grid_row": {"ko": "문장", "en": "sentence"},
    "grid_column": {"ko": "타임스텝 (열)", "en": "timestep (column)"},
    "kind_pad": {"ko": "패딩 0", "en": "padding 0"},
    "kind_start": {"ko": "시작 1", "en": "start 1"},
    "kind_word": {"ko": "단어", "en": "word"},
    "kind_oov": {"ko": "OOV 2", "en": "OOV 2"},
    "kind_cut": {"ko": "잘려 나감", "en": "cut away"},
    "grid_run_tokens": {"ko": "토큰 {n}개", "en": "{n} tokens"},
    # --- the timestep pages: input (ui.step_controls, ui.show_inputs) ------------------------------
    "step_sentence": {"ko": "문장 (샘플 하나)", "en": "Sentence (one sample)"},
    "step_sentence_placeholder": {"ko": "예: i like brachiosaurus", "en": "e.g. i like brachiosaurus"},
    "step_sentence_help": {
        "ko": "단어 하나가 타임스텝 하나가 됩니다. 처음 {limit}개 토큰까지 사용합니다.",
        "en": "Each word becomes one timestep. Up to the first {limit} tokens are used.",
    },
    "step_encoding": {"ko": "단어를 벡터로", "en": "Words to vectors"},
    "step_enc_embedding": {"ko": "단어 임베딩 (무작위)", "en": "Embedding (random)"},
    "step_enc_onehot": {"ko": "원-핫 인코딩", "en": "One-hot"},
    "step_features": {"ko": "입력 특성 개수 (임베딩 벡터 크기)", "en": "Input features (embedding size)"},
    "step_units": {"ko": "뉴런 개수 (units)", "en": "Units"},
    "step_seed": {"ko": "시드", "en": "Random seed"},
    "step_seed_help": {
        "ko": "가중치와 임베딩은 이 시드로 만든 난수입니다 (훈련 전 상태). 같은 시드면 같은 숫자가 나옵니다.",
        "en": "Weights and embedding are random numbers from this seed (an untrained layer). Same seed, "
              "same numbers.",
    },
    "step_empty": {
        "ko": "문장을 입력하세요. 예: i like brachiosaurus",
        "en": "Type a sentence, for example: i like brachiosaurus",
    },
    "step_no_tokens": {
        "ko": "토큰이 없습니다: 문장 부호는 공백으로 바뀌어 사라집니다. 단어를 하나 이상 입력하세요.",
        "en": "No tokens: punctuation becomes spaces and disappears. Type at least one word.",
    },
    "step_cut_chars": {
        "ko": "입력이 너무 깁니다 ({n:,}자). 처음 {limit:,}자만 읽습니다.",
        "en": "The text is very long ({n:,} characters); only the first {limit:,} are read.",
    },
    "step_cut_steps": {
        "ko": "토큰이 {n}개입니다. 한 단계씩 보기 좋도록 처음 {limit}개 타임스텝만 사용합니다.",
        "en": "{n} tokens; only the first {limit} timesteps are used, so each step stays readable.",
    },
    "step_inputs_question": {"ko": "입력 벡터 x_t는 어떻게 만들어지나요?", "en": "Where do the input vectors x_t come from?"},
    "print_button": {"ko": "🖨 인쇄하기", "en": "🖨 Print this page"},
    "present_switch": {"ko": "발표 화면", "en": "Projector view"},
    "present_help": {
        "ko": "교실 화면(1280×720)에 맞춘 보기: 글자와 그림이 커지고, 실행 관리·다운로드·코드·내부 동작은 숨깁니다. "
              "링크에 ?present=1을 붙여도 됩니다.",
        "en": "Made for a classroom projector (1280×720): larger text and pictures; run management, downloads, "
              "code and under-the-hood details are left out. A link can carry ?present=1.",
    },
    "step_view_picture": {"ko": "책의 그림", "en": "The book's picture"},
    "step_view_numbers": {"ko": "숫자로 보기: 그래프와 식", "en": "The numbers: chart and equation"},
    "step_sizes": {"ko": "크기와 시드", "en": "Sizes and seed"},
    "step_inputs_embedding": {
        "ko": "각 단어의 id로 **임베딩** 표({vocab}×{features})의 행을 찾습니다. 표의 값은 훈련된 `Embedding` 층 대신 "
              "시드로 만든 무작위 값이지만, 같은 id는 언제나 표의 같은 행을 가리키므로 같은 단어는 항상 같은 "
              "벡터입니다. 입력 특성 개수 = {features}.",
        "en": "Each word's id picks a row of an **embedding** table ({vocab}×{features}). The table holds "
              "seeded random values standing in for a trained `Embedding` layer; because the same id always "
              "picks the same row, the same word always gets the same vector. Input features = {features}.",
    },
    "step_inputs_onehot": {
        "ko": "**원-핫 인코딩**: 단어마다 어휘 사전 크기 {vocab}의 벡터를 만들고 그 단어의 id 자리에만 1을 "
              "둡니다. 어휘 사전은 이 문장의 단어 {words}개 + 예약된 id 4개(0 패딩, 1 시작, 2 OOV, 3 미사용)"
              "이므로 **입력 특성 개수 = 어휘 사전 크기 = {vocab}** 입니다 (특성 개수 슬라이더는 쓰지 않습니다).",
        "en": "**One-hot**: each word becomes a vector as long as the vocabulary, {vocab}, with a single 1 at "
              "the word's id. The vocabulary holds this sentence's {words} words + 4 reserved ids (0 padding, "
              "1 start, 2 OOV, 3 unused), so **input features = vocabulary size = {vocab}** (the features "
              "slider is not used).",
    },
    "step_col_t": {"ko": "타임스텝 t", "en": "timestep t"},
    "step_col_token": {"ko": "토큰", "en": "token"},
    "step_col_id": {"ko": "id", "en": "id"},
    "step_col_onehot": {"ko": "x_t: 원-핫 벡터 (길이 {vocab}, · = 0)", "en": "x_t: one-hot vector (length {vocab}, · = 0)"},
    "step_col_onehot_help": {"ko": "왼쪽부터 id 0, 1, 2, …의 자리입니다. 1은 그 토큰의 id 자리에 하나만 있습니다.",
                             "en": "Positions id 0, 1, 2, … from the left; the single 1 sits at the token's id."},
    # --- the timestep pages: the player (ui.timestep_player) and its chart -------------------------
    "step_play": {"ko": "▶ 재생", "en": "▶ Play"},
    "step_pause": {"ko": "❚❚ 멈춤", "en": "❚❚ Pause"},
    "step_fullscreen": {"ko": "전체 화면", "en": "Full screen"},
    "step_fullscreen_help": {"ko": "조작 막대, 그래프, 식을 함께 화면 가득 보여 줍니다. Esc 키로 돌아옵니다.",
                             "en": "Shows the controls, the chart and the equation together on the whole "
                                   "screen. Esc comes back."},
    "step_play_help": {
        "ko": "지금 타임스텝부터 한 단계씩 넘어가고 마지막 타임스텝에서 멈춥니다. 마지막에서 누르면 처음부터 "
              "다시 재생합니다.",
        "en": "Steps on from the current timestep, one at a time, and stops at the last one. Pressed at the "
              "last timestep, it plays again from the start.",
    },
    "step_anim_caption": {
        "ko": "위의 ◀ 이전 · ▶ 재생 · 슬라이더 · 다음 ▶ 으로 타임스텝을 고르면 왼쪽 그래프와 오른쪽 식이 함께 "
              "바뀝니다. 그래프의 검은 테두리가 지금 타임스텝이고, 흐리게 가린 칸은 셀이 아직 읽지 않은 "
              "타임스텝입니다.",
        "en": "The ◀ Back · ▶ Play · slider · Forward ▶ controls above pick one timestep for both the chart "
              "on the left and the equations on the right. The black frame in the chart is the current "
              "timestep; the veiled columns are timesteps the cell has not read yet.",
    },
    "step_chart_title": {"ko": "타임스텝 {t} · {token}", "en": "Timestep {t} · {token}"},
    "step_t": {"ko": "타임스텝 t", "en": "Timestep t"},
    "step_back": {"ko": "◀ 이전", "en": "◀ Back"},
    "step_forward": {"ko": "다음 ▶", "en": "Forward ▶"},
    "step_single": {
        "ko": "타임스텝이 하나뿐입니다. 단어를 더 입력하면 은닉 상태가 이어지는 모습을 볼 수 있습니다.",
        "en": "There is only one timestep. Type more words to see the hidden state carried along.",
    },
    "step_at": {"ko": "**타임스텝 {t}** — 토큰 *{token}*", "en": "**Timestep {t}** — token *{token}*"},
    "step_rounding": {
        "ko": "숫자는 소수 둘째 자리까지 반올림해 보여 주므로 합이 마지막 자리에서 조금 다를 수 있습니다. "
              "계산은 반올림 전 값으로 합니다.",
        "en": "Numbers are rounded to 2 decimals, so a sum may differ in the last digit; the computation "
              "uses the unrounded values.",
    },
    "step_panel_x": {"ko": "입력 {x}", "en": "input {x}"},
    "step_panel_h": {"ko": "은닉 상태 {prev} → {h}", "en": "hidden state {prev} → {h}"},
    "step_panel_x_onehot": {"ko": "입력 {x} (원-핫: 단어 id)", "en": "input {x} (one-hot: word id)"},
    "step_code_title": {"ko": "같은 일을 하는 Keras 코드", "en": "The same in Keras code"},
    "step_code_caption": {
        "ko": "현재 설정과 가중치 그대로이며 그대로 실행됩니다. 첫 줄에 "
              "`count_params()`가 출력하는 개수({total})는 위의 계산과 같고, 이어서 마지막 은닉 상태(h_{T})를 출력합니다 "
              "(가중치를 소수 넷째 자리까지 적었으므로 이 페이지의 값과 소수 셋째 자리까지 같습니다).",
        "en": "With the current settings and weights; it runs as shown. It first prints "
              "`count_params()` = {total}, the same as the ledger above, then the last hidden state h_{T} "
              "(the weights are written to 4 decimals, so it matches this page to about 3).",
    },
    # --- memory fading (ui.memory_fading) ----------------------------------------------------------
    "fade_title": {"ko": "오래된 타임스텝은 얼마나 남아 있을까", "en": "How much of an early timestep is left?"},
    "fade_steps": {"ko": "시퀀스 길이 (무작위 입력)", "en": "Sequence length (random inputs)"},
    "fade_axis_x": {"ko": "타임스텝 t", "en": "timestep t"},
    "fade_axis_y": {"ko": "마지막 은닉 상태에 대한 영향 ‖∂h_T/∂x_t‖", "en": "influence on the final state ‖∂h_T/∂x_t‖"},
    "fade_what": {
        "ko": "그래프의 값: 입력 x_t를 조금 바꿀 때 마지막 은닉 상태 h_T가 움직이는 정도 ‖∂h_T/∂x_t‖ "
              "(야코비 행렬의 프로베니우스 노름). 세 셀은 책과 같은 크기(입력 {d}개, 유닛 {u}개)에 시드 {seed}의 "
              "훈련 전 Keras식 무작위 가중치를 쓰고, 같은 무작위 입력 N(0, 1)을 읽습니다. 공정하게 비교하려고 "
              "GRU의 업데이트 게이트 z의 절편도 LSTM 삭제 게이트처럼 {b:.0f}에서 시작합니다 (Keras GRU의 기본값은 0).",
        "en": "Plotted: ‖∂h_T/∂x_t‖, how far the final hidden state h_T moves when input x_t moves a little "
              "(the Frobenius norm of the Jacobian). All three cells have the book's size ({d} inputs, {u} "
              "units), untrained Keras-style random weights of seed {seed}, and read the same random inputs "
              "N(0, 1). For a fair comparison GRU's update gate z starts with bias {b:.0f} like LSTM's forget "
              "gate (Keras's GRU default is 0).",
    },
    "fade_text": {
        "ko": "길이 {T}인 무작위 시퀀스를 세 셀에 넣고, 타임스텝 t의 입력을 조금 바꾸면 마지막 은닉 상태 h_T가 "
              "얼마나 바뀌는지(야코비 행렬의 크기)를 그렸습니다. 세로축은 로그 눈금입니다. 첫 번째 입력의 영향: "
              "SimpleRNN {first_SimpleRNN:.1e}, LSTM {first_LSTM:.1e}, GRU {first_GRU:.1e} — 마지막 입력의 "
              "영향은 각각 {last_SimpleRNN:.1e}, {last_LSTM:.1e}, {last_GRU:.1e}입니다.",
        "en": "A random sequence of {T} steps goes into all three cells; each line shows how much the final "
              "hidden state h_T moves when the input at step t moves (the size of the Jacobian), on a log "
              "axis. Influence of the first input: SimpleRNN {first_SimpleRNN:.1e}, LSTM {first_LSTM:.1e}, "
              "GRU {first_GRU:.1e}; of the last input: {last_SimpleRNN:.1e}, {last_LSTM:.1e}, "
              "{last_GRU:.1e}.",
    },
    "fade_why": {
        "ko": "SimpleRNN에서는 오래된 입력의 흔적이 매 타임스텝마다 W_h를 곱하고 tanh를 지나며 줄어듭니다. "
              "로그 눈금에서 거의 직선으로 떨어지는 것은 같은 비율로 계속 줄어든다는 뜻입니다 — 긴 시퀀스에서 "
              "앞부분을 잊어버리는 이유입니다. LSTM의 셀 상태는 삭제 게이트만 곱하며 전달되므로 보통 더 천천히 "
              "줄어듭니다. GRU의 은닉 상태도 업데이트 게이트 z만 곱하며 전달되는 길이 있습니다. 그래서 같은 길이의 "
              "시퀀스에서 첫 입력의 영향은 LSTM과 GRU가 SimpleRNN보다 큽니다. 여기의 가중치는 훈련 전 무작위 "
              "값입니다. 훈련은 기억할 것을 오래 남기도록 게이트를 조정합니다 (9-3절).",
        "en": "In a SimpleRNN an old input's trace is multiplied by W_h and squeezed through tanh at every "
              "step. A nearly straight fall on the log axis means it shrinks by about the same factor each "
              "step: why a SimpleRNN forgets the start of long sequences. An LSTM's cell state is carried "
              "along multiplied only by its forget gate, and a GRU's hidden state has a path multiplied only by "
              "its update gate z, so the first input keeps more influence in LSTM and GRU than in SimpleRNN. "
              "These weights are random, untrained ones; training tunes the gates to keep what matters for "
              "longer (section 9-3).",
    },
    # --- the book's code vs. Keras 3 (ui.book_vs_keras3: the tokens, one-hot and training pages) ----------
    "keras3_title": {"ko": "책의 코드와 Keras 3는 어디가 다른가요?", "en": "Where does the book's code differ in Keras 3?"},
    "keras3_caption": {
        "ko": "책(1판)의 코드는 TensorFlow 2 안의 tf.keras로 쓰였습니다. 이 앱과 현재 노트북은 Keras 3를 씁니다. "
              "책의 코드도 대부분 실행되지만 경고가 나오거나 TensorFlow가 필요한 줄은 이렇게 바꿔 씁니다.",
        "en": "The book's code (1st edition) was written for tf.keras inside TensorFlow 2; this app and the current "
              "notebooks use Keras 3. Most of the book's code still runs, but these lines warn or need TensorFlow; "
              "Keras 3 writes them like this.",
    },
    "keras3_book": {"ko": "책:", "en": "The book:"},
    "keras3_now": {"ko": "Keras 3:", "en": "Keras 3:"},
    "keras3_why_pad_sequences": {
        "ko": "Keras 3 문서의 이름은 `keras.utils.pad_sequences`입니다. 책의 `tensorflow.keras.preprocessing` 경로는 "
              "TensorFlow가 설치되어 있어야 쓸 수 있는 예전 이름입니다. 함수도 기본값(padding='pre', "
              "truncating='pre')도 같습니다.",
        "en": "Keras 3 documents it as `keras.utils.pad_sequences`; the book's `tensorflow.keras.preprocessing` path "
              "is an old name that needs TensorFlow installed. The function and its defaults (padding='pre', "
              "truncating='pre') are the same.",
    },
    "keras3_why_input_length": {
        "ko": "Keras 3의 `Embedding`은 `input_length`를 쓰지 않습니다 (주면 '지우라'는 경고만 나옵니다). 시퀀스 길이는 "
              "모델 맨 앞의 `keras.Input(shape=(maxlen,))`으로 알려 주거나, 모델이 처음 데이터를 받을 때 정해집니다.",
        "en": "Keras 3's `Embedding` no longer uses `input_length` (passing it only warns: \"Just remove it\"). The "
              "sequence length comes from a `keras.Input(shape=(maxlen,))` at the front of the model, or from the "
              "first data the model sees.",
    },
    "keras3_why_input_shape": {
        "ko": "Keras 3에서는 첫 층에 `input_shape`를 주지 않고 모델 맨 앞에 `keras.Input`을 둡니다 (주면 경고가 "
              "나옵니다). 크기는 같습니다: 샘플마다 (타임스텝, 특성).",
        "en": "In Keras 3 the first layer takes no `input_shape`: a `keras.Input` goes first in the model instead "
              "(passing it only gives a warning). The shape is the same: (timesteps, features) per sample.",
    },
    "keras3_why_h5": {
        "ko": "Keras 3의 저장 형식은 모델 전체를 담는 `.keras` 파일입니다. `.h5`는 예전 형식이라 저장은 되지만 경고가 "
              "나옵니다. 불러올 때도 `keras.models.load_model('best-simplernn-model.keras')`.",
        "en": "Keras 3's own format is one `.keras` file holding the whole model; `.h5` is the old format, still "
              "saved but with a warning. Load it with `keras.models.load_model('best-simplernn-model.keras')`.",
    },
    "runs_everybody": {"ko": "다른 방문자의 실행도 보기", "en": "Show other visitors' runs too"},
    "runs_everybody_help": {
        "ko": "이 서버를 함께 쓰는 다른 방문자(와 명령줄)의 실행입니다. 기본으로는 참고 실행과 내 실행만 보입니다.",
        "en": "Runs of other visitors sharing this server (and of the command line). By default only the "
              "reference runs and your own are listed.",
    },
}
