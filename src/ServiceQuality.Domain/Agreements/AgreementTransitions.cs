using ServiceQuality.Domain.Common;
using static ServiceQuality.Domain.Agreements.AgreementCommand;
using static ServiceQuality.Domain.Agreements.AgreementStatus;

namespace ServiceQuality.Domain.Agreements;

/// <summary>
/// The agreement version's transition table, declared once: a draft is edited and published, a published version is
/// retired, and a version that is no longer a draft is revised into the next one (a new aggregate; this one keeps its state).
/// </summary>
internal static class AgreementTransitions
{
    /// <summary>The frozen table.</summary>
    public static readonly TransitionTable<AgreementStatus, AgreementCommand> Table = new(
    [
        (Draft, Edit, Draft),
        (Draft, Publish, Published),
        (Published, Retire, Retired),
        (Published, Revise, Published),
        (Retired, Revise, Retired),
    ]);
}
