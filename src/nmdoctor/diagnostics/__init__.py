"""Findings: a problem in a project, with its cause and a fix (codes in DESIGN.md)."""

from nmdoctor.diagnostics.model import Finding, PackageRef, Severity, findings_document

__all__ = ["Finding", "PackageRef", "Severity", "findings_document"]
