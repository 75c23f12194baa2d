"""What an Ember build serves to the code it compiles, whatever node would resolve.

ember-cli (classic builds, and Embroider's compat layer over them) compiles an app's ``app/`` and
``tests/`` (a v1 addon's ``addon/``, ``addon-test-support/`` and ``test-support/``) into one module
loader: each v1 addon the app depends on, and each addon those depend on, adds its own modules under
names of its choosing (ember-fetch's ``fetch``, loader.js's ``require``, ember-data's nested
``@ember-data/model``), found from the addon's own folder rather than from the importing file. So an
import there that node cannot resolve may still load in the browser: it cannot be decided from
``node_modules``."""

from __future__ import annotations

import posixpath

from nmdoctor.model.graph import DependencyGraph, Instance
from nmdoctor.vfs.base import FileSystem

# folders of a package that ember-cli compiles into the loader, not run by node
_APP_TREES = ("app/", "tests/")
_ADDON_TREES = ("addon/", "addon-test-support/", "test-support/", "tests/")
# files below them that ember-cli runs with node (a dummy app's config)
_NODE_RUN = ("tests/dummy/config/",)


def ember_cli_compiled(fs: FileSystem, owner: Instance, file: str) -> str | None:
    """What compiles ``file`` into an Ember module loader (``"ember-cli"`` for an app with an
    ember-cli-build.js that declares ember-cli, ``"a v1 addon's build"`` for a v1 addon), or None
    when node's resolution is what loads it."""
    raw = owner.manifest.raw if isinstance(owner.manifest.raw, dict) else {}
    inside = posixpath.relpath(file, owner.path)
    if inside.startswith(_NODE_RUN):
        return None
    addon = raw.get("ember-addon")
    keywords = raw.get("keywords")
    v1_addon = (isinstance(keywords, list) and "ember-addon" in keywords) and not (
        isinstance(addon, dict) and addon.get("version") == 2
    )
    if v1_addon and inside.startswith(_ADDON_TREES):
        return "a v1 Ember addon's build"
    declared = {
        item for field in ("dependencies", "devDependencies") if isinstance(raw.get(field), dict) for item in raw[field]
    }
    if (
        "ember-cli" in declared
        and inside.startswith(_APP_TREES)
        and fs.stat(posixpath.join(owner.path, "ember-cli-build.js")) is not None
    ):
        return "ember-cli"
    return None


# the modules of ember-source 5.12.0 (its dist/packages: @ember/*, @glimmer/*, rsvp, ...) that an
# app imports by their RFC 176 names, for a lockfile read without the package's files
_EMBER_SOURCE_MODULES = frozenset(
    [
        *(
            f"@ember/{name}"
            for name in (
                "-internals application array component controller debug destroyable engine enumerable helper"
                " instrumentation modifier object owner routing runloop service template"
                " template-compilation template-factory test utils version"
            ).split()
        ),
        "@glimmer/tracking",
        "ember",
        "ember-testing",
        "rsvp",
    ]
)


def lockfile_ember_source(fs: FileSystem, graph: DependencyGraph, owner: Instance, name: str) -> Instance | None:
    """The ember-source the lockfile resolves for ``owner`` when nothing is installed where it would
    be (``check --lockfile``), whose files cannot then be read, for a module ``name`` it ships."""
    if name not in _EMBER_SOURCE_MODULES:
        return None
    for edge in graph.edges_from(owner):
        if edge.name == "ember-source" and edge.target is not None and fs.stat(edge.target.path) is None:
            return edge.target
    return None
