"""What a bulk run keeps of each PEP until its summary is written.

The parent collects every PEP's result and writes the summary, the dashboard and the run
manifest only once the last is in. Of each it keeps just what those read: its summary row,
its passages for copied-text detection, the rules it was flagged for and its manifest
entry. A local worker that read a PEP and stored its reports makes this itself and sends
only it (about 2 KB as JSON); otherwise it is taken from the report as it arrives. A
whole report is tens to hundreds of KB (the PEP's fields with where each was read, the
coverage, the feedback), so a region's term of thousands of PEPs held whole would take
gigabytes; what is kept is a few KB.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pydantic import TypeAdapter

from peplint.bulk.copied import CopySource, copy_source
from peplint.bulk.summary import Row, flagged_rules, row_for
from peplint.report import FileReport
from peplint.safety.isolation import is_limit_failure
from peplint.safety.manifest import ManifestInput, manifest_input


@dataclass(frozen=True)
class HeldPep:
    """One PEP's part in the run's summary, dashboard and manifest."""

    row: Row
    copy: CopySource
    flagged: list[str]  # the rules of its errors and warnings
    manifest: ManifestInput
    limit_failure: bool  # failed by the run's fault, not the file's: not cached, not vouched for

    @property
    def failed(self) -> bool:
        """Whether the PEP could not be read."""
        return self.manifest.status == "error"


def hold(relative: str, report_key: str, entry: FileReport, item_ids: list[str]) -> HeldPep:
    """What the run keeps of `entry`, the report of the file shown as `relative`."""
    return HeldPep(
        row=row_for(relative, report_key, entry, item_ids),
        copy=copy_source(relative, report_key, entry),
        flagged=flagged_rules(entry),
        manifest=manifest_input(entry),
        limit_failure=is_limit_failure(entry),
    )


@functools.cache
def _adapter() -> TypeAdapter[HeldPep]:
    return TypeAdapter(HeldPep)


def warm() -> None:
    """Build the JSON adapter now, before workers are forked (each inherits it)."""
    _adapter()


def held_bytes(held: HeldPep) -> bytes:
    """`held` as JSON: how a local worker sends it to the run's process."""
    return _adapter().dump_json(held)


def held_from_bytes(data: bytes) -> HeldPep:
    """A HeldPep from `held_bytes`, checked against its types."""
    return _adapter().validate_json(data)
