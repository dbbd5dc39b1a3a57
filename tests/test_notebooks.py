"""Every page with Keras code offers a notebook (rnnviz.notebooks) that runs top to bottom in a fresh Jupyter
kernel and prints the figures the page shows; its text is in the learner's language."""

import re
import shutil

import nbformat
import numpy as np
import pytest

import conftest
from rnnviz import data, inputs, models, notebooks, review, runs
from rnnviz import text as tx
from rnnviz.cells import make_cell, run
from rnnviz.config import PRESETS, quick
from rnnviz.i18n import t
from rnnviz.layer_shapes import output_shapes
from rnnviz.params import model_params, param_count

# Keras 3.15 + numpy 2 warn inside `layer.get_weights()`; not ours to fix.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation:DeprecationWarning")

PAGES = ("views/tokens.py", "views/hidden.py", "views/onehot.py", "views/train.py", "views/cells.py", "views/review.py")
FILE_NAMES = {"views/tokens.py": "rnnviz_9-1_tokens.ipynb", "views/hidden.py": "rnnviz_9-1_hidden.ipynb",
              "views/onehot.py": "rnnviz_9-2_onehot.ipynb", "views/train.py": "rnnviz_9-3_train.ipynb",
              "views/cells.py": "rnnviz_9-3_cells.ipynb", "views/review.py": "rnnviz_9-3_review.ipynb"}
SMALL = {"TRAIN_SAMPLES": 300, "VAL_SAMPLES": 80, "TEST_SAMPLES": 50, "EPOCHS": 1}  # a few hundred reviews, 1 epoch
HANGUL = re.compile("[가-힣]")

# Offline, stock Keras cannot load the data copy's npz (its bytes differ from Keras's file, so Keras's hash check
# fails and it tries to download: see the data README). The kernel's IPython start-up bypasses only that
# download step, as the README shows; the word index is byte-identical and sits in KERAS_HOME as Keras keeps it.
_STARTUP = '''import os
import keras.src.datasets.imdb as _imdb

_get_file = _imdb.get_file


def _offline(fname=None, origin=None, **kwargs):
    if fname == "imdb.npz":
        return os.path.join(os.environ["RNNVIZ_TEST_IMDB"], fname)
    return _get_file(fname=fname, origin=origin, **kwargs)


_imdb.get_file = _offline
'''


# --- the notebooks as the pages offer them -----------------------------------------------------------


def offered(page: str, lang: str) -> list[tuple[str, bytes]]:
    """(file name, bytes) of every notebook `page` offers at its default settings, answers shown (AppTest).

    The button builds its notebook on a click (Streamlit's deferred download): the test clicks as
    the browser would, asking Streamlit's media manager for the file of the button the last run drew.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    files, deferred = [], {}
    original_add, original_store = MediaFileManager.add_deferred, MemoryMediaFileStorage.load_and_get_id

    def register(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        file_id = original_add(self, data_callable, mimetype, coordinates, file_name, **kwargs)
        deferred[file_id] = self
        return file_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if mimetype == notebooks.MIME_TYPE:
            files.append((filename, path_or_data))
        return original_store(self, path_or_data, mimetype, kind, filename)

    label = t("notebooks_download", lang)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MediaFileManager, "add_deferred", register)
        patch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
        at = conftest.open_page(page, lang, timeout=240, reveal=1)
        buttons = [button.proto for button in at.get("download_button")]
        assert [button.label for button in buttons].count(label) == 1, [button.label for button in buttons]
        assert files == []  # drawing the button built no notebook
        file_id = next(button.deferred_file_id for button in buttons if button.label == label)
        deferred[file_id].execute_deferred(file_id)  # the click: Streamlit builds the file the last run's button offers
    return files


@pytest.fixture(scope="module")
def offers(tmp_path_factory, imdb_folder):
    """{(page, lang): (file name, bytes)}: the notebook each page offers at its defaults, in both languages."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RNNVIZ_DATA_DIR", str(imdb_folder))
        patch.setenv("RNNVIZ_RUNS_DIR", str(tmp_path_factory.mktemp("runs")))  # the reference runs only
        found = {(page, lang): offered(page, lang) for page in PAGES for lang in ("ko", "en")}
    assert {key: len(files) for key, files in found.items()} == dict.fromkeys(found, 1)
    return {key: files[0] for key, files in found.items()}


