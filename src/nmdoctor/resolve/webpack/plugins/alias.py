"""enhanced-resolve's alias plugins: AliasPlugin (the ``alias`` and ``fallback`` options) and
AliasFieldPlugin (a description file's ``browser`` field). Which hook runs which is in ``pipeline``.
"""

from __future__ import annotations

from typing import Any

from nmdoctor.resolve.webpack.core import STOP, Alias, Core, FieldName, Request, Tap, cacheable, replace
from nmdoctor.resolve.webpack.paths import (
    UNDEFINED,
    BundlerError,
    get_field,
    is_relative_request,
    join,
    js_replace_first,
    js_truthy,
)

__all__ = ["AliasPlugins"]

# Names every JavaScript object inherits: an alias field looked up by one of them finds a function.
_OBJECT_PROTOTYPE = frozenset(
    {
        "constructor",
        "__proto__",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toString",
        "valueOf",
        "toLocaleString",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
    }
)


class AliasPlugins(Core):
    """AliasPlugin, AliasFieldPlugin."""

    def _aliases(self, request: Request, items: tuple[Alias, ...]) -> Tap:
        """AliasPlugin (``aliasResolveHandler``), including its quirks: a wildcard entry is considered
        for every request that starts with the entry's first character, and one aliased to ``false``
        ignores all of them."""
        inner = request.request or request.path
        if not inner:
            return None
        has_request = bool(request.request)
        first = inner[0]
        entered = len(self._open_tries)
        for item in items:
            del self._open_tries[entered:]
            if item.first is not None and item.first != first:
                continue
            match_request = inner == item.name or (
                not item.only_module
                and (
                    (has_request and inner.startswith(item.name + "/"))
                    or (item.absolute is not None and inner.startswith(item.absolute))
                )
            )
            match_wildcard = not item.only_module and item.prefix is not None
            if not (match_request or match_wildcard):
                continue
            should_stop = False
            started = len(self._open_tries)
            for alias in item.targets:
                del self._open_tries[started:]
                if alias is False:
                    self._log.append(f"aliased with mapping '{item.name}': ignored (false)")
                    return replace(request, ignored=True)
                target = str(alias)
                new_request = None
                if (
                    match_wildcard
                    and item.prefix is not None
                    and item.suffix is not None
                    and inner.startswith(item.prefix)
                    and inner.endswith(item.suffix)
                ):
                    matched = inner[len(item.prefix) : len(inner) - len(item.suffix)]
                    new_request = js_replace_first(target, "*", matched)
                if match_request and inner != target and not inner.startswith(target + "/"):
                    new_request = target + inner[len(item.name) :]
                if new_request is not None:
                    should_stop = True
                    message = f"aliased with mapping '{item.name}': '{target}' to '{new_request}'"
                    aliased = replace(request, request=new_request, fully_specified=False)
                    found = self.do("internalResolve", aliased, message)
                    if found:
                        return found
            if should_stop:
                return STOP
        return None

    @staticmethod
    def _inner_request(request: Request) -> str | None:
        """``getInnerRequest``: the request relative to its package root."""
        if request.request:
            inner = request.request
            if request.relative_path and is_relative_request(inner):
                inner = join(request.relative_path, inner)
            return inner
        return request.relative_path

    def _alias_field(self, request: Request, field: FieldName) -> Tap:
        """AliasFieldPlugin (the ``browser`` field of a description file)."""
        data = request.description_file_data
        if not js_truthy(data):
            return None
        inner = self._inner_request(request)
        if not inner:
            return None
        cacheable(data)
        raw = get_field(data, field)
        if not isinstance(raw, dict | list):
            self._log.append(f"Field '{field}' doesn't contain a valid alias configuration")
            return None
        value: Any = UNDEFINED
        if isinstance(raw, dict) and inner in raw:
            value = raw[inner]
        elif inner.startswith("./"):
            key = inner[2:]
            if isinstance(raw, dict) and key in raw:
                value = raw[key]
            elif key in _OBJECT_PROTOTYPE:
                raise BundlerError(f"TypeError: the alias field maps '{inner}' to an inherited property", thrown=True)
        if value is UNDEFINED or (isinstance(value, str) and value == inner):
            return None
        if value is False:
            self._log.append(f"aliased from description file {request.description_file_path}: '{inner}' ignored")
            return replace(request, ignored=True)
        if value is None or (type(value) in (int, float) and value == 0):
            value = None  # parses as an empty request
        elif not isinstance(value, str):
            raise BundlerError(f"TypeError: the alias field maps '{inner}' to a {type(value).__name__}", thrown=True)
        message = f"aliased from description file {request.description_file_path} with mapping '{inner}' to '{value}'"
        aliased = replace(request, path=request.description_file_root or "", request=value, fully_specified=False)
        return self.do("internalResolve", aliased, message) or STOP
