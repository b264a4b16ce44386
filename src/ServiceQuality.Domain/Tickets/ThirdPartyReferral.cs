using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tickets;

/// <summary>A referral of a ticket to a third party (工作联系单) and, once recorded, its return (回单).</summary>
/// <param name="Party">Who the ticket was referred to (a developer, vendor, utility).</param>
/// <param name="ReferredAt">When it was referred.</param>
/// <param name="ReturnedAt">
/// When the third party's return was recorded, or when resolving the ticket closed the referral without a return; null while
/// the referral is open.
/// </param>
/// <param name="Result">What the third party reported; null while the referral is open or when resolving the ticket closed it.</param>
public sealed record ThirdPartyReferral(string Party, Instant ReferredAt, Instant? ReturnedAt, string? Result)
{
    /// <summary>Whether the third party has not returned the ticket yet.</summary>
    public bool IsOpen => ReturnedAt is null;

    /// <summary>Prints the members for <c>ToString</c>, with the party and the result masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Party = {PersonalData.Text(Party)}, ReferredAt = {ReferredAt}, ReturnedAt = {ReturnedAt}, Result = {PersonalData.Text(Result)}, IsOpen = {IsOpen}");
        return true;
    }
}
