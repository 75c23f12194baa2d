"""What breaks or changes when another package manager (or mode) lays out the same graph."""

from nmdoctor.migrate.engine import MigrationResult, migrate

__all__ = ["MigrationResult", "migrate"]
