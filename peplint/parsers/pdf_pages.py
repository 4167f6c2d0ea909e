"""A PDF's pages between reading and making blocks, packed after the first few.

Blocks are made only once the whole document has been seen: running headers and
footers, the body's type size, the heading levels and the vocabulary that heals broken
words are the document's. So every page's lines and tables wait until the last page has
been read. The first pages wait as they are; each later one waits packed (pickled, a
fraction of the memory of its word dictionaries) and is unpacked when it is visited, one
page at a time, so a long document needs about as much memory as a short one.

Only pages this process made are packed and unpacked here, never bytes from a file.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from typing import Generic, Protocol, TypeVar

# A PEP is rarely longer than this: its pages are never packed, so they cost no time.
KEEP_UNPACKED = 16

Page = TypeVar("Page")


class Pages(Protocol[Page]):
    """What the block maker needs of a document's pages: a `PageStore` or a plain list."""

    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Page]: ...
    def __getitem__(self, index: int) -> Page: ...
    def __setitem__(self, index: int, page: Page) -> None: ...


class PageStore(Generic[Page]):
    """Pages in reading order: the first `keep` as they are, the rest pickled."""

    def __init__(self, keep: int = KEEP_UNPACKED) -> None:
        self.keep = keep
        self._held: list[Page] = []
        self._packed: list[bytes] = []

    def __len__(self) -> int:
        return len(self._held) + len(self._packed)

    def append(self, page: Page) -> None:
        """Add the next page (packed once `keep` pages are held as they are)."""
        if len(self._held) < self.keep:
            self._held.append(page)
        else:
            self._packed.append(pickle.dumps(page, protocol=pickle.HIGHEST_PROTOCOL))

    def __getitem__(self, index: int) -> Page:
        """Page `index` (0-based); a packed page comes back as a new copy."""
        if index < len(self._held):
            return self._held[index]
        page: Page = pickle.loads(self._packed[index - len(self._held)])
        return page

    def __setitem__(self, index: int, page: Page) -> None:
        """Replace page `index` (a packed page is packed again)."""
        if index < len(self._held):
            self._held[index] = page
        else:
            self._packed[index - len(self._held)] = pickle.dumps(
                page, protocol=pickle.HIGHEST_PROTOCOL
            )

    def __iter__(self) -> Iterator[Page]:
        """Every page in order, each packed one unpacked as it is reached."""
        yield from self._held
        for packed in self._packed:
            yield pickle.loads(packed)
