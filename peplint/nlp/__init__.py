"""The language layer: a blank English spaCy pipeline with rule components.

No trained model is needed or downloaded. `analyse` answers the questions the
text rules ask (is there a deadline, a measure, someone who acts; who is the
text written to; is it in the first person) from Matcher patterns.
"""

from peplint.nlp.analysis import TextFacts, analyse, analyse_many

__all__ = ["TextFacts", "analyse", "analyse_many"]
