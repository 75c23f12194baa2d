"""The plugins of enhanced-resolve 5.27.0 that bundler mode wires, one method each (see
``pipeline`` for which hook runs which). Each returns a ``Request`` (a result), ``STOP``
(the hook stops without a result) or None (the next tap of the hook runs); errors raise
BundlerError, which aborts the whole resolution.
"""

from __future__ import annotations

import re
from typing import Any

from nmdoctor.resolve.webpack.core import STOP, Alias, Core, FieldName, Request, Tap, replace
from nmdoctor.resolve.webpack.fields import (
    WEAK_MAP_KEY,
    build_exports_field,
    explain_subpaths_in_conditions,
    exports_field_targets,
    imports_field_targets,
)
from nmdoctor.resolve.webpack.paths import (
    UNDEFINED,
    BundlerError,
    PathType,
    cd_up,
    get_field,
    get_paths,
    get_type,
    is_relative_request,
    join,
    js_replace_first,
    js_truthy,
    json_stringify,
    parse_identifier,
)
from nmdoctor.vfs.base import FileSystemError, Kind

__all__ = ["Plugins"]

_SEGMENT = (
    r"(\.|%2e)(\.|%2e)?"
    r"|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)"
    r"(e|%65|%45)(s|%73|%53)"
)
# A ".", ".." or "node_modules" segment (percent-encoded too); the second also any empty segment.
_DEPRECATED_INVALID_SEGMENT = re.compile(rf"(^|\\|/)({_SEGMENT})(\\|/|\Z)", re.IGNORECASE)
_INVALID_SEGMENT = re.compile(rf"(^|\\|/)({_SEGMENT})?(\\|/|\Z)", re.IGNORECASE)
_FORCE_RELATIVE = re.compile(r"\.\.?/")
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


def _cacheable(data: Any) -> None:
    """The plugins cache per description file content in a WeakMap, which refuses a primitive key:
    a package.json holding ``null``, a string, a number or a boolean makes them throw."""
    if not isinstance(data, dict | list):
        raise BundlerError(WEAK_MAP_KEY, thrown=True)


