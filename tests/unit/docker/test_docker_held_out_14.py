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

