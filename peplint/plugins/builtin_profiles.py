"""Built-in plugin: the Walsall post-16 and generic secondary template profiles."""

from __future__ import annotations

from collections.abc import Callable

from peplint.extract.profiles import BUILTIN_PROFILES, TemplateProfile
from peplint.hookspecs import hookimpl


@hookimpl
def peplint_register_profiles(register: Callable[[TemplateProfile], None]) -> None:
    """Register the built-in template profiles."""
    for profile in BUILTIN_PROFILES:
        register(profile)
