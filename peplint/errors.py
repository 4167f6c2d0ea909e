"""The project's own typed errors. Messages are one line a QA officer understands.

Codes are the contract of DESIGN section 8. A message never holds a library's
own text, a file path or document content.
"""

from __future__ import annotations

from typing import Literal

ErrorCode = Literal[
    "encrypted",
    "no-text",
    "corrupt",
    "unsupported",
    "too-large",
    "timeout",
    "permission-denied",
    "not-found",
]

# Process exit codes (DESIGN section 10), the same for every command.
EXIT_CLEAN = 0  # nothing at or above --fail-on
EXIT_FINDINGS = 1  # findings at or above --fail-on
EXIT_USAGE = 2  # a usage or configuration error
EXIT_INPUT = 3  # an input could not be read (the others are still reported)
EXIT_OUTPUT = 4  # an output could not be written


class PeplintError(Exception):
    """Base class for errors peplint reports to its user."""


class ConfigError(PeplintError):
    """A usage or configuration problem (exit code 2)."""


class InputError(PeplintError):
    """An input file could not be read; carries a DESIGN section 8 code."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message


def encrypted(what: str = "This file") -> InputError:
    """The file is password-protected."""
    return InputError("encrypted", f"{what} is password-protected; export it without a password.")


def no_text() -> InputError:
    """The PDF has pages but no text layer."""
    return InputError(
        "no-text",
        "This PDF has no readable text (it looks scanned); it needs OCR before it can be checked.",
    )


def corrupt(detail: str = "") -> InputError:
    """The file is damaged or is not what its name says."""
    suffix = f" ({detail})" if detail else ""
    return InputError("corrupt", f"This file is damaged and cannot be read{suffix}.")


def unsupported(detail: str) -> InputError:
    """The file type is not one peplint reads."""
    return InputError("unsupported", detail)


def not_found() -> InputError:
    """The file named does not exist."""
    return InputError(
        "not-found", "There is no file with this name; check the name and the folder."
    )


def permission_denied() -> InputError:
    """The file exists but this account may not read it."""
    return InputError(
        "permission-denied",
        "This file cannot be opened: your account does not have permission to read it.",
    )


def unreadable_folder() -> InputError:
    """A sub-folder of the folder being reviewed could not be listed."""
    return InputError(
        "permission-denied",
        "This folder could not be opened (no permission to list it); the PEPs in it were "
        "not checked.",
    )


def from_os_error(error: OSError) -> InputError:
    """The typed error for an OS error met while opening an input."""
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return not_found()
    if isinstance(error, PermissionError):
        return permission_denied()
    return corrupt("the file could not be opened")


class OutputError(PeplintError):
    """An output could not be written (exit code 4); the message is one line."""


def output_failed(error: OSError, what: str = "the output") -> OutputError:
    """The one-line error for an output that could not be written."""
    reason = error.strerror or type(error).__name__
    return OutputError(f"could not write {what}: {reason.lower()}")


def too_large(detail: str) -> InputError:
    """The file exceeds a safety limit."""
    return InputError("too-large", detail)
