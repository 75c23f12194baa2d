"""Packages with peer dependencies, and projects that make pnpm create one folder per peer set.

Each project isolates one rule of pnpm's peer resolution (resolve-dependencies, resolvePeers):
which dependent's scope provides the peer, how a peer that a dependency asks for is carried up to
the package whose scope provides it, optional and missing peers, a peer that the package also
depends on, peers of peers, and names long enough to be hashed.
"""

from __future__ import annotations

import json
from typing import Any

LONG_SCOPE = "@a-rather-long-scope-name-for-tests"
LONG_HOST = f"{LONG_SCOPE}/an-extremely-long-host-package-name-that-pnpm-must-shorten"
LONG_PLUGIN = f"{LONG_SCOPE}/an-extremely-long-plugin-package-name-with-a-peer"

PEER_PACKAGES: list[dict[str, Any]] = [
    {"name": "host", "version": "1.0.0"},
    {"name": "host", "version": "2.0.0"},
    {"name": "plugin", "version": "1.0.0", "peerDependencies": {"host": "^1.0.0 || ^2.0.0"}},
    # Two dependents, each with its own host: two folders of plugin@1.0.0.
    {"name": "old-kit", "version": "1.0.0", "dependencies": {"host": "^1.0.0", "plugin": "^1.0.0"}},
    {"name": "new-kit", "version": "1.0.0", "dependencies": {"host": "^2.0.0", "plugin": "^1.0.0"}},
    # A transitive peer: plugin's host comes from above plugin-wrapper, and from above deep-wrapper.
    {"name": "plugin-wrapper", "version": "1.0.0", "dependencies": {"plugin": "^1.0.0"}},
    {"name": "deep-wrapper", "version": "1.0.0", "dependencies": {"plugin-wrapper": "^1.0.0"}},
    # An optional peer nobody provides, next to one the scope provides; a peer named only in
    # peerDependenciesMeta.
    {
        "name": "opt-peer",
        "version": "1.0.0",
        "peerDependencies": {"host": "*", "absent-optional": "^1.0.0"},
        "peerDependenciesMeta": {"absent-optional": {"optional": True}},
    },
    {"name": "meta-peer", "version": "1.0.0", "peerDependenciesMeta": {"host": {"optional": True}}},
    # A peer also listed as a dependency: pnpm drops it from the peers.
    {
        "name": "self-provided",
        "version": "1.0.0",
        "dependencies": {"host": "^1.0.0"},
        "peerDependencies": {"host": "^1.0.0"},
    },
    # A peer nobody provides (auto-install-peers installs it).
    {"name": "lonely", "version": "1.0.0"},
    {"name": "needs-lonely", "version": "1.0.0", "peerDependencies": {"lonely": "^1.0.0"}},
    # Peers of peers: router's react-dom has react as its own peer.
    {"name": "react-dom", "version": "17.0.2", "peerDependencies": {"react": "^17.0.0"}},
    {"name": "react-dom", "version": "18.3.1", "peerDependencies": {"react": "^18.0.0"}},
    {"name": "router", "version": "1.0.0", "peerDependencies": {"react": "*", "react-dom": "*"}},
    {
        "name": "legacy-kit",
        "version": "1.0.0",
        "dependencies": {"react": "^17.0.0", "react-dom": "^17.0.0", "router": "^1.0.0"},
    },
    # Names long enough that the folder name is cut and hashed.
    {"name": LONG_HOST, "version": "1.0.0"},
    {"name": LONG_PLUGIN, "version": "1.0.0", "peerDependencies": {LONG_HOST: "^1.0.0", "host": "*"}},
    # The host only where one dependent sees it (dedupe-peer-dependents).
    {"name": "bare-kit", "version": "1.0.0", "dependencies": {"meta-peer": "^1.0.0"}},
    {"name": "hosted-kit", "version": "1.0.0", "dependencies": {"host": "^1.0.0", "meta-peer": "^1.0.0"}},
    # A peer that a workspace package provides.
    {"name": "ws-plugin", "version": "1.0.0", "peerDependencies": {"wshost": "^1.0.0"}},
    # An optional peer in peerDependencies (pnpm's resolver sees it, unlike a peerDependenciesMeta-only one):
    # provided deep in one subtree, or only present in the graph.
    {
        "name": "opt-plugin",
        "version": "1.0.0",
        "peerDependencies": {"host": "*"},
        "peerDependenciesMeta": {"host": {"optional": True}},
    },
    {"name": "opt-user", "version": "1.0.0", "dependencies": {"opt-plugin": "^1.0.0"}},
    {"name": "opt-hosted", "version": "1.0.0", "dependencies": {"host": "^1.0.0", "opt-plugin": "^1.0.0"}},
    {"name": "opt-deep", "version": "1.0.0", "dependencies": {"opt-hosted": "^1.0.0"}},
    {"name": "host-holder", "version": "1.0.0", "dependencies": {"host": "^1.0.0"}},
    # A dependency whose peer is its dependent (webpack and terser-webpack-plugin), with an optional
    # peer provided elsewhere; two packages that are each other's peer.
    {
        "name": "minifier",
        "version": "1.0.0",
        "peerDependencies": {"bundler": "*", "css": "*"},
        "peerDependenciesMeta": {"css": {"optional": True}},
    },
    {"name": "bundler", "version": "1.0.0", "dependencies": {"minifier": "^1.0.0"}},
    {"name": "css", "version": "1.0.0"},
    {"name": "app-scripts", "version": "1.0.0", "dependencies": {"bundler": "^1.0.0", "css": "^1.0.0"}},
    # A dependency that the project's packageExtensions turn into a peer.
    {"name": "ext-kit", "version": "1.0.0", "dependencies": {"host": "^1.0.0"}},
    {"name": "ping", "version": "1.0.0", "peerDependencies": {"pong": "^1.0.0"}},
    {"name": "pong", "version": "1.0.0", "peerDependencies": {"ping": "^1.0.0"}},
]

