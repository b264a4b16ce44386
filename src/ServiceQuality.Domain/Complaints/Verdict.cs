using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>The finding on a complaint.</summary>
/// <param name="Outcome">Whether it was substantiated.</param>
/// <param name="Reason">Why, for audit.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When.</param>
public sealed record Verdict(VerdictOutcome Outcome, string Reason, StaffId DecidedBy, Instant DecidedAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Outcome = {Outcome}, Reason = {PersonalData.Text(Reason)}, DecidedBy = {DecidedBy}, DecidedAt = {DecidedAt}");
        return true;
    }
}
