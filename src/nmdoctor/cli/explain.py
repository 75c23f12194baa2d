"""Human-readable explanation of one resolution: the answer to "I installed it, why can't it be found?"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from nmdoctor.inspect import InstalledCopy
from nmdoctor.render.escape import terminal_safe as safe
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
    out.write(f"{verb}('{safe(result.request)}') from {safe(str(result.parent))}\n")
    if result.ok:
        out.write(f"  resolved: {safe(str(result.resolved))}\n")
    else:
        out.write(f"  error: {safe(f'{result.error}: {result.message}')}\n")
    if result.trace:
        out.write("Tried, in order:\n")
        width = len(str(len(result.trace)))
        for number, probe in enumerate(result.trace, start=1):
            out.write(f"  {number:>{width}}. {safe(probe.path)}: {safe(probe.outcome)}\n")
    if copies:
        name = package_name(result.request)
        out.write(f"\n{safe(str(name))} is installed, but not where this lookup goes:\n")
        for copy in copies:
            version = f"@{copy.version}" if copy.version else ""
            out.write(f"  - {safe(f'{name}{version}')} at {safe(copy.path)}\n")
            if copy.dependent:
                dependent, under = safe(str(copy.dependent)), safe(copy.reachable_from)
                out.write(f"    a dependency of {dependent}: only code under {under} finds it\n")
            else:
                out.write(f"    only code under {safe(copy.reachable_from)} finds it\n")
        out.write(
            "Fix: declare it in the dependencies of the package that requires it, so the package\n"
            "manager links it where node looks; or, in a tool config that names it by string,\n"
            "pass require.resolve('" + safe(str(name)) + "') from the package that declares it;\n"
            "with pnpm, a public-hoist-pattern entry in .npmrc also puts it at the top level.\n"
        )
