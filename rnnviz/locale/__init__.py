"""Korean and English strings: one module per page, plus shared.py; rnnviz.i18n finds and merges them all.

A page's module is named for its key prefix (tokens.py: tokens_*, oh.py: oh_*, ...). shared.py holds
what belongs to no one page: the app shell, the page table, and the widgets of `ui` that several pages
show. A new page's strings go in a new module here; tests/test_i18n.py checks every key is used.
"""
