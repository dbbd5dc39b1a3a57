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
    # --- what the chapter teaches around the picture (issue 15) ----------------------------------------
    "hidden_sequential_question": {
        "ko": "순차 데이터란 무엇이고, 왜 순환층이 필요한가요?",
        "en": "What is sequential data, and why a recurrent layer?",
    },
    "hidden_sequential_text": {
        "ko": "**순차 데이터**는 텍스트나 시계열 데이터처럼 **순서**에 의미가 있는 데이터입니다. \"i like "
              "brachiosaurus\"의 단어 순서를 섞으면 뜻이 달라지거나 사라지고, 오늘의 기온은 어제의 기온과 이어집니다. "
              "지금까지 배운 완전 연결 신경망이나 합성곱 신경망은 **피드포워드 신경망**입니다: 샘플 하나를 한 번에 받아 "
              "앞으로만 계산하고 끝나며, 앞에서 본 것을 기억하지 않습니다. 순환 신경망은 시퀀스를 한 타임스텝씩 읽고, "
              "**은닉 상태**로 앞에서 읽은 내용을 다음 타임스텝에 넘깁니다. 이 문장(타임스텝 {T}개)에서도 h_1이 h_2의 "
              "계산에 들어가고, 문장 전체를 읽은 결과가 마지막 은닉 상태 h_{T}입니다. 아래 '같은 단어, 다른 은닉 상태'에서 "
              "Dense 층과 SimpleRNN을 나란히 볼 수 있습니다.",
        "en": "**Sequential data** is data whose **order** matters, like text or a time series: shuffle the words of "
              "\"i like brachiosaurus\" and the meaning changes or disappears; today's temperature follows "
              "yesterday's. The fully connected and convolutional networks met so far are **feed-forward networks**: "
              "they take one sample at once, compute forward once and are done, with no memory of what they saw "
              "before. A recurrent network reads a sequence one timestep at a time and hands what it has read to "
              "the next timestep in its **hidden state**. In this sentence ({T} timesteps), h_1 goes into the "
              "computation of h_2, and the last one, h_{T}, is the result of reading the whole sentence. \"The same "
              "word, a different hidden state\" below shows a Dense layer and a SimpleRNN side by side.",
    },
    "hidden_cell_question": {
        "ko": "셀과 순환층은 다른 것인가요? 셀의 입력은 어떤 모양인가요?",
        "en": "Is a cell different from a recurrent layer? What shape is its input?",
    },
    "hidden_cell_text": {
        "ko": "순환 신경망에서는 층을 **셀**이라고 부릅니다: 셀과 순환층은 같은 것의 두 이름입니다. 셀 안에는 뉴런이 "
              "{units}개 있지만, 그림에서는 뉴런을 하나씩 그리지 않고 셀 하나로 층 전체를 나타냅니다. 셀의 출력이 "
              "**은닉 상태**입니다. 위 그림에서 타임스텝마다 칸이 따로 있는 것은 같은 셀 하나를 펼쳐 그렸기 때문입니다.\n\n"
              "셀의 입력은 샘플마다 **2차원**입니다: (타임스텝 {T}, 특성 {d}). 행 하나가 한 타임스텝의 입력 벡터 x_t입니다. "
              "샘플 하나가 곧 시퀀스 하나이고, 시퀀스의 길이가 타임스텝의 개수입니다. 여러 샘플을 배치로 넣으면 "
              "(배치, {T}, {d}) 크기의 3차원 배열이 됩니다. 완전 연결 층이 샘플마다 1차원 벡터를 받는 것과 다른 점입니다.",
        "en": "A recurrent network calls its layer a **cell**: cell and recurrent layer are two names for the same "
              "thing. The cell holds {units} units, but the diagrams draw the whole layer as one cell instead of "
              "each unit, and the cell's output is the **hidden state**. The picture above has a box per timestep "
              "because it draws that one cell unrolled.\n\n"
              "A cell's input is **2-D** per sample: ({T} timesteps, {d} features), one row per timestep, the input "
              "vector x_t. One sample is one sequence, and the sequence's length is the number of timesteps. A "
              "batch of samples makes a 3-D array of shape (batch, {T}, {d}), where a fully connected layer takes "
              "a 1-D vector per sample.",
    },
    "hidden_activation_question": {
        "ko": "활성화 함수는 왜 필요하고, 왜 tanh인가요?", "en": "Why an activation function, and why tanh?",
    },
    "hidden_activation_text": {
        "ko": "`SimpleRNN(units, activation='tanh')`: 순환층의 활성화 함수 기본값은 **하이퍼볼릭 탄젠트**(tanh)입니다. "
              "활성화 함수가 없으면 x_t·W_x + h_(t−1)·W_h + b는 곱하고 더하기만 하는 선형 계산이라, 타임스텝을 "
              "몇 번 거쳐도 선형 함수 하나와 같고 곡선 같은 관계를 배울 수 없습니다. 게다가 h_(t−1)이 타임스텝마다 W_h와 "
              "곱해지므로 값이 계속 커질 수 있습니다. tanh는 어떤 값이든 −1과 1 사이로 눌러 줍니다 (시그모이드는 0과 1 "
              "사이). 이 문장에서 tanh에 들어가기 전의 값은 {pre_min:+.2f} ~ {pre_max:+.2f}, 나온 은닉 상태는 "
              "{h_min:+.2f} ~ {h_max:+.2f}입니다. 아래 그림의 점 하나가 한 타임스텝의 뉴런 하나입니다.",
        "en": "`SimpleRNN(units, activation='tanh')`: a recurrent layer's default activation is the **hyperbolic "
              "tangent** (tanh). Without an activation, x_t·W_x + h_(t−1)·W_h + b only multiplies and adds: however "
              "many timesteps it runs through, it stays one linear function and cannot learn curved relationships; "
              "and since h_(t−1) is multiplied by W_h at every timestep, the values could keep growing. tanh "
              "squeezes any value into −1..1 (a sigmoid into 0..1). In this sentence the values going into tanh "
              "range from {pre_min:+.2f} to {pre_max:+.2f}; the hidden states coming out, from {h_min:+.2f} to "
              "{h_max:+.2f}. Each dot below is one unit at one timestep.",
    },
    "hidden_tanh_x": {"ko": "tanh에 들어가는 값 (x_t·W_x + h_(t−1)·W_h + b)", "en": "into tanh (x_t·W_x + h_(t−1)·W_h + b)"},
    "hidden_tanh_y": {"ko": "은닉 상태 h_t", "en": "hidden state h_t"},
}
