"""Matcher patterns: deadlines, non-deadlines, measures, actors, person.

Each pattern list is data; `pipeline.build` loads them into spaCy Matchers.
"""

from __future__ import annotations

from typing import Any

Pattern = list[dict[str, Any]]

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
TERMS = ["autumn", "spring", "summer"]
# Sentence-initial title-case words that are not a person acting ("Improve ... to", "To ...").
NOT_NAMES_EARLY = {
    "to",
    "you",
    "i",
    "he",
    "she",
    "they",
    "how",
    "we",
    "it",
    "this",
    "that",
    "there",
    "school",
    "college",
    "what",
}
HOLIDAYS = ["easter", "christmas", "half-term", "halfterm"]
NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "once",
    "twice",
    "half",
    "all",
]
PERIODS = [
    "day",
    "week",
    "fortnight",
    "month",
    "term",
    "lesson",
    "session",
    "evening",
    "morning",
    "night",
    "weekend",
    "half-term",
]
ROLES = [
    "teacher",
    "tutor",
    "carer",
    "carers",
    "mentor",
    "adviser",
    "advisor",
    "worker",
    "senco",
    "school",
    "college",
    "dt",
    "sw",
    "parent",
    "mum",
    "dad",
    "librarian",
    "coach",
    "counsellor",
    "nurse",
    "officer",
    "team",
    "head",
    "leader",
    "assistant",
    "ta",
    "provider",
    "keyworker",
    "staff",
    "department",
    "service",
    "virtual",
]
# Roles that are places or bodies: an actor only when they act ("school will", "college staff"),
# not as the object of a target ("attend school").
INSTITUTIONS = {
    "school",
    "college",
    "department",
    "service",
    "team",
    "provider",
    "staff",
    "head",
    "virtual",
}
TITLES = ["mr", "mrs", "ms", "miss", "dr", "mx"]

_BY = {
    "LOWER": {
        "IN": [
            "by",
            "before",
            "until",
            "for",
            "at",
            "in",
            "end",
            "during",
            "within",
            "over",
            "this",
            "next",
        ]
    }
}

