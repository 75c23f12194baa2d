"""The ``.pnpm`` folder names of pnpm 7, 8 and 9 installs whose ``.modules.yaml`` records no
``virtualStoreDirMaxLength`` (pnpm 8.15.9 and 9.0.0 write none): pnpm 8 and 9 keep 93 characters
before a long name's hash, pnpm 7 keeps 50. shadcn-ui/taxonomy's fresh pnpm 8 install drew four
false missing-dependency errors (and four extraneous warnings) when pnpm 8 was named as pnpm 7."""

from __future__ import annotations

import pytest

from nmdoctor.lockfiles.pnpm_modules import default_naming, store_naming
from nmdoctor.lockfiles.pnpm_paths import store_path
from nmdoctor.vfs import MemoryFS

KEY = (
    "/@effect-ts/otel@0.14.1(@effect-ts/core@0.60.5)(@opentelemetry/api@1.1.0)"
    "(@opentelemetry/core@1.5.0)(@opentelemetry/sdk-trace-base@1.5.0)"
)
# What pnpm 8.15.9 installed for this key (taxonomy's lockfile 6.0), and what pnpm 7.33.7's rule gives.
PNPM_8 = (
    "@effect-ts+otel@0.14.1_@effect-ts+core@0.60.5_@opentelemetry+api@1.1.0_@opentelemetry+core@1._"
    "f2hrvbvvzqfrzmnzp3mg34brvu"
)
PNPM_7 = "@effect-ts+otel@0.14.1_@effect-ts+core@0.60.5_@ope_f2hrvbvvzqfrzmnzp3mg34brvu"


def _folder(modules_yaml: str | None, lockfile_version: str = "6.0") -> str:
    files = {"/p/package.json": "{}"}
    if modules_yaml is not None:
        files["/p/node_modules/.modules.yaml"] = modules_yaml
    fs = MemoryFS.from_mapping(files)
    naming = store_naming(fs, "/p", lockfile_version)
    path = store_path(
        KEY,
        "@effect-ts/otel",
        lockfile_version,
        pnpm_major=naming.pnpm_major,
        max_length=naming.max_length,
        short_prefix=naming.short_prefix,
    )
    return path.split("/")[2]


@pytest.mark.parametrize("version", ["8.15.9", "9.0.0"])
def test_pnpm_8_and_9_keep_93_characters_before_the_hash(version: str) -> None:
    assert _folder(f"layoutVersion: 5\npackageManager: pnpm@{version}\nvirtualStoreDir: .pnpm\n") == PNPM_8


def test_pnpm_7_keeps_50() -> None:
    assert _folder("layoutVersion: 5\npackageManager: pnpm@7.33.7\nvirtualStoreDir: .pnpm\n") == PNPM_7


def test_a_lockfile_6_with_nothing_installed_is_named_as_pnpm_8_names_it() -> None:
    assert not default_naming("6.0").short_prefix
    assert _folder(None) == PNPM_8
