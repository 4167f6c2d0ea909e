"""Where PDF labels and values are paired by geometry.

Two shapes: a label and its value on one line split by a wide gap ("gap"),
and a label directly above its value ("label-above"). A label shows itself by
ending with ":" or "?", or by a style of its own beside the value (grey,
smaller, or bold where the value is not). Ordinary prose has no wide gaps and
no label style, so it is never paired. Pure geometry over `TextLine`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peplint.parsers.pdf_lines import Segment, TextLine, Word

MAX_LABEL_WORDS = 10
MAX_LABEL_CHARS = 70
_INLINE = re.compile(r"^([^:]{2,60}):\s*(.*)$")


def label_text(text: str) -> str:
    """A label without its trailing colon."""
    return text.strip().rstrip(":").strip()


def _short(text: str) -> bool:
    t = text.strip()
    return 0 < len(t) <= MAX_LABEL_CHARS and len(t.split()) <= MAX_LABEL_WORDS


def _punctuated(text: str) -> bool:
    return text.rstrip().endswith((":", "?"))


def _grey(colour: float) -> bool:
    return 0.15 <= colour <= 0.85


def styled_apart(
    label: Segment | TextLine, value: Segment | TextLine, allow_bold: bool = True
) -> bool:
    """Whether a would-be label is set in a style of its own beside its value."""
    if allow_bold and label.bold and not value.bold:
        return True
    if _grey(label.colour) and value.colour < label.colour - 0.15:
        return True
    return _size(label) < _size(value) - 0.7


def _label_styled(part: Segment) -> bool:
    return _grey(part.colour) or _punctuated(part.text)


def _size(part: Segment | TextLine) -> float:
    return max((float(w.get("size") or 0.0) for w in part.words), default=0.0)


def _looks_like_label(label: Segment, value: Segment, by_gap: bool = True) -> bool:
    text = label.text
    if not _short(text) or text.rstrip().endswith((".", ";")):
        return False
    if label.bold and value.bold:
        return False  # a header row
    if _punctuated(text) or styled_apart(label, value):
        return True
    if _label_styled(value):
        return False  # two labels side by side
    if not by_gap:
        return False
    # No cue but the gap: a short capitalised label, far from its value.
    gap = value.x0 - label.x1
    size = _size(label) or 10.0
    far = gap >= 3 * size or value.aligned  # or the value starts where other values do
    return len(text.split()) <= 5 and text[:1].isupper() and far


def gap_pairs(line: TextLine) -> list[tuple[str, str]]:
    """(label, value) pairs on a line split at wide gaps: two segments, or several
    label/value segment pairs, or several "Label: value" segments; [] for anything else."""
    segments = line.segments
    if len(segments) < 2:
        return []
    inline = [_INLINE.match(s.text) for s in segments]
    if all(m is not None and _short(m.group(1)) for m in inline):
        return [(m.group(1).strip(), m.group(2).strip()) for m in inline if m is not None]
    pairs = list(zip(segments[::2], segments[1::2], strict=False))
    wide = len(segments) == 2  # several pairs on a line need a label cue each
    if len(segments) % 2 == 0 and all(_looks_like_label(a, b, wide) for a, b in pairs):
        return [(label_text(label.text), value.text.strip()) for label, value in pairs]
    # One label, and a value with gaps of its own (checkbox options side by side).
    label, value = segments[0], segments[1]
    cued = _punctuated(label.text) or (styled_apart(label, value) and not value.bold)
    if cued and _looks_like_label(label, value) and not any(_label_styled(s) for s in segments[1:]):
        return [(label_text(segments[0].text), " ".join(s.text for s in segments[1:]))]
    return []


def is_form_label(line: TextLine, body: float) -> bool:
    """Whether a line on its own is plainly a form label: short and ending with ":"
    (or "?"), or short and set grey or smaller than the body text."""
    text = line.text
    if len(line.segments) != 1 or not _short(text) or text.rstrip().endswith((".", ",", ";")):
        return False
    if _punctuated(text):
        return True
    return _grey(line.colour) or line.size < body - 0.7


def below(label: TextLine, value: TextLine) -> bool:
    """Whether `value` sits directly under `label`, aligned on its left edge."""
    size = max(label.size, 6.0)
    return (
        value.page == label.page
        and 0 <= value.top - label.bottom <= 1.2 * size
        and abs(value.x0 - label.x0) <= 0.8 * size
    )


def label_above_pairs(
    label: TextLine, value: TextLine, allow_bold: bool = True
) -> list[tuple[str, str]]:
    """Pairs from a line of several labels over a line of their values, each value
    aligned under its label (a two-column form; a label with nothing under it has
    an empty value); [] when they do not line up. Without `allow_bold`, bold alone
    does not make a label (a table's header row)."""
    labels = label.segments
    if len(labels) < 2 or value.page != label.page:
        return []
    if not 0 <= value.top - label.bottom <= 1.2 * max(label.size, 6.0):
        return []
    found = under_labels(label, value)
    if found is None:
        return []
    for index, vals in found.items():
        lab = labels[index]
        if not (_punctuated(lab.text) or styled_apart(lab, vals[0], allow_bold)):
            return []
    if any(not _short(lab.text) for lab in labels):
        return []
    if len(found) < len(labels) and not label_row(label):
        return []
    return [
        (label_text(lab.text), " ".join(v.text.strip() for v in found.get(k, [])))
        for k, lab in enumerate(labels)
    ]


def under_labels(label: TextLine, value: TextLine) -> dict[int, list[Segment]] | None:
    """`value`'s segments by the label (index in `label`'s segments) each starts under;
    a value may have gaps of its own (checkbox options). None when a segment starts
    under no label, or runs into the next label's column."""
    labels = label.segments
    size = max(label.size, 6.0)
    found: dict[int, list[Segment]] = {}
    for val in value.segments:
        starts = [k for k, lab in enumerate(labels) if lab.x0 <= val.x0 + 0.8 * size]
        if not starts:
            return None
        index = starts[-1]
        if index not in found and abs(labels[index].x0 - val.x0) > 0.8 * size:
            return None  # a label's value starts under the label's left edge
        if index + 1 < len(labels) and val.x1 > labels[index + 1].x0:
            return None
        found.setdefault(index, []).append(val)
    return found


def label_row(line: TextLine) -> bool:
    """Whether every segment of a line is plainly a form label (short, and grey or
    ending with ":" or "?"; small type alone is also how tables are set)."""
    return all(
        _short(seg.text)
        and not seg.text.rstrip().endswith((".", ",", ";"))
        and (_grey(seg.colour) or _punctuated(seg.text))
        for seg in line.segments
    )


def _wraps(end: float | None, word: Word, limit: float) -> bool:
    """Whether `word` would not have fitted after a line ending at `end` (so the
    line it starts is the same text wrapped)."""
    width = float(word["x1"]) - float(word["x0"])
    return end is not None and end + width >= limit


@dataclass
class PairColumns:
    """Where the last label/value line put its label and its value, and the label's style."""

    page: int
    label_x0: float
    value_x0: float
    bold: bool
    colour: float
    size: float
    bottom: float
    right: float  # the right edge of the text on the page (where values wrap)
    label_end: float | None = None  # where the label's last line ends
    value_end: float | None = None  # where the value's last line ends
    row_gap: float | None = None  # the space between two rows of the list, once seen
    value_size: float = 0.0  # the type of the value's words (size, bold), for its wrapped lines
    value_bold: bool = False

    @classmethod
    def of(cls, line: TextLine, right: float) -> PairColumns:
        """The columns of a line of one label and its value (`right`: the page's text edge)."""
        label, value = line.segments[0], line.segments[-1]
        return cls(
            page=line.page,
            label_x0=label.x0,
            value_x0=line.segments[1].x0,
            bold=label.bold,
            colour=label.colour,
            size=max(line.size, 6.0),
            bottom=line.bottom,
            right=right,
            label_end=label.x1,
            value_end=value.x1,
            value_size=round(
                max((float(w["size"]) for w in value.words if w.get("size")), default=0.0), 1
            ),
            value_bold=value.bold,
        )

    def in_value_type(self, line: TextLine) -> bool:
        """Whether `line` is set in the value's own type, from the value's column: a
        larger-than-body value wrapped onto it, not a heading (a heading in the value's
        type would not follow it with no room, which `continues` checks)."""
        return (
            self.value_size > 0
            and line.size == self.value_size
            and line.bold == self.value_bold
            and line.x0 >= self.value_x0 - 1.0
        )

    def continues(self, line: TextLine) -> tuple[str, str] | None:
        """The label and value text a tightly following line adds: a wrapped cell,
        which only follows a line that had no room left for its first word."""
        gap = line.top - self.bottom
        if line.page != self.page or gap >= 0.45 * self.size:
            return None
        if self.row_gap is not None and gap >= self.row_gap - 1.0:
            return None  # as far apart as two rows are
        cut = self.value_x0 - 1.0
        left = [w for w in line.words if float(w["x1"]) <= cut + 1.0]
        right = [w for w in line.words if float(w["x0"]) >= cut - 1.0]
        if len(left) + len(right) != len(line.words):
            return None  # a word runs across the boundary
        if left and right and str(left[0]["text"])[:1].isupper():
            return None  # a capital in the label column with a value beside it: the next row
        # Labels wrap short of the value column by their gutter, values at the text edge.
        if left and not _wraps(self.label_end, left[0], self.value_x0 - 2.5 * self.size):
            return None
        if right and not _wraps(self.value_end, right[0], self.right - 1.5 * self.size):
            return None
        if left:
            self.label_end = float(left[-1]["x1"])
        if right:
            self.value_end = float(right[-1]["x1"])
        return " ".join(w["text"] for w in left), " ".join(w["text"] for w in right)

    def empty_label(self, line: TextLine, at_page_top: bool = False) -> bool:
        """Whether `line` is the next label of the same list, with nothing beside it
        (`at_page_top`: the list may carry on from the foot of the previous page)."""
        near = (
            line.page == self.page + 1
            if at_page_top
            else line.page == self.page and line.top - self.bottom <= 2.2 * self.size
        )
        return (
            near
            and len(line.segments) == 1
            and abs(line.x0 - self.label_x0) <= 1.5
            and line.x1 < self.value_x0
            and abs(line.colour - self.colour) < 0.15
            and _short(line.text)
        )
