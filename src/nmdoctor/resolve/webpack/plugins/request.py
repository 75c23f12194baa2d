"""enhanced-resolve's plugins that shape the request itself: ParsePlugin (the request string cut into
path, query and fragment), DescriptionFilePlugin (the nearest package.json attached) and
JoinRequestPlugin (the request joined onto its path). Which hook runs which is in ``pipeline``.
"""

from __future__ import annotations

from nmdoctor.resolve.webpack.core import STOP, Core, Request, Tap, replace
from nmdoctor.resolve.webpack.paths import PathType, cd_up, get_type, join, parse_identifier

__all__ = ["RequestPlugins"]


class RequestPlugins(Core):
    """ParsePlugin, DescriptionFilePlugin, JoinRequestPlugin."""

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

    def _join_request(self, request: Request, target: str) -> Request | None:
        """JoinRequestPlugin."""
        joined = replace(
            request,
            path=join(request.path, request.request),
            relative_path=request.relative_path and join(request.relative_path, request.request),
            request=None,
        )
        return self.do(target, joined)
