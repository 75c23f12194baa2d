"""enhanced-resolve 5.27.0's resolver pipeline, hook by hook, for the options bundler mode offers.

``ResolverFactory.createResolver`` wires plugins onto named hooks; a request travels from hook to
hook (``doResolve``) and each plugin tapped on a hook either passes (the next tap runs), stops the
hook (no result; the remaining taps are skipped), returns a result, or raises an error that aborts
the whole resolution. Each ``_h_*`` method below is one hook with its taps in the order (and stage)
createResolver adds them; the plugins are in ``plugins/``, one module per family, the state and
``doResolve`` in ``core``.

Not wired (their options are not offered): UnsafeCachePlugin, TsconfigPathsPlugin,
ExtensionAliasPlugin, PackageMapPlugin, PnpPlugin, RestrictionsPlugin, resolveToContext.
"""

from __future__ import annotations

from nmdoctor.resolve.webpack.core import Outcome, Request, replace, result_of
from nmdoctor.resolve.webpack.options import BundlerOptions
from nmdoctor.resolve.webpack.paths import join
from nmdoctor.resolve.webpack.plugins.alias import AliasPlugins
from nmdoctor.resolve.webpack.plugins.folders import FolderPlugins
from nmdoctor.resolve.webpack.plugins.package import PackagePlugins
from nmdoctor.resolve.webpack.plugins.request import RequestPlugins
from nmdoctor.vfs.base import FileSystem, Kind

__all__ = ["Outcome", "Pipeline"]


