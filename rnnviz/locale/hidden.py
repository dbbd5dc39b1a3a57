"""Strings of the "Hidden state, step by step" page (see rnnviz.i18n). The timestep controls, player
and memory-fading strings it shares with the "LSTM and GRU cells" page (step_*, fade_*) are in shared.py."""

STRINGS: dict[str, dict[str, str]] = {
    "hidden_lead": {
        "ko": "순환층은 문장을 한 **타임스텝**씩 읽고, 읽을 때마다 **은닉 상태** h_t를 새로 만듭니다. "
              "▶ 재생을 누르고 따라가 보세요: 지금 단어 x_t와 바로 앞의 은닉 상태 h_(t−1)이 함께 새 h_t가 됩니다.",
        "en": "A recurrent layer reads a sentence one **timestep** at a time and makes a new **hidden state** h_t "
              "at each. Press ▶ Play and follow it: the current word x_t and the previous hidden state h_(t−1) "
              "together make the new h_t.",
    },
    "hidden_look": {
        "ko": "볼 곳: 굵은 테두리 칸이 지금 타임스텝입니다. 왼쪽에서 들어오는 h_(t−1)과 아래에서 들어오는 x_t가 모든 칸에서 "
              "같은 W_x, W_h, b로 새 h_t가 됩니다. 그래프와 식은 '숫자로 보기' 탭에 있습니다.",
        "en": "Look: the thick frame is the current timestep. The h_(t−1) coming in from the left and the x_t "
              "from below make the new h_t, with the same W_x, W_h and b in every box. The chart and the equation "
              "are in the \"numbers\" tab.",
    },
    "hidden_how_to_read": {"ko": "그래프와 식은 어떻게 읽나요?", "en": "How do I read the chart and the equation?"},
    "hidden_shapes_question": {
        "ko": "순환층의 출력은 어떤 크기인가요? (return_sequences와 층 쌓기)",
        "en": "What shape does a recurrent layer output? (return_sequences and stacking)",
    },
    "hidden_h0": {
        "ko": "**t = 1에는 이전 은닉 상태가 없습니다.** 그래서 h₀은 모두 0으로 시작하고, h₀·W_h = 0입니다. "
              "첫 타임스텝의 은닉 상태는 입력과 절편만으로 정해집니다.",
        "en": "**At t = 1 there is no previous hidden state yet**, so h₀ starts as all zeros and "
              "h₀·W_h = 0: the first hidden state comes from the input and the bias alone.",
    },
    "hidden_carry": {
        "ko": "바로 앞 타임스텝 t = {prev}에서 계산한 은닉 상태가 h_{prev}입니다. 이렇게 은닉 상태가 다음 "
              "타임스텝으로 넘어가며 앞에서 읽은 내용을 전달합니다.",
        "en": "h_{prev} is the hidden state computed at the previous step, t = {prev}: carrying it into the "
              "next step is how the layer remembers what it has read.",
    },
    "hidden_repeat": {
        "ko": "단어 *{token}*: 타임스텝 {steps}에 나옵니다. 입력 벡터 x_t는 매번 같지만 은닉 상태 h_t는 다릅니다: "
              "이전 은닉 상태 h_(t−1)에 앞에서 읽은 내용이 담겨 있기 때문입니다.",
        "en": "*{token}* appears at timesteps {steps}: the same input vector x_t each time, yet a different hidden "
              "state h_t, because h_(t−1) carries what was read before.",
    },
    "hidden_same_title": {"ko": "같은 단어, 다른 은닉 상태", "en": "The same word, a different hidden state"},
    "hidden_same_none": {
        "ko": "이 문장에는 두 번 나오는 단어가 없습니다. 같은 단어를 두 번 읽으면 은닉 상태는 어떻게 될까요?",
        "en": "No word appears twice in this sentence. What happens to the hidden state when the same word is "
              "read twice?",
    },
    "hidden_same_load": {"ko": "같은 단어가 두 번 나오는 예문 불러오기", "en": "Load an example with a repeated word"},
    "hidden_same_q": {
        "ko": "단어 *{token}*: 타임스텝 {steps}에 나오고, 그때마다 입력 x_t는 똑같은 벡터입니다. 은닉 상태 h_t도 같을까요?",
        "en": "*{token}* appears at timesteps {steps}, with the very same input vector x_t each time. Is the hidden "
              "state h_t the same too?",
    },
    "hidden_same_a0": {"ko": "네, 입력이 같으므로 h_t도 같습니다", "en": "Yes: the same input gives the same h_t"},
    "hidden_same_a1": {"ko": "아니요, h_(t−1)이 다르므로 h_t도 다릅니다",
                       "en": "No: h_(t−1) differs, so h_t differs too"},
    "hidden_same_a2": {"ko": "알 수 없습니다: 매번 무작위로 정해집니다", "en": "Can't tell: it is random each time"},
    "hidden_dense_vs_rnn": {
        "ko": "같은 문장을 Dense 층(W_h가 없는 셀)과 SimpleRNN에 넣어 봅니다. Dense 층은 x_t만 보므로 같은 단어에서 "
              "같은 값을 내고, SimpleRNN은 h를 다음 타임스텝으로 넘기므로 같은 단어에서도 다른 값을 냅니다. "
              "테두리는 지금 타임스텝입니다.",
        "en": "The same sentence through a Dense layer (the cell without W_h) and through SimpleRNN. The Dense layer "
              "sees x_t alone, so the same word gives the same output; SimpleRNN passes h on to the next step, so "
              "the same word gives a different one. The frame marks the current timestep.",
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
    "hidden_params_metric": {"ko": "SimpleRNN({units}) 파라미터", "en": "SimpleRNN({units}) parameters"},
    "hidden_ledger": {
        "ko": "**{formula}**\n\n"
              "- **{t_in}** → 가중치 **W_x**: 입력 특성 {d}개 각각에서 뉴런 {u}개 각각으로\n"
              "- **{t_rec}** → 가중치 **W_h**: 이전 은닉 상태의 뉴런 {u}개에서 뉴런 {u}개로 (순환)\n"
              "- **{t_b}** → **절편 b**: 뉴런마다 하나\n\n"
              "Keras의 `model.summary()`와 `count_params()`도 같은 개수({total})를 보고합니다. "
              "타임스텝 개수({T})는 이 식에 없습니다.",
        "en": "**{formula}**\n\n"
              "- **{t_in}** → weights **W_x** (kernel): from each of the {d} input features to each of the "
              "{u} units\n"
              "- **{t_rec}** → weights **W_h** (recurrent kernel): from the {u} units of h_(t−1) to the {u} "
              "units (the loop)\n"
              "- **{t_b}** → **bias b**: one per unit\n\n"
              "Keras's `model.summary()` and `count_params()` report the same {total}. "
              "The number of timesteps, {T}, appears nowhere in the sum.",
    },
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
              "출력합니다. 이 출력은 샘플 하나에 1차원 벡터 ({units},), 배치로는 2차원 (batch, {units})이라서 `Dense` 층에 "
              "바로 연결할 수 있습니다 — "
              "합성곱 신경망과 달리 `Flatten`이 필요 없습니다.",
        "en": "By default a recurrent layer outputs only its last hidden state: the summary of the whole "
              "sequence. When layers are stacked, the next recurrent layer needs a **sequence** as input, so "
              "every layer before it uses `return_sequences=True` and hands over the hidden state of every "
              "timestep. Only the last recurrent layer returns a single vector: 1-D per sample, ({units},), and "
              "2-D with the batch, (batch, {units}), so it goes straight into a `Dense` layer: unlike a "
              "convolutional network, "
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
              "{opt0}개는 W_x만, {opt1}개는 순환 가중치 W_h까지만 센 값이고, {opt3}개는 절편을 두 번 센 값입니다. "
              "순환층의 핵심은 W_h입니다: 이전 은닉 상태가 다음 타임스텝의 입력이 됩니다.",
        "en": "W_x {t_in} = {n_in}, W_h {t_rec} = {n_rec}, bias {t_b} = {n_b}: in all {formula}. "
              "{opt0} counts W_x only, {opt1} stops after the recurrent weights W_h, and {opt3} counts the "
              "bias twice. W_h is what makes the layer recurrent: the previous hidden state is an input of the "
              "next step.",
    },
}
