"""Each rule of node's resolution on a small in-memory tree (answers checked against node too)."""

from __future__ import annotations

import pytest

from nmdoctor.resolve import ImportKind, ResolveOptions, Resolver
from tests.casetrees import MEMORY_ROOT, expected_for, memory_tree, request_for
from tests.data.resolve_cases import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_case_in_memory(case: Case) -> None:
    fs = memory_tree(case)
    options = ResolveOptions(conditions=case.conditions, preserve_symlinks=case.preserve_symlinks)
    kind = ImportKind.IMPORT if case.mode == "esm" else ImportKind.REQUIRE
    parent = f"{MEMORY_ROOT}/{case.from_}"
    result = Resolver(fs, options).resolve(request_for(case, MEMORY_ROOT), parent, kind)
    assert (result.resolved, result.error) == expected_for(case, MEMORY_ROOT), result.message
