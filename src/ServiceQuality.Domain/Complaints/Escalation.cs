using System.Globalization;
using System.Text;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Complaints;

/// <summary>A report of a complaint up the ladder (上报主管).</summary>
/// <param name="Level">The level reached, from 1; levels only go up.</param>
/// <param name="Target">Who was told (a role or person).</param>
/// <param name="Reason">Why, for audit.</param>
/// <param name="EscalatedAt">When.</param>
public sealed record Escalation(int Level, string Target, string Reason, Instant EscalatedAt)
{
    /// <summary>Prints the members for <c>ToString</c>, with the target and the reason masked as personal data.</summary>
    /// <param name="builder">Where the members are printed.</param>
    /// <returns>True: members were printed.</returns>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Level = {Level}, Target = {PersonalData.Text(Target)}, Reason = {PersonalData.Text(Reason)}, EscalatedAt = {EscalatedAt}");
        return true;
    }
}
