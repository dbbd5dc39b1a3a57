"""Run every benchmark beside its baseline in one go and rewrite BENCHMARKS.md.

    python bench/run_all.py                                    # everything (about 30 minutes on 2 cores)
    python bench/run_all.py --quick --skip train --out /tmp/BENCHMARKS.md
    python bench/run_all.py --only pages,cells

Sections, in the report's order: pages, memory, class, cells, figures, train, review_onehot, train_start, queue,
run_files, reference, tests.
Each section is its bench/ script's `measure_section()` (around the script's
`measure()`, run in this process; the scripts still run on their own) and
`render_section()`, which writes it with its command, date and machine; the prose
next to each table is filled from the same results, so no figure in the report is
typed. A section left out with --skip/--only keeps its text from the previous
report (--previous, default BENCHMARKS.md), or says it was not run.
--quick uses fewer repeats, reruns and epochs: for checking the report, not for
the record. The raw results go to bench/out/run_all.json.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import textwrap
import traceback
from dataclasses import asdict, dataclass, is_dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from report_text import Settings, log, now  # noqa: E402

OUT_JSON = BENCH / "out" / "run_all.json"


# ---------------------------------------------------------------------------------------------- helpers


def json_value(value):
    """For json.dumps: dataclasses as dicts, runs by their folder name."""
    if is_dataclass(value):
        return asdict(value)
    return value.path.name if hasattr(value, "path") else str(value)


def wrap(body: str, width: int = 100) -> str:
    """Fill prose paragraphs and bullets to `width` for a readable file; tables stay as they are."""
    blocks = []
    for block in body.split("\n\n"):
        lines = block.splitlines()
        if any(line.startswith(("|", "Command:")) for line in lines):  # tables; commands stay on one line
            blocks.append(block)
        elif lines and all(line.startswith("- ") for line in lines):
            blocks.append("\n".join(textwrap.fill(line, width, subsequent_indent="  ", break_long_words=False,
                                                  break_on_hyphens=False) for line in lines))
        else:
            blocks.append(textwrap.fill(block, width, break_long_words=False, break_on_hyphens=False))
    return "\n\n".join(blocks)


# ---------------------------------------------------------------------------------------------- sections


@dataclass(frozen=True)
class Section:
    """One part of the report: a heading, a measurement and its text."""

    key: str
    title: str  # the "## " heading, naming the goal; a skipped section is found in the previous report by it
    script: str  # the bench/ module whose `measure_section` and `render_section` make it

    def measure(self, settings: Settings) -> dict:
        return importlib.import_module(self.script).measure_section(settings)

    def render(self, results: dict, settings: Settings) -> str:
        return importlib.import_module(self.script).render_section(results, settings)


SECTIONS = (
    Section("pages", "Pages that open fast: first render, deep link, widget change", "bench_pages"),
    Section("memory", "Server memory: every page once, then many reruns", "bench_memory"),
    Section("paste", "Big pastes: every text box cut on the server, megabyte messages refused", "bench_paste"),
    Section("flood", "A rerun flood: one session cannot slow the class", "bench_flood"),
    Section("class", "A class of 40 on one server: memory, CPU and the wait per page", "bench_class"),
    Section("cells", "numpy cell traces fast enough to follow a slider", "bench_cells"),
    Section("figures", "Timestep pages: small figures and quick page logic", "bench_figures"),
    Section("train", "Training lab: a worker faster and leaner than the book's script", "bench_train"),
    Section("review_onehot", "Try a review: picking a one-hot SimpleRNN without a wait", "bench_review_onehot"),
    Section("train_start", "Training lab: the first curve point soon after the click", "bench_first_point"),
    Section("queue", "Training lab: a class clicking at once, served in turn", "bench_queue"),
    Section("run_files", "Run files: history in one pass, limits before reading", "bench_run_files"),
    Section("reference", "The book's results, reproduced", "reference_table"),
    Section("tests", "The test suite: the full command and the fast tier", "bench_tests"),
)
INTRO = """# Benchmarks

Every figure here comes from a script in `bench/`, run on the machine named with it, with its
baseline measured in the same run. Timings are never asserted in tests. `python bench/run_all.py`
runs them all and rewrites this file (`--only` / `--skip` a section, `--quick` to try it out)."""


# ---------------------------------------------------------------------------------------------- report


def previous_sections(path: Path) -> dict[str, str]:
    """The previous report's sections by heading (the text under each "## " line)."""
    if not path.exists():
        return {}
    sections, title = {}, None
    for line in path.read_text().splitlines():
        if line.startswith("## "):
            title = line[3:].strip()
            sections[title] = []
        elif title is not None:
            sections[title].append(line)
    return {title: "\n".join(lines).strip() for title, lines in sections.items()}


def kept_or_not_run(section: Section, previous: dict[str, str]) -> str:
    if section.title in previous:
        return previous[section.title]
    return f"Not run (`python bench/run_all.py --only {section.key}` measures it)."


def report(bodies: dict[str, str]) -> str:
    return "\n\n".join([INTRO, *(f"## {s.title}\n\n{bodies[s.key]}" for s in SECTIONS)]) + "\n"


def chosen_keys(only: str | None, skip: str | None) -> list[str]:
    known = [section.key for section in SECTIONS]
    picked = only.split(",") if only else known
    dropped = skip.split(",") if skip else []
    unknown = set(picked + dropped) - set(known)
    if unknown:
        raise SystemExit(f"run_all.py: unknown section(s) {', '.join(sorted(unknown))}; known: {', '.join(known)}")
    return [key for key in known if key in picked and key not in dropped]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    keys = ",".join(section.key for section in SECTIONS)
    parser.add_argument("--only", help=f"comma-separated sections to run ({keys})")
    parser.add_argument("--skip", help="comma-separated sections not to run")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, reruns and epochs (development)")
    parser.add_argument("--reruns", type=int, help="server reruns per page (default 200, 20 with --quick)")
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md", help="default: BENCHMARKS.md")
    parser.add_argument("--previous", type=Path, default=ROOT / "BENCHMARKS.md",
                        help="where skipped sections' text comes from (default: BENCHMARKS.md)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    keys = chosen_keys(args.only, args.skip)
    settings = Settings.for_run(args.quick, args.reruns)
    data_dir = ROOT.parent / "shared" / "data" / "imdb"
    if "RNNVIZ_DATA_DIR" not in os.environ and data_dir.is_dir():  # as the tests do: the offline copy
        os.environ["RNNVIZ_DATA_DIR"] = str(data_dir)
    previous = previous_sections(args.previous)
    bodies, raw = {}, {}
    for section in SECTIONS:
        if section.key not in keys:
            bodies[section.key] = kept_or_not_run(section, previous)
            continue
        log(f"[{now()}] {section.key} ...")
        try:
            results = section.measure(settings)
            bodies[section.key] = wrap(section.render(results, settings))
        except Exception as error:  # one broken benchmark must not throw away the others' minutes
            traceback.print_exc()
            bodies[section.key] = (f"**The last run of this section failed** ({type(error).__name__}: {error}); "
                                   f"the text below is older.\n\n{kept_or_not_run(section, previous)}")
            continue
        raw[section.key] = results
    args.out.write_text(report(bodies))
    OUT_JSON.parent.mkdir(parents=True, exist_ok=True)
    kept = json.loads(OUT_JSON.read_text()) if OUT_JSON.exists() else {}  # skipped sections' last results
    OUT_JSON.write_text(json.dumps({**kept, **raw}, indent=2, default=json_value))
    log(f"wrote {args.out} ({', '.join(keys) or 'no section'} measured) and {OUT_JSON.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
