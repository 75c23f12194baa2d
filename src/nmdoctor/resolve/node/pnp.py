"""``require.resolve`` under Yarn Plug'n'Play: yarn 4's pnp runtime (``makeApi`` of
@yarnpkg/pnp, as ``.pnp.cjs`` ships it) over the serialized state, never by running it.

Procedure names follow the runtime's: ``resolve_request`` (resolveRequest),
``resolve_to_unqualified`` (a bare name mapped through the issuer's locator to the dependency's
folder, with the fallbacks), ``resolve_unqualified_export`` (the package's ``exports``),
``resolve_unqualified`` (applyNodeExtensionResolution: file, ``main``, extensions, ``index``) and
``find_package_locator``. Where the runtime hands over to node (an issuer outside the dependency
tree, or one the ignore pattern matches) node's own resolver answers, over the same view of the
files. Errors carry the runtime's words and codes (``MODULE_NOT_FOUND`` for an undeclared
dependency, a missing peer, a package not on disk; node's own code for an ``exports`` failure).

Deliberate limits: only the PnP project that owns the issuer is consulted (the runtime would also
find a second ``.pnp.cjs`` further down the tree); ``import`` goes through yarn's ESM loader only
when node runs with it, which is not modelled here.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from nmdoctor.resolve.errors import InvalidPackageConfig, PackagePathNotExported, ResolutionError
from nmdoctor.resolve.fileurl import FileUrl, file_url_to_path, path_to_file_url
from nmdoctor.resolve.node.builtins import builtin_name
from nmdoctor.resolve.node.esm import EsmResolver
from nmdoctor.resolve.node.exports import package_exports_resolve, package_imports_resolve
from nmdoctor.resolve.node.lookup import DIR, MISSING, Lookup
from nmdoctor.resolve.node.pnp_state import Locator, PackageInformation, PnpState, js_normalize
from nmdoctor.resolve.node.resolver import ImportKind, Resolution, ResolveOptions, Resolver
from nmdoctor.vfs.base import FileSystem, FileSystemError, VPath
from nmdoctor.vfs.limits import load_json

__all__ = ["PnpResolutionError", "PnpResolver"]

# makeApi's regular expressions; JavaScript's "." stops at line terminators, "$" only at the end.
_DOT = r"[^\n\r\u2028\u2029]"
_PATH_REGEXP = re.compile(r"^(?![a-zA-Z]:[\\/]|\\\\|\.{0,2}(?:/|\Z))((?:node:)?(?:@[^/]+/)?[^/]+)/*(" + _DOT + r"*|)\Z")
_IS_STRICT = re.compile(r"^(/|\.{1,2}(/|\Z))")
_IS_RELATIVE = re.compile(r"^\.{0,2}/")
EXTENSIONS = (".js", ".json", ".node")  # Object.keys(Module._extensions) in node v20
# makeApi adds these packages' locators to the fallbacks (compatibilityMode is on by default).
_COMPATIBILITY_FALLBACKS = ("react-scripts", "gatsby")
# The pnp error codes node sees as MODULE_NOT_FOUND (MODULE_NOT_FOUND_ERRORS of the runtime).
_NOT_FOUND = frozenset(
    (
        "BUILTIN_NODE_RESOLUTION_FAILED",
        "MISSING_DEPENDENCY",
        "MISSING_PEER_DEPENDENCY",
        "QUALIFIED_PATH_RESOLUTION_FAILED",
        "UNDECLARED_DEPENDENCY",
    )
)
_TOP_LEVEL = Locator(None, None)


class PnpResolutionError(ResolutionError):
    """A failure of the pnp runtime: ``pnp_code`` is its own (UNDECLARED_DEPENDENCY, ...), ``code``
    what node reports (MODULE_NOT_FOUND, or the exports error's code)."""

    def __init__(self, pnp_code: str, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.pnp_code = pnp_code
        self.code = code or ("MODULE_NOT_FOUND" if pnp_code in _NOT_FOUND else pnp_code)


def _resolve(*parts: str) -> str:
    """Node's ``path.posix.resolve`` for absolute inputs: normalized, no trailing "/"."""
    joined = posixpath.join("/", *parts)
    normal = js_normalize(joined)
    return normal.rstrip("/") or "/"


def _contains(base: str, path: str) -> str | None:
    """ppath.contains of @yarnpkg/fslib."""
    base, path = js_normalize(base), js_normalize(path)
    if base == path:
        return "."
    if not base.endswith("/"):
        base += "/"
    return path[len(base) :] if path.startswith(base) else None


def _relative(base: str, path: str) -> str:
    """Node's ``path.posix.relative`` between absolute paths."""
    base, path = _resolve(base), _resolve(path)
    return "" if base == path else posixpath.relpath(path, base)


class PnpResolver:
    """``require.resolve`` from any module of one PnP project, with node's own resolver behind it.

    ``fs`` must show the files as yarn's runtime does (``vfs.pnpfs.PnpFS``).
    """

    def __init__(self, state: PnpState, fs: FileSystem, options: ResolveOptions | None = None) -> None:
        self.state = state
        self.fs = fs
        self.options = options or ResolveOptions()
        self.lookup = Lookup(fs)
        self.native = Resolver(fs, self.options, lookup=self.lookup)
        # defaultExportsConditions: "node", "require" and --conditions, nothing else.
        self.conditions = frozenset(("node", "require", *self.options.conditions))
        self._esm = EsmResolver(self.lookup, self.conditions, preserve_symlinks=False)
        self.fallback_locators: list[Locator] = [_TOP_LEVEL] if state.enable_top_level_fallback else []
        for name in _COMPATIBILITY_FALLBACKS:
            self.fallback_locators.extend(locator for locator in state.locators() if locator.name == name)

    # -- Module._resolveFilename, as the runtime patches it -------------------------------------
    def resolve(self, request: str, parent: VPath, *, trace: bool = False, parent_is_dir: bool = False) -> Resolution:
        """What ``require.resolve(request)`` answers in the module at ``parent`` (or a module in the
        folder ``parent`` when ``parent_is_dir``)."""
        self.lookup.trace = [] if trace else None
        try:
            resolved = self._resolve_filename(request, parent, parent_is_dir=parent_is_dir)
        except ResolutionError as error:
            probes = tuple(self.lookup.trace or ())
            return Resolution(request, parent, ImportKind.REQUIRE, None, error.code, error.message, probes)
        except RecursionError:
            probes = tuple(self.lookup.trace or ())
            return Resolution(request, parent, ImportKind.REQUIRE, None, "ERR_RESOLUTION", "resolution loops", probes)
        finally:
            done = self.lookup.trace
            self.lookup.trace = None
        return Resolution(request, parent, ImportKind.REQUIRE, resolved, None, None, tuple(done or ()))

    def _resolve_filename(self, request: str, parent: VPath, *, parent_is_dir: bool) -> str:
        builtin = builtin_name(request)
        if builtin is not None:
            return "node:" + builtin
        directory = parent if parent_is_dir else posixpath.dirname(parent)
        # The issuers the runtime tries in turn, the first error winning: for a path request, the
        # project that holds the path it names; then the project that holds the parent (or node).
        issuers = []
        if _PATH_REGEXP.match(request) is None:
            absolute = request if request.startswith("/") else _resolve(directory, request)
            if self._owns(absolute):
                issuers.append(True)
        issuers.append(self._owns(directory))
        first_error: ResolutionError | None = None
        for through_pnp in issuers:
            try:
                if through_pnp:
                    return self.resolve_request(request, directory.rstrip("/") + "/")
                # No .pnp.cjs owns the issuer: node's own resolution.
                self.lookup.note(directory, "outside the PnP project: node's own resolution")
                return self._native(request, directory.rstrip("/") + "/")
            except ResolutionError as error:
                first_error = first_error or error
        assert first_error is not None
        raise first_error

    def _owns(self, path: str) -> bool:
        """Whether the project's ``.pnp.cjs`` is the one the runtime finds for ``path``."""
        return _contains(self.state.base_path, path) is not None

    def _native(self, request: str, issuer: str) -> str:
        """callNativeResolution: node's Module._resolveFilename from a module in the issuer folder."""
        module = posixpath.join(issuer, "internal.js") if issuer.endswith("/") else issuer
        result = self.native.resolve(request, module)
        if result.resolved is None:
            raise _NodeError(result.error or "MODULE_NOT_FOUND", result.message or "")
        return result.resolved

    # -- resolveRequest ---------------------------------------------------------------------------
    def resolve_request(self, request: str, issuer: str) -> str:
        if request.startswith("#"):
            return self.resolve_private_request(request, issuer)
        unqualified = self.resolve_to_unqualified(request, issuer)
        if request == "pnpapi" or unqualified is None:
            return unqualified or ""
        if self.is_path_ignored(issuer):
            remapped = unqualified
        else:
            remapped = self.resolve_unqualified_export(request, unqualified, issuer)
        return self.resolve_unqualified(remapped)

    def resolve_private_request(self, request: str, issuer: str) -> str:
        base = path_to_file_url(issuer)
        resolved = package_imports_resolve(
            self.lookup,
            request,
            lambda: self._esm.package_scope_config(base),
            self.conditions,
            lambda specifier, _base, _conditions: specifier,  # a bare target: resolved below, by PnP
            issuer,
        )
        if isinstance(resolved, FileUrl):
            return self.resolve_unqualified(file_url_to_path(resolved))
        if resolved.startswith("#"):
            raise ResolutionError("Mapping from one private import to another isn't allowed")
        return self.resolve_request(resolved, issuer)

    # -- resolveToUnqualified ---------------------------------------------------------------------
    def resolve_to_unqualified(self, request: str, issuer: str) -> str | None:
        if request == "pnpapi":
            return posixpath.join(self.state.base_path, ".pnp.cjs")
        if builtin_name(request) is not None:
            return None
        if self.is_path_ignored(issuer) and (not request.startswith("/") or self.find_package_locator(request) is None):
            self.lookup.note(issuer, "matches ignorePatternData: node's own resolution")
            return self._native(request, issuer)
        match = _PATH_REGEXP.match(request)
        if match is None:
            if request.startswith("/"):
                return js_normalize(request)
            absolute_issuer = _resolve(issuer)
            if issuer.endswith("/"):
                return js_normalize(posixpath.join(absolute_issuer, request))
            return js_normalize(posixpath.join(posixpath.dirname(absolute_issuer), request))
        dependency_name, sub_path = match.group(1), match.group(2)
        issuer_locator = self.find_package_locator(issuer)
        if issuer_locator is None:
            self.lookup.note(issuer, "belongs to no package of the dependency tree: node's own resolution")
            return self._native(request, issuer)
        self.lookup.note(issuer, f"belongs to {issuer_locator}")
        information = self._information(issuer_locator)
        missing = object()
        reference: Any = information.dependencies.get(dependency_name, missing)
        fallback_reference: Any = None
        if reference is None or reference is missing:
            reference = self._fallback(issuer_locator, dependency_name, reference)
            if isinstance(reference, _Pooled):
                fallback_reference, reference = reference.reference, None if reference.peer else missing
        elif self.lookup.trace is not None:
            self.lookup.note(information.location, f"{issuer_locator.name} declares {dependency_name}")
        if reference is None or reference is missing:
            error = self._undeclared_error(request, issuer, issuer_locator, dependency_name, peer=reference is None)
            if fallback_reference is None:
                raise error
            self.lookup.note(issuer, f"{dependency_name} comes from the fallback pool (yarn warns)")
            reference = fallback_reference
        locator = Locator(*reference) if isinstance(reference, tuple) else Locator(dependency_name, reference)
        location = self.state.package_location(self._checked(locator))
        assert location is not None
        self.lookup.note(location, f"{locator} is installed here")
        unqualified = posixpath.join(location, sub_path) if sub_path else location
        return js_normalize(unqualified)

    def _fallback(self, issuer: Locator, name: str, reference: Any) -> Any:
        """The fallback locators' dependency, a pooled one, or ``reference`` unchanged."""
        if issuer.name is None:
            return reference
        excluded = self.state.fallback_exclusion_list.get(issuer.name)
        if excluded is not None and issuer.reference in excluded:
            self.lookup.note(str(issuer), "in fallbackExclusionList: no fallback")
            return reference
        for fallback in self.fallback_locators:
            found = self._information(fallback).dependencies.get(name)
            if found is not None:
                self.lookup.note(str(fallback), f"fallback: it depends on {name}")
                return found
        if self.state.enable_top_level_fallback:
            pooled = self.state.fallback_pool.get(name)
            if pooled is not None:
                return _Pooled(pooled, peer=reference is None)
        return reference

    def _undeclared_error(
        self, request: str, issuer: str, locator: Locator, name: str, *, peer: bool
    ) -> PnpResolutionError:
        display = js_normalize(issuer)
        via = f' (via "{request}")' if name != request else ""
        if peer:
            if self._is_root(locator):
                return PnpResolutionError(
                    "MISSING_PEER_DEPENDENCY",
                    f"Your application tried to access {name} (a peer dependency); this isn't allowed as there "
                    "is no ancestor to satisfy the requirement. Use a devDependency if needed.\n\n"
                    f"Required package: {name}{via}\nRequired by: {display}\n",
                )
            broken = self.find_broken_peer_dependencies(name, locator)
            ancestors = "".join(f"Ancestor breaking the chain: {item}\n" for item in broken)
            if all(self._is_root(item) for item in broken):
                return PnpResolutionError(
                    "MISSING_PEER_DEPENDENCY",
                    f"{locator.name} tried to access {name} (a peer dependency) but it isn't provided by your "
                    "application; this makes the require call ambiguous and unsound.\n\n"
                    f"Required package: {name}{via}\nRequired by: {locator} (via {display})\n{ancestors}\n",
                )
            return PnpResolutionError(
                "MISSING_PEER_DEPENDENCY",
                f"{locator.name} tried to access {name} (a peer dependency) but it isn't provided by its "
                "ancestors; this makes the require call ambiguous and unsound.\n\n"
                f"Required package: {name}{via}\nRequired by: {locator} (via {display})\n\n{ancestors}\n",
            )
        if self._is_root(locator):
            return PnpResolutionError(
                "UNDECLARED_DEPENDENCY",
                f"Your application tried to access {name}, but it isn't declared in your dependencies; this "
                f"makes the require call ambiguous and unsound.\n\nRequired package: {name}{via}\n"
                f"Required by: {display}\n",
            )
        return PnpResolutionError(
            "UNDECLARED_DEPENDENCY",
            f"{locator.name} tried to access {name}, but it isn't declared in its dependencies; this makes "
            f"the require call ambiguous and unsound.\n\nRequired package: {name}{via}\n"
            f"Required by: {locator} (via {display})\n",
        )

    def find_broken_peer_dependencies(self, dependency: str, initial: Locator) -> list[Locator]:
        """findBrokenPeerDependencies: the dependents up the chain that do not pass the peer on."""
        broken: dict[str, set[str]] = {}
        visited: set[str | None] = set()

        def traversal(current: Locator) -> None:
            if current.name in visited:
                return
            visited.add(current.name)
            for dependent in self.find_package_dependents(current):
                if dependency in self._information(dependent).peers:
                    traversal(dependent)
                else:
                    broken.setdefault(str(dependent.name), set()).add(str(dependent.reference))

        traversal(initial)
        return [Locator(name, reference) for name in sorted(broken) for reference in sorted(broken[name])]

    def find_package_dependents(self, locator: Locator) -> list[Locator]:
        dependents = []
        for (name, reference), information in self.state.registry.items():
            if name is None or reference is None:
                continue
            if information.dependencies.get(str(locator.name), _ABSENT) != locator.reference:
                continue
            if (name, reference) == (locator.name, locator.reference):
                continue
            dependents.append(Locator(name, reference))
        return dependents

    # -- exports ------------------------------------------------------------------------------------
    def resolve_unqualified_export(self, request: str, unqualified: str, issuer: str) -> str:
        if _IS_STRICT.match(request):
            return unqualified
        exported = self.apply_node_exports_resolution(unqualified, issuer)
        return js_normalize(exported) if exported is not None else unqualified

    def apply_node_exports_resolution(self, unqualified: str, issuer: str) -> str | None:
        locator = self.find_package_locator(
            posixpath.join(unqualified, "internal.js"), resolve_ignored=True, include_discarded=True
        )
        if locator is None:
            raise PnpResolutionError(
                "INTERNAL",
                f'The locator that owns the "{unqualified}" path can\'t be found inside the dependency tree '
                "(this is probably an internal error)",
            )
        location = self.state.package_location(self._checked(locator))
        assert location is not None
        manifest = posixpath.join(location, "package.json")
        if self.lookup.stat(js_normalize(manifest)) == MISSING:
            return None
        try:
            config = self.lookup.package_config(js_normalize(manifest))
        except InvalidPackageConfig as error:
            raise PnpResolutionError("INTERNAL", error.message, error.code) from None
        if config.exports is None:
            return None
        subpath = _contains(location, unqualified)
        if subpath is None:
            raise PnpResolutionError(
                "INTERNAL",
                "unqualifiedPath doesn't contain the packageLocation (this is probably an internal error)",
            )
        if subpath != "." and not _IS_RELATIVE.match(subpath):
            subpath = "./" + subpath
        self.lookup.note(config.path, f'has "exports": subpath "{subpath}"')
        try:
            resolved = package_exports_resolve(
                self.lookup, config, path_to_file_url(config.path), subpath, self.conditions
            )
            return file_url_to_path(resolved)
        except ResolutionError as error:
            message = error.message
            if isinstance(error, PackagePathNotExported):
                message += f" imported from {issuer}"  # the runtime's port names the issuer
            raise PnpResolutionError("EXPORTS_RESOLUTION_FAILED", message, error.code) from None

    # -- resolveUnqualified / applyNodeExtensionResolution ---------------------------------------------
    def resolve_unqualified(self, unqualified: str) -> str:
        candidates: list[str] = []
        qualified = self.apply_node_extension_resolution(unqualified, candidates)
        if qualified is not None:
            return js_normalize(qualified)
        display = js_normalize(unqualified)
        containing = self.find_package_locator(unqualified)
        if containing is not None:
            location = self.state.package_location(self._checked(containing))
            assert location is not None
            if self.fs.lstat(js_normalize(location)) is None and self.fs.stat(js_normalize(location)) is None:
                message = (
                    "Required unplugged package missing from disk. This may happen when switching branches "
                    "without running installs (unplugged packages must be fully materialized on disk to work)."
                    if "/unplugged/" in location
                    else "Required package missing from disk. If you keep your packages inside your repository "
                    "then restarting the Node process may be enough. Otherwise, try to run an install first."
                )
                raise PnpResolutionError(
                    "QUALIFIED_PATH_RESOLUTION_FAILED",
                    f"{message}\n\nMissing package: {containing}\nExpected package location: {location}\n",
                )
        tried = "".join(f"Not found: {js_normalize(candidate)}\n" for candidate in candidates)
        raise PnpResolutionError(
            "QUALIFIED_PATH_RESOLUTION_FAILED",
            "Qualified path resolution failed: we looked for the following paths, but none could be "
            f"accessed.\n\nSource path: {display}\n{tried}",
        )

    def apply_node_extension_resolution(self, unqualified: str, candidates: list[str]) -> str | None:
        candidates.append(unqualified)
        kind = self.lookup.stat(js_normalize(unqualified))
        if kind not in (MISSING, DIR):
            self.lookup.note(unqualified, "found")
            return self.lookup.realpath(js_normalize(unqualified))
        if kind == DIR:
            main = self._main(unqualified)
            if main:
                following = _resolve(unqualified, main)
                if following != unqualified:
                    self.lookup.note(unqualified, f'"main" is "{main}"')
                    found = self.apply_node_extension_resolution(following, candidates)
                    if found is not None:
                        return found
        for extension in EXTENSIONS:
            candidate = unqualified + extension
            candidates.append(candidate)
            if self._exists(candidate):
                return candidate
        if kind == DIR:
            for extension in EXTENSIONS:
                candidate = unqualified + "/index" + extension
                candidates.append(candidate)
                if self._exists(candidate):
                    return candidate
        return None

    def _main(self, folder: str) -> str | None:
        """``pkgJson.main`` when package.json parses and ``main`` is a non-empty string."""
        manifest = js_normalize(posixpath.join(folder, "package.json"))
        try:
            parsed = load_json(self.fs.read_bytes(manifest).decode("utf-8"))
        except (FileSystemError, ValueError, UnicodeDecodeError):
            return None
        main = parsed.get("main") if isinstance(parsed, dict) else None
        return main if isinstance(main, str) and main else None

    def _exists(self, path: str) -> bool:
        found = self.lookup.stat(js_normalize(path)) != MISSING
        if not found:
            self.lookup.note(path, "not found")
        else:
            self.lookup.note(path, "found")
        return found

    # -- locators --------------------------------------------------------------------------------------
    def is_path_ignored(self, path: str) -> bool:
        pattern = self.state.ignore_pattern
        if pattern is None:
            return False
        sub_path = _contains(self.state.base_path, path)
        if sub_path is None:
            return False
        return pattern.search(sub_path.removesuffix("/")) is not None

    def find_package_locator(
        self, location: str, *, resolve_ignored: bool = False, include_discarded: bool = False
    ) -> Locator | None:
        """findPackageLocator: the locator whose folder holds ``location`` (longest prefix)."""
        if self.is_path_ignored(location) and not resolve_ignored:
            return None
        relative = _relative(self.state.base_path, location)
        if not _IS_STRICT.match(relative):
            relative = "./" + relative
        if not relative.endswith("/"):
            relative += "/"
        while True:
            entry = self.state.locators_by_location.get(relative)
            if entry is None or (entry[1] and not include_discarded):
                relative = relative[: relative.rfind("/", 0, len(relative) - 1) + 1]
                if relative == "":
                    return None
                continue
            return entry[0]

    def _is_root(self, locator: Locator) -> bool:
        return locator.name is None or locator in self.state.dependency_tree_roots

    def _information(self, locator: Locator) -> PackageInformation:
        """getPackageInformationSafe."""
        information = self.state.information(locator)
        if information is None:
            raise PnpResolutionError(
                "INTERNAL",
                "Couldn't find a matching entry in the dependency tree for the specified parent (this is "
                "probably an internal error)",
            )
        return information

    def _checked(self, locator: Locator) -> Locator:
        self._information(locator)
        return locator


_ABSENT = object()


class _Pooled:
    """A reference found only in the fallback pool (used with a warning, after the error is made)."""

    __slots__ = ("peer", "reference")

    def __init__(self, reference: Any, *, peer: bool) -> None:
        self.reference = reference
        self.peer = peer


class _NodeError(ResolutionError):
    """Node's own resolution failed where the runtime handed the request over to it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
