"""Strings of the "Training lab" page (see rnnviz.i18n)."""

STRINGS: dict[str, dict[str, str]] = {
    "train_title": {"ko": "훈련 실험실", "en": "Training lab"},
    "train_lead": {
        "ko": "책의 모델을 실제 IMDB 리뷰로 **훈련**합니다. 에포크마다 **훈련 세트**와 **검증 세트**의 손실과 정확도가 "
              "그래프에 그려집니다. 먼저 아래 질문에 답하고 참고 실행의 곡선을 본 뒤, 직접 훈련해 보세요.",
        "en": "Train the book's models on the real IMDB reviews: after every epoch the **training** and **validation** "
              "loss and accuracy are drawn. Answer the question below to see the reference runs' curves, then train "
              "your own.",
    },
    "train_early_stop_question": {"ko": "조기 종료는 언제 훈련을 멈추나요?", "en": "When does early stopping end training?"},
    "train_early_stop_text": {
        "ko": "검증 손실이 `patience` 에포크 동안 줄지 않으면 **조기 종료**가 훈련을 멈추고 가장 좋았던 에포크의 "
              "가중치로 되돌립니다 (책의 `EarlyStopping(patience=3, restore_best_weights=True)`).",
        "en": "When the validation loss has not improved for `patience` epochs, **early stopping** ends training and "
              "restores the weights of the best epoch (the book's `EarlyStopping(patience=3, "
              "restore_best_weights=True)`).",
    },
    # --- model choice -----------------------------------------------------------
    "train_model_title": {"ko": "모델과 설정", "en": "Model and settings"},
    "train_preset": {"ko": "책의 모델", "en": "The book's model"},
    "train_notebook_words": {
        "ko": "책의 어휘 사전 크기는 1판이 num_words=500, 현재 노트북의 9-2가 200입니다 (9-3은 500). 이 앱의 기본값은 500입니다.",
        "en": "The book's vocabulary: num_words=500 in the 1st edition, 200 in the current notebooks' 9-2 (500 "
              "in 9-3). "
              "This app's default: 500.",
    },
    "train_use_200": {"ko": "num_words = 200으로", "en": "Use num_words = 200"},
    "train_use_500": {"ko": "num_words = 500으로", "en": "Use num_words = 500"},
    "train_mode": {"ko": "훈련 범위", "en": "How much to train"},
    "train_mode_quick": {"ko": "빠르게 ({n:,}개 리뷰, 최대 {epochs} 에포크)",
                         "en": "Quick ({n:,} reviews, at most {epochs} epochs)"},
    "train_mode_full": {"ko": "책과 같이 ({n:,}개 리뷰, 최대 {epochs} 에포크)",
                        "en": "As the book ({n:,} reviews, up to {epochs} epochs)"},
    "train_mode_help": {
        "ko": "빠르게: 훈련 세트의 처음 {n:,}개와 검증 세트의 처음 {val:,}개로 짧게 훈련합니다. 책과 같이: "
              "훈련 20,000개, 검증 5,000개. 테스트는 둘 다 25,000개 전체로 합니다.",
        "en": "Quick: a short run on the first {n:,} training and {val:,} validation reviews. As the book: "
              "20,000 training and 5,000 validation reviews. Both are tested on all 25,000 test reviews.",
    },
    "train_cell": {"ko": "순환층 (셀)", "en": "Recurrent layer (cell)"},
    "train_inputs": {"ko": "입력", "en": "Input"},
    "train_inputs_onehot": {"ko": "원-핫 인코딩", "en": "one-hot"},
    "train_inputs_embedding": {"ko": "단어 임베딩", "en": "embedding"},
    "train_num_words": {"ko": "num_words (어휘 사전 크기)", "en": "num_words (vocabulary size)"},
    "train_layers": {"ko": "순환층 개수", "en": "Recurrent layers"},
    "train_units": {"ko": "뉴런 개수 (units)", "en": "Units"},
    "train_dropout": {"ko": "드롭아웃", "en": "Dropout"},
    "train_more": {"ko": "더 많은 설정", "en": "More settings"},
    "train_maxlen": {"ko": "maxlen (시퀀스 길이)", "en": "maxlen (sequence length)"},
    "train_embedding_dim": {"ko": "임베딩 벡터 크기", "en": "Embedding size"},
    "train_learning_rate": {"ko": "학습률 (RMSprop)", "en": "Learning rate (RMSprop)"},
    "train_batch_size": {"ko": "배치 크기", "en": "Batch size"},
    "train_epochs": {"ko": "최대 에포크", "en": "Max epochs"},
    "train_patience": {"ko": "조기 종료 patience", "en": "Early stopping patience"},
    "train_seed": {"ko": "시드", "en": "Random seed"},
    "train_seed_help": {
        "ko": "같은 시드면 같은 결과가 나옵니다. SimpleRNN은 시드에 따라 결과가 크게 달라지니 여러 시드로 비교해 보세요.",
        "en": "The same seed gives the same result. SimpleRNN results vary a lot with the seed: compare "
              "several seeds.",
    },
    "train_backend": {"ko": "Keras 백엔드", "en": "Keras backend"},
    "train_backend_help": {
        "ko": "jax: 더 빠릅니다. tensorflow: 책과 같은 엔진입니다. 둘의 차이는 아래 '내부 동작'에 있습니다.",
        "en": "jax: faster. tensorflow: the book's engine. How they differ: 'Under the hood' below.",
    },
    "train_onehot_too_wide": {
        "ko": "원-핫 인코딩은 num_words가 {limit:,} 이하일 때만 씁니다 (토큰 하나가 num_words개의 숫자가 됩니다). "
              "단어 임베딩을 쓰거나 num_words를 줄이세요.",
        "en": "One-hot input is limited to num_words ≤ {limit:,} (each token becomes num_words numbers). Use an "
              "embedding or a smaller vocabulary.",
    },
    "train_bad_settings": {"ko": "설정을 쓸 수 없습니다: {error}", "en": "These settings cannot be used: {error}"},
    "train_under_the_hood": {
        "ko": "- 훈련은 이 페이지가 아니라 따로 실행되는 **훈련 프로세스**(`python -m rnnviz.train`)가 합니다. 페이지는 "
              "그 프로세스가 실행 폴더에 쓰는 기록을 읽어 그래프로 그립니다.\n"
              "- **Keras 백엔드**: Keras 3는 같은 모델 코드를 JAX나 TensorFlow로 실행합니다. 이 프로젝트의 측정(README, "
              "BENCHMARKS.md)에서 JAX로 훈련하는 이 앱은 책의 TensorFlow 코드보다 CPU에서 에포크당 5~8배 빨랐습니다. "
              "JAX에서 빠르게 모드는 보통 1분 안에 끝나고, 책과 같이 훈련하면 에포크당 몇 초 걸립니다.\n"
              "- 두 백엔드는 같은 모델(같은 층, 같은 파라미터 개수)을 만들지만, 초기 가중치를 만드는 난수 생성기와 "
              "부동소수점 계산이 달라서 같은 시드라도 결과의 숫자가 다릅니다. 한 번의 실행이 아니라 여러 시드로 비교하세요.\n"
              "- 참고 실행은 JAX로 훈련했습니다.",
        "en": "- Training runs not in this page but in a separate **training process** (`python -m rnnviz.train`); "
              "the page reads what it writes into the run folder and draws it.\n"
              "- **Keras backend**: Keras 3 runs the same model code on JAX or TensorFlow. In this project's "
              "measurements (README, BENCHMARKS.md) the app training on JAX was 5–8× faster per epoch on a CPU than "
              "the book's TensorFlow code. On JAX a quick run usually ends within a minute; training as the book "
              "does takes a few seconds per epoch.\n"
              "- Both backends build the same model (same layers, same parameter count), but their random number "
              "generators for the initial weights and their floating-point arithmetic differ, so the same seed gives "
              "different numbers on each. Compare several seeds, not single runs.\n"
              "- The reference runs were trained on JAX.",
    },
    # --- summary ----------------------------------------------------------------
    "train_summary_title": {"ko": "모델 구조 (model.summary())", "en": "Model structure (model.summary())"},
    "train_col_layer": {"ko": "층 (종류)", "en": "Layer (type)"},
    "train_col_shape": {"ko": "출력 크기", "en": "Output shape"},
    "train_col_params": {"ko": "파라미터 개수", "en": "Param #"},
    "train_book_params": {"ko": "책의 같은 모델: {n:,}개", "en": "The book's same model: {n:,}"},
    "train_is_preset": {"ko": "책의 모델: {name}", "en": "The book's model: {name}"},
    "train_not_preset": {"ko": "책의 여섯 모델과 다른 설정입니다.", "en": "Not one of the book's six models."},
    "train_code_title": {"ko": "같은 일을 하는 Keras 코드", "en": "The same in Keras code"},
    "train_code_caption": {
        "ko": "책의 코드와 같습니다. 단, 원-핫 인코딩은 `to_categorical`로 ({n}, {maxlen}, {num_words}) 배열을 한꺼번에 "
              "만들지 않고 `CategoryEncoding` 층이 배치마다 만듭니다.",
        "en": "The book's code. One difference: one-hot vectors are made batch by batch by a "
              "`CategoryEncoding` layer instead of one ({n}, {maxlen}, {num_words}) array from `to_categorical`.",
    },
    # --- launching and watching --------------------------------------------------
    "train_launch": {"ko": "훈련 시작", "en": "Start training"},
    "train_err_already_queued": {
        "ko": "이미 대기열에 내 실행이 있습니다 (대기 순서 {place} / {total}). 새로 넣지 않았습니다. 다른 설정으로 "
              "훈련하려면 먼저 그 대기를 취소하세요.",
        "en": "Already queued: your run waits at place {place} / {total}. Nothing new was added; to train other "
              "settings, cancel that one first.",
    },
    "train_err_no_run": {"ko": "실행을 찾을 수 없습니다: {run}", "en": "Run {run} was not found."},
    "train_err_limit_epochs": {
        "ko": "에포크 {n}번은 이 서버의 한도({limit}번)를 넘습니다. 에포크 수를 줄이세요 (관리자 설정 RNNVIZ_MAX_EPOCHS).",
        "en": "{n} epochs is more than this server allows ({limit}). Lower the epochs (the admin's setting "
              "RNNVIZ_MAX_EPOCHS).",
    },
    "train_err_limit_params": {
        "ko": "이 모델의 파라미터 {n:,}개(가중치 {mb:,.0f} MB)는 이 서버의 한도({limit:,}개)를 넘습니다. 어휘 사전 크기, "
              "임베딩 벡터 크기나 유닛 수를 줄이세요 (관리자 설정 RNNVIZ_MAX_PARAMS).",
        "en": "This model's {n:,} parameters ({mb:,.0f} MB of weights) are more than this server allows "
              "({limit:,}). Lower the vocabulary, the embedding size or the units (the admin's setting "
              "RNNVIZ_MAX_PARAMS).",
    },
    "train_err_limit_memory": {
        "ko": "이 훈련은 메모리를 약 {mb:,.0f} MB 쓸 것으로 예상되어 이 서버의 한도({limit:,} MB)를 넘습니다. 배치 크기, "
              "maxlen이나 원-핫 어휘 사전을 줄이세요 (관리자 설정 RNNVIZ_MAX_MEMORY_MB).",
        "en": "This run would need about {mb:,.0f} MB of memory, more than this server allows ({limit:,} MB). "
              "Lower the batch size, maxlen or the one-hot vocabulary (the admin's setting RNNVIZ_MAX_MEMORY_MB).",
    },
    "train_cost": {
        "ko": "예상: 최대 메모리 약 {mb:,.0f} MB (한도 {limit_mb:,} MB) · 가중치 {size} · 파라미터 한도 {limit_params:,}개",
        "en": "Estimated: peak memory ~{mb:,.0f} MB (limit {limit_mb:,} MB) · weights {size} · parameter limit "
              "{limit_params:,}",
    },
    "train_err_limit_reviews": {
        "ko": "훈련 리뷰 {n:,}개는 이 서버의 한도({limit:,}개)를 넘습니다. 빠른 훈련을 고르세요 (관리자 설정 "
              "RNNVIZ_MAX_REVIEWS).",
        "en": "{n:,} training reviews is more than this server allows ({limit:,}). Choose the quick run (the "
              "admin's setting RNNVIZ_MAX_REVIEWS).",
    },
    "train_err_store_full": {
        "ko": "저장된 실행 {n}개(한도 {limit}개)가 모두 아직 훈련 중이라 새 실행을 위한 자리를 만들 수 없습니다. "
              "하나가 끝나면 다시 시작하세요. (끝난 실행은 가장 오래된 것부터 자리를 내줍니다.)",
        "en": "All {n} stored runs (the limit is {limit}) are still training, so none can make room for a new one. "
              "Start again when one has finished. (Finished runs make room, the oldest first.)",
    },
    "train_operator_title": {"ko": "선생님: 모든 실행 관리", "en": "For the teacher: manage every run"},
    "train_operator_entry": {"ko": "운영자 토큰 (서버의 RNNVIZ_ADMIN_TOKEN)", "en": "Operator token (the server's RNNVIZ_ADMIN_TOKEN)"},
    "train_operator_on": {
        "ko": "운영자 모드입니다. 이 탭에서는 누구의 실행이든 멈추고, 대기열에서 빼고, 지울 수 있습니다.",
        "en": "Operator mode: in this tab you may stop, cancel and delete anyone's run.",
    },
    "train_operator_off": {"ko": "운영자 모드 끄기", "en": "Leave operator mode"},
    "train_operator_wrong": {"ko": "운영자 토큰이 아닙니다. 서버를 띄운 사람에게 확인하세요.",
                             "en": "That is not the operator token. Ask whoever runs the server."},
    "train_err_queue_full": {
        "ko": "이미 {n}개의 실행이 차례를 기다리고 있습니다(한도 {limit}개). 잠시 뒤 다시 시작하세요.",
        "en": "{n} runs are already waiting for their turn (the limit is {limit}). Start again in a little while.",
    },
    "train_err_status_damaged": {
        "ko": "실행({run})의 상태 파일이 손상되었고, 누구의 실행인지 기록한 사본도 없어 아무것도 바꾸지 않았습니다.",
        "en": "The status file of run {run} is damaged and no copy says whose run it is, so nothing was changed.",
    },
    "train_err_not_yours": {
        "ko": "실행({run})은 다른 방문자가 시작했습니다. 그 사람만 멈추거나 지울 수 있습니다.",
        "en": "Run {run} was started by another visitor: only they can stop or delete it.",
    },
    "train_not_yours_note": {
        "ko": "다른 방문자가 시작한 실행입니다. 볼 수는 있지만 멈추거나 지울 수는 없습니다.",
        "en": "Another visitor started this run: you can watch it, not stop or delete it.",
    },
    # --- faults: a frozen worker, a read-only or full disk ------------------------------------
    "train_err_runs_readonly": {
        "ko": "실행 폴더 {folder}에 쓸 수 없어(읽기 전용 파일 시스템이거나 권한 없음) 훈련을 시작할 수 없습니다. 관리자에게 "
              "폴더를 쓸 수 있게 하거나 RNNVIZ_RUNS_DIR을 쓸 수 있는 폴더로 바꿔 달라고 하세요.",
        "en": "The runs folder {folder} cannot be written (a read-only file system or no permission), so no run can "
              "start. Ask the admin to make it writable or to set RNNVIZ_RUNS_DIR to a writable folder.",
    },
    "train_err_disk_full": {
        "ko": "실행 폴더가 있는 디스크가 가득 찼습니다(errno ENOSPC, No space left on device). 아래에서 필요 없는 실행을 "
              "지우거나 관리자에게 공간을 늘려 달라고 한 뒤 다시 시작하세요.",
        "en": "The disk holding the runs folder is full (errno ENOSPC, no space left on device). Delete runs you no "
              "longer need below, or ask the admin to free space, then start again.",
    },
    "train_err_runs_os": {
        "ko": "훈련을 시작하지 못했습니다: {error} (실행 폴더 {folder}). 잠시 뒤 다시 해 보고, 계속되면 관리자에게 알리세요.",
        "en": "Training could not start: {error} (runs folder {folder}). Try again in a moment; if it persists, "
              "tell the admin.",
    },
    "train_err_disk_full_run": {
        "ko": "훈련 중에 실행 폴더가 있는 디스크가 가득 찼습니다(No space left on device). 필요 없는 실행을 지우거나 "
              "관리자에게 공간을 늘려 달라고 하세요.",
        "en": "the disk holding the runs folder filled up during training (no space left on device). Delete runs "
              "you no longer need, or ask the admin to free space.",
    },
    "train_interrupted_disk_full": {
        "ko": "디스크가 가득 차서(No space left on device) 이 실행의 프로세스가 끝까지 가지 못했습니다. 그때까지의 기록은 "
              "남아 있습니다. 필요 없는 실행을 지우거나 관리자에게 공간을 늘려 달라고 하세요.",
        "en": "This run's process ended because the disk was full (no space left on device); the history up to then "
              "is kept. Delete runs you no longer need, or ask the admin to free space.",
    },
    "train_stalled_msg": {
        "ko": "이 실행의 훈련 프로세스가 {time} 동안 응답이 없습니다(멈춰 버렸을 수 있습니다). 이제 훈련 자리를 차지하지 "
              "않으며, 시작한 사람이 끝낼 수 있습니다.",
        "en": "No word from this run's worker for {time} (it may be frozen): it no longer holds a training slot, "
              "and whoever started it can end it.",
    },
    "train_end": {"ko": "끝내기", "en": "End"},
    "train_end_help": {
        "ko": "훈련 프로세스를 끝냅니다(먼저 종료를 요청하고, 끝나지 않으면 강제로). 지금까지의 기록과 최상의 가중치는 "
              "남습니다.",
        "en": "Ends the worker process (asks it to terminate, then kills it); the history and best weights so far "
              "are kept.",
    },
    "train_err_end_failed": {
        "ko": "실행({run})의 훈련 프로세스를 끝내지 못했습니다(다른 사용자의 프로세스이거나, 훈련 클러스터가 응답하지 "
              "않습니다). 관리자에게 알리세요.",
        "en": "Run {run}'s worker could not be ended (it may belong to another user, or the training cluster does "
              "not answer). Tell the admin.",
    },
    "train_err_cluster": {
        "ko": "훈련을 시작하지 못했습니다: 훈련 클러스터가 실행을 받지 않았습니다 ({error}). 잠시 뒤 다시 해 보고, 계속되면 "
              "관리자에게 알리세요 (관리자 설정 RNNVIZ_LAUNCHER, RAY_ADDRESS).",
        "en": "Training could not start: the training cluster did not take the run ({error}). Try again in a moment; "
              "if it persists, tell the admin (the admin's settings RNNVIZ_LAUNCHER, RAY_ADDRESS).",
    },
    "train_err_delete_active": {"ko": "실행({run})은 아직 훈련 중입니다. 먼저 멈추세요.",
                                "en": "Run {run} is still training; stop it first."},
    "train_busy_info": {"ko": "지금 훈련 중: {run}", "en": "Training now: {run}"},
    "train_live_title": {"ko": "훈련 중", "en": "Training"},
    "train_phase_queued": {"ko": "시작하는 중…", "en": "Starting…"},
    "train_phase_preparing": {"ko": "준비하는 중…", "en": "Getting ready…"},
    "train_phase_compiling": {"ko": "에포크 1: 훈련 단계를 컴파일하는 중…", "en": "Epoch 1: compiling the training step…"},
    "train_phase_training": {"ko": "훈련 중", "en": "Training"},
    "train_phase_testing": {"ko": "테스트 세트로 평가하는 중…", "en": "Evaluating on the test set…"},
    "train_step_python": {"ko": "Python 훈련 프로세스 시작", "en": "Starting Python (the training process)"},
    "train_step_data": {"ko": "IMDB 데이터 읽기", "en": "Reading the IMDB data"},
    "train_step_keras": {"ko": "Keras 불러오기 ({backend})", "en": "Importing Keras ({backend})"},
    "train_step_model": {"ko": "모델 만들기", "en": "Building the model"},
    "train_step_compile": {"ko": "훈련 단계 컴파일 (첫 배치)", "en": "Compiling the training step (first batch)"},
    "train_step_epoch1": {"ko": "에포크 1 (나머지 배치와 검증)", "en": "Epoch 1 (the other batches and validation)"},
    "train_step_so_far": {"ko": "{time}째…", "en": "{time} so far…"},
    "train_step_short_python": {"ko": "Python", "en": "Python"},
    "train_step_short_data": {"ko": "데이터", "en": "data"},
    "train_step_short_keras": {"ko": "Keras", "en": "Keras"},
    "train_step_short_model": {"ko": "모델", "en": "model"},
    "train_step_short_compile": {"ko": "컴파일", "en": "compiling"},
    "train_step_short_epoch1": {"ko": "에포크 1", "en": "epoch 1"},
    "train_steps_note": {
        "ko": "데이터 읽기와 Keras 불러오기는 동시에 합니다. 이 컴퓨터에서 처음 훈련할 때는 데이터 캐시와 컴파일 캐시를 "
              "만드느라 더 걸리고, 같은 모델을 다시 훈련하면 빨리 시작합니다.",
        "en": "The data is read while Keras is imported. The first run on a machine takes longer (it fills the "
              "data and compile caches); training the same model again starts sooner.",
    },
    "train_first_point": {"ko": "클릭하고 {time} 뒤에 첫 점: {parts}.",
                          "en": "First curve point {time} after the click: {parts}."},
    "train_first_point_queued": {"ko": "대기열에서 차례가 오고 {time} 뒤에 첫 점: {parts}.",
                                 "en": "First curve point {time} after its turn in the queue came: {parts}."},
    "train_progress": {
        "ko": "에포크 {epoch} / {epochs} · 경과 {elapsed} · 남은 시간 최대 {remaining}",
        "en": "Epoch {epoch} / {epochs} · elapsed {elapsed} · at most {remaining} left",
    },
    "train_progress_start": {"ko": "에포크 0 / {epochs} · 경과 {elapsed}",
                             "en": "Epoch 0 / {epochs} · elapsed {elapsed}"},
    "train_progress_batch": {"ko": "에포크 {epoch} / {epochs} 진행 중 · 배치 {batch} / {batches} · 경과 {elapsed}",
                             "en": "Epoch {epoch} / {epochs} running · batch {batch} / {batches} · elapsed {elapsed}"},
    "train_launch_wait_mine": {
        "ko": "내 실행이 훈련 중입니다. 끝나거나 멈춘 뒤에 새로 시작할 수 있습니다.",
        "en": "Your run is training: start another when it has finished or been stopped.",
    },
    "train_warming_up": {
        "ko": "이 서버의 첫 훈련이 빨리 시작되도록 데이터와 컴파일을 미리 준비하고 있습니다 (처음 한 번, 10초쯤). "
              "지금 시작해도 됩니다.",
        "en": "Getting this server ready so its first run starts sooner: reading the data and compiling (once, "
              "about 10 s). You can start now all the same.",
    },
    "train_launch_wait_queued": {
        "ko": "내 실행이 대기열에 있습니다. 차례가 오면 저절로 시작됩니다 (페이지를 닫아도 됩니다).",
        "en": "Your run is in the queue: it starts by itself when its turn comes (even with this page closed).",
    },
    "train_launch_will_queue": {
        "ko": "이 서버는 한 번에 {limit}개만 훈련하는데, 지금 자리가 모두 찼습니다. 시작하면 대기열 {place}번째로 "
              "들어가고, 먼저 누른 순서대로 차례가 옵니다 (한 사람에 하나씩).",
        "en": "This server trains {limit} run(s) at a time and all are taken: a run you start now joins the queue "
              "at place {place}, first come, first served (one per visitor).",
    },
    # --- the queue (rnnviz.run_queue) -----------------------------------------------
    "train_waiting_title": {"ko": "대기열에서 기다리는 중", "en": "Waiting in the queue"},
    "train_queue_place": {"ko": "대기 순서 {place} / {total}", "en": "Place in the queue: {place} / {total}"},
    "train_queue_eta": {
        "ko": "예상 시작: 약 {time} 뒤. 이 서버에서 잰 에포크 시간과 앞 실행들의 에포크 수로 어림한 값이며, 조기 "
              "종료가 되면 더 빨라집니다.",
        "en": "Expected to start in about {time}: reckoned from the epoch times measured on this server and the "
              "epochs of the runs ahead; early stopping makes it sooner.",
    },
    "train_queue_eta_unknown": {
        "ko": "예상 시작 시간은 앞 실행이 에포크를 하나 마치면 알 수 있습니다.",
        "en": "The expected start is known once a run ahead has finished an epoch.",
    },
    "train_cancel": {"ko": "대기 취소", "en": "Cancel waiting"},
    "train_cancel_started": {
        "ko": "이미 훈련이 시작되었습니다. 멈추려면 '훈련 멈추기'를 누르세요.",
        "en": "It has started training already: use 'Stop training' instead.",
    },
    "train_queue_title": {"ko": "대기열: 기다리는 실행 {n}개", "en": "The queue: {n} run(s) waiting"},
    "train_queue_caption": {
        "ko": "한 번에 {limit}개씩, 먼저 누른 순서대로 훈련합니다. 한 사람은 하나만 기다릴 수 있습니다.",
        "en": "Trained {limit} at a time, first come, first served; each visitor may have one run waiting.",
    },
    "train_col_place": {"ko": "대기 순서", "en": "Place"},
    "train_col_whose": {"ko": "누구의 실행", "en": "Whose"},
    "train_whose_other": {"ko": "다른 방문자", "en": "another visitor"},
    "train_whose_command_line": {"ko": "명령줄 실행", "en": "command-line run"},
    # --- the result of a run --------------------------------------------------------
    "train_result_title": {"ko": "훈련 결과", "en": "Result"},
    "train_result_mine": {"ko": "내 실행", "en": "Your run"},
    "train_result_reference": {"ko": "참고 실행 (같은 모델, 전체 데이터, 시드 {n}개 평균)",
                               "en": "Reference runs (same model, full data, mean of {n} seeds)"},
    "train_result_epochs": {"ko": "최상의 에포크 / 훈련한 에포크", "en": "Best epoch / epochs trained"},
    "train_result_val_acc": {"ko": "검증 정확도 (최상의 에포크)", "en": "Validation accuracy (best epoch)"},
    "train_result_test_acc": {"ko": "테스트 정확도", "en": "Test accuracy"},
    "train_result_not_tested": {"ko": "멈춘 실행은 테스트 세트로 평가하지 않습니다.",
                                "en": "A stopped run is not evaluated on the test set."},
    "train_result_quick_note": {
        "ko": "빠르게 모드는 리뷰 {n:,}개로 최대 {epochs} 에포크만 훈련하므로 일부러 덜 훈련합니다. 책과 같이 훈련하면 "
              "(리뷰 20,000개, 조기 종료까지) 이 모델은 검증 정확도 {val:.3f}, 테스트 정확도 {test:.3f}에 이릅니다 "
              "(참고 실행 평균).",
        "en": "Quick mode trains on {n:,} reviews for at most {epochs} epochs, so it under-trains by design. "
              "Trained as the book does (20,000 reviews, until early stopping), this model reaches a validation "
              "accuracy of {val:.3f} and a test accuracy of {test:.3f} (mean of the reference runs).",
    },
    "train_result_quick_only": {
        "ko": "빠르게 모드는 리뷰 {n:,}개로 최대 {epochs} 에포크만 훈련하므로 일부러 덜 훈련합니다. 책과 같이 "
              "훈련하면 더 높아집니다.",
        "en": "Quick mode trains on {n:,} reviews for at most {epochs} epochs, so it under-trains by design; "
              "trained as the book does it scores higher.",
    },
    "train_result_no_reference": {
        "ko": "이 설정에는 참고 실행이 없습니다 (책의 여섯 모델에만 있습니다).",
        "en": "There is no reference run for these settings (only the book's six models have them).",
    },
    "train_label_quick": {"ko": "빠르게", "en": "quick"},
    "train_label_full": {"ko": "책과 같이", "en": "full"},
    "train_mine_title": {"ko": "내 실행", "en": "Your runs"},
    "train_others_title": {"ko": "이 서버의 다른 실행 {n}개 (다른 방문자, 명령줄)",
                           "en": "{n} other runs on this server (other visitors, the command line)"},
    "train_more_columns": {"ko": "열 모두 보기 (설정, 백엔드, 손실, 속도…)",
                           "en": "Show all columns (settings, backend, loss, speed…)"},
    "train_col_name": {"ko": "실행", "en": "run"},
    "train_stop": {"ko": "훈련 멈추기", "en": "Stop training"},
    "train_stop_requested": {
        "ko": "멈추라고 요청했습니다. 지금 배치가 끝나면 멈추고, 기록과 최상의 가중치는 남습니다.",
        "en": "Stop requested: training ends after the current batch, keeping its history and best weights.",
    },
    "train_remaining_note": {
        "ko": "조기 종료 때문에 보통 더 일찍 끝납니다.",
        "en": "Early stopping usually ends it sooner.",
    },
    "train_metric_val_loss": {"ko": "최저 검증 손실", "en": "Best val_loss"},
    "train_metric_val_acc": {"ko": "그때 검증 정확도", "en": "val_accuracy there"},
    "train_metric_best_epoch": {"ko": "최상의 에포크", "en": "Best epoch"},
    "train_metric_speed": {"ko": "에포크당 시간", "en": "Time per epoch"},
    # --- charts -----------------------------------------------------------------
    "train_loss": {"ko": "손실", "en": "Loss"},
    "train_accuracy": {"ko": "정확도", "en": "Accuracy"},
    "train_epoch_axis": {"ko": "에포크", "en": "Epoch"},
    "train_train": {"ko": "훈련", "en": "train"},
    "train_val": {"ko": "검증", "en": "validation"},
    "train_best": {"ko": "최상의 에포크", "en": "best epoch"},
    "train_early_stop": {"ko": "조기 종료", "en": "early stop"},
    "train_chart_legend": {
        "ko": "실선 = 훈련 세트, 점선 = 검증 세트 (같은 색 = 같은 실행). ★ = 검증 손실이 가장 낮은 에포크 "
              "(조기 종료가 되돌리는 가중치), ✕ = 조기 종료로 멈춘 에포크.",
        "en": "Solid = training set, dashed = validation set (one colour per run). ★ = the epoch with the lowest "
              "validation loss (the weights early stopping restores), ✕ = where early stopping ended the run.",
    },
    # --- runs table -----------------------------------------------------------------
    "train_reference_title": {"ko": "참고 실행 {n}개 (읽기 전용)", "en": "{n} reference runs (read-only)"},
    "train_reference_caption": {
        "ko": "이 앱의 훈련 프로세스가 책의 설정 그대로 IMDB 전체 데이터로 훈련해 앱과 함께 배포한 실행입니다(모델마다 시드 3개). "
              "`python -m rnnviz.reference`로 다시 만들 수 있습니다. 아래에서 내 실행과 나란히 비교할 수 있습니다.",
        "en": "Runs trained by this app's training process on the full IMDB data with the book's settings and "
              "shipped with "
              "the app (three seeds per model); `python -m rnnviz.reference` makes them again. Compare them with "
              "your runs below.",
    },
    "train_reference_note": {"ko": "참고 실행은 지울 수 없습니다.", "en": "Reference runs cannot be deleted."},
    "train_no_runs": {"ko": "아직 실행이 없습니다. 위에서 훈련을 시작하세요.",
                      "en": "No runs yet. Start one above."},
    "train_col_model": {"ko": "모델", "en": "model"},
    "train_col_settings": {"ko": "설정", "en": "settings"},
    "train_col_backend": {"ko": "백엔드", "en": "backend"},
    "train_col_state": {"ko": "상태", "en": "status"},
    "train_col_epochs": {"ko": "에포크", "en": "epochs"},
    "train_col_best_epoch": {"ko": "최상의 에포크", "en": "best epoch"},
    "train_col_val_loss": {"ko": "검증 손실", "en": "val_loss"},
    "train_col_val_acc": {"ko": "검증 정확도", "en": "val_accuracy"},
    "train_col_test_acc": {"ko": "테스트 정확도", "en": "test accuracy"},
    "train_col_speed": {"ko": "초/에포크", "en": "s/epoch"},
    "train_col_started": {"ko": "시작", "en": "started"},
    "train_settings_text": {"ko": "리뷰 {n:,}개", "en": "{n:,} reviews"},
    "train_state_waiting": {"ko": "대기 중", "en": "waiting"},
    "train_state_queued": {"ko": "시작하는 중", "en": "starting"},
    "train_state_running": {"ko": "훈련 중", "en": "running"},
    "train_state_done": {"ko": "완료", "en": "done"},
    "train_state_failed": {"ko": "실패", "en": "failed"},
    "train_state_stopped": {"ko": "멈춤", "en": "stopped"},
    "train_state_interrupted": {"ko": "중단됨", "en": "interrupted"},
    "train_state_broken": {"ko": "손상됨", "en": "damaged"},
    "train_state_stalled": {"ko": "응답 없음", "en": "stalled"},
    "train_cluster_silent": {"ko": "클러스터가 응답하지 않습니다", "en": "the cluster does not answer"},
    "train_compare": {"ko": "겹쳐 그릴 실행", "en": "Runs to overlay"},
    "train_pick_compare": {"ko": "비교할 실행을 하나 이상 고르세요.", "en": "Pick one or more runs to compare."},
    "train_selected_run": {"ko": "실행 하나 고르기", "en": "One run"},
    "train_download_history": {"ko": "기록 CSV 내려받기", "en": "Download history CSV"},
    "train_download_model": {"ko": "모델 (.keras) 내려받기", "en": "Download model (.keras)"},
    "train_no_model": {"ko": "저장된 모델이 아직 없습니다.", "en": "No model saved yet."},
    "train_delete": {"ko": "실행 삭제", "en": "Delete run"},
    "train_delete_confirm": {"ko": "실행 {run}의 모든 파일을 지울까요? 되돌릴 수 없습니다.",
                             "en": "Delete every file of run {run}? This cannot be undone."},
    "train_delete_yes": {"ko": "예, 삭제", "en": "Yes, delete"},
    "train_delete_no": {"ko": "취소", "en": "Cancel"},
    "train_owner_unknown_note": {
        "ko": "상태 파일이 손상되어 누가 시작한 실행인지 알 수 없습니다. 운영자만 지울 수 있습니다.",
        "en": "This run's status file is damaged, so who started it is unknown: only the operator can delete it.",
    },
    "train_failed_msg": {"ko": "이 실행은 실패했습니다: {error}", "en": "This run failed: {error}"},
    "train_log": {"ko": "훈련 프로세스 출력 (마지막 줄)", "en": "Training process output (last lines)"},
    "train_interrupted_msg": {
        "ko": "이 실행의 프로세스가 끝까지 가지 못하고 사라졌습니다. 그때까지의 기록은 남아 있습니다.",
        "en": "This run's process disappeared before it finished. The history up to then is kept.",
    },
    "train_broken_msg": {
        "ko": "이 실행의 파일이 손상되어 그 파일은 읽지 않았습니다. 이 실행은 지울 수 있습니다.",
        "en": "Files of this run are damaged, so they were not read. You can delete the run.",
    },
    # why a run is damaged (rnnviz.run_files.DamagedFile keys)
    "train_run_damaged_folder_link": {
        "ko": "실행 폴더가 심볼릭 링크입니다 (따라가지 않음; 지우면 링크만 지워집니다)",
        "en": "the run folder is a symbolic link (not followed; deleting removes only the link)",
    },
    "train_run_damaged_link": {"ko": "{file}: 심볼릭 링크라서 따라가지 않았습니다", "en": "{file} is a symbolic link (not followed)"},
    "train_run_damaged_not_file": {"ko": "{file}: 일반 파일이 아닙니다", "en": "{file} is not a regular file"},
    "train_run_damaged_too_large": {"ko": "{file}: {size:,}바이트로 한도 {limit:,}바이트를 넘습니다",
                              "en": "{file} is {size:,} bytes, over its limit of {limit:,}"},
    "train_run_damaged_unpacked": {"ko": "{file}: 압축을 풀면 {size:,}바이트로 한도 {limit:,}바이트를 넘습니다",
                             "en": "{file} would unpack to {size:,} bytes, over its limit of {limit:,}"},
    "train_run_damaged_unreadable": {"ko": "{file}: 읽을 수 없습니다 ({error})", "en": "{file} cannot be read ({error})"},
    "train_run_damaged_missing": {"ko": "{file} 파일이 없습니다", "en": "{file} is missing"},
    "train_run_damaged_format": {"ko": "{file}: 올바른 JSON 객체가 아닙니다 ({error})", "en": "{file} is not a valid JSON object ({error})"},
    "train_run_damaged_field": {"ko": "{file}: {field} 값이 올바르지 않습니다: {value}", "en": "{file}: {field} has an invalid value, {value}"},
    "train_run_damaged_line": {"ko": "{file}: {line}번째 줄이 숫자로 된 행이 아닙니다", "en": "{file}: line {line} is not a row of numbers"},
    "train_run_damaged_nul": {"ko": "{file}: NUL 바이트가 들어 있습니다 (쓰는 도중에 잘렸습니다)",
                              "en": "{file} holds NUL bytes (it was cut while being written)"},
    "train_run_damaged_header": {"ko": "{file}: 첫 줄이 열 이름으로 된 머리글이 아닙니다",
                                 "en": "{file}: line 1 is not a header of column names"},
    "train_run_damaged_invalid": {"ko": "{file}: 올바르지 않습니다 ({error})", "en": "{file} is invalid ({error})"},
    "train_book_title": {"ko": "책에 실린 결과", "en": "The book's published results"},
    "train_book_caption": {
        "ko": "현재 노트북 (Colab, Keras 3). 책의 어휘 사전 크기는 1판이 num_words=500, 현재 노트북의 9-2가 200입니다 (9-3은 500). "
              "SimpleRNN은 시드에 민감하므로 "
              "한 번의 실행이 아니라 여러 시드를 비교하세요.",
        "en": "The current notebooks (Colab, Keras 3). The book's vocabulary: num_words=500 in the 1st "
              "edition, 200 in the current notebooks' 9-2 (500 in 9-3). SimpleRNN is "
              "seed-sensitive: compare several seeds, not one run.",
    },
    "train_col_stopped_epoch": {"ko": "멈춘 에포크", "en": "stopped at epoch"},
    "train_reproduce_title": {"ko": "책의 결과와 참고 모델 비교", "en": "The book's results vs. the reference runs"},
    "train_reproduce_caption": {
        "ko": "왼쪽은 책(현재 노트북, Colab, Keras 3), 오른쪽은 이 앱의 훈련 프로세스가 같은 설정으로 시드 {seeds}개씩 "
              "훈련한 참고 모델입니다: 평균 ± 표준편차 (최솟값–최댓값). 차이는 검증 정확도 평균과 책의 차이(%p)입니다. "
              "책의 어휘 사전 크기는 1판이 num_words=500, 현재 노트북의 9-2가 200입니다 (9-3은 500). SimpleRNN은 시드에 따라 "
              "검증 정확도가 {low:.3f}에서 {high:.3f}까지 달라질 만큼 민감합니다.",
        "en": "Left: the book (current notebooks, Colab, Keras 3). Right: reference runs trained by this app's "
              "training process "
              "with the same settings, {seeds} seeds each: mean ± sd (min–max). The gap is our mean validation "
              "accuracy minus the book's, in points. The book's vocabulary: num_words=500 in the 1st edition, "
              "200 in the current notebooks' 9-2 (500 in 9-3). "
              "SimpleRNN is seed-sensitive: its validation accuracy ranges from "
              "{low:.3f} to {high:.3f} across seeds here.",
    },
    "train_col_seeds": {"ko": "시드", "en": "seeds"},
    "train_col_book_epoch": {"ko": "책: 멈춘 에포크", "en": "book: stopped at"},
    "train_col_our_epochs": {"ko": "참고: 에포크", "en": "ours: epochs"},
    "train_col_book_val_acc": {"ko": "책: 검증 정확도", "en": "book: val_accuracy"},
    "train_col_our_val_acc": {"ko": "참고: 검증 정확도", "en": "ours: val_accuracy"},
    "train_col_gap": {"ko": "차이 (%p)", "en": "gap (points)"},
    "train_col_our_test_acc": {"ko": "참고: 테스트 정확도", "en": "ours: test accuracy"},
    # --- quiz --------------------------------------------------------------------------
    "train_quiz_q": {
        "ko": "어휘 사전 크기가 같을 때(num_words={num_words}) LSTM과 SimpleRNN(단어 임베딩)을 훈련하면, 어느 쪽의 "
              "최고 검증 정확도가 더 높을까요?",
        "en": "With the same vocabulary (num_words={num_words}), which reaches the higher best validation accuracy: "
              "LSTM or SimpleRNN (with an embedding)?",
    },
    "train_quiz_a0": {"ko": "LSTM", "en": "LSTM"},
    "train_quiz_a1": {"ko": "SimpleRNN", "en": "SimpleRNN"},
    "train_quiz_a2": {"ko": "거의 같다", "en": "About the same"},
    "train_quiz_why": {
        "ko": "LSTM은 셀 상태와 게이트 덕분에 긴 시퀀스의 앞부분 정보를 더 멀리 전달합니다.",
        "en": "An LSTM's cell state and gates carry information from early in a long sequence much further.",
    },
    "train_quiz_reference": {
        "ko": "같은 num_words={num_words}로 미리 훈련한 참고 실행의 최고 검증 정확도 (시드 {seeds}개, 평균 ± 표준편차 "
              "(범위)): LSTM {lstm}, SimpleRNN {rnn}. SimpleRNN은 시드에 따라 크게 흔들리기도 합니다.",
        "en": "The reference runs, trained beforehand at the same num_words={num_words} (best validation accuracy over "
              "{seeds} seeds, mean ± sd (range)): LSTM {lstm}, SimpleRNN {rnn}. SimpleRNN can also swing widely "
              "with its seed.",
    },
    "train_quiz_no_reference": {
        "ko": "참고 실행이 없어 비교할 수치가 없습니다. 두 모델을 같은 설정으로 직접 훈련해 보세요.",
        "en": "There are no reference runs to compare. Train both models with the same settings yourself.",
    },
    "train_quiz_yours": {
        "ko": "여기서 훈련한 결과 (전체 데이터, 실행 중 가장 좋은 값): LSTM {lstm}, SimpleRNN {rnn}.",
        "en": "Your runs here (full data, the best of each): LSTM {lstm}, SimpleRNN {rnn}.",
    },
    # --- reading the curves, the callbacks, dropout, the loss, the test set (issue 15) ---------------------
    "train_overfit_mark": {"ko": "검증 손실이 다시 오름 (과대적합)", "en": "val loss turns up (overfitting)"},
    "train_overfit_question": {
        "ko": "과대적합은 손실 그래프의 어디에서 보이나요?", "en": "Where does overfitting show on the loss chart?",
    },
    "train_overfit_text": {
        "ko": "훈련 세트의 손실(실선)은 에포크마다 계속 줄어듭니다: 모델이 훈련 세트에 점점 더 잘 맞춰지기 때문입니다. "
              "검증 세트의 손실(점선)은 처음에는 함께 줄다가 어느 에포크부터 다시 올라갑니다. 그때부터 모델은 훈련 "
              "세트에만 잘 맞고 처음 보는 데이터에는 나빠지는 **과대적합**이 시작됩니다. 손실 그래프의 화살표가 그 "
              "에포크를 가리킵니다: 검증 손실이 가장 낮고 그 뒤로는 더 높아지는 에포크입니다. 두 곡선의 간격이 "
              "벌어질수록 과대적합이 심합니다.",
        "en": "The training loss (solid) keeps falling epoch after epoch: the model fits the training set ever "
              "better. The validation loss (dashed) falls with it at first, then turns up at some epoch. From there "
              "on the model fits only the training set better and gets worse on data it has not seen: "
              "**overfitting** has begun. The arrow on the loss chart points at that epoch, the one with the lowest "
              "validation loss and only higher ones after it. The wider the gap between the two curves, the "
              "stronger the overfitting.",
    },
    "train_overfit_example": {
        "ko": "그래프의 {run}: 에포크 {epoch}에서 검증 손실이 가장 낮고({val:.3f}) 마지막 에포크에는 {last:.3f}입니다. "
              "그 에포크에서 검증 손실 − 훈련 손실 = {gap:+.3f}.",
        "en": "On the chart, {run}: the validation loss is lowest at epoch {epoch} ({val:.3f}) and {last:.3f} at "
              "the last epoch; at that epoch, validation minus training loss = {gap:+.3f}.",
    },
    "train_callbacks_question": {
        "ko": "★와 ✕는 무엇을 표시하나요? (ModelCheckpoint와 EarlyStopping)",
        "en": "What do ★ and ✕ mark? (ModelCheckpoint and EarlyStopping)",
    },
    "train_callbacks_text": {
        "ko": "책은 `fit()`에 **콜백** 두 개를 넘깁니다. **ModelCheckpoint**(`save_best_only=True`)는 에포크마다 검증 "
              "손실을 보고 지금까지 가장 낮으면 모델을 파일에 저장합니다: ★는 마지막으로 저장된 에포크, 곧 검증 손실이 "
              "가장 낮은 **최상의 에포크**입니다. **EarlyStopping**(`patience={patience}`)은 검증 손실이 "
              "{patience} 에포크 동안 나아지지 않으면 훈련을 멈춥니다: ✕는 멈춘 에포크로 ★보다 {patience} 에포크 "
              "뒤에 있습니다. `restore_best_weights=True`이므로 멈춘 모델의 가중치는 ★ 에포크의 것으로 되돌아갑니다. "
              "그래서 최대 {epochs} 에포크를 다 훈련하지 않아도 되고, 과대적합이 시작된 뒤의 가중치는 쓰지 않습니다.",
        "en": "The book passes two **callbacks** to `fit()`. **ModelCheckpoint** (`save_best_only=True`) checks the "
              "validation loss after every epoch and saves the model to a file when it is the lowest so far: ★ is "
              "the last epoch saved, the **best epoch** with the lowest validation loss. **EarlyStopping** "
              "(`patience={patience}`) ends training once the validation loss has not improved for {patience} "
              "epochs: ✕ is where it stopped, {patience} epochs after ★. With `restore_best_weights=True` the "
              "stopped model's weights go back to those of the ★ epoch. So training need not run all {epochs} "
              "epochs, and no weights from after overfitting began are kept.",
    },
    "train_dropout_question": {
        "ko": "드롭아웃은 무엇을 하고, 곡선의 어디에서 보이나요?",
        "en": "What does dropout do, and where does it show in the curves?",
    },
    "train_dropout_text": {
        "ko": "**드롭아웃**은 훈련하는 동안 배치마다 뉴런의 출력 일부를 무작위로 0으로 만들어, 모델이 몇몇 뉴런에 지나치게 "
              "기대지 않게 하는 규제 방법입니다. 순환층에는 드롭아웃 매개변수가 두 개 있습니다: `dropout`은 셀의 "
              "**입력**에, `recurrent_dropout`은 타임스텝 사이에 넘어가는 **은닉 상태**에 적용합니다 (recurrent_dropout을 "
              "쓰면 GPU의 빠른 구현을 쓰지 못해 훈련이 느려집니다). 책의 9-3은 `LSTM(8, dropout={rate})`로 입력의 "
              "{rate:.0%}를 끕니다. 드롭아웃은 훈련할 때만 켜지고 검증과 테스트에서는 꺼지므로, 곡선에서는 **훈련 "
              "손실이 조금 높아지고** 훈련과 검증 곡선의 간격이 좁아지는 것으로 보입니다.",
        "en": "**Dropout** randomly zeroes part of the units' outputs in every training batch, so the model cannot "
              "lean too much on a few units: a way to regularize. A recurrent layer has two dropout arguments: "
              "`dropout` applies to the cell's **inputs**, `recurrent_dropout` to the **hidden state** carried "
              "between timesteps (with recurrent_dropout the fast GPU implementation cannot be used, so training is "
              "slower). Section 9-3 uses `LSTM(8, dropout={rate})`, dropping {rate:.0%} of the inputs. Dropout is "
              "on only while training, never for validation or testing, so in the curves it shows as a **slightly "
              "higher training loss** and a narrower gap between the training and validation curves.",
    },
    "train_dropout_reference": {
        "ko": "참고 실행(시드 {seeds}개 평균)의 최상의 에포크에서 검증 손실 − 훈련 손실: LSTM {plain:.3f}, 드롭아웃 "
              "LSTM {dropped:.3f}. 두 모델을 '겹쳐 그릴 실행'에 더해 비교해 보세요.",
        "en": "At the best epoch of the reference runs (mean of {seeds} seeds), validation minus training loss: LSTM "
              "{plain:.3f}, LSTM with dropout {dropped:.3f}. Add both to \"Runs to overlay\" to compare them.",
    },
    "train_objective_question": {
        "ko": "모델은 무엇을 줄이며 훈련하나요? (시그모이드, 이진 크로스 엔트로피, RMSprop)",
        "en": "What does training minimise, and how? (sigmoid, binary cross-entropy, RMSprop)",
    },
    "train_objective_text": {
        "ko": "리뷰는 긍정(1)과 부정(0) 두 가지이므로 **이진 분류**입니다. 마지막 층 `Dense(1, activation='sigmoid')`는 "
              "뉴런 하나의 출력을 **시그모이드** 함수로 0과 1 사이의 값, 곧 긍정일 확률로 바꿉니다. 손실 함수 **이진 "
              "크로스 엔트로피**(`binary_crossentropy`)는 정답 쪽 확률의 로그에 −를 붙인 값입니다: 출력이 {p}일 때 "
              "긍정 리뷰의 손실은 −log {p} = {pos_loss:.3f}, 부정 리뷰의 손실은 −log(1 − {p}) = {neg_loss:.3f}. "
              "확신하며 틀릴수록 손실이 커집니다.\n\n"
              "옵티마이저는 **RMSprop**이고 책의 **학습률**은 {lr:g}입니다. RMSprop의 기본 학습률 0.001보다 작게 해서 "
              "가중치를 조금씩 바꿉니다: 순환층은 학습률이 크면 훈련이 불안정해지기 쉽습니다. 훈련 세트를 {batch}개씩 "
              "나눈 **배치**마다 가중치를 한 번 바꾸고, 훈련 세트를 한 번 다 보면 **에포크** 하나입니다 (최대 {epochs} "
              "에포크). `metrics=['accuracy']`는 손실과 함께 정확도도 기록합니다.",
        "en": "A review is positive (1) or negative (0): **binary classification**. The last layer, "
              "`Dense(1, activation='sigmoid')`, turns its one unit's output into a value between 0 and 1 with the "
              "**sigmoid** function: the probability that the review is positive. The loss, **binary "
              "cross-entropy** (`binary_crossentropy`), is minus the log of the probability given to the right "
              "answer: for an output of {p}, a positive review costs −log {p} = {pos_loss:.3f} and a negative one "
              "−log(1 − {p}) = {neg_loss:.3f}. The more confidently wrong, the larger the loss.\n\n"
              "The optimizer is **RMSprop** with the book's **learning rate** of {lr:g}, below RMSprop's default "
              "0.001, so the weights change in small steps: recurrent layers easily train unstably with a large "
              "learning rate. The weights change once per **batch** of {batch} training reviews, and one pass over "
              "the whole training set is an **epoch** (at most {epochs}). `metrics=['accuracy']` records the "
              "accuracy beside the loss.",
    },
    "train_test_question": {"ko": "검증 세트와 테스트 세트는 어떻게 다른가요?", "en": "How do the validation and test sets differ?"},
    "train_test_text": {
        "ko": "책은 IMDB의 훈련 세트 {total:,}개 중 {val:,}개를 떼어 **검증 세트**로 씁니다 (훈련 {train:,}개, "
              "`train_test_split(test_size=0.2)`). 검증 세트는 에포크마다 손실을 재서 언제 멈출지, 어떤 모델과 설정이 "
              "좋은지 고르는 데 쓰입니다: 고르는 데 쓰였으므로 검증 점수는 조금 낙관적입니다. **테스트 세트** {test:,}개는 "
              "훈련과 선택이 모두 끝난 뒤 마지막에 한 번만 `model.evaluate(test_seq, test_target)`로 평가합니다. 끝난 "
              "실행의 결과 표와 실행 목록의 '테스트 정확도'가 이 값입니다 (도중에 멈춘 실행은 평가하지 않습니다).",
        "en": "The book sets {val:,} of IMDB's {total:,} training reviews aside as the **validation set** ({train:,} "
              "left for training, `train_test_split(test_size=0.2)`). The validation loss, measured after every "
              "epoch, decides when to stop and which model and settings are best; having been used to choose, its "
              "score is a little optimistic. The {test:,} reviews of the **test set** are evaluated once, at the "
              "very end, with `model.evaluate(test_seq, test_target)`: the \"test accuracy\" of a finished run's "
              "result card and of the runs table (a run stopped midway is not tested).",
    },
}
