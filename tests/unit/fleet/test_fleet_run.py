"""nmdoctor fleet over folders and bare git mirrors: one row per repository, the same answers as
`check --lockfile`, `ls --lockfile`, `migrate --lockfile --to pnpm` and `docker` give one repository
at a time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.fleet.conftest import FLEET_SIZE, run, tables


def _check_rows(folder: Path) -> tuple[int, list[dict[str, object]], str]:
    result = run("check", str(folder), "--lockfile", "--format", "json", "--fail-on", "never")
    if result.exit_code == 2:
        return 2, [], result.output
    return result.exit_code, json.loads(result.output)["findings"], ""


def test_one_row_per_repository_with_the_answers_of_check_ls_and_docker(fleet, reference) -> None:
    root, kinds = fleet
    data = tables(reference, drop=("batch", "seconds"))
    repos = {row["repository"]: row for row in data["repos"]}
    assert sorted(repos) == sorted(kinds)
    assert len(data["repos"]) == FLEET_SIZE
    for name, kind in kinds.items():
        folder = root / name
        row = repos[name]
        status, findings, message = _check_rows(folder)
        if status == 2:
            # The one repository `check --lockfile` cannot read is one failed row with the same problem.
            assert row["status"] == "error", name
            assert row["error"] in message, (name, row["error"], message)
            continue
        assert row["status"] == "ok", (name, kind, row["error"])
        checked = [item for item in data["findings"] if item["repository"] == name and item["tool"] == "check"]
        assert sorted((f["code"], f["severity"], f["message"], f["from"] or "", f["fix"]) for f in checked) == sorted(
            (f["code"], f["severity"], f["message"], f["from"] or "", f["fix"]) for f in findings
        ), name
        listed = json.loads(run("ls", str(folder), "--lockfile", "--json").output)["instances"]
        packages = [item for item in data["packages"] if item["repository"] == name]
        assert sorted((p["name"], p["version"], p["path"]) for p in packages) == sorted(
            (i["name"], i["version"], i["path"]) for i in listed
        ), name
        migrated = run("migrate", str(folder), "--lockfile", "--to", "pnpm", "--json")
        moved = [item for item in data["findings"] if item["repository"] == name and item["tool"] == "migrate"]
        if migrated.exit_code == 2:
            # read from its lockfile alone, no package.json to plan from: the row says why
            assert kind == "broken:no-manifest" and row["migrate_error"] in migrated.output, (name, row)
            assert not moved and row["migrate_errors"] == 0 and migrated.output.count("\n") == 1, name
        else:
            predicted = json.loads(migrated.output)["findings"]
            assert sorted((f["code"], f["severity"], f["message"], f["from"] or "") for f in moved) == sorted(
                (f["code"], f["severity"], f["message"], f["from"] or "") for f in predicted
            ), name
            assert row["migrate_errors"] == sum(1 for f in predicted if f["severity"] == "error"), name
            assert row["migrate_error"] is None, name
        docker = run("docker", str(folder), "--json")
        dockered = [item for item in data["findings"] if item["repository"] == name and item["tool"] == "docker"]
        if docker.exit_code == 2 and "nothing to analyse" in docker.output:
            assert not dockered and row["docker_error"] is None, name
        elif docker.exit_code == 2:
            assert kind == "broken:compose" and row["docker_error"] in docker.output, name
        else:
            expected = json.loads(docker.output)["findings"]
            assert sorted((f["code"], f["message"]) for f in dockered) == sorted(
                (f["code"], f["message"]) for f in expected
            ), name
    broken = {name for name, kind in kinds.items() if kind == "broken:no-lockfile"}
    assert broken and all(repos[name]["status"] == "error" for name in broken)
    assert any(row["docker_findings"] for row in data["repos"])


def test_a_bare_mirror_read_at_a_ref_gives_the_same_rows(fleet, mirror, reference, tmp_path) -> None:
    result = run("fleet", str(mirror), "--ref", "main", "--output", str(tmp_path), "--workers", "2")
    assert result.exit_code == 0, result.output
    assert tables(tmp_path) == tables(reference)
    data = tables(tmp_path, drop=())
    first = next(row for row in data["repos"] if row["repository"] == "repo-0000")
    commit = subprocess.run(
        ["git", "--git-dir", str(mirror / "repo-0000.git"), "rev-parse", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert (first["source"], first["ref"], first["commit"], first["key"]) == ("git", "main", commit, f"commit:{commit}")


def test_a_ref_that_does_not_exist_is_an_error_row_per_repository(mirror, tmp_path) -> None:
    result = run("fleet", str(mirror), "--ref", "no-such-branch", "--output", str(tmp_path), "--workers", "1")
    assert result.exit_code == 0, result.output
    rows = tables(tmp_path)["repos"]
    assert len(rows) == FLEET_SIZE
    assert {(row["status"], row["error"]) for row in rows} == {("error", "no-such-branch: no such commit")}


def test_a_rerun_skips_unchanged_repositories_and_redoes_a_changed_one(fleet, reference, tmp_path) -> None:
    root, _ = fleet
    copy = tmp_path / "checkouts"
    subprocess.run(["cp", "-a", str(root), str(copy)], check=True)
    output = tmp_path / "out"
    assert run("fleet", str(copy), "-o", str(output), "--workers", "2").exit_code == 0
    again = run("fleet", str(copy), "-o", str(output), "--workers", "2")
    assert f"{FLEET_SIZE} repositories: 0 analysed, {FLEET_SIZE} unchanged" in again.output
    # repo-0000 loses its lockfile: analysed again, and its new row replaces the old one.
    for name in ("package-lock.json", "pnpm-lock.yaml", "yarn.lock"):
        (copy / "repo-0000" / name).unlink(missing_ok=True)
    third = run("fleet", str(copy), "-o", str(output), "--workers", "2")
    assert f"{FLEET_SIZE} repositories: 1 analysed, {FLEET_SIZE - 1} unchanged" in third.output
    now, before = tables(output), tables(reference)
    assert len(now["repos"]) == FLEET_SIZE
    assert [row for row in now["repos"] if row["repository"] != "repo-0000"] == [
        row for row in before["repos"] if row["repository"] != "repo-0000"
    ]
    assert next(row for row in now["repos"] if row["repository"] == "repo-0000")["status"] == "error"
    for table in ("packages", "findings"):
        assert now[table] == [row for row in before[table] if row["repository"] != "repo-0000"]


def test_json_progress_lines_count_every_repository(fleet, tmp_path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "nmdoctor.cli.main",
            "fleet",
            str(fleet[0]),
            "-o",
            str(tmp_path),
            "--workers",
            "1",
            "--progress",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    final = lines[-1]
    assert final["final"] is True
    assert (final["done"], final["total"], final["analysed"]) == (FLEET_SIZE, FLEET_SIZE, FLEET_SIZE)
    assert final["failed"] == sum(1 for row in tables(tmp_path)["repos"] if row["status"] == "error") > 0
    assert [line["done"] for line in lines] == sorted(line["done"] for line in lines)


def test_query_and_summary(reference, tmp_path) -> None:
    result = run(
        "fleet",
        "query",
        str(reference),
        "SELECT repository, count(DISTINCT version) AS versions FROM packages WHERE name = 'react' "
        "GROUP BY repository HAVING versions > 1 ORDER BY repository",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all(row["versions"] == 2 for row in rows)
    bad = run("fleet", "query", str(reference), "SELECT nope FROM repos")
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "nope" in bad.output
    empty = run("fleet", "query", str(tmp_path), "SELECT 1")
    assert empty.exit_code == 2 and "no fleet results" in empty.output
    again = run("fleet", "report", str(reference))
    assert again.exit_code == 0 and again.output.strip() == str(reference / "summary.html")
    page = (reference / "summary.html").read_text(encoding="utf-8")
    assert "duplicate-singleton" in page and "react" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_bad_sources_are_one_line_errors(tmp_path) -> None:
    result = run("fleet", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.output.strip().endswith("missing: no such folder, file or git repository")


def test_one_writer_at_a_time(fleet, tmp_path) -> None:
    from nmdoctor.fleet.store import Store

    holder = Store(str(tmp_path))
    holder.open()
    try:
        result = run("fleet", str(fleet[0]), "-o", str(tmp_path))
        assert result.exit_code == 2
        assert result.output.strip().endswith(f"{tmp_path}: another fleet run is writing here")
    finally:
        holder.close()


def test_a_list_file_names_checkouts_and_git_repositories_at_refs(fleet, mirror, tmp_path) -> None:
    listing = tmp_path / "repos.txt"
    checkout = fleet[0] / "repo-0001"
    listing.write_text(
        f"# one checkout, one bare repository at a ref\n{checkout}\n{mirror / 'repo-0002.git'}@main  # pinned\n"
    )
    result = run("fleet", str(listing), "-o", str(tmp_path / "out"), "--ref", "no-such-ref", "--workers", "1")
    assert result.exit_code == 0, result.output
    rows = {row["repository"]: row for row in tables(tmp_path / "out", drop=())["repos"]}
    assert sorted(rows) == ["repo-0001", "repo-0002"]
    assert (rows["repo-0001"]["source"], rows["repo-0001"]["ref"]) == ("dir", None)
    assert (rows["repo-0002"]["source"], rows["repo-0002"]["ref"], rows["repo-0002"]["status"]) == ("git", "main", "ok")
