"""enhanced-resolve's plugins that read a package's own maps: ExportsFieldPlugin, ImportsFieldPlugin
and SelfReferencePlugin (a package naming itself resolves through its ``exports``). Only the first
usable target of a match is tried; the field rules themselves are in ``fields``. Which hook runs
which is in ``pipeline``.
"""

from __future__ import annotations

import re

from nmdoctor.resolve.webpack.core import STOP, Core, FieldName, Request, Tap, cacheable, replace
from nmdoctor.resolve.webpack.fields import (
    WEAK_MAP_KEY,
    build_exports_field,
    explain_subpaths_in_conditions,
    exports_field_targets,
    imports_field_targets,
)
from nmdoctor.resolve.webpack.paths import BundlerError, get_field, join, js_truthy, json_stringify, parse_identifier

__all__ = ["PackagePlugins"]

_SEGMENT = (
    r"(\.|%2e)(\.|%2e)?"
    r"|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)"
    r"(e|%65|%45)(s|%73|%53)"
)
# A ".", ".." or "node_modules" segment (percent-encoded too); the second also any empty segment.
_DEPRECATED_INVALID_SEGMENT = re.compile(rf"(^|\\|/)({_SEGMENT})(\\|/|\Z)", re.IGNORECASE)
_INVALID_SEGMENT = re.compile(rf"(^|\\|/)({_SEGMENT})?(\\|/|\Z)", re.IGNORECASE)


class PackagePlugins(Core):
    """ExportsFieldPlugin, ImportsFieldPlugin, SelfReferencePlugin."""

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

    def _self_reference(self, request: Request, field: FieldName) -> Request | None:
        """SelfReferencePlugin: a package naming itself resolves through its own exports."""
        data = request.description_file_data
        if not js_truthy(data):
            return None
        text = request.request
        if not text:
            return None
        cacheable(data)
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
