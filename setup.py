"""Package list only (metadata is in pyproject.toml).

The built-in rule packs live in the top-level `rule_packs/` folder and install as
`peplint.rule_packs`, so they are found the same way from a checkout and a wheel.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["peplint", "peplint.*"]), "peplint.rule_packs"],
    package_dir={"peplint.rule_packs": "rule_packs"},
)
