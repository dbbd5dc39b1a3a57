"""docs/concepts.md, the chapter's concepts and where the app says them: the table names every concept of
chapter 9, and each row's locale keys exist in both languages and are used by the page it names."""

import ast
import functools
import re

import pytest

from conftest import ROOT
from rnnviz.i18n import LANGUAGES, STRINGS
from test_i18n import DYNAMIC_KEYS

TABLE = ROOT / "docs" / "concepts.md"
PAGES = ("tokens", "hidden", "onehot", "train", "cells", "review", "cheatsheet", "home")

# The chapter's concepts (docs/book.md, "What the book does"), as words the table's first column must hold.
CHAPTER = ("sequential data", "feed-forward", "corpus", "token", "tokenization", "vocabulary", "integer encoding",
           "reserved ids", "padding", "truncation", "pre and post", "maxlen", "one-hot encoding", "embedding",
           "vocabulary size 500", "simplernn", "cell and recurrent layer", "hidden state", "timestep",
           "2-d per sample", "w_x, w_h", "tanh", "parameter count", "return_sequences", "output shape", "sigmoid",
           "binary cross-entropy", "rmsprop", "learning rate", "modelcheckpoint", "earlystopping", "overfitting",
           "validation set", "test set", "dropout", "recurrent_dropout", "stacked", "lstm's gates", "cell state",
           "gru", "input_length", ".h5", "pad_sequences")


def concept_rows() -> list[tuple[str, str, list[str]]]:
    """(concept, page, locale keys) of every row of the table."""
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 4 or cells[0] == "concept" or not cells[0].strip("- "):
            continue
        rows.append((cells[0], cells[2], re.findall(r"`([A-Za-z0-9_]+)`", cells[3])))
    return rows


def imported_files(path):
    """The app's own modules (rnnviz, ui) that `path` imports; not the string tables, which hold no usage."""
    files = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] not in ("rnnviz", "ui") or "locale" in parts or parts[-1] == "i18n":
                continue
            module = ROOT.joinpath(*parts)
            files += [f for f in (module.with_suffix(".py"), module / "__init__.py") if f.is_file()]
    return files


@functools.cache
def page_source(page: str) -> str:
    """The code of `views/<page>.py` and every module of the app it uses, directly or not."""
    seen, todo = set(), [ROOT / "views" / f"{page}.py"]
    while todo:
        path = todo.pop()
        if path not in seen:
            seen.add(path)
            todo += imported_files(path)
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(seen))


def used_in(key: str, source: str) -> bool:
    """Quoted whole, or built by an f-string prefix tests/test_i18n.py knows (``t(f"cells_gates_{kind}")``)."""
    if f'"{key}"' in source or f"'{key}'" in source:
        return True
    return any(key == prefix + value and (f'f"{prefix}{{' in source or f"f'{prefix}{{" in source)
               for prefix, values in DYNAMIC_KEYS.items() for value in values)


def test_the_table_names_every_concept_of_the_chapter():
    rows = concept_rows()
    assert len(rows) >= 37
    named = " ".join(concept.lower() for concept, _, _ in rows)
    missing = [concept for concept in CHAPTER if concept not in named]
    assert not missing, missing
    assert len({concept for concept, _, _ in rows}) == len(rows)  # one row per concept


@pytest.mark.parametrize("concept, page, keys", concept_rows(), ids=[row[0][:40] for row in concept_rows()])
def test_each_concept_is_said_in_both_languages_on_its_page(concept, page, keys):
    assert page in PAGES and (ROOT / "views" / f"{page}.py").is_file(), page
    assert keys, f"{concept}: no locale key names what says it"
    for key in keys:
        assert key in STRINGS, key
        assert all(STRINGS[key].get(lang, "").strip() for lang in LANGUAGES), key
    source = page_source(page)
    unused = [key for key in keys if not used_in(key, source)]
    assert not unused, f"{concept}: views/{page}.py does not use {unused}"


def test_the_usage_check_tells_a_page_from_another():
    """A key of another page is not found: the check reads the page's own code, not the whole app."""
    assert used_in("tokens_corpus_text", page_source("tokens"))
    assert not used_in("tokens_corpus_text", page_source("cells"))
    assert used_in("cells_gates_LSTM", page_source("cells"))  # built: t(f"cells_gates_{kind}", ...)
    assert used_in("keras3_why_h5", page_source("train"))  # in ui/book_code.py, which `import ui` brings
