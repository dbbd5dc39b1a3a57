"""The project as it was at an earlier commit, for benchmarks that measure a baseline beside this checkout."""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE_COMMIT = "7f506d3"  # issue 11's starting point


@contextlib.contextmanager
def exported(commit: str = BASELINE_COMMIT) -> Iterator[Path]:
    """The project at `commit`, as files in a temporary folder (`git archive`; the repository is untouched)."""
    with tempfile.TemporaryDirectory(prefix="rnnviz-baseline-") as folder:
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        yield Path(folder)
