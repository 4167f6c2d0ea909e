"""Counts of a detector's answers against labels, with precision and recall (shared by the
judgement benchmarks)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """True and false positives and negatives of one detector against the labels."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was found."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was there to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
