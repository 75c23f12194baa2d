"""`nmdoctor docker` on the command line: -f stacks, exit statuses, nothing to analyse."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from nmdoctor.cli.main import main

DOCKERFILE = (
    "FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nUSER node\n"
    "CMD node index.js\n"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def project(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    (tmp_path / ".dockerignore").write_text("node_modules\n")
    (tmp_path / "docker-compose.yml").write_text("services:\n  web:\n    build: .\n")
    (tmp_path / "docker-compose.dev.yml").write_text("services:\n  web:\n    volumes:\n      - .:/app\n")
    return tmp_path


def test_default_files_are_clean_and_the_f_stack_is_merged(tmp_path: Path) -> None:
    folder = str(project(tmp_path))
    code, out, _ = run("docker", folder)
    assert (code, out.strip()) == (0, "ok: no node_modules hazards in the container setup")
    code, out, _ = run("docker", folder, "-f", "docker-compose.yml", "-f", "docker-compose.dev.yml", "--json")
    assert code == 1
    (finding,) = json.loads(out)["findings"]
    assert (finding["code"], finding["from"], finding["line"]) == (
        "volume-shadows-node-modules",
        "docker-compose.dev.yml",
        4,
    )


def test_missing_compose_file_and_nothing_to_analyse_exit_2(tmp_path: Path) -> None:
    folder = str(project(tmp_path))
    code, _, err = run("docker", folder, "-f", "nope.yml")
    assert code == 2 and "nope.yml: no such compose file" in err and "Traceback" not in err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run("docker", str(empty))
    assert code == 2 and "no Dockerfile or compose file found" in err and "ok" not in out


def test_bad_compose_yaml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text("services: [\n")
    code, _, err = run("docker", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "compose.yaml: not valid YAML" in err
