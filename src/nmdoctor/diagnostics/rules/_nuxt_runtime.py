"""The runtime files of a Nuxt module, which Nuxt's build compiles into the app that installs the
module: `@nuxt/kit`'s ``addPlugin``, ``addComponent`` and app templates name files of the module's
``runtime/`` folder (a template is copied into the app's ``.nuxt`` folder first), and Nuxt's Vite
config resolves ``vue`` in them with ``resolve.dedupe: ['vue']`` (@nuxt/vite-builder 4.2.2), that is,
from the app's root, not from the file. Vite 7.3.1 on histoire's @histoire/plugin-nuxt: ``vue``
from its ``runtime/components.mjs`` is not found without the dedupe and is the app's vue with it."""

from __future__ import annotations

from nmdoctor.model.graph import Instance

__all__ = ["NUXT_RUNTIME_WHY", "nuxt_runtime_fix", "nuxt_runtime_import"]

# the names Nuxt's Vite config dedupes to the app's root
_DEDUPED = frozenset({"vue"})
_FIELDS = ("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")

NUXT_RUNTIME_WHY = (
    " (cannot be decided: a runtime file of a Nuxt module, which Nuxt's build compiles into the app that"
    " installs the module and resolves `{name}` from the app's root (resolve.dedupe), not from this file)"
)


def nuxt_runtime_import(owner: Instance, file: str, name: str) -> bool:
    """Whether ``file`` of ``owner`` is a Nuxt module's runtime file importing a name Nuxt's build
    resolves from the app: the package declares `@nuxt/kit` (what a Nuxt module is built on) and the
    file is below a ``runtime`` folder of it (``runtime/``, ``src/runtime/``, ``dist/runtime/``)."""
    if name not in _DEDUPED or not file.startswith(owner.path + "/"):
        return False
    raw = owner.manifest.raw if isinstance(owner.manifest.raw, dict) else {}
    if not any(isinstance(raw.get(field), dict) and "@nuxt/kit" in raw[field] for field in _FIELDS):
        return False
    return "runtime" in file[len(owner.path) + 1 :].split("/")[:-1]


def nuxt_runtime_fix(manifest: str, name: str) -> str:
    """The fix: the module states what its runtime files take from the app."""
    return (
        f"add `{name}` to peerDependencies in {manifest}: the module's runtime files use the app's `{name}`,"
        " which Nuxt's build resolves for them"
    )
