"""YAML reading with libyaml's C parser when PyYAML has it (lockfiles of big projects are large)."""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["YAMLError", "load_yaml"]

YAMLError = yaml.YAMLError
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str | bytes) -> Any:
    """Parse one YAML document into plain Python data (safe: no custom tags)."""
    return yaml.load(text, Loader=_LOADER)
