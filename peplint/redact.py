"""Redaction: names, dates of birth, phone numbers and emails replaced with stable
placeholders everywhere in a file's report, so it can be shared for moderation
or training.

The same person gets the same placeholder throughout a report ([CHILD],
[PERSON-1]...). Over-redaction is preferred to a leak: a surname that is also a
common word is replaced wherever it stands as a capitalised word.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import Any

from peplint.model.pep import Pep
from peplint.report import FileReport

PHONE = re.compile(r"(?<!\w)(?:\+44\s?\(?0?\)?|0)(?:[\s-]?\d){9,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def child_id(name: str, secret: bytes) -> str:
    """A stable pseudonym for a child ([CHILD-1a2b3c4d]): the same child gets the same id
    under the same secret, and the name cannot be guessed back from it."""
    digest = hmac.new(secret, " ".join(name.lower().split()).encode(), hashlib.sha256).hexdigest()
    return f"[CHILD-{digest[:8]}]"


class Redactor:
    """Replacements built from one PEP's people."""

    def __init__(self, pep: Pep | None, secret: bytes | None = None) -> None:
        self.replacements: list[tuple[re.Pattern[str], str]] = []
        self.dob_texts: list[str] = []
        if pep is None:
            return
        people: list[tuple[str, str]] = []
        if pep.child.name:
            people.append(
                (pep.child.name, child_id(pep.child.name, secret) if secret else "[CHILD]")
            )
        others = [c.name for c in (*pep.carers, pep.social_worker, pep.designated_teacher)]
        others += [a.name for a in pep.meeting.attendees]
        numbered: dict[str, str] = {}
        for name in others:
            if name and name != pep.child.name and name not in numbered:
                numbered[name] = f"[PERSON-{len(numbered) + 1}]"
        people += list(numbered.items())
        pairs: list[tuple[str, str]] = []
        for full, placeholder in people:
            pairs.append((full, placeholder))
            pairs += [(part, placeholder) for part in full.split() if len(part) > 1]
        # Longest first, so "Jamie Rowe" is replaced before "Jamie".
        for text, placeholder in sorted(dict(pairs).items(), key=lambda p: -len(p[0])):
            flags = 0 if " " not in text else re.IGNORECASE
            self.replacements.append(
                (re.compile(rf"(?<!\w){re.escape(text)}(?!\w)", flags), placeholder)
            )
        if pep.child.date_of_birth:
            d = pep.child.date_of_birth
            self.dob_texts = [
                d.isoformat(),
                d.strftime("%d/%m/%Y"),
                f"{d.day} {d:%B %Y}",
                f"{d.day} {d:%b %Y}",
            ]

    def text(self, value: str) -> str:
        """`value` with every name, date of birth, phone number and email replaced."""
        out = EMAIL.sub("[EMAIL]", value)
        out = PHONE.sub("[PHONE]", out)
        for dob in self.dob_texts:
            out = out.replace(dob, "[DOB]")
        for pattern, placeholder in self.replacements:
            out = pattern.sub(placeholder, out)
        return out

    def value(self, data: Any) -> Any:
        """A JSON-like structure with every string redacted."""
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, list):
            return [self.value(v) for v in data]
        if isinstance(data, dict):
            return {k: self.value(v) for k, v in data.items()}
        return data


def redact_report(entry: FileReport, secret: bytes | None = None) -> FileReport:
    """A copy of `entry` with personal details replaced; the date of birth is removed.

    With a `secret`, the child's name becomes a stable pseudonym ([CHILD-...]) so a
    term's summary can tell children apart; without one, it becomes [CHILD].
    """
    redactor = Redactor(entry.pep, secret)
    data = json.loads(entry.model_dump_json())
    if data.get("pep") and data["pep"]["child"].get("date_of_birth"):
        data["pep"]["child"]["date_of_birth"] = None
    sha = data.pop("sha256", None)
    redacted = redactor.value(data)
    redacted["sha256"] = sha
    return FileReport.model_validate(redacted)
