using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tickets;

/// <summary>
/// Why a ticket is on hold: a code the host defines (<c>awaiting-parts</c>, <c>等待业主</c>), with the two stock reasons
/// kept — <see cref="WaitingForCustomer"/> and <see cref="WaitingForThirdParty"/>, the only one a third-party referral
/// uses. A reason pauses only the metrics an agreement's pause rules name for it (<see cref="Agreements.ServiceLevelAgreement.PauseOn"/>):
/// a reason no rule names pauses nothing. Equality is ordinal on the code.
/// </summary>
/// <remarks>The default value has a null <see cref="Code"/> and is not a valid reason.</remarks>
public readonly record struct HoldReason
{
    /// <summary>Creates a reason.</summary>
    /// <param name="code">
    /// The reason's code: not null, empty or white space; at most 128 UTF-16 code units; no control characters or lone
    /// surrogates (the rules of an id). The stock codes are <c>WaitingForCustomer</c> and <c>WaitingForThirdParty</c>.
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="code"/> breaks one of those rules.</exception>
    public HoldReason(string code) => Code = Guard.Against.InvalidId(code, nameof(code));

    /// <summary>Waiting for the customer (information, access to premises, a decision).</summary>
    public static HoldReason WaitingForCustomer { get; } = new("WaitingForCustomer");

    /// <summary>Waiting for a third party: a developer, vendor or utility the ticket was referred to (工作联系单).</summary>
    public static HoldReason WaitingForThirdParty { get; } = new("WaitingForThirdParty");

    /// <summary>The stock reasons: <see cref="WaitingForCustomer"/>, <see cref="WaitingForThirdParty"/>.</summary>
    public static IReadOnlyList<HoldReason> Stock { get; } = [WaitingForCustomer, WaitingForThirdParty];

    /// <summary>The reason's code, as events, logs and definitions files name it.</summary>
    public string Code { get; }

    /// <summary>Returns the code.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;
}
