"""nmdoctor docker on shapes the fourteenth held-out field batch showed (tests/field/docker, held-out-14)."""

from __future__ import annotations

from nmdoctor.docker import docker_findings
from nmdoctor.vfs import MemoryFS


def codes(mapping: dict[str, str]) -> list[tuple[str, str | None, int | None]]:
    fs = MemoryFS.from_mapping(mapping)
    return sorted((item.code, item.from_, item.line) for item in docker_findings(fs, "/p"))


def test_a_dockerfile_saved_with_a_byte_order_mark_is_read_from_its_first_instruction() -> None:
    # azizka85/vite-project-http2: the Dockerfile starts with a UTF-8 BOM; BuildKit's parser strips it
    # from the first line (frontend/dockerfile/parser/parser.go, `utf8bom`), so FROM is an instruction
    found = codes(
        {
            "/p/Dockerfile": '\ufeffFROM node:18-alpine\nWORKDIR /app\nCOPY . .\nRUN npm i\nENTRYPOINT ["sh", "start.sh"]\n',
            "/p/.dockerignore": "**/node_modules\n**/package-lock.json\n",
            "/p/package.json": "{}",
            "/p/package-lock.json": "{}",
            "/p/start.sh": "npm run build\nnpm start\n",
        }
    )
    assert found == [("lockfile-not-used", "Dockerfile", 4), ("runs-as-root", "Dockerfile", 1)]


def test_get_pnpm_io_s_node_script_adding_pnpm_without_a_version_floats() -> None:
    # toledoroy/MentorDAO-dApp: `curl https://get.pnpm.io/v6.14.js | node - add --global pnpm` installs
    # whatever pnpm is newest; `pnpm@7` (rohan-fowlerharper/ridley) stays within one major
    base = {"/p/package.json": "{}", "/p/pnpm-lock.yaml": "", "/p/.dockerignore": "node_modules\n"}
    script = "FROM node:14\nUSER node\nRUN curl -f https://get.pnpm.io/v6.14.js | node - add --global {spec}\n"
    floating = codes(base | {"/p/Dockerfile": script.format(spec="pnpm")})
    assert ("package-manager-floating", "Dockerfile", 3) in floating
    pinned = codes(base | {"/p/Dockerfile": script.format(spec="pnpm@7")})
    assert [item for item in pinned if item[0] == "package-manager-floating"] == []
