"""RunConfig: defaults, validation, JSON and URL round trips, the book's presets."""

import json

import pytest

from rnnviz import config as cfg
from rnnviz.config import PRESETS, RunConfig


def test_defaults_are_the_books():
    c = RunConfig(backend="jax")
    assert (c.num_words, c.maxlen, c.embedding_dim, c.units, c.layers) == (500, 100, 16, 8, 1)
    assert (c.dropout, c.learning_rate, c.batch_size, c.epochs, c.patience, c.seed) == (0.0, 1e-4, 64, 100, 3, 42)
    assert c.max_train_samples is None and c.train_samples == 20_000 and c.val_samples == 5_000
    assert c.test_samples == 25_000


def installed_only(monkeypatch, *packages: str) -> None:
    """Make `importlib.util.find_spec` see only `packages`, whatever this machine has."""
    monkeypatch.setattr(cfg.importlib.util, "find_spec", lambda name, *a: object() if name in packages else None)


@pytest.mark.parametrize("installed, expected", [(("jax", "tensorflow"), "jax"), (("jax",), "jax"),
                                                 (("tensorflow",), "tensorflow"), ((), "tensorflow")])
def test_default_backend_prefers_jax_when_installed(monkeypatch, installed, expected):
    installed_only(monkeypatch, *installed)
    assert cfg.default_backend() == expected
    assert RunConfig().backend == expected  # a new run's default follows the same rule


def test_presets_are_the_books_six_models():
    assert list(PRESETS) == ["onehot-simplernn", "embedding-simplernn", "lstm", "lstm-dropout", "lstm-2layer", "gru"]
    assert all(p.num_words == 500 and p.units == 8 and p.learning_rate == 1e-4 for p in PRESETS.values())
    assert PRESETS["onehot-simplernn"].inputs == "onehot"
    assert {n for n, p in PRESETS.items() if p.inputs == "embedding"} == set(PRESETS) - {"onehot-simplernn"}
    assert PRESETS["lstm-dropout"].dropout == 0.3 and PRESETS["lstm-dropout"].layers == 1
    assert PRESETS["lstm-2layer"].dropout == 0.3 and PRESETS["lstm-2layer"].layers == 2
    assert PRESETS["gru"].cell == "GRU" and PRESETS["lstm"].dropout == 0.0
    for name, preset in PRESETS.items():
        assert cfg.preset_of(preset) == name
        assert cfg.preset_of(preset.replace(num_words=200, epochs=3, seed=1)) == name
    assert cfg.preset_of(PRESETS["lstm"].replace(units=16)) is None


@pytest.mark.parametrize("changes, field", [
    ({"cell": "Transformer"}, "cell"), ({"inputs": "bag"}, "inputs"), ({"backend": "torch"}, "backend"),
    ({"num_words": 3}, "num_words"), ({"num_words": 500.0}, "num_words"), ({"maxlen": 1}, "maxlen"),
    ({"units": 0}, "units"), ({"layers": 3}, "layers"), ({"dropout": -0.1}, "dropout"),
    ({"dropout": float("nan")}, "dropout"), ({"learning_rate": 0}, "learning_rate"),
    ({"batch_size": True}, "batch_size"), ({"epochs": 0}, "epochs"), ({"patience": -1}, "patience"),
    ({"seed": "42"}, "seed"), ({"max_train_samples": 5}, "max_train_samples"),
    ({"max_train_samples": 20_001}, "max_train_samples"), ({"max_test_samples": 0}, "max_test_samples"),
    ({"inputs": "onehot", "num_words": 10_000}, "one-hot"),
])
def test_invalid_settings_raise_a_clear_value_error(changes, field):
    with pytest.raises(ValueError, match=field):
        RunConfig(**changes)


def test_subsets_keep_the_books_four_to_one_split():
    c = RunConfig(max_train_samples=2_000)
    assert (c.train_samples, c.val_samples) == (2_000, 500)
    assert RunConfig(max_train_samples=9).val_samples == 2
    q = cfg.quick(PRESETS["lstm"])
    assert (q.max_train_samples, q.val_samples, q.epochs, q.max_test_samples) == (5_000, 1_250, 20, None)
    assert cfg.quick(PRESETS["lstm"].replace(epochs=4)).epochs == 4


CUSTOM = RunConfig(cell="GRU", inputs="onehot", num_words=200, layers=2, dropout=0.25, learning_rate=3e-4,
                   max_train_samples=300, max_test_samples=100, backend="tensorflow")


@pytest.mark.parametrize("config", [*PRESETS.values(), CUSTOM])
def test_json_round_trip(config):
    text = cfg.to_json(config)
    assert json.loads(text)["cell"] == config.cell
    assert cfg.from_json(text) == config


@pytest.mark.parametrize("config", [*PRESETS.values(), CUSTOM])
def test_every_field_reads_back_from_the_text_a_link_holds(config):
    """The training lab writes `str(value)` into the URL (ui.keep_settings); `parse_field` reads it back."""
    for name in cfg.FIELD_NAMES:
        value = getattr(config, name)
        assert cfg.parse_field(name, str(value)) == value, name


def test_parse_field_reads_none_words_for_optional_fields_only():
    assert cfg.parse_field("max_train_samples", "none") is None
    assert cfg.parse_field("max_train_samples", "2000") == 2000
    with pytest.raises(ValueError):
        cfg.parse_field("units", "none")


@pytest.mark.parametrize("name, text", [("units", "eight"), ("units", "0"), ("cell", "lstm"), ("dropout", "1.5"),
                                        ("num_words", "100000000"), ("lang", "ko")])
def test_parse_field_rejects_bad_text(name, text):
    with pytest.raises(ValueError):
        cfg.parse_field(name, text)


def test_from_json_rejects_unknown_fields_and_non_objects():
    with pytest.raises(ValueError, match="unknown"):
        cfg.from_json('{"cell": "LSTM", "colour": "red"}')
    with pytest.raises(ValueError):
        cfg.from_json("[1, 2]")


def test_book_results_match_the_presets():
    assert set(cfg.BOOK_RESULTS) == set(PRESETS)
    assert cfg.BOOK_RESULTS["lstm-2layer"].test_accuracy == 0.785
