"""``BundlerResolver``, the entry point of bundler mode: one webpack resolver and its answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from nmdoctor.resolve.webpack.options import BundlerOptions
from nmdoctor.resolve.webpack.pipeline import Pipeline
from nmdoctor.vfs.base import FileSystem

__all__ = ["BundlerResolution", "BundlerResolver"]


@dataclass(frozen=True, slots=True)
class BundlerResolution:
    """One answer. ``resolved`` is what enhanced-resolve returns: the path with the request's
    ``?query`` and ``#fragment``; ``""`` when an alias or the browser field maps the request to
    ``false`` (``ignored``: webpack bundles an empty module); None with ``error``, webpack's words
    ("Can't resolve 'x' in '/app'", or the error enhanced-resolve raised)."""

    request: str
    context: str
    resolved: str | None
    error: str | None = None
    trace: tuple[str, ...] = field(default=(), compare=False)
    path: str | None = None
    query: str = ""
    fragment: str = ""
    ignored: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None


class BundlerResolver:
    """Resolves requests as one webpack resolver configured with ``options``.

    The tree is taken as a snapshot: description files are read once per resolver. One resolution
    at a time (not thread-safe).
    """

    def __init__(self, fs: FileSystem, options: BundlerOptions) -> None:
        self.fs = fs
        self.options = options
        self._pipeline = Pipeline(fs, options)

    def resolve(self, request: str, context: str) -> BundlerResolution:
        """Resolve ``request`` from the folder ``context`` (an absolute path, used as given).

        ``trace`` lists each step: every folder and file probed and why it was passed over, each
        description file used, alias and field mappings, symlinks followed.
        """
        if not context.startswith("/"):
            raise ValueError(f"context must be an absolute path: {context!r}")
        outcome = self._pipeline.run(request, context)
        if outcome.error is not None:
            return BundlerResolution(request, context, None, outcome.error, outcome.log)
        if outcome.ignored:
            return BundlerResolution(request, context, "", None, outcome.log, ignored=True)
        path = outcome.path or ""
        return BundlerResolution(
            request,
            context,
            path + outcome.query + outcome.fragment,
            None,
            outcome.log,
            path=path,
            query=outcome.query,
            fragment=outcome.fragment,
        )
