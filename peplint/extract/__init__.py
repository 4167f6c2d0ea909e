"""The profile stage: from a parser's block stream to the typed `Pep` model."""
