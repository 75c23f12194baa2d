"""The platform pnpm 11 reads from an optional package's name (``effectivePlatform`` of pnpm
11.29.0; installs in tests/installs/test_pnpm11_platform_names.py)."""

from __future__ import annotations

import pytest

from nmdoctor.lockfiles.platform import platforms_from_name


@pytest.mark.parametrize(
    ("name", "declared", "read"),
    [
        (
            "sherif-linux-x64-musl",
            {"os": ("linux",), "cpu": ("x64",)},
            {"os": ("linux",), "cpu": ("x64",), "libc": ("musl",)},
        ),
        ("@nx/nx-win32-arm64-msvc", {}, {"os": ("win32",), "cpu": ("arm64",)}),
        ("@img/sharp-linuxmusl-x64", {"os": ("linux",), "cpu": ("x64",)}, {"os": ("linux",), "cpu": ("x64",)}),
        ("get-windows", {}, {}),  # an os token alone and nothing declared: nothing read (11.28.12)
        ("fsevents", {"os": ("darwin",)}, {"os": ("darwin",)}),
        ("y-linux-x64", {"os": ()}, {"os": (), "cpu": ("x64",)}),  # a declared empty list stays (`??`)
        (
            "x-linux-x64-gnu",
            {"os": ("linux",), "cpu": ("x64",), "libc": ()},
            {"os": ("linux",), "cpu": ("x64",), "libc": ()},
        ),
    ],
)
def test_missing_fields_are_read_from_the_name(
    name: str, declared: dict[str, tuple[str, ...]], read: dict[str, tuple[str, ...]]
) -> None:
    assert platforms_from_name(name, declared) == read