@pytest.fixture(scope="module")
def page_notebooks(offers):
    """Each page's notebook in English, as its button gives it at the page's defaults."""
    return {page: nbformat.reads(offers[page, "en"][1].decode("utf-8"), as_version=4) for page in PAGES}


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page", PAGES)
@pytest.mark.slow
def test_each_page_offers_its_notebook_in_the_learners_language(offers, page, lang):
    name, raw = offers[page, lang]
    assert name == FILE_NAMES[page]
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    nbformat.validate(nb)
    prose = " ".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    assert t("notebooks_made", lang, page="")[:8] in prose  # "Made by " or "rnnviz의 "
    assert bool(HANGUL.search(prose)) == (lang == "ko")
    assert any(cell.cell_type == "code" and "import keras" in cell.source for cell in nb.cells)


def test_the_projector_view_offers_no_notebook(local_data):
    at = conftest.open_page("views/tokens.py", reveal=1, present=1)
    assert t("notebooks_download", "en") not in [button.proto.label for button in at.get("download_button")]


# --- running them: a fresh kernel, the data offline ------------------------------------------------------


@pytest.fixture(scope="module")
def kernel(tmp_path_factory, imdb_folder):
    """The environment of a fresh `python3` kernel: Keras on JAX, the IMDB data found offline."""
    ipython = tmp_path_factory.mktemp("ipython")
    (ipython / "profile_default" / "startup").mkdir(parents=True)
    (ipython / "profile_default" / "startup" / "00-offline-imdb.py").write_text(_STARTUP)
    keras_home = tmp_path_factory.mktemp("keras_home")
    (keras_home / "datasets").mkdir()
    shutil.copy(imdb_folder / data.WORD_INDEX_FILE, keras_home / "datasets")
    with pytest.MonkeyPatch.context() as patch:  # the kernel inherits the test's environment
        patch.setenv("IPYTHONDIR", str(ipython))
        patch.setenv("KERAS_HOME", str(keras_home))
        patch.setenv("KERAS_BACKEND", "jax")
        patch.setenv("RNNVIZ_TEST_IMDB", str(imdb_folder))
        yield


def execute(nb, folder, **sizes):
    """Run a copy of `nb` in a fresh kernel in `folder`, its settings cell set to `sizes`; the stdout of each cell."""
    from nbclient import NotebookClient

    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        for name, value in sizes.items():
            cell.source = re.sub(rf"^{name} = \d+", f"{name} = {value}", cell.source, flags=re.MULTILINE)
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    return ["".join(out.text for out in cell.outputs if out.output_type == "stream" and out.name == "stdout")
            for cell in nb.cells if cell.cell_type == "code"]


