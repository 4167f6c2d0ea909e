"""Opening a .docx package with python-docx, with its errors made ours."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from peplint import errors


def open_docx(path: Path) -> Any:
    """Open `path` with python-docx; any failure becomes a typed `InputError`."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise errors.corrupt("not a Word document package") from None
    except zipfile.BadZipFile:
        raise errors.corrupt("the Word package is truncated or damaged") from None
    except KeyError:
        raise errors.corrupt("the Word package is missing its main document part") from None
    except ValueError as exc:
        if "macroEnabled" in str(exc) or "macro" in str(exc).lower():
            raise errors.unsupported(
                "This is a macro-enabled Word file (.docm); save it as .docx."
            ) from None
        raise errors.corrupt("the Word package is not a document") from None
    except Exception:  # lxml and zip internals raise many types on damaged input
        raise errors.corrupt("the Word document's XML is damaged") from None
