"""A package-lock.json records a package's ``bundleDependencies`` and marks the copies its tarball
ships ``inBundle``: read from the lockfile alone, a copy in that bundle outside its dependent's range
is the publisher's, which no install changes (npm unpacks bundled node_modules as the tarball ships
them and resolves nothing inside; npm docs, package.json "bundleDependencies"). Seen on
aws-amplify/amplify-backend: @aws-amplify/data-construct bundles @opentelemetry/resources 2.0.0
(wants @opentelemetry/core 2.0.0) beside @opentelemetry/core 2.8.0."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main

LOCK = {
    "name": "app",
    "version": "1.0.0",
    "lockfileVersion": 3,
    "requires": True,
    "packages": {
        "": {"name": "app", "version": "1.0.0", "dependencies": {"host": "1.0.0"}},
        "node_modules/host": {
            "version": "1.0.0",
            "resolved": "https://registry.npmjs.org/host/-/host-1.0.0.tgz",
            "bundleDependencies": ["a", "b"],
            "dependencies": {"a": "1.0.0", "b": "^2.0.0"},
        },
        "node_modules/host/node_modules/a": {"version": "1.0.0", "inBundle": True, "dependencies": {"b": "2.0.0"}},
        "node_modules/host/node_modules/b": {"version": "2.8.0", "inBundle": True},
    },
}


def test_a_bundled_copy_outside_the_range_names_the_publisher_not_a_relock(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(
        json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"host": "1.0.0"}})
    )
    (tmp_path / "package-lock.json").write_text(json.dumps(LOCK))
    result = CliRunner().invoke(
        main, ["check", str(tmp_path), "--lockfile", "--no-cache", "--format", "json", "--select", "version-mismatch"]
    )
    [item] = json.loads(result.output)["findings"]
    assert (item["request"], item["from"]) == ("b", "node_modules/host/node_modules/a")
    # `npm install` would not touch the bundle: the fix names the tarball that ships it
    assert item["fix"].startswith(
        "nothing to reinstall: node_modules/host/node_modules/b comes in the tarball of `host@1.0.0`"
    )
