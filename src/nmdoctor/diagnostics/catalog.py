"""Every finding code nmdoctor prints, declared once: its severity, a title, its explanation (what
``nmdoctor explain`` and SARIF's rule help print) and the kind of fix it carries.

Codes are a public contract (DESIGN.md): never rename one; add new ones here first. A fix is
*safe* when following it cannot change what the code does today (declaring what already loads,
reinstalling what the lockfile says), *unsafe* when it can (another version, a deduped copy, a
rewritten lockfile), and *manual* when it is a decision for a person (what to mount, what to pack).

The explanations of ``check``'s codes are still written as their rules' docstrings, and the others
in ``explanations.EXTRA_EXPLANATIONS``; ``explanation`` reads them from there.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from nmdoctor.diagnostics.model import Finding, Severity

__all__ = ["CATALOG", "Applicability", "CodeInfo", "Fix", "explanation", "finding", "typed_fix"]


class Applicability(enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Fix:
    """A fix as printed (``text``) and how it may be applied."""

    text: str
    applicability: Applicability

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    severity: Severity  # the usual one; a finding may lower it (a types-only import, an optional package)
    title: str
    fix: Applicability
    commands: tuple[str, ...]  # the commands that report it


_ERROR, _WARNING = Severity.ERROR, Severity.WARNING
_SAFE, _UNSAFE, _MANUAL = Applicability.SAFE, Applicability.UNSAFE, Applicability.MANUAL
_CHECK_VERIFY = ("check", "verify")

CATALOG: dict[str, CodeInfo] = {
    info.code: info
    for info in (
        CodeInfo(
            "missing-dependency", _ERROR, "A declared dependency is not found", _SAFE, (*_CHECK_VERIFY, "archive")
        ),
        CodeInfo(
            "version-mismatch", _ERROR, "A dependency resolves outside its range", _SAFE, (*_CHECK_VERIFY, "archive")
        ),
        CodeInfo("unmet-peer-dependency", _WARNING, "A peer dependency is not installed", _UNSAFE, ("check",)),
        CodeInfo("extraneous-package", _WARNING, "Installed, but nothing uses it", _SAFE, _CHECK_VERIFY),
        CodeInfo(
            "lockfile-drift", _ERROR, "The tree or package.json differs from the lockfile", _UNSAFE, _CHECK_VERIFY
        ),
        CodeInfo("phantom-dependency", _WARNING, "An import works only by hoisting", _SAFE, ("check", "migrate")),
        CodeInfo("unresolvable-import", _ERROR, "An import resolves to nothing", _MANUAL, ("check", "archive")),
        CodeInfo("string-module-reference", _ERROR, "A config names a module it cannot load", _UNSAFE, ("check",)),
        CodeInfo("broken-symlink", _ERROR, "A link in node_modules leads nowhere", _SAFE, ("check", "archive")),
        CodeInfo("doppelganger", _WARNING, "One name@version installed several times", _UNSAFE, ("check",)),
        CodeInfo("duplicate-singleton", _ERROR, "Several versions of a must-be-one package", _UNSAFE, ("check",)),
        CodeInfo("require-of-esm", _ERROR, "require() of an ES module throws on this node", _MANUAL, ("check",)),
        CodeInfo(
            "node-version-dependent-import",
            Severity.INFO,
            "An import resolves differently across engines.node",
            _MANUAL,
            ("check",),
        ),
        CodeInfo("resolution-changed", _WARNING, "Another layout loads another copy", _MANUAL, ("migrate",)),
        CodeInfo(
            "unsupported-dependency-protocol",
            _ERROR,
            "The target manager refuses a dependency spec",
            _SAFE,
            ("migrate",),
        ),
        CodeInfo(
            "unsupported-override-selector",
            _WARNING,
            "The target manager does not read an override selector",
            _SAFE,
            ("migrate",),
        ),
        CodeInfo(
            "script-command-not-linked",
            _ERROR,
            "A script runs an executable the target does not link",
            _SAFE,
            ("migrate",),
        ),
        CodeInfo(
            "workspaces-not-read",
            _ERROR,
            "The target manager does not read where the workspaces are declared",
            _SAFE,
            ("migrate",),
        ),
        CodeInfo(
            "webpack-symlinks-off",
            _ERROR,
            "webpack resolves packages from their links",
            _MANUAL,
            ("check", "migrate"),
        ),
        CodeInfo(
            "workspace-not-linked",
            _WARNING,
            "A workspace package is installed from the registry",
            _UNSAFE,
            ("check",),
        ),
        CodeInfo("volume-shadows-node-modules", _ERROR, "A mount hides the image's node_modules", _MANUAL, ("docker",)),
        CodeInfo("init-marker-version-blind", _WARNING, "A restore marker ignores versions", _MANUAL, ("docker",)),
        CodeInfo("prod-stage-reinstall", _WARNING, "The production stage installs again", _MANUAL, ("docker",)),
        CodeInfo("lockfile-not-used", _WARNING, "The image installs without its lockfile", _MANUAL, ("docker",)),
        CodeInfo("runs-as-root", _WARNING, "The container runs node as root", _MANUAL, ("docker",)),
        CodeInfo("node-modules-not-dockerignored", _WARNING, "node_modules is sent to the build", _MANUAL, ("docker",)),
        CodeInfo("app-files-writable", _WARNING, "The app's files are writable at run time", _MANUAL, ("docker",)),
        CodeInfo(
            "install-at-start", _WARNING, "The container installs dependencies at every start", _MANUAL, ("docker",)
        ),
        CodeInfo("package-manager-floating", _WARNING, "The package manager's version floats", _MANUAL, ("docker",)),
        CodeInfo(
            "node-version-mismatch", _WARNING, "Build and runtime stages run other node majors", _MANUAL, ("docker",)
        ),
        CodeInfo(
            "install-skips-patches", _WARNING, "The install skips the patches the app needs", _MANUAL, ("docker",)
        ),
        CodeInfo(
            "compose-variable-required", Severity.INFO, "A compose value is left to the shell", _MANUAL, ("docker",)
        ),
        CodeInfo("archive-version-collapsed", _ERROR, "The packed app holds another version", _MANUAL, ("archive",)),
        CodeInfo("archive-missing-package", _ERROR, "The packed app lacks a package", _MANUAL, ("archive",)),
        CodeInfo(
            "archive-native-module-packed", _ERROR, "A native module is packed in the asar", _MANUAL, ("archive",)
        ),
        CodeInfo("archive-unpacked-missing", _ERROR, "A file marked unpacked is missing", _MANUAL, ("archive",)),
        CodeInfo(
            "archive-integrity-mismatch", _WARNING, "The asar differs from its integrity hash", _MANUAL, ("archive",)
        ),
    )
}


def explanation(code: str) -> str:
    """The markdown explanation of ``code`` ("## What it means / Why it matters / How to fix")."""
    from nmdoctor.diagnostics.explanations import EXTRA_EXPLANATIONS
    from nmdoctor.diagnostics.registry import all_checks

    for registered in all_checks():
        if registered.code == code:
            return registered.doc
    return EXTRA_EXPLANATIONS[code][1]


def typed_fix(item: Finding) -> Fix | None:
    """The finding's fix with the applicability its code declares."""
    if item.fix is None:
        return None
    return Fix(item.fix, CATALOG[item.code].fix)


def finding(
    code: str, message: str, *, severity: Severity | None = None, fix: str | Fix | None = None, **where: Any
) -> Finding:
    """A finding of a catalogued ``code`` (its usual severity unless given); ``where`` holds the
    other fields of ``Finding`` (package, request, from_, line, column)."""
    info = CATALOG[code]  # a KeyError here is a code that was never declared
    return Finding(code, severity or info.severity, message, fix=None if fix is None else str(fix), **where)
