"""Built-in plugin: every rule of DESIGN section 4."""

from __future__ import annotations

from collections.abc import Callable

from peplint.hookspecs import hookimpl
from peplint.rules import (
    attendance,
    care_info,
    criteria,
    language,
    needs,
    participation,
    post16,
    progress,
    smart,
    strengths,
    timescales,
    voice,
)
from peplint.rules.base import Rule

BUILTIN_RULES: tuple[type[Rule], ...] = (
    timescales.InitialPepTimescale,
    timescales.ReviewInterval,
    timescales.SignOffTimescale,
    timescales.NextPepDate,
    care_info.CareInfoComplete,
    participation.StatutoryAttendees,
    participation.YoungPersonParticipation,
    participation.ContributorsViews,
    voice.VoicePresent,
    voice.VoiceFirstPerson,
    strengths.StrengthsIdentified,
    strengths.DevelopmentAreasIdentified,
    progress.InterventionWhereBelowExpected,
    attendance.AttendanceThreshold,
    progress.EnglishMathsRecorded,
    smart.TargetsPresent,
    smart.SmartSpecific,
    smart.SmartMeasurable,
    smart.SmartTimeBound,
    smart.SmartStrategy,
    needs.TargetsAddressNeeds,
    needs.TargetsShortAndLongTerm,
    language.WrittenToYoungPerson,
    language.LanguageThatCares,
    language.PlaceholderText,
    progress.SenSupportRecorded,
    post16.Post16Plan,
    post16.NeetBarriers,
    participation.PreviousActionsReviewed,
    participation.MeetingDiscussion,
    criteria.PupilPremiumPlusCosted,
    criteria.TransitionPlan,
    criteria.SdqStrategies,
    criteria.UnmetTargetsBrokenDown,
    criteria.CoreSubjectTargets,
    criteria.EarlyYearsProfile,
)


@hookimpl
def peplint_register_rules(register: Callable[[Rule], None]) -> None:
    """Register the built-in rules."""
    for rule_class in BUILTIN_RULES:
        register(rule_class())
