"""Human-readable explanation of one resolution: the answer to "I installed it, why can't it be found?"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from nmdoctor.inspect import InstalledCopy
from nmdoctor.resolve import ImportKind, Resolution

__all__ = ["package_name", "render_explanation"]


def package_name(request: str) -> str | None:
    """The package a bare request names (``@scope/name`` or ``name``), or None for paths and builtins."""
    if request.startswith((".", "/", "#")) or request.startswith("node:") or not request:
        return None
    parts = request.split("/")
    if request.startswith("@"):
        return "/".join(parts[:2]) if len(parts) > 1 else None
    return parts[0]


def render_explanation(result: Resolution, out: TextIO, copies: Sequence[InstalledCopy] = ()) -> None:
    verb = "import" if result.kind is ImportKind.IMPORT else "require"
    out.write(f"{verb}('{result.request}') from {result.parent}\n")
    if result.ok:
        out.write(f"  resolved: {result.resolved}\n")
    else:
        out.write(f"  error: {result.error}: {result.message}\n")
    if result.trace:
        out.write("Tried, in order:\n")
        width = len(str(len(result.trace)))
        for number, probe in enumerate(result.trace, start=1):
            out.write(f"  {number:>{width}}. {probe.path}: {probe.outcome}\n")
    if copies:
        name = package_name(result.request)
        out.write(f"\n{name} is installed, but not where this lookup goes:\n")
        for copy in copies:
            version = f"@{copy.version}" if copy.version else ""
            out.write(f"  - {name}{version} at {copy.path}\n")
            if copy.dependent:
                out.write(f"    a dependency of {copy.dependent}: only code under {copy.reachable_from} finds it\n")
            else:
                out.write(f"    only code under {copy.reachable_from} finds it\n")
        out.write(
            "Fix: declare it in the dependencies of the package that requires it, so the package\n"
            "manager links it where node looks; or, in a tool config that names it by string,\n"
            "pass require.resolve('" + str(name) + "') from the package that declares it;\n"
            "with pnpm, a public-hoist-pattern entry in .npmrc also puts it at the top level.\n"
        )