def numbers(text: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+\.?\d*(?:e[-+]\d+)?", text)]


@pytest.mark.slow
def test_the_training_notebooks_start_with_their_sizes(page_notebooks):
    for page in ("views/onehot.py", "views/train.py", "views/review.py"):
        first = next(cell.source for cell in page_notebooks[page].cells if cell.cell_type == "code")
        assert re.findall(r"^([A-Z_]+) = \d+", first, flags=re.MULTILINE) == list(SMALL), page


@pytest.mark.kernel
def test_tokens_notebook_prints_the_pages_matrix_and_the_review_lengths(page_notebooks, kernel, local_data, tmp_path):
    code, lengths = execute(page_notebooks["views/tokens.py"], tmp_path)
    sentences, _ = tx.split_sentences(t("tokens_default_text", "en"))
    vocabulary = tx.Vocabulary.from_word_index(data.load_word_index(), num_words=500)
    expected = tx.pad_sequences([vocabulary.encode(s) for s in sentences], 8, "pre", "pre")  # the page's maxlen 8
    assert code.splitlines()[0] == str(expected.shape)
    assert numbers(code.split("\n", 1)[1]) == expected.ravel().tolist()
    stats = data.length_stats(data.book_train_lengths(), 8)
    assert lengths.splitlines() == [
        f"{stats.count:,} reviews, mean length {stats.mean:.1f}, median {stats.median:.0f}",
        f"maxlen=8: truncated {stats.share_truncated:.1%}, padded {stats.share_padded:.1%}", "(20000, 8)"]


def layer_figures(printed: str, kind: str):
    """The page's layer at its defaults (4 features, 3 units, seed 0): count, h_T, and the printed ones."""
    seq = inputs.build_inputs(inputs.DEFAULT_SENTENCE, "embedding", 4, 0)
    cell = make_cell(kind, seq.input_dim, 3, 0)
    lines = printed.splitlines()
    return int(lines[0]), np.array(numbers(" ".join(lines[1:]))), param_count(kind, 4, 3).total, run(cell, seq.xs).h[-1]


@pytest.mark.kernel
@pytest.mark.parametrize("page, kind", [("views/hidden.py", "SimpleRNN"), ("views/cells.py", "LSTM")])
def test_timestep_notebooks_print_the_pages_count_hidden_state_and_shapes(page_notebooks, kernel, tmp_path, page, kind):
    layer, shapes = execute(page_notebooks[page], tmp_path)
    count, h_T, expected_count, expected_h = layer_figures(layer, kind)
    assert count == expected_count == (24 if kind == "SimpleRNN" else 96)  # the book's toy: 4×3 + 3×3 + 3
    np.testing.assert_allclose(h_T, expected_h, atol=2e-3)  # weights written to 4 decimals
    expected = output_shapes(3, 3)  # "i like brachiosaurus": 3 timesteps, 3 units
    assert shapes.splitlines()[:2] == [str(expected.last), str(expected.sequences)]


@pytest.mark.kernel
def test_onehot_notebook_counts_both_models_and_trains_them_on_a_few_hundred_reviews(page_notebooks, kernel, tmp_path):
    settings, counts, _, arrays, fit = execute(page_notebooks["views/onehot.py"], tmp_path, **SMALL)
    assert settings == ""
    expected = [sum(p.total for p in model_params(kind, 500, 16, 8)) for kind in ("onehot", "embedding")]
    assert numbers(counts.splitlines()[-1]) == expected
    assert arrays.splitlines()[0] == "(300, 100) (300, 100, 500)"
    assert len(re.findall(r"^(onehot|embedding) best val_accuracy: 0\.\d+$", fit, flags=re.MULTILINE)) == 2
    assert {p.name for p in tmp_path.glob("*.keras")} == {"best-onehot-model.keras", "best-embedding-model.keras"}


@pytest.mark.kernel
def test_training_notebook_trains_the_pages_run_and_reports_it(page_notebooks, kernel, tmp_path):
    config = quick(PRESETS["lstm"])  # the lab's default: the book's LSTM, a quick run
    assert f"TRAIN_SAMPLES = {config.train_samples}" in page_notebooks["views/train.py"].cells[2].source
    *_, found = execute(page_notebooks["views/train.py"], tmp_path, **SMALL)
    assert found.splitlines()[:2] == [f"parameters: {models.total_params(config)}", "epochs run: 1"]
    assert (tmp_path / "best-lstm-model.keras").is_file()


@pytest.mark.kernel
def test_review_notebook_trains_a_model_then_reads_the_pages_ids(page_notebooks, kernel, local_data, tmp_path):
    *_, read = execute(page_notebooks["views/review.py"], tmp_path, **SMALL)
    default = [m for m in runs.RunStore(runs.REFERENCE_RUNS_DIR).list() if m.config and m.config.cell == "LSTM"]
    config = default[0].config  # every reference LSTM reads with the book's vocabulary and maxlen
    page = review.read_tokens(review.ReviewTokens.of_text(t("review_default", "en")),
                              tx.Vocabulary.from_word_index(data.load_word_index(), config.num_words), config.maxlen)
    lines = read.splitlines()
    assert numbers(" ".join(lines[:-1])) == list(page.padded)
    assert 0 <= float(lines[-1].removeprefix("positive probability: ")) <= 1
    assert (tmp_path / notebooks.MODEL_FOLDER / "vocab.json").is_file()
