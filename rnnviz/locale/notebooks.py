"""Strings of the notebooks every page with code offers (rnnviz.notebooks): the button and the notebook's text."""

STRINGS = {
    "notebooks_download": {"ko": "노트북으로 받기", "en": "Download notebook"},
    "notebooks_download_help": {
        "ko": "이 페이지의 현재 설정과 코드, 설명을 담은 Jupyter 노트북(.ipynb)입니다. Colab이나 Jupyter에서 열고 "
              "위에서부터 차례로 실행하세요.",
        "en": "A Jupyter notebook (.ipynb) with this page's current settings, code and explanations. Open it in "
              "Colab or Jupyter and run it from the top."},
    "notebooks_made": {
        "ko": "rnnviz의 '{page}' 페이지에서 만든 노트북입니다. 페이지의 현재 설정이 코드에 그대로 들어 있습니다. "
              "위에서부터 차례로 실행하세요 (Colab: **런타임 → 모두 실행**). 필요한 패키지는 keras와 "
              "scikit-learn이며 Colab에는 이미 있습니다.",
        "en": "Made by rnnviz from its '{page}' page: the page's current settings are written into the code. Run "
              "the cells from the top (Colab: **Runtime → Run all**). It needs keras and scikit-learn, which "
              "Colab already has."},
    "notebooks_settings": {
        "ko": "먼저 크기를 정합니다. 책과 같은 크기로 CPU에서 훈련하면 오래 걸립니다. 빨리 한번 돌려 보려면 "
              "아래 숫자를 줄이세요 (예: 리뷰 2000개, 에포크 5).",
        "en": "First the sizes. At the book's sizes, training on a CPU takes a while; for a quick first run, make "
              "the numbers below smaller (e.g. 2000 reviews, 5 epochs)."},
    "notebooks_data": {
        "ko": "책의 데이터: `load_data(num_words={num_words})`는 IMDB 리뷰를 이미 정수 id의 **시퀀스**로 "
              "돌려주고, `train_test_split`이 훈련 세트의 20%를 검증 세트로 떼어 놓습니다 (random_state=42, "
              "책과 같은 분할). 그다음 `pad_sequences`가 모든 리뷰의 길이를 {maxlen}에 맞춥니다.",
        "en": "The book's data: `load_data(num_words={num_words})` returns the IMDB reviews already as "
              "**sequences** of integer ids, and `train_test_split` keeps 20% of the training set apart for "
              "validation (random_state=42, the book's split). Then `pad_sequences` brings every review to "
              "length {maxlen}."},
    "notebooks_tokens_code": {
        "ko": "페이지의 문장과 설정 그대로: 문장을 **토큰**으로 나누고, **어휘 사전**에서 id를 찾고 "
              "(1 = 시작, 2 = 어휘 사전 밖), `pad_sequences`가 길이 {maxlen}의 행렬을 만듭니다. "
              "출력되는 행렬은 페이지에 그려진 행렬과 같습니다.",
        "en": "The page's sentences and settings: each sentence is split into **tokens**, each token gets its id "
              "from the **vocabulary** (1 = start, 2 = out of vocabulary), and `pad_sequences` makes a matrix of "
              "length {maxlen}. The printed matrix is the one the page draws."},
    "notebooks_tokens_lengths": {
        "ko": "마지막 줄들은 훈련 세트 리뷰의 길이(토큰 수)와, maxlen={maxlen}에서 잘리는 리뷰와 패딩되는 리뷰의 "
              "비율을 출력합니다: 페이지의 히스토그램 위 숫자와 같습니다.",
        "en": "The last lines print the lengths (in tokens) of the training reviews and the shares of reviews "
              "truncated and padded at maxlen={maxlen}: the figures above the page's histogram."},
    "notebooks_layer": {
        "ko": "페이지의 문장, 셀, 가중치 그대로 만든 Keras `{kind}` 층입니다. 실행하면 먼저 파라미터 개수 "
              "({formula})를, 이어서 마지막 **은닉 상태**(h_{T})를 출력합니다. 가중치를 소수 넷째 자리까지 "
              "적었으므로 페이지의 값과 소수 셋째 자리까지 같습니다.",
        "en": "A Keras `{kind}` layer with the page's sentence, cell and weights. It prints the number of "
              "parameters ({formula}), then the last **hidden state** h_{T}. The weights are written to 4 "
              "decimals, so it matches the page to about 3."},
    "notebooks_oh_models": {
        "ko": "책의 두 모델: **원-핫 벡터**를 받는 SimpleRNN과, Embedding 층이 단어마다 {dim}개의 실수를 배우는 "
              "SimpleRNN입니다. 마지막 줄이 두 모델의 파라미터 개수({onehot}개, {embedding}개)를 출력합니다.",
        "en": "The book's two models: a SimpleRNN reading **one-hot** vectors, and one whose Embedding layer "
              "learns {dim} numbers per word. The last line prints their parameter counts ({onehot} and "
              "{embedding})."},
    "notebooks_oh_arrays": {
        "ko": "원-핫 입력: `to_categorical`이 패딩된 id 행렬을 (리뷰 수, {maxlen}, {num_words}) 배열로 바꿉니다. "
              "책의 크기(훈련 리뷰 20,000개, 검증 리뷰 5,000개)라면 두 배열의 크기가 {size}입니다. 메모리가 "
              "모자라면 위 설정 셀의 숫자를 줄이세요.",
        "en": "One-hot inputs: `to_categorical` turns the padded id matrix into a (reviews, {maxlen}, {num_words}) "
              "array. At the book's sizes (20,000 training and 5,000 validation reviews) the two arrays take "
              "{size}; if memory runs short, make the numbers of the settings cell smaller."},
    "notebooks_fit": {
        "ko": "두 모델을 책처럼 훈련합니다: RMSprop(학습률 1e-4), 배치 64, 검증 손실이 3 에포크 동안 나아지지 "
              "않으면 멈추고 가장 좋았던 가중치로 돌아갑니다.",
        "en": "Both models trained as in the book: RMSprop (learning rate 1e-4), batches of 64, stopping when the "
              "validation loss has not improved for 3 epochs, with the best weights restored."},
    "notebooks_results": {
        "ko": "훈련이 찾은 것: 파라미터 개수, 실제로 훈련한 에포크 수, 가장 좋은 검증 정확도.",
        "en": "What the run found: the number of parameters, the epochs it ran, the best validation accuracy."},
    "notebooks_review_model": {
        "ko": "페이지는 '{run}' 모델(앱의 `{folder}` 폴더)로 리뷰를 읽었습니다. 새 노트북에는 그 폴더가 없으므로 "
              "같은 설정으로 모델을 먼저 훈련해 `{mine}` 폴더에 저장합니다. 그래서 출력되는 확률은 페이지와 다를 "
              "수 있습니다. 페이지와 같은 모델을 쓰려면 앱 저장소의 `{folder}` 폴더를 노트북 옆에 복사하고 마지막 "
              "셀의 `{mine}`을 그 경로로 바꾸세요.",
        "en": "The page read the review with the model '{run}' (the app's folder `{folder}`). A fresh notebook does "
              "not have that folder, so it first trains a model with the same settings and saves it in `{mine}`; "
              "the probability it prints can differ from the page's. To use the page's model, copy the folder "
              "`{folder}` of the app's repository beside the notebook and put its path in place of `{mine}` in "
              "the last cell."},
    "notebooks_review_read": {
        "ko": "리뷰를 모델이 읽는 id로: 토큰마다 id (어휘 사전 밖은 2), 맨 앞에 시작 표시 1, 그리고 길이 {maxlen}에 "
              "맞춰 패딩합니다. 출력되는 id는 페이지의 것과 같고, 이어서 `{mine}` 모델이 긍정일 확률을 출력합니다.",
        "en": "The review as the ids a model reads: an id per token (2 when out of vocabulary), the start mark 1 "
              "first, padded to length {maxlen}. The printed ids are the page's; then the `{mine}` model prints "
              "its probability that the review is positive."},
}
