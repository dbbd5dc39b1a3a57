"""Strings of the "Try a review" page (see rnnviz.i18n); its title (page_review) is in shared.py."""

STRINGS: dict[str, dict[str, str]] = {
    "review_lead": {
        "ko": "9-2절과 9-3절의 모델은 IMDB 리뷰로 훈련되어 리뷰가 **긍정일 확률**을 냅니다. 리뷰를 쓰거나 고르면, "
              "책과 같은 설정으로 미리 훈련한 **참고 모델**이 한 단어씩 읽습니다. 내가 훈련한 모델은 **내 실행**으로 따로 보입니다.",
        "en": "The models of sections 9-2 and 9-3 were trained on IMDB reviews and output the **probability that a "
              "review is positive**. Write or pick a review: **reference models**, trained beforehand with the book's "
              "settings, read it word by word. Models you trained appear apart, as **your runs**.",
    },
    "review_verdict_q": {
        "ko": "이 리뷰를 마지막 단어까지 읽은 뒤, 모델 {model}의 판단은 긍정일까요, 부정일까요?",
        "en": "After the last word of this review, will {model} call it positive or negative?",
    },
    "review_verdict_why": {
        "ko": "이 모델이 낸 긍정 확률은 **{score:.3f}**입니다 (0.5보다 크면 긍정). 마지막 은닉 상태 h_T 하나가 리뷰 "
              "전체를 요약하고, Dense 층이 그것을 확률로 바꿉니다. 아래 그래프에서 어느 단어가 판단을 움직였는지 보세요.",
        "en": "This model's probability of positive is **{score:.3f}** (above 0.5 means positive). The last hidden "
              "state h_T alone sums up the whole review, and the Dense layer turns it into a probability. The charts "
              "below show which words moved the verdict.",
    },
    "review_source": {"ko": "리뷰", "en": "Review"},
    "review_source_typed": {"ko": "직접 쓰기", "en": "Type my own"},
    "review_source_test": {"ko": "IMDB 테스트 세트에서 고르기", "en": "Pick one from the IMDB test set"},
    "review_text": {"ko": "리뷰 (영어)", "en": "Review (English)"},
    "review_default": {
        "ko": "The first half was slow and the acting felt flat, but the ending was great and I loved it.",
        "en": "The first half was slow and the acting felt flat, but the ending was great and I loved it.",
    },
    "review_index": {"ko": "리뷰 번호 (0 – 24,999)", "en": "Review number (0 – 24,999)"},
    "review_random": {"ko": "아무거나", "en": "Random"},
    "review_loading": {"ko": "IMDB 테스트 세트를 읽는 중… (처음 한 번, 몇 초)",
                       "en": "Reading the IMDB test set… (once, a few seconds)"},
    "review_test_missing": {"ko": "직접 쓴 리뷰는 데이터 없이도 읽을 수 있습니다.",
                            "en": "A typed review works without the data."},
    "review_label": {"ko": "실제 레이블: **{label}**", "en": "True label: **{label}**"},
    "review_positive": {"ko": "긍정 (1)", "en": "positive (1)"},
    "review_negative": {"ko": "부정 (0)", "en": "negative (0)"},
    "review_decoded": {"ko": "id를 다시 단어로 바꾼 리뷰 ({n}개 토큰)", "en": "The review decoded from its ids ({n} tokens)"},
    "review_model": {"ko": "자세히 볼 모델", "en": "Model to look into"},
    "review_whose_reference": {"ko": "참고 실행", "en": "reference run"},
    "review_whose_yours": {"ko": "내 실행", "en": "your run"},
    "review_model_note": {
        "ko": "어휘 사전 크기 num_words={num_words}, maxlen {maxlen}. 검증 정확도 {val:.3f}, 테스트 정확도 {test:.3f}.",
        "en": "Vocabulary of {num_words} words, maxlen {maxlen}. Validation accuracy {val:.3f}, "
              "test accuracy {test:.3f}.",
    },
    "review_no_models": {
        "ko": "훈련을 마친 모델이 없습니다. 참고 모델 폴더(`reference_runs/`)가 비어 있습니다. 훈련 실험실에서 "
              "모델을 하나 훈련하면 여기서 쓸 수 있습니다.",
        "en": "No trained model is available: the reference folder (`reference_runs/`) is empty. Train a "
              "model in the training lab and it appears here.",
    },
    "review_broken_models": {
        "ko": "파일이 손상되어 쓸 수 없는 모델을 건너뛰었습니다: {runs}. 다른 모델은 그대로 씁니다. 훈련 실험실에서 "
              "그 실행을 지우고 다시 훈련할 수 있습니다.",
        "en": "Skipped models whose files are damaged: {runs}. The other models work as before. You can delete "
              "and retrain that run in the training lab.",
    },
    "review_empty": {
        "ko": "리뷰에 단어가 없습니다. 영어 단어가 들어간 리뷰를 쓰세요. (모델은 영어 IMDB 리뷰로만 훈련되었습니다.)",
        "en": "The review has no words. Type a review with English words (the models only know English "
              "IMDB reviews).",
    },
    "review_all_oov": {
        "ko": "단어 {n}개가 모두 이 모델의 어휘 사전 밖에 있어 모두 OOV(2)가 됩니다. 모델은 `[1, 2, 2, …]`만 "
              "보므로, 예측은 리뷰의 내용이 아니라 길이에만 달려 있습니다. 흔한 영어 단어를 써 보세요.",
        "en": "All {n} words are outside this model's vocabulary, so each becomes OOV (2). The model sees "
              "only `[1, 2, 2, …]`: its prediction depends on the length of the review, not on what it "
              "says. Try common English words.",
    },
    "review_some_oov": {
        "ko": "단어 {n}개({share:.0%})는 어휘 사전 밖이라 OOV(2)가 됩니다. 모델은 이 단어들을 구별하지 못합니다.",
        "en": "{n} words ({share:.0%}) are outside the vocabulary and become OOV (2): the model cannot "
              "tell them apart.",
    },
    "review_too_long": {
        "ko": "리뷰는 {limit:,}자까지 읽습니다. 더 긴 글은 처음 {limit:,}자에서 잘립니다 "
              "(가장 긴 IMDB 리뷰도 이보다 짧습니다).",
        "en": "A review is read up to {limit:,} characters: a longer text is cut after the first {limit:,} "
              "(the longest IMDB review is shorter).",
    },
    "review_cut": {
        "ko": "토큰이 {n}개로 maxlen {maxlen}보다 깁니다. `pad_sequences`가 앞쪽 {cut}개를 잘라 내므로 "
              "모델은 **마지막 {maxlen}개**만 읽습니다(truncating='pre').",
        "en": "{n} tokens is more than maxlen {maxlen}. `pad_sequences` cuts the first {cut}, so the model "
              "reads **only the last {maxlen}** (truncating='pre').",
    },
    "review_ids_title": {"ko": "**위: 모델이 읽는 id**", "en": "**Above: the ids the model reads**"},
    "review_ids_text": {
        "ko": "단어 {words}개 + 시작 토큰(1). 어휘 사전(num_words={num_words}) 밖의 단어 {oov}개는 OOV(2), 앞에 패딩 "
              "{pads}개(0), 잘린 토큰 {cut}개. 결과는 길이 {maxlen}인 행 하나입니다. 토큰과 패딩 페이지와 같은 "
              "색입니다.",
        "en": "{words} words + the start token (1). {oov} words outside the {num_words}-word vocabulary "
              "become OOV (2); {pads} padding zeros in front; {cut} tokens cut. The result is one row of "
              "length {maxlen}, in the same colours as the Tokens & padding page.",
    },
    "review_verdicts_title": {"ko": "모델마다의 판단", "en": "Every model's verdict"},
    "review_verdicts_text": {
        "ko": "모델 {total}개 중 {positive}개가 긍정(> 0.5)이라고 판단합니다. 참고 실행의 막대는 시드 {seeds}개의 "
              "평균, 다이아몬드는 시드 하나, 가는 선은 표준편차입니다. 자세히 보는 모델의 확률은 **{chosen:.3f}**입니다. "
              "같은 모델이라도 시드(초기 가중치)에 따라 판단이 달라질 수 있습니다.",
        "en": "{positive} of {total} models say positive (> 0.5). A reference bar is the mean of {seeds} seeds, a "
              "diamond one seed, the thin line the standard deviation. The model you look into says "
              "**{chosen:.3f}**. The same model can judge differently with another seed (other initial "
              "weights).",
    },
    "review_verdicts_yours": {
        "ko": "점선 아래 빗금 막대 {n}개는 참고 실행이 아닌 실행(이름 앞에 누구의 것인지 적혀 있습니다)입니다. "
              "각각 따로 그리며, 참고 실행의 평균에는 들어가지 않습니다.",
        "en": "Below the dotted rule, the {n} hatched bar(s) are runs that are not reference runs (each name says "
              "whose it is): each drawn alone, never part of a reference average.",
    },
    "review_mean": {"ko": "시드 평균", "en": "mean over seeds"},
    "review_one_seed": {"ko": "시드 하나", "en": "one seed"},
    "review_threshold": {"ko": "0.5: 긍정 ↑ / 부정 ↓", "en": "0.5: positive ↑ / negative ↓"},
    "review_axis_probability": {"ko": "긍정일 확률", "en": "probability positive"},
    "review_axis_words": {"ko": "여기까지 읽었을 때 (괄호 = OOV)", "en": "having read up to here (brackets = OOV)"},
    "review_prefix_title": {"ko": "단어마다 바뀌는 예측", "en": "The prediction after each word"},
    "review_prefix_text": {
        "ko": "각 점은 리뷰가 그 단어에서 끝났다면 모델이 낼 확률입니다. 시작 토큰만 읽었을 때 {first:.3f}, "
              "끝까지 읽으면 {last:.3f}. 예측을 가장 많이 올린 단어: {up}. 가장 많이 내린 단어: {down}.",
        "en": "Each point is what the model would say if the review ended at that word: {first:.3f} after "
              "the first token, {last:.3f} at the end. The words that raised it most: {up}. Lowered it "
              "most: {down}.",
    },
    "review_prefix_siblings": {
        "ko": "가는 선은 같은 모델의 다른 시드(참고 실행)입니다.",
        "en": "Thin lines are the same model with other seeds (reference runs).",
    },
    "review_prefix_alone": {
        "ko": "내 실행은 혼자 그립니다. 참고 실행의 시드와 섞지 않습니다.",
        "en": "Your run is drawn alone, never mixed with the reference seeds.",
    },
    "review_prefix_caption": {
        "ko": "점마다 `pad_sequences([ids[:k]], maxlen={maxlen})`를 모델에 넣은 결과입니다. 짧을수록 앞에 패딩이 "
              "더 붙습니다.",
        "en": "Each point feeds `pad_sequences([ids[:k]], maxlen={maxlen})` to the model; a shorter prefix "
              "gets more padding in front.",
    },
    "review_hidden_title": {"ko": "훈련된 셀의 은닉 상태", "en": "The trained cell's hidden state"},
    "review_hidden_text": {
        "ko": "훈련된 {cell}({units}) 층이 {maxlen}개 타임스텝을 읽습니다(층 {layers}개 중 첫 번째 층). 패딩도 "
              "타임스텝이므로 모델은 패딩을 읽는 동안에도 상태를 바꿉니다. 리뷰의 첫 토큰은 {first}번째 "
              "타임스텝입니다. 마지막 은닉 상태가 Dense 층으로 가서 확률이 됩니다.",
        "en": "The trained {cell}({units}) reads {maxlen} timesteps (the first of {layers} layer(s)). Padding "
              "steps are timesteps too, so the state changes while the model reads them. The review's first "
              "token is timestep {first}. The last hidden state goes to the Dense layer and becomes the "
              "probability.",
    },
    "review_show_padding": {
        "ko": "패딩 타임스텝도 보기 (앞쪽 {pads}개)",
        "en": "Show the padding timesteps too (the first {pads})",
    },
    "review_step_caption": {
        "ko": "위의 ◀ 이전 · ▶ 재생 · 슬라이더 · 다음 ▶ 으로 타임스텝을 고르면 그래프와 그 아래 줄이 함께 바뀝니다. "
              "재생은 지금 타임스텝부터 시작해 마지막 타임스텝에서 멈춥니다. 검은 테두리가 지금 타임스텝이고, "
              "흐리게 가린 칸은 셀이 아직 읽지 않은 타임스텝입니다.",
        "en": "The ◀ Back · ▶ Play · slider · Forward ▶ controls above pick one timestep for the chart and the "
              "line under it. Play starts at the current timestep and stops at the last one. The black frame is "
              "the current timestep; the veiled columns are timesteps the cell has not read yet.",
    },
    "review_code_title": {"ko": "Keras로 같은 예측 하기", "en": "The same prediction in Keras"},
    "review_code_caption": {
        "ko": "앱 폴더에서 실행하면 저장된 모델로 같은 확률({score:.4f})을 출력합니다.",
        "en": "Run from the app's folder, it loads the stored model and prints the same probability "
              "({score:.4f}).",
    },
    "review_quiz_q": {
        "ko": "어휘 사전(num_words={num_words})에 없는 두 단어 \"zyxq qwvz\"로 된 리뷰를 넣으면 모델은 무엇을 읽을까요?",
        "en": "A review of two words outside the {num_words}-word vocabulary, \"zyxq qwvz\": what does the "
              "model read?",
    },
    "review_quiz_a0": {"ko": "시작 토큰과 OOV 두 개: 모르는 두 단어라면 무엇이든 똑같습니다",
                       "en": "The start token and two OOVs: the same for any two unknown words"},
    "review_quiz_a1": {"ko": "단어의 글자들", "en": "The letters of the words"},
    "review_quiz_a2": {"ko": "아무것도 읽지 않고 오류를 냅니다", "en": "Nothing: it raises an error"},
    "review_quiz_why": {
        "ko": "패딩을 뺀 id는 {ids}입니다. 모르는 단어는 모두 2가 되므로 모델은 단어를 구별하지 못하고, 모르는 두 "
              "단어로 된 리뷰에는 언제나 같은 확률({score:.3f})을 냅니다.",
        "en": "Without the padding the ids are {ids}. Every unknown word becomes 2, so the model cannot tell "
              "them apart: any review of two unknown words gets the same probability, {score:.3f}.",
    },
}
