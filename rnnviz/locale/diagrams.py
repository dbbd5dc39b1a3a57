"""Strings of the book's diagrams (rnnviz.charts_diagrams, rnnviz.charts_cell_diagrams; see rnnviz.i18n).

They label pictures, so they stay short: a panel's name, a gate's name, a scale's ends.
"""

STRINGS: dict[str, dict[str, str]] = {
    # --- the recurrent loop and the unrolled view (book 9-1) ---------------------------------------
    "diagrams_folded": {"ko": "셀 하나와 순환", "en": "One cell and its loop"},
    "diagrams_unrolled": {
        "ko": "타임스텝마다 펼친 모습: 모든 셀이 같은 가중치를 씁니다",
        "en": "Unrolled over the timesteps: every cell uses the same weights",
    },
    # --- Dense vs. SimpleRNN (book 9-1) --------------------------------------------------------------
    "diagrams_dense": {"ko": "<b>Dense 층</b><br>x<sub>t</sub>만 봅니다", "en": "<b>Dense layer</b><br>sees x<sub>t</sub> only"},
    "diagrams_rnn": {"ko": "<b>SimpleRNN</b><br>h를 넘겨줍니다", "en": "<b>SimpleRNN</b><br>passes h on"},
    "diagrams_output_scale": {"ko": "출력 값", "en": "output"},
    # --- the LSTM and GRU cells (book 9-3) -----------------------------------------------------------
    "diagrams_gate_f": {"ko": "삭제 게이트", "en": "forget gate"},
    "diagrams_gate_i": {"ko": "입력 게이트", "en": "input gate"},
    "diagrams_gate_o": {"ko": "출력 게이트", "en": "output gate"},
    "diagrams_gate_z": {"ko": "업데이트 게이트", "en": "update gate"},
    "diagrams_gate_r": {"ko": "리셋 게이트", "en": "reset gate"},
    "diagrams_candidate": {"ko": "후보", "en": "candidate"},
    "diagrams_mean": {"ko": "평균 {value}", "en": "mean {value}"},
    "diagrams_cell_state": {"ko": "셀 상태", "en": "cell state"},
    "diagrams_hidden_state": {"ko": "은닉 상태", "en": "hidden state"},
    "diagrams_gate_scale": {"ko": "게이트", "en": "gate"},
    "diagrams_closed": {"ko": "0 닫힘", "en": "0 closed"},
    "diagrams_open": {"ko": "1 열림", "en": "1 open"},
    # --- the same word twice (book 9-1) --------------------------------------------------------------
    "diagrams_same_x": {"ko": "입력 x<sub>t</sub>: 같습니다", "en": "input x<sub>t</sub>: the same"},
    "diagrams_prev_h": {"ko": "이전 은닉 상태 h<sub>t−1</sub>: 다릅니다", "en": "previous state h<sub>t−1</sub>: different"},
    "diagrams_new_h": {"ko": "은닉 상태 h<sub>t</sub>: 다릅니다", "en": "hidden state h<sub>t</sub>: different"},
}
