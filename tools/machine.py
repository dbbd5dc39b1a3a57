"""What machine a benchmark ran on, printed with its figures."""

import os
import platform
from pathlib import Path


def cpu_name() -> str:
    """CPU model from /proc/cpuinfo on Linux, else ``platform.processor()``."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def describe() -> str:
    """One line: OS, architecture, CPU count and model, Python."""
    return (f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs ({cpu_name()}), "
            f"Python {platform.python_version()}")
