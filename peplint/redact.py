"""Redaction: names, schools, dates of birth, phone numbers and emails replaced with
placeholders everywhere in a file's report, so it can be shared for moderation or training.

Who is redacted: every person the PEP's own fields name (the child, carers, social worker,
designated teacher, meeting attendees), matched whatever the case ("JAMIE ROWE",
"ROWE, Jamie"), each part of their names on its own too; anyone else named in free text
with a title ("Mrs Patel", "Dr A. Khan"); the school the PEP names and any other school
named in free text ("Castle Primary School"). Over-redaction is preferred to a leak.

Placeholders: with a secret (bulk), keyed pseudonyms ([CHILD-1a2b3c4d], [PERSON-...],
[SCHOOL-...]): the same person or school gets the same one in every report of a run, and
the names cannot be guessed back from them without the secret, which is kept outside the
folder meant for sharing. Without a secret, [CHILD], [PERSON-1], [PERSON-2]... and [SCHOOL],
numbered within the report.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import re
from typing import Any

from peplint.model.pep import Pep
from peplint.report import FileReport

PHONE = re.compile(r"(?<!\w)(?:\+44\s?\(?0?\)?|0)(?:[\s-]?\d){9,10}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
TITLED = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\.?\s+"
    rf"(?:[A-Z]\.\s*)*{_NAME_WORD}(?:[ -]{_NAME_WORD})?(?!\w)"
)
SCHOOL_WORDS = (
    "School|Academy|College|Primary|Secondary|High|Grammar|Infants|Juniors|Nursery|"
    "Sixth Form|Free School|Studio School|PRU|Pupil Referral Unit"
)
SCHOOL = re.compile(
    rf"(?<![\w\[])(?:(?:St\.?|Saint|{_NAME_WORD}|[A-Z]{{2,}})[ -]+){{1,6}}(?:{SCHOOL_WORDS})"
    rf"(?:\s+(?:School|Academy|College))?(?!\w)"
)
# Words in school names that are not names: "Virtual School" is the reader's own service.
_NOT_A_SCHOOL = {"virtual school", "the school", "a school", "this school", "school"}


def _keyed(kind: str, name: str, secret: bytes) -> str:
    normal = " ".join(name.lower().split())
    digest = hmac.new(secret, f"{kind}\0{normal}".encode(), hashlib.sha256).hexdigest()
    return f"[{kind}-{digest[:8]}]"


def child_id(name: str, secret: bytes) -> str:
    """A stable pseudonym for a child ([CHILD-1a2b3c4d]): the same child gets the same id
    under the same secret, and the name cannot be guessed back from it."""
    digest = hmac.new(secret, " ".join(name.lower().split()).encode(), hashlib.sha256).hexdigest()
    return f"[CHILD-{digest[:8]}]"


@functools.cache
def _common_words() -> frozenset[str]:
    from peplint.parsers.pdf_tables import common_words

    return common_words()


def _word_pattern(word: str) -> re.Pattern[str]:
    """A name part, in any case; a part that is also an everyday word ("Rose", "Wood")
    only where it is capitalised or in capitals, so "rose" the verb is kept."""
    escaped = re.escape(word)
    if word.lower() in _common_words():
        alternatives = {re.escape(word[:1].upper() + word[1:].lower()), re.escape(word.upper())}
        alternatives.add(escaped)
        return re.compile(rf"(?<!\w)(?:{'|'.join(sorted(alternatives))})(?!\w)")
    return re.compile(rf"(?<!\w){escaped}(?!\w)", re.IGNORECASE)


class Redactor:
    """Replacements built from one PEP's people and school."""

    def __init__(self, pep: Pep | None, secret: bytes | None = None) -> None:
        self.secret = secret
        self.replacements: list[tuple[re.Pattern[str], str]] = []
        self.dob_texts: list[str] = []
        self.numbered: dict[str, str] = {}
        self.school_placeholder = "[SCHOOL]"
        if pep is None:
            return
        people: list[tuple[str, str]] = []
        if pep.child.name:
            people.append(
                (pep.child.name, child_id(pep.child.name, secret) if secret else "[CHILD]")
            )
        others = [c.name for c in (*pep.carers, pep.social_worker, pep.designated_teacher)]
        others += [a.name for a in pep.meeting.attendees]
        for name in others:
            if name and name != pep.child.name:
                people.append((name, self.person(name)))
        pairs: list[tuple[str, str]] = []
        whole: list[tuple[re.Pattern[str], str]] = []
        for full, placeholder in people:
            parts = [p for p in re.split(r"[\s,]+", full) if len(p) > 1]
            whole.append((re.compile(rf"(?<!\w){_spaced(full)}(?!\w)", re.IGNORECASE), placeholder))
            if len(parts) >= 2:  # "ROWE, Jamie" and "Rowe Jamie"
                surname_first = rf"{re.escape(parts[-1])}\s*,?\s*{re.escape(parts[0])}"
                whole.append(
                    (re.compile(rf"(?<!\w){surname_first}(?!\w)", re.IGNORECASE), placeholder)
                )
            pairs += [(part, placeholder) for part in parts]
        if pep.setting.name:
            self.school_placeholder = self.school(pep.setting.name)
            whole.append(
                (
                    re.compile(rf"(?<!\w){_spaced(pep.setting.name)}(?!\w)", re.IGNORECASE),
                    self.school_placeholder,
                )
            )
        # Longest first, so "Jamie Rowe" is replaced before "Jamie".
        whole.sort(key=lambda p: -len(p[0].pattern))
        self.replacements += whole
        for text, placeholder in sorted(dict(pairs).items(), key=lambda p: -len(p[0])):
            self.replacements.append((_word_pattern(text), placeholder))
        if pep.child.date_of_birth:
            d = pep.child.date_of_birth
            self.dob_texts = [
                d.isoformat(),
                d.strftime("%d/%m/%Y"),
                f"{d.day} {d:%B %Y}",
                f"{d.day} {d:%b %Y}",
            ]

    def person(self, name: str) -> str:
        """The placeholder of a person other than the child."""
        if self.secret is not None:
            return _keyed("PERSON", name, self.secret)
        key = " ".join(name.lower().split())
        if key not in self.numbered:
            self.numbered[key] = f"[PERSON-{len(self.numbered) + 1}]"
        return self.numbered[key]

    def school(self, name: str) -> str:
        """The placeholder of a school."""
        return _keyed("SCHOOL", name, self.secret) if self.secret is not None else "[SCHOOL]"

    def text(self, value: str) -> str:
        """`value` with every name, school, date of birth, phone number and email replaced."""
        out = EMAIL.sub("[EMAIL]", value)
        out = PHONE.sub("[PHONE]", out)
        for dob in self.dob_texts:
            out = out.replace(dob, "[DOB]")
        for pattern, placeholder in self.replacements:
            out = pattern.sub(placeholder, out)
        out = TITLED.sub(lambda m: self.person(_untitled(m.group(0))), out)
        return SCHOOL.sub(self._school_in_text, out)

    def _school_in_text(self, match: re.Match[str]) -> str:
        text = match.group(0)
        if text.lower() in _NOT_A_SCHOOL or text.lower().startswith(("virtual school", "the ")):
            return text
        return self.school(text)

    def value(self, data: Any) -> Any:
        """A JSON-like structure with every string redacted."""
        if isinstance(data, str):
            return self.text(data)
        if isinstance(data, list):
            return [self.value(v) for v in data]
        if isinstance(data, dict):
            return {k: self.value(v) for k, v in data.items()}
        return data


def _spaced(name: str) -> str:
    """A name as a pattern that allows any run of spaces between its words."""
    return r"\s+".join(re.escape(part) for part in name.split())


def _untitled(text: str) -> str:
    return re.sub(r"^\w+\.?\s+", "", text)


def redact_report(entry: FileReport, secret: bytes | None = None) -> FileReport:
    """A copy of `entry` with personal details replaced; the date of birth is removed.

    With a `secret`, people and schools become keyed pseudonyms ([CHILD-...]) so a term's
    summary can tell children and schools apart; without one, [CHILD], [PERSON-n], [SCHOOL].
    """
    redactor = Redactor(entry.pep, secret)
    data = json.loads(entry.model_dump_json())
    if data.get("pep") and data["pep"]["child"].get("date_of_birth"):
        data["pep"]["child"]["date_of_birth"] = None
    sha = data.pop("sha256", None)
    redacted = redactor.value(data)
    redacted["sha256"] = sha
    return FileReport.model_validate(redacted)