DEADLINE: dict[str, list[Pattern]] = {
    "TERM_YEAR": [[{"LOWER": {"IN": TERMS}}, {"LOWER": "term", "OP": "?"}, {"SHAPE": "dddd"}]],
    "BY_TERM": [
        [
            {"LOWER": {"IN": ["by", "before", "until"]}},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ["end", "start", "beginning"]}, "OP": "?"},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": {"IN": ["the", "this", "next"]}, "OP": "?"},
            {"LOWER": {"IN": TERMS + HOLIDAYS + ["term", "year", "half", "week", "month"]}},
        ],
        [
            {"LOWER": "end"},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["the", "this", "next"]}, "OP": "?"},
            {"LOWER": {"IN": [*TERMS, "term", "year", "half"]}},
        ],
        [{"LOWER": "this"}, {"LOWER": {"IN": ["term", "half-term"]}}],
    ],
    "BY_MONTH": [
        [
            {"LOWER": {"IN": ["by", "before", "until", "in", "end", "during"]}},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": MONTHS}},
        ]
    ],
    "MONTH_YEAR": [[{"LOWER": {"IN": MONTHS}}, {"SHAPE": "dddd"}]],
    "NEXT_PEP": [
        [
            {"LOWER": {"IN": ["by", "before", "until", "at"]}},
            {"LOWER": {"IN": ["the", "our", "your"]}, "OP": "?"},
            {"LOWER": {"IN": ["next", "following"]}},
            {"LOWER": {"IN": ["pep", "review", "meeting"]}},
        ]
    ],
    "WITHIN": [
        [
            {"LOWER": {"IN": ["within", "in"]}},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["weeks", "days", "months", "terms"]}},
        ],
        [
            {"LOWER": {"IN": ["within", "in"]}},
            {"LOWER": {"IN": NUMBER_WORDS}},
            {"LOWER": {"IN": ["weeks", "days", "months", "terms"]}},
        ],
    ],
    "IN_YEAR": [
        [
            {"LOWER": {"IN": ["by", "before", "in", "during", "until"]}},
            {"TEXT": {"REGEX": r"^20\d\d$"}},
        ],
        [{"LOWER": {"IN": TERMS + HOLIDAYS + MONTHS}}, {"TEXT": {"REGEX": r"^20\d\d$"}}],
    ],
    "HALF_TERM": [[{"LOWER": {"IN": TERMS}}, {"TEXT": {"REGEX": r"^[12]$"}}]],
    "REST_OF": [
        [
            {"LOWER": {"IN": ["for", "over"]}},
            {"LOWER": "the"},
            {"LOWER": {"IN": ["rest", "remainder"]}},
            {"LOWER": "of"},
            {"LOWER": {"IN": ["the", "this"]}, "OP": "?"},
            {"LOWER": {"IN": [*TERMS, "term", "year", "half"]}},
        ]
    ],
    "FOR_PERIOD": [
        [
            {"LOWER": {"IN": ["for", "over"]}},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ["next", "coming", "following"]}, "OP": "?"},
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["weeks", "days", "months", "terms"]}},
        ],
        [
            {"LOWER": {"IN": ["for", "over"]}},
            {"LOWER": "the", "OP": "?"},
            {"LOWER": {"IN": ["next", "coming", "following"]}, "OP": "?"},
            {"LOWER": {"IN": NUMBER_WORDS}},
            {"LOWER": {"IN": ["weeks", "days", "months", "terms"]}},
        ],
        [{"LOWER": "this"}, {"LOWER": "half"}, {"TEXT": "-", "OP": "?"}, {"LOWER": "term"}],
    ],
    "BY_YEAR_GROUP": [
        [
            {"LOWER": {"IN": ["by", "before", "end"]}},
            {"LOWER": "of", "OP": "?"},
            {"LOWER": "year"},
            {"LIKE_NUM": True},
        ]
    ],
}

NON_DEADLINE: list[Pattern] = [
    [
        {
            "LOWER": {
                "IN": ["ongoing", "regularly", "continuous", "continuously", "continual", "asap"]
            }
        }
    ],
    [{"LOWER": "as"}, {"LOWER": {"IN": ["required", "needed", "necessary", "appropriate"]}}],
    [{"LOWER": "when"}, {"LOWER": {"IN": ["possible", "needed", "required", "appropriate"]}}],
    [{"LOWER": "throughout"}, {"LOWER": {"IN": ["the", "this"]}}, {"LOWER": "year"}],
    [{"LOWER": "on"}, {"LOWER": "going"}],
]

