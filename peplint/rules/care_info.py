"""Care information rule (checklist D2)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peplint.model.findings import Finding
from peplint.model.pep import Pep
from peplint.rules.base import Rule, RuleContext, RuleDoc

FIELD_NAMES = {
    "child.name": "the young person's name",
    "child.date_of_birth": "date of birth",
    "child.year_group": "year group",
    "child.date_entered_care": "date entered care",
    "carers": "carer details",
    "carers.contact": "a phone number or email for each carer",
    "social_worker.name": "the social worker's name",
    "social_worker.contact": "the social worker's phone or email",
    "designated_teacher.name": "the designated teacher's name",
    "designated_teacher.contact": "the designated teacher's phone or email",
    "setting.name": "the school, college or provider",
}


def _paths(name: str) -> tuple[str, ...]:
    """The Pep paths behind a required field name ("x.contact" is a phone or an email)."""
    if name == "carers":
        return ("carers",)
    if name == "carers.contact":
        return ("carers[].phone", "carers[].email")
    if name.endswith(".contact"):
        person = name.rsplit(".", 1)[0]
        return (f"{person}.phone", f"{person}.email")
    return (name,)


def _get(pep: Pep, dotted: str) -> Any:
    value: Any = pep
    for part in dotted.split("."):
        value = getattr(value, part, None)
    return value


class CareInfoComplete(Rule):
    id = "care-info-complete"
    severity = "error"
    sections = ("personal_care", "social_worker_info", "key_contacts")
    params = {"required_fields": list(FIELD_NAMES)}
    fields = tuple(path for name in FIELD_NAMES for path in _paths(name))
    doc = RuleDoc(
        summary="The personal, care and contact details are filled in.",
        what="Checks each field in `required_fields` (child's name, date of birth, year group, date entered "
        "care, carers with a phone or email, social worker and designated teacher with contact details, "
        "the setting) and lists the ones left empty. Which details are required is the pack setting "
        "`required_fields` (a form with no phone field for the designated teacher drops "
        "`designated_teacher.contact`, or asks for `designated_teacher.email` alone). A detail this "
        "layout has no label for is unclear ('could not find'), not missing.",
        why="Walsall's guidance: personal/care information 'is very important that this is updated each term "
        "so we have accurate information when we need to contact carers'; checklist item D2.",
    )

    def check(self, pep: Pep, ctx: RuleContext) -> Iterator[Finding]:
        missing: list[str] = []
        unread: list[str] = []
        for name in ctx.param("required_fields"):
            paths = _paths(name)
            if all(self.state(pep, path) == "not_found" for path in paths):
                unread += paths
                continue
            if name == "carers":
                ok = any(c.name for c in pep.carers)
            elif name == "carers.contact":
                ok = not pep.carers or all(c.phone or c.email for c in pep.carers if c.name)
            elif name.endswith(".contact"):
                person = _get(pep, name.rsplit(".", 1)[0])
                ok = bool(person and (person.phone or person.email))
            else:
                ok = _get(pep, name) not in (None, "", [])
            if not ok:
                missing.append(FIELD_NAMES.get(name, name))
        page = self.page_of(pep, "personal_care")
        if unread and (finding := self.unread(ctx, pep, *unread, page=page)):
            yield finding
        if missing:
            yield self.finding(
                ctx,
                "Care information is missing: " + ", ".join(missing) + ".",
                page=self.page_of(pep, "personal_care"),
                suggestion="Ask the social worker to complete and update the personal / care information.",
            )
