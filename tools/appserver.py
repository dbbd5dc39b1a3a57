"""Start the real app (`streamlit run app.py`) on a free local port, and a headless Chromium.

Used by tests/test_browser.py and tools/screenshot.py. Chromium is Debian's
(/usr/bin/chromium), driven by Playwright; Playwright's own browser download
is never used.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def app_server(env: dict[str, str] | None = None, timeout: float = 60,
               log_path: str | Path | None = None) -> Iterator[str]:
    """Run the app in a subprocess; yields its base URL, stops it afterwards."""
    with streamlit_server(ROOT / "app.py", env, timeout, log_path) as (url, _):
        yield url


@contextlib.contextmanager
def streamlit_server(script: Path, env: dict[str, str] | None = None, timeout: float = 60,
                     log_path: str | Path | None = None,
                     extra_args: Sequence[str] = (), cwd: Path = ROOT) -> Iterator[tuple[str, int]]:
    """`streamlit run script` on a free local port; yields (base URL, server pid), stops it afterwards.

    `cwd`: where the server starts, and so whose `.streamlit/config.toml` it reads (a baseline
    checkout's own, say).

    The server's console output goes to `log_path` (default: a temporary file), never to a
    pipe nobody reads: a long-lived server that logs a lot would block once a pipe is full.
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", *extra_args]
    log = open(log_path, "w+b") if log_path else tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    try:
        process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                                   stdout=log, stderr=subprocess.STDOUT)
    except BaseException:
        log.close()
        raise
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError(f"the app did not start: {log.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.3)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@contextlib.contextmanager
def chromium():
    """A headless Debian Chromium as a Playwright `Browser`: make contexts and pages from it."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextlib.contextmanager
def browser_page(width: int = 1400, height: int = 1000):
    """A Playwright page in headless Debian Chromium."""
    with chromium() as browser:
        yield browser.new_page(viewport={"width": width, "height": height})


def wait_for_app(page, text: str, timeout_ms: int = 60_000) -> None:
    """Wait until the script has finished and `text` is on the page."""
    page.get_by_text(text, exact=False).first.wait_for(timeout=timeout_ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms)
