"""Shared test set-up: the project on sys.path, Keras on its fastest backend, the data folder."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# Keras 3 tests run on JAX unless told otherwise: it imports in ~2 s, TensorFlow in ~8 s.
os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SHARED_IMDB = ROOT.parent / "shared" / "data" / "imdb"


def imdb_dir() -> Path:
    """The offline IMDB copy: $RNNVIZ_DATA_DIR, else ../shared/data/imdb beside the checkout."""
    setting = os.environ.get("RNNVIZ_DATA_DIR")
    return Path(setting) if setting else SHARED_IMDB


@pytest.fixture(scope="session")
def imdb_folder() -> Path:
    folder = imdb_dir()
    if not (folder / "imdb.npz").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the IMDB data at {folder} (set RNNVIZ_DATA_DIR)")
        pytest.skip(f"no IMDB data at {folder}")
    return folder


@pytest.fixture
def local_data(imdb_folder, monkeypatch) -> Path:
    """Point rnnviz.data at the offline copy for one test."""
    monkeypatch.setenv("RNNVIZ_DATA_DIR", str(imdb_folder))
    return imdb_folder