class Pipeline(RequestPlugins, AliasPlugins, PackagePlugins, FolderPlugins):
    """One configured enhanced-resolve resolver. Description files are read once per instance."""

    def __init__(self, fs: FileSystem, options: BundlerOptions) -> None:
        super().__init__(fs, options)
        self._hooks = {
            "resolve": self._h_resolve,
            "internalResolve": self._h_internal_resolve,
            "importsResolve": self._h_imports_resolve,
            "parsedResolve": self._h_parsed_resolve,
            "describedResolve": self._h_described_resolve,
            "rawResolve": self._h_raw_resolve,
            "normalResolve": self._h_normal_resolve,
            "internal": self._h_internal,
            "importsFieldRelative": self._h_imports_field_relative,
            "rawModule": self._h_raw_module,
            "module": self._h_module,
            "resolveAsModule": self._h_resolve_as_module,
            "undescribedResolveInPackage": self._h_undescribed_resolve_in_package,
            "resolveInPackage": self._h_resolve_in_package,
            "resolveInExistingDirectory": self._h_resolve_in_existing_directory,
            "relative": self._h_relative,
            "describedRelative": self._h_described_relative,
            "directory": self._h_directory,
            "undescribedExistingDirectory": self._h_undescribed_existing_directory,
            "existingDirectory": self._h_existing_directory,
            "undescribedRawFile": self._h_undescribed_raw_file,
            "rawFile": self._h_raw_file,
            "file": self._h_file,
            "finalFile": self._h_final_file,
            "existingFile": self._h_existing_file,
            "resolved": self._h_resolved,
        }

    # -- hooks ------------------------------------------------------------------------------------
    def _h_resolve(self, request: Request) -> Request | None:
        return self._parse(request, self.options.fully_specified, None)

    def _h_internal_resolve(self, request: Request) -> Request | None:
        return self._parse(request, False, None)

    def _h_imports_resolve(self, request: Request) -> Request | None:
        return self._parse(request, False, False)

    def _h_parsed_resolve(self, request: Request) -> Request | None:
        if (tap := self._description(request, False, "describedResolve")) is not None:
            return result_of(tap)
        return self.do("describedResolve", request)

    def _h_described_resolve(self, request: Request) -> Request | None:
        if found := self.do("rawResolve", request):
            return found
        if self._fallback and (tap := self._aliases(request, self._fallback)) is not None:
            return result_of(tap)
        return None

    def _h_raw_resolve(self, request: Request) -> Request | None:
        if self._alias and (tap := self._aliases(request, self._alias)) is not None:
            return result_of(tap)
        for field in self._alias_fields:
            if (tap := self._alias_field(request, field)) is not None:
                return result_of(tap)
        return self.do("normalResolve", request)

    def _h_normal_resolve(self, request: Request) -> Request | None:
        options = self.options
        if options.prefer_relative and (found := self._join_request(request, "relative")):
            return found
        if request.module:
            return self.do("rawModule", request, "resolve as module")
        if request.internal:
            return self.do("internal", request, "resolve as internal import")
        if options.prefer_absolute and (found := self._join_request(request, "relative")):
            return found
        if self._roots and (found := self._in_roots(request)):
            return found
        if not options.prefer_relative and not options.prefer_absolute:
            return self._join_request(request, "relative")
        return None

    def _h_internal(self, request: Request) -> Request | None:
        for field in self._imports_fields:
            if (tap := self._imports(request, field)) is not None:
                return result_of(tap)
        return None

    def _h_imports_field_relative(self, request: Request) -> Request | None:
        return self.do("relative", request)

    def _h_raw_module(self, request: Request) -> Request | None:
        for field in self._exports_fields:
            if found := self._self_reference(request, field):
                return found
        for item in self._modules:
            if isinstance(item, tuple):
                found = self._modules_in_hierarchy(request, item)
            else:
                inside = replace(request, path=item, request=f"./{request.request}", module=False)
                found = self.do("module", inside, f"looking for modules in {item}")
            if found:
                return found
        return None

    def _h_module(self, request: Request) -> Request | None:
        # JoinRequestPartPlugin: "./@scope/name/rest" -> the package folder and "./rest".
        text = request.request or ""
        cut = text.find("/", 3)
        if cut >= 0 and len(text) > 2 and text[2] == "@":
            cut = text.find("/", cut + 1)
        if cut < 0:
            name, rest, fully_specified = text, ".", False
        else:
            name, rest, fully_specified = text[:cut], "." + text[cut:], request.fully_specified
        inside = replace(
            request,
            path=join(request.path, name),
            relative_path=request.relative_path and join(request.relative_path, name),
            request=rest,
            fully_specified=fully_specified,
        )
        return self.do("resolveAsModule", inside)

    def _h_resolve_as_module(self, request: Request) -> Request | None:
        if (
            not request.directory
            and request.request == "."
            and (found := self.do("undescribedRawFile", request, "single file module"))
        ):
            return found
        return self._directory_exists(request, "undescribedResolveInPackage")

    def _h_undescribed_resolve_in_package(self, request: Request) -> Request | None:
        if (tap := self._description(request, False, "resolveInPackage")) is not None:
            return result_of(tap)
        return self.do("resolveInPackage", request)

    def _h_resolve_in_package(self, request: Request) -> Request | None:
        for field in self._exports_fields:
            if (tap := self._exports(request, field)) is not None:
                return result_of(tap)
        return self.do("resolveInExistingDirectory", request)

    def _h_resolve_in_existing_directory(self, request: Request) -> Request | None:
        return self._join_request(request, "relative")

    def _h_relative(self, request: Request) -> Request | None:
        if (tap := self._description(request, True, "describedRelative")) is not None:
            return result_of(tap)
        return self.do("describedRelative", request)

    def _h_described_relative(self, request: Request) -> Request | None:
        if not request.directory and (found := self.do("rawFile", request)):
            return found
        if not request.fully_specified:
            return self.do("directory", request, "as directory")
        return None

    def _h_directory(self, request: Request) -> Request | None:
        return self._directory_exists(request, "undescribedExistingDirectory")

    def _h_undescribed_existing_directory(self, request: Request) -> Request | None:
        if (tap := self._description(request, False, "existingDirectory")) is not None:
            return result_of(tap)
        for name in self._main_files:
            if found := self._use_file(request, name):
                return found
        return None

    def _h_existing_directory(self, request: Request) -> Request | None:
        for field in self._main_fields:
            if found := self._main_field(request, field):
                return found
        for name in self._main_files:
            if found := self._use_file(request, name):
                return found
        return None

    def _h_undescribed_raw_file(self, request: Request) -> Request | None:
        if (tap := self._description(request, True, "rawFile")) is not None:
            return result_of(tap)
        return self.do("rawFile", request)

    def _h_raw_file(self, request: Request) -> Request | None:
        if request.fully_specified:
            return self.do("file", request)
        if not self._enforce_extension and (found := self.do("file", request)):
            return found
        for extension in self._extensions:
            appended = replace(
                request,
                path=request.path + extension,
                relative_path=request.relative_path and request.relative_path + extension,
            )
            if found := self.do("file", appended):
                return found
        return None

    def _h_file(self, request: Request) -> Request | None:
        if self._alias and (tap := self._aliases(request, self._alias)) is not None:
            return result_of(tap)
        for field in self._alias_fields:
            if (tap := self._alias_field(request, field)) is not None:
                return result_of(tap)
        return self.do("finalFile", request)

    def _h_final_file(self, request: Request) -> Request | None:
        path = request.path
        if not path:
            return None
        kind = self._kind(path)
        if kind is not Kind.FILE:
            self._log.append(f"{path} doesn't exist" if kind is None else f"{path} is not a file")
            return None
        return self.do("existingFile", request, f"existing file: {path}")

    def _h_existing_file(self, request: Request) -> Request | None:
        if self.options.symlinks and (tap := self._symlinks(request)) is not None:
            return result_of(tap)
        return self.do("resolved", request)

    def _h_resolved(self, request: Request) -> Request | None:
        self._log.append(f"reporting result {request.path}")
        return request
