"""Which registry npm hashes into linked store folder names, read from package-lock.json."""

from __future__ import annotations

import json
from pathlib import Path

from nmdoctor.linkers.npm_linked import NPM_REGISTRY, lockfile_registry

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "lockfiles"


def test_a_lockfile_without_resolved_urls_hashes_null() -> None:
    # written by npm with omit-lockfile-registry-resolved (tests/fixtures/lockfiles/PROVENANCE.md)
    assert lockfile_registry((FIXTURES / "send-0.18" / "npm" / "package-lock.json").read_text()) is None


def test_the_registry_of_the_resolved_urls() -> None:
    lock = {
        "lockfileVersion": 3,
        "packages": {
            "": {"name": "app"},
            "node_modules/@scope/pkg": {
                "version": "1.0.0",
                "resolved": "http://127.0.0.1:4873/@scope/pkg/-/pkg-1.0.0.tgz",
            },
        },
    }
    assert lockfile_registry(json.dumps(lock)) == "http://127.0.0.1:4873/"


def test_no_lockfile_or_an_unreadable_one_means_the_public_registry() -> None:
    assert lockfile_registry(None) == NPM_REGISTRY
    assert lockfile_registry("{not json") == NPM_REGISTRY
