"""Every `rnnviz` module's doctests run, and a module with examples that runs none fails.

Modules are found with pkgutil, so a new module is covered without touching this file.
"""

import doctest
import importlib
import inspect
import pkgutil

import pytest

import rnnviz

MODULES = sorted(info.name for info in pkgutil.walk_packages(rnnviz.__path__, prefix="rnnviz."))


def test_the_package_has_modules():
    assert "rnnviz.cells" in MODULES and len(MODULES) > 10


@pytest.mark.parametrize("name", MODULES)
def test_doctests_pass_and_none_are_skipped(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module)
    assert result.failed == 0, f"{result.failed} of {result.attempted} doctests failed in {name}"
    has_examples = ">>>" in inspect.getsource(module)
    assert result.attempted > 0 or not has_examples, f"{name} has >>> examples but doctest ran none"
