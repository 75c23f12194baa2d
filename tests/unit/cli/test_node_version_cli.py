"""--node-version on check, migrate, archive and docker: the default from the project (.nvmrc,
engines.node, the Dockerfile's FROM), the flag winning, and where reports print the choice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.main import main
from nmdoctor.docker.node_image import node_of_image, runtime_node
from nmdoctor.resolve.node.versions import NodeVersion
from nmdoctor.vfs import DiskFS


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def _project(root: Path, **manifest: Any) -> Path:
    (root / "node_modules" / "a").mkdir(parents=True)
    (root / "package.json").write_text(
        json.dumps({"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}, **manifest})
    )
    (root / "node_modules" / "a" / "package.json").write_text('{"name": "a", "version": "1.0.0"}')
    return root


def test_check_takes_the_nvmrc(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", engines={"node": ">=20"})
    (project / ".nvmrc").write_text("22\n")
    code, out, _ = run("check", str(project))
    assert code == 0
    assert out == 'ok: no problems in 1 installed package\njudged as node 22.23.5 (from .nvmrc "22")\n'
    code, out, _ = run("check", str(project), "--format", "json")
    assert json.loads(out)["nodeVersion"] == {"version": "22.23.5", "source": '.nvmrc "22"'}


def test_check_takes_engines_and_the_flag_wins(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", engines={"node": "^24.1.0"})
    document = json.loads(run("check", str(project), "--format", "json")[1])
    assert document["nodeVersion"] == {"version": "24.22.3", "source": 'package.json engines.node "^24.1.0"'}
    document = json.loads(run("check", str(project), "--format", "json", "--node-version", "20.18.3")[1])
    assert document["nodeVersion"] == {"version": "20.18.3", "source": "--node-version"}


def test_a_bad_version_is_a_usage_error(tmp_path: Path) -> None:
    project = _project(tmp_path / "app")
    for command in (["check"], ["migrate", "--to", "pnpm"], ["docker"]):
        code, out, err = run(*command, str(project), "--node-version", "twenty")
        assert code == 2 and out == "", command
        assert "not a node version: 'twenty'" in err and "Traceback" not in err


def test_sarif_and_html_carry_the_choice(tmp_path: Path) -> None:
    project = _project(tmp_path / "app")
    sarif = json.loads(run("check", str(project), "--format", "sarif", "--node-version", "24")[1])
    assert sarif["runs"][0]["properties"] == {"nodeVersion": {"version": "24.22.3", "source": "--node-version"}}
    page = run("check", str(project), "--format", "html", "--node-version", "26")[1]
    assert '<p id="node-version" data-testid="node-version">judged as node 26.12.1 (from --node-version)</p>' in page


def test_migrate_reports_the_choice(tmp_path: Path) -> None:
    project = _project(tmp_path / "app")
    (project / ".node-version").write_text("v20.19.1\n")
    document = json.loads(run("migrate", str(project), "--to", "pnpm", "--json")[1])
    assert document["nodeVersion"] == {"version": "20.19.1", "source": '.node-version "v20.19.1"'}
    out = run("migrate", str(project), "--to", "pnpm")[1]
    assert out.endswith('\njudged as node 20.19.1 (from .node-version "v20.19.1")\n')


def test_docker_takes_the_shipped_stage(tmp_path: Path) -> None:
    project = _project(tmp_path / "app", engines={"node": ">=20"})
    (project / ".nvmrc").write_text("20\n")
    (project / "Dockerfile").write_text(
        "FROM node:20 AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci\n"
        "FROM node:22-alpine\nWORKDIR /app\nCOPY --from=build /app/node_modules ./node_modules\n"
        'CMD ["node", "index.js"]\n'
    )
    (project / ".dockerignore").write_text("node_modules\n")
    document = json.loads(run("docker", str(project), "--json")[1])
    assert document["nodeVersion"] == {"version": "22.23.5", "source": "Dockerfile:5 FROM node:22-alpine"}
    document = json.loads(run("docker", str(project), "--json", "--node-version", "24")[1])
    assert document["nodeVersion"] == {"version": "24.22.3", "source": "--node-version"}
    # build under 20, run under 22: the existing warning
    assert "node-version-mismatch" in {item["code"] for item in document["findings"]}


def test_docker_without_a_node_image_takes_the_project(tmp_path: Path) -> None:
    project = _project(tmp_path / "app")
    (project / ".nvmrc").write_text("24.1.0\n")
    (project / "Dockerfile").write_text("FROM debian:12\nCOPY . /app\n")
    document = json.loads(run("docker", str(project), "--json")[1])
    assert document["nodeVersion"] == {"version": "24.1.0", "source": '.nvmrc "24.1.0"'}


@pytest.mark.parametrize(
    ("image", "version"),
    [
        ("node:22-alpine", NodeVersion(22, 23, 5)),
        ("node:24.1.0-slim", NodeVersion(24, 1, 0)),
        ("node:22.12", NodeVersion(22, 12, 0)),
        ("node:20", NodeVersion(20, 20, 2)),
        ("node:lts", NodeVersion(26, 12, 1)),
        ("node:lts-bookworm-slim", NodeVersion(26, 12, 1)),
        ("node:current-alpine", NodeVersion(26, 12, 1)),
        ("node", NodeVersion(26, 12, 1)),
        ("node:jod", NodeVersion(22, 23, 5)),
        ("docker.io/library/node:24@sha256:abc", NodeVersion(24, 22, 3)),
        ("node:${NODE}", None),
        ("mynode:22", None),
        ("debian:12", None),
        ("ghcr.io/acme/node:22", None),
    ],
)
def test_node_of_image(image: str, version: NodeVersion | None) -> None:
    assert node_of_image(image) == version


def test_runtime_node_follows_args_and_stage_parents(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(
        "ARG NODE=24.2.0\nFROM node:${NODE}-slim AS base\nFROM base AS build\nRUN true\nFROM base\nCMD node x\n"
    )
    found = runtime_node(DiskFS(), str(tmp_path))
    assert found is not None
    assert (found.version, found.source) == (NodeVersion(24, 2, 0), "Dockerfile:2 FROM node:24.2.0-slim")


def test_a_clean_lockfile_run_counts_locked_packages(tmp_path: Path) -> None:
    """check --lockfile judged what the lockfile records: nothing is installed to count."""
    (tmp_path / "package.json").write_text('{"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}}')
    (tmp_path / "package-lock.json").write_text(
        '{"name": "app", "version": "1.0.0", "lockfileVersion": 3, "requires": true, "packages": {'
        '"": {"name": "app", "version": "1.0.0", "dependencies": {"a": "1.0.0"}},'
        '"node_modules/a": {"version": "1.0.0", "resolved": "https://registry.npmjs.org/a/-/a-1.0.0.tgz"}}}'
    )
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--lockfile", "--no-cache", "--node-version", "22"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: no problems in 1 locked package\n")
