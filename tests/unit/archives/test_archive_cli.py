"""``nmdoctor archive``: exit codes, one-line errors, every kind of artefact."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nmdoctor.cli.archive_cmd import archive_command
from tests.unit.archives.builders import (
    Link,
    Unpacked,
    build_asar,
    manifest,
    pickle_header,
    seed_tree,
    tar_bytes,
    zip_bytes,
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner(mix_stderr=False).invoke(archive_command, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out, err = run(*args, "--json")
    assert code in (0, 1), err
    return code, json.loads(out)


def materialize(root: Path, tree: dict[str, Any]) -> Path:
    for path, content in tree.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Unpacked):
            content = content.content
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return materialize(tmp_path / "src", seed_tree())


def test_asar_against_its_source(tmp_path: Path, source: Path) -> None:
    good = tmp_path / "good.asar"
    good.write_bytes(build_asar(seed_tree()))
    assert run_json(str(good), "--source", str(source), "--node-version", "22") == (
        0,
        {
            "findings": [],
            "summary": {"error": 0, "warning": 0, "info": 0, "app": "good.asar", "instances": 3, "source": str(source)},
            "nodeVersion": {"version": "22.23.5", "source": "--node-version"},
        },
    )
    flat = tmp_path / "flat.asar"
    flat.write_bytes(build_asar(seed_tree(flattened=True)))
    code, document = run_json(str(flat), "--source", str(source))
    assert code == 1
    [finding] = document["findings"]
    assert finding["code"] == "archive-version-collapsed"
    assert finding["package"] == {"name": "app", "version": "1.0.0", "path": "."}
    assert finding["request"] == "react-dom"
    code, out, _ = run(str(flat), "--source", str(source))
    assert code == 1
    assert out.splitlines()[0] == "flat.asar: 2 packages"
    assert "error[archive-version-collapsed]: in the packed app `app@1.0.0` gets `react-dom@17.0.2`" in out
    code, out, _ = run(str(good))
    assert (code, out.splitlines()[-1]) == (
        0,
        "ok: every dependency of the packed app resolves, within its declared range",
    )


def test_unpacked_folder_beside_the_asar(tmp_path: Path) -> None:
    tree = {
        **seed_tree(),
        "node_modules/n/package.json": manifest("n", "1.0.0"),
        "node_modules/n/a.node": Unpacked(b"so"),
    }
    archive = tmp_path / "app.asar"
    archive.write_bytes(build_asar(tree))
    code, document = run_json(str(archive))
    assert code == 1
    assert [item["code"] for item in document["findings"]] == ["archive-unpacked-missing"]
    materialize(tmp_path / "app.asar.unpacked", {"node_modules/n/a.node": b"so"})
    assert run_json(str(archive))[0] == 0
    # An unpacked "file" that is a link out of the unpacked folder is not read.
    (tmp_path / "app.asar.unpacked/node_modules/n/a.node").unlink()
    (tmp_path / "app.asar.unpacked/node_modules/n/a.node").symlink_to(tmp_path / "app.asar")
    assert [item["code"] for item in run_json(str(archive))[1]["findings"]] == ["archive-unpacked-missing"]


@pytest.mark.parametrize("kind", ["zip", "tgz", "tar"])
def test_zip_and_tar_of_an_electron_build(tmp_path: Path, source: Path, kind: str) -> None:
    members = {
        "MyApp/myapp": b"\x7fELF",
        "MyApp/resources/app.asar": build_asar(seed_tree(flattened=True)),
    }
    archive = tmp_path / f"MyApp.{kind}"
    archive.write_bytes(
        zip_bytes(members) if kind == "zip" else tar_bytes(members, mode="w:gz" if kind == "tgz" else "w")
    )
    code, document = run_json(str(archive), "--source", str(source))
    assert code == 1
    assert document["summary"]["app"] == f"MyApp.{kind}: MyApp/resources/app.asar"
    assert [item["code"] for item in document["findings"]] == ["archive-version-collapsed"]


def test_zip_of_an_app_folder(tmp_path: Path, source: Path) -> None:
    archive = tmp_path / "app.zip"
    archive.write_bytes(zip_bytes({f"app/{path}": content for path, content in seed_tree().items()}))
    assert run_json(str(archive), "--source", str(source))[0] == 0


def test_folder_is_read_without_the_project_around_it(tmp_path: Path, source: Path) -> None:
    # The build output sits inside the project: node's walk up would find the project's react-dom.
    output = materialize(
        source / "dist/app", {k: v for k, v in seed_tree().items() if not k.startswith("node_modules/react-dom/")}
    )
    code, document = run_json(str(output), "--source", str(source))
    assert code == 1
    assert [(item["code"], item["request"]) for item in document["findings"]] == [
        ("archive-missing-package", "react-dom")
    ]


def test_source_without_node_modules_uses_its_lockfile(tmp_path: Path) -> None:
    src = materialize(tmp_path / "src", {"package.json": seed_tree()["package.json"]})
    lock = {
        "name": "app",
        "version": "1.0.0",
        "lockfileVersion": 3,
        "packages": {
            "": {"name": "app", "version": "1.0.0", "dependencies": {"ui-kit": "1.0.0", "react-dom": "^18.0.0"}},
            "node_modules/ui-kit": {"version": "1.0.0", "dependencies": {"react-dom": "^17.0.0"}},
            "node_modules/ui-kit/node_modules/react-dom": {"version": "17.0.2"},
            "node_modules/react-dom": {"version": "18.3.1"},
        },
    }
    (src / "package-lock.json").write_text(json.dumps(lock))
    flat = tmp_path / "flat.asar"
    flat.write_bytes(build_asar(seed_tree(flattened=True)))
    code, document = run_json(str(flat), "--source", str(src))
    assert code == 1
    assert [item["code"] for item in document["findings"]] == ["archive-version-collapsed"]


def absurd_header() -> bytes:
    return struct.pack("<4I", 4, 2**31, 2**31 - 4, 10) + b"{}"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.asar", None, "missing.asar: no such file or folder"),
        ("app.asar", absurd_header(), "app.asar: header of 2147483648 bytes is larger than nmdoctor reads"),
        ("app.asar", pickle_header({"files": {"..": {"size": 0, "offset": "0"}}}), "app.asar: /: invalid entry name"),
        ("app.asar", pickle_header({"files": {}}), "app.asar: package.json: no such file"),
        ("app.bin", b"hello", "app.bin: not an asar, zip or tar archive, nor a folder"),
        ("app.zip", b"PK\x03\x04broken", "app.zip: not a readable zip archive"),
        ("app.tgz", b"\x1f\x8b\x08broken", "app.tgz: not a readable tar archive"),
        ("app.zip", zip_bytes({"../evil": "x"}), "app.zip: member '../evil' leaves the archive"),
        ("app.zip", zip_bytes({"x/y.txt": "", "z/y.txt": ""}), "app.zip: no app in it"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_unreadable_nested_asar(tmp_path: Path) -> None:
    archive = tmp_path / "b.zip"
    archive.write_bytes(zip_bytes({"resources/app.asar": absurd_header()}))
    code, _, err = run(str(archive))
    assert code == 2
    assert "b.zip: resources/app.asar: header of 2147483648 bytes" in err


def test_bad_source(tmp_path: Path) -> None:
    archive = tmp_path / "app.asar"
    archive.write_bytes(build_asar(seed_tree()))
    code, _, err = run(str(archive), "--source", str(tmp_path / "nope"))
    assert code == 2
    assert "nope" in err


def test_links_that_loop_or_leave_are_findings_not_crashes(tmp_path: Path) -> None:
    looped = {**seed_tree(), "node_modules/a": Link("node_modules/b"), "node_modules/b": Link("node_modules/a")}
    archive = tmp_path / "loop.asar"
    archive.write_bytes(build_asar(looped))
    code, document = run_json(str(archive))
    assert code == 1
    assert [(item["code"], item["package"]["path"]) for item in document["findings"]] == [
        ("broken-symlink", "node_modules/a"),
        ("broken-symlink", "node_modules/b"),
    ]
    leaving = tmp_path / "leave.zip"
    members = {f"app/{path}": content for path, content in seed_tree().items()}
    leaving.write_bytes(
        zip_bytes(members, {"app/node_modules/evil": "/etc", "app/node_modules/up": "../../../../elsewhere"})
    )
    code, document = run_json(str(leaving))
    assert code == 1
    assert sorted(item["package"]["path"] for item in document["findings"]) == ["node_modules/evil", "node_modules/up"]
