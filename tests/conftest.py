"""Shared test helpers."""

from __future__ import annotations

import shutil

import pytest


def node_available() -> bool:
    return shutil.which("node") is not None


requires_node = pytest.mark.skipif(not node_available(), reason="needs a real node executable")


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> object:
    """Runs of `check` in tests keep their package-code cache in a temporary folder, not the user's."""
    import os

    folder = tmp_path_factory.mktemp("nmdoctor-cache")
    previous = os.environ.get("NMDOCTOR_CACHE_DIR")
    os.environ["NMDOCTOR_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("NMDOCTOR_CACHE_DIR", None)
    else:
        os.environ["NMDOCTOR_CACHE_DIR"] = previous