MEASURE: dict[str, list[Pattern]] = {
    "NUMBER": [
        [{"LIKE_NUM": True, "LOWER": {"NOT_IN": ["one"]}}],
        [{"LOWER": {"IN": NUMBER_WORDS}}],
    ],
    "PERCENT": [[{"LIKE_NUM": True}, {"TEXT": "%"}], [{"TEXT": {"REGEX": r"^\d+(\.\d+)?%$"}}]],
    "GRADE": [
        [{"LOWER": "grade"}, {"TEXT": {"REGEX": r"^([1-9]|[A-G]\*?|[a-g])$"}}],
        [{"LOWER": {"IN": ["merit", "distinction", "pass", "expected", "greater"]}}],
        [{"LOWER": {"IN": ["level"]}}, {"LIKE_NUM": True}],
    ],
    "FREQUENCY": [
        [{"LOWER": {"IN": ["every", "each", "per", "a"]}}, {"LOWER": {"IN": PERIODS}}],
        [{"LOWER": {"IN": ["daily", "weekly", "fortnightly", "monthly", "termly", "nightly"]}}],
        [
            {"LOWER": {"IN": ["every", "each"]}},
            {
                "LOWER": {
                    "IN": [
                        "monday",
                        "tuesday",
                        "wednesday",
                        "thursday",
                        "friday",
                        "saturday",
                        "sunday",
                    ]
                }
            },
        ],
        [
            {
                "LOWER": {
                    "IN": [
                        "mondays",
                        "tuesdays",
                        "wednesdays",
                        "thursdays",
                        "fridays",
                        "saturdays",
                        "sundays",
                    ]
                }
            }
        ],
    ],
    "EVERY_ITEM": [
        [
            {"LOWER": {"IN": ["every", "each"]}},
            {
                "LOWER": {
                    "IN": [
                        "piece",
                        "homework",
                        "assignment",
                        "task",
                        "question",
                        "test",
                        "deadline",
                        "lesson",
                        "class",
                        "session",
                        "one",
                        "single",
                    ]
                }
            },
        ]
    ],
    "OUT_OF": [
        [
            {"LIKE_NUM": True},
            {"LOWER": {"IN": ["out", "of"]}},
            {"LOWER": "of", "OP": "?"},
            {"LIKE_NUM": True},
        ]
    ],
    "AT_LEAST": [
        [{"LOWER": "at"}, {"LOWER": {"IN": ["least", "most"]}}],
        [{"LOWER": {"IN": ["minimum", "maximum"]}}],
        [{"LOWER": {"IN": ["more", "fewer", "less"]}}, {"LOWER": "than"}, {"LIKE_NUM": True}],
    ],
}

ACTOR: dict[str, list[Pattern]] = {
    "YOU": [[{"LOWER": {"IN": ["you", "i", "we"]}}]],
    "TITLED": [[{"LOWER": {"IN": TITLES}}, {"TEXT": ".", "OP": "?"}, {"IS_TITLE": True}]],
    "PRONOUN": [
        [
            {"LOWER": {"IN": ["he", "she", "they"]}},
            {"LOWER": {"IN": ["will", "to", "can", "should", "must", "'ll", "is", "has"]}},
        ]
    ],
    "YOUNG_PERSON": [
        [{"LOWER": {"IN": ["yp", "cyp", "pupil", "student", "learner", "child"]}}],
        [{"LOWER": "young"}, {"LOWER": "person"}],
    ],
    "NAMED": [
        [
            {"IS_TITLE": True, "LOWER": {"NOT_IN": sorted(NOT_NAMES_EARLY)}},
            {"LOWER": {"IN": ["will", "to", "can", "should", "must", "'ll"]}},
        ]
    ],
    "ROLE": [
        [{"LOWER": {"IN": sorted(set(ROLES) - INSTITUTIONS)}}],
        [
            {"LOWER": {"IN": sorted(INSTITUTIONS)}},
            {"LOWER": {"IN": ["will", "to", "staff", "team", "has", "have", "is", "are", "can"]}},
        ],
        [{"LOWER": "social"}, {"LOWER": "worker"}],
        [{"LOWER": "designated"}, {"LOWER": "teacher"}],
        [{"LOWER": "virtual"}, {"LOWER": "school"}],
    ],
}

SECOND_PERSON = {"you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd"}
THIRD_PERSON = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'll", "i'd"}

