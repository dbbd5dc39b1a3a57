"""Strings of the home page (see rnnviz.i18n); its path through the chapter is lesson.py's."""

STRINGS: dict[str, dict[str, str]] = {
    "home_title": {"ko": "순환 신경망, 눈으로 보며 배우기", "en": "Recurrent neural networks, hands-on"},
    "home_intro": {
        "ko": "문장은 토큰의 **시퀀스**입니다. 순환 신경망(RNN)은 시퀀스를 한 **타임스텝**씩 읽으며 "
              "**은닉 상태**에 지금까지 읽은 내용을 담아 둡니다. 이 앱에서는 그 과정을 숫자 하나하나까지 "
              "직접 보고 바꿔 볼 수 있습니다. 모든 숫자는 화면 뒤에서 실제로 계산한 값입니다.",
        "en": "A sentence is a **sequence** of tokens. A recurrent neural network (RNN) reads it one "
              "**timestep** at a time and keeps what it has read so far in its **hidden state**. Here you "
              "can watch that happen, number by number, and change it. Every number is computed live.",
    },
    "home_sharing": {
        "ko": "주소창의 링크를 복사해 공유하면 같은 언어, 같은 설정, 같은 단계로 열립니다.",
        "en": "Copy the link from the address bar to share: it opens in the same language, with the same "
              "settings, on the same step.",
    },
}
