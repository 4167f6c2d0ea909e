"""Waivers: findings a QA officer has accepted, with a reason, so later runs stop raising them.

A waiver names a rule, a child (by a fingerprint of their name and date of birth, never
the name itself) and a fingerprint of the finding's evidence (the rule, the section, the
place and the words the finding rests on). It holds on later runs and later terms for that
child and rule until the PEP changes in that place, when the fingerprint no longer matches
and the finding is raised again. Waivers live in ``peplint-waivers.yaml`` beside the pack
or in the term folder (see docs/waivers.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from peplint import yaml_load
from peplint.errors import ConfigError
from peplint.model.findings import Finding
from peplint.model.pep import Pep

# Where waivers files are found is in peplint.waiver_files (light, for the resume check).
from peplint.waiver_files import WAIVERS_FILE as WAIVERS_FILE
from peplint.waiver_files import find_waiver_files as find_waiver_files

FINGERPRINT_CHARS = 16


class Waiver(BaseModel):
    """One accepted finding."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    child: str  # child_key() of the PEP's child
    fingerprint: str  # evidence_fingerprint() of the finding
    reason: str
    accepted_by: str = ""
    accepted_on: dt.date | None = None
    where: str = ""  # where the finding was, in words, for the person reading the file


class WaiverFile(BaseModel):
    """The waivers file."""

    model_config = ConfigDict(extra="forbid")

    waivers: list[Waiver] = Field(default_factory=list)


def _normal(text: str | None) -> str:
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return re.sub(r"\s+", " ", folded).strip()


def child_key(pep: Pep) -> str | None:
    """A fingerprint of the child (name and date of birth); None when the name is not known."""
    if not pep.child.name:
        return None
    born = pep.child.date_of_birth.isoformat() if pep.child.date_of_birth else ""
    digest = hashlib.sha256(f"{_normal(pep.child.name)}|{born}".encode())
    return digest.hexdigest()[:FINGERPRINT_CHARS]


def evidence_fingerprint(finding: Finding) -> str:
    """A fingerprint of what the finding rests on: rule, section, place, quoted text and the
    message (which carries the values, such as "72%"). A change there changes it."""
    parts = [
        finding.rule,
        finding.section or "",
        finding.location,
        finding.excerpt,
        finding.message,
    ]
    digest = hashlib.sha256("|".join(_normal(p) for p in parts).encode())
    return digest.hexdigest()[:FINGERPRINT_CHARS]


class WaiverSet:
    """The waivers in force for a run."""

    def __init__(self, waivers: Iterable[Waiver] = (), sources: Iterable[Path] = ()) -> None:
        self.waivers = list(waivers)
        self.sources = list(sources)
        self._index = {(w.rule, w.child, w.fingerprint): w for w in self.waivers}

    def __bool__(self) -> bool:
        return bool(self.waivers)

    def find(self, pep: Pep, finding: Finding) -> Waiver | None:
        """The waiver that covers this finding of this PEP, if any."""
        child = child_key(pep)
        if child is None:
            return None
        return self._index.get((finding.rule, child, evidence_fingerprint(finding)))

    def split(self, pep: Pep, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(findings still raised, findings waived)."""
        active: list[Finding] = []
        waived: list[Finding] = []
        for finding in findings:
            waiver = self.find(pep, finding)
            if waiver is None:
                active.append(finding)
            else:
                waived.append(finding.model_copy(update={"waiver": waiver.reason}))
        return active, waived


def read_waivers(path: Path) -> list[Waiver]:
    """The waivers of one file; a usage error naming the file when it is not valid."""
    try:
        data = yaml_load.safe_load(path.read_text(encoding="utf-8")) or {}
        return WaiverFile.model_validate(data).waivers
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except yaml.YAMLError:
        raise ConfigError(f"{path}: not valid YAML") from None
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"])
        raise ConfigError(f"{path}: {where}: {error['msg']}") from None


def load_waivers(paths: Iterable[Path]) -> WaiverSet:
    """The waivers of all these files."""
    files = list(paths)
    return WaiverSet([w for p in files for w in read_waivers(p)], files)


def add_waivers(path: Path, new: list[Waiver]) -> int:
    """Add waivers to a file (made if missing), skipping ones already there; how many added."""
    from peplint.output import atomic_write

    existing = read_waivers(path) if path.is_file() else []
    keys = {(w.rule, w.child, w.fingerprint) for w in existing}
    added = [w for w in new if (w.rule, w.child, w.fingerprint) not in keys]
    data = WaiverFile(waivers=existing + added).model_dump(mode="json", exclude_defaults=True)
    header = (
        "# Findings accepted by the Virtual School, with the reason. peplint stops raising a\n"
        "# finding here until the PEP changes where it was found. See docs/waivers.md.\n"
    )
    atomic_write(path, header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return len(added)
