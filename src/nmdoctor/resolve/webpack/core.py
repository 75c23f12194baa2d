"""The state and driver of bundler mode's enhanced-resolve port (see ``pipeline``).

``Request`` is enhanced-resolve's request object; ``Core.do`` is its ``doResolve`` (with the
recursion check that turns a request repeating on its own way into an error); ``Core`` also reads
the filesystem as enhanced-resolve's ``CachedInputFileSystem`` over node's ``fs`` would.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nmdoctor.resolve.webpack.fields import WEAK_MAP_KEY
from nmdoctor.resolve.webpack.options import AliasTarget, BundlerOptions, FieldName
from nmdoctor.resolve.webpack.paths import BundlerError, PathType, cd_up, get_type, join, json_parse
from nmdoctor.vfs.base import FileSystem, FileSystemError, Kind

__all__ = [
    "MISSING",
    "STOP",
    "Alias",
    "Core",
    "FieldName",
    "Outcome",
    "Request",
    "Stop",
    "Tap",
    "cacheable",
    "compile_aliases",
    "merge_modules",
    "replace",
    "result_of",
]


class Stop:
    """A tap that stops its hook without a result (``callback(null, null)``)."""

    def __repr__(self) -> str:
        return "STOP"


STOP = Stop()
MISSING: Any = object()


@dataclass(frozen=True, slots=True)
class Request:
    """enhanced-resolve's request object (``ResolveRequest``); ``request=None`` is ``undefined``."""

    path: str
    request: str | None
    query: str = ""
    fragment: str = ""
    module: bool = False
    directory: bool = False
    internal: bool = False
    fully_specified: bool = False
    description_file_path: str | None = None
    description_file_data: Any = None
    description_file_root: str | None = None
    relative_path: str | None = None
    main_field_tried: str | None = None  # the alreadyTriedMainField symbol
    ignored: bool = False  # path === false: aliased to false


replace = dataclasses.replace
Tap = Request | Stop | None


def result_of(outcome: Request | Stop) -> Request | None:
    """A tap's outcome as a hook's result: STOP means "no result"."""
    return None if isinstance(outcome, Stop) else outcome


def cacheable(data: Any) -> None:
    """The plugins cache per description file content in a WeakMap, which refuses a primitive key:
    a package.json holding ``null``, a string, a number or a boolean makes them throw."""
    if not isinstance(data, dict | list):
        raise BundlerError(WEAK_MAP_KEY, thrown=True)


@dataclass(frozen=True, slots=True)
class Alias:
    """A compiled alias entry (``compileAliasOptions``)."""

    name: str
    only_module: bool
    targets: tuple[str | bool, ...]
    absolute: str | None
    prefix: str | None
    suffix: str | None
    first: str | None


def compile_aliases(entries: tuple[tuple[str, AliasTarget], ...]) -> tuple[Alias, ...]:
    compiled = []
    for key, target in entries:
        only_module = key.endswith("$")
        name = key[:-1] if only_module else key
        kind = get_type(name)
        absolute = join(name, "_")[:-1] if kind in (PathType.ABSOLUTE_POSIX, PathType.ABSOLUTE_WIN) else None
        star = name.find("*")
        prefix = suffix = None
        if star != -1 and "*" not in name[star + 1 :]:
            prefix, suffix = name[:star], name[star + 1 :]
        first = None if (prefix == "" or not name) else name[0]
        targets = tuple(target) if isinstance(target, tuple) else (target,)
        compiled.append(Alias(name, only_module, targets, absolute, prefix, suffix, first))
    return tuple(compiled)


