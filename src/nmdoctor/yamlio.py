"""YAML reading with libyaml's C parser when PyYAML has it (lockfiles of big projects are large).

Bounded: a document that could nest past ``vfs.limits.MAX_DEPTH`` or that holds aliases is first
walked as an event stream (libyaml's parser is iterative; PyYAML's C composer recurses on the C stack
and crashes the process on deep nesting), and rejected with a ``YAMLError`` when it nests too deep or
its aliases expand too far.
"""

from __future__ import annotations

from typing import Any

import yaml

from nmdoctor.vfs.limits import LimitError, check_yaml_events, yaml_needs_scan

__all__ = ["YAMLError", "YAMLLimitError", "load_yaml"]

YAMLError = yaml.YAMLError
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YAMLLimitError(yaml.YAMLError):
    """The document nests too deep or its aliases expand too far (see ``vfs.limits``)."""


def load_yaml(text: str | bytes) -> Any:
    """Parse one YAML document into plain Python data (safe: no custom tags; bounded depth and aliases)."""
    scanned = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    if yaml_needs_scan(scanned):
        try:
            check_yaml_events(yaml.parse(text, Loader=_LOADER))
        except LimitError as error:
            raise YAMLLimitError(str(error)) from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except RecursionError:  # the pure-Python loader, where libyaml is missing
        raise YAMLLimitError("nested too deep") from None