# -- what a target asks for (peplint target, smart parts) ------------------------------
# Verbs that name an aim rather than an action: "improve maths", "be more confident".
VAGUE_AIMS = {
    "improve",
    "work",
    "try",
    "be",
    "continue",
    "develop",
    "engage",
    "make",
    "do",
    "focus",
    "keep",
    "get",
    "have",
    "aim",
    "look",
    "feel",
    "become",
    "progress",
    "increase",
    "raise",
    "maintain",
    "build",
    "boost",
    "enhance",
    "show",
    "achieve",
    "reach",
    "gain",
    "strive",
    "think",
    "want",
    "begin",
    "start",
    "consider",
    "need",
    "know",
    "understand",
    "support",
    "help",
    "encourage",
    "ensure",
    "monitor",
}
MODALS = ["will", "to", "can", "must", "should", "shall", "'ll", "’ll", "would"]
ADVERBS = [
    "now",
    "also",
    "then",
    "independently",
    "regularly",
    "always",
    "not",
    "consistently",
    "confidently",
]
# Words after "to" / "will" that are not verbs.
NOT_VERBS = {
    "the",
    "a",
    "an",
    "his",
    "her",
    "your",
    "their",
    "my",
    "our",
    "this",
    "that",
    "school",
    "college",
    "lessons",
    "class",
    "classes",
    "be",
    "and",
    "or",
    "at",
    "in",
    "on",
    "of",
    "by",
    "with",
    "for",
    "from",
    "up",
    "than",
    "all",
    "every",
    "each",
    "work",
    "home",
    "bed",
    "nursery",
    "university",
    "sixth",
    "year",
    "him",
    "them",
    "me",
    "us",
    "you",
    "least",
    "date",
    "lunch",
}
# Verbs a target may start with (imperative targets: "Read for 20 minutes a night").
ACTION_START = {
    "read",
    "write",
    "complete",
    "attend",
    "practise",
    "practice",
    "use",
    "join",
    "answer",
    "learn",
    "spell",
    "hand",
    "submit",
    "bring",
    "arrive",
    "ask",
    "talk",
    "speak",
    "take",
    "meet",
    "visit",
    "apply",
    "research",
    "revise",
    "sit",
    "record",
    "log",
    "go",
    "walk",
    "spend",
    "finish",
    "produce",
    "find",
    "attempt",
    "recall",
    "count",
    "solve",
    "identify",
    "say",
    "tell",
    "choose",
    "plan",
    "pack",
    "check",
    "share",
    "play",
    "listen",
    "follow",
    "stay",
    "put",
    "switch",
    "wear",
    "name",
    "list",
    "present",
    "contribute",
    "respond",
    "catch",
    "recognise",
    "recite",
    "memorise",
    "explain",
    "describe",
    "draw",
    "build",
    "dress",
    "travel",
    "tidy",
    "sound",
    "blend",
}
# Title-case words that are not people: subjects, dates, school words.
NOT_NAMES = {
    "maths",
    "math",
    "mathematics",
    "english",
    "science",
    "history",
    "geography",
    "french",
    "spanish",
    "german",
    "art",
    "music",
    "pe",
    "computing",
    "psychology",
    "sociology",
    "biology",
    "chemistry",
    "physics",
    "drama",
    "re",
    "rs",
    "pshe",
    "ict",
    "dt",
    "literacy",
    "numeracy",
    "phonics",
    "spelling",
    "reading",
    "writing",
    *MONTHS,
    "autumn",
    "spring",
    "summer",
    "term",
    "easter",
    "christmas",
    "half",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "pep",
    "gcse",
    "gcses",
    "sats",
    "ks1",
    "ks2",
    "ks3",
    "ks4",
    "year",
    "grade",
    "pupil",
    "premium",
    "plus",
    "school",
    "college",
    "ehcp",
    "sen",
    "sdq",
    "a",
    "i",
    "level",
    "levels",
    "btec",
    "functional",
    "skills",
    "maths.",
    "lexia",
    "ucas",
    "eyfs",
}
ACTION: list[Pattern] = [
    [
        {"LOWER": {"IN": MODALS}},
        {"LOWER": "be"},
        {"LOWER": {"IN": ["on", "in", "at", "ready", "punctual", "present", "seated"]}},
    ],
    [
        {"LOWER": {"IN": MODALS}},
        {"LOWER": {"IN": ADVERBS}, "OP": "*"},
        {
            "IS_ALPHA": True,
            "IS_LOWER": True,
            "LOWER": {"NOT_IN": sorted(NOT_VERBS | set(ROLES) | set(TITLES))},
        },
    ],
]

# A title-case word before "will" / "to" is a name unless it is a verb or a school word.
ACTOR["NAMED"][0][0]["LOWER"]["NOT_IN"] = sorted(
    NOT_NAMES_EARLY | VAGUE_AIMS | ACTION_START | NOT_NAMES
)
