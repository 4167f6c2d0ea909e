"""Word lists the text rules share: cues for strengths and development areas, and
the synonym groups that relate a target to a need."""

from __future__ import annotations

import re

STRENGTH_CUES = re.compile(
    r"(?i)\bstrength|\bgood at\b|\bexcel|\btalent|\bproud\b|\bwell done\b|\bexcellent\b|\bimpressive|"
    r"\bthoughtful|\bhard[- ]working|\benjoys?\b|\bdoing (really |very )?well|\bgreat\b|\bpositive\b|"
    r"\bimproved\b|\bbest\b|\bskilled\b|\bfantastic\b|\bbrilliant\b|\bstrong\b|\bgift"
)
DEVELOPMENT_CUES = re.compile(
    r"(?i)\bareas? (to|for|of) (develop|development|improve|improvement|focus|concern|growth)|"
    r"\bto develop\b|\bwork(ing)? on\b|\bneeds? (to|support|help)|\bconcern|"
    r"\bfinds? .{0,40}\b(hard|difficult|tricky|challenging)|\b(hard|difficult|tricky|challenging) for (you|him|her|them)|"
    r"\bstruggl|\bnext steps?\b|\bnot (yet )?on track|\bwant to help\b|\bwould like (you|him|her) to\b|"
    r"\bsupport (you|him|her|them) (with|to)\b|\bimprov(e|ing) (your|his|her|their)\b"
)
SOCIAL_EMOTIONAL = re.compile(
    r"(?i)\bfriend|\bsocial|\bemotion|\bwell-?being|\bconfiden|\banxi|\bworr|\bstress|\bfeel|\bbehaviour|"
    r"\bself-esteem|\bsettl|\brelationship|\bbreak ?times?\b|\blunch ?times?\b|\bmental health|\bsemh\b|"
    r"\bresilien|\bcalm|\bhappy|\bsafe\b|\bpeer"
)

ACADEMIC = re.compile(
    r"(?i)\blearn|\blessons?\b|\bassignment|\bhomework|\bgrade|\bread|\bwrit|\bmath|\benglish|\bscience|"
    r"\bsubject|\bexam|\bcoursework|\bessay|\bcalculation|\bspelling|\bresearch|\bfraction|\bstud|"
    r"\brevision|\bqualification|\bcourse\b|\bliteracy|\bnumeracy|\bgcse|\bprogress\b|\bconcentrat|\bfocus\b"
)

# Lemmas that say nothing about which need a sentence is about.
GENERIC = {
    "area",
    "develop",
    "development",
    "would",
    "like",
    "also",
    "want",
    "help",
    "support",
    "work",
    "working",
    "need",
    "your",
    "you",
    "his",
    "her",
    "their",
    "the",
    "and",
    "with",
    "this",
    "term",
    "year",
    "more",
    "make",
    "sure",
    "well",
    "good",
    "really",
    "still",
    "some",
    "time",
    "times",
    "further",
    "around",
    "which",
    "where",
    "when",
    "what",
    "that",
    "have",
    "has",
    "been",
    "being",
    "very",
    "much",
    "about",
    "will",
    "into",
    "from",
    "for",
    "are",
    "was",
    "were",
    "not",
    "but",
    "our",
    "all",
    "any",
    "one",
    "improve",
    "improvement",
    "concern",
    "focus",
    "build",
    "continue",
    "able",
    "can",
    "could",
    "should",
    "thing",
    "things",
    "lesson",
    "lessons",
    "areas",
    "think",
    "feel",
    "find",
    "tricky",
    "hard",
}

SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g)
    for g in (
        {
            "math",
            "maths",
            "mathematics",
            "numeracy",
            "fraction",
            "number",
            "calculation",
            "algebra",
            "arithmetic",
            "times-table",
            "tables",
        },
        {
            "english",
            "reading",
            "read",
            "writing",
            "write",
            "literacy",
            "spelling",
            "essay",
            "book",
            "phonics",
            "vocabulary",
            "literature",
        },
        {
            "attendance",
            "attend",
            "absence",
            "absent",
            "punctual",
            "punctuality",
            "late",
            "lateness",
            "bus",
            "travel",
            "journey",
        },
        {
            "friend",
            "friendship",
            "social",
            "peer",
            "club",
            "enrichment",
            "team",
            "break",
            "lunchtime",
            "lunch",
            "group",
        },
        {
            "worry",
            "anxiety",
            "anxious",
            "stress",
            "calm",
            "wellbeing",
            "well-being",
            "emotional",
            "semh",
            "mental",
            "mentor",
            "settle",
            "settled",
            "confidence",
            "confident",
            "counsellor",
            "drop-in",
            "happy",
            "safe",
        },
        {"behaviour", "exclusion", "detention", "sanction", "incident", "regulation", "anger"},
        {
            "speech",
            "communication",
            "language",
            "listening",
            "vocabulary",
            "salt",
            "reading",
            "read",
        },
        {
            "career",
            "university",
            "apprenticeship",
            "job",
            "application",
            "ucas",
            "degree",
            "careers",
        },
        {"assignment", "deadline", "coursework", "homework", "organisation", "planning", "planner"},
        {"science", "chemistry", "biology", "physics", "practical"},
    )
)

ATTENDANCE_WORDS = re.compile(
    r"(?i)\battend|\babsen|\bpunctual|\blate(ness)?\b|\bmiss(ed|ing)? (school|college|lessons)"
)
# A target about attending school or college, not about attending a club's sessions.
SCHOOL_ATTENDANCE = re.compile(
    r"(?i)\b(school|college|lesson|class|whole[- ]school) attendance\b|\battendance (to|of|at|above|over|in)\b|"
    r"\battend\w*\b[^.]{0,40}\b(school|college|lessons|classes|every day|registration|\d+ ?%|per ?cent)|"
    r"\bpunctual|\blateness\b|\bon time (to|for) (school|college)|\babsence"
)


def expand(lemmas: set[str]) -> set[str]:
    """The lemmas plus every synonym group any of them belongs to."""
    out = set(lemmas)
    for group in SYNONYM_GROUPS:
        if lemmas & group:
            out |= group
    return out


def content_lemmas(lemmas: set[str]) -> set[str]:
    """Lemmas that carry meaning (not generic, at least three letters)."""
    return {w for w in lemmas if len(w) >= 3 and w not in GENERIC}
