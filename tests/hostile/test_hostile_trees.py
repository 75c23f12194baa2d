"""Hostile projects through every command that reads them, each run capped (see harness.py)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.hostile import cases
from tests.hostile.harness import NMDOCTOR, run

# Each builder with the commands run on what it builds ("{out}" is a folder outside the tree).
TREE_CASES: dict[str, list[list[str]]] = {
    "deep_package_json": [["ls"], ["check"], ["verify"], ["migrate", "--to", "pnpm"]],
    "deep_installed_package_json": [["ls"], ["check"], ["resolve", "x", "--from", "."]],
    "moderately_deep_exports": [["check"], ["resolve", "x", "--from", "."], ["resolve", "x", "--from", ".", "--esm"]],
    "workspaces_number": [["ls"], ["check"]],
    "workspaces_object_number": [["ls"]],
    "workspaces_escaping": [["ls"], ["check"]],
    "workspaces_absolute": [["ls"]],
    "workspaces_escaping_from_lockfile": [["ls"], ["check"], ["verify"]],
    "workspaces_linked_out": [["ls"]],
    "deep_npm_lock": [["ls"], ["verify"]],
    "wrong_types_everywhere": [["ls"], ["check"], ["verify"], ["ls", "--lockfile"]],
    "not_json": [["ls"], ["check"]],
    "berry_lock_without_the_project": [
        ["ls"],
        ["check"],
        ["check", "--format", "html"],
        ["why", "x"],
        ["migrate", "--to", "npm"],
        ["migrate", "--to", "pnpm"],
    ],
    "npm_lock_version_number": [["ls"], ["check"], ["verify"]],
    "pnpm_lock_packages_number": [["ls"], ["check"], ["verify"]],
    "pnpm_lock_importer_number": [["ls"], ["check"], ["verify"]],
    "pnpm_lock_dependency_list": [["ls"], ["check"], ["verify"]],
    "berry_lock_resolution_number": [["ls"], ["check"], ["verify"]],
    "berry_lock_dependencies_number": [["ls"], ["check"], ["verify"]],
    "deep_pnpm_lock": [["ls"], ["verify"], ["check"]],
    "deep_block_pnpm_lock": [["ls"]],
    "aliased_pnpm_lock": [["ls"], ["verify"]],
    "billion_laughs": [["ls"]],
    "deep_berry_lock": [["ls"]],
    "yarn_v1_bad_escape": [["ls"], ["verify"]],
    "yarn_v1_bad_key_escape": [["ls"]],
    "deep_pnpm_workspace": [["ls"]],
    "escaping_pnpm_workspace": [["ls"]],
    "pnpm_workspace_packages_number": [["ls"], ["check"], ["migrate", "--to", "npm"]],
    "deep_compose": [["docker"]],
    "aliased_compose": [["docker"]],
    "dockerfile_fifo": [["docker"]],
    "dockerfile_hostile": [["docker"], ["docker", "--json"]],
    "compose_wrong_types": [["docker"]],
    "source_fifo": [["check"]],
    "source_hostile": [["check"], ["check", "--format", "json"]],
    "components_hostile": [["check"], ["migrate", "--to", "pnpm"]],
    "manifest_fifo": [["ls"], ["check"], ["resolve", "x", "--from", "."]],
    "project_manifest_fifo": [["ls"], ["check"]],
    "manifest_device": [["ls"], ["check"], ["verify"]],
    "symlink_tricks": [["ls"], ["check"], ["why", "x"]],
    "hostile_names": [
        ["ls"],
        ["check"],
        ["why", "p0"],
        ["verify"],
        ["migrate", "--to", "pnpm"],
        ["migrate", "--to", "yarn-berry"],
    ],
    "hostile_folder_names": [["ls"], ["check"]],
}

# Errors that must name the file and the problem (exit 2), not pass as a finding or as nothing.
EXPECTED_EXIT_2 = {
    "deep_package_json": "package.json",
    "workspaces_number": '"workspaces" is not a list',
    "workspaces_object_number": '"workspaces" is not a list',
    "workspaces_escaping": "leaves the project",
    "workspaces_absolute": "leaves the project",
    "workspaces_escaping_from_lockfile": "leaves the project",
    "escaping_pnpm_workspace": "leaves the project",
    "pnpm_workspace_packages_number": 'pnpm-workspace.yaml: "packages" is not a list of globs',
    "deep_pnpm_lock": "pnpm-lock.yaml",
    "deep_npm_lock": "package-lock.json",
    # Shapes no manager writes: refused by name, never read as a tree that is not there.
    "npm_lock_version_number": "package-lock.json: packages['node_modules/x'].version is not a string",
    "pnpm_lock_packages_number": 'pnpm-lock.yaml: "packages" is not a mapping',
    "pnpm_lock_importer_number": 'pnpm-lock.yaml: importers["."] is not a mapping',
    "pnpm_lock_dependency_list": 'pnpm-lock.yaml: the entry of "x" is neither a version',
    "berry_lock_resolution_number": 'yarn.lock: "x@npm:^1": "resolution" is not a string',
    "berry_lock_dependencies_number": 'yarn.lock: "x@npm:^1": "dependencies" is not a mapping',
    "yarn_v1_bad_escape": "yarn.lock:4",
    "yarn_v1_bad_key_escape": "yarn.lock",
    "deep_berry_lock": "yarn.lock",
    "aliased_pnpm_lock": "aliases expand",
    "billion_laughs": "aliases expand",
    "dockerfile_fifo": "Dockerfile",
    "deep_compose": "compose.yaml",
    "source_fifo": "src/index.js",
    "deep_pnpm_workspace": "pnpm-workspace.yaml: not valid YAML (nested deeper",
}


@pytest.mark.parametrize("builder", sorted(TREE_CASES))
def test_hostile_tree(tmp_path: Path, builder: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    getattr(cases, builder)(project)
    for args in TREE_CASES[builder]:
        result = run(args if args[0] in ("resolve",) else [*args, "."], cwd=project)
        if builder in EXPECTED_EXIT_2 and args[0] in ("ls", "verify", "docker", "check"):
            assert result.returncode == 2, (builder, args, result.stdout[-500:])
            assert EXPECTED_EXIT_2[builder] in result.stderr, (builder, args, result.stderr)


def test_forged_lines_and_sequences_stay_escaped(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    cases.hostile_names(project)
    listing = run(["ls", "."], cwd=project).stdout
    assert "\\x1b]0;pwned\\x07" in listing and "x\\x0aok: no problems" in listing
    assert not any(line.startswith("ok:") for line in listing.splitlines())
    report = run(["check", "."], cwd=project).stdout
    assert not any(line.startswith("ok:") for line in report.splitlines())


@pytest.mark.parametrize("output_format", ["json", "sarif", "html"])
def test_hostile_names_round_trip_in_documents(tmp_path: Path, output_format: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    cases.hostile_names(project)
    out = tmp_path / f"report.{output_format}"
    run(["check", ".", "--format", output_format, "--output", str(out)], cwd=project)
    text = out.read_text(encoding="utf-8")  # strict: every byte written is UTF-8
    if output_format == "html":
        assert "<!--<" not in text and "</script><script>" not in text
        return
    document = json.loads(text)
    assert json.dumps(document)  # lone surrogates come back as the same escapes


def test_ls_to_a_full_device_is_one_line(tmp_path: Path) -> None:
    cases.write(tmp_path / "package.json", cases.manifest(dependencies={"x": "1"}))
    cases.installed(tmp_path, "x")
    with open("/dev/full", "w") as full:
        process = subprocess.run(
            [NMDOCTOR, "ls", str(tmp_path)], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60, check=False
        )
    assert process.returncode == 2
    assert process.stderr == "Error: standard output: No space left on device\n"


def test_verify_with_nothing_installed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    cases.write(project / "package.json", cases.manifest(dependencies={"x": "^1"}))
    cases.write(project / "package-lock.json", cases.npm_lock({"x": "1.0.0"}))
    result = run(["verify", "."], cwd=project)
    assert result.returncode == 1 and "nothing is installed" in result.stdout
    document = json.loads(run(["verify", ".", "--json"], cwd=project).stdout)
    assert [item["code"] for item in document["findings"]] == ["lockfile-drift"]


def test_a_lockfile_that_does_not_record_the_project_locks_nothing_it_declares(tmp_path: Path) -> None:
    """yarn 4.18.1's ``install --immutable`` refuses a yarn.lock with no entry for the project (it
    would add one): what package.json declares is not locked, a missing-dependency each, and the
    commands that plan or render the project do not fail on its absence."""
    cases.berry_lock_without_the_project(tmp_path)
    result = run(["check", ".", "--format", "json", "--no-cache"], cwd=tmp_path)
    found = [(item["code"], item["severity"], item["message"]) for item in json.loads(result.stdout)["findings"]]
    assert found == [
        (
            "missing-dependency",
            "error",
            "`app@1.0.0` depends on `x@^1.0.0`, which does not resolve from the project folder",
        )
    ]
