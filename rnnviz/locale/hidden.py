"""Strings of the "Hidden state, step by step" page, and the stepper strings it shares
with the "LSTM and GRU cells" page (see rnnviz.i18n)."""

STRINGS: dict[str, dict[str, str]] = {
    # --- shared by both timestep pages: input ----------------------------------------
    "step_sentence": {"ko": "문장 (샘플 하나)", "en": "Sentence (one sample)"},
    "step_sentence_placeholder": {"ko": "예: i like brachiosaurus", "en": "e.g. i like brachiosaurus"},
    "step_sentence_help": {
        "ko": "단어 하나가 타임스텝 하나가 됩니다. 처음 {limit}개 토큰까지 사용합니다.",
        "en": "Each word becomes one timestep. Up to the first {limit} tokens are used.",
    },
    "step_encoding": {"ko": "단어를 벡터로", "en": "Words to vectors"},
    "step_enc_embedding": {"ko": "단어 임베딩 (무작위)", "en": "Embedding (random)"},
    "step_enc_onehot": {"ko": "원-핫 인코딩", "en": "One-hot"},
    "step_features": {"ko": "입력 특성 개수 (임베딩 크기)", "en": "Input features (embedding size)"},
    "step_units": {"ko": "뉴런 개수 (units)", "en": "Units"},
    "step_seed": {"ko": "난수 시드", "en": "Random seed"},
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
    "step_inputs_title": {"ko": "입력 시퀀스: 타임스텝마다 벡터 하나", "en": "The input sequence: one vector per timestep"},
    "step_inputs_embedding": {
        "ko": "각 단어의 id로 **임베딩** 표({vocab}×{features})의 행을 찾습니다. 훈련된 `Embedding` 층 대신 "
              "시드로 만든 무작위 값이므로, 같은 단어는 항상 같은 벡터입니다. 입력 특성 개수 = {features}.",
        "en": "Each word's id picks a row of an **embedding** table ({vocab}×{features}): seeded random "
              "values standing in for a trained `Embedding` layer, so the same word always gets the same "
              "vector. Input features = {features}.",
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
    # --- shared: the stepper -------------------------------------------------------------
    "step_watch_title": {"ko": "타임스텝마다 바뀌는 은닉 상태", "en": "Watch the hidden state, timestep by timestep"},
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
    "step_axis_timestep": {"ko": "타임스텝 (토큰)", "en": "timestep (token)"},
    "step_panel_x_onehot": {"ko": "입력 {x} (원-핫: 단어 id)", "en": "input {x} (one-hot: word id)"},
    "step_code_title": {"ko": "같은 일을 하는 Keras 코드", "en": "The same in Keras code"},
    "step_code_caption": {
        "ko": "현재 설정과 가중치 그대로이며 그대로 실행됩니다 (테스트에서 실행해 확인합니다). 첫 줄에 "
              "`count_params()`가 {total}을 출력해 위의 계산과 같고, 이어서 마지막 은닉 상태 h_{T}를 출력합니다 "
              "(가중치를 소수 넷째 자리까지 적었으므로 이 페이지의 값과 소수 셋째 자리까지 같습니다).",
        "en": "With the current settings and weights; it runs as shown (a test runs it). It first prints "
              "`count_params()` = {total}, the same as the ledger above, then the last hidden state h_{T} "
              "(the weights are written to 4 decimals, so it matches this page to about 3).",
    },
    # --- shared: memory fading -------------------------------------------------------------
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
    # --- hidden page ---------------------------------------------------------------------
    "hidden_intro": {
        "ko": "**순환층**은 **시퀀스**를 한 **타임스텝**씩 읽습니다. 타임스텝 t에서 **셀**은 입력 x_t와 바로 앞 "
              "타임스텝의 출력 h_(t−1)을 함께 받아 새 **은닉 상태** h_t = tanh(x_t·W_x + h_(t−1)·W_h + b)를 "
              "만듭니다. 책의 예처럼 \"i like brachiosaurus\"는 타임스텝 3개짜리 샘플 하나이고, 특성 4개와 "
              "뉴런 3개를 쓰면 파라미터는 4×3 + 3×3 + 3 = 24개입니다. 아래에서 단계마다 숫자를 직접 확인해 보세요.",
        "en": "A **recurrent layer** reads a **sequence** one **timestep** at a time. At step t the **cell** "
              "takes the input x_t together with its own previous output h_(t−1) and makes the new **hidden "
              "state** h_t = tanh(x_t·W_x + h_(t−1)·W_h + b). As in the book, \"i like brachiosaurus\" is one "
              "sample of 3 timesteps; with 4 features and 3 units the layer has 4×3 + 3×3 + 3 = 24 parameters. "
              "Check every number, step by step, below.",
    },
    "hidden_h0": {
        "ko": "**t = 1에는 이전 은닉 상태가 없습니다.** 그래서 h₀은 모두 0으로 시작하고, h₀·W_h = 0입니다. "
              "첫 타임스텝의 은닉 상태는 입력과 절편만으로 정해집니다.",
        "en": "**At t = 1 there is no previous hidden state yet**, so h₀ starts as all zeros and "
              "h₀·W_h = 0: the first hidden state comes from the input and the bias alone.",
    },
    "hidden_carry": {
        "ko": "h_{prev}은 바로 앞 타임스텝 t = {prev}에서 계산한 은닉 상태입니다. 이렇게 은닉 상태가 다음 "
              "타임스텝으로 넘어가며 앞에서 읽은 내용을 전달합니다.",
        "en": "h_{prev} is the hidden state computed at the previous step, t = {prev}: carrying it into the "
              "next step is how the layer remembers what it has read.",
    },
    "hidden_repeat": {
        "ko": "*{token}*는 타임스텝 {steps}에 나옵니다. 입력 벡터 x_t는 매번 같지만 은닉 상태 h_t는 다릅니다: "
              "이전 은닉 상태 h_(t−1)에 앞에서 읽은 내용이 담겨 있기 때문입니다.",
        "en": "*{token}* appears at timesteps {steps}: the same input vector x_t each time, yet a different hidden "
              "state h_t, because h_(t−1) carries what was read before.",
    },
    "hidden_heatmap_title": {"ko": "타임스텝에 따른 은닉 상태 h_t", "en": "Hidden state h_t over time"},
    "hidden_weights_title": {"ko": "모든 타임스텝이 같은 가중치를 씁니다", "en": "Every timestep uses the same weights"},
    "hidden_weights_text": {
        "ko": "아래 W_x, W_h, b는 t = 1부터 t = {T}까지 **모든 타임스텝에서 똑같이** 쓰입니다 (가중치 공유). "
              "그래서 시퀀스가 길어져도 파라미터 개수는 늘지 않습니다. 위 식의 x_t·W_x와 h_(t−1)·W_h가 "
              "바로 이 행렬과의 곱입니다.",
        "en": "The W_x, W_h and b below are **the very same at every timestep**, t = 1 to t = {T} (the "
              "weights are shared across time), which is why a longer sequence does not add parameters. "
              "x_t·W_x and h_(t−1)·W_h in the equations above are products with these matrices.",
    },
    "hidden_onehot_row": {
        "ko": "원-핫 입력에서 x_t·W_x는 곱셈이라기보다 **W_x의 한 행을 고르는 일**입니다: 지금 토큰 "
              "*{token}*의 id {id} 행 (파란 테두리).",
        "en": "With one-hot input, x_t·W_x just **picks one row of W_x**: the row of id {id}, the current "
              "token *{token}* (blue frame).",
    },
    "hidden_ledger_title": {"ko": "파라미터 개수", "en": "Parameter count"},
    "hidden_params_metric": {"ko": "SimpleRNN({units}) 파라미터", "en": "SimpleRNN({units}) parameters"},
    "hidden_ledger": {
        "ko": "**{formula}**\n\n"
              "- **{t_in}** → 가중치 **W_x**: 입력 특성 {d}개 각각에서 뉴런 {u}개 각각으로\n"
              "- **{t_rec}** → 가중치 **W_h**: 이전 은닉 상태의 뉴런 {u}개에서 뉴런 {u}개로 (순환)\n"
              "- **{t_b}** → **절편 b**: 뉴런마다 하나\n\n"
              "Keras의 `model.summary()`와 `count_params()`도 같은 {total}을 보고합니다 (테스트가 확인합니다). "
              "타임스텝 개수 {T}는 이 식에 없습니다.",
        "en": "**{formula}**\n\n"
              "- **{t_in}** → weights **W_x** (kernel): from each of the {d} input features to each of the "
              "{u} units\n"
              "- **{t_rec}** → weights **W_h** (recurrent kernel): from the {u} units of h_(t−1) to the {u} "
              "units (the loop)\n"
              "- **{t_b}** → **bias b**: one per unit\n\n"
              "Keras's `model.summary()` and `count_params()` report the same {total} (a test checks it). "
              "The number of timesteps, {T}, appears nowhere in the sum.",
    },
    "hidden_shapes_title": {"ko": "return_sequences와 순환층 쌓기: 출력 크기", "en": "return_sequences and stacking: output shapes"},
    "hidden_shapes_col_model": {"ko": "모델", "en": "model"},
    "hidden_shapes_col_shape": {"ko": "출력 크기", "en": "output shape"},
    "hidden_shapes_col_what": {"ko": "내용", "en": "what it holds"},
    "hidden_shapes_last": {
        "ko": "마지막 타임스텝의 은닉 상태 h_{T}만 (샘플마다 벡터 하나)",
        "en": "only the last hidden state h_{T} (one vector per sample)",
    },
    "hidden_shapes_seq": {
        "ko": "모든 타임스텝의 은닉 상태 h_1 … h_{T} (위의 히트맵 전체)",
        "en": "every hidden state h_1 … h_{T} (the whole heatmap above)",
    },
    "hidden_shapes_stack1": {"ko": "쌓은 첫 번째 층 (return_sequences=True)", "en": "stacked, first layer (return_sequences=True)"},
    "hidden_shapes_stack2": {"ko": "쌓은 두 번째 층 (마지막 층)", "en": "stacked, second (last) layer"},
    "hidden_shapes_why": {
        "ko": "순환층은 기본적으로 마지막 타임스텝의 은닉 상태만 출력합니다: 시퀀스 전체를 읽은 결과이기 때문입니다. "
              "순환층을 쌓을 때는 다음 순환층도 **시퀀스**를 입력으로 받아야 하므로 앞의 층은 "
              "`return_sequences=True`로 모든 타임스텝의 은닉 상태를 넘깁니다. 마지막 순환층만 벡터 하나를 "
              "출력하며, 이 출력은 이미 2차원 (batch, {units})이라서 `Dense` 층에 바로 연결할 수 있습니다 — "
              "합성곱 신경망과 달리 `Flatten`이 필요 없습니다.",
        "en": "By default a recurrent layer outputs only its last hidden state: the summary of the whole "
              "sequence. When layers are stacked, the next recurrent layer needs a **sequence** as input, so "
              "every layer before it uses `return_sequences=True` and hands over the hidden state of every "
              "timestep. Only the last recurrent layer returns a single vector; it is already 2-D, "
              "(batch, {units}), so it goes straight into a `Dense` layer: unlike a convolutional network, "
              "no `Flatten` is needed.",
    },
    "hidden_shapes_code": {"ko": "직접 확인하는 Keras 코드", "en": "Check it in Keras"},
    "hidden_fade_title": {"ko": "은닉 상태의 기억은 점점 흐려집니다", "en": "The hidden state's memory fades"},
    "hidden_quiz_q": {
        "ko": "특성 {d}개인 입력에 SimpleRNN({u}) 층을 쓰면 파라미터는 몇 개일까요?",
        "en": "A SimpleRNN({u}) layer reads inputs with {d} features. How many parameters does it have?",
    },
    "hidden_quiz_why": {
        "ko": "W_x {t_in} = {n_in}, W_h {t_rec} = {n_rec}, 절편 {t_b} = {n_b}: 합계 {formula}. "
              "{opt0}는 W_x만, {opt1}은 순환 가중치 W_h까지만 센 값이고, {opt3}은 절편을 두 번 센 값입니다. "
              "순환층의 핵심은 W_h입니다: 이전 은닉 상태가 다음 타임스텝의 입력이 됩니다.",
        "en": "W_x {t_in} = {n_in}, W_h {t_rec} = {n_rec}, bias {t_b} = {n_b}: in all {formula}. "
              "{opt0} counts W_x only, {opt1} stops after the recurrent weights W_h, and {opt3} counts the "
              "bias twice. W_h is what makes the layer recurrent: the previous hidden state is an input of the "
              "next step.",
    },
}