# name -> (package.json, project files)
PEER_PROJECTS: dict[str, tuple[dict[str, Any], dict[str, str]]] = {
    "peer-variants": (
        {
            "name": "peer-app",
            "version": "1.0.0",
            "dependencies": {
                "host": "^2.0.0",
                "old-kit": "^1.0.0",
                "new-kit": "^1.0.0",
                "plugin-wrapper": "^1.0.0",
                "deep-wrapper": "^1.0.0",
                "opt-peer": "^1.0.0",
                "meta-peer": "^1.0.0",
                "self-provided": "^1.0.0",
                "needs-lonely": "^1.0.0",
            },
        },
        {},
    ),
    "peer-of-peer": (
        {
            "name": "peer-web",
            "version": "1.0.0",
            "dependencies": {
                "react": "^18.0.0",
                "react-dom": "^18.0.0",
                "router": "^1.0.0",
                "legacy-kit": "^1.0.0",
                LONG_HOST: "^1.0.0",
                LONG_PLUGIN: "^1.0.0",
                "host": "^1.0.0",
            },
        },
        {},
    ),
    "peer-unprovided": (
        {
            "name": "peer-loose",
            "version": "1.0.0",
            "dependencies": {"old-kit": "^1.0.0", "new-kit": "^1.0.0", "plugin-wrapper": "^1.0.0"},
        },
        {},
    ),
    "peer-dedupe": (
        {"name": "peer-dedupe", "version": "1.0.0", "dependencies": {"bare-kit": "^1.0.0", "hosted-kit": "^1.0.0"}},
        {},
    ),
    "peer-found-below": (
        {
            "name": "peer-below",
            "version": "1.0.0",
            "dependencies": {"opt-user": "^1.0.0", "opt-deep": "^1.0.0"},
        },
        {},
    ),
    "peer-in-graph-only": (
        {"name": "peer-graph", "version": "1.0.0", "dependencies": {"opt-user": "^1.0.0", "host-holder": "^1.0.0"}},
        {},
    ),
    "peer-order": (
        {
            "name": "peer-order",
            "version": "1.0.0",
            "dependencies": {"new-kit": "^1.0.0", "old-kit": "^1.0.0", "plugin-wrapper": "^1.0.0"},
        },
        {},
    ),
    "peer-cycles": (
        {
            "name": "peer-cycles",
            "version": "1.0.0",
            "dependencies": {"bundler": "^1.0.0", "app-scripts": "^1.0.0", "ping": "^1.0.0", "pong": "^1.0.0"},
        },
        {},
    ),
    "peer-extensions": (
        {
            "name": "peer-ext",
            "version": "1.0.0",
            "dependencies": {"host": "^2.0.0", "ext-kit": "^1.0.0"},
            "pnpm": {"packageExtensions": {"ext-kit@1": {"peerDependencies": {"host": "*"}}}},
        },
        {},
    ),
    # Workspaces (npm-style "workspaces", written as pnpm-workspace.yaml for pnpm): a workspace
    # without the host resolves the peer from the workspace root; another provides its own; a
    # registry package's peer is a workspace package (a link).
    "peer-workspaces": (
        {
            "name": "peer-mono",
            "version": "0.0.0",
            "private": True,
            "workspaces": ["packages/*"],
            "dependencies": {"host": "^2.0.0"},
        },
        {
            "packages/ui/package.json": json.dumps(
                {"name": "ui", "version": "1.0.0", "dependencies": {"plugin": "^1.0.0", "plugin-wrapper": "^1.0.0"}}
            ),
            "packages/legacy/package.json": json.dumps(
                {
                    "name": "legacy",
                    "version": "1.0.0",
                    "dependencies": {"host": "^1.0.0", "plugin": "^1.0.0", "ui": "1.0.0"},
                }
            ),
            "packages/wshost/package.json": json.dumps({"name": "wshost", "version": "1.0.0"}),
            "packages/widget/package.json": json.dumps(
                {"name": "widget", "version": "1.0.0", "dependencies": {"wshost": "1.0.0", "ws-plugin": "^1.0.0"}}
            ),
        },
    ),
}
