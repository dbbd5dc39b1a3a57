"""First render of the home and tokens pages in a cold process, against an empty Streamlit page.

    RNNVIZ_DATA_DIR=../shared/data/imdb python bench/bench_pages.py [repeats]

Each measurement is a fresh `python` process (cold imports) that renders one
page with AppTest; we time the whole process and the render alone, and record
whether TensorFlow/Keras/JAX got imported. The tokens page is measured twice:
with an empty rnnviz disk cache (the first visit on a new machine) and with
the review lengths already cached on disk (every later process).
Goal (issue 2): <= 2 s per page, no TensorFlow in the process.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.machine import describe  # noqa: E402

PROBE = textwrap.dedent("""
    import json, sys, time
    started = time.perf_counter()
    from streamlit.testing.v1 import AppTest
    target, page = sys.argv[1], sys.argv[2]
    at = AppTest.from_string(target) if page == "empty" else AppTest.from_file(target, default_timeout=120)
    render_start = time.perf_counter()
    at.run()
    if page not in ("empty", "home"):
        at.switch_page(page).run()
    done = time.perf_counter()
    assert not at.exception, at.exception
    print(json.dumps({"render_s": done - render_start, "process_s": done - started,
                      "heavy": sorted(m for m in ("tensorflow", "keras", "jax") if m in sys.modules)}))
""")

GOAL_S = 2.0  # issue 2: seconds per page, cold process

CASES = [
    ("empty Streamlit page (baseline)", "empty", "import streamlit as st\nst.title('empty')", False),
    ("home", "home", str(ROOT / "app.py"), False),
    ("tokens, empty disk cache", "views/tokens.py", str(ROOT / "app.py"), True),
    ("tokens, lengths cached on disk", "views/tokens.py", str(ROOT / "app.py"), False),
]


def measure(page: str, target: str, home: str) -> dict:
    env = {**os.environ, "HOME": home, "RNNVIZ_CACHE_DIR": f"{home}/rnnviz-cache"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PROBE, target, page], env=env, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def measure_cases(repeats: int = 3) -> list[dict]:
    """Each case's median over `repeats` cold processes, with its ratio to the empty page."""
    rows = []
    with tempfile.TemporaryDirectory() as home:  # a private cache folder
        for label, page, target, clear_cache in CASES:
            results = []
            for _ in range(repeats):
                if clear_cache:
                    subprocess.run(["rm", "-rf", f"{home}/rnnviz-cache"], check=True)
                results.append(measure(page, target, home))
            rows.append({"label": label, "page": page, "cold_cache": clear_cache,
                         "wall_s": statistics.median(r["wall_s"] for r in results),
                         "render_s": statistics.median(r["render_s"] for r in results),
                         "heavy": results[-1]["heavy"]})
    for row in rows:
        row["vs_empty"] = row["wall_s"] / rows[0]["wall_s"]  # the first case is the empty page
    return rows


def table(rows: list[dict]) -> str:
    lines = ["| page | process wall (s) | render only (s) | vs. empty page | heavy imports |",
             "| --- | ---: | ---: | ---: | --- |"]
    lines += [f"| {row['label']} | {row['wall_s']:.2f} | {row['render_s']:.2f} | {row['vs_empty']:.2f}x | "
              f"{', '.join(row['heavy']) or 'none'} |" for row in rows]
    return "\n".join(lines)


def main(repeats: int = 3) -> None:
    rows = measure_cases(repeats)
    print(f"machine: {describe()}")
    print(f"median of {repeats} cold processes each\n")
    print(table(rows))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
