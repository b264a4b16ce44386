namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// The commands of the agreement version's transition table (<see cref="ServiceLevelAgreement.Transitions"/>);
/// <see cref="ServiceLevelAgreement.PermittedCommands"/> lists those its status accepts.
/// </summary>
public enum AgreementCommand
{
    /// <summary>
    /// Any edit of the draft: <see cref="ServiceLevelAgreement.SetCalendar"/>, <see cref="ServiceLevelAgreement.SetCalendarSource"/>, <see cref="ServiceLevelAgreement.AddTarget(ServiceTarget, NodaTime.Instant)"/> (either overload),
    /// <see cref="ServiceLevelAgreement.PauseOn"/>, <see cref="ServiceLevelAgreement.SetWarningStages"/>,
    /// <see cref="ServiceLevelAgreement.SetReopenBehaviour"/>, <see cref="ServiceLevelAgreement.SetLossReporting"/>,
    /// <see cref="ServiceLevelAgreement.SetApplicability"/> and <see cref="ServiceLevelAgreement.AddKpiObjective"/>. Refused outside the draft with
    /// <c>RuleCode.PublishedAgreementIsFrozen</c>.
    /// </summary>
    Edit,

    /// <summary><see cref="ServiceLevelAgreement.Publish(NodaTime.Instant, NodaTime.Instant)"/>: publishes the draft, which freezes it.</summary>
    Publish,

    /// <summary><see cref="ServiceLevelAgreement.Retire"/>: retires the published version.</summary>
    Retire,

    /// <summary>
    /// <see cref="ServiceLevelAgreement.Revise"/>: starts the next version as a new draft; this version keeps its state.
    /// </summary>
    Revise,
}
