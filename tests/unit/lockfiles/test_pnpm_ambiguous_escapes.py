"""pnpm 11.28.5 and later name the store folder of a key whose location escapes ambiguously (a git
commit after ``#``) by a hash of the key, whatever its length; 11.28.4 and earlier did not. The
folder names below are the ones real pnpm 11.29.0 and 10.34.8 wrote for this lockfile key (local
git repository, ``git+file://`` dependency at tag v4)."""

from __future__ import annotations

from nmdoctor.lockfiles.pnpm_modules import store_naming
from nmdoctor.lockfiles.pnpm_paths import dep_path_to_filename
from nmdoctor.vfs.base import VPath
from nmdoctor.vfs.memory import MemoryFS

KEY = "gitpkg@git+file:///tmp/f5/probe/run/git-dep/gitsrc#21ad7fa14319cf3512ce845d3b485179535d7699"
PNPM_10 = "gitpkg@git+file++++tmp+f5+probe+run+git-dep+gitsrc+21ad7fa14319cf3512ce845d3b485179535d7699"
PNPM_11_29 = (
    "gitpkg@git+file++++tmp+f5+probe+run+git-dep+gitsrc+21ad7fa14319cf3512ce845d3b485179535d"
    "_155ef867628403aad055ba79ee34e113"
)


def test_a_git_key_is_hashed_from_the_key_by_pnpm_11_28_5_and_later() -> None:
    assert dep_path_to_filename(KEY, "9.0") == PNPM_10
    assert dep_path_to_filename(KEY, "9.0", pnpm_major=11, ambiguous_escapes=True) == PNPM_11_29


def test_registry_keys_keep_their_names() -> None:
    for key in ("inner@1.0.0", "@s/x@2.0.0(react@18.2.0)", "a@https://cdn.example.com/a-1.0.0.tgz"):
        assert dep_path_to_filename(key, "9.0", pnpm_major=11, ambiguous_escapes=True) == dep_path_to_filename(
            key, "9.0", pnpm_major=11
        )


def _modules(version: str) -> MemoryFS:
    text = f'{{\n  "packageManager": "pnpm@{version}",\n  "virtualStoreDirMaxLength": 120\n}}\n'
    return MemoryFS.from_mapping({"/p/node_modules/.modules.yaml": text})


def test_the_release_that_wrote_node_modules_decides() -> None:
    assert store_naming(_modules("11.29.0"), VPath("/p"), "9.0").ambiguous_escapes
    assert store_naming(_modules("11.28.5"), VPath("/p"), "9.0").ambiguous_escapes
    assert not store_naming(_modules("11.28.4"), VPath("/p"), "9.0").ambiguous_escapes
    assert store_naming(_modules("11.28.4"), VPath("/p"), "9.0").trailing_escapes
    assert not store_naming(_modules("11.27.0"), VPath("/p"), "9.0").trailing_escapes
    assert not store_naming(_modules("10.34.8"), VPath("/p"), "9.0").ambiguous_escapes


def test_without_an_install_the_declared_release_decides() -> None:
    empty = MemoryFS.from_mapping({"/p/package.json": {"name": "p"}})

    def naming(manager: str) -> tuple[bool, bool]:
        found = store_naming(empty, VPath("/p"), "9.0", {"packageManager": manager})
        return found.ambiguous_escapes, found.trailing_escapes

    assert naming("pnpm@11.29.0+sha512.abc") == (True, True)
    assert naming("pnpm@11.28.4") == (False, True)
    assert naming("pnpm@11.27.0") == (False, False)
    assert naming("pnpm@10.34.8") == (False, False)
    assert naming("pnpm@11") == (False, False)  # no release named: pnpm 11's first naming
