"""The progress display: on a terminal's standard error while a scan runs, nowhere else."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
COMMAND = [sys.executable, "-m", "nmdoctor.cli.main", "check", str(EXAMPLES / "pnpm-string-loader"), "--format", "json"]


def environment(**extra: str) -> dict[str, str]:
    base = {key: value for key, value in os.environ.items() if key != "NMDOCTOR_NO_PROGRESS"}
    return {**base, "TERM": "xterm-256color", "COLUMNS": "100", **extra}


def run_with_terminal_stderr(env: dict[str, str]) -> tuple[str, str]:
    """Run ``COMMAND`` with standard error on a pseudo-terminal and standard output on a pipe."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(COMMAND, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        seen += chunk
    out, _ = process.communicate()
    os.close(leader)
    return out.decode(), seen.decode(errors="replace")


def test_a_terminal_sees_the_steps_and_the_report_stays_clean(tmp_path: Path) -> None:
    # A cache of its own: findings kept by an earlier run of the example would answer at once, with
    # no steps to show.
    out, terminal = run_with_terminal_stderr(environment(NMDOCTOR_CACHE_DIR=str(tmp_path)))
    assert "check" in terminal and "checking" in terminal
    assert json.loads(out)["summary"]["error"] == 2  # nothing but the document on standard output


def test_no_progress_when_standard_error_is_not_a_terminal() -> None:
    result = subprocess.run(COMMAND, capture_output=True, text=True, env=environment(), check=False)
    assert result.returncode == 1
    assert result.stderr == ""
    json.loads(result.stdout)


def test_no_progress_when_switched_off() -> None:
    out, terminal = run_with_terminal_stderr(environment(NMDOCTOR_NO_PROGRESS="1"))
    assert terminal == ""
    json.loads(out)
