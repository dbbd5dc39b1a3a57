"""docs/architecture.md names every module with its job, so a newcomer finds each idea in one file."""

import ast

import pytest

from conftest import ROOT

MODULES = sorted(path.relative_to(ROOT).as_posix() for folder in ("rnnviz", "ui", "views")
                 for path in (ROOT / folder).glob("*.py") if path.as_posix() != (ROOT / "rnnviz/__init__.py").as_posix())


@pytest.mark.parametrize("module", MODULES)
def test_every_module_says_its_job_and_is_on_the_map(module):
    docstring = ast.get_docstring(ast.parse((ROOT / module).read_text(encoding="utf-8")))
    assert docstring, f"{module} has no docstring naming its job"
    assert f"`{module}`" in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"), \
        f"{module} is missing from docs/architecture.md"
