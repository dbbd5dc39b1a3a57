"""Strings of the "LSTM and GRU cells" page (see rnnviz.i18n). The timestep strings it
shares with the hidden-state page (step_*, fade_*) are in shared.py."""

STRINGS: dict[str, dict[str, str]] = {
    "cells_lead": {
        "ko": "SimpleRNN은 긴 문장의 앞부분을 빨리 잊습니다. **LSTM**과 **GRU** 셀은 0과 1 사이 값을 내는 "
              "**게이트**로 무엇을 잊고 무엇을 남길지 정합니다. ▶ 재생을 누르고 게이트가 타임스텝마다 어떻게 "
              "열리고 닫히는지 보세요.",
        "en": "A SimpleRNN soon forgets the start of a long sentence. **LSTM** and **GRU** cells use **gates**, "
              "values between 0 and 1, to decide what to forget and what to keep. Press ▶ Play and watch the "
              "gates open and close, timestep by timestep.",
    },
    "cells_look_LSTM": {
        "ko": "볼 곳: 삭제 게이트 f가 1에 가까우면 셀 상태 c_t가 이전 값 c_(t−1)을 거의 그대로 이어받습니다.",
        "en": "Look: when the forget gate f is near 1, the cell state c_t carries c_(t−1) on almost unchanged.",
    },
    "cells_look_GRU": {
        "ko": "볼 곳: 업데이트 게이트 z가 1에 가까우면 h_t가 이전 은닉 상태 h_(t−1)을 거의 그대로 이어받습니다.",
        "en": "Look: when the update gate z is near 1, h_t carries the previous hidden state h_(t−1) on almost "
              "unchanged.",
    },
    "cells_gates_question_LSTM": {
        "ko": "LSTM의 게이트 세 개와 셀 상태는 각각 무엇을 하나요?",
        "en": "What do the LSTM's three gates and its cell state do?",
    },
    "cells_gates_question_GRU": {
        "ko": "GRU의 게이트 두 개는 각각 무엇을 하나요?", "en": "What do the GRU's two gates do?",
    },
    "cells_kind": {"ko": "셀", "en": "Cell"},
    "cells_kind_LSTM": {"ko": "LSTM (게이트 3개 + 셀 상태)", "en": "LSTM (3 gates + cell state)"},
    "cells_kind_GRU": {"ko": "GRU (게이트 2개)", "en": "GRU (2 gates)"},
    "cells_gates_LSTM": {
        "ko": "**입력 게이트** i: 새 후보 c̃ 중 얼마를 더할지 · **삭제 게이트** f: 이전 셀 상태 c_(t−1) 중 "
              "얼마를 남길지 · **출력 게이트** o: 셀 상태 중 얼마를 은닉 상태 h_t로 내보낼지. 게이트는 "
              "시그모이드라 0(막음)과 1(통과) 사이입니다.",
        "en": "**Input gate** i: how much of the new candidate c̃ to add · **forget gate** f: how much of the "
              "previous cell state c_(t−1) to keep · **output gate** o: how much of the cell state to let out "
              "as h_t. Gates are sigmoids, between 0 (closed) and 1 (open).",
    },
    "cells_gates_GRU": {
        "ko": "**업데이트 게이트** z: 이전 은닉 상태 h_(t−1)을 얼마나 유지할지 (나머지 1 − z는 새 후보 h̃에서) · "
              "**리셋 게이트** r: 후보 h̃를 만들 때 이전 은닉 상태를 얼마나 쓸지. Keras의 식을 그대로 따릅니다: "
              "h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃.",
        "en": "**Update gate** z: how much of the previous hidden state h_(t−1) to keep (the other 1 − z comes "
              "from the new candidate h̃) · **reset gate** r: how much of the previous hidden state goes into "
              "the candidate h̃. Exactly Keras's equations: h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃.",
    },
    "cells_panel_gates": {"ko": "게이트 (0 ~ 1)", "en": "gates (0 to 1)"},
    "cells_panel_states": {"ko": "상태 (뉴런별)", "en": "states (per unit)"},
    "cells_time_title_LSTM": {"ko": "타임스텝에 따른 셀 상태 c_t와 은닉 상태 h_t", "en": "Cell state c_t and hidden state h_t over time"},
    "cells_time_title_GRU": {"ko": "타임스텝에 따른 은닉 상태 h_t", "en": "Hidden state h_t over time"},
    "cells_bar_c_hat": {"ko": "후보 c̃", "en": "candidate c̃"},
    "cells_bar_c_prev": {"ko": "이전 셀 상태 c_(t−1)", "en": "previous cell state c_(t−1)"},
    "cells_bar_c": {"ko": "셀 상태 c_t", "en": "cell state c_t"},
    "cells_bar_h": {"ko": "은닉 상태 h_t", "en": "hidden state h_t"},
    "cells_bar_h_prev": {"ko": "이전 은닉 상태 h_(t−1)", "en": "previous hidden state h_(t−1)"},
    "cells_bar_hh": {"ko": "후보 h̃", "en": "candidate h̃"},
    "cells_h0": {
        "ko": "**t = 1에는 이전 상태가 없으므로** h₀ = 0{c0}에서 시작합니다.",
        "en": "**At t = 1 there is no previous state yet**: it starts from h₀ = 0{c0}.",
    },
    "cells_c0": {"ko": ", c₀ = 0", "en": " and c₀ = 0"},
    "cells_c_range": {
        "ko": "셀 상태 c_t는 tanh를 거치지 않고 더해지므로 −1 ~ 1 범위를 벗어날 수 있습니다 (이 문장에서 "
              "가장 큰 |c_t| = {cmax:.2f}). 은닉 상태 h_t = o ⊙ tanh(c_t)는 항상 −1 ~ 1 사이입니다.",
        "en": "The cell state c_t is summed, not squeezed by tanh, so it may leave −1..1 (largest |c_t| in "
              "this sentence: {cmax:.2f}); the hidden state h_t = o ⊙ tanh(c_t) always stays within −1..1.",
    },
    "cells_ledger_title": {"ko": "파라미터 개수: SimpleRNN, LSTM, GRU", "en": "Parameter counts: SimpleRNN, LSTM, GRU"},
    "cells_col_cell": {"ko": "셀", "en": "cell"},
    "cells_col_blocks": {"ko": "작은 셀 (블록)", "en": "blocks"},
    "cells_col_formula": {"ko": "W_x + W_h + 절편", "en": "kernel + recurrent kernel + bias"},
    "cells_col_total": {"ko": "파라미터", "en": "parameters"},
    "cells_blocks_SimpleRNN": {"ko": "1 (tanh)", "en": "1 (tanh)"},
    "cells_blocks_LSTM": {"ko": "4 (i, f, c̃, o)", "en": "4 (i, f, c̃, o)"},
    "cells_blocks_GRU": {"ko": "3 (z, r, h̃)", "en": "3 (z, r, h̃)"},
    "cells_ledger_now": {
        "ko": "지금 설정(입력 특성 {d}개, 뉴런 {u}개)에서 계산한 값입니다. LSTM은 SimpleRNN 같은 작은 셀이 4개, "
              "GRU는 3개 들어 있어서 가중치가 각각 4배, 3배입니다.",
        "en": "For the current settings ({d} input features, {u} units). An LSTM holds 4 SimpleRNN-sized "
              "blocks and a GRU 3, so their weights are 4× and 3× as many.",
    },
    "cells_ledger_book": {
        "ko": "책의 모델 (`Embedding(500, 16)` 다음에 뉴런 8개): LSTM은 {lstm_formula}, GRU는 {gru_formula}. "
              "Keras의 `model.summary()`도 {lstm}개와 {gru}개를 보고합니다.",
        "en": "The book's models (8 units after `Embedding(500, 16)`): LSTM {lstm_formula}, GRU "
              "{gru_formula}. Keras's `model.summary()` reports the same {lstm} and {gru}.",
    },
    "cells_gru_bias_title": {
        "ko": "GRU의 절편은 왜 2×3×{u} = {n_b}개일까?",
        "en": "Why does a GRU have 2×3×{u} = {n_b} biases?",
    },
    "cells_gru_bias": {
        "ko": "GRU 층의 기본값은 TensorFlow 2의 tf.keras에서도 Keras 3에서도 `reset_after=True`이고, 책의 624개도 "
              "이 기본값에서 나옵니다. 이 방식은 리셋 "
              "게이트를 순환 가중치와 곱한 **뒤에** 적용합니다: h̃ = tanh(x W_h + b_h + r ⊙ (h U_h + b'_h)). "
              "순환 쪽 절편 b'_h가 r에 곱해지므로 입력 쪽 절편과 합칠 수 없고, Keras는 세 블록 모두 입력 쪽과 "
              "순환 쪽 절편을 따로 둡니다. 절편 배열의 크기는 (2, 3×{u})입니다. 그래서 3×{base} = {three} 대신 "
              "{total}입니다.",
        "en": "The GRU layer defaults to `reset_after=True` in TensorFlow 2's tf.keras and in Keras 3 alike, "
              "and the book's 624 comes from it: the reset gate is applied **after** the recurrent matrix product, "
              "h̃ = tanh(x W_h + b_h + r ⊙ (h U_h + b'_h)). The recurrent bias b'_h is multiplied by r, so it "
              "cannot be merged with the input bias, and Keras keeps an input-side and a recurrent-side bias "
              "for all three blocks: a bias of shape (2, 3×{u}). Hence {total} rather than 3×{base} = {three}.",
    },
    "cells_memory_title": {"ko": "셀 상태는 정보를 더 멀리 나릅니다", "en": "The cell state carries information further"},
    "cells_memory_LSTM": {
        "ko": "이 {T}개 타임스텝에서 삭제 게이트 f의 평균은 {g:.2f}입니다. 셀 상태 c_t = f ⊙ c_(t−1) + i ⊙ c̃ "
              "에서 오래된 값은 타임스텝마다 f만 곱해지므로, 셀 상태를 따라가면 10 타임스텝 뒤에도 약 "
              "{g10:.3f}배가 남습니다 (W_h와 tanh를 매번 거치는 SimpleRNN과 다른 점). Keras는 삭제 게이트의 "
              "절편을 1로 시작해(`unit_forget_bias=True`) 처음부터 f ≈ 0.73 정도로 기억을 남기게 합니다.",
        "en": "Over these {T} steps the forget gate f averages {g:.2f}. In c_t = f ⊙ c_(t−1) + i ⊙ c̃ an old value "
              "is only multiplied by f at each step, so along the cell state about {g10:.3f} of it is left "
              "after 10 steps (a SimpleRNN instead pushes it through W_h and tanh every step). Keras starts the "
              "forget gate's bias at 1 (`unit_forget_bias=True`), so f ≈ 0.73 keeps memories from the start.",
    },
    "cells_memory_GRU": {
        "ko": "이 {T}개 타임스텝에서 업데이트 게이트 z의 평균은 {g:.2f}입니다. h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃ "
              "에서 오래된 은닉 상태는 타임스텝마다 z만큼 남으므로, 10 타임스텝 뒤에는 약 {g10:.3f}배가 "
              "남습니다. Keras의 GRU는 z의 절편을 0으로 시작해 훈련 전에는 z가 0.5 근처라 빨리 잊습니다. 위 그래프는 "
              "LSTM과 같게 절편 1에서 시작했고, 훈련하면 기억해야 할 뉴런의 z가 1에 가까워집니다.",
        "en": "Over these {T} steps the update gate z averages {g:.2f}. In h_t = z ⊙ h_(t−1) + (1 − z) ⊙ h̃ the "
              "old hidden state keeps a share z at each step, so about {g10:.3f} of it is left after 10 steps. "
              "Keras starts z's bias at 0, so an untrained GRU has z near 0.5 and forgets fast; the chart above "
              "starts it at 1 like LSTM's forget gate, and training pushes z towards 1 for the units that "
              "must remember.",
    },
    "cells_quiz_q": {
        "ko": "특성 {d}개인 입력에 LSTM({u})의 파라미터는 {lstm}개입니다. 같은 입력에 GRU({u}) (기본값 `reset_after=True`)의 "
              "파라미터는 몇 개일까요?",
        "en": "On inputs with {d} features, LSTM({u}) has {lstm} parameters. How many does GRU({u}) (default "
              "`reset_after=True`) have on the same inputs?",
    },
    "cells_quiz_why": {
        "ko": "GRU는 블록이 3개(z, r, h̃)이므로 가중치는 LSTM의 3/4인 3×({d}×{u} + {u}×{u}) = {weights}개입니다. "
              "여기에 `reset_after=True` 때문에 절편이 2×3×{u} = {n_b}개라서 합계 {gru}입니다. {three}개는 절편이 "
              "한 벌뿐인 옛 방식(`reset_after=False`), {lstm}개는 LSTM의 개수입니다.",
        "en": "A GRU has 3 blocks (z, r, h̃), so 3/4 of an LSTM's weights: 3×({d}×{u} + {u}×{u}) = {weights}. "
              "With `reset_after=True` it keeps 2×3×{u} = {n_b} biases, so {gru} in all. {three} is the old "
              "single-bias variant (`reset_after=False`), and {lstm} is the LSTM's count.",
    },
}