class Plugins(Core):
    """Taps; ``pipeline.Pipeline`` calls them from its hooks."""

    def _parse(self, request: Request, fully_specified: bool, internal: bool | None) -> Request | None:
        """ParsePlugin."""
        parsed = parse_identifier(request.request)
        text = query = fragment = ""
        module = directory = is_internal = False
        if parsed:
            text, query, fragment = parsed
            if text:
                kind = get_type(text)
                module = kind is PathType.NORMAL
                original = request.request or ""
                is_internal = kind is PathType.INTERNAL if original == text else get_type(original) is PathType.INTERNAL
                directory = text.endswith("/")
                if directory:
                    text = text[:-1]
        parsed_request = replace(
            request,
            request=text,
            query=query or request.query or "",
            fragment=fragment or request.fragment or "",
            module=module,
            directory=directory,
            internal=is_internal if internal is None else internal,
            fully_specified=fully_specified,
        )
        if parsed_request.request and not parsed_request.query and parsed_request.fragment:
            # "./a#b" may name a file called "a#b": try that first.
            as_directory = parsed_request.fragment.endswith("/")
            fragment_text = parsed_request.fragment[:-1] if as_directory else parsed_request.fragment
            alternative = replace(
                parsed_request,
                directory=as_directory,
                request=parsed_request.request + ("/" if parsed_request.directory else "") + fragment_text,
                fragment="",
            )
            found = self.do("parsedResolve", alternative)
            if found:
                return found
        return self.do("parsedResolve", parsed_request)

    def _description(self, request: Request, path_is_file: bool, target: str) -> Tap:
        """DescriptionFilePlugin: attach the nearest description file; pass if there is none."""
        path = request.path
        if not path:
            return None
        directory = cd_up(path) if path_is_file else path
        if not directory:
            return None
        found = self._load_description_file(directory, request)
        if found is None:
            self._log.append(f"No description file found in {directory} or above")
            return None
        file_path, content, root = found
        relative = "." + path[len(root) :].replace("\\", "/")
        described = replace(
            request,
            description_file_path=file_path,
            description_file_data=content,
            description_file_root=root,
            relative_path=relative,
        )
        message = f"using description file: {file_path} (relative path: {relative})"
        return self.do(target, described, message) or STOP

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
        _cacheable(data)
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

    def _join_request(self, request: Request, target: str) -> Request | None:
        """JoinRequestPlugin."""
        joined = replace(
            request,
            path=join(request.path, request.request),
            relative_path=request.relative_path and join(request.relative_path, request.request),
            request=None,
        )
        return self.do(target, joined)

    def _directory_exists(self, request: Request, target: str) -> Request | None:
        """DirectoryExistsPlugin."""
        directory = request.path
        if not directory:
            return None
        kind = self._kind(directory)
        if kind is not Kind.DIR:
            self._log.append(f"{directory} doesn't exist" if kind is None else f"{directory} is not a directory")
            return None
        return self.do(target, request, f"existing directory {directory}")

    def _use_file(self, request: Request, name: str) -> Request | None:
        """UseFilePlugin (``mainFiles``)."""
        path = join(request.path, name)
        used = replace(request, path=path, relative_path=request.relative_path and join(request.relative_path, name))
        return self.do("undescribedRawFile", used, f"using path: {path}")

    def _main_field(self, request: Request, field: FieldName) -> Request | None:
        """MainFieldPlugin (``mainFields``; entries are forced relative, as for string options)."""
        if (
            request.path != request.description_file_root
            or request.main_field_tried == request.description_file_path
            or not request.description_file_path
        ):
            return None
        _cacheable(request.description_file_data)
        raw = get_field(request.description_file_data, field)
        if not js_truthy(raw) or not isinstance(raw, str) or raw in (".", "./"):
            return None
        main = raw if _FORCE_RELATIVE.match(raw) else "./" + raw
        name = ",".join(field) if isinstance(field, tuple) else field
        filename = request.description_file_path.rsplit("/", 1)[-1]
        entered = replace(
            request,
            request=main,
            module=False,
            directory=main.endswith("/"),
            main_field_tried=request.description_file_path,
        )
        return self.do("resolveInExistingDirectory", entered, f"use {main} from {name} in {filename}")

    def _self_reference(self, request: Request, field: FieldName) -> Request | None:
        """SelfReferencePlugin: a package naming itself resolves through its own exports."""
        data = request.description_file_data
        if not js_truthy(data):
            return None
        text = request.request
        if not text:
            return None
        _cacheable(data)
        if not js_truthy(get_field(data, field)):
            return None
        name = get_field(data, "name")
        if not isinstance(name, str):
            return None
        if text.startswith(name) and (len(text) == len(name) or text[len(name)] == "/"):
            inner = replace(
                request,
                request="." + text[len(name) :],
                path=request.description_file_root or "",
                relative_path=".",
            )
            return self.do("resolveAsModule", inner, "self reference")
        return None

    def _modules_in_hierarchy(self, request: Request, folders: tuple[str, ...]) -> Request | None:
        """ModulesInHierarchicalDirectoriesPlugin: every folder name in every ancestor, nearest first."""
        paths, _segments = get_paths(request.path)
        relative = f"./{request.request}"
        entered = len(self._open_tries)
        for ancestor in paths:
            for folder in folders:
                del self._open_tries[entered:]  # forEachBail: each address starts from the same stack
                address = join(ancestor, folder)
                if self._kind(address) is not Kind.DIR:
                    self._log.append(f"{address} doesn't exist or is not a directory")
                    continue
                inside = replace(request, path=address, request=relative, module=False)
                found = self.do("module", inside, f"looking for modules in {address}")
                if found:
                    return found
        return None

    def _in_roots(self, request: Request) -> Request | None:
        """RootsPlugin: a server-relative request ``/x`` is first looked for under each root."""
        text = request.request
        if not text or not text.startswith("/"):
            return None
        entered = len(self._open_tries)
        for root in self._roots:
            del self._open_tries[entered:]
            path = join(root, text[1:])
            rooted = replace(request, path=path, relative_path=request.relative_path and path)
            found = self.do("relative", rooted, f"root path {root}")
            if found:
                return found
        return None

    def _exports(self, request: Request, field: FieldName) -> Tap:
        """ExportsFieldPlugin: only the first usable target is tried; failing it fails the request."""
        data = request.description_file_data
        if not js_truthy(data) or request.relative_path != "." or request.request is None:
            return None
        text = request.request
        if request.query or request.fragment:
            remaining = ("./" if text == "." else text) + request.query + request.fragment
        else:
            remaining = text
        config = request.description_file_path
        if not isinstance(data, dict | list):
            raise BundlerError(f"{WEAK_MAP_KEY} (see exports field in {config})")
        raw = get_field(data, field)
        if not js_truthy(raw):
            # It passes from inside its try: what the pipeline throws next is caught and labelled here.
            self._open_tries.append(f"(see exports field in {config})")
            return None
        root = request.description_file_root
        try:
            built = build_exports_field(raw)
        except BundlerError as error:
            raise BundlerError(f"{error} (see exports field in {config})") from None
        if request.directory:
            raise BundlerError(
                f"Resolving to directories is not possible with the exports field (request was {remaining}/)"
            )
        try:
            targets, used = exports_field_targets(built, remaining, self._conditions)
        except BundlerError as error:
            raise BundlerError(f"{error} (see exports field in {config})") from None
        if not targets:
            names = self._condition_list
            wording = f'the condition "{names[0]}"' if len(names) == 1 else f"the conditions {json_stringify(names)}"
            explanation = explain_subpaths_in_conditions(raw, True)
            raise BundlerError(
                f'"{remaining}" is not exported under {wording} from package {root} (see exports field in {config})'
                + (f". In that exports field, {explanation}" if explanation else "")
            )
        for number, target in enumerate(targets, start=1):
            parsed = parse_identifier(target)
            if not parsed:
                continue
            relative, query, fragment = parsed
            inner = relative[2:]
            if not relative.startswith("./") or (
                _INVALID_SEGMENT.search(inner) and _DEPRECATED_INVALID_SEGMENT.search(inner)
            ):
                if number == len(targets):
                    raise BundlerError(
                        f'Invalid "exports" target "{target}" defined for "{used}" in the package config '
                        f'{config}, targets must start with "./"'
                    )
                self._log.append(f'skipped invalid exports target "{target}"')
                continue
            mapped = replace(
                request,
                request=None,
                path=join(root or "", relative),
                relative_path=relative,
                query=query,
                fragment=fragment,
            )
            found = self.do("relative", mapped, f"using exports field: {target}")
            if found:
                return found
            break
        raise BundlerError(
            f"Package path {remaining} is exported from package {root}, but no valid target file was found "
            f"(see exports field in {config})"
        )

    def _imports(self, request: Request, field: FieldName) -> Tap:
        """ImportsFieldPlugin: ``#name`` through the ``imports`` of the nearest description file."""
        data = request.description_file_data
        if not js_truthy(data) or request.request is None:
            return None
        text = request.request
        remaining = text + request.query + request.fragment if (request.query or request.fragment) else text
        config = request.description_file_path
        if not isinstance(data, dict | list):
            raise BundlerError(f"{WEAK_MAP_KEY} (see imports field in {config})")
        raw = get_field(data, field)
        if not js_truthy(raw):
            self._open_tries.append(f"(see imports field in {config})")
            return None
        root = request.description_file_root or ""
        if request.directory:
            raise BundlerError(
                f"Resolving to directories is not possible with the imports field (request was {remaining}/)"
            )
        try:
            targets, used = imports_field_targets(raw, remaining, self._conditions)
        except BundlerError as error:
            raise BundlerError(f"{error} (see imports field in {config})") from None
        if not targets:
            explanation = explain_subpaths_in_conditions(raw, False)
            raise BundlerError(
                f"Package import {remaining} is not imported from package {root} (see imports field in {config})"
                + (f". In that imports field, {explanation}" if explanation else "")
            )
        for number, target in enumerate(targets, start=1):
            parsed = parse_identifier(target)
            if not parsed:
                continue
            path, query, fragment = parsed
            if path.startswith("."):
                if _INVALID_SEGMENT.search(path[2:]):
                    if number == len(targets):
                        raise BundlerError(
                            f'Invalid "imports" target "{target}" defined for "{used}" in the package config '
                            f'{config}, targets must start with "./"'
                        )
                    self._log.append(f'skipped invalid imports target "{target}"')
                    continue
                mapped = replace(
                    request, request=None, path=join(root, path), relative_path=path, query=query, fragment=fragment
                )
                return self.do("importsFieldRelative", mapped, f"using imports field: {target}") or STOP
            mapped = replace(
                request, request=path, relative_path=path, fully_specified=True, query=query, fragment=fragment
            )
            return self.do("importsResolve", mapped, f"using imports field: {target}") or STOP
        return STOP

    def _symlinks(self, request: Request) -> Tap:
        """SymlinkPlugin: replace each linked component of the path by its link text (one pass; the
        result goes round again until no component is a link)."""
        paths, segments = get_paths(request.path)
        replaced: list[str] | None = None
        stop_at: int | None = None
        for index, path in enumerate(paths):
            try:
                target = self.fs.readlink(path)
            except FileSystemError:
                continue
            if not target:
                continue
            if replaced is None:
                replaced = list(segments)
            replaced[index] = target
            if get_type(target) in (PathType.ABSOLUTE_POSIX, PathType.ABSOLUTE_WIN):
                stop_at = index
                break
        if replaced is None:
            return None
        parts = replaced[: stop_at + 1] if stop_at is not None else replaced
        result = parts[-1]
        for segment in reversed(parts[:-1]):
            result = join(result, segment)
        return self.do("existingFile", replace(request, path=result), f"resolved symlink to {result}") or STOP
