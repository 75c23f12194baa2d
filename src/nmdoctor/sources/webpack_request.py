"""Splitting a webpack request (``style-loader!css-loader?modules!./x.css``) as webpack does: an
optional match resource (``name.css!=!``), the prefixes ``-!``, ``!!`` and ``!``, then loaders
separated by ``!``, each with an optional ``?query``, and the resource last."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WebpackRequest", "split_request"]

_MATCH_RESOURCE = re.compile(r"^([^!]+)!=!")
_PREFIX = re.compile(r"^-?!+")


@dataclass(frozen=True, slots=True)
class WebpackRequest:
    loaders: tuple[str, ...]  # loader requests, queries stripped
    resource: str  # the resource request, query and fragment stripped


def _strip_query(request: str) -> str:
    cut = len(request)
    for mark in ("?", "#"):
        index = request.find(mark, 1)
        if index != -1:
            cut = min(cut, index)
    return request[:cut]


def split_request(request: str) -> WebpackRequest:
    """The parts webpack's NormalModuleFactory resolves (loaders with the loader resolver, the
    resource with the normal one). A request without ``!`` is just its resource."""
    rest = _MATCH_RESOURCE.sub("", request, count=1)
    if "!" not in rest:
        return WebpackRequest((), rest)
    rest = re.sub(r"!!+", "!", _PREFIX.sub("", rest))
    elements = rest.split("!")
    resource = elements.pop()
    loaders = tuple(_strip_query(item) for item in elements if item)
    return WebpackRequest(tuple(item for item in loaders if item), _strip_query(resource))
