"""`peplint pack init`: a starting pack with comments and example tests."""

from __future__ import annotations

TEMPLATE = """\
# {name}: a rule pack for peplint.
# Check it with:  peplint pack validate {name}.yaml
# Test it with:   peplint pack test {name}.yaml
# Use it with:    peplint lint PEP.pdf --pack {name}.yaml
pack: {name}
version: 1
description: Our Virtual School's PEP quality-assurance checklist.

# Start from Walsall's Section D checklist and the Language That Cares wording.
extends: [section-d]

# Our thresholds and timescales (`peplint pack show-config` lists every setting).
settings:
  attendance_threshold: 90        # below this, reasons, support and a target are expected
  sign_off_working_days: 10       # the designated teacher signs off within this many working days
  min_targets: 3

# Switch built-in rules off, or change how serious they are (error, warning, info).
rules:
  voice-first-person: {{severity: error}}
  # placeholder-text: off

  # A rule of our own: every PEP says how Pupil Premium Plus is used.
  pp-plus-linked:
    type: require
    section: smart_targets
    pattern: "(?i)pupil premium|PP\\\\+"
    severity: warning
    message: No target says how Pupil Premium Plus will be used.
    suggestion: Say how Pupil Premium Plus will fund at least one target.

# Words we ask schools not to use, and what to say instead.
lexicon:
  placement: home

# Other headings our ePEP template uses for a section.
aliases:
  young_persons_views: ["Pupil voice"]

# Our own wording for a rule's message.
messages:
  smart-time-bound: Please give this target a date or a term to be achieved by.

# Tests: a PEP (only the parts that matter; the rest is a complete example PEP)
# and what we expect peplint to say about it.
tests:
  - name: a PEP with Pupil Premium Plus in a target passes our rule
    pep: {{}}
    expect: {{no_findings: [pp-plus-linked]}}
  - name: 85% attendance is below our threshold
    pep:
      meeting: {{attendance_percent: 85}}
    expect: {{findings: [attendance-threshold], checklist: {{D6: "no"}}, meets: false}}
"""


def scaffold(name: str) -> str:
    """The text of a new pack named `name`."""
    return TEMPLATE.format(name=name)
