"""Which runs a page shows: the models to try, the run whose weights a table shows, the default picks.

Pure selection over `rnnviz.runs.Run` lists (the pages pass what their stores list); the
rules for which runs count and for the representative seed are `rnnviz.results`'.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rnnviz import results
from rnnviz.config import RunConfig
from rnnviz.runs import Run, RunStore

REFERENCE, MINE, OTHER, COMMAND_LINE = "reference", "mine", "other", "command_line"  # whose a run is
INPUT_KINDS = ("onehot", "embedding")  # the one-hot page's two models (book 9-2)
FIRST_COMPARISON = (("lstm", 500), ("embedding-simplernn", 500))  # the training lab's reference pair


def whose(run: Run, visitor: str | None) -> str:
    """Whose a run is, for this visitor: the one rule every page follows.

    REFERENCE: committed with the app. MINE: launched by this browser (its token's hash, `Run.owned_by`).
    COMMAND_LINE: started outside the app (no owner). OTHER: another visitor's; on a shared link, thirty
    students' runs are not "yours".
    """
    if run.is_reference:
        return REFERENCE
    if visitor is not None and run.owned_by(visitor):
        return MINE
    return COMMAND_LINE if run.owner is None else OTHER


def mine(candidates: Sequence[Run], visitor: str | None) -> list[Run]:
    """This visitor's own runs, order kept."""
    return [run for run in candidates if whose(run, visitor) == MINE]


def not_others(candidates: Sequence[Run], visitor: str | None) -> list[Run]:
    """The reference runs and this visitor's own (order kept): what a page lists before the learner
    asks to see everybody's."""
    return [run for run in candidates if whose(run, visitor) in (REFERENCE, MINE)]


def shown(candidates: Sequence[Run], visitor: str | None, everybody: bool) -> list[Run]:
    """What a page lists: everything when the learner asked for everybody's runs, else `not_others`."""
    return list(candidates) if everybody else not_others(candidates, visitor)


def available_models(stores: Sequence[RunStore]) -> list[Run]:
    """Usable runs of all stores: the reference runs by variant then seed, then the visitor's, newest first."""
    found = [run for store in stores for run in store.list() if results.usable(run)]
    return sorted(found, key=_order)


def _order(run: Run) -> tuple:
    if not run.is_reference:
        return (1, 0, 0, -(run.started or 0), run.id)
    variant = results.variant_of(run.config)
    rank = results.VARIANTS.index(variant) if variant in results.VARIANTS else len(results.VARIANTS)
    return (0, rank, run.config.seed, 0, run.id)


def reference_first(candidates: Sequence[Run], num_words: int) -> list[Run]:
    """The reference runs of `num_words`, then the other reference runs, then the visitor's (order kept within)."""
    return sorted(candidates, key=lambda run: (not run.is_reference, run.config.num_words != num_words))


def weights_to_show(representative: Run | None, candidates: Sequence[Run], num_words: int,
                    fits: Callable[[RunConfig], bool], visitor: str | None) -> Run | None:
    """The run whose trained weights a table shows: the representative reference run, else this
    visitor's newest; only one with `num_words` words whose config `fits` the page (None: none does)."""
    choices = [representative, *mine(candidates, visitor)]
    return next((run for run in choices if run and run.config.num_words == num_words and fits(run.config)), None)


# --- the one-hot page -------------------------------------------------------------------------------


def one_layer_simple_rnns(candidates: Sequence[Run]) -> list[Run]:
    """The finished one-layer SimpleRNN runs whose files pass their checks (a damaged run is skipped)."""
    return [run for run in candidates if results.finished(run) and run.config.cell == "SimpleRNN"
            and run.config.layers == 1 and results.readable(run)]


def by_inputs(candidates: Sequence[Run]) -> dict[str, list[Run]]:
    """The runs by input kind, "onehot" then "embedding" (order kept within)."""
    return {kind: [run for run in candidates if run.config.inputs == kind] for kind in INPUT_KINDS}


def newest_of_visitor(candidates: Sequence[Run], visitor: str | None) -> Run | None:
    """The first of this visitor's own runs (a store lists the newest first), or None."""
    return next(iter(mine(candidates, visitor)), None)


def default_picks(representatives: Sequence[Run | None], by_kind: dict[str, list[Run]], visitor: str | None) -> list[str]:
    """The runs a comparison starts with: the representative seeds, then this visitor's newest of each kind
    (never another visitor's)."""
    newest = [newest_of_visitor(by_kind[kind], visitor) for kind in by_kind]
    return [run.id for run in [*representatives, *newest] if run]


# --- the training lab -------------------------------------------------------------------------------


def default_comparison(own: Sequence[Run], reference_runs: Sequence[Run]) -> list[str]:
    """Your two latest runs with curves; with none yet, the reference LSTM beside the 9-2 SimpleRNN (seed 42)."""
    mine = [run.id for run in own if run.epochs_run][:2]
    if mine:
        return mine
    return [run.id for preset, num_words in FIRST_COMPARISON for run in reference_runs
            if run.preset == preset and run.config.num_words == num_words and run.config.seed == 42][:2]
