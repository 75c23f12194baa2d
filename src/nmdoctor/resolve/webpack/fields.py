"""``exports`` and ``imports`` fields as enhanced-resolve 5.27.0 reads them (its util/entrypoints.js).

This is not node's algorithm (resolve/node/exports.py is). Where they differ, bundler mode follows
enhanced-resolve:

- the targets of a match are all collected first (arrays and nested conditions flattened), and the
  resolver then tries only the first target that starts with ``./`` and has no ``.``, ``..`` or
  ``node_modules`` segment; if that one does not resolve, the request fails (no fallback);
- a target is then resolved like a relative request: extensions and ``index`` files are tried;
- a key that mixes ``.`` subpaths and conditions, a target ending in ``/`` for a file key, and a
  ``null`` or number inside a target array are errors (JavaScript's WeakMap refuses them as keys);
- pattern keys are ranked by ``patternKeyCompare``, exact keys first.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nmdoctor.resolve.webpack.paths import BundlerError, js_truthy, json_stringify, parse_identifier

__all__ = [
    "WEAK_MAP_KEY",
    "FieldMatch",
    "build_exports_field",
    "explain_subpaths_in_conditions",
    "exports_field_targets",
    "imports_field_targets",
]

FieldMatch = tuple[list[str], str | None]
"""The targets a request maps to, in order, and the field key that matched (None: no key)."""

WEAK_MAP_KEY = "Invalid value used as weak map key"


def _pattern_key_compare(a: str, b: str) -> int:
    a_star = a.find("*")
    b_star = b.find("*")
    base_a = len(a) if a_star == -1 else a_star + 1
    base_b = len(b) if b_star == -1 else b_star + 1
    if base_a > base_b:
        return -1
    if base_b > base_a:
        return 1
    if a_star == -1:
        return 1
    if b_star == -1:
        return -1
    if len(a) > len(b):
        return -1
    if len(b) > len(a):
        return 1
    return 0


def _find_match(request: str, field: Any) -> tuple[Any, str, bool, bool, str] | None:
    """The mapping of the key that matches ``request``: (target, rest, folder key, pattern key, key)."""
    if not isinstance(field, dict | list):
        raise BundlerError(WEAK_MAP_KEY)
    if isinstance(field, list):
        return None  # own keys "0", "1", ..., "length": none can match a "./" or "#" request
    if "*" not in request and not request.endswith("/") and request in field:
        return field[request], "", False, False, request
    best = ""
    best_folder = best_pattern = False
    best_rest = ""
    for key in field:
        star = key.find("*")
        if star != -1:
            prefix, suffix = key[:star], key[star + 1 :]
            if (
                "*" in suffix
                or not request.startswith(prefix)
                or len(request) < len(key)
                or not request.endswith(suffix)
                or _pattern_key_compare(best, key) != 1
            ):
                continue
            best, best_folder, best_pattern = key, key.endswith("/"), True
            best_rest = request[star : len(request) - len(suffix)]
        elif key.endswith("/") and request.startswith(key) and _pattern_key_compare(best, key) == 1:
            best, best_folder, best_pattern = key, True, False
            best_rest = request[len(key) :]
    if best == "":
        return None
    return field[best], best_rest, best_folder, best_pattern, best


def _conditional_mapping(mapping: Any, conditions: frozenset[str]) -> Any:
    """The first value whose condition is ``default`` or one of ``conditions``, descending into nested
    condition objects and backing out of those that match nothing; None when nothing matches."""
    if not isinstance(mapping, dict | list):
        raise BundlerError(WEAK_MAP_KEY)

    def keys_of(value: dict[str, Any] | list[Any]) -> list[str]:
        return list(value) if isinstance(value, dict) else [str(index) for index in range(len(value))]

    def value_of(value: dict[str, Any] | list[Any], key: str) -> Any:
        return value[key] if isinstance(value, dict) else value[int(key)]

    lookup: list[list[Any]] = [[mapping, keys_of(mapping), 0]]
    while lookup:
        top = lookup[-1]
        current, keys, start = top
        descended = False
        for index in range(start, len(keys)):
            condition = keys[index]
            if condition == "default" or condition in conditions:
                inner = value_of(current, condition)
                if isinstance(inner, dict):
                    top[2] = index + 1
                    lookup.append([inner, keys_of(inner), 0])
                    descended = True
                    break
                return inner
        if not descended:
            lookup.pop()
    return None


Assert = Callable[[str, bool], None]


def _target_mapping(rest: str | None, pattern: bool, folder: bool, target: str, check: Assert) -> str:
    if rest is None:
        check(target, False)
        return target
    if folder:
        check(target, True)
        return target + rest
    check(target, False)
    return target.replace("*", rest) if pattern else target


def _direct_mapping(
    rest: str | None, pattern: bool, folder: bool, target: Any, conditions: frozenset[str], check: Assert
) -> list[str]:
    if target is None:
        return []
    if isinstance(target, str):
        return [_target_mapping(rest, pattern, folder, target, check)]
    if not isinstance(target, list):
        return []  # a number or a boolean: JavaScript loops over its (undefined) length
    targets: list[str] = []
    for item in target:
        if isinstance(item, str):
            targets.append(_target_mapping(rest, pattern, folder, item, check))
            continue
        mapping = _conditional_mapping(item, conditions)
        if not js_truthy(mapping):
            continue
        targets.extend(_direct_mapping(rest, pattern, folder, mapping, conditions, check))
    return targets


def _process(field: Any, request: str, conditions: frozenset[str], check: Assert) -> FieldMatch:
    match = _find_match(request, field)
    if match is None:
        return [], None
    mapping, rest, folder, pattern, used = match
    if isinstance(mapping, dict):
        direct = _conditional_mapping(mapping, conditions)
        if direct is None:
            return [], None
    else:
        direct = mapping
    return _direct_mapping(rest, pattern, folder, direct, conditions, check), used


def _assert_target(target: str, expect_folder: bool) -> None:
    parsed = parse_identifier(target)
    if not parsed:
        return
    is_folder = parsed[0].endswith("/")
    if is_folder != expect_folder:
        quoted = json_stringify(target)
        raise BundlerError(
            f'Expecting folder to folder mapping. {quoted} should end with "/"'
            if expect_folder
            else f'Expecting file to file mapping. {quoted} should not end with "/"'
        )


def build_exports_field(field: Any) -> Any:
    """``buildExportsField``: a string or array means ``{".": field}``; an object of conditions too.

    Raises BundlerError for keys that mix subpaths and conditions or do not start with ``./``.
    """
    if isinstance(field, str | list):
        return {".": field}
    if not isinstance(field, dict):
        return field
    keys = list(field)
    index = 0
    while index < len(keys):
        key = keys[index]
        if not key.startswith("."):
            if index == 0:
                while index < len(keys):
                    if keys[index][:1] in (".", "/"):
                        raise BundlerError(
                            f'Exports field key should be relative path and start with "." (key: {json_stringify(key)})'
                        )
                    index += 1
                return {".": field}
            raise BundlerError(
                f'Exports field key should be relative path and start with "." (key: {json_stringify(key)})'
            )
        if len(key) != 1 and key[1] != "/":
            raise BundlerError(
                f'Exports field key should be relative path and start with "./" (key: {json_stringify(key)})'
            )
        index += 1
    return field


def exports_field_targets(built: Any, request: str, conditions: frozenset[str]) -> FieldMatch:
    """The targets of ``request`` (``.`` or ``./sub``) in a field made by ``build_exports_field``."""
    if not request.startswith("."):
        raise BundlerError('Request should be relative path and start with "."')
    if len(request) == 1:
        subpath = ""
    else:
        if request[1] != "/":
            raise BundlerError('Request should be relative path and start with "./"')
        if request.endswith("/"):
            raise BundlerError("Only requesting file allowed")
        subpath = request[2:]
    return _process(built, "./" + subpath if subpath else ".", conditions, _assert_target)


def imports_field_targets(field: Any, request: str, conditions: frozenset[str]) -> FieldMatch:
    """The targets of ``request`` (``#name``) in an ``imports`` field."""
    if not request.startswith("#"):
        raise BundlerError('Request should start with "#"')
    if len(request) == 1:
        raise BundlerError("Request should have at least 2 characters")
    if request.endswith("/"):
        raise BundlerError("Only requesting file allowed")
    return _process(field, request, conditions, _assert_target)


def _find_subpaths(mapping: Any, sigil: str, trail: list[str]) -> tuple[list[str], list[str]] | None:
    if isinstance(mapping, list):
        for item in mapping:
            found = _find_subpaths(item, sigil, trail)
            if found:
                return found
        return None
    if not isinstance(mapping, dict):
        return None
    keys = list(mapping)
    if any(key[:1] == sigil for key in keys):
        return list(trail), keys
    for key in keys:
        trail.append(key)
        found = _find_subpaths(mapping[key], sigil, trail)
        if found:
            return found
        trail.pop()
    return None


def explain_subpaths_in_conditions(field: Any, is_exports: bool) -> str | None:
    """enhanced-resolve's hint when subpath keys hide inside a condition (they never match)."""
    if not isinstance(field, dict):
        return None
    sigil = "." if is_exports else "#"
    found = None
    for key in field:
        found = _find_subpaths(field[key], sigil, [key])
        if found:
            break
    if not found:
        return None
    trail, keys = found
    subpath_keys = [key for key in keys if key[:1] == sigil]
    condition = trail[-1]
    example = ", ".join(f"{json_stringify(key)}: {{ {json_stringify(condition)}: ... }}" for key in subpath_keys)
    return (
        f"the value at {' -> '.join(json_stringify(item) for item in trail)} is an object with subpath keys "
        f"({', '.join(json_stringify(key) for key in subpath_keys)}), which is not supported - a condition can only "
        "map to a target or to further conditions, so those subpaths never match. Put the subpaths at the top "
        f"level and nest the conditions inside them instead, e.g. {{ {example} }}."
    )
