"""Questions about an installed tree that explain a resolution (where else a package sits, ...)."""

from nmdoctor.inspect.elsewhere import InstalledCopy, unreachable_copies

__all__ = ["InstalledCopy", "unreachable_copies"]
