"""Rule packs: a Virtual School's checklist, thresholds, wording and rules, in YAML."""
