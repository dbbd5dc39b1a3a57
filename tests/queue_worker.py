"""A stand-in for `python -m rnnviz.train` that trains nothing: the queue's tests run 40 runs with it.

`launch.worker_command` starts it instead of the real worker when RNNVIZ_WORKER_MODULE=queue_worker
(and this folder is on PYTHONPATH). It writes the status a worker writes, one history row, notes
"start <id>" and "end <id>" in the file $QUEUE_WORKER_EVENTS, holds its slot while the file
$QUEUE_WORKER_GATE is missing, and ends as the real worker does: `launch.after_worker`.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from rnnviz import launch, processes, runs


def note(event: str, run_id: str) -> None:
    with open(os.environ["QUEUE_WORKER_EVENTS"], "a") as events:  # one short append: whole lines
        events.write(f"{event} {run_id}\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs-dir", type=Path, required=True)
    parser.add_argument("--run-id", required=True)
    args = parser.parse_args()
    store = runs.RunStore(args.runs_dir)
    started = time.time()
    store.update_status(args.run_id, state=runs.RUNNING, pid=os.getpid(), started=started, phase="training",
                        pid_start=processes.process_start_ticks(os.getpid()), heartbeat=started, epoch=0)
    note("start", args.run_id)
    (store.path(args.run_id) / runs.HISTORY_FILE).write_text(
        "epoch,accuracy,loss,val_accuracy,val_loss\r\n0,0.5,0.69,0.5,0.69\r\n", newline="")
    gate = os.environ.get("QUEUE_WORKER_GATE")
    while gate and not Path(gate).exists():
        time.sleep(0.02)
    note("end", args.run_id)
    ended = time.time()
    store.update_status(args.run_id, state=runs.DONE, phase=None, ended=ended, elapsed=ended - started, epoch=1,
                        seconds_per_epoch=max(ended - started, 0.001))
    launch.after_worker(store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
