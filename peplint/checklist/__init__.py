"""The QA checklist stage: answer each item from the findings of its rules."""
