"""Every docstring example in the installed package runs and holds."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import reportqa

FLOORS = ("core", "language", "ingest", "indexing", "question", "retrieval", "answering", "engine", "eval", "app")
# the Streamlit page runs on import; it has no examples
_SKIP = {"reportqa.app.streamlit_app"}


def _modules() -> list[str]:
    # each floor is walked from its own folder: an editable install maps them from the checkout
    names = [info.name for info in pkgutil.iter_modules(reportqa.__path__, "reportqa.")]
    for floor in FLOORS:
        package = importlib.import_module(f"reportqa.{floor}")
        names += [info.name for info in pkgutil.iter_modules(package.__path__, f"reportqa.{floor}.")]
    return sorted(set(names) - _SKIP)


MODULES = _modules()


def test_every_floor_has_modules() -> None:
    assert {name.split(".")[1] for name in MODULES} >= set(FLOORS)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed"
