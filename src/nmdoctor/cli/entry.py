"""The ``nmdoctor`` console script: the cyclic garbage collector is switched off before the first
import, then the command runs.

One run reads one project, and its model holds no reference cycles: the collector would only walk
the growing heap again and again (imports included: about a tenth of `check` and a seventh of
`migrate` on a large tree) and give no memory back. ``fleet``, which reads many projects in one
run, switches it on again. ``nmdoctor.cli.main:main`` (what tests invoke) leaves it alone.
"""

from __future__ import annotations

import gc

__all__ = ["run"]


def run() -> None:
    gc.disable()
    from nmdoctor.cli.main import main

    main()
