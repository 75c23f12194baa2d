"""Range checks against the real npm ``semver`` 7.8.6 (tests/node_tools), loose mode as npm uses."""

from __future__ import annotations

import json
import random
import subprocess
from pathlib import Path

import pytest

from nmdoctor.model.specs import SpecKind, classify_spec, satisfies
from tests.conftest import requires_node

SEMVER = Path(__file__).resolve().parents[1] / "node_tools" / "node_modules" / "semver"
RANGES = [
    "^1.2.3",
    "~1.2.3",
    "1.x",
    "1.2 - 2.3.4",
    "*",
    "",
    ">=1.0.0 <2.0.0",
    "^0.2.3",
    "^0.0.3",
    "~1",
    "~0",
    "1.2.3 || 2",
    "^1.2.3-beta.2",
    "~1.2.3-beta.2",
    "x || 0.3.2-alpha - 3",
    "1.x.0",
    "x.2",
    "1.*.1",
    ">1.x",
    "<1.2.x",
    "~>1.2",
    ">= 1.2.3",
    "^ 1.2.3",
    "=1.2.3",
    "v1.2.3",
    "1.2.3+build",
    "^1.2.3+build",
    "1.2.3 - 2",
    "1.2.3 - 2.3",
    "^0",
    "^0.0",
    "^0.x",
    "^0.0.x",
    "2.x || >=3.1.0 <3.2.0-0",
    "<*",
    ">=1.2.x",
    ">=1.0.0 <1.0.0",
    "1",
    "1.2",
    "^1.x",
    "~1.x",
    "<=2",
    ">2",
    "0.x || 1.x",
    " ^1.2.3 ",
    "1.2.3-",
    "^01.2.3",
]
VERSIONS = [
    "1.2.3",
    "1.2.4",
    "1.3.0",
    "2.0.0",
    "0.2.4",
    "0.3.0",
    "0.0.3",
    "0.0.4",
    "1.2.3-beta.4",
    "1.3.0-beta",
    "3.0.0-rc.1",
    "0.3.2-rc.1",
    "1.0.0",
    "2.3.4",
    "2.4.0",
    "3.1.5",
    "0.1.0",
    "1.2.3+abc",
    " 1.2.3 ",
    "v1.2.3",
    "01.2.3",
    "1.2.3-0",
    "2.0.0-0",
    "0.0.0",
    "1.2.3beta",
]


def _node_satisfies(pairs: list[tuple[str, str]]) -> list[bool]:
    script = (
        f"const s=require({json.dumps(str(SEMVER))});"
        "const p=JSON.parse(require('fs').readFileSync(0,'utf8'));"
        "console.log(JSON.stringify(p.map(([v,r])=>{try{return s.satisfies(v,r,true)}catch(e){return false}})))"
    )
    out = subprocess.run(["node", "-e", script], input=json.dumps(pairs), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@requires_node
@pytest.mark.node
@pytest.mark.skipif(not SEMVER.exists(), reason="tests/node_tools not installed (npm ci --prefix tests/node_tools)")
def test_satisfies_agrees_with_npm_semver() -> None:
    rng = random.Random(7)
    generated = [
        f"{rng.choice(['', '^', '~', '>=', '<', '>', '<='])}{rng.randrange(3)}.{rng.choice(['x', '0', '1', '2'])}"
        f".{rng.choice(['x', '0', '3'])}{rng.choice(['', '-alpha', '-0'])}"
        for _ in range(60)
    ]
    pairs = [(version, spec) for spec in RANGES + generated for version in VERSIONS]
    expected = _node_satisfies(pairs)
    wrong = [
        (version, spec, want)
        for (version, spec), want in zip(pairs, expected, strict=True)
        if bool(satisfies(version, spec)) != want
    ]
    assert len(pairs) > 2500
    assert wrong == []


def test_spec_kinds() -> None:
    assert classify_spec("npm:string-width@^4.2.0").kind is SpecKind.ALIAS
    assert classify_spec("npm:string-width@^4.2.0").range == "^4.2.0"
    assert classify_spec("workspace:^").kind is SpecKind.WORKSPACE
    assert classify_spec("file:../lib").kind is SpecKind.FILE
    assert classify_spec("link:../lib").kind is SpecKind.LINK
    assert classify_spec("github:user/repo#v1").kind is SpecKind.GIT
    assert classify_spec("user/repo").kind is SpecKind.GIT
    assert classify_spec("https://example.com/x.tgz").kind is SpecKind.URL
    assert classify_spec("latest").kind is SpecKind.TAG
    assert classify_spec("^1.2.3").kind is SpecKind.RANGE
    assert satisfies("1.0.0", "latest") is None
