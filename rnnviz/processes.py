"""Whether a process still runs, and ending one (with the helpers it started) for good.

A process is named by its pid and its start time (`process_start_ticks`), so a pid the system
gave to a new process since is never taken for the old one, nor signalled.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

END_WAIT_SECONDS = 3.0  # `terminate`: how long a process may take to exit after SIGTERM before it gets SIGKILL


def process_start_ticks(pid: int) -> int | None:
    """When process `pid` started (clock ticks since boot, Linux /proc), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return int(stat.rsplit(")", 1)[1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


def process_alive(pid: int | None, start_ticks: int | None = None) -> bool:
    """True when `pid` runs (not a zombie) and, if `start_ticks` is known, is the same process."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc (macOS): trust kill()
    fields = stat.rsplit(")", 1)[1].split()
    if fields[0] in ("Z", "X"):  # finished, not yet reaped
        return False
    return start_ticks is None or int(fields[19]) == start_ticks


def terminate(pid: int | None, start_ticks: int | None, wait: float = END_WAIT_SECONDS) -> bool:
    """End process `pid` (and its helpers, when it leads its own process group, as `launch.launch` starts
    it): SIGTERM with SIGCONT (a frozen process acts on nothing else), then SIGKILL if it is still there
    after `wait` seconds. Nothing is sent once `pid` is not the process that started at `start_ticks`.

    Returns:
        True when the process is gone.
    """
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        if not process_alive(pid, start_ticks):
            return True
        _signal(pid, sig)
        if sig == signal.SIGTERM and hasattr(signal, "SIGCONT"):
            _signal(pid, signal.SIGCONT)
        deadline = time.monotonic() + wait
        while process_alive(pid, start_ticks) and time.monotonic() < deadline:
            time.sleep(0.05)
    return not process_alive(pid, start_ticks)


def _signal(pid: int, sig: int) -> None:
    """`sig` to the process group `pid` leads, else to `pid` alone."""
    try:
        if hasattr(os, "killpg") and os.getpgid(pid) == pid:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except ProcessLookupError:
        pass  # already gone
    except PermissionError:
        pass  # another user's: `terminate` then finds it still there


def reap_in_background(process: subprocess.Popen, name: str, then: Callable[[], object] | None = None) -> None:
    """Wait for `process` on a thread, so once it ends it does not linger as a zombie that looks alive;
    then call `then` (if given) on that thread."""
    def wait() -> None:
        process.wait()
        if then is not None:
            then()

    threading.Thread(target=wait, daemon=True, name=f"reap-{name}").start()


def _windows_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    ctypes.windll.kernel32.CloseHandle(handle)
    return code.value == 259  # STILL_ACTIVE
