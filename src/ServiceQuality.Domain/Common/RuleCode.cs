namespace ServiceQuality.Domain.Common;

/// <summary>
/// The business rules commands enforce. A <see cref="DomainRuleViolationException"/> carries the one broken;
/// each name is the sentence the rule enforces.
/// </summary>
public enum RuleCode
{
    /// <summary>A command's <c>now</c> must not be earlier than the aggregate's latest event.</summary>
    CommandTimeMustNotPrecedeLastEvent = 1,

    /// <summary>A command must be allowed by the aggregate's transition table in its current state.</summary>
    TransitionMustBeAllowed,

    /// <summary>A trust score must lie in 0-100.</summary>
    TrustScoreMustBeWithinRange = 100,

    /// <summary>A tier change must not take effect before the current tier does.</summary>
    TierChangeMustNotPrecedeCurrentTier,

    /// <summary>Recorded spend must be positive.</summary>
    SpendMustBePositive,

    /// <summary>Spend must be recorded in the currency of earlier spend.</summary>
    SpendCurrencyMustMatchEarlierSpend,

    /// <summary>A transfer must hand the ticket to someone other than its assignee.</summary>
    TransferMustChangeAssignee = 200,

    /// <summary>A third party's return can only be recorded while a referral is open.</summary>
    ThirdPartyReturnRequiresOpenReferral,

    /// <summary>A ticket waiting for a third party resumes when the third party's return is recorded, not before.</summary>
    OpenReferralMustBeReturnedToResume,

    /// <summary>A priority change must change the priority.</summary>
    PriorityChangeMustChangePriority,

    /// <summary>On-site arrival is recorded once per ticket.</summary>
    OnSiteArrivalIsRecordedOnce,

    /// <summary>A third party's return can only be recorded while the ticket waits for the third party, not on a customer hold.</summary>
    ThirdPartyReturnRequiresThirdPartyHold,

    /// <summary>A complaint merged into another accepts no further commands.</summary>
    MergedComplaintAcceptsNoCommands = 300,

    /// <summary>An escalation must raise the case's level (ticket or complaint); levels never go down or repeat.</summary>
    EscalationLevelMustIncrease,

    /// <summary>A complaint cannot be closed without a verdict.</summary>
    ClosingRequiresVerdict,

    /// <summary>A complaint needing a callback cannot be closed before the callback is completed, unless waived with a reason.</summary>
    ClosingRequiresCompletedCallback,

    /// <summary>A complaint cannot be merged into itself.</summary>
    ComplaintCannotMergeIntoItself,

    /// <summary>Compensation must be positive and in the currency of earlier compensation.</summary>
    CompensationMustBePositiveInOneCurrency,

    /// <summary>An investigation deadline must not precede the assignment.</summary>
    InvestigationDeadlineMustNotPrecedeAssignment,

    /// <summary>Attempts at a visit must not exceed its configured maximum.</summary>
    VisitAttemptsMustNotExceedMaximum = 400,

    /// <summary>A customer who refused takes no further part: after a refused attempt, no attempt and no completion are accepted.</summary>
    RefusedVisitAcceptsNoFurtherContact,

    /// <summary>A retry must wait the visit's retry interval after the previous attempt.</summary>
    VisitRetryMustWaitInterval,

    /// <summary>A visit whose attempts are recorded is completed only after one of them reached the customer.</summary>
    VisitCompletionRequiresReachedCustomer,

    /// <summary>A published agreement version is frozen: revise it into a new version instead.</summary>
    PublishedAgreementIsFrozen = 500,

    /// <summary>A target duration must be positive.</summary>
    TargetDurationMustBePositive,

    /// <summary>A warning stage must lie strictly between 0 % and 100 % of the target.</summary>
    WarningStageMustBeWithinRange,

    /// <summary>An agreement has at most eight warning stages.</summary>
    WarningStagesMustNumberAtMostEight,

    /// <summary>Each cell of the target matrix (metric × priority × tier) is defined once.</summary>
    TargetCellMustBeUnique,

    /// <summary>An agreement needs at least one target to be published.</summary>
    AgreementNeedsTargetsToPublish,

    /// <summary>A KPI objective's threshold must be a percentage from 0 to 100.</summary>
    KpiThresholdMustBeAPercentage,

    /// <summary>An agreement has at most 64 pause rules (one per hold reason); see <see cref="Agreements.ServiceLevelAgreement.MaxPauseRules"/>.</summary>
    PauseRulesMustNumberAtMost64,

    /// <summary>Only complaints of the same customer are merged (a duplicate from another customer is a complaint of its own).</summary>
    MergedComplaintsMustShareCustomer,

    /// <summary>
    /// Only an operational-level agreement names a team (<see cref="Agreements.ServiceLevelAgreement.SetTeam"/>): its clocks
    /// count the time that team holds the case.
    /// </summary>
    OnlyOperationalAgreementsHaveATeam,
}
