"""SARIF 2.1.0 for code-scanning UIs: one rule per finding code, a physical location for each result
(the source file and line of an import, else the package.json of the package), the package as a
logical location, and a fingerprint that stays the same from run to run."""

from __future__ import annotations

import hashlib
from typing import Any

from nmdoctor import __version__
from nmdoctor.diagnostics.registry import all_checks

__all__ = ["sarif_document"]

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("-"))


def _first_paragraph(doc: str) -> str:
    lines = [line.strip() for line in doc.splitlines()]
    text = []
    for line in lines[1:] if lines and lines[0].startswith("##") else lines:
        if line.startswith("##"):
            break
        text.append(line)
    return " ".join(part for part in text if part) or doc


def _rules(codes: set[str]) -> list[dict[str, Any]]:
    rules = []
    for registered in all_checks():
        rules.append(
            {
                "id": registered.code,
                "name": _rule_name(registered.code),
                "shortDescription": {"text": _first_paragraph(registered.doc)},
                "fullDescription": {"text": registered.doc.replace("## ", "").strip() or registered.code},
                "help": {"text": f"nmdoctor explain {registered.code}\n\n{registered.doc}"},
                "defaultConfiguration": {"level": _LEVELS[registered.severity.value]},
            }
        )
    known = {rule["id"] for rule in rules}
    for code in sorted(codes - known):  # codes of findings made outside the registered checks
        rules.append({"id": code, "name": _rule_name(code), "shortDescription": {"text": code}})
    return rules


def _fingerprint(finding: dict[str, Any]) -> str:
    package = finding.get("package") or {}
    key = "\x00".join(
        str(part)
        for part in (
            finding["code"],
            package.get("name"),
            package.get("path"),
            finding.get("request"),
            finding.get("from"),
        )
    )
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]  # a lone surrogate: same bytes


def _location(finding: dict[str, Any]) -> dict[str, Any]:
    package = finding.get("package")
    location: dict[str, Any] = {}
    if finding.get("line") is not None and finding.get("from"):
        location["physicalLocation"] = {
            "artifactLocation": {"uri": finding["from"], "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": finding["line"], "startColumn": finding["column"]},
        }
    elif package:
        folder = package["path"]
        uri = "package.json" if folder in (".", "") else f"{folder}/package.json"
        location["physicalLocation"] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if package:
        location["logicalLocations"] = [
            {
                "name": f"{package['name']}@{package['version']}" if package["version"] else package["name"],
                "fullyQualifiedName": package["path"],
                "kind": "module",
            }
        ]
    return location


def sarif_document(
    document: dict[str, Any], project_uri: str, *, node_version: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A SARIF log with one run, from a findings document (``findings_document``); ``node_version``
    (``{"version", "source"}``: the node the project was judged as) goes in the run's properties."""
    findings = document["findings"]
    rules = _rules({finding["code"] for finding in findings})
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = []
    for finding in findings:
        result: dict[str, Any] = {
            "ruleId": finding["code"],
            "ruleIndex": index[finding["code"]],
            "level": _LEVELS[finding["severity"]],
            "message": {"text": finding["message"] + (f" Fix: {finding['fix']}" if finding.get("fix") else "")},
            "partialFingerprints": {"nmdoctorFinding/v1": _fingerprint(finding)},
        }
        location = _location(finding)
        if location:
            result["locations"] = [location]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "nmdoctor",
                "version": __version__,
                "informationUri": "https://pypi.org/project/nmdoctor/",
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": project_uri}},
        "results": results,
    }
    if node_version is not None:
        run["properties"] = {"nodeVersion": node_version}
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]}
