"""nmdoctor: explains and diagnoses JavaScript dependency layouts."""

__version__ = "0.1.0"

__all__ = ["__version__"]
