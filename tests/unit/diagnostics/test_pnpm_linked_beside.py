"""Under pnpm, what a package's virtual-store folder holds beside it is what pnpm resolved for it,
declared or not by its manifest (a peer, an optional peer only peerDependenciesMeta names, what a
packageExtensions entry gives it, pnpm's own list included): neither a phantom nor extraneous."""

from __future__ import annotations

from nmdoctor.diagnostics.engine import run_checks
from nmdoctor.diagnostics.model import Finding
from nmdoctor.diagnostics.registry import CheckContext
from nmdoctor.inspect.tree import read_installed_tree
from nmdoctor.vfs import MemoryFS, symlink

STORE = "/app/node_modules/.pnpm"


def pkg(name: str, version: str, **fields: object) -> dict[str, object]:
    return {"name": name, "version": version, **fields}


def tree() -> dict[str, object]:
    return {
        "/app/package.json": pkg(
            "app", "1.0.0", dependencies={"got": "^9", "connect-mongo": "^4", "mongodb": "^3", "aws4": "^1"}
        ),
        "/app/node_modules/aws4": symlink(".pnpm/aws4@1.11.0/node_modules/aws4"),
        "/app/node_modules/got": symlink(".pnpm/got@9.6.0/node_modules/got"),
        "/app/node_modules/connect-mongo": symlink(
            ".pnpm/connect-mongo@4.4.0_express-session@1.17.1/node_modules/connect-mongo"
        ),
        "/app/node_modules/mongodb": symlink(".pnpm/mongodb@3.6.3/node_modules/mongodb"),
        # got 9 declares no @types/keyv: pnpm's own packageExtensions give it one
        f"{STORE}/got@9.6.0/node_modules/got/package.json": pkg("got", "9.6.0", main="index.js"),
        f"{STORE}/got@9.6.0/node_modules/got/index.js": "module.exports = 1;\n",
        f"{STORE}/got@9.6.0/node_modules/@types/keyv": symlink("../../../@types+keyv@3.1.4/node_modules/@types/keyv"),
        f"{STORE}/@types+keyv@3.1.4/node_modules/@types/keyv/package.json": pkg("@types/keyv", "3.1.4"),
        # connect-mongo requires express-session, a peer pnpm's list adds; pnpm links it beside it
        f"{STORE}/connect-mongo@4.4.0_express-session@1.17.1/node_modules/connect-mongo/package.json": pkg(
            "connect-mongo", "4.4.0", main="index.js"
        ),
        f"{STORE}/connect-mongo@4.4.0_express-session@1.17.1/node_modules/connect-mongo/index.js": (
            "const session = require('express-session');\nmodule.exports = session;\n"
        ),
        f"{STORE}/connect-mongo@4.4.0_express-session@1.17.1/node_modules/express-session": symlink(
            "../../express-session@1.17.1/node_modules/express-session"
        ),
        f"{STORE}/express-session@1.17.1/node_modules/express-session/package.json": pkg("express-session", "1.17.1"),
        # mongodb requires aws4, which only pnpm's hidden hoisting puts within its reach
        f"{STORE}/mongodb@3.6.3/node_modules/mongodb/package.json": pkg("mongodb", "3.6.3", main="index.js"),
        f"{STORE}/mongodb@3.6.3/node_modules/mongodb/index.js": "module.exports = require('aws4');\n",
        f"{STORE}/node_modules/aws4": symlink("../aws4@1.11.0/node_modules/aws4"),
        f"{STORE}/aws4@1.11.0/node_modules/aws4/package.json": pkg("aws4", "1.11.0"),
        f"{STORE}/node_modules/express-session": symlink("../express-session@1.17.1/node_modules/express-session"),
        f"{STORE}/node_modules/@types/keyv": symlink("../../@types+keyv@3.1.4/node_modules/@types/keyv"),
    }


def findings(entries: dict[str, object]) -> list[Finding]:
    fs = MemoryFS.from_mapping(entries)
    return list(run_checks(CheckContext(graph=read_installed_tree(fs, "/app"), fs=fs)))


def test_what_pnpm_linked_beside_a_package_is_neither_phantom_nor_extraneous() -> None:
    found = findings(tree())
    assert [(item.code, item.request) for item in found] == [("phantom-dependency", "aws4")]
    assert found[0].message.endswith(
        "it resolves only from node_modules/.pnpm/node_modules/aws4 (pnpm's hoist-pattern puts every package "
        "there; it breaks when hoist-pattern leaves it out)"
    )


def test_without_the_link_beside_it_the_same_packages_are_reported() -> None:
    entries = tree()
    del entries[f"{STORE}/got@9.6.0/node_modules/@types/keyv"]
    del entries[f"{STORE}/connect-mongo@4.4.0_express-session@1.17.1/node_modules/express-session"]
    found = {(item.code, item.request or item.package.name if item.package else "") for item in findings(entries)}
    assert ("phantom-dependency", "express-session") in found
    assert any(code == "extraneous-package" and "types/keyv" in str(name) for code, name in found)
