"""Resolution failures, each carrying the error code Node gives for it."""

from __future__ import annotations

__all__ = [
    "EsmModuleNotFound",
    "InvalidFileUrlHost",
    "InvalidFileUrlPath",
    "InvalidModuleSpecifier",
    "InvalidPackageConfig",
    "InvalidPackageTarget",
    "InvalidUrlScheme",
    "ModuleNotFound",
    "PackageImportNotDefined",
    "PackagePathNotExported",
    "ResolutionError",
    "UnknownBuiltinModule",
    "UnsupportedDirImport",
    "UnsupportedEsmUrlScheme",
    "UnsupportedResolveRequest",
]


class ResolutionError(Exception):
    """Node could not resolve the request; ``code`` is the error code Node reports."""

    code = "ERR_RESOLUTION"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ModuleNotFound(ResolutionError):
    """CommonJS: nothing found (``MODULE_NOT_FOUND``)."""

    code = "MODULE_NOT_FOUND"


class EsmModuleNotFound(ResolutionError):
    code = "ERR_MODULE_NOT_FOUND"


class UnknownBuiltinModule(ResolutionError):
    code = "ERR_UNKNOWN_BUILTIN_MODULE"


class UnsupportedDirImport(ResolutionError):
    code = "ERR_UNSUPPORTED_DIR_IMPORT"


class UnsupportedEsmUrlScheme(ResolutionError):
    code = "ERR_UNSUPPORTED_ESM_URL_SCHEME"


class InvalidModuleSpecifier(ResolutionError):
    code = "ERR_INVALID_MODULE_SPECIFIER"


class InvalidPackageConfig(ResolutionError):
    """A package.json that is not JSON, or ``exports`` that Node refuses.

    Deviation, on purpose, from node 20 only: for a package.json that is not JSON, its CommonJS
    loader throws a plain ``Error`` with no code ("Error parsing ..."); nmdoctor reports this code
    for both loaders, as node 20's ESM loader and both loaders of node 22+ do.
    """

    code = "ERR_INVALID_PACKAGE_CONFIG"


class InvalidPackageTarget(ResolutionError):
    code = "ERR_INVALID_PACKAGE_TARGET"


class PackagePathNotExported(ResolutionError):
    code = "ERR_PACKAGE_PATH_NOT_EXPORTED"


class PackageImportNotDefined(ResolutionError):
    code = "ERR_PACKAGE_IMPORT_NOT_DEFINED"


class InvalidFileUrlPath(ResolutionError):
    code = "ERR_INVALID_FILE_URL_PATH"


class InvalidFileUrlHost(ResolutionError):
    code = "ERR_INVALID_FILE_URL_HOST"


class UnsupportedResolveRequest(ResolutionError):
    code = "ERR_UNSUPPORTED_RESOLVE_REQUEST"


class InvalidUrlScheme(ResolutionError):
    """CommonJS ``#imports`` that map to a builtin: Node's fileURLToPath refuses the ``node:`` URL."""

    code = "ERR_INVALID_URL_SCHEME"
