"""The feedback composer: draft QA feedback written to the designated teacher."""

from peplint.feedback.compose import compose_feedback

__all__ = ["compose_feedback"]
