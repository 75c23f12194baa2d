"""unresolvable-import in a file a Dockerfile copies into an image and installs packages beside by
name (field batch 23, 2026-12-07): posthog-js's compliance/node/Dockerfile copies adapter.js to
/app/adapter, runs `npm init -y && npm install express` there and `node adapter.js`; node finds
express in the image. Nothing in the files says the file runs anywhere else: a note, not an error."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding, Severity
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS

DOCKERFILE = """FROM node:24-alpine
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
WORKDIR /app/adapter
COPY compliance/node/adapter.js ./
RUN npm init -y && npm install express
CMD ["node", "adapter.js"]
"""


def findings(extra: dict[str, object]) -> list[Finding]:
    tree: dict[str, object] = {
        "/app/package.json": {"name": "sdk", "version": "1.0.0", "dependencies": {"left-pad": "^1.3.0"}},
        "/app/node_modules/left-pad/package.json": {"name": "left-pad", "version": "1.3.0"},
        "/app/compliance/node/adapter.js": "const express = require('express');\nconst os = require('left-pad');\n"
        "const y = require('yaml');\n",
        **extra,
    }
    fs = MemoryFS.from_mapping(tree)
    graph = read_installed_tree(fs, "/app")
    return [item for item in run_checks(CheckContext(graph=graph, fs=fs), select=["unresolvable-import"]) if item.from_]


def test_a_name_the_dockerfile_installs_beside_the_file_is_a_note() -> None:
    found = {item.request: item for item in findings({"/app/compliance/node/Dockerfile": DOCKERFILE})}
    assert found["express"].severity is Severity.INFO
    assert (
        "compliance/node/Dockerfile copies this file into an image and installs `express`" in found["express"].message
    )
    # express is in neither the tree nor a lockfile: the fix names no install of it
    assert found["express"].fix is not None and "declare" not in found["express"].fix
    assert found["yaml"].severity is Severity.ERROR  # the image does not install it either


def test_it_stays_an_error_where_the_image_does_not_install_it_beside_the_file() -> None:
    for dockerfile in (
        None,  # no Dockerfile
        DOCKERFILE.replace("COPY compliance/node/adapter.js ./", "COPY compliance/other.js ./"),  # copies another file
        DOCKERFILE.replace("WORKDIR /app/adapter\n", "")
        .replace(  # installs in a folder node does not walk from it
            "RUN npm init -y && npm install express", "RUN cd /opt && npm install express"
        )
        .replace("COPY compliance/node/adapter.js ./", "COPY compliance/node/adapter.js /srv/"),
    ):
        extra = {} if dockerfile is None else {"/app/compliance/node/Dockerfile": dockerfile}
        found = {item.request: item.severity for item in findings(extra)}
        assert found["express"] is Severity.ERROR, dockerfile
