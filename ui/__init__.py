"""Streamlit glue shared by the pages: `import ui`, then `ui.setting_key(...)`, `ui.predict(...)`, ...

Kept out of `rnnviz/` because it imports streamlit; holds no maths. One job per module:

    server.py     what is loaded once before a visitor needs it: IMDB caches, the import warm-up, chart code
    settings.py   what the visitor chose: language, settings kept in the URL, translated choices, owner cookie
    pages.py      the page table (navigation, the home page's map), every page's header, predict-first question
                  and notebook download
    timesteps.py  the timestep pages' shared sections: sentence and sizes, the input table, memory fading
    player.py     the timestep player (◀ ▶ play, slider, full screen) and the chart and equation it drives
    pacing.py     how many page runs a second one session may make the server do
    queue_place.py  a visitor's place in the training queue, kept while any page of theirs is open
    book_code.py  the "book's code vs. Keras 3" box of the tokens, one-hot and training pages
    html_button.py  the app's own HTML buttons (print, full screen): one look for buttons that run in the browser
    text_box.py   every text box, cut to its limit on the server as in the browser, with a note at the limit
"""

from ui.book_code import book_vs_keras3
from ui.pages import PAGES, code_box, header, lazy_expander, lesson_nav, lesson_step, notebook_button, predict, printable, reveal_all, revealed
from ui.player import chart_and_equation, fullscreen_button, step_chart, step_views, timestep_player
from ui.pacing import pace_reruns
from ui.queue_place import keep_place_in_queue, note_waiting_run
from ui.server import imdb_test_reviews, imdb_word_index, preload_chart_code, wait_for_warm_up, warm_up_in_background
from ui.settings import (choice, current_choice, everybody_switch, input_label, keep_settings, language, language_switch, present_switch, presenting,
                         localize_widgets, set_choice, setting_key, stage, translated_choice, visitor_id)
from ui.text_box import text_box
from ui.timesteps import fading_curves, memory_fading, show_inputs, step_controls

__all__ = [
    "PAGES", "book_vs_keras3", "chart_and_equation", "choice", "code_box", "current_choice", "everybody_switch", "fading_curves", "fullscreen_button", "header",
    "imdb_test_reviews", "imdb_word_index", "input_label", "keep_place_in_queue", "note_waiting_run", "pace_reruns", "lazy_expander", "keep_settings", "language", "language_switch",
    "localize_widgets", "memory_fading", "notebook_button", "preload_chart_code", "present_switch", "presenting", "lesson_nav", "lesson_step",
    "predict", "printable", "reveal_all", "revealed", "set_choice", "setting_key", "stage", "show_inputs", "step_chart",
    "step_views",
    "step_controls", "text_box", "timestep_player", "translated_choice", "visitor_id", "wait_for_warm_up",
    "warm_up_in_background",
]
