"""`peplint template learn`: draft a pack fragment for a new ePEP layout from sample exports.

The draft holds the section heading aliases (`aliases:`) the samples used and, under
`fields:`, one commented line ("#? ") for every label peplint saw but could not place (and
under `aliases:` for every heading it did not recognise), with a guess where one is close,
for the officer to assign; the labels it already reads are listed in a comment. No
document values go into the draft: only labels and headings.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter

from peplint.extract.field_aliases import KNOWN_LABEL
from peplint.extract.section_view import normalise_label
from peplint.model.pep import SECTION_KEYS, FieldProvenance, Pep
from peplint.rules.field_titles import FIELD_TITLES, field_title

FIELD_PLACEHOLDER = "FIELD"
SECTION_PLACEHOLDER = "SECTION"
COMMENTED = "#? "
LIST_FIELDS = frozenset({"carers", "targets", "meeting.attendees", "attainment.subjects"})
STOP_WORDS = frozenset({"the", "of", "a", "an", "s", "to", "for", "and", "or", "on", "in", "is"})


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _labels(labels: list[str]) -> str:
    return "[" + ", ".join(_quote(label) for label in labels) + "]"


def _vocabulary() -> dict[str, list[str]]:
    """Field path -> words that describe it (its title and the label peplint knows)."""
    out: dict[str, list[str]] = {}
    for path, title in FIELD_TITLES.items():
        out.setdefault(path, []).append(normalise_label(title.removeprefix("the ")))
    for path, label in KNOWN_LABEL.items():
        out.setdefault(path, []).append(normalise_label(label))
    return out


def guess_field(label: str, candidates: list[str] | None = None) -> str | None:
    """The field path a label most likely holds, or None when nothing is close."""
    wanted = normalise_label(label)
    best, best_score = None, 0.0
    for path, words in _vocabulary().items():
        if (candidates is not None and path not in candidates) or path in LIST_FIELDS:
            continue
        for phrase in words:
            mine, theirs = set(wanted.split()) - STOP_WORDS, set(phrase.split()) - STOP_WORDS
            shared = len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0
            score = (difflib.SequenceMatcher(None, wanted, phrase).ratio() + shared) / 2
            if score > best_score:
                best, best_score = path, score
    return best if best_score >= 0.45 else None


def guess_section(heading: str) -> str | None:
    """The section key a heading most likely opens, or None."""
    wanted = normalise_label(heading)
    names = {key: key.replace("_", " ") for key in SECTION_KEYS}
    close = difflib.get_close_matches(wanted, list(names.values()), n=1, cutoff=0.5)
    return next((k for k, v in names.items() if close and v == close[0]), None)


def draft_fragment(peps: list[Pep], name: str, extends: str = "section-d") -> str:
    """The pack fragment (YAML text with comments) learnt from `peps` of one layout."""
    headings: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    unplaced: Counter[str] = Counter()
    unknown_headings: Counter[str] = Counter()
    not_found: Counter[str] = Counter()
    for pep in peps:
        for key, section in pep.sections.items():
            if section.heading not in headings.setdefault(key, []):
                headings[key].append(section.heading)
        for path, entry in pep.provenance.items():
            if _own_label(path, entry):
                assert entry.label is not None
                labels.setdefault(path, [])
                if entry.label not in labels[path]:
                    labels[path].append(entry.label)
        unplaced.update(dict.fromkeys(pep.unplaced_labels, 1))
        unknown_headings.update(dict.fromkeys(pep.unrecognised_headings, 1))
        if pep.provenance:
            not_found.update(
                path
                for path in {*FIELD_TITLES, *KNOWN_LABEL}
                if path not in pep.provenance and "[]" not in path
            )
    placed = {normalise_label(label) for values in labels.values() for label in values}
    total = len(peps)
    out = [
        f"# Drafted by `peplint template learn` from {total} sample export(s) of one layout.",
        "# Lines starting with '#? ' are labels and headings peplint saw but could not place.",
        f"# For each, replace {FIELD_PLACEHOLDER} (or {SECTION_PLACEHOLDER}) with the field path",
        "# (or section key) it belongs to and delete the '#? ', or delete the line.",
        f"# Then: `peplint pack validate {name}.yaml`, and `peplint inspect FILE --pack "
        f"{name}.yaml`",
        "# shows how the layout reads with it. The draft holds labels only, no document values.",
        f"pack: {name}",
        "version: 1",
        f"extends: [{extends}]",
        "aliases:",
    ]
    for key in SECTION_KEYS:
        if key in headings:
            out.append(f"  {key}: {_labels(headings[key])}")
    for heading, seen in sorted(unknown_headings.items()):
        guess = guess_section(heading)
        hint = f"perhaps {guess}" if guess else f"one of: {', '.join(SECTION_KEYS)}"
        out.append(
            f"{COMMENTED}  {SECTION_PLACEHOLDER}: {_labels([heading])}"
            f"    # heading not recognised (in {seen} of {total}); {hint}"
        )
    out.append("fields:")
    missing = [path for path, count in not_found.items() if count == total]
    for label, seen in sorted(unplaced.items()):
        if normalise_label(label) in placed:
            continue
        guess = guess_field(label, missing or None)
        hint = f"perhaps {guess} ({field_title(guess)})" if guess else "which field is it?"
        out.append(
            f"{COMMENTED}  {FIELD_PLACEHOLDER}: {_labels([label])}"
            f"    # label not placed (in {seen} of {total}); {hint}"
        )
    if missing:
        out.append("# Fields no sample had a label for (assign the lines above to these):")
        out += [f"#   {path}: {field_title(path)}" for path in sorted(missing)]
    if labels:
        # Kept out of `fields:` on purpose: a pack's labels apply in every section, and
        # these are read already, so pinning them could only move a value elsewhere.
        out.append("# Labels peplint already reads in this layout (for reference only):")
        out += [f"#   {path}: {_labels(labels[path])}" for path in sorted(labels)]
    return "\n".join(out) + "\n"


# How a value is read when its label is the field's own (not a table's or a section's).
OWN_LABEL_HOW = frozenset(
    {"table-row", "question-answer", "inline-label", "label-paragraph", "content-control"}
    | {"checkbox", "label-above", "gap"}
)


def _own_label(path: str, entry: FieldProvenance) -> bool:
    """Whether `entry.label` is the label of this one field, worth keeping as its alias:
    read from a label beside or above its value, not a table column, a section or a list."""
    if not entry.label or entry.state == "not_found" or "[" in path:
        return False
    if path.startswith("sections.") or path in LIST_FIELDS:
        return False
    return entry.how is None or entry.how in OWN_LABEL_HOW
