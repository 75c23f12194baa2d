"""The public API: every name in __all__ exists, and the docstring examples run."""

from __future__ import annotations

import doctest
import importlib

import pytest

import nmdoctor.api

MODULES = ["nmdoctor.api", "nmdoctor.resolve", "nmdoctor.vfs", "nmdoctor.lockfiles", "nmdoctor.diagnostics"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__, name
    for item in module.__all__:
        assert hasattr(module, item), f"{name}.{item}"


def test_api_examples_run() -> None:
    result = doctest.testmod(nmdoctor.api, verbose=False)
    assert result.attempted >= 8
    assert result.failed == 0