def merge_modules(modules: tuple[str, ...]) -> tuple[str | tuple[str, ...], ...]:
    """``mergeFilteredToArray``: runs of folder names become one hierarchical group; paths stay alone."""
    merged: list[str | list[str]] = []
    for item in dict.fromkeys(modules):
        if get_type(item) in (PathType.NORMAL, PathType.RELATIVE):
            last = merged[-1] if merged else None
            if isinstance(last, list):
                last.append(item)
            else:
                merged.append([item])
        else:
            merged.append(item)
    return tuple(tuple(item) if isinstance(item, list) else item for item in merged)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one resolution produced: the result request, or an error message, and the log."""

    path: str | None
    query: str
    fragment: str
    ignored: bool
    error: str | None
    log: tuple[str, ...]


StackKey = tuple[str, str, str, str, str, bool, bool]


class Core:
    """Options digested once, the filesystem reads, and ``doResolve``; hooks come from subclasses."""

    _hooks: dict[str, Callable[[Request], Request | None]]

    def __init__(self, fs: FileSystem, options: BundlerOptions) -> None:
        self.fs = fs
        self.options = options
        self._conditions = frozenset(options.condition_names)
        self._condition_list = list(dict.fromkeys(options.condition_names))
        self._alias = compile_aliases(options.alias)
        self._fallback = compile_aliases(options.fallback)
        self._alias_fields: tuple[FieldName, ...] = tuple(dict.fromkeys(options.alias_fields))
        self._extensions = tuple(dict.fromkeys(options.extensions))
        self._main_fields: tuple[FieldName, ...] = tuple(dict.fromkeys(options.main_fields))
        self._main_files = tuple(dict.fromkeys(options.main_files))
        self._exports_fields: tuple[FieldName, ...] = tuple(dict.fromkeys(options.exports_fields))
        self._imports_fields: tuple[FieldName, ...] = tuple(dict.fromkeys(options.imports_fields))
        self._description_files = tuple(dict.fromkeys(options.description_files))
        self._modules = merge_modules(options.modules)
        self._roots = tuple(dict.fromkeys(options.roots))
        enforce = options.enforce_extension
        self._enforce_extension = "" in options.extensions if enforce is None else enforce
        self._json: dict[str, Any] = {}
        self._log: list[str] = []
        self._stack: list[StackKey] = []
        self._on_stack: Counter[StackKey] = Counter()
        # The exports/imports plugins whose try block is on the JavaScript stack (see ``do``).
        self._open_tries: list[str] = []
        self._hooks = {}

    # -- driver ---------------------------------------------------------------------------------
    def run(self, request: str, context: str) -> Outcome:
        self._log = []
        self._stack = []
        self._on_stack = Counter()
        self._open_tries = []
        try:
            found = self.do("resolve", Request(path=context, request=request))
        except BundlerError as error:
            self._log.append(f"error: {error}")
            return Outcome(None, "", "", False, str(error), tuple(self._log))
        except RecursionError:
            message = "Recursion in resolving (too deep)"
            self._log.append(f"error: {message}")
            return Outcome(None, "", "", False, message, tuple(self._log))
        if found is None:
            return Outcome(None, "", "", False, f"Can't resolve '{request}' in '{context}'", tuple(self._log))
        if found.ignored:
            return Outcome(None, "", "", True, None, tuple(self._log))
        return Outcome(found.path, found.query, found.fragment, False, None, tuple(self._log))

    def do(self, hook: str, request: Request, message: str | None = None) -> Request | None:
        """``doResolve``: run ``hook`` on ``request``; a repeat of a request already on the way here is
        an error, as in enhanced-resolve."""
        key = (
            hook,
            request.path,
            request.request or "",
            request.query,
            request.fragment,
            request.directory,
            request.module,
        )
        if self._on_stack[key]:
            lines = [*(self._entry_text(entry) for entry in self._stack), self._entry_text(key)]
            raise BundlerError("Recursion in resolving\nStack:\n  " + "\n  ".join(lines))
        if message:
            self._log.append(message)
        self._stack.append(key)
        self._on_stack[key] += 1
        try:
            return self._hooks[hook](request)
        except BundlerError as error:
            # enhanced-resolve runs the rest of the pipeline inside the callbacks of the plugins that
            # ran before (only forEachBail unwinds between its items): an error thrown (not passed to
            # a callback) lands in the try of the innermost exports/imports plugin that passed.
            if error.thrown and self._open_tries:
                raise BundlerError(f"{error} {self._open_tries[-1]}") from None
            raise
        finally:
            self._stack.pop()
            self._on_stack[key] -= 1

    @staticmethod
    def _entry_text(entry: StackKey) -> str:
        hook, path, request, query, fragment, directory, module = entry
        return (
            f"{hook}: ({path}) {request}{query}{fragment}"
            + (" directory" if directory else "")
            + (" module" if module else "")
        )

    # -- filesystem -----------------------------------------------------------------------------
    def _kind(self, path: str) -> Kind | None:
        """What ``fs.stat`` says ``path`` is (links followed); a trailing ``/`` needs a directory."""
        if not path:
            return None
        stat = self.fs.stat(path)
        if stat is None:
            return None
        if len(path) > 1 and path.endswith("/") and stat.kind is not Kind.DIR:
            return None
        return stat.kind

    def _read_json(self, path: str) -> Any:
        """A description file's content; ``MISSING`` when it cannot be read (any error with a code);
        BundlerError when it is not JSON (that aborts the resolution)."""
        if path in self._json:
            value = self._json[path]
        else:
            value = MISSING
            if self._kind(path) is Kind.FILE:
                try:
                    value = json_parse(self.fs.read_bytes(path))
                except FileSystemError:
                    value = MISSING
                except (ValueError, RecursionError) as error:
                    value = BundlerError(f"{path} (directory description file): SyntaxError: {error}")
            self._json[path] = value
        if isinstance(value, BundlerError):
            raise BundlerError(str(value))
        return value

    def _load_description_file(self, directory: str, request: Request) -> tuple[str, Any, str] | None:
        """``loadDescriptionFile``: the nearest description file at or above ``directory``."""
        while True:
            if request.description_file_path and request.description_file_root == directory:
                return request.description_file_path, request.description_file_data, directory
            for name in self._description_files:
                candidate = join(directory, name)
                content = self._read_json(candidate)
                if content is not MISSING:
                    return candidate, content, directory
            above = cd_up(directory)
            if not above:
                return None
            directory = above
