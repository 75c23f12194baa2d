"""Shared test helpers."""

from __future__ import annotations

import shutil

import pytest


def node_available() -> bool:
    return shutil.which("node") is not None


requires_node = pytest.mark.skipif(not node_available(), reason="needs a real node executable")
