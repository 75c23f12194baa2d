"""The one compiled part: the walk of installed packages' code (nmdoctor/inspect/_codewalk.c).

Optional: without a C compiler the install goes on, and the same walk runs in Python (slower).
Everything else about the package is in pyproject.toml."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "nmdoctor.inspect._codewalk",
            ["src/nmdoctor/inspect/_codewalk.c"],
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
