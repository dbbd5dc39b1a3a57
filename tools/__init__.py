"""Developer tools: a local app server and browser helpers for tests, screenshots and benchmarks."""
